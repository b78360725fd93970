import { addDays, type IsoDate } from '../calendar/civil-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { PeriodicObligation } from '../agency';

/**
 * The periods of a periodic obligation (seed 004 §三; seed 002 §10: monthly, quarterly, yearly items) and
 * when each is due: a period's item is published within the obligation's working days after the period
 * closes — the very date the sweep holds it to (`periodicObligations` in the sweep).
 */
export type Cadence = PeriodicObligation['cadence'];

export type ObligationPeriodDue = {
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`: what an item names in `periodic.period`. */
  readonly period: string;
  readonly startsOn: IsoDate;
  readonly closesOn: IsoDate;
  /** The last day to publish the period's item. */
  readonly dueDate: IsoDate;
  /** The due date depends on a year whose holiday notice is not yet published. */
  readonly provisional: boolean;
};

const pad = (value: number): string => String(value).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): IsoDate =>
  addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);

/** The period of `cadence` that `day` falls in. */
export function periodOf(
  cadence: Cadence,
  day: IsoDate,
): { period: string; startsOn: IsoDate; closesOn: IsoDate } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (cadence === 'monthly')
    return {
      period: day.slice(0, 7),
      startsOn: `${day.slice(0, 7)}-01`,
      closesOn: lastDayOfMonth(year, month),
    };
  if (cadence === 'quarterly') {
    const quarter = Math.ceil(month / 3);
    const first = (quarter - 1) * 3 + 1;
    return {
      period: `${year}-Q${quarter}`,
      startsOn: `${year}-${pad(first)}-01`,
      closesOn: lastDayOfMonth(year, first + 2),
    };
  }
  return { period: String(year), startsOn: `${year}-01-01`, closesOn: `${year}-12-31` };
}

/**
 * The period open on `today` and up to `closed` periods before it, newest first, each with its due date;
 * periods that closed before the obligation was declared are not owed and are left out.
 */
export function obligationPeriods(
  obligation: Pick<PeriodicObligation, 'cadence' | 'publishWithinWorkingDays' | 'declaredOn'>,
  today: IsoDate,
  calendar: WorkingCalendar,
  closed: number,
): ObligationPeriodDue[] {
  const periods: ObligationPeriodDue[] = [];
  let day = today;
  for (let index = 0; index <= closed; index += 1) {
    const period = periodOf(obligation.cadence, day);
    if (period.closesOn < obligation.declaredOn) break;
    const due = calendar.addWorkingDays(period.closesOn, obligation.publishWithinWorkingDays);
    periods.push({ ...period, dueDate: due.dueDate, provisional: due.provisional });
    day = addDays(period.startsOn, -1);
  }
  return periods;
}

/**
 * Where a period stands on `today`: its item published; still running (`open`); closed and to be
 * published by its due date (`due`); or past its due date with nothing published (`overdue`: the sweep
 * records the breach the next working day).
 */
export type PeriodStanding = 'published' | 'open' | 'due' | 'overdue';
export const periodStanding = (
  period: Pick<ObligationPeriodDue, 'closesOn' | 'dueDate'>,
  today: IsoDate,
  published: boolean,
): PeriodStanding =>
  published ? 'published' : today > period.dueDate ? 'overdue' : today > period.closesOn ? 'due' : 'open';
