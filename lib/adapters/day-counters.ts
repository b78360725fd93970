import type { DayCounters, DayMove } from '#lib/domain/compliance';
import { keys } from './keys';
import type { RecordsTable, TransactOp } from './records-table';

/**
 * The day counters of an agency (`DAYS#<agency>`, one item per day): moved in the transaction of the
 * receipt, decision or publication that counts, read back by a Query over a range of days.
 */

/** One update per day (a transaction may touch an item only once), adding up the moves of each day. */
export function dayCounterOps(
  table: RecordsTable,
  agencyId: string,
  moves: readonly DayMove[],
): TransactOp[] {
  const byDay = new Map<string, Map<string, number>>();
  for (const move of moves) {
    const cells = byDay.get(move.day) ?? new Map<string, number>();
    cells.set(move.cell, (cells.get(move.cell) ?? 0) + (move.by ?? 1));
    byDay.set(move.day, cells);
  }
  return [...byDay].map(([day, cells]): TransactOp => {
    const moved = [...cells];
    return {
      item: {
        Update: {
          TableName: table.tableName,
          Key: keys.dayCounters(agencyId, day),
          UpdateExpression: `ADD ${moved.map((_, i) => `#c${i} :d${i}`).join(', ')} SET entity = :entity`,
          ExpressionAttributeNames: Object.fromEntries(moved.map(([cell], i) => [`#c${i}`, cell])),
          ExpressionAttributeValues: {
            ...Object.fromEntries(moved.map(([, by], i) => [`:d${i}`, by])),
            ':entity': 'day_counters',
          },
        },
      },
    };
  });
}

/** The agency's day counters from `from` to `to` (both included), oldest first. */
export async function dayCountersBetween(
  table: RecordsTable,
  agencyId: string,
  from: string,
  to: string,
): Promise<DayCounters[]> {
  const found: DayCounters[] = [];
  let nextToken: string | undefined;
  do {
    const page = await table.queryPartition(keys.dayCountersPartition(agencyId), {
      limit: 400,
      nextToken,
      sortKeyBetween: [from, to],
    });
    for (const item of page.items) {
      if (typeof item.sk !== 'string') continue;
      const cells: Record<string, number> = {};
      for (const [name, value] of Object.entries(item)) if (typeof value === 'number') cells[name] = value;
      found.push({ day: item.sk, cells });
    }
    nextToken = page.nextToken ?? undefined;
  } while (nextToken !== undefined);
  return found;
}
