import type { YearSchedule } from '#lib/domain/calendar/year-schedule';
import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import { EMPTY_CHAIN, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import type { CalendarStore } from '#lib/use-cases/calendar';
import { copy, headAfter, type InMemoryRecords } from './records';

export const CALENDAR_CASE = 'CALENDAR';

/**
 * The loaded calendar years in memory, with the contract of `DynamoCalendarStore`: version 0 and no years
 * until the first load; a load at another version than the one read is `VersionConflictError`.
 */
export class InMemoryCalendarStore implements CalendarStore {
  private version = 0;
  private years = new Map<number, YearSchedule>();
  private chain: ChainHead = EMPTY_CHAIN;

  constructor(private readonly records: InMemoryRecords) {}

  async read() {
    return { version: this.version, years: copy([...this.years.values()]), chain: this.chain };
  }

  async saveYear(schedule: YearSchedule, expectedVersion: number, event: TimelineEvent): Promise<void> {
    if (expectedVersion === 0 && this.version !== 0)
      throw new AlreadyExistsError('The record already exists.');
    if (expectedVersion !== this.version)
      throw new VersionConflictError('The record changed since you read it; read it again and retry.');
    this.records.checkEventFree(CALENDAR_CASE, event);
    this.years.set(schedule.year, copy({ ...schedule, source: 'loaded' }));
    this.version += 1;
    this.chain = headAfter(event);
    this.records.appendEvent(CALENDAR_CASE, event);
  }
}
