import type { z } from 'zod';
import { Applicant } from '#lib/domain/application/applicant';
import type { Application, Decision } from '#lib/domain/application/application';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import type { Principal, Role } from '#lib/domain/staff';
import type { PublicationPeriod } from '#lib/domain/submission/catalogue';
import { DEFAULT_REVIEW_CHAIN, type SecrecyConclusion } from '#lib/domain/submission/review-chain';
import {
  createSubmission,
  SubmissionInput,
  type ReviewInput,
  type Submission,
} from '#lib/domain/submission/submission';

/**
 * Factories for pure domain tests (test/unit): each builds a valid value in the domain's words, with
 * overrides for the one thing a test is about.
 */

/** The calendar with the bundled official schedules (2004–2026); later years provisional. */
export const calendar = new WorkingCalendar();

export const AGENCY_ID = 'demo-city';

/** A staff member of the demo agency with `roles`; the staff id doubles as the name of the person. */
export const staffWith = (
  roles: Role | readonly Role[],
  overrides: Partial<Omit<Principal, 'roles'>> = {},
): Principal => ({
  staffId: 'stf_clerk00000000000000',
  agencyId: AGENCY_ID,
  name: '王芳',
  ...overrides,
  roles: new Set(typeof roles === 'string' ? [roles] : roles),
});

/** The people of the default chain (初审 → 复审 → 保密审查 → 终审) and the clerk who registers the item. */
export const people = {
  submitter: staffWith('clerk', { staffId: 'stf_submitter000000000', name: '王芳' }),
  firstReviewer: staffWith('reviewer', { staffId: 'stf_reviewer0000000000', name: '李明' }),
  secondReviewer: staffWith('reviewer', { staffId: 'stf_reviewer0000000001', name: '周强' }),
  secrecyReviewer: staffWith('secrecy_reviewer', { staffId: 'stf_secrecy00000000000', name: '赵敏' }),
  approver: staffWith('approver', { staffId: 'stf_approver0000000000', name: '陈刚' }),
} as const;

export const UPLOAD = {
  body: 'incoming/00000000-0000-4000-8000-000000000001',
  table: 'incoming/00000000-0000-4000-8000-000000000002',
  interpretation: 'incoming/00000000-0000-4000-8000-000000000003',
  evidence: 'incoming/00000000-0000-4000-8000-000000000004',
} as const;

/** A complete proactive submission, as the API would parse it (defaults applied). */
export const aSubmissionInput = (overrides: Partial<SubmissionInput> = {}): SubmissionInput =>
  SubmissionInput.parse({
    title: '示例市财政局2026年部门预算',
    documentNumber: '示财〔2026〕12号',
    issuingOffice: '示例市财政局',
    category: 'budgets',
    formedOn: '2026-09-28',
    attribute: 'proactive',
    audience: 'public',
    display: { kind: 'long_term' },
    body: '2026年部门预算及说明。',
    ...overrides,
  });

/** Reg. 26's publication period: 20 working days. */
export const REG_26_PERIOD: PublicationPeriod = {
  days: 20,
  unit: 'working_days',
  basis: '《政府信息公开条例》第二十六条',
};

/** A draft registered on 2026-09-28 by the submitter, default chain, 20 working days to publish. */
export const aSubmission = (
  content: Partial<SubmissionInput> = {},
  fields: Partial<Submission> = {},
): Submission => ({
  ...createSubmission(
    aSubmissionInput(content),
    { id: 'sub_00000001', agencyId: AGENCY_ID },
    people.submitter,
    '2026-09-28T09:00:00.000+08:00',
    DEFAULT_REVIEW_CHAIN,
    calendar,
    REG_26_PERIOD,
  ).submission,
  ...fields,
});

/** A secrecy conclusion: every risk `none` unless overridden; outcome `clear` unless given. */
export const aSecrecyConclusion = (
  risks: Partial<SecrecyConclusion['risks']> = {},
  outcome: SecrecyConclusion['outcome'] = 'clear',
): SecrecyConclusion => ({
  risks: {
    state_secret: 'none',
    work_secret: 'none',
    commercial_secret: 'none',
    personal_privacy: 'none',
    security_stability: 'none',
    ...risks,
  },
  outcome,
});

/** An approval at `step`; the secrecy review carries a clear conclusion unless overridden. */
export const aReview = (step: ReviewInput['step'], overrides: Partial<ReviewInput> = {}): ReviewInput => ({
  step,
  verdict: 'approve',
  opinion: '同意',
  ...(step === 'secrecy_review' ? { secrecy: aSecrecyConclusion() } : {}),
  ...overrides,
});

/** A natural person applying with a resident identity card. */
export const anApplicant = (overrides: Record<string, unknown> = {}): Applicant =>
  Applicant.parse({
    type: 'natural_person',
    name: '刘洋',
    idDocument: { type: 'resident_id_card', number: '110105194912310021' },
    address: '示例市人民路1号',
    phone: '13812345678',
    ...overrides,
  });

/** An application received on 2026-09-28, in progress (a plain value: no state machine involved). */
export const anApplication = (overrides: Partial<Application> = {}): Application => ({
  id: '2026-K7QX-3M9P',
  agencyId: AGENCY_ID,
  status: 'in_progress',
  channel: 'online',
  submittedAt: '2026-09-27T10:00:00.000+08:00',
  receivedOn: '2026-09-28',
  applicant: anApplicant(),
  applicantKey: 'k'.repeat(40),
  request: {
    description: '2025年度本机关“三公”经费决算明细',
    form: 'electronic',
    delivery: 'email',
  },
  attachments: [],
  notes: null,
  policy: null,
  confirmation: null,
  dueDate: '2026-10-30',
  provisional: false,
  clarification: null,
  consultations: [],
  extensions: [],
  fee: null,
  suspension: null,
  decision: null,
  withdrawal: null,
  assignee: null,
  volumeReview: null,
  accessTokenHash: 'h'.repeat(64),
  version: 1,
  ...overrides,
});

/** A decision made on 2026-10-30 by the approver: disclosed, one file released, unless another is given. */
export const aDecision = (
  input: z.input<typeof DecisionInput> = {
    outcome: 'disclosed',
    releasedFiles: [{ uploadKey: UPLOAD.body, name: '三公经费决算表.pdf' }],
  },
  decidedOn = '2026-10-30',
): Decision => ({
  ...DecisionInput.parse(input),
  decidedOn,
  decidedBy: { staffId: people.approver.staffId, name: '陈刚' },
  letterKey: 'agency=demo-city/year=2026/letters/2026-K7QX-3M9P.html',
});
