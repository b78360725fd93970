import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { startLocalCloud, type LocalCloud } from '#infra/local/local-cloud';

/**
 * The benchmarks' local cloud: started once in this process, with a counting proxy between the handlers
 * and DynamoDB Local, so each operation's round trips and consumed capacity can be read.
 */
export type DynamoCounts = {
  requests: number;
  byOperation: Map<string, number>;
  readUnits: number;
  writeUnits: number;
  itemsRead: number;
};

export const counts: DynamoCounts = {
  requests: 0,
  byOperation: new Map(),
  readUnits: 0,
  writeUnits: 0,
  itemsRead: 0,
};
export function resetCounts(): void {
  counts.requests = 0;
  counts.byOperation.clear();
  counts.readUnits = 0;
  counts.writeUnits = 0;
  counts.itemsRead = 0;
}

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
const WRITE_OPERATIONS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
  'BatchWriteItem',
]);

function countingProxy(target: string): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? 'unknown';
    counts.requests += 1;
    counts.byOperation.set(operation, (counts.byOperation.get(operation) ?? 0) + 1);
    const forward = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          try {
            const parsed = JSON.parse(body.toString('utf8')) as {
              ConsumedCapacity?: Capacity | Capacity[];
              ScannedCount?: number;
              Item?: unknown;
            };
            // Items DynamoDB read to answer (a Query's or Scan's ScannedCount; a GetItem's item).
            counts.itemsRead += parsed.ScannedCount ?? (parsed.Item === undefined ? 0 : 1);
            const consumed =
              parsed.ConsumedCapacity === undefined
                ? []
                : Array.isArray(parsed.ConsumedCapacity)
                  ? parsed.ConsumedCapacity
                  : [parsed.ConsumedCapacity];
            for (const capacity of consumed) {
              const units =
                capacity.CapacityUnits ??
                (capacity.ReadCapacityUnits ?? 0) + (capacity.WriteCapacityUnits ?? 0);
              if (WRITE_OPERATIONS.has(operation)) counts.writeUnits += units;
              else counts.readUnits += units;
            }
          } catch {
            // Not JSON: nothing to count.
          }
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          res.end(body);
        });
      },
    );
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
        server,
      });
    }),
  );
}

let started: Promise<LocalCloud> | undefined;
let proxy: Server | undefined;
export function benchCloud(): Promise<LocalCloud> {
  started ??= startLocalCloud({
    throttle: false,
    schedule: false,
    allowClockHeader: true,
    interceptDynamoDb: async (endpoint) => {
      const counting = await countingProxy(endpoint);
      proxy = counting.server;
      return counting.url;
    },
  });
  return started;
}

export async function stopBenchCloud(): Promise<void> {
  if (started === undefined) return;
  await (await started).stop();
  proxy?.close();
}

/** A document client straight to DynamoDB Local (not through the counting proxy), for seeding and baselines. */
export const directClient = (cloud: LocalCloud): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: cloud.region,
      endpoint: cloud.dynamodbEndpoint,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }),
  );

/** Seeds items straight into the table, 25 to a batch, until DynamoDB has taken every one. */
export async function batchPut(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] ?? []).flatMap((request) =>
        request.PutRequest?.Item === undefined ? [] : [{ PutRequest: { Item: request.PutRequest.Item } }],
      );
    }
  }
}
