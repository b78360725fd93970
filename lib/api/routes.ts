import { z } from 'zod';
import { AgencyId, NewAgency, ProfileUpdate } from '#lib/domain/agency';
import { NewStaff, StaffId, StaffUpdate, type Role } from '#lib/domain/staff';
import type { HttpFunctionName } from '#lib/platform/functions';
import { CivilDate } from '#lib/domain/calendar/civil-date';
import { CALENDAR_RANGE } from '#lib/domain/calendar/working-calendar';
import {
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  PublishedSchedule,
} from '#lib/domain/calendar/year-schedule';
import {
  AgencyDirectory,
  AgencyView,
  CalendarYearView,
  CreatedStaffView,
  DeadlineView,
  HealthReport,
  LoadedCalendarYearView,
  StaffList,
  StaffView,
} from './views';

/**
 * The route table, defined once. The CDK stack creates an API Gateway route per entry (with the JWT
 * authorizer on staff routes and throttling on public ones), the local gateway matches requests against
 * it, and the OpenAPI document is generated from it.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Throttle = { readonly rateLimit: number; readonly burstLimit: number };

export type ResponseDefinition = {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly contentType?: string;
};

export type RouteDefinition = {
  readonly method: HttpMethod;
  readonly path: `/v1/${string}`;
  readonly function: HttpFunctionName;
  /** `staff` routes sit behind the JWT authorizer; `public` ones are throttled instead. */
  readonly access: 'public' | 'staff';
  readonly summary: string;
  readonly roles?: readonly Role[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly responses: Readonly<Record<number, ResponseDefinition>>;
  readonly throttle?: Throttle;
};

/** Throttle of public routes (requests per second, burst), per route across all callers. */
export const publicThrottle: Throttle = { rateLimit: 50, burstLimit: 100 };
/** Throttle of every other route (the stage default). */
export const defaultThrottle: Throttle = { rateLimit: 200, burstLimit: 400 };

export const AgencyPath = z.object({ agencyId: AgencyId });
export const StaffPath = z.object({ agencyId: AgencyId, staffId: StaffId });
export const PageQuery = z.object({
  nextToken: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const YearPath = z.object({
  year: z.coerce
    .number({ error: 'must be a year' })
    .int('must be a year')
    .min(FIRST_CALENDAR_YEAR, `must be ${FIRST_CALENDAR_YEAR} or later`)
    .max(LAST_CALENDAR_YEAR, `must be ${LAST_CALENDAR_YEAR} or earlier`),
});

const periodLength = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(366, 'must be at most 366');
export const DeadlineQuery = z
  .object({
    from: CivilDate.refine(
      (date) => date >= CALENDAR_RANGE.first && date <= CALENDAR_RANGE.last,
      `must be from ${CALENDAR_RANGE.first} to ${CALENDAR_RANGE.last}`,
    ),
    workingDays: periodLength.optional(),
    naturalDays: periodLength.optional(),
  })
  .refine((query) => (query.workingDays === undefined) !== (query.naturalDays === undefined), {
    message: 'give exactly one of workingDays and naturalDays',
    path: ['workingDays'],
  });

export const routes = [
  {
    method: 'GET',
    path: '/v1/health',
    function: 'health',
    access: 'public',
    summary: 'Whether the service and each of its dependencies answer',
    responses: {
      200: { description: 'All dependencies up', schema: HealthReport },
      503: { description: 'A dependency is down', schema: HealthReport },
    },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    function: 'openapi',
    access: 'public',
    summary: 'This API, as an OpenAPI 3.1 document',
    responses: { 200: { description: 'The OpenAPI document' } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies',
    function: 'agencies',
    access: 'public',
    summary: 'The agency directory, with each disclosure office’s public details',
    query: PageQuery,
    responses: { 200: { description: 'A page of agencies', schema: AgencyDirectory } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/agencies',
    function: 'agencies',
    access: 'staff',
    roles: ['platform_admin'],
    summary: 'Create an agency (tenant)',
    body: NewAgency,
    responses: { 201: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/profile',
    function: 'agencies',
    access: 'staff',
    summary: 'The agency and its disclosure office’s details',
    params: AgencyPath,
    responses: { 200: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/profile',
    function: 'agencies',
    access: 'staff',
    roles: ['agency_admin'],
    summary: 'Replace the disclosure office’s details (optimistic concurrency on `version`)',
    params: AgencyPath,
    body: ProfileUpdate,
    responses: { 200: { description: 'The updated agency', schema: AgencyView } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/staff',
    function: 'staff',
    access: 'staff',
    roles: ['agency_admin', 'platform_admin'],
    summary: 'Create a staff account with its roles',
    params: AgencyPath,
    body: NewStaff,
    responses: { 201: { description: 'The account', schema: CreatedStaffView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/staff',
    function: 'staff',
    access: 'staff',
    roles: ['agency_admin', 'platform_admin'],
    summary: 'The agency’s staff accounts',
    params: AgencyPath,
    query: PageQuery,
    responses: { 200: { description: 'A page of accounts', schema: StaffList } },
  },
  {
    method: 'PATCH',
    path: '/v1/agencies/{agencyId}/staff/{staffId}',
    function: 'staff',
    access: 'staff',
    roles: ['agency_admin', 'platform_admin'],
    summary: 'Enable or disable an account, or change its roles',
    params: StaffPath,
    body: StaffUpdate,
    responses: { 200: { description: 'The account', schema: StaffView } },
  },
  {
    method: 'GET',
    path: '/v1/calendars/{year}',
    function: 'calendar',
    access: 'public',
    summary: 'A year’s working-day calendar and where it comes from (bundled, loaded or provisional)',
    params: YearPath,
    responses: { 200: { description: 'The year', schema: CalendarYearView } },
    throttle: publicThrottle,
  },
  {
    method: 'PUT',
    path: '/v1/calendars/{year}',
    function: 'calendar',
    access: 'staff',
    roles: ['platform_admin'],
    summary:
      'Load a year’s holiday schedule as the State Council published it; provisional clocks are recomputed',
    params: YearPath,
    body: PublishedSchedule,
    responses: {
      200: {
        description: 'The year, and the recomputation of provisional clocks',
        schema: LoadedCalendarYearView,
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/deadlines',
    function: 'calendar',
    access: 'public',
    summary:
      'Deadline calculator: N working days (or natural days) from a date, in China’s working-day calendar',
    query: DeadlineQuery,
    responses: { 200: { description: 'The due date', schema: DeadlineView } },
    throttle: publicThrottle,
  },
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export const routeKeyOf = (route: Pick<RouteDefinition, 'method' | 'path'>): string =>
  `${route.method} ${route.path}`;
export type RouteKey<F extends HttpFunctionName = HttpFunctionName> =
  Extract<Route, { function: F }> extends infer R
    ? R extends Route
      ? `${R['method']} ${R['path']}`
      : never
    : never;

const byKey = new Map<string, RouteDefinition>(routes.map((route) => [routeKeyOf(route), route]));
export const routeByKey = (routeKey: string): RouteDefinition | undefined => byKey.get(routeKey);
