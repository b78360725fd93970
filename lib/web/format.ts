import type { Locale } from './messages/locale';

/**
 * Dates as people read them: `2026年10月30日` in Chinese, `30 October 2026` in English. Legal dates are
 * civil dates (`YYYY-MM-DD`, China Standard Time); times are instants shown in China Standard Time.
 */
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatCivilDate(date: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return date;
  const [, year = '', month = '', day = ''] = match;
  if (locale === 'zh-CN') return `${year}年${Number(month)}月${Number(day)}日`;
  return `${Number(day)} ${MONTHS_EN[Number(month) - 1] ?? month} ${year}`;
}

/** An instant, in China Standard Time (UTC+8, no daylight saving): date and hh:mm. */
export function formatInstant(iso: string, locale: Locale): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const china = new Date(time.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`;
  return `${formatCivilDate(date, locale)} ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** The `YYYY-MM-DD` of an ISO time, for `<time datetime>`. */
export const isoDateOf = (iso: string): string => iso.slice(0, 10);
