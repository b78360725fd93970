import bundledData from 'chinese-days/dist/chinese-days.json';
import {
  addDays,
  dayNumberOf,
  isoDateOfDayNumber,
  weekdayOfDayNumber,
} from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { round, type Table } from './table';

/**
 * addWorkingDays(·, 20): the indexed engine against day-by-day loops over the same data, in one run.
 * Start dates cycle through 2020-01-01..2026-12-31 so no answer is cached by accident.
 */
const calendar = new WorkingCalendar();
const starts = Array.from({ length: dayNumberOf('2026-11-30') - dayNumberOf('2020-01-01') + 1 }, (_, i) =>
  isoDateOfDayNumber(dayNumberOf('2020-01-01') + i),
);

const off = new Set(Object.keys(bundledData.holidays));
const on = new Set(Object.keys(bundledData.workdays));

/** The obvious implementation: walk the dates, look each one up in the official lists. */
function dayByDayOverOfficialLists(from: string, n: number): string {
  let date = from;
  for (let counted = 0; counted < n;) {
    date = addDays(date, 1);
    const weekday = weekdayOfDayNumber(dayNumberOf(date));
    const working = on.has(date) || (!off.has(date) && weekday !== 0 && weekday !== 6);
    if (working) counted += 1;
  }
  return date;
}

/** A walk day by day over the engine's own per-day answers. */
function dayByDayOverEngine(from: string, n: number): string {
  let date = from;
  for (let counted = 0; counted < n;) {
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) counted += 1;
  }
  return date;
}

function callsPerSecond(fn: (from: string) => string, minimumMs = 1000): number {
  let sink = '';
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minimumMs) {
    for (let i = 0; i < 1000; i += 1) sink = fn(starts[(calls + i) % starts.length] ?? '2026-01-01');
    calls += 1000;
    elapsed = performance.now() - started;
  }
  if (sink === '') throw new Error('no result');
  return (calls / elapsed) * 1000;
}

export async function calendarBench(): Promise<Table> {
  // Same answers first: a fast wrong engine is worth nothing.
  for (const from of starts.slice(0, 400)) {
    const expected = dayByDayOverOfficialLists(from, 20);
    if (calendar.addWorkingDays(from, 20).dueDate !== expected || dayByDayOverEngine(from, 20) !== expected) {
      throw new Error(`disagreement at ${from}`);
    }
  }
  const engine = callsPerSecond((from) => calendar.addWorkingDays(from, 20).dueDate);
  const overLists = callsPerSecond((from) => dayByDayOverOfficialLists(from, 20));
  const overEngine = callsPerSecond((from) => dayByDayOverEngine(from, 20));
  return {
    title: 'addWorkingDays(·, 20): calls per second (start dates cycling 2020–2026)',
    columns: ['implementation', 'calls/s', 'engine is × faster'],
    rows: [
      ['indexed engine (prefix counts + ordinals)', Math.round(engine), '1'],
      [
        'day-by-day over the official lists (Date walk, Set lookups)',
        Math.round(overLists),
        String(round(engine / overLists)),
      ],
      [
        'day-by-day over the engine’s own per-day flags',
        Math.round(overEngine),
        String(round(engine / overEngine)),
      ],
    ],
    notes: ['Goal: the engine at least 50 × faster than a day-by-day loop over the same data.'],
  };
}
