import type { Agency } from '#lib/domain/agency';
import { AlreadyExistsError } from '#lib/domain/errors';
import { Breach } from '#lib/domain/sweep';
import { CaseClock, type DueClock } from '#lib/domain/case-clock';
import type { CaseRef, ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from '#lib/use-cases/agencies';
import type { OversightStore } from '#lib/use-cases/oversight';
import type { Notification, Outbox, Reminder, SweepStore } from '#lib/use-cases/sweep';
import { keys, type Key } from './keys';
import { caseChange, chainHeadOf, type RecordsTable } from './records-table';

/**
 * What the sweep reads and writes, all by key: its watermark, the due-day index, breaches, reminders and
 * the outbox; and what oversight reads back of them.
 */
export class DynamoSweepStore implements SweepStore, OversightStore, Outbox {
  constructor(
    private readonly table: RecordsTable,
    private readonly agencies: Pick<AgencyStore, 'listDirectory'>,
  ) {}

  get itemsRead(): number {
    return this.table.usage.itemsRead;
  }

  async watermark(): Promise<string | null> {
    const item = await this.table.get(keys.sweepWatermark);
    return typeof item?.lastDay === 'string' ? item.lastDay : null;
  }

  async setWatermark(day: string): Promise<void> {
    await this.table
      .transact([
        {
          item: {
            Put: {
              TableName: this.table.tableName,
              Item: { ...keys.sweepWatermark, entity: 'sweep_watermark', lastDay: day },
              // Never move it back: a late redo of an old day leaves the watermark where it is.
              ConditionExpression: 'attribute_not_exists(lastDay) OR lastDay < :day',
              ExpressionAttributeValues: { ':day': day },
            },
          },
          onConditionFailed: () => new AlreadyExistsError('The watermark is already past this day.'),
        },
      ])
      .catch((error: unknown) => {
        if (!(error instanceof AlreadyExistsError)) throw error;
      });
  }

  /** The running clocks due on `date`, through the sparse due-day index. */
  async clocksDueOn(date: string): Promise<DueClock[]> {
    return (await this.dueDayItems(keys.clockDueMonth(date), date)).map((item) => CaseClock.parse(item));
  }

  /** Open breaches due to climb a level on `date`. */
  async escalationsDueOn(date: string): Promise<(Breach & { chain: ChainHead })[]> {
    return (await this.dueDayItems(keys.escalationMonth(date), date)).map((item) => ({
      ...Breach.parse(item),
      chain: chainHeadOf(item),
    }));
  }

  /** Every item of a month's partition of the due-day index whose day is `date`, all pages. */
  private async dueDayItems(partition: string, date: string): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.table.queryIndex('byDueDay', partition, {
        limit: 200,
        nextToken,
        sortKeyPrefix: `${date}#`,
      });
      found.push(...page.items);
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return found;
  }

  /** Records a breach once (deterministic key); false when it was recorded before. */
  async recordBreach(breach: Breach, event: TimelineEvent): Promise<boolean> {
    try {
      await this.table.transact(
        caseChange(this.table, { item: this.breachItem(breach), expectedVersion: 'new', event }),
      );
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }

  async updateBreach(next: Breach, expectedVersion: number, event: TimelineEvent): Promise<void> {
    await this.table.transact(
      caseChange(this.table, { item: this.breachItem(next), expectedVersion, event }),
    );
  }

  async clockIsOpen(caseRef: CaseRef, clock: string): Promise<boolean> {
    return (await this.table.get(keys.clock(keys.caseItem(caseRef).pk, clock)))?.open === true;
  }

  async recordReminder(agencyId: string, reminderKey: string, reminder: Reminder): Promise<boolean> {
    return this.table.putOnce(keys.reminder(agencyId, reminderKey), {
      ...keys.reminderOfAgency(agencyId, reminder.day, reminderKey),
      entity: 'reminder',
      ...reminder,
    });
  }

  async post(notification: Notification): Promise<boolean> {
    return this.table.putOnce(keys.outbox(notification.agencyId, `${notification.day}#${notification.key}`), {
      entity: 'notification',
      ...notification,
    });
  }

  async periodPublished(agencyId: string, obligationId: string, period: string): Promise<boolean> {
    return this.exists(keys.obligationPeriod(agencyId, obligationId, period));
  }

  async annualReportPublished(agencyId: string, year: number): Promise<boolean> {
    return this.exists(keys.annualReportPublished(agencyId, year));
  }

  private async exists(key: Key): Promise<boolean> {
    return (await this.table.get(key)) !== undefined;
  }

  /** Every agency, through the directory (by key; one item per agency). */
  async allAgencies(): Promise<Agency[]> {
    const all: Agency[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.agencies.listDirectory({ limit: 100, nextToken });
      all.push(...page.items);
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return all;
  }

  /** The markers' sort keys (`<case pk>#<clock>`) are the labels the platform administrator is shown. */
  async provisionalClocks(year: number, limit: number): Promise<string[]> {
    const page = await this.table.queryPartition(keys.provisionalClocksPartition(year), { limit });
    return page.items.flatMap((item) => (typeof item.sk === 'string' ? [item.sk] : []));
  }

  /** Every breach of the agency whose key year (the year of what lapsed) is from `fromYear` to `toYear`. */
  async breachesOfYears(agencyId: string, fromYear: number, toYear: number): Promise<Breach[]> {
    const found: Breach[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.table.queryIndex('byAgencyState', keys.breachesPartition(agencyId), {
        limit: 200,
        nextToken,
        // Keys are `<year>#…`: from the first year's up to past the last's.
        sortKeyBetween: [`${fromYear}#`, `${toYear}#\uffff`],
      });
      found.push(...page.items.map((item) => Breach.parse(item)));
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return found;
  }

  async listBreaches(
    agencyId: string,
    query: {
      year?: number | undefined;
      kind?: string | undefined;
      limit: number;
      nextToken?: string | undefined;
    },
  ) {
    const prefix =
      query.year === undefined
        ? undefined
        : query.kind === undefined
          ? `${query.year}#`
          : `${query.year}#${query.kind}#`;
    const page = await this.table.queryIndex('byAgencyState', keys.breachesPartition(agencyId), {
      limit: query.limit,
      nextToken: query.nextToken,
      ...(prefix === undefined ? {} : { sortKeyPrefix: prefix }),
    });
    return {
      items: page.items.map((item) => Breach.parse(item)),
      nextToken: page.nextToken,
    };
  }

  /**
   * Newest first (by the day sent), each reminder as recorded. Reminders recorded before they were listed
   * by day are kept under their keys but not listed.
   */
  async listReminders(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    return this.table.queryIndex('byAgencyState', keys.remindersPartition(agencyId), {
      ...page,
      ascending: false,
    });
  }

  /** Newest first, each notification as kept. */
  async listOutbox(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    return this.table.queryPartition(keys.outboxPartition(agencyId), { ...page, ascending: false });
  }

  private breachItem(breach: Breach) {
    return {
      ...keys.breach(breach.agencyId, breach.breachKey),
      ...keys.breachesOfAgency(breach.agencyId, breach.breachKey),
      ...(breach.status === 'open' && breach.escalateOn !== null
        ? keys.breachEscalation(breach.escalateOn, breach.agencyId, breach.breachKey)
        : {}),
      entity: 'breach',
      ...breach,
    };
  }
}
