import { z } from 'zod';
import type { Agency } from '#lib/domain/agency';
import { AlreadyExistsError } from '#lib/domain/errors';
import { BREACH_KINDS, type BreachKind, type Party } from '#lib/domain/sweep';
import { CASE_KINDS, type CaseRef, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import { StoredClockItem } from './clock-store';
import { keys } from './keys';
import { caseChange, chainHeadOf, type RecordsTable } from './records-table';
import type { DynamoAgencyStore } from './agency-store';

/** A running clock as the due-day index holds it. */
export type DueClock = z.infer<typeof StoredClockItem> & { casePk: string };

export type Breach = {
  readonly breachKey: string; // `<year>#<kind>#<caseKind>#<caseId>#<clock>`
  readonly agencyId: string;
  readonly kind: BreachKind;
  readonly case: CaseRef | null;
  readonly clock: string | null;
  readonly subject: string;
  readonly dueDate: string;
  readonly recordedOn: string;
  readonly accountable: { readonly primary: Party | null; readonly secondary: Party | null };
  /** The agency whose supervisors now see it (it climbs the tree while it stays open). */
  readonly level: string;
  readonly escalations: readonly { readonly on: string; readonly to: string }[];
  readonly escalateOn: string | null;
  readonly status: 'open' | 'resolved';
  readonly version: number;
};

const PartySchema = z.object({ staffId: z.string(), name: z.string().nullable() }).nullable();
const BreachItem = z.object({
  breachKey: z.string(),
  agencyId: z.string(),
  kind: z.enum(BREACH_KINDS),
  case: z.object({ agencyId: z.string(), kind: z.enum(CASE_KINDS), id: z.string() }).nullable(),
  clock: z.string().nullable(),
  subject: z.string(),
  dueDate: z.string(),
  recordedOn: z.string(),
  accountable: z.object({ primary: PartySchema, secondary: PartySchema }),
  level: z.string(),
  escalations: z.array(z.object({ on: z.string(), to: z.string() })),
  escalateOn: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  version: z.int(),
});

/** What the sweep reads and writes, all by key. */
export class DynamoSweepStore {
  constructor(
    private readonly table: RecordsTable,
    private readonly agencies: DynamoAgencyStore,
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
    return (await this.dueDayItems(keys.clockDueMonth(date), date)).flatMap((item) =>
      typeof item.pk === 'string' ? [{ ...StoredClockItem.parse(item), casePk: item.pk }] : [],
    );
  }

  /** Open breaches due to climb a level on `date`. */
  async escalationsDueOn(date: string): Promise<(Breach & { chain: ChainHead })[]> {
    return (await this.dueDayItems(keys.escalationMonth(date), date)).map((item) => ({
      ...BreachItem.parse(item),
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

  async clockIsOpen(casePk: string, clock: string): Promise<boolean> {
    return (await this.table.get(keys.clock(casePk, clock)))?.open === true;
  }

  /** Writes a keyed record once; false when it exists (so nothing is done twice). */
  async putOnce(key: { pk: string; sk: string }, data: Record<string, unknown>): Promise<boolean> {
    try {
      await this.table.transact([
        {
          item: {
            Put: {
              TableName: this.table.tableName,
              Item: { ...key, ...data },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => new AlreadyExistsError('exists'),
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }

  async exists(key: { pk: string; sk: string }): Promise<boolean> {
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

  async provisionalClocks(year: number, limit: number): Promise<string[]> {
    const page = await this.table.queryPartition(keys.provisionalClocksPartition(year), { limit });
    return page.items.flatMap((item) => (typeof item.sk === 'string' ? [item.sk] : []));
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
      items: page.items
        .map((item) => BreachItem.parse(item))
        .filter((breach) => query.kind === undefined || breach.kind === query.kind),
      nextToken: page.nextToken,
    };
  }

  async listPartition(pk: string, page: { limit: number; nextToken?: string | undefined }) {
    return this.table.queryPartition(pk, { ...page, ascending: false });
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
