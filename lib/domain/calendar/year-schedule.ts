import * as z from 'zod';
import type { FieldError } from '../errors';
import {
  CivilDate,
  dayNumberOf,
  isValidIsoDate,
  isWeekend,
  yearOf,
  addDays,
  type IsoDate,
} from './civil-date';
import { BUNDLED_SCHEDULES } from './bundled-schedules.generated';
import { LUNAR_HOLIDAYS } from './lunar-holidays.generated';
import { Notice } from './notice';
import { freeText } from '../free-text';

/** Where a year's schedule comes from: data shipped with the code, a notice loaded since, or the law. */
export const CalendarSource = z.enum(['bundled', 'loaded', 'provisional']);
export type CalendarSource = z.infer<typeof CalendarSource>;

/** A day off or an adjusted working day, and the festival it belongs to. */
export const MarkedDay = z.strictObject({ date: CivilDate, festival: freeText(100) }).readonly();
export type MarkedDay = z.infer<typeof MarkedDay>;

/**
 * A year's schedule of days off and adjusted working days (调休), as the State Council General Office
 * publishes it each year — or, for a year not yet published, as far as the law fixes it.
 */
export const YearSchedule = z
  .object({
    year: z.int(),
    source: CalendarSource,
    /** Days off by the notice; they may include the weekends inside a holiday block. */
    holidays: z.array(MarkedDay).readonly(),
    /** Weekend days declared working days (调休上班). */
    adjustedWorkdays: z.array(MarkedDay).readonly(),
    notice: Notice.optional(),
  })
  .readonly();
export type YearSchedule = z.infer<typeof YearSchedule>;

/** The first and last year the engine covers (the lunar table ends in 2100). */
export const FIRST_CALENDAR_YEAR = 2004;
export const LAST_CALENDAR_YEAR = 2100;

// --- Bundled: the official schedules shipped in `chinese-days` (2004–2026) -----------------------------

/** `春节:02-15~02-23 …` (bundled-schedules.generated.ts: `MM-DD` in `year`, else in full) as days. */
function decodeDays(year: number, runs: string): MarkedDay[] {
  if (runs === '') return [];
  const full = (date: string): IsoDate => (date.length === 5 ? `${String(year)}-${date}` : date);
  return runs.split(' ').flatMap((run) => {
    const [festival = '', span = ''] = run.split(':');
    const [first = '', last = first] = span.split('~').map(full);
    const count = dayNumberOf(last) - dayNumberOf(first) + 1;
    return Array.from({ length: count }, (_, offset) => ({ date: addDays(first, offset), festival }));
  });
}

const bundledRows = new Map(
  BUNDLED_SCHEDULES.map(([year, holidays, workdays]) => [year, { holidays, workdays }]),
);
const decoded = new Map<number, YearSchedule>();
export const BUNDLED_YEARS: readonly number[] = [...bundledRows.keys()]
  .filter((year) => year >= FIRST_CALENDAR_YEAR)
  .sort();

export function bundledYear(year: number): YearSchedule | undefined {
  const row = bundledRows.get(year);
  if (row === undefined) return undefined;
  let schedule = decoded.get(year);
  if (schedule === undefined) {
    schedule = {
      year,
      source: 'bundled',
      holidays: decodeDays(year, row.holidays),
      adjustedWorkdays: decodeDays(year, row.workdays),
    };
    decoded.set(year, schedule);
  }
  return { ...schedule };
}

// --- Provisional: what the law fixes (《全国年节及纪念日放假办法》, Order No. 795, from 2025) -----------

const lunarRows = new Map(
  LUNAR_HOLIDAYS.map(([year, springFestival, qingming, dragonBoat, midAutumn]) => [
    year,
    { springFestival, qingming, dragonBoat, midAutumn },
  ]),
);

/**
 * The statutory holidays of `year` by law: 元旦 Jan 1; 春节 4 days (除夕 to 正月初三); 清明 1; 劳动节
 * May 1–2; 端午 1; 中秋 1; 国庆 Oct 1–3 — 13 days. Defined for 2025 onwards (the law then in force).
 */
export function statutoryHolidays(year: number): MarkedDay[] {
  const lunar = lunarRows.get(year);
  if (lunar === undefined) throw new RangeError(`No lunar dates for ${year}`);
  const y = String(year);
  return [
    { date: `${y}-01-01`, festival: '元旦' },
    ...[-1, 0, 1, 2].map((offset) => ({ date: addDays(lunar.springFestival, offset), festival: '春节' })),
    { date: lunar.qingming, festival: '清明节' },
    { date: `${y}-05-01`, festival: '劳动节' },
    { date: `${y}-05-02`, festival: '劳动节' },
    { date: lunar.dragonBoat, festival: '端午节' },
    { date: lunar.midAutumn, festival: '中秋节' },
    { date: `${y}-10-01`, festival: '国庆节' },
    { date: `${y}-10-02`, festival: '国庆节' },
    { date: `${y}-10-03`, festival: '国庆节' },
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * A year whose notice is not published: weekends and the statutory holidays off, every other weekday
 * worked. Bridging days and adjusted working days are unknown, so every date across it is provisional.
 */
export function provisionalYear(year: number): YearSchedule {
  return { year, source: 'provisional', holidays: statutoryHolidays(year), adjustedWorkdays: [] };
}

// --- Loading a published schedule ---------------------------------------------------------------------

export const PublishedSchedule = z.strictObject({
  holidays: z.array(MarkedDay).min(1, 'must list the days off').max(120),
  adjustedWorkdays: z.array(MarkedDay).max(40),
  notice: Notice.optional(),
});
export type PublishedSchedule = z.infer<typeof PublishedSchedule>;

/**
 * Checks a published schedule for `year`: every date in that year (a New Year block may begin in the
 * last week of the previous December, as the 2019 and 2023 notices did), no date both off and worked,
 * no date twice, adjusted working days on weekends, holidays on weekdays or on weekends adjacent to
 * the holiday block (or a festival that falls wholly on a weekend), and — from 2025 — every statutory holiday of the law among the days off.
 */
export function checkPublishedSchedule(
  year: number,
  schedule: Pick<YearSchedule, 'holidays' | 'adjustedWorkdays'>,
): FieldError[] {
  const errors: FieldError[] = [];
  const inYear = (day: MarkedDay) =>
    yearOf(day.date) === year ||
    (yearOf(day.date) === year - 1 && day.date >= `${year - 1}-12-25` && /元旦/.test(day.festival));
  const seen = new Map<IsoDate, string>();
  const check = (list: readonly MarkedDay[], field: 'holidays' | 'adjustedWorkdays') => {
    list.forEach((day, index) => {
      const path = `body.${field}.${index}.date`;
      if (!isValidIsoDate(day.date)) return;
      if (!inYear(day))
        errors.push({
          path,
          message: `must be in ${year} (or a New Year day in the last week of ${year - 1})`,
        });
      const earlier = seen.get(day.date);
      if (earlier !== undefined)
        errors.push({
          path,
          message: earlier === field ? 'is listed twice' : 'is both a day off and a working day',
        });
      seen.set(day.date, field);
      if (field === 'adjustedWorkdays' && !isWeekend(dayNumberOf(day.date)))
        errors.push({ path, message: 'must fall on a Saturday or Sunday' });
    });
  };
  check(schedule.holidays, 'holidays');
  check(schedule.adjustedWorkdays, 'adjustedWorkdays');

  const offDays = new Set(schedule.holidays.map((day) => dayNumberOf(day.date)));
  // A festival that falls wholly on a weekend may be listed alone (the 2015 notice: 中秋 on Sunday 09-27).
  const festivalsOnWeekdays = new Set(
    schedule.holidays.filter((day) => !isWeekend(dayNumberOf(day.date))).map((day) => day.festival),
  );
  schedule.holidays.forEach((day, index) => {
    const n = dayNumberOf(day.date);
    if (isWeekend(n) && festivalsOnWeekdays.has(day.festival) && !blockHasWeekday(n, offDays)) {
      errors.push({
        path: `body.holidays.${index}.date`,
        message: 'falls on a weekend that is not adjacent to a holiday block',
      });
    }
  });

  if (year >= 2025 && lunarRows.has(year)) {
    for (const statutory of statutoryHolidays(year)) {
      if (!offDays.has(dayNumberOf(statutory.date))) {
        errors.push({
          path: 'body.holidays',
          message: `must include ${statutory.date} (${statutory.festival}), a statutory holiday`,
        });
      }
    }
  }
  return errors;
}

/** Whether the run of consecutive days off (holidays and weekends) around `day` contains a weekday holiday. */
function blockHasWeekday(day: number, holidays: ReadonlySet<number>): boolean {
  const isOff = (n: number) => holidays.has(n) || isWeekend(n);
  for (const step of [-1, 1]) {
    for (let n = day + step; isOff(n); n += step) {
      if (holidays.has(n) && !isWeekend(n)) return true;
    }
  }
  return false;
}

export function loadedYear(year: number, schedule: PublishedSchedule): YearSchedule {
  const sort = (days: readonly MarkedDay[]) => [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    source: 'loaded',
    holidays: sort(schedule.holidays),
    adjustedWorkdays: sort(schedule.adjustedWorkdays),
    notice: schedule.notice,
  };
}
