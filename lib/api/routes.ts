import type { HttpFunctionName } from '#lib/platform/functions';
import { pageRoutes, type PageFunctionName, type PageRouteDefinition } from './page-routes';
import { byRouteKey, type RouteDefinition } from './route-definition';
import { agenciesRoutes } from './routes/agencies';
import { calendarRoutes } from './routes/calendar';
import { caseworkRoutes } from './routes/casework';
import { complaintsRoutes } from './routes/complaints';
import { healthRoutes } from './routes/health';
import { intakeRoutes } from './routes/intake';
import { openapiRoutes } from './routes/openapi';
import { oversightRoutes } from './routes/oversight';
import { readingRoomRoutes } from './routes/reading-room';
import { reportsRoutes } from './routes/reports';
import { reviewRoutes } from './routes/review';
import { staffRoutes } from './routes/staff';
import { submissionRoutes } from './routes/submission';
import { uploadsRoutes } from './routes/uploads';

export {
  defaultThrottle,
  publicThrottle,
  routeKeyOf,
  type HttpMethod,
  type ResponseDefinition,
  type RouteDefinition,
  type Throttle,
} from './route-definition';

/** The functions that answer API routes (the people's pages have their own table; `fallback` has none). */
export type ApiFunctionName = Exclude<HttpFunctionName, PageFunctionName | 'fallback'>;

/**
 * The route table, defined once: every function's routes, each function's in a module of its own
 * (`routes/<function>.ts`), so that a function's bundle carries its own routes' schemas and no other's.
 * The CDK stack, the local gateway, the OpenAPI document and the console's role checks read this table;
 * a function's handler reads only its module. The compiler checks that every API function has its module
 * and that a module holds only that function's routes.
 */
export const routesByFunction = {
  health: healthRoutes,
  openapi: openapiRoutes,
  agencies: agenciesRoutes,
  staff: staffRoutes,
  calendar: calendarRoutes,
  uploads: uploadsRoutes,
  intake: intakeRoutes,
  casework: caseworkRoutes,
  submission: submissionRoutes,
  review: reviewRoutes,
  'reading-room': readingRoomRoutes,
  oversight: oversightRoutes,
  complaints: complaintsRoutes,
  reports: reportsRoutes,
} as const satisfies { readonly [F in ApiFunctionName]: readonly RouteDefinition<F>[] };

export const routes = [
  ...healthRoutes,
  ...openapiRoutes,
  ...agenciesRoutes,
  ...staffRoutes,
  ...calendarRoutes,
  ...uploadsRoutes,
  ...intakeRoutes,
  ...caseworkRoutes,
  ...submissionRoutes,
  ...reviewRoutes,
  ...readingRoomRoutes,
  ...oversightRoutes,
  ...complaintsRoutes,
  ...reportsRoutes,
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export type RouteKey<F extends HttpFunctionName = HttpFunctionName> =
  Extract<Route, { function: F }> extends infer R
    ? R extends Route
      ? `${R['method']} ${R['path']}`
      : never
    : never;

/** The route with key `K` (`GET /v1/…`). */
export type RouteOfKey<K extends string> = Route extends infer R
  ? R extends Route
    ? `${R['method']} ${R['path']}` extends K
      ? R
      : never
    : never
  : never;

const byKey = byRouteKey<RouteDefinition>(routes);
export const routeByKey = (routeKey: string): RouteDefinition | undefined => byKey.get(routeKey);

/** The whole route table: the API's routes and the people's pages, served side by side. */
export type AnyRouteDefinition = RouteDefinition | PageRouteDefinition;
export const routeTable: readonly AnyRouteDefinition[] = [...routes, ...pageRoutes];
export const anyRouteByKey = (routeKey: string): AnyRouteDefinition | undefined =>
  byKey.get(routeKey) ?? pageByKey.get(routeKey);
const pageByKey = byRouteKey<PageRouteDefinition>(pageRoutes);
