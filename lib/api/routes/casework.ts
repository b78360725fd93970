import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import { AbandonmentReviewInput } from '#lib/domain/application/abandonment';
import { ApplicationStatus } from '#lib/domain/application/application';
import { AssignmentInput } from '#lib/domain/application/assignment';
import { ClarificationRequestInput } from '#lib/domain/application/clarification';
import {
  ConsultationInput,
  ConsultationReplyInput,
  DisclosureNoticeInput,
} from '#lib/domain/application/consultation';
import { DeliveryRecordInput } from '#lib/domain/application/delivery';
import { FeeNoticeInput, FeePaymentInput } from '#lib/domain/application/fee-notice';
import { RegistrationInput } from '#lib/domain/application/intake';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { ExtensionInput, ResumptionInput, SuspensionInput } from '#lib/domain/application/reply-clock';
import { TrackingNumber } from '#lib/domain/application/secrets';
import { LaterReplyInput, ReasonsInput, ReasonsRequestInput } from '#lib/domain/application/volume-review';
import { CivilDate } from '#lib/domain/calendar/civil-date';
import { type Role } from '#lib/domain/staff';
import { notFound, type ProblemDeclaration, rule, versionConflict, wrongState } from '../problems';
import { type RouteDefinition } from '../route-definition';
import { AgencyPath, PageQuery } from './shared';

export const ApplicationPath = z.object({
  agencyId: AgencyId,
  id: TrackingNumber,
});

export const ConsultationPath = ApplicationPath.extend({
  cid: z.string().regex(/^c[0-9a-z]{8}$/, 'must be a consultation id'),
});

export const ApplicationQuery = PageQuery.extend({
  status: z.enum(['open', 'closed', ...ApplicationStatus.options]).optional(),
  dueBefore: CivilDate.optional(),
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
    responses: { 200: { description: 'The case after the action', schema: 'CaseView' } },
    // Every action loads the case, checks its state and writes it against the version read.
    problems: [notFound, wrongState, versionConflict, ...action.problems],
  }) as const;

/** The casework function’s routes: registration, the work queue, the case and every staff action on it. */
export const caseworkRoutes = [
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
      201: { description: 'The case, and the access token for the applicant’s receipt', schema: 'CaseView' },
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
    responses: { 200: { description: 'A page of applications', schema: 'ApplicationList' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/applications/{id}',
    function: 'casework',
    access: 'staff',
    summary:
      'The full case: applicant, clocks, how the due date was reached, timeline, the applicant’s other applications',
    // The applicant's identity number, phone and address, unmasked: the agency's own staff only. A
    // supervisor above reads the work queue, where they are masked.
    supervision: 'own-agency',
    params: ApplicationPath,
    problems: [notFound],
    responses: { 200: { description: 'The case', schema: 'CaseView' } },
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
] as const satisfies readonly RouteDefinition<'casework'>[];
