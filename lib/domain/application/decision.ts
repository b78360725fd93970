import { decisionMoves } from '../compliance';
import type { IsoDate } from '../calendar/civil-date';
import type { ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError, type FieldError } from '../errors';
import { columnOf } from './applicant';
import {
  closeSideClocks,
  decidedCell,
  requireReply,
  requireStatus,
  statisticsYear,
  type Application,
  type Change,
  type Context,
  type Decision,
} from './application';
import { checkClarificationOutcome } from './abandonment';
import { unnotifiedObjections } from './consultation';
import { outcomeRow, type AccessArrangement, type DecisionInput, type Outcome } from './outcomes';

/**
 * The decision (答复, Reg. 36–39): one outcome with its category, legal basis and reasons; it closes the
 * application and every clock, and counts in the annual report's table of outcomes.
 */

/** The dates of each way to obtain the information hold together: from the decision on, in order. */
function checkAccess(access: readonly AccessArrangement[] | undefined, today: IsoDate): FieldError[] {
  return (access ?? []).flatMap((arrangement, index): FieldError[] => {
    const at = `body.access.${index}`;
    if (arrangement.method === 'post' || arrangement.method === 'electronic')
      return arrangement.sendBy < today
        ? [{ path: `${at}.sendBy`, message: `must be the day of the decision (${today}) or later` }]
        : [];
    if (arrangement.from < today)
      return [{ path: `${at}.from`, message: `must be the day of the decision (${today}) or later` }];
    return arrangement.until < arrangement.from
      ? [{ path: `${at}.until`, message: 'must not be before from' }]
      : [];
  });
}

/**
 * Whether an outcome needs its legal basis and reasons written out: any partial disclosure, refusal,
 * "cannot provide" or "not processed" (seed 002 §17(3)); a lapse the rules name is its own reason.
 */
export const needsLegalBasis = (decision: { outcome: Outcome; reason?: string | undefined }): boolean =>
  decision.outcome !== 'disclosed' &&
  !(decision.outcome === 'otherwise_handled' && decision.reason !== 'other');

/** What RULES §2 requires of a decision beyond its shape, on the day `today` it is made. */
export function checkDecision(decision: DecisionInput, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (
    needsLegalBasis({ outcome: decision.outcome, reason: 'reason' in decision ? decision.reason : undefined })
  ) {
    if (decision.legalBasis === undefined)
      errors.push({ path: 'body.legalBasis', message: 'is required for this outcome (seed 002 §17(3))' });
    if (decision.reasons === undefined)
      errors.push({ path: 'body.reasons', message: 'is required for this outcome' });
  }
  if (decision.outcome === 'disclosed') {
    // Reg. 36(1)–(2): given with the letter, already published (where), or obtained another way (how, when).
    if (
      decision.releasedFiles.length === 0 &&
      decision.published === undefined &&
      decision.publishedAt === undefined &&
      decision.access === undefined
    )
      errors.push({
        path: 'body.releasedFiles',
        message:
          'must list the released files, or published must say where it is published (Reg. 36(1)), or access how and when to obtain it (Reg. 36(2), 40)',
      });
    // "该信息已经主动公开" only of a publication the letter can name (issue 11 point 12): staff's own words
    // with no date are read from decisions made before `published`, never accepted for a new one.
    if (decision.publishedAt !== undefined)
      errors.push({
        path: 'body.publishedAt',
        message:
          'is no longer accepted: give published as {publicationId} for a reading-room publication, or {where, publishedOn} for one elsewhere (Reg. 36(1))',
      });
    if (decision.published !== undefined && 'publishedOn' in decision.published) {
      if (decision.published.publishedOn > today)
        errors.push({
          path: 'body.published.publishedOn',
          message: `must be on or before the decision (${today}): information to be published later is not already published`,
        });
    }
    errors.push(...checkAccess(decision.access, today));
  }
  if (decision.outcome === 'partially_disclosed') {
    if (decision.releasedFiles.length === 0 && decision.access === undefined)
      errors.push({
        path: 'body.releasedFiles',
        message: 'must list what is given, or access how and when to obtain it (Reg. 37, 36(2))',
      });
    errors.push(...checkAccess(decision.access, today));
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

/**
 * The decision is issued: one outcome, with its reasons; every clock closes; the statistics move.
 * `letterKey`: where the decision letter will be archived.
 */
export function issueDecision(
  current: Application,
  replyClock: ClockState | null,
  input: DecisionInput,
  decidedBy: Decision['decidedBy'],
  letterKey: string,
  context: Context,
): Change {
  requireStatus(
    current,
    'in_progress',
    'awaiting_clarification',
    'abandonment_pending',
    'consulting',
    'awaiting_fee',
    'suspended',
  );
  checkClarificationOutcome(current, input, context.today);
  // Reg. 32, 34: the consulted party has its period to answer; the agency decides once it has answered or
  // let the period lapse (the time is not counted meanwhile, Reg. 33 ¶2).
  const open = current.consultations.filter((consultation) => consultation.repliedOn === null);
  if (open.length > 0)
    throw new WrongStateError(
      `No decision while a consultation is open: ${open
        .map(
          (consultation) => `${consultation.id} (${consultation.name}, answer due ${consultation.dueDate})`,
        )
        .join(', ')}. Record the answer, or let the sweep record the lapse, first (Reg. 32).`,
    );
  const problems = checkDecision(input, context.today);
  if (problems.length > 0)
    throw new RuleViolationError(
      'decision-incomplete',
      'The decision lacks what the rules require.',
      problems,
    );
  // Reg. 32: disclosing against a third party's objection needs the written notice to it first.
  const unnotified = unnotifiedObjections(current);
  if ((input.outcome === 'disclosed' || input.outcome === 'partially_disclosed') && unnotified.length > 0)
    throw new RuleViolationError(
      'third-party-not-notified',
      'A consulted third party objected: tell it in writing what will be disclosed and why before deciding to disclose (Reg. 32).',
      unnotified.map((consultation) => ({
        path: `consultations.${consultation.id}`,
        message: `${consultation.name} objected; record the notice (POST …/consultations/${consultation.id}/disclosure-notice) first`,
      })),
    );
  const decision: Decision = { ...input, decidedOn: context.today, decidedBy, letterKey };
  const row = outcomeRow({ outcome: input.outcome, ...('reason' in input ? { reason: input.reason } : {}) });
  return {
    application: { ...current, status: 'decided', decision },
    reply: requireReply(replyClock),
    replyOpen: false,
    clocks: closeSideClocks(current),
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
    statistics: [
      { year: statisticsYear(context.today), cell: decidedCell(row, columnOf(current.applicant)) },
    ],
    days: decisionMoves(context.calendar, {
      receivedOn: current.receivedOn,
      decidedOn: context.today,
      dueDate: current.dueDate,
    }),
  };
}
