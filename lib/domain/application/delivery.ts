import * as z from 'zod';
import { CivilDate, type IsoDate } from '../calendar/civil-date';
import { startClock, type ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError } from '../errors';
import {
  CLARIFICATION_CLOCK,
  consultationClock,
  FEE_CLOCK,
  isOpen,
  policyOf,
  type Application,
  type Change,
  type ClockChange,
  type Context,
} from './application';
import type { Delivery } from './notice-delivery';

/**
 * The day a notice sent by post was received (the day signed for, from the return receipt), entered when
 * it is known: the other side's period — to supplement, to answer a consultation, to pay — starts from
 * it (notice-delivery.ts). Until then that period has no due date and the sweep cannot act on it.
 */
const ConsultationId = z.string().regex(/^c[0-9a-z]{8}$/, 'must be a consultation id');
export const DeliveryRecordInput = z.discriminatedUnion('notice', [
  z.strictObject({ notice: z.literal('clarification'), deliveredOn: CivilDate }),
  z.strictObject({ notice: z.literal('fee'), deliveredOn: CivilDate }),
  z.strictObject({
    notice: z.literal('consultation'),
    consultationId: ConsultationId,
    deliveredOn: CivilDate,
  }),
]);
export type DeliveryRecordInput = z.infer<typeof DeliveryRecordInput>;

/** A notice as this step sees it: when it was sent, how, its period, and whether anyone still waits on it. */
type Notice = {
  sentOn: IsoDate;
  delivery: Delivery | null;
  periodWorkingDays: number;
  clockName: string;
  /** The other side has not yet acted (supplemented, answered, paid) and the case waits for it. */
  awaited: boolean;
  /** The notice with its delivery and due date recorded. */
  withDelivery: (delivery: Delivery, dueDate: IsoDate | null) => Application;
  eventType: string;
  dueDateKey: string;
};

function noticeOf(current: Application, input: DeliveryRecordInput): Notice {
  const policy = policyOf(current);
  switch (input.notice) {
    case 'clarification': {
      const clarification = current.clarification;
      if (clarification === null) throw new WrongStateError('No clarification was requested.');
      return {
        sentOn: clarification.requestedOn,
        delivery: clarification.delivery,
        periodWorkingDays: clarification.periodWorkingDays ?? policy.clarificationPeriodWorkingDays,
        clockName: CLARIFICATION_CLOCK,
        awaited: current.status === 'awaiting_clarification' && clarification.supplementedOn === null,
        withDelivery: (delivery, dueDate) => ({
          ...current,
          clarification: { ...clarification, delivery, dueDate },
        }),
        eventType: 'clarification_delivered',
        dueDateKey: 'supplementBy',
      };
    }
    case 'fee': {
      const fee = current.fee;
      if (fee === null) throw new WrongStateError('No fee was asked for.');
      return {
        sentOn: fee.noticeOn,
        delivery: fee.delivery,
        periodWorkingDays: policy.feePaymentWorkingDays,
        clockName: FEE_CLOCK,
        awaited: current.status === 'awaiting_fee' && fee.paidOn === null,
        withDelivery: (delivery, dueDate) => ({ ...current, fee: { ...fee, delivery, dueDate } }),
        eventType: 'fee_notice_delivered',
        dueDateKey: 'payBy',
      };
    }
    case 'consultation': {
      const { consultationId } = input;
      const consultation = current.consultations.find((candidate) => candidate.id === consultationId);
      if (consultation === undefined)
        throw new RuleViolationError(
          'no-such-consultation',
          `There is no consultation ${consultationId} on this application.`,
        );
      return {
        sentOn: consultation.sentOn,
        delivery: consultation.delivery,
        periodWorkingDays: policy.consultationWorkingDays,
        clockName: consultationClock(consultationId),
        awaited: current.status === 'consulting' && consultation.repliedOn === null,
        withDelivery: (delivery, dueDate) => ({
          ...current,
          consultations: current.consultations.map((candidate) =>
            candidate.id === consultationId ? { ...candidate, delivery, dueDate } : candidate,
          ),
        }),
        eventType: 'consultation_delivered',
        dueDateKey: 'answerBy',
      };
    }
  }
}

/**
 * Records the day a notice sent by post was received. If the other side still owes its answer, its
 * period starts from that day; if it has already acted, the day is recorded and nothing starts.
 */
export function recordDelivery(
  current: Application,
  replyClock: ClockState | null,
  input: DeliveryRecordInput,
  context: Context,
): Change {
  const notice = noticeOf(current, input);
  // A notice known to be received at once (or sent before deliveries were recorded) has its date already.
  if (notice.delivery === null || notice.delivery.deliveredOn !== null)
    throw new WrongStateError(
      `The notice's delivery is already on record${notice.delivery?.deliveredOn ? ` (${notice.delivery.deliveredOn})` : ''}.`,
    );
  if (input.deliveredOn < notice.sentOn || input.deliveredOn > context.today)
    throw new RuleViolationError(
      'delivery-date',
      `A notice sent on ${notice.sentOn} is received on or after that day, and not after today (${context.today}).`,
      [{ path: 'body.deliveredOn', message: `must be from ${notice.sentOn} to ${context.today}` }],
    );
  const delivery: Delivery = { ...notice.delivery, deliveredOn: input.deliveredOn };
  const period = notice.awaited
    ? startClock(context.calendar, input.deliveredOn, notice.periodWorkingDays)
    : null;
  const dueDate = period?.dueDate ?? null;
  const clocks: ClockChange[] =
    period === null ? [] : [{ name: notice.clockName, state: period, open: true }];
  return {
    application: notice.withDelivery(delivery, dueDate),
    reply: replyClock,
    replyOpen: isOpen(current.status),
    clocks,
    event: {
      type: notice.eventType,
      data: {
        ...(input.notice === 'consultation' ? { consultationId: input.consultationId } : {}),
        method: delivery.method,
        sentOn: notice.sentOn,
        deliveredOn: input.deliveredOn,
        [notice.dueDateKey]: dueDate,
      },
    },
    statistics: [],
  };
}
