import { VersionConflictError } from '#lib/domain/errors';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import type { StoredClockState } from '#lib/domain/calendar/clock';
import { CaseClock, type ClockRef } from '#lib/domain/case-clock';
import { chinaDateOf } from '#lib/domain/china-time';
import { dueDayIndexOf } from '#lib/domain/sweep';
import type { CaseKind, TimelineEvent } from '#lib/domain/timeline';
import type { ClockStore } from '#lib/use-cases/calendar';
import { CASE_SK, keys } from './keys';
import { chainHeadOf, type RecordsTable, type TransactOp } from './records-table';

/**
 * Clocks live in their case's item collection (`CLOCK#<name>`). A running clock carries the sparse
 * `byDueDay` keys — under its due date, or under the day it is written when that date has already passed
 * (`dueDayIndexOf`: the sweep reads only the days it sweeps); a clock whose due date depends on a
 * provisional year has a marker item per such year (`PROVISIONAL#<year>`), so that loading the year
 * finds it by key. `writtenWith`: the timeline event written in the same transaction (its CST day).
 */
export function clockOps(
  table: RecordsTable,
  clock: CaseClock,
  writtenWith: Pick<TimelineEvent, 'at'>,
  previousProvisionalYears: readonly number[] = [],
): TransactOp[] {
  const { state } = clock;
  const casePk = keys.caseItem(clock.case).pk;
  const dueDate =
    clock.open && state.status === 'running' && state.dueDate !== null
      ? dueDayIndexOf(state.dueDate, chinaDateOf(new Date(writtenWith.at)))
      : null;
  const stored: StoredClockState = {
    status: state.status,
    period: state.period,
    dueDate: state.dueDate,
    remainingWorkingDays: state.remainingWorkingDays,
    provisional: state.provisional,
    provisionalYears: state.provisionalYears,
    events: state.events,
  };
  const ops: TransactOp[] = [
    {
      item: {
        Put: {
          TableName: table.tableName,
          Item: {
            ...keys.clock(casePk, clock.name),
            ...(dueDate === null ? {} : keys.clockDue(dueDate, clock.case, clock.name)),
            entity: 'clock',
            name: clock.name,
            case: clock.case,
            open: clock.open,
            state: stored,
            ...(clock.context === undefined ? {} : { context: clock.context }),
          },
        },
      },
    },
  ];
  const markedYears = clock.open ? state.provisionalYears : [];
  // Markers are written for every year the clock now depends on (a put is idempotent) and removed for
  // the years it no longer does.
  for (const year of markedYears) {
    ops.push({
      item: {
        Put: {
          TableName: table.tableName,
          Item: {
            ...keys.provisionalClock(year, casePk, clock.name),
            entity: 'provisional_clock',
            casePk,
            case: clock.case,
            name: clock.name,
          },
        },
      },
    });
  }
  for (const year of previousProvisionalYears) {
    if (markedYears.includes(year)) continue;
    ops.push({
      item: {
        Delete: { TableName: table.tableName, Key: keys.provisionalClock(year, casePk, clock.name) },
      },
    });
  }
  return ops;
}

/** Bumps a case item's version and chain head, whatever its kind, conditional on the version read. */
export function caseHeadOps(
  table: RecordsTable,
  casePk: string,
  expectedVersion: number,
  event: TimelineEvent,
  /** Attributes of the case derived from a clock (see `CaseFieldsFromClock`). */
  derived: Record<string, unknown> = {},
): TransactOp[] {
  const names = Object.keys(derived);
  return [
    {
      item: {
        Update: {
          TableName: table.tableName,
          Key: { pk: casePk, sk: CASE_SK },
          UpdateExpression: [
            'SET #version = :next, chainSeq = :seq, chainHash = :hash',
            ...names.map((_, i) => `#d${i} = :d${i}`),
          ].join(', '),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: {
            '#version': 'version',
            ...Object.fromEntries(names.map((name, i) => [`#d${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':next': expectedVersion + 1,
            ':expected': expectedVersion,
            ':seq': event.seq,
            ':hash': event.hash,
            ...Object.fromEntries(names.map((name, i) => [`:d${i}`, derived[name]])),
          },
        },
      },
      onConditionFailed: () => new VersionConflictError('The case changed meanwhile; read it again.'),
    },
    {
      item: {
        Put: {
          TableName: table.tableName,
          Item: { ...keys.event(casePk, event.seq), entity: 'event', ...event },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new VersionConflictError('The case changed meanwhile; read it again.'),
    },
  ];
}

/**
 * How a kind of case copies its clocks' due dates into its own item (an application's reply due date and
 * queue position, a submission's publication deadline, …): given the stored case, a clock's name and
 * its new due date, the attributes to set. Each case store provides its own; the clock store applies it
 * in the transaction that saves a recomputed clock, so the case never shows a stale date.
 */
export type CaseFieldsFromClock = (
  caseItem: Readonly<Record<string, unknown>>,
  clockName: string,
  next: { dueDate: IsoDate; provisional: boolean },
) => Record<string, unknown>;

export class DynamoClockStore implements ClockStore {
  constructor(
    private readonly table: RecordsTable,
    private readonly caseFields: Partial<Record<CaseKind, CaseFieldsFromClock>>,
  ) {}

  async provisionalClocks(year: number, nextToken?: string) {
    const page = await this.table.queryPartition(keys.provisionalClocksPartition(year), {
      limit: 100,
      nextToken,
    });
    const items = await Promise.all(page.items.map((marker) => this.clockOfMarker(marker)));
    return { items: items.filter((ref) => ref !== undefined), nextToken: page.nextToken };
  }

  /**
   * The clock a marker stands for. Markers name their case; those written before they did carry only
   * the case's key, and the clock item itself says which case it belongs to.
   */
  private async clockOfMarker(marker: Readonly<Record<string, unknown>>): Promise<ClockRef | undefined> {
    const named = CaseClock.pick({ case: true, name: true }).safeParse(marker);
    if (named.success) return named.data;
    if (typeof marker.casePk !== 'string' || typeof marker.name !== 'string') return undefined;
    const clock = await this.table.get(keys.clock(marker.casePk, marker.name));
    const parsed = CaseClock.safeParse(clock);
    return parsed.success ? { case: parsed.data.case, name: parsed.data.name } : undefined;
  }

  async read(ref: ClockRef) {
    const caseKey = keys.caseItem(ref.case);
    const [clockItem, caseItem] = await Promise.all([
      this.table.get(keys.clock(caseKey.pk, ref.name)),
      this.table.get(caseKey),
    ]);
    if (clockItem === undefined || caseItem === undefined || typeof caseItem.version !== 'number')
      return undefined;
    return {
      clock: CaseClock.parse(clockItem),
      caseVersion: caseItem.version,
      caseChain: chainHeadOf(caseItem),
    };
  }

  async saveRecomputed(change: {
    previous: CaseClock;
    next: StoredClockState;
    caseVersion: number;
    event: TimelineEvent;
  }): Promise<void> {
    const { previous, next } = change;
    const caseKey = keys.caseItem(previous.case);
    const derive = this.caseFields[previous.case.kind];
    let derived: Record<string, unknown> = {};
    if (derive !== undefined && next.dueDate !== null) {
      // The case's copies of the due date are derived from the case as it is at `caseVersion`: the
      // transaction below is conditional on that version, so they cannot be derived from a stale item.
      const caseItem = await this.table.get(caseKey);
      if (caseItem?.version !== change.caseVersion)
        throw new VersionConflictError('The case changed meanwhile; read it again.');
      derived = derive(caseItem, previous.name, { dueDate: next.dueDate, provisional: next.provisional });
    }
    await this.table.transact([
      ...caseHeadOps(this.table, caseKey.pk, change.caseVersion, change.event, derived),
      ...clockOps(this.table, { ...previous, state: next }, change.event, previous.state.provisionalYears),
    ]);
  }

  async dropMarker(year: number, ref: ClockRef): Promise<void> {
    const key = keys.provisionalClock(year, keys.caseItem(ref.case).pk, ref.name);
    await this.table.transact([{ item: { Delete: { TableName: this.table.tableName, Key: key } } }]);
  }
}

/** Closes a clock: off the due-day index (its provisional markers are dropped when next met). */
export function closeClockOp(table: RecordsTable, casePk: string, name: string): TransactOp {
  return {
    item: {
      Update: {
        TableName: table.tableName,
        Key: keys.clock(casePk, name),
        UpdateExpression: 'SET #open = :false REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#open': 'open' },
        ExpressionAttributeValues: { ':false': false },
      },
    },
    onConditionFailed: () => new VersionConflictError(`The clock ${name} is missing.`),
  };
}
