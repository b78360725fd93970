/**
 * China Standard Time (UTC+8, no daylight saving) conversions. Legal dates are CST calendar dates
 * whatever the server's time zone, so we shift by the fixed offset and read the UTC fields; we never
 * read the host's local time zone.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The CST calendar date of an instant, as `YYYY-MM-DD`. */
export function chinaDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + CST_OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** An instant as ISO 8601 with the +08:00 offset, e.g. `2026-09-28T09:30:00.000+08:00`. */
export function chinaIsoOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + CST_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 23)}+08:00`;
}

/** The CST year of an instant. */
export const chinaYearOf = (instant: Date): number => Number(chinaDateOf(instant).slice(0, 4));
