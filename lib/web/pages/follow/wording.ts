import type { ApplicationStatus } from '#lib/domain/application/application';
import type { AccessArrangement, Outcome } from '#lib/domain/application/outcomes';
import type { applicationStatus } from '#lib/use-cases/applications/applicant';
import { formatCivilDate } from '../../format';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { Locale } from '../../messages/locale';

/**
 * The status page's sentences, in the reader's language, from what the applicant may see of the
 * application (`applicationStatus`, the API's status page): each timeline event, each step of the reply
 * clock, the days the period skipped. Pure: words in, words out, so the wording is tested on strings.
 */
export type StatusView = Awaited<ReturnType<typeof applicationStatus>>;
export type TimelineEntry = StatusView['timeline'][number];
export type DueDateStep = StatusView['dueDateExplained'][number];
type ApplicantRequest = StatusView['requests'][number];
export type ClarificationRequest = Extract<ApplicantRequest, { items: string[] }>;
export type FeeRequest = Extract<ApplicantRequest, { amountYuan: number }>;
export type ReasonsRequest = Extract<ApplicantRequest, { question: string }>;

export const isClarification = (request: ApplicantRequest): request is ClarificationRequest =>
  request.kind === 'clarification';
export const isFee = (request: ApplicantRequest): request is FeeRequest => request.kind === 'fee';
export const isReasons = (request: ApplicantRequest): request is ReasonsRequest => request.kind === 'reasons';

export const STATUS_WORDS: Readonly<Record<ApplicationStatus, MessageKey>> = {
  awaiting_confirmation: 'follow.status.awaiting_confirmation',
  in_progress: 'follow.status.in_progress',
  awaiting_clarification: 'follow.status.awaiting_clarification',
  abandonment_pending: 'follow.status.abandonment_pending',
  consulting: 'follow.status.consulting',
  awaiting_fee: 'follow.status.awaiting_fee',
  suspended: 'follow.status.suspended',
  decided: 'follow.status.decided',
  withdrawn: 'follow.status.withdrawn',
};

export const OUTCOME_WORDS: Readonly<Record<Outcome, MessageKey>> = {
  disclosed: 'follow.outcome.disclosed',
  partially_disclosed: 'follow.outcome.partially_disclosed',
  not_disclosed: 'follow.outcome.not_disclosed',
  cannot_provide: 'follow.outcome.cannot_provide',
  not_processed: 'follow.outcome.not_processed',
  otherwise_handled: 'follow.outcome.otherwise_handled',
};

/** Every event the applicant's timeline shows (`PUBLIC_EVENTS` in the use case's view), as a sentence. */
const EVENT_WORDS: Readonly<Record<string, MessageKey>> = {
  application_submitted: 'follow.event.application_submitted',
  application_registered: 'follow.event.application_registered',
  application_confirmed: 'follow.event.application_confirmed',
  clarification_requested: 'follow.event.clarification_requested',
  clarification_delivered: 'follow.event.clarification_delivered',
  clarification_supplemented: 'follow.event.clarification_supplemented',
  abandonment_pending: 'follow.event.abandonment_pending',
  abandonment_reopened: 'follow.event.abandonment_reopened',
  consultation_sent: 'follow.event.consultation_sent',
  consultation_delivered: 'follow.event.consultation_delivered',
  consultation_answered: 'follow.event.consultation_answered',
  reply_extended: 'follow.event.reply_extended',
  reply_suspended: 'follow.event.reply_suspended',
  reply_resumed: 'follow.event.reply_resumed',
  fee_notice_sent: 'follow.event.fee_notice_sent',
  fee_notice_delivered: 'follow.event.fee_notice_delivered',
  fee_paid: 'follow.event.fee_paid',
  reasons_requested: 'follow.event.reasons_requested',
  reasons_received: 'follow.event.reasons_received',
  reply_date_set: 'follow.event.reply_date_set',
  due_date_recomputed: 'follow.event.due_date_recomputed',
  decision_made: 'follow.event.decision_made',
  application_withdrawn: 'follow.event.application_withdrawn',
};

const SUSPENSION_WORDS: Readonly<Record<string, MessageKey>> = {
  clarification: 'follow.clock.suspend.clarification',
  consultation: 'follow.clock.suspend.consultation',
  force_majeure: 'follow.clock.suspend.force_majeure',
  fee: 'follow.clock.suspend.fee',
};

/**
 * One event as a sentence. Its date after it, when it set one: a new supplement period for a reopened
 * clarification, else the reply's due date. An event the catalogue does not know yet keeps the view's
 * own (Chinese) description rather than disappear.
 */
export function timelineSentence(entry: TimelineEntry, t: Translate, locale: Locale): string {
  const key = EVENT_WORDS[entry.type];
  const sentence = key === undefined ? entry.description : t(key);
  if (entry.dueDate === undefined) return sentence;
  const date = formatCivilDate(entry.dueDate, locale);
  const then = t(
    entry.type === 'abandonment_reopened' ? 'follow.event.supplementBy' : 'follow.event.replyDueBy',
    { date },
  );
  return joinSentences([sentence, then], t);
}

/** Sentences one after the other, as the language writes them (no space after 。, a space after a full stop). */
export const joinSentences = (sentences: readonly string[], t: Translate): string =>
  sentences.reduce((first, then) => (first === '' ? then : t('follow.sentences', { first, then })), '');

/** Days off (or days worked) in a row with the same reason: `国庆节 2026-10-01 to 2026-10-07, 7 days`. */
export type DayRun = {
  readonly reason: string;
  readonly from: string;
  readonly to: string;
  readonly days: number;
};

const dayAfter = (date: string): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

export function dayRuns(days: readonly { readonly date: string; readonly reason: string }[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last !== undefined && last.reason === day.reason && dayAfter(last.to) === day.date)
      runs[runs.length - 1] = { ...last, to: day.date, days: last.days + 1 };
    else runs.push({ reason: day.reason, from: day.date, to: day.date, days: 1 });
  }
  return runs;
}

export function dayRunText(run: DayRun, t: Translate, locale: Locale): string {
  const from = formatCivilDate(run.from, locale);
  return run.days === 1
    ? t('follow.clock.oneDay', { reason: run.reason, date: from })
    : t('follow.clock.dayRange', {
        reason: run.reason,
        from,
        to: formatCivilDate(run.to, locale),
        count: run.days,
      });
}

/**
 * One step of the reply clock, as a sentence: the start (the period counted from the day after receipt),
 * each suspension with its cause and the working days left, each resumption, extension and later date;
 * then the festival days the period skipped and the weekend days worked (调休) it counted.
 */
export function clockStepSentences(step: DueDateStep, t: Translate, locale: Locale): string[] {
  const on = formatCivilDate(step.on, locale);
  const due = step.dueDate === null ? '' : formatCivilDate(step.dueDate, locale);
  const sentences: string[] = [];
  switch (step.step) {
    case 'start':
      sentences.push(t('follow.clock.start', { on, count: step.workingDays ?? 0, due }));
      break;
    case 'suspend': {
      const cause = step.reason === undefined ? undefined : SUSPENSION_WORDS[step.reason];
      sentences.push(
        t('follow.clock.suspend', {
          on,
          cause: cause === undefined ? t('follow.clock.suspend.other') : t(cause),
          count: step.remainingWorkingDays ?? 0,
        }),
      );
      break;
    }
    case 'resume':
      sentences.push(t(step.restart === true ? 'follow.clock.restart' : 'follow.clock.resume', { on, due }));
      break;
    case 'extend':
      sentences.push(t('follow.clock.extend', { on, count: step.workingDays ?? 0, due }));
      break;
    case 'reschedule':
      sentences.push(t('follow.clock.reschedule', { on, due }));
      break;
  }
  const skipped = dayRuns(step.daysOff);
  if (skipped.length > 0)
    sentences.push(
      t('follow.clock.daysOff', {
        days: skipped.map((run) => dayRunText(run, t, locale)).join(t('follow.listSeparator')),
      }),
    );
  const worked = dayRuns(step.adjustedWorkdays);
  if (worked.length > 0)
    sentences.push(
      t('follow.clock.adjustedWorkdays', {
        days: worked.map((run) => dayRunText(run, t, locale)).join(t('follow.listSeparator')),
      }),
    );
  if (step.provisional && step.dueDate !== null) sentences.push(t('follow.clock.provisional'));
  return sentences;
}

/** How, where and when the applicant obtains the information (Reg. 36(2), Reg. 40), in a sentence. */
export function accessText(arrangement: AccessArrangement, t: Translate, locale: Locale): string {
  const date = (value: string) => formatCivilDate(value, locale);
  switch (arrangement.method) {
    case 'inspection':
    case 'copying':
      return t('follow.access.atPlace', {
        method: t(`follow.access.${arrangement.method}`),
        place: arrangement.place,
        from: date(arrangement.from),
        until: date(arrangement.until),
        hours: arrangement.hours === undefined ? '' : t('follow.access.hours', { hours: arrangement.hours }),
      });
    case 'post':
      return t('follow.access.sent', {
        method: t('follow.access.post'),
        to: arrangement.address ?? t('follow.access.yourAddress'),
        date: date(arrangement.sendBy),
      });
    case 'electronic':
      return t('follow.access.sent', {
        method: t('follow.access.electronic'),
        to: arrangement.to,
        date: date(arrangement.sendBy),
      });
  }
}
