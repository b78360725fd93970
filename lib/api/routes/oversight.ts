import * as z from 'zod';
import { CivilDate, YearNumber } from '#lib/domain/calendar/civil-date';
import { COMPLIANCE_COLUMNS } from '#lib/domain/compliance';
import { ASSESSMENT_TABLES, DEFAULT_ASSESSMENT_TABLE, FUJIAN_TABLE } from '#lib/domain/assessment-tables';
import { BREACH_KINDS } from '#lib/domain/sweep';
import { AgencyId } from '#lib/domain/agency';
import { notFound, rule, versionConflict } from '../problems';
import { publicThrottle, type RouteDefinition } from '../route-definition';
import { AcceptHeader } from './reports';
import { AgencyPath, PageQuery } from './shared';

export const RollUpPath = z.object({ agencyId: AgencyId, year: YearNumber });

export const ComplianceQuery = z
  .object({
    from: CivilDate.optional(),
    to: CivilDate.optional(),
    sort: z.enum(COMPLIANCE_COLUMNS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    message: 'must not be before from',
    path: ['to'],
  });

export const RollUpPublication = z.strictObject({
  version: z.int().min(0).describe('The roll-up’s version as read (0: never published)'),
});
export const RollUpEditionQuery = z.object({ edition: z.coerce.number().int().min(1).optional() });

export const AssessmentQuery = z.object({
  table: z
    .enum(Object.keys(ASSESSMENT_TABLES) as [string, ...string[]])
    .default(DEFAULT_ASSESSMENT_TABLE)
    .describe('The points table to score against')
    .transform((id) => ASSESSMENT_TABLES[id] ?? FUJIAN_TABLE),
});

export const BreachQuery = PageQuery.extend({
  year: YearNumber.optional(),
  kind: z.enum(BREACH_KINDS).optional(),
  includeSubordinates: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** The oversight function’s routes: breaches, reminders and notifications, along the agency tree. */
export const oversightRoutes = [
  // --- Oversight: what the sweep recorded ---
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/breaches',
    function: 'oversight',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    scope: 'agency-tree',
    summary: 'Deadline breaches with who answers for them; a higher agency’s supervisors see those under it',
    params: AgencyPath,
    query: BreachQuery,
    problems: [],
    responses: { 200: { description: 'Breaches (and those of subordinate agencies)', schema: 'BreachList' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/reminders',
    function: 'oversight',
    access: 'staff',
    scope: 'agency-tree',
    summary: 'Reminders the sweep sent, newest first',
    params: AgencyPath,
    query: PageQuery,
    problems: [],
    responses: { 200: { description: 'A page of reminders', schema: 'RecordList' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/outbox',
    function: 'oversight',
    access: 'staff',
    roles: ['supervisor', 'agency_admin', 'platform_admin'],
    scope: 'agency-tree',
    summary: 'Notifications sent for the agency, newest first (the local cloud’s mail)',
    params: AgencyPath,
    query: PageQuery,
    problems: [],
    responses: { 200: { description: 'A page of notifications', schema: 'RecordList' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/awaiting-confirmation',
    function: 'oversight',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    scope: 'agency-tree',
    summary:
      'Online applications waiting for confirmation, oldest first, with the agency’s limit (a policy, not the law) and whether it passed',
    params: AgencyPath,
    query: PageQuery,
    problems: [],
    responses: {
      200: { description: 'A page of unconfirmed applications', schema: 'AwaitingConfirmationList' },
    },
  },
  // --- Supervision: a government over the agencies under it ---
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/roll-ups/{year}',
    function: 'oversight',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    scope: 'agency-tree',
    summary:
      'The roll-up (汇总) of the year’s annual reports over the agency and every agency under it, from their counters: each cell with the agencies it comes from, and who has not published',
    params: RollUpPath,
    problems: [notFound],
    responses: { 200: { description: 'The summed tables', schema: 'RollUpView' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/roll-ups/{year}/publication',
    function: 'oversight',
    access: 'staff',
    roles: ['approver'],
    summary:
      'Publish the roll-up as it stands as the government’s own sealed edition (汇总, SHA-256), archived and shown on the portal; each publication is a new edition',
    params: RollUpPath,
    body: RollUpPublication,
    problems: [notFound, versionConflict, rule('report-year-not-ended')],
    responses: { 200: { description: 'The edition’s seal, every edition, who had not published' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/roll-ups/{year}/published',
    function: 'oversight',
    access: 'public',
    summary:
      'A government’s published roll-up (JSON, or with Accept: text/html the printable page); ?edition=N for an earlier one',
    params: RollUpPath,
    query: RollUpEditionQuery,
    headers: AcceptHeader,
    problems: [notFound],
    responses: {
      200: { description: 'The roll-up, its seal and its editions', schema: 'PublishedReportView' },
    },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/compliance',
    function: 'oversight',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    scope: 'agency-tree',
    summary:
      'Compliance of the agency and every agency under it from `from` to `to` (by default, January 1 to today): applications received, decided, overdue, days to reply, proactive items published late, breaches by kind, reports missing — from day counters, sortable (?sort=, ?order=)',
    params: AgencyPath,
    query: ComplianceQuery,
    problems: [notFound],
    responses: {
      200: { description: 'One row per agency, in tree order unless sorted', schema: 'ComplianceView' },
    },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/assessments/{year}',
    function: 'oversight',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    scope: 'agency-tree',
    summary:
      'The assessment (考核) of the agency and every agency under it for a year on a points table (?table=, Fujian’s by default): each item the platform measures with its points, score, basis and records; the others listed for manual scoring',
    params: RollUpPath,
    query: AssessmentQuery,
    problems: [notFound],
    responses: { 200: { description: 'Each agency’s scored table', schema: 'AssessmentView' } },
  },
] as const satisfies readonly RouteDefinition<'oversight'>[];
