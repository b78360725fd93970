import type { APIGatewayEventRequestContextV2, APIGatewayProxyEventV2WithRequestContext } from 'aws-lambda';
import type { z } from 'zod';
import type { RouteDefinition } from '#lib/api/route-definition';
import { ForbiddenError, UnauthenticatedError, ValidationError, type FieldError } from '#lib/domain/errors';
import {
  assertIssuedBefore,
  assertTokenRolesFitAgency,
  currentPrincipal,
  type Principal,
  type StaffAccount,
} from '#lib/domain/staff';
import { principalFromClaims, type Claims } from './claims';

/** An HTTP API (payload 2.0) event, with the JWT authorizer's context on staff routes. */
export type HttpEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: { jwt?: { claims: Claims; scopes: string[] | null } } }
>;

type Location = 'path' | 'query' | 'body' | 'header';

export function issuesToFieldErrors(location: Location, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [location, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** The output of the schema a route declares for `part` of the request, or `undefined` without one. */
type Parsed<R, Part extends string> = R extends { readonly [P in Part]: infer Schema extends z.ZodType }
  ? z.output<Schema>
  : undefined;

/** What a route's handler receives: its input parsed with the route's own schemas, and who calls. */
export type RouteInput<R extends RouteDefinition> = {
  readonly params: Parsed<R, 'params'>;
  readonly query: Parsed<R, 'query'>;
  readonly headers: Parsed<R, 'headers'>;
  readonly body: Parsed<R, 'body'>;
  /** On staff routes: the staff member, already checked for the route's roles and scope. */
  readonly principal: R extends { readonly access: 'staff' } ? Principal : undefined;
  /** The request's time, as API Gateway stamped it: the only clock a use case sees. */
  readonly now: Date;
  readonly requestId: string;
};

/** A route's input before the route is known to the compiler. */
export type ParsedInput = {
  readonly params: unknown;
  readonly query: unknown;
  readonly headers: unknown;
  readonly body: unknown;
  readonly principal: Principal | undefined;
  readonly now: Date;
  readonly requestId: string;
};

/**
 * The staff account a token names, as it stands now: one key read (`GetItem`, strongly consistent), so a
 * disabled or demoted account loses its powers at its next request.
 */
export type StaffAccountOf = ((staffId: string) => Promise<StaffAccount | undefined>) & {
  /**
   * Whether `agencyId` is below `ancestorId` in the agency tree: a supervisor of the ancestor reads (never
   * changes) its records. Without it, staff reach their own agency only.
   */
  readonly agencyIsBelow?: (agencyId: string, ancestorId: string) => Promise<boolean>;
};

/**
 * Turns an event into the route's input, in this order: who calls (401: the token, then the account it
 * names as it stands now), the path (400), whether the caller may call this route on this path (403:
 * before anything else of the request is read, so a caller without access learns nothing of what the
 * route would accept), then headers, query and body (400).
 */
export async function parseRouteInput(
  route: RouteDefinition,
  event: HttpEvent,
  staffAccountOf?: StaffAccountOf,
): Promise<ParsedInput> {
  const principal = route.access === 'staff' ? await staffPrincipal(event, staffAccountOf) : undefined;
  const params = parse(route.params, event.pathParameters ?? {}, 'path', 'Invalid path parameter.');
  if (principal !== undefined) await authorize(route, principal, params, staffAccountOf);
  refuseTokensInQuery(event.queryStringParameters);
  return {
    params,
    headers: parse(route.headers, event.headers, 'header', 'Invalid header.'),
    query: parse(route.query, event.queryStringParameters ?? {}, 'query', 'Invalid query parameter.'),
    body:
      route.body === undefined
        ? undefined
        : parse(route.body, jsonBody(event), 'body', 'The body is invalid.'),
    principal,
    now: new Date(event.requestContext.timeEpoch),
    requestId: event.requestContext.requestId,
  };
}

/**
 * API Gateway's JWT authorizer already refused requests without a valid token; checking again here keeps
 * a misconfigured route from ever running a staff use case anonymously.
 */
async function staffPrincipal(
  event: HttpEvent,
  staffAccountOf: StaffAccountOf | undefined,
): Promise<Principal> {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const principal = claims === undefined ? undefined : principalFromClaims(claims);
  if (principal === undefined) throw new UnauthenticatedError('A staff token is required.');
  // Token lifetimes run on the wall clock (the identity provider's), not on the request's business time.
  assertIssuedBefore(Number(claims?.iat), new Date());
  assertTokenRolesFitAgency(principal);
  // A function with staff routes cannot be built without the lookup (see `httpFunction`).
  if (staffAccountOf === undefined) throw new UnauthenticatedError('Staff accounts cannot be checked here.');
  return currentPrincipal(principal, await staffAccountOf(principal.staffId));
}

/**
 * The route's scope, then its roles. Staff act only on their own agency's records, so a staff member of
 * another agency learns nothing, not even whether the record exists; platform administrators belong to no
 * agency and reach any agency on the routes that list their role. A supervisor reads — `GET` only, on
 * routes that admit a supervisor and are not `own-agency` — the records of every agency below their own in
 * the tree (supervision, 监督); never those beside or above it.
 */
async function authorize(
  route: RouteDefinition,
  principal: Principal,
  params: unknown,
  staffAccountOf: StaffAccountOf | undefined,
): Promise<void> {
  const agencyId =
    typeof params === 'object' && params !== null && 'agencyId' in params ? params.agencyId : undefined;
  const platformWide =
    principal.roles.has('platform_admin') && route.roles?.includes('platform_admin') === true;
  if (
    (route.scope ?? 'agency') === 'agency' &&
    agencyId !== undefined &&
    agencyId !== principal.agencyId &&
    !platformWide
  ) {
    const supervising =
      typeof agencyId === 'string' &&
      route.method === 'GET' &&
      (route.supervision ?? 'read') === 'read' &&
      principal.roles.has('supervisor') &&
      staffAccountOf?.agencyIsBelow !== undefined &&
      (await staffAccountOf.agencyIsBelow(agencyId, principal.agencyId));
    if (!supervising) throw new ForbiddenError('This staff account belongs to another agency.');
  }
  const roles = route.roles ?? [];
  if (roles.length > 0 && !roles.some((role) => principal.roles.has(role))) {
    throw new ForbiddenError(`This action needs the role ${roles.join(' or ')}.`);
  }
}

/**
 * Query parameters that would carry a credential. A query string ends up in access logs, browser
 * history and `Referer` headers, so a token sent there is refused (and is to be treated as disclosed):
 * staff tokens go in `Authorization`, applicants' access tokens in `X-Access-Token`.
 */
const TOKEN_QUERY_NAMES = new Set([
  'access_token',
  'accesstoken',
  'x-access-token',
  'id_token',
  'idtoken',
  'token',
  'jwt',
  'authorization',
]);

function refuseTokensInQuery(query: Record<string, string | undefined> | undefined): void {
  const names = Object.keys(query ?? {}).filter((name) => TOKEN_QUERY_NAMES.has(name.toLowerCase()));
  if (names.length === 0) return;
  throw new ValidationError(
    'Tokens are not accepted in the query string: send an access token in the X-Access-Token header and a staff token in Authorization.',
    names.map((name) => ({ path: `query.${name}`, message: 'must not carry a token; use the header' })),
  );
}

function jsonBody(event: HttpEvent): unknown {
  const raw = event.body;
  if (raw === undefined || raw === '') {
    throw new ValidationError('A JSON body is required.', [{ path: 'body', message: 'is required' }]);
  }
  const contentType = event.headers['content-type'];
  if (contentType === undefined || !/^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType)) {
    throw new ValidationError('The body must be JSON (Content-Type: application/json).', [
      { path: 'header.content-type', message: 'must be application/json' },
    ]);
  }
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      'The body is not valid JSON.',
      [{ path: 'body', message: 'is not valid JSON' }],
      error,
    );
  }
}

function parse(schema: z.ZodType | undefined, input: unknown, location: Location, detail: string): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(detail, issuesToFieldErrors(location, result.error));
  return result.data;
}
