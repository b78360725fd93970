import type { ApplicationStatus } from '#lib/domain/application/application';
import { addDays, type IsoDate } from '#lib/domain/calendar/civil-date';
import type { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { chinaDateOf } from '#lib/domain/china-time';
import { currentCalendar } from '../calendar';
import { listApplications } from './casework';
import type { ApplicationDeps } from './ports';

/**
 * The agency's applications as the console lists them: by state, by due window (overdue, due within a
 * number of working days, or all) and by handler, each with the working days left to its reply. Read by
 * key from the agency's queue (`byAgencyState`, ordered by due date), never scanned.
 */
export const DUE_WINDOWS = ['all', 'overdue', 'soon'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

export type QueueQuery = {
  status?: ApplicationStatus | 'open' | 'closed' | undefined;
  due: DueWindow;
  /** The `soon` window: due today or within this many working days. */
  withinWorkingDays: number;
  handler?: string | undefined;
  limit: number;
  nextToken?: string | undefined;
};

/**
 * Working days from today to the due date: positive while there is time (0: due today), negative once
 * it has passed (the working days since). Null when nothing is due (no running reply clock).
 */
export function workingDaysLeft(
  calendar: WorkingCalendar,
  today: IsoDate,
  dueDate: IsoDate | null,
): number | null {
  if (dueDate === null) return null;
  return dueDate >= today
    ? calendar.workingDaysBetween(today, dueDate)
    : -calendar.workingDaysBetween(dueDate, today);
}

/** The due-date range of a window, on the queue's index (`dueFrom` leaves undated applications out). */
function rangeOf(calendar: WorkingCalendar, today: IsoDate, query: QueueQuery) {
  if (query.due === 'overdue') return { dueFrom: '0001-01-01', dueBefore: addDays(today, -1) };
  if (query.due === 'soon')
    return {
      dueFrom: today,
      dueBefore: calendar.addWorkingDays(today, query.withinWorkingDays).dueDate,
    };
  return {};
}

export async function applicationQueue(
  deps: Pick<ApplicationDeps, 'applications' | 'calendars'>,
  agencyId: string,
  query: QueueQuery,
  now: Date,
) {
  const calendar = await currentCalendar(deps.calendars);
  const today = chinaDateOf(now);
  // Due windows are about open applications: closed ones are listed by the day they closed.
  const range = query.status === 'closed' ? {} : rangeOf(calendar, today, query);
  const page = await listApplications(deps, agencyId, {
    status: query.status,
    ...range,
    handler: query.handler,
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    today,
    items: page.items.map((item) => ({
      ...item,
      workingDaysLeft:
        item.outcome === null && item.status !== 'withdrawn'
          ? workingDaysLeft(calendar, today, item.dueDate)
          : null,
    })),
    nextToken: page.nextToken,
  };
}
