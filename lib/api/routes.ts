import * as z from 'zod';
import { AgencyId, NewAgency, PolicyUpdate, ProfileUpdate, ReconsiderationUpdate } from '#lib/domain/agency';
import { NewStaff, StaffId, StaffUpdate, type Role } from '#lib/domain/staff';
import type { HttpFunctionName } from '#lib/platform/functions';
import { pageRoutes, type PageRouteDefinition } from './page-routes';
import {
  alreadyExists,
  dependencyUnavailable,
  gone,
  notFound,
  rule,
  versionConflict,
  wrongState,
  type ProblemDeclaration,
} from './problems';
import { CivilDate, YearNumber } from '#lib/domain/calendar/civil-date';
import { ApplicationStatus } from '#lib/domain/application/application';
import { AbandonmentReviewInput } from '#lib/domain/application/abandonment';
import { AssignmentInput } from '#lib/domain/application/assignment';
import { ClarificationRequestInput, SupplementInput } from '#lib/domain/application/clarification';
import {
  ConsultationInput,
  ConsultationReplyInput,
  DisclosureNoticeInput,
} from '#lib/domain/application/consultation';
import { FeeNoticeInput, FeePaymentInput } from '#lib/domain/application/fee-notice';
import { DeliveryRecordInput } from '#lib/domain/application/delivery';
import { OnlineApplicationInput, RegistrationInput } from '#lib/domain/application/intake';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { ExtensionInput, ResumptionInput, SuspensionInput } from '#lib/domain/application/reply-clock';
import { WithdrawalInput } from '#lib/domain/application/withdrawal';
import { LaterReplyInput, ReasonsInput, ReasonsRequestInput } from '#lib/domain/application/volume-review';
import { TrackingNumber } from '#lib/domain/application/secrets';
import { PeriodicObligationInput } from '#lib/domain/agency';
import { ComplaintInput, ComplaintReply } from '#lib/domain/complaint';
import { Figures, LegalChallengeInput, LegalChallengeOutcome, Narrative } from '#lib/domain/annual-report';
import { BREACH_KINDS } from '#lib/domain/sweep';
import { CatalogueUpdate } from '#lib/domain/submission/catalogue';
import { PublicationQuery, VersionQuery, WithdrawalOfPublication } from '#lib/domain/submission/publication';
import { ReviewChainUpdate, ReviewStepId } from '#lib/domain/submission/review-chain';
import { ReviewInput, SubmissionInput, SubmissionStatus } from '#lib/domain/submission/submission';
import { CALENDAR_RANGE } from '#lib/domain/calendar/working-calendar';
import {
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  PublishedSchedule,
} from '#lib/domain/calendar/year-schedule';
import {
  AgencyDirectory,
  AgencyView,
  ApplicationList,
  BreachList,
  AwaitingConfirmationList,
  PublishedReportView,
  ReportView,
  ComplaintReceipt,
  ComplaintStatusView,
  CaseView,
  RecordList,
  CatalogueView,
  ObligationList,
  PublicationList,
  PublicationView,
  ReviewChainView,
  ReviewQueueView,
  SubmissionList,
  SubmissionView,
  PolicyView,
  StatusView,
  SubmittedView,
  UploadRequest,
  UploadView,
  CalendarYearView,
  CreatedStaffView,
  DeadlineView,
  HealthReport,
  LoadedCalendarYearView,
  StaffList,
  StaffView,
  ReconsiderationView,
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
  /** API routes answer JSON; the people's pages (`page-routes.ts`) are the other kind. */
  readonly kind?: 'api';
  readonly method: HttpMethod;
  readonly path: `/v1/${string}`;
  readonly function: HttpFunctionName;
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

export const ApplicationPath = z.object({
  agencyId: AgencyId,
  id: TrackingNumber,
});
export const ConsultationPath = ApplicationPath.extend({
  cid: z.string().regex(/^c[0-9a-z]{8}$/, 'must be a consultation id'),
});
export const TrackingPath = z.object({
  trackingNumber: TrackingNumber,
});
export const ApplicationQuery = PageQuery.extend({
  status: z.enum(['open', 'closed', ...ApplicationStatus.options]).optional(),
  dueBefore: CivilDate.optional(),
});
/** The headers a route reads: names in lower case, as API Gateway passes them. */
export const AccessTokenHeader = z.object({
  'x-access-token': z
    .string()
    .optional()
    .describe('The secret access token shown once when the application was made'),
});
export const ComplaintAccessHeader = z.object({
  'x-access-token': z
    .string()
    .optional()
    .describe('The secret access code shown once when the complaint was made'),
});
export const AcceptHeader = z.object({ accept: z.string().optional() });
export const IdempotencyKey = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const IdempotencyHeader = z.object({
  'idempotency-key': IdempotencyKey.optional().describe(
    'Makes a retried POST safe: the same key and body answer as the first time, for 24 hours',
  ),
});

export const SubmissionPath = z.object({
  agencyId: AgencyId,
  submissionId: z.string().regex(/^sub_[0-9a-f]{12}$/, 'must be a submission id'),
});
export const PublicationId = z.string().regex(/^pub_[0-9a-f]{12}$/, 'must be a publication id');
export const PublicPublicationPath = z.object({ publicationId: PublicationId });
export const AgencyPublicationPath = z.object({ agencyId: AgencyId, publicationId: PublicationId });
export const SubmissionQuery = PageQuery.extend({
  status: SubmissionStatus.exclude(['in_review']).default('draft'),
});
export const ReviewQueueQuery = PageQuery.extend({ step: ReviewStepId.optional() });
export const SubmissionEdit = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  content: SubmissionInput,
  // A revision's date of change (Reg. 26: 变更): required to revise a published item.
  changedOn: CivilDate.optional(),
});
export const ObligationDeclaration = PeriodicObligationInput.extend({
  version: z.int().min(1, 'must be the version you read'),
});

export const BreachQuery = PageQuery.extend({
  year: YearNumber.optional(),
  kind: z.enum(BREACH_KINDS).optional(),
  includeSubordinates: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const ComplaintPath = z.object({
  agencyId: AgencyId,
  complaintId: z.string().regex(/^cmp_[0-9a-f]{12}$/, 'must be a complaint id'),
});
export const ComplaintQuery = PageQuery.extend({ status: z.enum(['open', 'answered']).default('open') });

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

/** A staff action on an application: `POST …/applications/{id}/<path>`, answered with the case. */
const staffAction = <const P extends string, Params extends z.ZodObject, B extends z.ZodType>(action: {
  path: P;
  summary: string;
  roles: readonly Role[];
  params: Params;
  body: B;
  problems: readonly ProblemDeclaration[];
}) =>
  ({
    method: 'POST',
    path: `/v1/agencies/{agencyId}/applications/{id}/${action.path}`,
    function: 'casework',
    access: 'staff',
    roles: action.roles,
    summary: action.summary,
    params: action.params,
    body: action.body,
    responses: { 200: { description: 'The case after the action', schema: CaseView } },
    // Every action loads the case, checks its state and writes it against the version read.
    problems: [notFound, wrongState, versionConflict, ...action.problems],
  }) as const;

export const routes = [
  {
    method: 'GET',
    path: '/v1/health',
    function: 'health',
    access: 'public',
    summary: 'Whether the service and each of its dependencies answer',
    problems: [],
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
    problems: [],
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
    problems: [],
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
    problems: [alreadyExists, rule('unknown-parent-agency'), rule('reconsideration-settings')],
    responses: { 201: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/profile',
    function: 'agencies',
    access: 'staff',
    summary: 'The agency and its disclosure office’s details',
    params: AgencyPath,
    problems: [notFound],
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
    problems: [notFound, versionConflict],
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
    problems: [
      notFound,
      alreadyExists,
      rule('roles-do-not-fit-account'),
      dependencyUnavailable,
      rule('email-refused'),
    ],
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
    problems: [],
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
    problems: [notFound, versionConflict, rule('roles-do-not-fit-account'), dependencyUnavailable],
    responses: { 200: { description: 'The account', schema: StaffView } },
  },
  {
    method: 'GET',
    path: '/v1/calendars/{year}',
    function: 'calendar',
    access: 'public',
    summary: 'A year’s working-day calendar and where it comes from (bundled, loaded or provisional)',
    params: YearPath,
    problems: [],
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
    problems: [versionConflict, rule('invalid-schedule')],
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
    problems: [rule('outside-calendar')],
    responses: { 200: { description: 'The due date', schema: DeadlineView } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/policy',
    function: 'agencies',
    access: 'staff',
    summary: 'The time policy for applications in force, and those scheduled',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The policies', schema: PolicyView } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/policy',
    function: 'agencies',
    access: 'staff',
    roles: ['agency_admin'],
    summary: 'Set a time policy from a date on (never looser than the Regulations)',
    params: AgencyPath,
    body: PolicyUpdate,
    problems: [notFound, versionConflict, rule('policy-in-the-past'), rule('policy-shortens-period')],
    responses: { 200: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/reconsideration',
    function: 'agencies',
    access: 'staff',
    summary:
      'Who reconsiders the agency’s decisions, as its letters name it (行政复议法 Arts. 24–27), and why when it cannot be named',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The settings and the body', schema: ReconsiderationView } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/reconsideration',
    function: 'agencies',
    access: 'staff',
    roles: ['agency_admin'],
    summary:
      'State how the agency is led (vertically, or reconsidering its own decisions) and the body’s name, if Gongkai cannot take it from the parent',
    params: AgencyPath,
    body: ReconsiderationUpdate,
    problems: [notFound, versionConflict, rule('reconsideration-settings')],
    responses: { 200: { description: 'The settings and the body', schema: ReconsiderationView } },
  },
  {
    method: 'POST',
    path: '/v1/uploads',
    function: 'uploads',
    access: 'public',
    summary:
      'A presigned URL to upload an attachment (identity proof, documents); PUT the file to it within 15 minutes',
    body: UploadRequest,
    problems: [],
    responses: { 201: { description: 'Where to PUT the file', schema: UploadView } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/applications',
    function: 'intake',
    access: 'public',
    summary: 'Apply for government information online (依申请公开). Honours Idempotency-Key.',
    params: AgencyPath,
    body: OnlineApplicationInput,
    headers: IdempotencyHeader,
    problems: [notFound, rule('idempotency-key-reused'), rule('unknown-upload'), rule('upload-already-used')],
    responses: {
      201: {
        description: 'The tracking number and a secret access token, shown once',
        schema: SubmittedView,
      },
    },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/applications/{trackingNumber}',
    function: 'intake',
    access: 'public',
    summary: 'An application’s status page (header X-Access-Token)',
    params: TrackingPath,
    headers: AccessTokenHeader,
    problems: [notFound],
    responses: {
      200: { description: 'The status, due date, requests, decision and timeline', schema: StatusView },
    },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/applications/{trackingNumber}/supplements',
    function: 'intake',
    access: 'public',
    summary: 'The applicant’s clarification (补正) (header X-Access-Token)',
    params: TrackingPath,
    body: SupplementInput,
    headers: AccessTokenHeader,
    problems: [
      notFound,
      wrongState,
      versionConflict,
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('clock-out-of-order'),
    ],
    responses: { 200: { description: 'The status page', schema: StatusView } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/applications/{trackingNumber}/reasons',
    function: 'intake',
    access: 'public',
    summary:
      'The applicant’s reasons for a request beyond a reasonable number or frequency, when asked (Reg. 35; header X-Access-Token)',
    params: TrackingPath,
    body: ReasonsInput,
    headers: AccessTokenHeader,
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The status page', schema: StatusView } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/applications/{trackingNumber}/withdrawal',
    function: 'intake',
    access: 'public',
    summary: 'Withdraw the application (header X-Access-Token)',
    params: TrackingPath,
    body: WithdrawalInput,
    headers: AccessTokenHeader,
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The status page', schema: StatusView } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/applications/registrations',
    function: 'casework',
    access: 'staff',
    roles: ['clerk'],
    summary: 'Register a letter, fax, e-mail, in-person or oral application with its date of receipt',
    params: AgencyPath,
    body: RegistrationInput,
    problems: [
      notFound,
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('received-in-future'),
      rule('outside-calendar'),
    ],
    responses: {
      201: { description: 'The case, and the access token for the applicant’s receipt', schema: CaseView },
    },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/applications',
    function: 'casework',
    access: 'staff',
    summary: 'The work queue: open applications by due date (or closed ones)',
    params: AgencyPath,
    query: ApplicationQuery,
    problems: [],
    responses: { 200: { description: 'A page of applications', schema: ApplicationList } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/applications/{id}',
    function: 'casework',
    access: 'staff',
    summary:
      'The full case: applicant, clocks, how the due date was reached, timeline, the applicant’s other applications',
    params: ApplicationPath,
    problems: [notFound],
    responses: { 200: { description: 'The case', schema: CaseView } },
  },
  // --- Proactive disclosure: configuration, submissions, reviews, the reading room ---
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/catalogue',
    function: 'submission',
    access: 'staff',
    roles: ['agency_admin'],
    summary: 'Replace the disclosure catalogue (信息公开目录) categories',
    params: AgencyPath,
    body: CatalogueUpdate,
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/review-chain',
    function: 'submission',
    access: 'staff',
    summary: 'The review chain submissions pass through',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The steps and the roles that sign them', schema: ReviewChainView } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/review-chain',
    function: 'submission',
    access: 'staff',
    roles: ['agency_admin'],
    summary:
      'Configure the review chain: its steps with ids, labels, roles and kinds (初审, 复审, 保密审查 before 终审; optional 印前复核 after it)',
    params: AgencyPath,
    body: ReviewChainUpdate,
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/periodic-obligations',
    function: 'submission',
    access: 'staff',
    summary: 'The recurring items the agency publishes each period',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The obligations', schema: ObligationList } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/periodic-obligations',
    function: 'submission',
    access: 'staff',
    roles: ['agency_admin'],
    summary:
      'Declare a recurring item (monthly, quarterly, yearly) and how soon after its period it is published',
    params: AgencyPath,
    body: ObligationDeclaration,
    problems: [notFound, versionConflict, rule('unknown-category')],
    responses: { 201: { description: 'The agency', schema: AgencyView } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/submissions',
    function: 'submission',
    access: 'staff',
    roles: ['clerk'],
    summary: 'Register a document for disclosure; its publication deadline runs from when it was formed',
    params: AgencyPath,
    body: SubmissionInput,
    problems: [
      notFound,
      rule('invalid-submission'),
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('outside-calendar'),
    ],
    responses: { 201: { description: 'The submission', schema: SubmissionView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/submissions',
    function: 'submission',
    access: 'staff',
    summary: 'Submissions by status (draft, returned, published, recorded, withdrawn)',
    params: AgencyPath,
    query: SubmissionQuery,
    problems: [],
    responses: { 200: { description: 'A page of submissions', schema: SubmissionList } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}',
    function: 'submission',
    access: 'staff',
    summary: 'A submission with every signature',
    params: SubmissionPath,
    problems: [notFound],
    responses: { 200: { description: 'The submission', schema: SubmissionView } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}',
    function: 'submission',
    access: 'staff',
    roles: ['clerk'],
    summary:
      'Edit a draft or returned submission; editing a published one starts its revision (更新), whose publication deadline runs from its date of change',
    params: SubmissionPath,
    body: SubmissionEdit,
    problems: [
      notFound,
      wrongState,
      versionConflict,
      rule('invalid-submission'),
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('invalid-change-date'),
      rule('outside-calendar'),
    ],
    responses: { 200: { description: 'The submission', schema: SubmissionView } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}/submission',
    function: 'submission',
    access: 'staff',
    roles: ['clerk'],
    summary: 'Send into the review chain (or, when something required is missing, return it at once: 退文)',
    params: SubmissionPath,
    body: z.strictObject({}),
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The submission', schema: SubmissionView } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}/reviews',
    function: 'review',
    access: 'staff',
    roles: ['reviewer', 'secrecy_reviewer', 'approver'],
    summary:
      'Sign the current step: approve or return, with an opinion (and the secrecy conclusion at the secrecy review)',
    params: SubmissionPath,
    body: ReviewInput,
    problems: [
      notFound,
      wrongState,
      versionConflict,
      rule('secrecy-conclusion-missing'),
      rule('secrecy-conclusion-misplaced'),
      rule('secrecy-unresolved'),
      rule('refer-upward-holds'),
      rule('secrecy-unsure-refers-upward'),
      rule('redacted-version-missing'),
    ],
    responses: {
      200: {
        description: 'The submission (and the publication, when the last approval publishes)',
        schema: SubmissionView,
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/reviews/queue',
    function: 'review',
    access: 'staff',
    summary: 'What waits for my role at a step (?step=<step id>), oldest publication deadline first',
    params: AgencyPath,
    query: ReviewQueueQuery,
    problems: [rule('step-required')],
    responses: { 200: { description: 'A page of submissions', schema: ReviewQueueView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/catalogue',
    function: 'reading-room',
    access: 'public',
    summary: 'The agency’s disclosure catalogue (信息公开目录)',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The categories', schema: CatalogueView } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/publications',
    function: 'reading-room',
    access: 'public',
    summary:
      'The reading room: publications, newest first, by category and year; ?q= searches titles and document numbers',
    params: AgencyPath,
    query: PublicationQuery,
    problems: [notFound],
    responses: { 200: { description: 'A page of publications', schema: PublicationList } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/publications/{publicationId}',
    function: 'reading-room',
    access: 'public',
    summary: 'A publication (its stable address); ?version=N for an earlier version; 410 once withdrawn',
    params: PublicPublicationPath,
    query: VersionQuery,
    problems: [notFound, gone],
    responses: { 200: { description: 'The publication', schema: PublicationView } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/internal-publications',
    function: 'reading-room',
    access: 'staff',
    summary: 'Internal publications, for the agency’s own staff',
    params: AgencyPath,
    query: PublicationQuery,
    problems: [],
    responses: { 200: { description: 'A page of publications', schema: PublicationList } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/internal-publications/{publicationId}',
    function: 'reading-room',
    access: 'staff',
    summary: 'A publication of the agency, internal or public',
    params: AgencyPublicationPath,
    query: VersionQuery,
    problems: [notFound, gone],
    responses: { 200: { description: 'The publication', schema: PublicationView } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/publications/{publicationId}/withdrawal',
    function: 'reading-room',
    access: 'staff',
    roles: ['approver'],
    summary: 'Withdraw a publication (inside its display period only on a recorded legal basis)',
    params: AgencyPublicationPath,
    body: WithdrawalOfPublication,
    problems: [notFound, wrongState, versionConflict, rule('inside-display-period')],
    responses: { 200: { description: 'The withdrawal' } },
  },
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
    responses: { 200: { description: 'Breaches (and those of subordinate agencies)', schema: BreachList } },
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
    responses: { 200: { description: 'A page of reminders', schema: RecordList } },
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
    responses: { 200: { description: 'A page of notifications', schema: RecordList } },
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
      200: { description: 'A page of unconfirmed applications', schema: AwaitingConfirmationList },
    },
  },
  // --- Complaints (Reg. 51) ---
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/complaints',
    function: 'complaints',
    access: 'public',
    summary:
      'Complain about the agency’s disclosure work; the answer is due within 30 days. Honours Idempotency-Key.',
    params: AgencyPath,
    body: ComplaintInput,
    headers: IdempotencyHeader,
    problems: [notFound, rule('outside-calendar'), rule('idempotency-key-reused')],
    responses: {
      201: { description: 'The complaint’s id, answer date and access code', schema: ComplaintReceipt },
    },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/complaints/{complaintId}',
    function: 'complaints',
    access: 'public',
    summary:
      'A complaint as its complainant reads it back: what was received, the answer date, the answer (header X-Access-Token: the access code)',
    params: ComplaintPath,
    headers: ComplaintAccessHeader,
    problems: [notFound],
    responses: { 200: { description: 'The complaint and its answer', schema: ComplaintStatusView } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/complaints',
    function: 'complaints',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    summary: 'Complaints, open (by answer date) or answered',
    params: AgencyPath,
    query: ComplaintQuery,
    problems: [],
    responses: { 200: { description: 'A page of complaints', schema: RecordList } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/complaints/{complaintId}/reply',
    function: 'complaints',
    access: 'staff',
    roles: ['supervisor'],
    summary: 'Answer a complaint',
    params: ComplaintPath,
    body: ComplaintReply,
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The complaint' } },
  },
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
    responses: { 200: { description: 'The draft with its checks', schema: ReportView } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/annual-reports/{year}/draft',
    function: 'reports',
    access: 'staff',
    summary: 'The report as it stands, with the checks that would fail',
    params: ReportPath,
    problems: [notFound],
    responses: { 200: { description: 'The draft with its checks', schema: ReportView } },
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
    responses: { 200: { description: 'The draft with its checks', schema: ReportView } },
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
    responses: { 200: { description: 'The published report', schema: ReportView } },
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
    responses: { 200: { description: 'The report, its seal and its editions', schema: PublishedReportView } },
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
    responses: { 200: { description: 'A page of challenges', schema: RecordList } },
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
  staffAction({
    path: 'confirmation',
    summary: 'Confirm an online application: today becomes the date of receipt',
    roles: ['clerk'],
    params: ApplicationPath,
    body: z.strictObject({}),
    problems: [rule('outside-calendar')],
  }),
  staffAction({
    path: 'clarification-request',
    summary: 'Ask the applicant to clarify (补正), once, within 7 working days of receipt',
    roles: ['clerk'],
    params: ApplicationPath,
    body: ClarificationRequestInput,
    problems: [
      rule('clarification-once'),
      rule('clarification-too-late'),
      rule('clock-out-of-order'),
      rule('deadline-passed'),
    ],
  }),
  staffAction({
    path: 'consultations',
    summary: 'Consult a third party or co-producing agency (the time is not counted)',
    roles: ['clerk'],
    params: ApplicationPath,
    body: ConsultationInput,
    problems: [rule('clock-out-of-order'), rule('deadline-passed')],
  }),
  staffAction({
    path: 'consultations/{cid}/reply',
    summary: 'Record the consulted party’s answer',
    roles: ['clerk'],
    params: ConsultationPath,
    body: ConsultationReplyInput,
    problems: [rule('no-such-consultation'), rule('clock-out-of-order')],
  }),
  staffAction({
    path: 'consultations/{cid}/disclosure-notice',
    summary:
      'Tell a third party that objected, in writing, what will be disclosed and why (Reg. 32); the notice is archived, and a disclosure needs it',
    roles: ['clerk'],
    params: ConsultationPath,
    body: DisclosureNoticeInput,
    problems: [rule('no-such-consultation'), rule('notice-without-objection')],
  }),
  staffAction({
    path: 'extension',
    summary: 'Extend the reply period (the office head’s consent, before the due date)',
    // Reg. 33: only with the consent of the head of the disclosure office.
    roles: ['approver'],
    params: ApplicationPath,
    body: ExtensionInput,
    problems: [rule('deadline-passed'), rule('extension-too-long'), rule('clock-out-of-order')],
  }),
  staffAction({
    path: 'suspension',
    summary: 'Suspend for force majeure',
    roles: ['clerk', 'approver'],
    params: ApplicationPath,
    body: SuspensionInput,
    problems: [rule('clock-out-of-order'), rule('deadline-passed')],
  }),
  staffAction({
    path: 'resumption',
    summary: 'Resume after force majeure',
    roles: ['clerk', 'approver'],
    params: ApplicationPath,
    body: ResumptionInput,
    problems: [rule('clock-out-of-order')],
  }),
  staffAction({
    path: 'fee-notice',
    summary:
      'Send a fee notice computed by the 2020 rules (by piece, one application as several pieces with a reason; by volume only for paper, e-mail or copied data); the clock waits for payment',
    roles: ['clerk'],
    params: ApplicationPath,
    body: FeeNoticeInput,
    problems: [
      rule('fee-once'),
      rule('no-fee'),
      rule('clock-out-of-order'),
      rule('deadline-passed'),
      rule('fee-by-volume-not-applicable'),
    ],
  }),
  staffAction({
    path: 'fee-payment',
    summary: 'Record payment of the fee',
    roles: ['clerk'],
    params: ApplicationPath,
    body: FeePaymentInput,
    problems: [rule('clock-out-of-order')],
  }),
  staffAction({
    path: 'decision',
    summary:
      'Decide, with outcome, legal basis and reasons; the decision letter is generated (409 while a consultation is open)',
    roles: ['clerk', 'approver'],
    params: ApplicationPath,
    body: DecisionInput,
    problems: [
      rule('decision-incomplete'),
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('no-supplement-not-lapsed'),
      rule('not-clarified'),
      rule('third-party-not-notified'),
      rule('not-published'),
    ],
  }),
  staffAction({
    path: 'assignment',
    summary: 'Assign the handler responsible',
    roles: ['clerk', 'approver', 'agency_admin'],
    params: ApplicationPath,
    body: AssignmentInput,
    problems: [rule('not-a-handler')],
  }),
  staffAction({
    path: 'delivery',
    summary:
      'Record the day a notice sent by post was received (补正通知, 征求意见书, 收费通知): the other side’s period runs from it',
    roles: ['clerk'],
    params: ApplicationPath,
    body: DeliveryRecordInput,
    problems: [rule('delivery-date'), rule('no-such-consultation')],
  }),
  staffAction({
    path: 'reasons-request',
    summary:
      'Ask the applicant for the reasons of a request beyond a reasonable number or frequency (Reg. 35); the reply clock runs on',
    roles: ['clerk'],
    params: ApplicationPath,
    body: ReasonsRequestInput,
    problems: [],
  }),
  staffAction({
    path: 'reasons',
    summary: 'Record the applicant’s reasons received by letter, in person or by phone (Reg. 35)',
    roles: ['clerk'],
    params: ApplicationPath,
    body: ReasonsInput,
    problems: [],
  }),
  staffAction({
    path: 'later-reply-date',
    summary:
      'Reasonable reasons that cannot be answered in time: set a reasonable later reply date, told to the applicant (Reg. 35)',
    // Like an extension, the period is the office head's to lengthen.
    roles: ['approver'],
    params: ApplicationPath,
    body: LaterReplyInput,
    problems: [rule('later-reply-date'), rule('deadline-passed'), rule('clock-out-of-order')],
  }),
  staffAction({
    path: 'abandonment-review',
    summary:
      'The supplement period lapsed (Reg. 30): close as abandoned with its letter, or reopen on the applicant’s good reason',
    roles: ['clerk', 'approver'],
    params: ApplicationPath,
    body: AbandonmentReviewInput,
    problems: [rule('outside-calendar')],
  }),
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export const routeKeyOf = (route: { readonly method: string; readonly path: string }): string =>
  `${route.method} ${route.path}`;
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

const byKey = new Map<string, RouteDefinition>(routes.map((route) => [routeKeyOf(route), route]));
export const routeByKey = (routeKey: string): RouteDefinition | undefined => byKey.get(routeKey);

/** The whole route table: the API's routes and the people's pages, served side by side. */
export type AnyRouteDefinition = RouteDefinition | PageRouteDefinition;
export const routeTable: readonly AnyRouteDefinition[] = [...routes, ...pageRoutes];
export const anyRouteByKey = (routeKey: string): AnyRouteDefinition | undefined =>
  byKey.get(routeKey) ?? pageByKey.get(routeKey);
const pageByKey = new Map<string, PageRouteDefinition>(pageRoutes.map((route) => [routeKeyOf(route), route]));
