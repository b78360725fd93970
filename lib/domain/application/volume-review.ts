import * as z from 'zod';
import { CivilDate } from '../calendar/civil-date';
import { advanceClock, type ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError } from '../errors';
import { freeText } from '../free-text';
import {
  requireReply,
  requireStatus,
  withClock,
  type Application,
  type Change,
  type Context,
} from './application';

/**
 * Requests beyond a reasonable number or frequency (Reg. 35: 申请公开政府信息的数量、频次明显超过合理
 * 范围): the agency may ask the applicant for reasons; reasons it finds unreasonable end in 不予处理 (the
 * decision's `mass_repeated` row); reasonable reasons that cannot be answered within the period of Reg.
 * 33 get a reasonable later reply date, told to the applicant. Asking does not stop the reply clock: the
 * Regulations leave out of the period only the time spent consulting (Reg. 33 ¶2).
 */

export const ReasonsRequestInput = z.strictObject({ question: freeText(2000) });
export type ReasonsRequestInput = z.infer<typeof ReasonsRequestInput>;
export const ReasonsInput = z.strictObject({ reasons: freeText(4000) });
export type ReasonsInput = z.infer<typeof ReasonsInput>;
export const LaterReplyInput = z.strictObject({
  dueDate: CivilDate,
  /** Why the reasons are reasonable and the period of Reg. 33 is not enough. */
  reason: freeText(2000),
});
export type LaterReplyInput = z.infer<typeof LaterReplyInput>;

/** The agency asks the applicant for the reasons of the request, once; the reply clock runs on. */
export function askForReasons(current: Application, input: ReasonsRequestInput, context: Context): Change {
  requireStatus(current, 'in_progress');
  if (current.volumeReview !== null)
    throw new WrongStateError(`The applicant was asked for reasons on ${current.volumeReview.requestedOn}.`);
  return {
    application: {
      ...current,
      volumeReview: {
        requestedOn: context.today,
        question: input.question,
        answeredOn: null,
        reasons: null,
        laterReply: null,
      },
    },
    reply: null,
    replyOpen: true,
    clocks: [],
    event: { type: 'reasons_requested', data: { question: input.question, applicantTold: true } },
    statistics: [],
  };
}

/** The applicant's reasons, as received. */
export function recordReasons(current: Application, input: ReasonsInput, context: Context): Change {
  requireStatus(current, 'in_progress');
  const review = current.volumeReview;
  if (review === null) throw new WrongStateError('The applicant was not asked for reasons.');
  if (review.answeredOn !== null)
    throw new WrongStateError(`The applicant's reasons were recorded on ${review.answeredOn}.`);
  return {
    application: {
      ...current,
      volumeReview: { ...review, answeredOn: context.today, reasons: input.reasons },
    },
    reply: null,
    replyOpen: true,
    clocks: [],
    event: { type: 'reasons_received', data: { reasons: input.reasons } },
    statistics: [],
  };
}

/**
 * Reasonable reasons, but no reply possible within the period: a reasonable later reply date, set before
 * the current one passes, after it, on the applicant's reasons; the applicant is told.
 */
export function setLaterReplyDate(
  current: Application,
  replyClock: ClockState | null,
  input: LaterReplyInput,
  approvedBy: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  const clock = requireReply(replyClock);
  const review = current.volumeReview;
  if (review === null || review.reasons === null)
    throw new RuleViolationError(
      'later-reply-date',
      'A later reply date (Reg. 35) rests on the applicant’s reasons: ask for them and record them first.',
    );
  if (review.laterReply !== null)
    throw new WrongStateError(`A later reply date was set on ${review.laterReply.setOn}.`);
  if (clock.dueDate === null) throw new WrongStateError('The reply clock is stopped.');
  if (context.today > clock.dueDate)
    throw new RuleViolationError(
      'deadline-passed',
      `The reply was due on ${clock.dueDate}; a later reply date must be set before then.`,
    );
  if (input.dueDate <= clock.dueDate)
    throw new RuleViolationError(
      'later-reply-date',
      `The reply is due on ${clock.dueDate} already: a later reply date comes after it.`,
      [{ path: 'body.dueDate', message: `must be after ${clock.dueDate}` }],
    );
  const reply = advanceClock(context.calendar, clock, {
    type: 'reschedule',
    on: context.today,
    dueDate: input.dueDate,
  });
  return {
    application: {
      ...withClock(current, reply),
      volumeReview: {
        ...review,
        laterReply: { setOn: context.today, dueDate: input.dueDate, reason: input.reason, approvedBy },
      },
    },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_date_set',
      data: {
        reason: input.reason,
        previousDueDate: clock.dueDate,
        dueDate: reply.dueDate,
        applicantTold: true,
      },
    },
    statistics: [],
  };
}
