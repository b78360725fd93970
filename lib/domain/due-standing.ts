import { dayNumberOf, type IsoDate } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';

/**
 * Where a deadline stands on a day, for the people who must meet it: passed (by how many days), due
 * today, due soon, or later — counted in the unit the deadline runs in (working days for the reply and
 * publication periods, natural days for a complaint's answer).
 */
export type DueStanding =
  | { readonly kind: 'overdue'; readonly days: number; readonly unit: DayUnit }
  | { readonly kind: 'today'; readonly days: 0; readonly unit: DayUnit }
  | { readonly kind: 'soon' | 'later'; readonly days: number; readonly unit: DayUnit };
export type DayUnit = 'working_days' | 'natural_days';

/**
 * Due within this many days is "soon": the sweep reminds at 3 and at 1 working day left, so a case shows
 * as soon from the first reminder on.
 */
export const DUE_SOON_DAYS = 3;

export function dueStanding(
  calendar: WorkingCalendar,
  today: IsoDate,
  dueDate: IsoDate,
  unit: DayUnit = 'working_days',
): DueStanding {
  if (dueDate === today) return { kind: 'today', days: 0, unit };
  const natural = unit === 'natural_days';
  if (dueDate < today) {
    // A deadline passed on a day off is as late on the next working day as on the day itself: at least 1.
    const days = natural
      ? dayNumberOf(today) - dayNumberOf(dueDate)
      : Math.max(1, calendar.workingDaysBetween(dueDate, today));
    return { kind: 'overdue', days, unit };
  }
  const days = natural
    ? dayNumberOf(dueDate) - dayNumberOf(today)
    : calendar.workingDaysBetween(today, dueDate);
  return { kind: days <= DUE_SOON_DAYS ? 'soon' : 'later', days, unit };
}
