import * as z from 'zod';

/**
 * Civil dates as `YYYY-MM-DD` strings and day numbers (days since 1970-01-01). All arithmetic is on
 * UTC fields of the proleptic Gregorian calendar, so the host's time zone never shifts a date.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date that exists, as `YYYY-MM-DD`. */
export const CivilDate = z.string().refine(isValidIsoDate, 'must be a date that exists, as YYYY-MM-DD');
/** A year in a query or path (reports, breaches, publications). */
export const YearNumber = z.coerce.number({ error: 'must be a year' }).int().min(2000).max(2100);

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`. */
export function dayNumberOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export const isoDateOfDayNumber = (dayNumber: number): IsoDate =>
  new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOfDayNumber = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

export const isWeekend = (dayNumber: number): boolean => {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
};

export const addDays = (date: IsoDate, days: number): IsoDate => isoDateOfDayNumber(dayNumberOf(date) + days);

export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
