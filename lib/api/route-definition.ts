import type * as z from 'zod';
import type { Role } from '#lib/domain/staff';
import type { HttpFunctionName } from '#lib/platform/functions';
import type { ProblemDeclaration } from './problems';
import type * as views from './views';

/**
 * What a route of the API is. The route table (`routes.ts`) lists every route, one module per function
 * (`routes/<function>.ts`); the CDK stack creates an API Gateway route per entry (with the JWT authorizer on
 * staff routes and throttling on public ones), the local gateway matches requests against it, the OpenAPI
 * document is generated from it, and each function parses its requests with its own routes' schemas.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Throttle = { readonly rateLimit: number; readonly burstLimit: number };

/** A response shape of `views.ts`, by its name there (only the OpenAPI document builds it). */
export type ViewName = {
  [K in keyof typeof views]: (typeof views)[K] extends z.ZodType ? K : never;
}[keyof typeof views];

export type ResponseDefinition = {
  readonly description: string;
  readonly schema?: ViewName;
  readonly contentType?: string;
};

export type RouteDefinition<F extends HttpFunctionName = HttpFunctionName> = {
  /** API routes answer JSON; the people's pages (`page-routes.ts`) are the other kind. */
  readonly kind?: 'api';
  readonly method: HttpMethod;
  readonly path: `/v1/${string}`;
  readonly function: F;
  /** `staff` routes sit behind the JWT authorizer; `public` ones are throttled instead. */
  readonly access: 'public' | 'staff';
  readonly summary: string;
  /** Staff routes: the roles that may call it (any one of them); none listed means any staff member. */
  readonly roles?: readonly Role[];
  /**
   * Whose records a staff route reaches, checked before the handler runs: `agency` (the default on paths
   * with `{agencyId}`) admits only that agency's staff, and a `platform_admin` when the route lists that
   * role; `agency-tree` admits staff of any agency, the use case then checking that the caller's agency is
   * that agency or above it in the tree (RULES §4).
   */
  readonly scope?: 'agency' | 'agency-tree';
  /**
   * `GET` staff routes of `agency` scope: whether a supervisor of an agency above reads it (`read`, the
   * default; the route's roles still apply, `supervisor` standing for itself) or not (`own-agency`: what
   * only the agency's own staff may see, such as an applicant's unmasked identity).
   */
  readonly supervision?: 'read' | 'own-agency';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** The request headers it reads (lower-case names), parsed like the rest of the input. */
  readonly headers?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly responses: Readonly<Record<number, ResponseDefinition>>;
  /** The problems its use case can answer, besides those every route can (see `commonProblems`). */
  readonly problems: readonly ProblemDeclaration[];
  readonly throttle?: Throttle;
};

/** Throttle of public routes (requests per second, burst), per route across all callers. */
export const publicThrottle: Throttle = { rateLimit: 50, burstLimit: 100 };
/** Throttle of every other route (the stage default). */
export const defaultThrottle: Throttle = { rateLimit: 200, burstLimit: 400 };

export const routeKeyOf = (route: { readonly method: string; readonly path: string }): string =>
  `${route.method} ${route.path}`;

/** The key (`GET /v1/…`) of route `R`: API Gateway's route key, and the name of its handler. */
export type RouteKeyOf<R> = R extends { readonly method: string; readonly path: string }
  ? `${R['method']} ${R['path']}`
  : never;

/** The route among `R` whose key is `K`. */
export type RouteWithKey<R, K extends string> = R extends unknown
  ? RouteKeyOf<R> extends K
    ? R
    : never
  : never;

/** Routes by key, for a function to find the route of a request. */
export const byRouteKey = <R extends { readonly method: string; readonly path: string }>(
  routes: readonly R[],
): ReadonlyMap<string, R> => new Map(routes.map((route) => [routeKeyOf(route), route]));

/** `Argument` when some route of `R` has access `A` (the compiler then insists on it), else nothing. */
export type ArgumentWhen<R, A extends string, Argument extends unknown[]> = [
  Extract<R, { readonly access: A }>,
] extends [never]
  ? []
  : Argument;
