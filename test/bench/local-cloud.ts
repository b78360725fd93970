import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { Invocation } from '#infra/local/gateway';
import { startLocalCloud, type LocalCloud } from '#infra/local/local-cloud';
import { keys } from '#lib/adapters/keys';
import type { FunctionName } from '#lib/platform/functions';
import { billedUnits, s3RequestClass, WRITE_OPERATIONS } from './cost-model';

/**
 * The benchmarks' local cloud: started once in this process, with counting proxies between the handlers
 * and DynamoDB Local and s3rver, and a tally of every function invocation, so each operation's round
 * trips, capacity, S3 requests, invocations and log bytes can be read.
 */
export type DynamoCounts = {
  requests: number;
  byOperation: Map<string, number>;
  /** Capacity as DynamoDB Local reports it (its TOTAL). */
  readUnits: number;
  writeUnits: number;
  itemsRead: number;
  /**
   * On-demand request units as AWS bills them: DynamoDB Local reports a transaction's index writes at
   * twice their size, as it does the table's; AWS doubles only the table's.
   */
  billedReadUnits: number;
  billedWriteUnits: number;
};

export type S3Counts = {
  /** PUT, COPY, POST and LIST: S3's dearer request class. */
  tier1: number;
  /** GET, HEAD and the rest but DELETE. */
  tier2: number;
  byKind: Map<string, number>;
};

export type LambdaCounts = Map<FunctionName, { invocations: number; ms: number; billedMs: number }>;

export type BenchCounts = DynamoCounts & { s3: S3Counts; lambda: LambdaCounts; logBytes: number };

export const counts: BenchCounts = {
  requests: 0,
  byOperation: new Map(),
  readUnits: 0,
  writeUnits: 0,
  itemsRead: 0,
  billedReadUnits: 0,
  billedWriteUnits: 0,
  s3: { tier1: 0, tier2: 0, byKind: new Map() },
  lambda: new Map(),
  logBytes: 0,
};
export function resetCounts(): void {
  counts.requests = 0;
  counts.byOperation.clear();
  counts.readUnits = 0;
  counts.writeUnits = 0;
  counts.itemsRead = 0;
  counts.billedReadUnits = 0;
  counts.billedWriteUnits = 0;
  counts.s3 = { tier1: 0, tier2: 0, byKind: new Map() };
  counts.lambda = new Map();
  counts.logBytes = 0;
}

type Capacity = {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
};
const CAPACITY_OPERATIONS = new Set([
  ...WRITE_OPERATIONS,
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'TransactGetItems',
]);

type Exchange = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

/**
 * A proxy in front of `target` that may rewrite each request body and sees each answer, whole. The
 * emulators check no signatures, so a rewritten body needs only its new length.
 */
function countingProxy(
  target: string,
  onRequest: (request: Exchange) => Buffer,
  onAnswer: (request: Exchange, status: number, body: Buffer) => void,
): Promise<{ url: string; server: Server }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    readAll(req)
      .then((received) => {
        const exchange: Exchange = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body: received,
        };
        const body = onRequest(exchange);
        // The body goes on whole, with its (new) length.
        const { 'transfer-encoding': _chunked, expect: _expect, ...headers } = req.headers;
        headers['content-length'] = String(body.length);
        const forward = httpRequest(
          {
            hostname: upstream.hostname,
            port: upstream.port,
            path: exchange.url,
            method: exchange.method,
            headers,
          },
          (answer) => {
            readAll(answer)
              .then((answered) => {
                onAnswer(exchange, answer.statusCode ?? 500, answered);
                res.writeHead(answer.statusCode ?? 500, answer.headers);
                res.end(answered);
              })
              .catch(() => res.destroy());
          },
        );
        forward.on('error', () => res.destroy());
        forward.end(body);
      })
      .catch(() => res.destroy());
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

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const operationOf = (exchange: Exchange): string =>
  String(exchange.headers['x-amz-target'] ?? '')
    .split('.')
    .pop() ?? 'unknown';

/** Asks DynamoDB Local for capacity by table and index on every call, so index writes can be billed right. */
function askForIndexCapacity(exchange: Exchange): Buffer {
  const operation = operationOf(exchange);
  counts.requests += 1;
  counts.byOperation.set(operation, (counts.byOperation.get(operation) ?? 0) + 1);
  if (!CAPACITY_OPERATIONS.has(operation)) return exchange.body;
  try {
    const parsed = JSON.parse(exchange.body.toString('utf8')) as Record<string, unknown>;
    return Buffer.from(JSON.stringify({ ...parsed, ReturnConsumedCapacity: 'INDEXES' }), 'utf8');
  } catch {
    return exchange.body;
  }
}

function countDynamoAnswer(exchange: Exchange, _status: number, body: Buffer): void {
  const operation = operationOf(exchange);
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      ConsumedCapacity?: Capacity | Capacity[];
      ScannedCount?: number;
      Item?: unknown;
      Responses?: Record<string, unknown[]>;
    };
    // Items DynamoDB read to answer (a Query's or Scan's ScannedCount; a GetItem's item; a BatchGetItem's).
    const batched = Object.values(parsed.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
    counts.itemsRead += parsed.ScannedCount ?? (parsed.Item === undefined ? batched : 1);
    const consumed =
      parsed.ConsumedCapacity === undefined
        ? []
        : Array.isArray(parsed.ConsumedCapacity)
          ? parsed.ConsumedCapacity
          : [parsed.ConsumedCapacity];
    for (const capacity of consumed) {
      const units =
        capacity.CapacityUnits ?? (capacity.ReadCapacityUnits ?? 0) + (capacity.WriteCapacityUnits ?? 0);
      const billed = billedUnits(operation, {
        table: capacity.Table?.CapacityUnits ?? units,
        indexes: Object.values(capacity.GlobalSecondaryIndexes ?? {}).reduce(
          (sum, index) => sum + (index.CapacityUnits ?? 0),
          0,
        ),
      });
      if (WRITE_OPERATIONS.has(operation)) counts.writeUnits += units;
      else counts.readUnits += units;
      counts.billedReadUnits += billed.read;
      counts.billedWriteUnits += billed.write;
    }
  } catch {
    // Not JSON: nothing to count.
  }
}

function countS3Request(exchange: Exchange): Buffer {
  const { tier, kind } = s3RequestClass(
    exchange.method,
    exchange.url,
    exchange.headers['x-amz-copy-source'] !== undefined,
  );
  if (tier === 1) counts.s3.tier1 += 1;
  if (tier === 2) counts.s3.tier2 += 1;
  counts.s3.byKind.set(kind, (counts.s3.byKind.get(kind) ?? 0) + 1);
  return exchange.body;
}

/**
 * Whether Lambda would have invoked the function for this event at all: the archiver's event source
 * mapping passes on only inserted timeline events (see infra/stacks/api-stack.ts), the local poller all.
 */
function invokedInAws(invocation: Invocation): boolean {
  if (invocation.function !== 'archiver') return true;
  const event = invocation.event as DynamoDBStreamEvent;
  return event.Records.some(
    (record) =>
      record.eventName === 'INSERT' && (record.dynamodb?.Keys?.sk?.S ?? '').startsWith(keys.eventPrefix),
  );
}

function countInvocation(invocation: Invocation): void {
  if (!invokedInAws(invocation)) return;
  const tally = counts.lambda.get(invocation.function) ?? { invocations: 0, ms: 0, billedMs: 0 };
  tally.invocations += 1;
  tally.ms += invocation.ms;
  // Lambda bills duration rounded up to the millisecond.
  tally.billedMs += Math.ceil(invocation.ms);
  counts.lambda.set(invocation.function, tally);
}

/** Counts what the functions write to stdout and stderr: in Lambda, that is what CloudWatch Logs ingests. */
function countLogBytes(): () => void {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, index) => {
    const original = originals[index];
    if (original === undefined) return;
    const counting = (chunk: string | Uint8Array, ...rest: never[]): boolean => {
      counts.logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      return original(chunk, ...rest);
    };
    stream.write = counting;
  });
  return () =>
    streams.forEach((stream, index) => {
      const original = originals[index];
      if (original !== undefined) stream.write = original;
    });
}

let started: Promise<LocalCloud> | undefined;
const proxies: Server[] = [];
let stopCountingLogs: (() => void) | undefined;
export function benchCloud(): Promise<LocalCloud> {
  started ??= startLocalCloud({
    throttle: false,
    schedule: false,
    allowClockHeader: true,
    interceptDynamoDb: async (endpoint) => {
      const proxy = await countingProxy(endpoint, askForIndexCapacity, countDynamoAnswer);
      proxies.push(proxy.server);
      return proxy.url;
    },
    interceptS3: async (endpoint) => {
      const proxy = await countingProxy(endpoint, countS3Request, () => undefined);
      proxies.push(proxy.server);
      return proxy.url;
    },
    onInvoke: countInvocation,
  }).then((cloud) => {
    stopCountingLogs = countLogBytes();
    return cloud;
  });
  return started;
}

export async function stopBenchCloud(): Promise<void> {
  if (started === undefined) return;
  stopCountingLogs?.();
  await (await started).stop();
  for (const proxy of proxies) proxy.close();
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

/** One pass over an agency's applications (open or closed), by key, as counting cases would need. */
export async function readApplications(
  client: DynamoDBDocumentClient,
  table: string,
  agencyId: string,
  open: boolean,
): Promise<{ pages: number; items: number; readUnits: number }> {
  const read = { pages: 0, items: 0, readUnits: 0 };
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'byAgencyState',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.applicationsByAgency(agencyId, open) },
        ReturnConsumedCapacity: 'TOTAL',
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    read.pages += 1;
    read.items += page.Count ?? 0;
    read.readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey !== undefined);
  return read;
}
