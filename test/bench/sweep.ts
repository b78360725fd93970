import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { keys } from '#lib/adapters/keys';
import { addDays } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { batchPut, benchCloud, directClient } from './local-cloud';
import { round, type Table } from './table';

/**
 * The sweep over a table of 100,000 open and closed items of which 1,000 fall due, next to a full Scan
 * of the same table in the same run. Clocks are written straight into the table in the shape the stores
 * write them (a publication deadline of a submission: the sweep records a breach for each one due).
 */
const TOTAL = 100_000;
const DUE = 1_000;

export async function sweepBench(): Promise<Table> {
  const cloud = await benchCloud();
  const client = directClient(cloud);
  const calendar = new WorkingCalendar();
  const day = '2035-03-07';
  const lapsed = calendar.previousWorkingDay(day);
  const quiet = new Set([
    lapsed,
    calendar.addWorkingDays(day, 1).dueDate,
    calendar.addWorkingDays(day, 3).dueDate,
  ]);
  const agencyId = cloud.agencyId;

  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < TOTAL; i += 1) {
    const id = `sub_bench${String(i).padStart(7, '0')}`;
    const casePk = keys.submission(id).pk;
    const open = i < DUE || i % 2 === 0;
    let dueDate = lapsed;
    if (i >= DUE) {
      dueDate = addDays('2034-01-02', i % 900);
      while (quiet.has(dueDate)) dueDate = addDays(dueDate, 1);
    }
    const ref = { agencyId, kind: 'submission', id };
    items.push({
      ...keys.clock(casePk, 'publication'),
      ...(open ? keys.clockDue(dueDate, ref, 'publication') : {}),
      entity: 'clock',
      name: 'publication',
      case: ref,
      open,
      state: {
        status: 'running',
        period: 20,
        dueDate,
        remainingWorkingDays: null,
        provisional: false,
        provisionalYears: [],
        events: [{ type: 'start', on: addDays(dueDate, -28), workingDays: 20 }],
      },
      context: {
        subject: `基准事项 ${i}`,
        handler: { staffId: 'stf_bench', name: '基准', email: null },
        leader: null,
        extended: false,
      },
    });
  }
  const started = performance.now();
  await batchPut(client, cloud.tableName, items);
  const seedSeconds = round((performance.now() - started) / 1000);

  const sweepStarted = performance.now();
  const response = await fetch(`${cloud.baseUrl}/_local/sweep`, {
    method: 'POST',
    headers: { 'x-gongkai-now': `${day}T01:00:00Z` }, // the sweep refuses a day after today
    body: JSON.stringify({ date: day, redo: true }),
  });
  const summary = (await response.json()) as { itemsRead: number; counts: Record<string, number> };
  const sweepMs = performance.now() - sweepStarted;
  if (!response.ok) throw new Error(`sweep failed: ${JSON.stringify(summary)}`);

  const raw = new DynamoDBClient({
    region: cloud.region,
    endpoint: cloud.dynamodbEndpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const scanStarted = performance.now();
  let scanned = 0;
  let startKey: Record<string, never> | undefined;
  do {
    const page = await raw.send(new ScanCommand({ TableName: cloud.tableName, ExclusiveStartKey: startKey }));
    scanned += page.ScannedCount ?? 0;
    startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (startKey !== undefined);
  const scanMs = performance.now() - scanStarted;
  raw.destroy();
  client.destroy();

  return {
    title: `Sweep of ${day}: ${TOTAL.toLocaleString('en')} open and closed clocks, ${DUE.toLocaleString('en')} due (seeded in ${seedSeconds} s)`,
    columns: ['reader', 'items read', 'items read ÷ items due', 'time ms', 'recorded'],
    rows: [
      [
        'the sweep (by due day)',
        summary.itemsRead,
        round(summary.itemsRead / DUE, 2),
        Math.round(sweepMs),
        Object.entries(summary.counts)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', '),
      ],
      ['baseline: a full Scan of the same table', scanned, round(scanned / DUE, 1), Math.round(scanMs), '—'],
    ],
    notes: [
      'Goal: items read ≤ 1.2 × items due. The sweep’s time includes writing one breach (a transaction) and one notification per due item.',
    ],
  };
}
