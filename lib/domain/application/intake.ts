import { receiptMoves } from '../compliance';
import * as z from 'zod';
import { CivilDate, type IsoDate } from '../calendar/civil-date';
import { startClock, type ClockState } from '../calendar/clock';
import { RuleViolationError } from '../errors';
import { optionalText } from '../free-text';
import { UploadKey } from '../upload-key';
import { Applicant, columnOf, InformationRequest } from './applicant';
import {
  Channel,
  CONFIRMATION_CLOCK,
  CONFIRMATION_REMINDER_CLOCK,
  confirmationClocksClosed,
  receivedCell,
  requireStatus,
  statisticsYear,
  withClock,
  type Application,
  type Change,
  type Context,
} from './application';
import type { DisclosurePolicy } from './policy';

/**
 * Intake (Reg. 27–31): an application arrives online or is registered by staff, and is received — the
 * date of receipt starts the reply clock.
 */
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
  notes: optionalText(2000),
});
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** What a new application is known by: its tracking number, agency, applicant key and token hash. */
export type NewApplicationIds = {
  id: string;
  agencyId: string;
  applicantKey: string;
  accessTokenHash: string;
};

/** The application as it arrives, before anything is done with it. */
function arrived(
  input: Pick<OnlineApplicationInput, 'applicant' | 'request' | 'attachments'>,
  ids: NewApplicationIds,
  submittedAt: string,
  channel: Channel,
  notes: string | null,
): Application {
  return {
    id: ids.id,
    agencyId: ids.agencyId,
    status: 'awaiting_confirmation',
    channel,
    submittedAt,
    receivedOn: null,
    applicant: input.applicant,
    applicantKey: ids.applicantKey,
    request: input.request,
    attachments: input.attachments,
    notes,
    policy: null,
    confirmation: null,
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
    volumeReview: null,
    accessTokenHash: ids.accessTokenHash,
    version: 1,
  };
}

/**
 * A new online application, not yet received: the office confirms it first (Reg. 31(3)). The law sets
 * no time to confirm, so the agency's policy does (RULES §2, default 3 working days): its clock, and a
 * reminder after 1 working day, run from the day it was submitted (`context.today`).
 */
export function submitOnline(
  input: OnlineApplicationInput,
  ids: NewApplicationIds,
  submittedAt: string,
  policy: DisclosurePolicy,
  context: Context,
): Change {
  const limit = startClock(context.calendar, context.today, policy.confirmationWorkingDays);
  const reminder = startClock(context.calendar, context.today, 1);
  const dueDate = limit.dueDate ?? context.today;
  return {
    application: {
      ...arrived(input, ids, submittedAt, 'online', null),
      confirmation: { dueDate, workingDays: policy.confirmationWorkingDays },
    },
    reply: null,
    replyOpen: false,
    clocks: [
      { name: CONFIRMATION_CLOCK, open: true, state: limit },
      { name: CONFIRMATION_REMINDER_CLOCK, open: true, state: reminder },
    ],
    event: {
      type: 'application_submitted',
      data: {
        channel: 'online',
        request: input.request,
        attachments: input.attachments,
        confirmBy: dueDate,
      },
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
  ids: NewApplicationIds,
  submittedAt: string,
  policy: DisclosurePolicy,
  context: Context,
): Change {
  const { application, reply } = receive(
    arrived(input, ids, submittedAt, input.channel, input.notes ?? null),
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
    statistics: [{ year: statisticsYear(input.receivedOn), cell: receivedCell(columnOf(input.applicant)) }],
    days: receiptMoves(input.receivedOn),
  };
}

/** The office confirms an online application: the date of confirmation is the date of receipt (Reg. 31(3)). */
export function confirm(current: Application, policy: DisclosurePolicy, context: Context): Change {
  requireStatus(current, 'awaiting_confirmation');
  const { application, reply } = receive(current, context.today, policy, context);
  return {
    application,
    reply,
    replyOpen: true,
    // Applications submitted before the confirmation limit existed have no such clocks to close.
    clocks: current.confirmation === null ? [] : confirmationClocksClosed,
    event: {
      type: 'application_confirmed',
      data: { receivedOn: context.today, dueDate: reply.dueDate, replyWorkingDays: policy.replyWorkingDays },
    },
    statistics: [{ year: statisticsYear(context.today), cell: receivedCell(columnOf(current.applicant)) }],
    days: receiptMoves(context.today),
  };
}
