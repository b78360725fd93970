import { ValidationError, RuleViolationError } from '#lib/domain/errors';
import { evaluateClock, type StoredClockState } from '#lib/domain/calendar/clock';
import type { CaseClock, ClockRef } from '#lib/domain/case-clock';
import { WorkingCalendar, type DeadlineResult } from '#lib/domain/calendar/working-calendar';
import {
  checkPublishedSchedule,
  loadedYear,
  statutoryHolidays,
  type PublishedSchedule,
  type YearSchedule,
} from '#lib/domain/calendar/year-schedule';
import type { Principal } from '#lib/domain/staff';
import {
  nextEvent,
  staffActor,
  type CaseRef,
  type ChainHead,
  type TimelineEvent,
} from '#lib/domain/timeline';

/** Port: the calendar years loaded at run time (one record with a version). */
export interface CalendarStore {
  read(): Promise<{ version: number; years: YearSchedule[]; chain: ChainHead }>;
  saveYear(schedule: YearSchedule, expectedVersion: number, event: TimelineEvent): Promise<void>;
}

/** Port: the clocks of all cases, by case and name. */
export interface ClockStore {
  /** A page of the clocks whose due date depended on `year` being provisional. */
  provisionalClocks(
    year: number,
    nextToken?: string,
  ): Promise<{ items: ClockRef[]; nextToken: string | null }>;
  /** The clock, and the version and chain head of its case. */
  read(ref: ClockRef): Promise<{ clock: CaseClock; caseVersion: number; caseChain: ChainHead } | undefined>;
  /**
   * Writes the re-evaluated clock, its timeline event, the case's new version and chain head, and the
   * case's own copies of the clock's due date (its reply due date, the date to pay by, …), atomically and
   * only if the case is still at `caseVersion`.
   */
  saveRecomputed(change: {
    previous: CaseClock;
    next: StoredClockState;
    caseVersion: number;
    event: TimelineEvent;
  }): Promise<void>;
  /** Forgets that the clock depends on `year` (it is closed, or no longer provisional there). */
  dropMarker(year: number, ref: ClockRef): Promise<void>;
}

const CALENDAR_CASE: CaseRef = { agencyId: 'platform', kind: 'calendar', id: 'calendar' };

/**
 * The calendar in force: the bundled and provisional years with the loaded ones on top. Rebuilt only
 * when the loaded record's version changes, so a request pays one small read. Kept per store, so two
 * stores (two tables, or two tests) never share a calendar.
 */
const cached = new WeakMap<CalendarStore, { version: number; calendar: WorkingCalendar }>();
export async function currentCalendar(store: CalendarStore): Promise<WorkingCalendar> {
  const loaded = await store.read();
  const known = cached.get(store);
  if (known?.version === loaded.version) return known.calendar;
  const calendar = new WorkingCalendar(loaded.years);
  cached.set(store, { version: loaded.version, calendar });
  return calendar;
}

export async function calendarYear(store: CalendarStore, year: number) {
  const calendar = await currentCalendar(store);
  const schedule = calendar.scheduleOf(year);
  return {
    year,
    source: schedule.source,
    holidays: schedule.holidays,
    adjustedWorkdays: schedule.adjustedWorkdays,
    ...(schedule.notice ? { notice: schedule.notice } : {}),
    workingDays: calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`),
    statutoryHolidays: year >= 2025 ? statutoryHolidays(year) : null,
  };
}

export type DeadlineQuery = {
  from: string;
  workingDays?: number | undefined;
  naturalDays?: number | undefined;
};

/** The public deadline calculator. */
export async function computeDeadline(store: CalendarStore, query: DeadlineQuery) {
  const calendar = await currentCalendar(store);
  let result: DeadlineResult;
  if (query.workingDays !== undefined) result = calendar.addWorkingDays(query.from, query.workingDays);
  else if (query.naturalDays !== undefined) result = calendar.addNaturalDays(query.from, query.naturalDays);
  else
    throw new ValidationError('Give workingDays or naturalDays.', [
      { path: 'query.workingDays', message: 'or naturalDays is required' },
    ]);
  return {
    ...result,
    rule: query.workingDays !== undefined ? ('working_days' as const) : ('natural_days' as const),
    days: query.workingDays ?? query.naturalDays,
    daysOff: calendar.daysOffBetween(result.from, result.dueDate).filter((day) => day.reason !== '周末'),
    adjustedWorkdays: calendar.adjustedWorkdaysBetween(result.from, result.dueDate),
  };
}

export type LoadDeps = { calendars: CalendarStore; clocks: ClockStore };

/**
 * A platform administrator loads a year's schedule as published. Every open clock whose due date was
 * provisional in that year is then evaluated again (found by key, through its marker) and the change
 * goes on its case's timeline. `keepGoing` bounds the work one request does; what is left stays marked
 * and is finished by loading again or by the daily sweep.
 */
export async function loadCalendarYear(
  deps: LoadDeps,
  principal: Principal,
  year: number,
  input: PublishedSchedule,
  now: Date,
  keepGoing: () => boolean = () => true,
) {
  const problems = checkPublishedSchedule(year, input);
  if (problems.length > 0)
    throw new RuleViolationError(
      'invalid-schedule',
      `The schedule for ${year} does not hold together.`,
      problems,
    );
  const current = await deps.calendars.read();
  const schedule = loadedYear(year, input);
  const event = nextEvent(CALENDAR_CASE, current.chain, {
    type: 'calendar_year_loaded',
    now,
    actor: staffActor(principal),
    data: {
      year,
      holidays: schedule.holidays,
      adjustedWorkdays: schedule.adjustedWorkdays,
      notice: schedule.notice,
    },
  });
  await deps.calendars.saveYear(schedule, current.version, event);
  const calendar = await currentCalendar(deps.calendars);
  const recomputation = await recomputeProvisionalClocks(deps.clocks, calendar, year, now, keepGoing);
  return { ...(await calendarYear(deps.calendars, year)), recomputation };
}

/** Re-evaluates the clocks marked provisional in `year` against `calendar`. */
export async function recomputeProvisionalClocks(
  clocks: ClockStore,
  calendar: WorkingCalendar,
  year: number,
  now: Date,
  keepGoing: () => boolean,
) {
  let examined = 0;
  let changed = 0;
  let nextToken: string | undefined;
  do {
    if (!keepGoing()) return { examined, changed, complete: false };
    const page = await clocks.provisionalClocks(year, nextToken);
    for (const marker of page.items) {
      if (!keepGoing()) return { examined, changed, complete: false };
      examined += 1;
      if (await recomputeClock(clocks, calendar, marker, year, now)) changed += 1;
    }
    nextToken = page.nextToken ?? undefined;
  } while (nextToken !== undefined);
  return { examined, changed, complete: true };
}

async function recomputeClock(
  clocks: ClockStore,
  calendar: WorkingCalendar,
  ref: ClockRef,
  year: number,
  now: Date,
): Promise<boolean> {
  const found = await clocks.read(ref);
  if (found === undefined || !found.clock.open) {
    await clocks.dropMarker(year, ref);
    return false;
  }
  const { clock } = found;
  const next = evaluateClock(calendar, clock.state.events);
  const event = nextEvent(clock.case, found.caseChain, {
    type: 'due_date_recomputed',
    now,
    actor: { kind: 'system', process: 'calendar' },
    data: {
      clock: ref.name,
      reason: `The ${year} holiday schedule was published.`,
      previousDueDate: clock.state.dueDate,
      dueDate: next.dueDate,
      previousProvisional: clock.state.provisional,
      provisional: next.provisional,
      calendarYear: year,
    },
  });
  await clocks.saveRecomputed({
    previous: clock,
    next,
    caseVersion: found.caseVersion,
    event,
  });
  return next.dueDate !== clock.state.dueDate;
}
