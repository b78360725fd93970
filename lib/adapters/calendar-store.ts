import * as z from 'zod';
import { YearSchedule } from '#lib/domain/calendar/year-schedule';
import type { TimelineEvent } from '#lib/domain/timeline';
import type { CalendarStore } from '#lib/use-cases/calendar';
import { keys } from './keys';
import { caseChange, chainHeadOf, type RecordsTable } from './records-table';

/** A year as kept: the domain's YearSchedule but its year (the key it is kept under) and source (loaded). */
const StoredYear = YearSchedule.unwrap().pick({ holidays: true, adjustedWorkdays: true, notice: true });
const CalendarItem = z.object({ version: z.int(), years: z.record(z.string(), StoredYear) });

/** The loaded calendar years: one item (`CALENDAR`/`CASE`) with a version, and its timeline. */
export class DynamoCalendarStore implements CalendarStore {
  constructor(private readonly table: RecordsTable) {}

  async read() {
    const item = await this.table.get(keys.calendar);
    if (item === undefined) return { version: 0, years: [], chain: { seq: 0, hash: null } };
    const parsed = CalendarItem.parse(item);
    const years: YearSchedule[] = Object.entries(parsed.years).map(([year, stored]) => ({
      year: Number(year),
      source: 'loaded',
      ...stored,
    }));
    return { version: parsed.version, years, chain: chainHeadOf(item) };
  }

  async saveYear(schedule: YearSchedule, expectedVersion: number, event: TimelineEvent): Promise<void> {
    const current = expectedVersion === 0 ? undefined : await this.table.get(keys.calendar);
    const years = current === undefined ? {} : CalendarItem.parse(current).years;
    const item = {
      ...keys.calendar,
      entity: 'calendar',
      years: {
        ...years,
        [String(schedule.year)]: {
          holidays: schedule.holidays,
          adjustedWorkdays: schedule.adjustedWorkdays,
          notice: schedule.notice,
        },
      },
    };
    await this.table.transact(
      caseChange(this.table, {
        item,
        expectedVersion: expectedVersion === 0 ? 'new' : expectedVersion,
        event,
      }),
    );
  }
}
