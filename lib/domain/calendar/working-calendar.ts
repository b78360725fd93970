import { RuleViolationError } from '../errors';
import { isoDateOfDayNumber, dayNumberOf, isWeekend, type IsoDate } from './civil-date';
import {
  bundledYear,
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  provisionalYear,
  type CalendarSource,
  type YearSchedule,
} from './year-schedule';

/**
 * The working-day calendar of China (工作日), 2004–2100, with a precomputed index so that counting N
 * working days is a few array reads, never a walk day by day:
 *   cumulative[i] = how many working days come before day i;
 *   ordinals[k]   = the day of the k-th working day.
 * The working days after day i are ordinals[cumulative[i + 1]], ordinals[cumulative[i + 1] + 1], …
 *
 * A period does not count its first day (民法典 Art. 201): N working days from D end on the Nth working
 * day after D. A natural-day period whose last day is a day off ends on the next working day (Art. 203).
 */
export type DeadlineResult = {
  readonly from: IsoDate;
  readonly dueDate: IsoDate;
  /** True when any day the result depends on lies in a year without a published schedule. */
  readonly provisional: boolean;
  readonly calendarYears: readonly number[];
  readonly provisionalYears: readonly number[];
};

export type DayOffExplained = { readonly date: IsoDate; readonly reason: string };

/** A date, or a period's end, outside the years the engine covers. */
export class CalendarRangeError extends RuleViolationError {
  constructor(detail: string) {
    super('outside-calendar', detail);
  }
}

const FIRST_DAY = dayNumberOf(`${FIRST_CALENDAR_YEAR}-01-01`);
const LAST_DAY = dayNumberOf(`${LAST_CALENDAR_YEAR}-12-31`);
const DAYS = LAST_DAY - FIRST_DAY + 1;
const YEAR_COUNT = LAST_CALENDAR_YEAR - FIRST_CALENDAR_YEAR + 1;
/** Index of January 1 of each year, and one past the end. */
const YEAR_STARTS = Int32Array.from(
  { length: YEAR_COUNT + 1 },
  (_, offset) => dayNumberOf(`${FIRST_CALENDAR_YEAR + offset}-01-01`) - FIRST_DAY,
);
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/**
 * Every day's date string and year, by index: built on first use rather than at import, since most
 * functions that load this module never count a day (it would add to every cold start).
 */
let dayTables: { readonly dates: readonly string[]; readonly years: Int16Array } | undefined;
function days() {
  if (dayTables === undefined) {
    const dates = Array.from({ length: DAYS }, (_, index) => isoDateOfDayNumber(FIRST_DAY + index));
    dayTables = {
      dates,
      years: Int16Array.from({ length: DAYS }, (_, index) => Number((dates[index] ?? '').slice(0, 4))),
    };
  }
  return dayTables;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export class WorkingCalendar {
  private readonly dates = days().dates;
  private readonly years = days().years;
  private readonly working = new Uint8Array(DAYS);
  private readonly cumulative = new Int32Array(DAYS + 1);
  private readonly ordinals: Int32Array;
  private readonly festivals = new Map<number, string>();
  private readonly adjusted = new Map<number, string>();
  private readonly sources: CalendarSource[] = [];
  private readonly schedules: YearSchedule[] = [];
  /** provisionalBefore[y] = how many provisional years come before year offset y. */
  private readonly provisionalBefore = new Int32Array(YEAR_COUNT + 1);

  /** The calendar from the given schedules; any year not given is bundled if we ship it, else provisional. */
  constructor(given: Iterable<YearSchedule> = []) {
    const byYear = new Map<number, YearSchedule>();
    for (const schedule of given) byYear.set(schedule.year, schedule);
    for (let index = 0; index < DAYS; index += 1) this.working[index] = isWeekend(FIRST_DAY + index) ? 0 : 1;
    for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year += 1) {
      const schedule = byYear.get(year) ?? bundledYear(year) ?? provisionalYear(year);
      this.schedules.push(schedule);
      this.sources.push(schedule.source);
      // In year order, so a notice that reaches back into December overrides the year before.
      for (const day of schedule.holidays) this.mark(day.date, 0, day.festival);
      for (const day of schedule.adjustedWorkdays) this.mark(day.date, 1, day.festival);
    }
    let count = 0;
    for (let index = 0; index < DAYS; index += 1) {
      this.cumulative[index] = count;
      count += this.working[index] ?? 0;
    }
    this.cumulative[DAYS] = count;
    this.ordinals = new Int32Array(count);
    for (let index = 0, k = 0; index < DAYS; index += 1)
      if (this.working[index] === 1) this.ordinals[k++] = index;
    for (let offset = 0; offset < YEAR_COUNT; offset += 1) {
      this.provisionalBefore[offset + 1] =
        (this.provisionalBefore[offset] ?? 0) + (this.sources[offset] === 'provisional' ? 1 : 0);
    }
  }

  private mark(date: IsoDate, working: 0 | 1, festival: string): void {
    const index = dayNumberOf(date) - FIRST_DAY;
    if (index < 0 || index >= DAYS) return;
    this.working[index] = working;
    if (working === 0) {
      this.festivals.set(index, festival);
      this.adjusted.delete(index);
    } else {
      this.adjusted.set(index, festival);
      this.festivals.delete(index);
    }
  }

  /** The day index of a `YYYY-MM-DD` date (parsed by hand: this is the hot path). */
  private indexOf(date: IsoDate): number {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 2);
    const day = digits(date, 8, 2);
    const yearOffset = year - FIRST_CALENDAR_YEAR;
    if (
      date.length !== 10 ||
      yearOffset < 0 ||
      yearOffset >= YEAR_COUNT ||
      month < 1 ||
      month > 12 ||
      day < 1
    ) {
      throw new CalendarRangeError(
        `${date} is not a date from ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}`,
      );
    }
    const index =
      (YEAR_STARTS[yearOffset] ?? 0) +
      (MONTH_STARTS[month - 1] ?? 0) +
      (month > 2 && isLeap(year) ? 1 : 0) +
      day -
      1;
    if (this.dates[index] !== date) throw new CalendarRangeError(`${date} is not a date that exists`);
    return index;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.working[this.indexOf(date)] === 1;
  }

  sourceOf(year: number): CalendarSource {
    const source = this.sources[year - FIRST_CALENDAR_YEAR];
    if (source === undefined)
      throw new CalendarRangeError(`${year} is outside ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR}`);
    return source;
  }

  scheduleOf(year: number): YearSchedule {
    const schedule = this.schedules[year - FIRST_CALENDAR_YEAR];
    if (schedule === undefined)
      throw new CalendarRangeError(`${year} is outside ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR}`);
    return schedule;
  }

  /** The Nth working day after `from` (the start day itself is not counted). */
  addWorkingDays(from: IsoDate, workingDays: number): DeadlineResult {
    if (!Number.isInteger(workingDays) || workingDays < 1)
      throw new RangeError('workingDays must be a whole number ≥ 1');
    const start = this.indexOf(from);
    const ordinal = (this.cumulative[start + 1] ?? 0) + workingDays - 1;
    const due = this.ordinals[ordinal];
    if (due === undefined) throw new CalendarRangeError(`the period runs past ${LAST_CALENDAR_YEAR}`);
    return this.result(from, start, start + 1, due);
  }

  /** The last working day before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    const ordinal = (this.cumulative[this.indexOf(date)] ?? 0) - 1;
    const index = this.ordinals[ordinal];
    if (index === undefined) throw new CalendarRangeError(`no working day before ${date} in the calendar`);
    return this.dates[index] ?? '';
  }

  /** `naturalDays` after `from`; if that day is a day off, the next working day. */
  addNaturalDays(from: IsoDate, naturalDays: number): DeadlineResult {
    if (!Number.isInteger(naturalDays) || naturalDays < 1)
      throw new RangeError('naturalDays must be a whole number ≥ 1');
    const start = this.indexOf(from);
    const end = start + naturalDays;
    const due = end < DAYS ? this.ordinals[this.cumulative[end] ?? Number.MAX_SAFE_INTEGER] : undefined;
    if (due === undefined) throw new CalendarRangeError(`the period runs past ${LAST_CALENDAR_YEAR}`);
    // The result depends on the days from the natural end to the due date being off or not.
    return this.result(from, start, end, due);
  }

  /** Working days in (from, to]: how much of a period has run between two dates. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = this.indexOf(from);
    const b = this.indexOf(to);
    if (b <= a) return 0;
    return (this.cumulative[b + 1] ?? 0) - (this.cumulative[a + 1] ?? 0);
  }

  /** Whether any day in (from, to] lies in a provisional year. */
  isProvisionalBetween(from: IsoDate, to: IsoDate): boolean {
    const a = this.indexOf(from);
    const b = this.indexOf(to);
    return b > a && this.provisionalYearsIn(a + 1, b).length > 0;
  }

  /** The days off in (from, to], with their reason (a festival, or the weekend), for explanations. */
  daysOffBetween(from: IsoDate, to: IsoDate): DayOffExplained[] {
    const result: DayOffExplained[] = [];
    for (let index = this.indexOf(from) + 1, end = this.indexOf(to); index <= end; index += 1) {
      if (this.working[index] === 1) continue;
      result.push({ date: this.dates[index] ?? '', reason: this.festivals.get(index) ?? '周末' });
    }
    return result;
  }

  /** Weekend days in (from, to] that are worked (调休), with their festival. */
  adjustedWorkdaysBetween(from: IsoDate, to: IsoDate): DayOffExplained[] {
    const result: DayOffExplained[] = [];
    for (let index = this.indexOf(from) + 1, end = this.indexOf(to); index <= end; index += 1) {
      const festival = this.adjusted.get(index);
      if (festival !== undefined)
        result.push({ date: this.dates[index] ?? '', reason: `${festival}调休上班` });
    }
    return result;
  }

  private result(from: IsoDate, start: number, firstCounted: number, due: number): DeadlineResult {
    const firstYear = this.years[start] ?? FIRST_CALENDAR_YEAR;
    const lastYear = this.years[due] ?? LAST_CALENDAR_YEAR;
    const calendarYears: number[] = [];
    for (let year = firstYear; year <= lastYear; year += 1) calendarYears.push(year);
    const provisionalYears = this.provisionalYearsIn(firstCounted, due);
    return {
      from,
      dueDate: this.dates[due] ?? '',
      provisional: provisionalYears.length > 0,
      calendarYears,
      provisionalYears,
    };
  }

  private provisionalYearsIn(firstIndex: number, lastIndex: number): number[] {
    const a = (this.years[Math.min(firstIndex, DAYS - 1)] ?? FIRST_CALENDAR_YEAR) - FIRST_CALENDAR_YEAR;
    const b = (this.years[lastIndex] ?? LAST_CALENDAR_YEAR) - FIRST_CALENDAR_YEAR;
    if ((this.provisionalBefore[b + 1] ?? 0) - (this.provisionalBefore[a] ?? 0) === 0) return [];
    const years: number[] = [];
    for (let offset = a; offset <= b; offset += 1)
      if (this.sources[offset] === 'provisional') years.push(FIRST_CALENDAR_YEAR + offset);
    return years;
  }
}

function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

export const CALENDAR_RANGE = {
  first: `${FIRST_CALENDAR_YEAR}-01-01`,
  last: `${LAST_CALENDAR_YEAR}-12-31`,
} as const;
