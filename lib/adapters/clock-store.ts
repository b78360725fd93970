import { z } from 'zod';
import { VersionConflictError } from '#lib/domain/errors';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { CASE_KINDS, type CaseKind, type TimelineEvent } from '#lib/domain/timeline';
import type { ClockStore, StoredClock, StoredClockState } from '#lib/use-cases/calendar';
import { CASE_SK, keys } from './keys';
import { chainHeadOf, type RecordsTable, type TransactOp } from './records-table';

const ClockEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    on: z.string(),
    workingDays: z.int(),
    naturalDays: z.int().optional(),
  }),
  z.object({
    type: z.literal('suspend'),
    on: z.string(),
    reason: z.enum(['clarification', 'consultation', 'force_majeure', 'fee']),
  }),
  z.object({ type: z.literal('resume'), on: z.string(), restart: z.boolean() }),
  z.object({ type: z.literal('extend'), on: z.string(), workingDays: z.int() }),
]);

const ClockContextSchema = z.object({
  subject: z.string(),
  handler: z
    .object({ staffId: z.string(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  leader: z.object({ staffId: z.string(), name: z.string().nullable() }).nullable(),
  extended: z.boolean(),
});

export const StoredClockItem = z.object({
  context: ClockContextSchema.optional(),
  name: z.string(),
  case: z.object({
    agencyId: z.string(),
    kind: z.enum(CASE_KINDS),
    id: z.string(),
  }),
  open: z.boolean(),
  state: z.object({
    status: z.enum(['running', 'suspended']),
    period: z.int(),
    dueDate: z.string().nullable(),
    remainingWorkingDays: z.int().nullable(),
    provisional: z.boolean(),
    provisionalYears: z.array(z.int()),
    events: z.array(ClockEventSchema),
  }),
});

/**
 * Clocks live in their case's item collection (`CLOCK#<name>`). A running clock carries the sparse
 * `byDueDay` keys; a clock whose due date depends on a provisional year has a marker item per such
 * year (`PROVISIONAL#<year>`), so that loading the year finds it by key.
 */
export function clockOps(
  table: RecordsTable,
  clock: StoredClock,
  previousProvisionalYears: readonly number[] = [],
): TransactOp[] {
  const { state } = clock;
  const dueDate = clock.open && state.status === 'running' ? state.dueDate : null;
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
            ...keys.clock(clock.casePk, clock.name),
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
            ...keys.provisionalClock(year, clock.casePk, clock.name),
            entity: 'provisional_clock',
            casePk: clock.casePk,
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
        Delete: { TableName: table.tableName, Key: keys.provisionalClock(year, clock.casePk, clock.name) },
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
    return {
      items: page.items.flatMap((item) =>
        typeof item.casePk === 'string' && typeof item.name === 'string'
          ? [{ casePk: item.casePk, name: item.name }]
          : [],
      ),
      nextToken: page.nextToken,
    };
  }

  async read(casePk: string, name: string) {
    const [clockItem, caseItem] = await Promise.all([
      this.table.get(keys.clock(casePk, name)),
      this.table.get({ pk: casePk, sk: CASE_SK }),
    ]);
    if (clockItem === undefined || caseItem === undefined || typeof caseItem.version !== 'number')
      return undefined;
    const parsed = StoredClockItem.parse(clockItem);
    return {
      clock: { ...parsed, casePk },
      caseVersion: caseItem.version,
      caseChain: chainHeadOf(caseItem),
      caseItem,
    };
  }

  async saveRecomputed(change: {
    previous: StoredClock;
    next: StoredClockState;
    caseVersion: number;
    caseItem: Readonly<Record<string, unknown>>;
    event: TimelineEvent;
  }): Promise<void> {
    const { previous, next } = change;
    const derive = this.caseFields[previous.case.kind];
    const derived =
      derive === undefined || next.dueDate === null
        ? {}
        : derive(change.caseItem, previous.name, { dueDate: next.dueDate, provisional: next.provisional });
    await this.table.transact([
      ...caseHeadOps(this.table, previous.casePk, change.caseVersion, change.event, derived),
      ...clockOps(this.table, { ...previous, state: change.next }, previous.state.provisionalYears),
    ]);
  }

  async dropMarker(year: number, casePk: string, name: string): Promise<void> {
    await this.table.transact([
      {
        item: { Delete: { TableName: this.table.tableName, Key: keys.provisionalClock(year, casePk, name) } },
      },
    ]);
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
