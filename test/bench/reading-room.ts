import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '#lib/adapters/keys';
import { batchPut, benchCloud, directClient, counts, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * The reading room for an agency with 10,000 publications, next to one with 100, in the same run:
 * latency through the local gateway and items DynamoDB reads per page. Publications are written
 * straight into the table in the shape the store writes them (going through the review chain 10,000
 * times would measure the chain, not the listing).
 */
const PAGE = 20;
const PAGES = 50;
const CATEGORIES = ['plans', 'budgets', 'statistics', 'licensing', 'procurement'];

async function seedPublications(
  client: DynamoDBDocumentClient,
  table: string,
  agencyId: string,
  count: number,
): Promise<void> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const publicationId = `pub_${agencyId.slice(-4)}${String(i).padStart(8, '0')}`;
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2500) * 86_400_000).toISOString().slice(0, 10);
    const category = CATEGORIES[i % CATEGORIES.length] ?? 'plans';
    const entry = {
      entity: 'reading_room_entry',
      publicationId,
      title: `公开事项第${i}号：${category}`,
      documentNumber: `示政发〔${day.slice(0, 4)}〕${i}号`,
      category,
      publishedOn: day,
      version: 1,
    };
    const sk = keys.readingRoomEntry(day, publicationId);
    items.push(
      { pk: keys.readingRoom(agencyId, 'public'), sk, ...entry },
      { pk: keys.readingRoom(agencyId, 'public', category), sk, ...entry },
    );
  }
  await batchPut(client, table, items);
}

export async function readingRoomBench(): Promise<Table> {
  const cloud = await benchCloud();
  const client = directClient(cloud);
  const big = 'bench-big-agency';
  const small = 'bench-small-agency';
  await seedPublications(client, cloud.tableName, big, 10_000);
  await seedPublications(client, cloud.tableName, small, 100);

  const measure = async (agencyId: string, query: string) => {
    const times: number[] = [];
    let itemsRead = 0;
    let pages = 0;
    let nextToken: string | null = null;
    for (let page = 0; page < PAGES; page += 1) {
      const url: string = `${cloud.baseUrl}/v1/agencies/${agencyId}/publications?limit=${PAGE}${query}${nextToken ? `&nextToken=${encodeURIComponent(nextToken)}` : ''}`;
      resetCounts();
      const started = performance.now();
      const response = await fetch(url);
      const body = (await response.json()) as { items: unknown[]; nextToken: string | null };
      times.push(performance.now() - started);
      itemsRead += counts.itemsRead;
      pages += 1;
      // At the end, start over: every measured page is a full one.
      nextToken = body.nextToken;
    }
    return {
      p50: round(quantile(times, 0.5)),
      p99: round(quantile(times, 0.99)),
      perPage: round(itemsRead / pages, 1),
    };
  };

  const rows: (string | number)[][] = [];
  for (const [label, query] of [
    ['newest first', ''],
    ['one category', '&category=budgets'],
    ['one year', '&year=2020'],
  ] as const) {
    const bigResult = await measure(big, query);
    const smallResult = await measure(small, query);
    rows.push([`${label} — 10,000 publications`, bigResult.p50, bigResult.p99, bigResult.perPage]);
    rows.push([
      `${label} — 100 publications (baseline)`,
      smallResult.p50,
      smallResult.p99,
      smallResult.perPage,
    ]);
  }
  client.destroy();
  return {
    title: `Reading room: a page of ${PAGE}, ${PAGES} pages deep (local gateway → DynamoDB Local)`,
    columns: ['listing', 'p50 ms', 'p99 ms', 'items read per page'],
    rows,
    notes: [
      'Items read: DynamoDB’s ScannedCount for the page’s Query (plus one GetItem per item read by key). Goal: proportional to the page, not to the agency.',
    ],
  };
}
