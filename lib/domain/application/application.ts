import type { DayMove } from '../compliance';
import * as z from 'zod';
import { CivilDate, type IsoDate } from '../calendar/civil-date';
import type { ClockState } from '../calendar/clock';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { WrongStateError } from '../errors';
import { UploadKey } from '../upload-key';
import { Applicant, InformationRequest, type ApplicantColumn } from './applicant';
import { Pieces } from './fees';
import { Delivery } from './notice-delivery';
import { DecisionInput } from './outcomes';
import { DEFAULT_POLICY, DisclosurePolicy, lawful } from './policy';

/**
 * A disclosure application (依申请公开): the entity, one schema for what the steps make, what the store
 * keeps and what the views show. The steps live by sub-process — intake.ts (submission, registration,
 * confirmation), clarification.ts (补正), consultation.ts (征求意见), reply-clock.ts (extension,
 * suspension, resumption), fee-notice.ts (收费), decision.ts, withdrawal.ts, assignment.ts — and
 * system-steps.ts says which the sweep takes when a period lapses. Every step is a pure function from
 * the application and its reply clock to a `Change`: the next state, the clocks it opens or closes, its
 * timeline event and the statistics it moves; the use case writes all of that in one transaction.
 */
export const ApplicationStatus = z.enum([
  'awaiting_confirmation', // online, not yet confirmed: not received yet (Reg. 31)
  'in_progress', // the reply clock runs
  'awaiting_clarification', // 补正: clock stopped until the supplement
  // The supplement period lapsed: deemed abandoned only "无正当理由" (Reg. 30), so the handler closes it or
  // reopens it with the applicant's reason; still open (and counted as pending) until then.
  'abandonment_pending',
  'consulting', // 征求意见: clock stopped while third parties or agencies are consulted
  'awaiting_fee', // 收费: clock stopped until paid
  'suspended', // force majeure
  'decided',
  'withdrawn',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const OPEN_STATUSES: readonly ApplicationStatus[] = [
  'awaiting_confirmation',
  'in_progress',
  'awaiting_clarification',
  'abandonment_pending',
  'consulting',
  'awaiting_fee',
  'suspended',
];
export const isOpen = (status: ApplicationStatus): boolean => OPEN_STATUSES.includes(status);

/** How the application reached the agency (Reg. 27–31). */
export const Channel = z.enum([
  'online',
  'letter_registered',
  'letter_ordinary',
  'fax',
  'email',
  'in_person',
  'oral',
]);
export type Channel = z.infer<typeof Channel>;

/** Who is consulted: a third party (Reg. 32) or an agency that made the information jointly (Reg. 34). */
export const ConsultedParty = z.enum(['third_party', 'co_producing_agency']);
/** `no_answer`: the 15 working days passed in silence (Reg. 32: the agency decides; Reg. 34: consent). */
export const ConsultationAnswer = z.enum(['consent', 'objection', 'no_objection_stated', 'no_answer']);

/**
 * The written notice to a consulted third party that objected: the agency will disclose, what and why
 * (Reg. 32: "将决定公开的政府信息内容和理由书面告知第三方"), archived as a letter.
 */
export const DisclosureNotice = z.object({
  sentOn: CivilDate,
  content: z.string(),
  reasons: z.string(),
  letterKey: z.string(),
});
export type DisclosureNotice = z.infer<typeof DisclosureNotice>;

export const Consultation = z.object({
  id: z.string(),
  party: ConsultedParty,
  name: z.string(),
  contact: z.string(),
  matter: z.string(),
  sentOn: CivilDate,
  /** 15 working days from delivery; null until the letter's delivery is known. */
  dueDate: CivilDate.nullable(),
  // Letters sent before deliveries were recorded have none: their period ran from the day sent.
  delivery: Delivery.nullable().default(null),
  repliedOn: CivilDate.nullable(),
  answer: ConsultationAnswer.nullable(),
  summary: z.string().nullable(),
  // Consultations recorded before notices were kept have none.
  disclosureNotice: DisclosureNotice.nullable().default(null),
});
export type Consultation = z.infer<typeof Consultation>;

/** The agency's questions on a request beyond a reasonable number or frequency (Reg. 35; volume-review.ts). */
export const VolumeReview = z.object({
  requestedOn: CivilDate,
  /** What the applicant is asked to explain. */
  question: z.string(),
  answeredOn: CivilDate.nullable(),
  /** The applicant's reasons, as received (by the status page, letter or in person). */
  reasons: z.string().nullable(),
  /** The later reply date set on reasonable reasons, and why; null until set. */
  laterReply: z
    .object({ setOn: CivilDate, dueDate: CivilDate, reason: z.string(), approvedBy: z.string() })
    .nullable(),
});
export type VolumeReview = z.infer<typeof VolumeReview>;

/** What was decided, when, by whom, and where its letter is archived. */
export const Decision = z.intersection(
  DecisionInput,
  z.object({
    decidedOn: CivilDate,
    decidedBy: z.object({ staffId: z.string(), name: z.string().optional() }),
    letterKey: z.string(),
  }),
);
export type Decision = z.infer<typeof Decision>;

/**
 * The application. Parsing strips what storage adds around it (keys, chain head); every field is
 * required, so an item that lost one fails loudly instead of reading as a plausible application.
 */
export const Application = z.object({
  id: z.string(), // the tracking number
  agencyId: z.string(),
  status: ApplicationStatus,
  channel: Channel,
  submittedAt: z.string(),
  /** The date of receipt (Reg. 31); null until an online application is confirmed. */
  receivedOn: CivilDate.nullable(),
  applicant: Applicant,
  /** The keyed hash of the applicant's identity, which finds their earlier applications. */
  applicantKey: z.string(),
  request: InformationRequest,
  attachments: z.array(UploadKey),
  notes: z.string().nullable(),
  /** The time policy in force on the date of receipt, for the application's whole life. */
  policy: DisclosurePolicy.nullable(),
  /**
   * An online application's time to be confirmed under the agency's policy (not a legal deadline: Reg.
   * 31(3) sets none). Null when registered by staff, and for applications submitted before the limit
   * existed (they have no confirmation clock).
   */
  confirmation: z.object({ dueDate: CivilDate, workingDays: z.int() }).nullable().default(null),
  /** The reply clock's due date and whether it rests on a provisional year, copied for queues and views. */
  dueDate: CivilDate.nullable(),
  provisional: z.boolean(),
  clarification: z
    .object({
      requestedOn: CivilDate,
      items: z.array(z.string()),
      /** The end of the period to supplement, from delivery; null until the notice's delivery is known. */
      dueDate: CivilDate.nullable(),
      // Notices sent before periods and deliveries were recorded have neither: their period ran from the day sent.
      periodWorkingDays: z.int().nullable().default(null),
      delivery: Delivery.nullable().default(null),
      supplementedOn: CivilDate.nullable(),
      supplement: z.string().nullable(),
      supplementAttachments: z.array(UploadKey),
      /** The day the sweep found the period lapsed with no supplement (stored before it: none). */
      lapsedOn: CivilDate.nullable().default(null),
      /** Each reopening on the applicant's good reason, with the period it replaced (older: none). */
      reopenings: z
        .array(z.object({ on: CivilDate, reason: z.string(), previousDueDate: CivilDate }))
        .default([]),
    })
    .nullable(),
  consultations: z.array(Consultation),
  extensions: z.array(
    z.object({ on: CivilDate, workingDays: z.int(), reason: z.string(), approvedBy: z.string() }),
  ),
  fee: z
    .object({
      method: z.enum(['by_piece', 'by_volume']),
      units: z.int(),
      // Notices sent before 一事一申请 was recorded counted the application as one piece.
      pieces: Pieces.nullable().default(null),
      amountYuan: z.number(),
      noticeOn: CivilDate,
      /** The end of the time to pay, from delivery; null until the notice's delivery is known. */
      dueDate: CivilDate.nullable(),
      // Notices sent before deliveries were recorded have none: their period ran from the day sent.
      delivery: Delivery.nullable().default(null),
      explanation: z.string(),
      paidOn: CivilDate.nullable(),
    })
    .nullable(),
  suspension: z.object({ since: CivilDate, reason: z.string() }).nullable(),
  decision: Decision.nullable(),
  withdrawal: z.object({ on: CivilDate, reason: z.string().nullable() }).nullable(),
  assignee: z
    .object({
      staffId: z.string(),
      name: z.string(),
      // Assignments made before e-mail was recorded have none.
      email: z.string().nullable().default(null),
      assignedOn: CivilDate,
    })
    .nullable(),
  // Applications stored before Reg. 35 was recorded have none.
  volumeReview: VolumeReview.nullable().default(null),
  accessTokenHash: z.string(),
  version: z.int(),
});
export type Application = z.infer<typeof Application>;

/** A clock the step opens or closes (besides the reply clock). */
export type ClockChange =
  | { readonly name: string; readonly open: true; readonly state: ClockState }
  | { readonly name: string; readonly open: false };

/** A move of the annual-report counters: +`by` (1 unless told) in `cell` of year `year`. */
export type StatisticsMove = { readonly year: number; readonly cell: string; readonly by?: number };

/** What one step does: the use case writes all of it in one transaction. */
export type Change = {
  readonly application: Application;
  readonly reply: ClockState | null;
  readonly replyOpen: boolean;
  readonly clocks: readonly ClockChange[];
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
  readonly statistics: readonly StatisticsMove[];
  /** The moves of the agency's day counters (compliance over any date range), if the step makes any. */
  readonly days?: readonly DayMove[];
};

/** What every step is given: the working calendar and today (CST). */
export type Context = { readonly calendar: WorkingCalendar; readonly today: IsoDate };

/** The year whose annual report counts what happens on `date`. */
export const statisticsYear = (date: IsoDate): number => Number(date.slice(0, 4));
export const receivedCell = (column: ApplicantColumn): string => `received.${column}`;
export const decidedCell = (row: string, column: ApplicantColumn): string => `decided.${row}.${column}`;

export function requireStatus(application: Application, ...allowed: ApplicationStatus[]): void {
  if (!allowed.includes(application.status)) {
    throw new WrongStateError(
      `The application is ${application.status}; this needs it ${allowed.join(' or ')}.`,
    );
  }
}

export function requireReply(reply: ClockState | null): ClockState {
  if (reply === null) throw new WrongStateError('The application has no running reply clock.');
  return reply;
}

/** The application with the reply clock's due date copied onto it. */
export const withClock = (application: Application, reply: ClockState): Application => ({
  ...application,
  dueDate: reply.dueDate,
  provisional: reply.provisional,
});

/** The time policy the application is handled under (fixed when it was received; the other side's time kept). */
export const policyOf = (application: Application): DisclosurePolicy =>
  lawful(application.policy ?? DEFAULT_POLICY);

/** The side clocks: the applicant's period to supplement, to pay, and each consulted party's to answer. */
export const CLARIFICATION_CLOCK = 'clarification';
export const FEE_CLOCK = 'fee';
/** An online application's confirmation limit (agency policy), and its reminder after 1 working day. */
export const CONFIRMATION_CLOCK = 'confirmation';
export const CONFIRMATION_REMINDER_CLOCK = 'confirmation-reminder';
export const consultationClock = (id: string): string => `consultation-${id}`;

/**
 * The application with a clock's new due date copied where the case shows it (its reply due date, the
 * date to supplement by, to pay by, or for a consulted party to answer by): for a clock recomputed when
 * a year's holiday schedule is published.
 */
export function withClockDueDate(
  application: Application,
  clockName: string,
  dueDate: IsoDate,
  provisional: boolean,
): Application {
  if (clockName === 'reply') return { ...application, dueDate, provisional };
  if (clockName === CLARIFICATION_CLOCK && application.clarification !== null)
    return { ...application, clarification: { ...application.clarification, dueDate } };
  if (clockName === FEE_CLOCK && application.fee !== null)
    return { ...application, fee: { ...application.fee, dueDate } };
  if (clockName === CONFIRMATION_CLOCK && application.confirmation !== null)
    return { ...application, confirmation: { ...application.confirmation, dueDate } };
  return {
    ...application,
    consultations: application.consultations.map((consultation) =>
      consultationClock(consultation.id) === clockName ? { ...consultation, dueDate } : consultation,
    ),
  };
}

/** The confirmation clocks, closed: the application was confirmed or withdrawn. */
export const confirmationClocksClosed: readonly ClockChange[] = [
  { name: CONFIRMATION_CLOCK, open: false },
  { name: CONFIRMATION_REMINDER_CLOCK, open: false },
];

/**
 * The side clocks still open, closed: a decided or withdrawn application waits for nobody. A period whose
 * notice is not yet known to be delivered has no clock to close.
 */
export function closeSideClocks(current: Application): ClockChange[] {
  const closed: ClockChange[] = [];
  if (current.status === 'awaiting_confirmation' && current.confirmation !== null)
    closed.push(...confirmationClocksClosed);
  // A lapsed period's clock was closed when the sweep found it lapsed.
  if (
    current.clarification &&
    current.clarification.supplementedOn === null &&
    current.clarification.lapsedOn === null &&
    current.clarification.dueDate
  )
    closed.push({ name: CLARIFICATION_CLOCK, open: false });
  for (const consultation of current.consultations)
    if (consultation.repliedOn === null && consultation.dueDate !== null)
      closed.push({ name: consultationClock(consultation.id), open: false });
  if (current.fee && current.fee.paidOn === null && current.fee.dueDate !== null)
    closed.push({ name: FEE_CLOCK, open: false });
  return closed;
}
