import type { DueStanding } from '#lib/domain/due-standing';
import type { Accountable } from '#lib/domain/case-clock';
import type { CaseRef } from '#lib/domain/timeline';
import type { TodayApplication } from '#lib/use-cases/today';
import type { MessageKey, Translate } from '../../messages/catalogue';

/**
 * Today's words and order, pure (tested on strings): how much time is left, in words and in a colour that
 * only repeats them; which applications come first.
 */
export function dueText(standing: DueStanding, t: Translate): string {
  const unit = standing.unit === 'natural_days' ? 'natural' : 'working';
  switch (standing.kind) {
    case 'today':
      return t('cToday.due.today');
    case 'overdue':
      return standing.days === 1
        ? t(`cToday.due.overdue.${unit}.one`)
        : t(`cToday.due.overdue.${unit}`, { count: standing.days });
    case 'soon':
    case 'later':
      return standing.days === 1
        ? t(`cToday.due.left.${unit}.one`)
        : t(`cToday.due.left.${unit}`, { count: standing.days });
  }
}

/** The tag's colour: red when late or due today, amber when soon, green otherwise. */
export const dueTone = (standing: DueStanding): 'red' | 'amber' | 'green' =>
  standing.kind === 'overdue' || standing.kind === 'today'
    ? 'red'
    : standing.kind === 'soon'
      ? 'amber'
      : 'green';

/**
 * The applications of Today in two groups, the person's own first; within each, the most urgent first:
 * late ones, then by due date (an unconfirmed online application by the agency's limit to confirm it).
 */
export function groupApplications(items: readonly TodayApplication[]): {
  mine: TodayApplication[];
  others: TodayApplication[];
} {
  const order = (a: TodayApplication, b: TodayApplication) =>
    urgency(a) - urgency(b) || (dateOf(a) ?? '9999').localeCompare(dateOf(b) ?? '9999');
  return {
    mine: items.filter((item) => item.mine).sort(order),
    others: items.filter((item) => !item.mine).sort(order),
  };
}
const dateOf = (item: TodayApplication) => item.dueDate ?? item.confirmBy;
const URGENCY: Readonly<Record<DueStanding['kind'], number>> = { overdue: 0, today: 1, soon: 2, later: 3 };
const urgency = (item: TodayApplication) => (item.standing === null ? 4 : URGENCY[item.standing.kind]);

/** The console page of a case a breach or reminder names, where there is one. */
export function casePath(ref: CaseRef): string | undefined {
  switch (ref.kind) {
    case 'application':
      return `/console/applications/${encodeURIComponent(ref.id)}`;
    case 'submission':
      return `/console/submissions/${encodeURIComponent(ref.id)}`;
    case 'complaint':
      return `/console/complaints/${encodeURIComponent(ref.id)}`;
    case 'annual_report':
      return '/console/annual-reports';
    case 'roll_up':
      return '/console/supervision';
    case 'agency':
    case 'breach':
    case 'calendar':
    case 'publication':
    case 'staff':
      return undefined;
  }
}

/** Who answers for a breach: a member of staff by name, or the office's head. */
export function accountableText(accountable: Accountable, t: Translate): string {
  if ('role' in accountable) return t('cToday.breaches.officeHead', { name: accountable.name ?? '' }).trim();
  return accountable.name ?? accountable.staffId;
}

export const STATUS_KEYS = {
  awaiting_confirmation: 'cToday.status.awaiting_confirmation',
  in_progress: 'cToday.status.in_progress',
  awaiting_clarification: 'cToday.status.awaiting_clarification',
  abandonment_pending: 'cToday.status.abandonment_pending',
  consulting: 'cToday.status.consulting',
  awaiting_fee: 'cToday.status.awaiting_fee',
  suspended: 'cToday.status.suspended',
  decided: 'cToday.status.decided',
  withdrawn: 'cToday.status.withdrawn',
} as const satisfies Readonly<Record<TodayApplication['status'], MessageKey>>;
