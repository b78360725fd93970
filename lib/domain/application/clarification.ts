import * as z from 'zod';
import { advanceClock, startClock, type ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError } from '../errors';
import { freeText } from '../free-text';
import { UploadKey } from '../upload-key';
import {
  CLARIFICATION_CLOCK,
  policyOf,
  requireReply,
  requireStatus,
  withClock,
  type Application,
  type Change,
  type Context,
} from './application';
import { deliveredBy, deliveryOf } from './notice-delivery';
import { REGULATION_LIMITS } from './policy';

/**
 * Clarification (补正, Reg. 30): an unclear request is sent back once, within 7 working days of receipt,
 * with what to supplement and a reasonable period; the reply clock stops the day the notice is sent, the
 * applicant's period runs from its delivery (notice-delivery.ts), and the reply period runs afresh from
 * the supplement. No supplement in time is a system step (system-steps.ts).
 */
export const ClarificationRequestInput = z.strictObject({
  items: z.array(freeText(500)).min(1, 'must list what to supplement').max(20),
  periodWorkingDays: z.int().min(1).max(60).optional(),
  deliveredBy,
});
export type ClarificationRequestInput = z.infer<typeof ClarificationRequestInput>;

export const SupplementInput = z.strictObject({
  text: freeText(4000),
  attachments: z.array(UploadKey).max(10).default([]),
});
export type SupplementInput = z.infer<typeof SupplementInput>;

/** 补正: once, within 7 working days of receipt; stops the clock until the supplement. */
export function requestClarification(
  current: Application,
  replyClock: ClockState | null,
  input: ClarificationRequestInput,
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
  const delivery = deliveryOf(input.deliveredBy, context.today);
  const applicantPeriod =
    delivery.deliveredOn === null ? null : startClock(context.calendar, delivery.deliveredOn, period);
  const dueDate = applicantPeriod?.dueDate ?? null;
  return {
    application: {
      ...withClock(current, reply),
      status: 'awaiting_clarification',
      clarification: {
        requestedOn: context.today,
        items: input.items,
        dueDate,
        periodWorkingDays: period,
        delivery,
        supplementedOn: null,
        supplement: null,
        supplementAttachments: [],
        lapsedOn: null,
        reopenings: [],
      },
    },
    reply,
    replyOpen: true,
    clocks:
      applicantPeriod === null ? [] : [{ name: CLARIFICATION_CLOCK, state: applicantPeriod, open: true }],
    event: {
      type: 'clarification_requested',
      data: {
        items: input.items,
        supplementBy: dueDate,
        periodWorkingDays: period,
        remainingWorkingDays: reply.remainingWorkingDays,
        deliveredBy: delivery.method,
      },
    },
    statistics: [],
  };
}

/** The applicant's supplement restarts a full reply period from its day (Reg. 30). */
export function supplement(
  current: Application,
  replyClock: ClockState | null,
  input: SupplementInput,
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
    // A supplement before the notice's delivery was entered: its period never started.
    clocks: clarification.dueDate === null ? [] : [{ name: CLARIFICATION_CLOCK, open: false }],
    event: {
      type: 'clarification_supplemented',
      data: { supplementedOn: context.today, attachments: input.attachments, dueDate: reply.dueDate },
    },
    statistics: [],
  };
}
