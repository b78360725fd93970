import { z } from 'zod';
import { CivilDate, type IsoDate } from '../calendar/civil-date';
import { advanceClock, startClock, type ClockState } from '../calendar/clock';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { RuleViolationError, WrongStateError, type FieldError } from '../errors';
import { UploadKey } from '../upload-key';
import { Applicant, columnOf, InformationRequest, type ApplicantColumn } from './applicant';
import { feeFor, FeeBasis } from './fees';
import { DecisionInput, outcomeRow } from './outcomes';
import { DEFAULT_POLICY, REGULATION_LIMITS, type DisclosurePolicy } from './policy';

/**
 * A disclosure application (依申请公开) and its state machine. Every action is a pure function from the
 * current application and its reply clock to the next state, the clocks it opens or closes, its
 * timeline event and the statistics it moves; the use case writes all of that in one transaction.
 */
export const ApplicationStatus = z.enum([
  'awaiting_confirmation', // online, not yet confirmed: not received yet (Reg. 31)
  'in_progress', // the reply clock runs
  'awaiting_clarification', // 补正: clock stopped until the supplement
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

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const OnlineApplicationInput = z.strictObject({
  applicant: Applicant,
  request: InformationRequest,
  attachments: z.array(UploadKey).max(10).default([]),
});
export type OnlineApplicationInput = z.infer<typeof OnlineApplicationInput>;

export const RegistrationInput = z.strictObject({
  channel: Channel.exclude(['online']),
  /** The date of receipt by Reg. 31: handed in, signed for, or confirmed with the applicant. */
  receivedOn: CivilDate,
  applicant: Applicant,
  request: InformationRequest,
  attachments: z.array(UploadKey).max(10).default([]),
  notes: text(2000).optional(),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export const ClarificationRequestInput = z.strictObject({
  items: z.array(text(500)).min(1, 'must list what to supplement').max(20),
  periodWorkingDays: z.int().min(1).max(60).optional(),
});
export const SupplementInput = z.strictObject({
  text: text(4000),
  attachments: z.array(UploadKey).max(10).default([]),
});
export const ConsultationInput = z.strictObject({
  party: z.enum(['third_party', 'co_producing_agency']),
  name: text(200),
  contact: text(300),
  matter: text(2000),
});
export const ConsultationReplyInput = z.strictObject({
  answer: z.enum(['consent', 'objection', 'no_objection_stated']),
  summary: text(2000),
});
export const ExtensionInput = z.strictObject({
  workingDays: z.int().min(1).max(REGULATION_LIMITS.maxExtensionWorkingDays),
  reason: text(2000),
});
export const SuspensionInput = z.strictObject({ reason: text(2000) });
export const ResumptionInput = z.strictObject({ note: text(2000).optional() });
export const FeeNoticeInput = z.strictObject({ basis: FeeBasis, explanation: text(2000) });
export const FeePaymentInput = z.strictObject({ reference: text(200).optional() });
export const WithdrawalInput = z.strictObject({ reason: text(2000).optional() });
export const AssignmentInput = z.strictObject({
  staffId: z.string().regex(/^stf_[0-9a-z]{20}$/, 'must be a staff id'),
});
export { DecisionInput };

export type Consultation = {
  readonly id: string;
  readonly party: 'third_party' | 'co_producing_agency';
  readonly name: string;
  readonly contact: string;
  readonly matter: string;
  readonly sentOn: IsoDate;
  readonly dueDate: IsoDate;
  readonly repliedOn: IsoDate | null;
  /** `no_answer`: the 15 working days passed in silence (Reg. 32: the agency decides; Reg. 34: consent). */
  readonly answer: 'consent' | 'objection' | 'no_objection_stated' | 'no_answer' | null;
  readonly summary: string | null;
};

export type Decision = DecisionInput & {
  readonly decidedOn: IsoDate;
  readonly decidedBy: { staffId: string; name?: string | undefined };
  readonly letterKey: string;
};

export type Application = {
  readonly id: string; // the tracking number
  readonly agencyId: string;
  readonly status: ApplicationStatus;
  readonly channel: Channel;
  readonly submittedAt: string;
  readonly receivedOn: IsoDate | null;
  readonly applicant: Applicant;
  readonly applicantKey: string;
  readonly request: InformationRequest;
  readonly attachments: readonly string[];
  readonly notes: string | null;
  readonly policy: DisclosurePolicy | null;
  readonly dueDate: IsoDate | null;
  readonly provisional: boolean;
  readonly clarification: {
    readonly requestedOn: IsoDate;
    readonly items: readonly string[];
    readonly dueDate: IsoDate;
    readonly supplementedOn: IsoDate | null;
    readonly supplement: string | null;
    readonly supplementAttachments: readonly string[];
  } | null;
  readonly consultations: readonly Consultation[];
  readonly extensions: readonly {
    readonly on: IsoDate;
    readonly workingDays: number;
    readonly reason: string;
    readonly approvedBy: string;
  }[];
  readonly fee: {
    readonly method: 'by_piece' | 'by_volume';
    readonly units: number;
    readonly amountYuan: number;
    readonly noticeOn: IsoDate;
    readonly dueDate: IsoDate;
    readonly explanation: string;
    readonly paidOn: IsoDate | null;
  } | null;
  readonly suspension: { readonly since: IsoDate; readonly reason: string } | null;
  readonly decision: Decision | null;
  readonly withdrawal: { readonly on: IsoDate; readonly reason: string | null } | null;
  readonly assignee: {
    readonly staffId: string;
    readonly name: string;
    readonly email: string | null;
    readonly assignedOn: IsoDate;
  } | null;
  readonly accessTokenHash: string;
  readonly version: number;
};

/** A clock the action opens or closes (besides the reply clock). */
export type ClockChange =
  | { readonly name: string; readonly open: true; readonly state: ClockState }
  | { readonly name: string; readonly open: false };

/** A move of the annual-report counters: +1 in `cell` of year `year`. */
export type StatisticsMove = { readonly year: number; readonly cell: string };

export type Change = {
  readonly application: Application;
  readonly reply: ClockState | null;
  readonly replyOpen: boolean;
  readonly clocks: readonly ClockChange[];
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
  readonly statistics: readonly StatisticsMove[];
};

export type Context = { readonly calendar: WorkingCalendar; readonly today: IsoDate };

const year = (date: IsoDate): number => Number(date.slice(0, 4));
export const receivedCell = (column: ApplicantColumn): string => `received.${column}`;
export const decidedCell = (row: string, column: ApplicantColumn): string => `decided.${row}.${column}`;

function requireStatus(application: Application, ...allowed: ApplicationStatus[]): void {
  if (!allowed.includes(application.status)) {
    throw new WrongStateError(
      `The application is ${application.status}; this needs it ${allowed.join(' or ')}.`,
    );
  }
}

function requireReply(reply: ClockState | null): ClockState {
  if (reply === null) throw new WrongStateError('The application has no running reply clock.');
  return reply;
}

const withClock = (application: Application, reply: ClockState): Application => ({
  ...application,
  dueDate: reply.dueDate,
  provisional: reply.provisional,
});

/** A new online application, not yet received: the office confirms it first (Reg. 31). */
export function submitOnline(
  input: OnlineApplicationInput,
  ids: { id: string; agencyId: string; applicantKey: string; accessTokenHash: string },
  submittedAt: string,
): Change {
  const application: Application = {
    id: ids.id,
    agencyId: ids.agencyId,
    status: 'awaiting_confirmation',
    channel: 'online',
    submittedAt,
    receivedOn: null,
    applicant: input.applicant,
    applicantKey: ids.applicantKey,
    request: input.request,
    attachments: input.attachments,
    notes: null,
    policy: null,
    dueDate: null,
    provisional: false,
    clarification: null,
    consultations: [],
    extensions: [],
    fee: null,
    suspension: null,
    decision: null,
    withdrawal: null,
    assignee: null,
    accessTokenHash: ids.accessTokenHash,
    version: 1,
  };
  return {
    application,
    reply: null,
    replyOpen: false,
    clocks: [],
    event: {
      type: 'application_submitted',
      data: { channel: 'online', request: input.request, attachments: input.attachments },
    },
    statistics: [],
  };
}

/** Receipt starts the reply clock with the policy in force that day. */
function receive(
  application: Application,
  receivedOn: IsoDate,
  policy: DisclosurePolicy,
  context: Context,
): { application: Application; reply: ClockState } {
  if (receivedOn > context.today) {
    throw new RuleViolationError(
      'received-in-future',
      `The date of receipt ${receivedOn} is after today (${context.today}).`,
      [{ path: 'body.receivedOn', message: 'must not be after today' }],
    );
  }
  const reply = startClock(context.calendar, receivedOn, policy.replyWorkingDays);
  return {
    application: withClock({ ...application, status: 'in_progress', receivedOn, policy }, reply),
    reply,
  };
}

/** Staff register a letter, fax, e-mail, in-person or oral application with its date of receipt. */
export function register(
  input: RegistrationInput,
  ids: { id: string; agencyId: string; applicantKey: string; accessTokenHash: string },
  submittedAt: string,
  policy: DisclosurePolicy,
  context: Context,
): Change {
  const submitted = submitOnline(
    { applicant: input.applicant, request: input.request, attachments: input.attachments },
    ids,
    submittedAt,
  ).application;
  const { application, reply } = receive(
    { ...submitted, channel: input.channel, notes: input.notes ?? null },
    input.receivedOn,
    policy,
    context,
  );
  return {
    application,
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'application_registered',
      data: {
        channel: input.channel,
        receivedOn: input.receivedOn,
        dueDate: reply.dueDate,
        request: input.request,
      },
    },
    statistics: [{ year: year(input.receivedOn), cell: receivedCell(columnOf(input.applicant)) }],
  };
}

/** The office confirms an online application: the date of confirmation is the date of receipt. */
export function confirm(current: Application, policy: DisclosurePolicy, context: Context): Change {
  requireStatus(current, 'awaiting_confirmation');
  const { application, reply } = receive(current, context.today, policy, context);
  return {
    application,
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'application_confirmed',
      data: { receivedOn: context.today, dueDate: reply.dueDate, replyWorkingDays: policy.replyWorkingDays },
    },
    statistics: [{ year: year(context.today), cell: receivedCell(columnOf(current.applicant)) }],
  };
}

const clarificationClock = 'clarification';
const feeClock = 'fee';
export const consultationClock = (id: string): string => `consultation-${id}`;

/** The time policy the application is handled under (fixed when it was received). */
const policyOf = (application: Application): DisclosurePolicy => application.policy ?? DEFAULT_POLICY;

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
  if (clockName === 'clarification' && application.clarification !== null)
    return { ...application, clarification: { ...application.clarification, dueDate } };
  if (clockName === 'fee' && application.fee !== null)
    return { ...application, fee: { ...application.fee, dueDate } };
  return {
    ...application,
    consultations: application.consultations.map((consultation) =>
      consultationClock(consultation.id) === clockName ? { ...consultation, dueDate } : consultation,
    ),
  };
}

/** 补正: once, within 7 working days of receipt; stops the clock until the supplement. */
export function requestClarification(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof ClarificationRequestInput>,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  if (current.clarification !== null)
    throw new RuleViolationError(
      'clarification-once',
      'A clarification may be requested only once (Reg. 30).',
    );
  const receivedOn = current.receivedOn ?? context.today;
  const window = context.calendar.addWorkingDays(
    receivedOn,
    REGULATION_LIMITS.clarificationWindowWorkingDays,
  ).dueDate;
  if (context.today > window) {
    throw new RuleViolationError(
      'clarification-too-late',
      `A clarification must be requested within 7 working days of receipt, by ${window} (Reg. 30).`,
    );
  }
  const period = input.periodWorkingDays ?? policyOf(current).clarificationPeriodWorkingDays;
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'suspend',
    on: context.today,
    reason: 'clarification',
  });
  const applicantPeriod = startClock(context.calendar, context.today, period);
  const dueDate = applicantPeriod.dueDate ?? context.today;
  return {
    application: {
      ...withClock(current, reply),
      status: 'awaiting_clarification',
      clarification: {
        requestedOn: context.today,
        items: input.items,
        dueDate,
        supplementedOn: null,
        supplement: null,
        supplementAttachments: [],
      },
    },
    reply,
    replyOpen: true,
    clocks: [{ name: clarificationClock, state: applicantPeriod, open: true }],
    event: {
      type: 'clarification_requested',
      data: {
        items: input.items,
        supplementBy: dueDate,
        periodWorkingDays: period,
        remainingWorkingDays: reply.remainingWorkingDays,
      },
    },
    statistics: [],
  };
}

/** The applicant's supplement restarts a full reply period from its day (Reg. 30). */
export function supplement(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof SupplementInput>,
  context: Context,
): Change {
  requireStatus(current, 'awaiting_clarification');
  const clarification = current.clarification;
  if (clarification === null) throw new WrongStateError('No clarification was requested.');
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'resume',
    on: context.today,
    restart: true,
  });
  return {
    application: {
      ...withClock(current, reply),
      status: 'in_progress',
      clarification: {
        ...clarification,
        supplementedOn: context.today,
        supplement: input.text,
        supplementAttachments: input.attachments,
      },
    },
    reply,
    replyOpen: true,
    clocks: [{ name: clarificationClock, open: false }],
    event: {
      type: 'clarification_supplemented',
      data: { supplementedOn: context.today, attachments: input.attachments, dueDate: reply.dueDate },
    },
    statistics: [],
  };
}

/** 征求意见: a third party or co-producing agency is consulted; the time is not counted (Reg. 33 ¶2). */
export function consult(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof ConsultationInput>,
  consultationId: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress', 'consulting');
  const reply =
    current.status === 'in_progress'
      ? advanceClock(context.calendar, requireReply(replyClock), {
          type: 'suspend',
          on: context.today,
          reason: 'consultation',
        })
      : requireReply(replyClock);
  const period = policyOf(current).consultationWorkingDays;
  const answerClock = startClock(context.calendar, context.today, period);
  const consultation: Consultation = {
    id: consultationId,
    ...input,
    sentOn: context.today,
    dueDate: answerClock.dueDate ?? context.today,
    repliedOn: null,
    answer: null,
    summary: null,
  };
  return {
    application: {
      ...withClock(current, reply),
      status: 'consulting',
      consultations: [...current.consultations, consultation],
    },
    reply,
    replyOpen: true,
    clocks: [{ name: consultationClock(consultationId), state: answerClock, open: true }],
    event: {
      type: 'consultation_sent',
      data: { consultationId, party: input.party, name: input.name, answerBy: consultation.dueDate },
    },
    statistics: [],
  };
}

/**
 * Records a consultation's answer (or its silence); when it was the last one open, the reply clock runs
 * again from where it stopped.
 */
function closeConsultation(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  answer: Pick<Consultation, 'answer' | 'summary'>,
  context: Context,
): { application: Application; reply: ClockState; stillOpen: boolean } {
  const consultations = current.consultations.map((candidate) =>
    candidate.id === consultationId ? { ...candidate, repliedOn: context.today, ...answer } : candidate,
  );
  const stillOpen = consultations.some((candidate) => candidate.repliedOn === null);
  const reply = stillOpen
    ? requireReply(replyClock)
    : advanceClock(context.calendar, requireReply(replyClock), {
        type: 'resume',
        on: context.today,
        restart: false,
      });
  return {
    application: {
      ...withClock(current, reply),
      status: stillOpen ? 'consulting' : 'in_progress',
      consultations,
    },
    reply,
    stillOpen,
  };
}

/** The consulted party answers; when no consultation is left open, the clock runs again. */
export function consultationReply(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  input: z.infer<typeof ConsultationReplyInput>,
  context: Context,
): Change {
  requireStatus(current, 'consulting');
  const consultation = current.consultations.find((candidate) => candidate.id === consultationId);
  if (consultation === undefined)
    throw new RuleViolationError(
      'no-such-consultation',
      `There is no consultation ${consultationId} on this application.`,
    );
  if (consultation.repliedOn !== null)
    throw new WrongStateError('This consultation has already been answered.');
  const { application, reply, stillOpen } = closeConsultation(
    current,
    replyClock,
    consultationId,
    input,
    context,
  );
  return {
    application,
    reply,
    replyOpen: true,
    clocks: [{ name: consultationClock(consultationId), open: false }],
    event: {
      type: 'consultation_answered',
      data: { consultationId, answer: input.answer, resumed: !stillOpen, dueDate: reply.dueDate },
    },
    statistics: [],
  };
}

/** The sweep: the consulted party let its period pass in silence; the reply clock runs again. */
export function consultationLapsed(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  context: Context,
): Change {
  requireStatus(current, 'consulting');
  const consultation = current.consultations.find((candidate) => candidate.id === consultationId);
  if (consultation === undefined || consultation.repliedOn !== null)
    throw new WrongStateError('The consultation is answered or unknown.');
  const { application, reply, stillOpen } = closeConsultation(
    current,
    replyClock,
    consultationId,
    { answer: 'no_answer', summary: null },
    context,
  );
  return {
    application,
    reply,
    replyOpen: true,
    clocks: [{ name: consultationClock(consultationId), open: false }],
    event: {
      type: 'consultation_lapsed',
      data: {
        consultationId,
        answerWasDue: consultation.dueDate,
        resumed: !stillOpen,
        dueDate: reply.dueDate,
      },
    },
    statistics: [],
  };
}

/** 延期: approved by the office head, before the due date, within the policy's maximum (Reg. 33). */
export function extend(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof ExtensionInput>,
  approvedBy: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  const clock = requireReply(replyClock);
  if (clock.dueDate !== null && context.today > clock.dueDate) {
    throw new RuleViolationError(
      'deadline-passed',
      `The reply was due on ${clock.dueDate}; an extension must be decided before the deadline (Reg. 33).`,
    );
  }
  const maximum = policyOf(current).maxExtensionWorkingDays;
  const used = current.extensions.reduce((sum, extension) => sum + extension.workingDays, 0);
  if (used + input.workingDays > maximum) {
    throw new RuleViolationError(
      'extension-too-long',
      `Extensions may total at most ${maximum} working days; ${used} are used.`,
      [{ path: 'body.workingDays', message: `must be at most ${Math.max(0, maximum - used)}` }],
    );
  }
  const reply = advanceClock(context.calendar, clock, {
    type: 'extend',
    on: context.today,
    workingDays: input.workingDays,
  });
  return {
    application: {
      ...withClock(current, reply),
      extensions: [
        ...current.extensions,
        { on: context.today, workingDays: input.workingDays, reason: input.reason, approvedBy },
      ],
    },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_extended',
      data: {
        workingDays: input.workingDays,
        reason: input.reason,
        previousDueDate: clock.dueDate,
        dueDate: reply.dueDate,
        applicantTold: true,
      },
    },
    statistics: [],
  };
}

/** Force majeure suspends the clock; the applicant is told of both ends (seed 002 §18). */
export function suspend(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof SuspensionInput>,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'suspend',
    on: context.today,
    reason: 'force_majeure',
  });
  return {
    application: {
      ...withClock(current, reply),
      status: 'suspended',
      suspension: { since: context.today, reason: input.reason },
    },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_suspended',
      data: { reason: input.reason, remainingWorkingDays: reply.remainingWorkingDays, applicantTold: true },
    },
    statistics: [],
  };
}

export function resume(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof ResumptionInput>,
  context: Context,
): Change {
  requireStatus(current, 'suspended');
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'resume',
    on: context.today,
    restart: false,
  });
  return {
    application: { ...withClock(current, reply), status: 'in_progress', suspension: null },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_resumed',
      data: {
        note: input.note,
        since: current.suspension?.since,
        dueDate: reply.dueDate,
        applicantTold: true,
      },
    },
    statistics: [],
  };
}

/** 收费通知: computed by the 2020 rules; the clock waits until payment. */
export function feeNotice(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof FeeNoticeInput>,
  ordinalThisMonth: number,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  if (current.fee !== null)
    throw new RuleViolationError('fee-once', 'A fee notice has already been sent for this application.');
  const { amountYuan, units } = feeFor(input.basis, ordinalThisMonth);
  if (amountYuan === 0) {
    throw new RuleViolationError(
      'no-fee',
      input.basis.method === 'by_piece'
        ? `This is the applicant's application no. ${ordinalThisMonth} this month: the first 10 are free.`
        : 'Up to 30 pages are free.',
      [{ path: 'body.basis', message: 'gives no fee under the 2020 rules' }],
    );
  }
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'suspend',
    on: context.today,
    reason: 'fee',
  });
  const payment = startClock(context.calendar, context.today, policyOf(current).feePaymentWorkingDays);
  const dueDate = payment.dueDate ?? context.today;
  return {
    application: {
      ...withClock(current, reply),
      status: 'awaiting_fee',
      fee: {
        method: input.basis.method,
        units,
        amountYuan,
        noticeOn: context.today,
        dueDate,
        explanation: input.explanation,
        paidOn: null,
      },
    },
    reply,
    replyOpen: true,
    clocks: [{ name: feeClock, state: payment, open: true }],
    event: {
      type: 'fee_notice_sent',
      data: { method: input.basis.method, units, amountYuan, payBy: dueDate },
    },
    statistics: [],
  };
}

export function feePayment(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof FeePaymentInput>,
  context: Context,
): Change {
  requireStatus(current, 'awaiting_fee');
  const fee = current.fee;
  if (fee === null) throw new WrongStateError('No fee was asked for.');
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'resume',
    on: context.today,
    restart: false,
  });
  return {
    application: {
      ...withClock(current, reply),
      status: 'in_progress',
      fee: { ...fee, paidOn: context.today },
    },
    reply,
    replyOpen: true,
    clocks: [{ name: feeClock, open: false }],
    event: {
      type: 'fee_paid',
      data: { amountYuan: fee.amountYuan, reference: input.reference, dueDate: reply.dueDate },
    },
    statistics: [],
  };
}

/** What RULES §2 requires of a decision beyond its shape. */
export function checkDecision(decision: DecisionInput): FieldError[] {
  const errors: FieldError[] = [];
  const needsReasons =
    decision.outcome !== 'disclosed' &&
    !(decision.outcome === 'otherwise_handled' && decision.reason !== 'other');
  if (needsReasons) {
    if (decision.legalBasis === undefined)
      errors.push({ path: 'body.legalBasis', message: 'is required for this outcome (seed 002 §17(3))' });
    if (decision.reasons === undefined)
      errors.push({ path: 'body.reasons', message: 'is required for this outcome' });
  }
  if (
    decision.outcome === 'disclosed' &&
    decision.releasedFiles.length === 0 &&
    decision.publishedAt === undefined
  ) {
    errors.push({
      path: 'body.releasedFiles',
      message: 'must list the released files, or publishedAt must say where it is published (Reg. 36(1))',
    });
  }
  if (decision.outcome === 'partially_disclosed' && decision.releasedFiles.length === 0) {
    errors.push({ path: 'body.releasedFiles', message: 'must list what is given (Reg. 37)' });
  }
  if (
    decision.outcome === 'cannot_provide' &&
    decision.reason === 'not_held' &&
    decision.heldBy === undefined
  ) {
    errors.push({
      path: 'body.heldBy',
      message:
        'must name the agency that holds it and its contacts, or be null if none can be determined (Reg. 36(5))',
    });
  }
  return errors;
}

/** The decision: one outcome, with its reasons; every clock closes; the statistics move. */
export function decide(
  current: Application,
  replyClock: ClockState | null,
  input: DecisionInput,
  decidedBy: { staffId: string; name?: string | undefined },
  letterKey: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress', 'awaiting_clarification', 'consulting', 'awaiting_fee', 'suspended');
  const problems = checkDecision(input);
  if (problems.length > 0)
    throw new RuleViolationError(
      'decision-incomplete',
      'The decision lacks what the rules require.',
      problems,
    );
  const decision: Decision = { ...input, decidedOn: context.today, decidedBy, letterKey };
  const row = outcomeRow({ outcome: input.outcome, ...('reason' in input ? { reason: input.reason } : {}) });
  return {
    application: { ...current, status: 'decided', decision },
    reply: requireReply(replyClock),
    replyOpen: false,
    clocks: openSideClocks(current),
    event: {
      type: 'decision_made',
      data: {
        outcome: input.outcome,
        row,
        decidedOn: context.today,
        onTime: current.dueDate === null || context.today <= current.dueDate,
        letterKey,
      },
    },
    statistics: [{ year: year(context.today), cell: decidedCell(row, columnOf(current.applicant)) }],
  };
}

/** The applicant withdraws; a received application is counted as otherwise handled. */
export function withdraw(
  current: Application,
  replyClock: ClockState | null,
  input: z.infer<typeof WithdrawalInput>,
  context: Context,
): Change {
  requireStatus(current, ...OPEN_STATUSES);
  const received = current.receivedOn !== null;
  return {
    application: {
      ...current,
      status: 'withdrawn',
      withdrawal: { on: context.today, reason: input.reason ?? null },
    },
    reply: replyClock,
    replyOpen: false,
    clocks: openSideClocks(current),
    event: { type: 'application_withdrawn', data: { reason: input.reason ?? null } },
    statistics: received
      ? [
          {
            year: year(context.today),
            cell: decidedCell('otherwise_handled.other', columnOf(current.applicant)),
          },
        ]
      : [],
  };
}

export function assign(
  current: Application,
  assignee: { staffId: string; name: string; email: string | null },
  context: Context,
): Change {
  requireStatus(current, ...OPEN_STATUSES);
  return {
    application: { ...current, assignee: { ...assignee, assignedOn: context.today } },
    reply: null,
    replyOpen: current.receivedOn !== null,
    clocks: [],
    event: {
      type: 'handler_assigned',
      data: { staffId: assignee.staffId, name: assignee.name, previous: current.assignee?.staffId ?? null },
    },
    statistics: [],
  };
}

/** The side clocks (clarification period, consultations, fee) still open, closed. */
function openSideClocks(current: Application): ClockChange[] {
  const closed: ClockChange[] = [];
  if (current.clarification && current.clarification.supplementedOn === null)
    closed.push({ name: clarificationClock, open: false });
  for (const consultation of current.consultations)
    if (consultation.repliedOn === null)
      closed.push({ name: consultationClock(consultation.id), open: false });
  if (current.fee && current.fee.paidOn === null) closed.push({ name: feeClock, open: false });
  return closed;
}
