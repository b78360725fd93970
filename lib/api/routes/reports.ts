import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import { Figures, LegalChallengeInput, LegalChallengeOutcome, Narrative } from '#lib/domain/annual-report';
import { YearNumber } from '#lib/domain/calendar/civil-date';
import { notFound, rule, versionConflict } from '../problems';
import { publicThrottle, type RouteDefinition } from '../route-definition';
import { AgencyPath, PageQuery } from './shared';

export const AcceptHeader = z.object({ accept: z.string().optional() });

export const ReportPath = z.object({
  agencyId: AgencyId,
  year: YearNumber,
});

export const EditionQuery = z.object({ edition: z.coerce.number().int().min(1).optional() });

export const ReportPublication = z.strictObject({ version: z.int().min(1) });

export const ChallengePath = z.object({
  agencyId: AgencyId,
  challengeId: z.string().regex(/^lc_[0-9a-f]{12}$/, 'must be a challenge id'),
});

/** The reports function’s routes: the annual report’s figures, legal challenges, drafting, publication. */
export const reportsRoutes = [
  // --- The annual report (年度报告) ---
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}/figures',
    function: 'reports',
    access: 'staff',
    // The disclosure office (its clerks) compiles the report, as its administrator may; an approver publishes.
    roles: ['clerk', 'agency_admin'],
    summary:
      'The year’s licensing, penalty and enforcement decisions and fee income (Reg. 20(5), (6), (8)); for the first year here, documents in force and applications pending on January 1',
    params: ReportPath,
    body: Figures,
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The figures' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}/figures',
    function: 'reports',
    access: 'staff',
    summary: 'The figures entered for the year, with their version (0 when none yet)',
    params: ReportPath,
    problems: [],
    responses: { 200: { description: 'The figures' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}/draft',
    function: 'reports',
    access: 'staff',
    roles: ['clerk', 'agency_admin'],
    summary: 'Draft (or re-draft) the report’s tables from the counters; the narrative is kept',
    params: ReportPath,
    body: z.strictObject({}),
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The draft with its checks', schema: 'ReportView' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}/draft',
    function: 'reports',
    access: 'staff',
    summary: 'The report as it stands, with the checks that would fail',
    params: ReportPath,
    problems: [notFound],
    responses: { 200: { description: 'The draft with its checks', schema: 'ReportView' } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}',
    function: 'reports',
    access: 'staff',
    roles: ['clerk', 'agency_admin'],
    summary: 'Edit the narrative sections (一、五、六); on a published report this starts a correction',
    params: ReportPath,
    body: Narrative,
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The draft with its checks', schema: 'ReportView' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}/publication',
    function: 'reports',
    access: 'staff',
    roles: ['approver'],
    summary: 'Publish after the checks pass (422 naming each failing check); the edition is sealed (SHA-256)',
    params: ReportPath,
    body: ReportPublication,
    problems: [notFound, versionConflict, rule('report-year-not-ended'), rule('report-checks-failed')],
    responses: { 200: { description: 'The published report', schema: 'ReportView' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}',
    function: 'reports',
    access: 'public',
    summary:
      'The published report (JSON, or with Accept: text/html the printable page); ?edition=N for an earlier one',
    params: ReportPath,
    query: EditionQuery,
    headers: AcceptHeader,
    problems: [notFound],
    responses: {
      200: { description: 'The report, its seal and its editions', schema: 'PublishedReportView' },
    },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/legal-challenges',
    function: 'reports',
    access: 'staff',
    roles: ['agency_admin', 'supervisor'],
    summary: 'Record an administrative reconsideration or lawsuit about a disclosure decision',
    params: AgencyPath,
    body: LegalChallengeInput,
    problems: [rule('challenge-dates')],
    responses: { 201: { description: 'The challenge' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/legal-challenges',
    function: 'reports',
    access: 'staff',
    summary: 'The agency’s reconsiderations and lawsuits, newest first',
    params: AgencyPath,
    query: PageQuery,
    problems: [],
    responses: { 200: { description: 'A page of challenges', schema: 'RecordList' } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/legal-challenges/{challengeId}',
    function: 'reports',
    access: 'staff',
    roles: ['agency_admin', 'supervisor'],
    summary: 'Record a challenge’s outcome when known',
    params: ChallengePath,
    body: LegalChallengeOutcome,
    problems: [notFound, versionConflict, rule('challenge-dates')],
    responses: { 200: { description: 'The challenge' } },
  },
] as const satisfies readonly RouteDefinition<'reports'>[];
