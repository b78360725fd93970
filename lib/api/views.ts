import * as z from 'zod';
import { AgencyLevel, OfficeProfile, ReconsiderationSettings } from '#lib/domain/agency';
import { AccessArrangement, PublishedReference } from '#lib/domain/application/outcomes';
import { DisclosurePolicy } from '#lib/domain/application/policy';
import { Notice } from '#lib/domain/calendar/notice';
import { Role } from '#lib/domain/staff';
import { ComplainantView } from '#lib/domain/complaint';

/**
 * Response shapes, for the OpenAPI document and for tests that check what clients receive. Routes name them
 * (`schema: 'CaseView'`) rather than import them: only the OpenAPI document builds them, so no function
 * spends its cold start constructing schemas of answers it never parses.
 */

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const isoTime = z.string().describe('ISO 8601 with offset');
const ExplainedDay = z.object({ date: z.string(), reason: z.string() });

/** An agency as the public directory shows it. */
export const DirectoryEntry = z.object({
  agencyId: z.string(),
  name: z.string(),
  level: AgencyLevel,
  parentAgencyId: z.string().nullable(),
  // Contact details only: the guide's sections are read on the agency's guide page.
  office: OfficeProfile.omit({ guideSections: true }).nullable(),
});

export const AgencyDirectory = z.object({ items: z.array(DirectoryEntry), nextToken: z.string().nullable() });

/** An agency as its own staff see it. */
export const AgencyView = z.object({
  agencyId: z.string(),
  name: z.string(),
  level: AgencyLevel,
  parentAgencyId: z.string().nullable(),
  annualReportCutoff: z.string().describe('MM-DD, China Standard Time'),
  profile: OfficeProfile.nullable(),
  policies: z.array(DisclosurePolicy),
  reconsideration: ReconsiderationSettings,
  createdAt: isoTime,
  version: z.int(),
});

/** The reconsideration settings, and the body its letters name as derived from them and the parent. */
export const ReconsiderationView = z.object({
  settings: ReconsiderationSettings,
  body: z.object({
    designation: z.enum(['本级人民政府', '上一级人民政府', '上一级主管部门', '本机关']),
    basis: z.string(),
    name: z
      .string()
      .nullable()
      .describe('null when Gongkai cannot name it; letters then print the designation'),
    source: z.enum(['setting', 'parent', 'itself']).nullable(),
    gap: z.string().nullable().describe('why the body is not named, and how to name it'),
  }),
  version: z.int(),
});

export const StaffView = z.object({
  staffId: z.string(),
  agencyId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  enabled: z.boolean(),
  createdAt: isoTime,
  version: z.int(),
});
export const CreatedStaffView = StaffView.extend({
  token: z.string().optional().describe('Local cloud only: an ID token for the new account'),
});
export const StaffList = z.object({ items: z.array(StaffView), nextToken: z.string().nullable() });

const DependencyState = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  detail: z.string(),
});
export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  checkedAt: isoTime,
  dependencies: z.object({ recordsTable: DependencyState, archiveBucket: DependencyState }),
});

const MarkedDayView = z.object({ date: z.string(), festival: z.string() });

export const CalendarYearView = z.object({
  year: z.int(),
  source: z.enum(['bundled', 'loaded', 'provisional']),
  holidays: z.array(MarkedDayView),
  adjustedWorkdays: z.array(MarkedDayView),
  notice: Notice.optional(),
  workingDays: z.int(),
  statutoryHolidays: z.array(MarkedDayView).nullable(),
});
export const LoadedCalendarYearView = CalendarYearView.extend({
  recomputation: z.object({ examined: z.int(), changed: z.int(), complete: z.boolean() }),
});

export const DeadlineView = z.object({
  from: z.string(),
  dueDate: z.string(),
  provisional: z.boolean(),
  calendarYears: z.array(z.int()),
  provisionalYears: z.array(z.int()),
  rule: z.enum(['working_days', 'natural_days']),
  days: z.int(),
  daysOff: z.array(ExplainedDay).describe('festival days off inside the period'),
  adjustedWorkdays: z.array(ExplainedDay).describe('weekend days inside the period that are worked (调休)'),
});

export const PolicyView = z.object({
  inForce: DisclosurePolicy,
  policies: z.array(DisclosurePolicy),
  version: z.int(),
  regulationLimits: z.object({
    replyWorkingDays: z.int(),
    maxExtensionWorkingDays: z.int(),
    clarificationWindowWorkingDays: z.int(),
    consultationWorkingDays: z.int(),
    minFeePaymentWorkingDays: z.int(),
  }),
});

export const UploadView = z.object({
  uploadKey: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresInSeconds: z.int(),
});

export const SubmittedView = z.object({
  trackingNumber: z.string(),
  accessToken: z.string().describe('Shown once; keep it to open the status page'),
  status: z.string(),
  submittedAt: isoTime,
  statusUrl: z.string(),
});

const DueDateStep = z.object({
  step: z.enum(['start', 'suspend', 'resume', 'extend', 'reschedule']),
  setTo: z.string().optional().describe('the later reply date set (Reg. 35)'),
  on: z.string(),
  dueDate: z.string().nullable(),
  remainingWorkingDays: z.int().nullable(),
  provisional: z.boolean(),
  daysOff: z.array(ExplainedDay),
  adjustedWorkdays: z.array(ExplainedDay),
});
const DecisionView = z.object({
  outcome: z.string(),
  reason: z.string().nullable(),
  label: z.string(),
  reasons: z.string().nullable(),
  legalBasis: z.string().nullable(),
  decidedOn: z.string(),
  heldBy: z.object({ name: z.string(), contact: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  published: PublishedReference.nullable(),
  access: z.array(AccessArrangement).nullable(),
  letterUrl: z.string(),
  files: z.array(z.object({ name: z.string(), url: z.string() })),
});
export const StatusView = z.object({
  trackingNumber: z.string(),
  agencyId: z.string(),
  status: z.string(),
  statusText: z.string().describe('The status in words, as the applicant reads it'),
  submittedAt: isoTime,
  receivedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
  provisional: z.boolean(),
  dueDateExplained: z.array(DueDateStep),
  laterReplyDate: z
    .object({ dueDate: z.string(), setOn: z.string(), reason: z.string() })
    .nullable()
    .describe('a reasonable later reply date on the applicant’s reasons (Reg. 35)'),
  requests: z.array(z.record(z.string(), z.unknown())),
  decision: DecisionView.nullable(),
  timeline: z.array(
    z.object({ at: z.string(), type: z.string(), description: z.string(), dueDate: z.string().optional() }),
  ),
});
export const CaseView = z.looseObject({
  trackingNumber: z.string(),
  status: z.string(),
  version: z.int(),
  dueDate: z.string().nullable(),
});
export const ApplicationList = z.object({
  items: z.array(z.looseObject({ trackingNumber: z.string(), status: z.string() })),
  nextToken: z.string().nullable(),
});

export const CatalogueView = z.object({
  agencyId: z.string(),
  name: z.string(),
  entries: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      basis: z.string().optional(),
      deadline: z
        .object({ days: z.int(), unit: z.enum(['working_days', 'natural_days']), basis: z.string() })
        .optional()
        .describe('another law’s publication deadline for the category (Reg. 26 proviso)'),
    }),
  ),
  version: z.int(),
});
export const ReviewChainView = z.object({
  steps: z.array(z.object({ id: z.string(), label: z.string(), role: z.string(), kind: z.string() })),
  configured: z.boolean(),
  issues: z.array(z.string()).describe('what a chain configured before today’s rules lacks under them'),
  version: z.int(),
});
export const ObligationList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      category: z.string(),
      cadence: z.string(),
      publishWithinWorkingDays: z.int(),
    }),
  ),
  version: z.int(),
});
export const SubmissionView = z.looseObject({
  id: z.string(),
  status: z.string(),
  version: z.int(),
  currentStepName: z.string().nullable().describe('the id of the step it waits at'),
  currentStepLabel: z.string().nullable(),
  publicationDueDate: z.string().nullable(),
});
export const SubmissionList = z.object({ items: z.array(SubmissionView), nextToken: z.string().nullable() });
export const ReviewQueueView = SubmissionList.extend({
  step: z.string().nullable(),
  stepLabel: z.string().nullable(),
});
export const PublicationView = z.object({
  publicationId: z.string(),
  url: z.string(),
  agencyId: z.string(),
  audience: z.enum(['public', 'internal']),
  status: z.string(),
  version: z.int(),
  latestVersion: z.int(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  issuingOffice: z.string(),
  category: z.string(),
  formedOn: z.string(),
  changedOn: z.string().nullable().describe('a revision’s date of change (Reg. 26: 变更)'),
  effectiveOn: z.string().nullable().describe('the day it takes effect (施行日期), where it says'),
  publishedOn: z.string(),
  firstPublishedOn: z.string(),
  displayUntil: z.string().nullable(),
  displayBasis: z.string().nullable().describe('the provision that sets a display shorter than 15 days'),
  body: z.string(),
  attachments: z.array(z.object({ name: z.string() })),
  interpretation: z.object({ name: z.string() }).nullable(),
  versions: z.array(z.object({ version: z.int(), url: z.string() })),
});
export const PublicationList = z.object({
  items: z.array(
    z.object({
      publicationId: z.string(),
      title: z.string(),
      documentNumber: z.string().nullable(),
      category: z.string(),
      publishedOn: z.string(),
      version: z.int(),
    }),
  ),
  nextToken: z.string().nullable(),
});

const BreachView = z.looseObject({
  breachKey: z.string(),
  kind: z.string(),
  agencyId: z.string(),
  dueDate: z.string(),
  recordedOn: z.string(),
  level: z.string(),
  status: z.string(),
});
export const BreachList = z.object({
  agencyId: z.string(),
  items: z.array(BreachView),
  nextToken: z.string().nullable(),
  subordinates: z.array(z.object({ agencyId: z.string(), items: z.array(BreachView) })),
});
export const AwaitingConfirmationList = z.object({
  agencyId: z.string(),
  limitBasis: z.string().describe('The limit to confirm is agency policy, not law (Reg. 31(3))'),
  items: z.array(
    z.object({
      trackingNumber: z.string(),
      submittedAt: isoTime,
      confirmBy: z.string().nullable(),
      limitWorkingDays: z.int().nullable(),
      overdue: z.boolean(),
      assignee: z.looseObject({ staffId: z.string(), name: z.string() }).nullable(),
    }),
  ),
  nextToken: z.string().nullable(),
});
export const RecordList = z.object({
  items: z.array(z.record(z.string(), z.unknown())),
  nextToken: z.string().nullable(),
});
export const ComplaintReceipt = z.object({
  complaintId: z.string(),
  receivedOn: z.string(),
  answerDueDate: z.string(),
  accessCode: z.string().describe('Shown once; keep it to read the complaint and its answer'),
});
/** A complaint as its complainant reads it back with the access code. */
export const ComplaintStatusView = ComplainantView;

export const ReportView = z.looseObject({
  status: z.enum(['draft', 'published']),
  version: z.int(),
  content: z.record(z.string(), z.unknown()),
  seals: z.array(
    z.object({ edition: z.int(), sha256: z.string(), publishedAt: z.string(), archiveKey: z.string() }),
  ),
  checks: z.array(z.object({ path: z.string(), message: z.string() })),
});
/** A government's roll-up (汇总) of the year's annual reports over the agencies under it. */
export const RollUpView = z.object({
  agencyId: z.string(),
  year: z.int(),
  tables: z.record(z.string(), z.unknown()).describe('The national-format tables, summed cell by cell'),
  sources: z
    .record(z.string(), z.array(z.object({ agencyId: z.string(), value: z.number() })))
    .describe('Per cell (`applications.total.received`), the agencies whose figure is not zero'),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      parentAgencyId: z.string().nullable(),
      publishedEdition: z.int().nullable(),
    }),
  ),
  unpublished: z.array(z.string()).describe('Agencies that have not published the year’s report'),
});
const ComplianceRowView = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  parentAgencyId: z.string().nullable(),
  received: z.int(),
  decided: z.int(),
  overdue: z.int().describe('Decided after the reply was due'),
  averageReplyDays: z.number().nullable().describe('Working days from receipt to decision, on average'),
  worstReplyDays: z.int().nullable(),
  published: z.int().describe('Proactive items (versions) published'),
  publishedLate: z.int(),
  breaches: z
    .record(z.string(), z.object({ open: z.int(), resolved: z.int() }))
    .describe('Breaches recorded in the range, by kind, as they stand now'),
  breachesOpen: z.int(),
  breachesResolved: z.int(),
  reportsMissing: z.int().describe('Annual reports found missing in the range and still not published'),
});
/** Compliance over a government's tree for a date range: one row per agency, and the tree's totals. */
export const ComplianceView = z.object({
  agencyId: z.string(),
  from: z.string(),
  to: z.string(),
  sort: z.string().nullable(),
  order: z.enum(['asc', 'desc']),
  rows: z.array(ComplianceRowView),
  totals: ComplianceRowView,
});
/** The assessment (考核) of a government's tree for a year on a points table. */
export const AssessmentView = z.object({
  agencyId: z.string(),
  year: z.int(),
  table: z.object({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    basePoints: z.number(),
    bonusCap: z.number(),
    items: z.array(
      z.object({
        number: z.int(),
        section: z.string(),
        text: z.string(),
        points: z.number(),
        measure: z.string().nullable().describe('What the platform measures it by, or null: scored by hand'),
        bonus: z.boolean(),
        bonusGroup: z.string().nullable(),
      }),
    ),
  }),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      parentAgencyId: z.string().nullable(),
      measured: z.object({ score: z.number(), of: z.number() }),
      bonus: z.number(),
      manual: z.object({ numbers: z.array(z.int()), of: z.number() }),
      scores: z
        .array(
          z.object({
            number: z.int(),
            score: z.number().nullable().describe('Points earned, or null: not measurable yet'),
            formula: z.string().nullable().describe('points × rate, the rate as counted: "4 × 2/3 = 2.67"'),
            basis: z.string().nullable(),
            records: z.array(z.string()),
            counts: z
              .object({ good: z.int(), total: z.int() })
              .nullable()
              .describe('What the rate counts: good of total'),
          }),
        )
        .describe('The measured items of the table, by number'),
    }),
  ),
});
export const PublishedReportView = z.object({
  content: z.record(z.string(), z.unknown()),
  seal: z.object({ edition: z.int(), sha256: z.string(), publishedAt: z.string(), archiveKey: z.string() }),
  editions: z.array(z.object({ edition: z.int(), sha256: z.string(), publishedAt: z.string() })),
});
