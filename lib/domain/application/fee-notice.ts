import * as z from 'zod';
import { advanceClock, startClock, type ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError } from '../errors';
import { freeText, optionalText } from '../free-text';
import {
  FEE_CLOCK,
  policyOf,
  requireReply,
  requireStatus,
  statisticsYear,
  withClock,
  type Application,
  type Change,
  type Context,
} from './application';
import { chargeableByVolume, FEE_CELLS, FeeBasis, feeFor } from './fees';
import { deliveredBy, deliveryOf } from './notice-delivery';

/**
 * The fee notice and its payment (收费通知, Reg. 42; the 2020 rules in fees.ts): the reply clock waits
 * from the day the notice is sent, while the applicant has 20 working days from receiving it to pay (an
 * agency may give more; notice-delivery.ts). Unpaid by then is a system step (system-steps.ts).
 */
export const FeeNoticeInput = z.strictObject({
  basis: FeeBasis,
  explanation: freeText(2000),
  deliveredBy,
});
export type FeeNoticeInput = z.infer<typeof FeeNoticeInput>;
export const FeePaymentInput = z.strictObject({ reference: optionalText(200) });
export type FeePaymentInput = z.infer<typeof FeePaymentInput>;

/** 收费通知: computed by the 2020 rules; the clock waits until payment. */
export function feeNotice(
  current: Application,
  replyClock: ClockState | null,
  input: FeeNoticeInput,
  ordinalThisMonth: number,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  if (current.fee !== null)
    throw new RuleViolationError('fee-once', 'A fee notice has already been sent for this application.');
  if (input.basis.method === 'by_volume' && !chargeableByVolume(current.request))
    throw new RuleViolationError(
      'fee-by-volume-not-applicable',
      'A fee by volume is only for information asked for on paper, by e-mail or as copied electronic data (fee rules Art. 5); this applicant asked for it online.',
      [{ path: 'body.basis.method', message: 'must be by_piece for information given online' }],
    );
  const { amountYuan, units } = feeFor(input.basis, ordinalThisMonth);
  if (amountYuan === 0) {
    throw new RuleViolationError(
      'no-fee',
      input.basis.method === 'by_piece'
        ? `This is the applicant's piece no. ${units} this month: the first 10 are free.`
        : 'Up to 30 pages are free.',
      [{ path: 'body.basis', message: 'gives no fee under the 2020 rules' }],
    );
  }
  const pieces = input.basis.method === 'by_piece' ? (input.basis.pieces ?? null) : null;
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'suspend',
    on: context.today,
    reason: 'fee',
  });
  const delivery = deliveryOf(input.deliveredBy, context.today);
  const payment =
    delivery.deliveredOn === null
      ? null
      : startClock(context.calendar, delivery.deliveredOn, policyOf(current).feePaymentWorkingDays);
  const dueDate = payment?.dueDate ?? null;
  return {
    application: {
      ...withClock(current, reply),
      status: 'awaiting_fee',
      fee: {
        method: input.basis.method,
        units,
        pieces,
        amountYuan,
        noticeOn: context.today,
        dueDate,
        delivery,
        explanation: input.explanation,
        paidOn: null,
      },
    },
    reply,
    replyOpen: true,
    clocks: payment === null ? [] : [{ name: FEE_CLOCK, state: payment, open: true }],
    event: {
      type: 'fee_notice_sent',
      data: {
        method: input.basis.method,
        units,
        ...(pieces === null ? {} : { pieces }),
        amountYuan,
        payBy: dueDate,
        deliveredBy: delivery.method,
      },
    },
    // The report's section 六: fee notices sent, and their amount, in the year sent.
    statistics: [
      { year: statisticsYear(context.today), cell: FEE_CELLS.noticed },
      { year: statisticsYear(context.today), cell: FEE_CELLS.noticedYuan, by: amountYuan },
    ],
  };
}

/** The applicant paid: the reply clock runs on from where it stopped. */
export function feePayment(
  current: Application,
  replyClock: ClockState | null,
  input: FeePaymentInput,
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
    // Paid before the notice's delivery was entered: its period never started.
    clocks: fee.dueDate === null ? [] : [{ name: FEE_CLOCK, open: false }],
    event: {
      type: 'fee_paid',
      data: { amountYuan: fee.amountYuan, reference: input.reference, dueDate: reply.dueDate },
    },
    // The fees actually collected, in the year paid.
    statistics: [
      { year: statisticsYear(context.today), cell: FEE_CELLS.collected },
      { year: statisticsYear(context.today), cell: FEE_CELLS.collectedYuan, by: fee.amountYuan },
    ],
  };
}
