import * as z from 'zod';
import type { IsoDate } from '../calendar/civil-date';
import { startClock, type ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError } from '../errors';
import { freeText } from '../free-text';
import {
  CLARIFICATION_CLOCK,
  policyOf,
  requireReply,
  requireStatus,
  type Application,
  type Change,
  type Context,
} from './application';
import type { DecisionInput } from './outcomes';
import { lapseDecision } from './system-steps';

/**
 * Deemed abandonment (视为放弃, Reg. 30: "申请人无正当理由逾期不补正的，视为放弃申请"). That the supplement
 * period lapsed is a fact the sweep finds; that there was no good reason (无正当理由) is the handler's
 * judgement. So the sweep moves the case to `abandonment_pending` and tells the handler, who closes it
 * as otherwise handled (no_supplement, with its letter) or reopens it on the applicant's reason with a
 * new period to supplement. Until then the case is open — pending in the annual report — and the
 * applicant is told nothing final.
 */

export const AbandonmentReviewInput = z.discriminatedUnion('verdict', [
  /** No good reason: deemed abandoned, otherwise handled (申请人无正当理由逾期不补正). */
  z.strictObject({ verdict: z.literal('abandoned') }),
  /** The applicant's good reason, as given, and a new period to supplement (the policy's by default). */
  z.strictObject({
    verdict: z.literal('reopened'),
    reason: freeText(2000),
    periodWorkingDays: z.int().min(1).max(60).optional(),
  }),
]);
export type AbandonmentReviewInput = z.infer<typeof AbandonmentReviewInput>;

/** The clarification whose period lapsed with no supplement, or a rule violation saying why not. */
function lapsedClarification(current: Application, today: IsoDate) {
  const clarification = current.clarification;
  const notLapsed = (detail: string) =>
    new RuleViolationError('no-supplement-not-lapsed', detail, [
      { path: 'body.reason', message: 'needs a supplement period that lapsed with no supplement (Reg. 30)' },
    ]);
  if (clarification === null) throw notLapsed('No clarification was requested, so none can be missing.');
  if (clarification.supplementedOn !== null)
    throw notLapsed(`The applicant supplemented on ${clarification.supplementedOn}.`);
  // A request sent by post whose delivery is not yet known has a period that has not started.
  if (clarification.dueDate === null)
    throw notLapsed('The clarification request is not yet known to be delivered: its period has not begun.');
  if (today <= clarification.dueDate)
    throw notLapsed(`The applicant may supplement until ${clarification.dueDate} (Reg. 30).`);
  return clarification;
}

/** The sweep's step: the period lapsed with no supplement, and the handler is to review it. */
export function abandonmentPending(
  current: Application,
  replyClock: ClockState | null,
  context: Context,
): Change {
  requireStatus(current, 'awaiting_clarification');
  const clarification = lapsedClarification(current, context.today);
  return {
    application: {
      ...current,
      status: 'abandonment_pending',
      clarification: { ...clarification, lapsedOn: context.today },
    },
    // The reply clock stays stopped, as it was while the applicant owed the supplement.
    reply: requireReply(replyClock),
    replyOpen: true,
    clocks: [{ name: CLARIFICATION_CLOCK, open: false }],
    event: {
      type: 'abandonment_pending',
      data: { supplementBy: clarification.dueDate, lapsedOn: context.today },
    },
    statistics: [],
  };
}

/** The handler finds no good reason: the decision that closes the case (with its letter). */
export function abandonmentDecision(current: Application): DecisionInput {
  requireStatus(current, 'abandonment_pending');
  return lapseDecision(current, { kind: 'no-supplement' });
}

/** The handler accepts the applicant's reason: a new period to supplement runs from today. */
export function reopenAbandoned(
  current: Application,
  replyClock: ClockState | null,
  input: Extract<AbandonmentReviewInput, { verdict: 'reopened' }>,
  context: Context,
): Change {
  requireStatus(current, 'abandonment_pending');
  const clarification = current.clarification;
  if (clarification === null || clarification.dueDate === null)
    throw new WrongStateError('No clarification was requested with a period that lapsed.');
  const period = input.periodWorkingDays ?? policyOf(current).clarificationPeriodWorkingDays;
  const applicantPeriod = startClock(context.calendar, context.today, period);
  const dueDate = applicantPeriod.dueDate ?? context.today;
  return {
    application: {
      ...current,
      status: 'awaiting_clarification',
      clarification: {
        ...clarification,
        dueDate,
        lapsedOn: null,
        reopenings: [
          ...clarification.reopenings,
          { on: context.today, reason: input.reason, previousDueDate: clarification.dueDate },
        ],
      },
    },
    reply: requireReply(replyClock),
    replyOpen: true,
    clocks: [{ name: CLARIFICATION_CLOCK, open: true, state: applicantPeriod }],
    event: {
      type: 'abandonment_reopened',
      data: {
        reason: input.reason,
        previousDueDate: clarification.dueDate,
        supplementBy: dueDate,
        periodWorkingDays: period,
      },
    },
    statistics: [],
  };
}

/**
 * What a decision may say about a clarification (Reg. 30): `no_supplement` only once the period lapsed
 * with no supplement; `unclear_after_clarification` only after a clarification was answered; and a case
 * whose period lapsed is closed only as abandoned — or reopened first.
 */
export function checkClarificationOutcome(current: Application, input: DecisionInput, today: IsoDate): void {
  if (input.outcome === 'otherwise_handled' && input.reason === 'no_supplement') {
    lapsedClarification(current, today);
    return;
  }
  if (current.status === 'abandonment_pending')
    throw new WrongStateError(
      'The supplement period lapsed: close the case as abandoned (no_supplement), or reopen it on the applicant’s reason first.',
    );
  if (
    input.outcome === 'cannot_provide' &&
    input.reason === 'unclear_after_clarification' &&
    (current.clarification === null || current.clarification.supplementedOn === null)
  )
    throw new RuleViolationError(
      'not-clarified',
      'A request is "still unclear after clarification" only once a clarification was requested and answered (Reg. 30).',
      [{ path: 'body.reason', message: 'needs a clarification the applicant answered' }],
    );
}

/** What the handler is told when the sweep finds the period lapsed. */
export function abandonmentReviewNotice(
  application: Pick<Application, 'id'>,
  supplementBy: IsoDate,
): { subject: string; body: string } {
  return {
    subject: `【待审查】申请 ${application.id} 补正期限（${supplementBy}）已届满，申请人未补正`,
    body:
      '申请人逾期不补正且无正当理由的，视为放弃申请（《中华人民共和国政府信息公开条例》第三十条）。' +
      '请核实申请人有无正当理由：无正当理由的，作出“其他处理（申请人无正当理由逾期不补正）”的答复；' +
      '有正当理由的，记录理由并重新确定补正期限。',
  };
}
