import { createHash } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
  type ConsumedCapacity,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  ValidationError,
  VersionConflictError,
  AlreadyExistsError,
  type DomainError,
} from '#lib/domain/errors';
import type { TimelineEvent } from '#lib/domain/timeline';
import { recordsTable, type IndexName } from '#lib/platform/resources';
import { keys, type Key } from './keys';

type Item = Record<string, unknown>;
/** Attempts of a BatchGetItem whose keys DynamoDB leaves unprocessed (throttling, the 16 MB limit). */
const BATCH_ATTEMPTS = 8;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction, with the domain error to raise if its condition fails. */
export type TransactOp = { item: TransactItem; onConditionFailed?: () => DomainError };

export type Page<T> = { items: T[]; nextToken: string | null };

/** Round trips and capacity of the calls made through this adapter (benchmarks read them). */
export type Usage = { roundTrips: number; readCapacity: number; writeCapacity: number; itemsRead: number };

/**
 * The Records table adapter: consistent reads, key-only queries with opaque page tokens, and
 * transactions whose cancellation reasons become domain errors.
 */
export class RecordsTable {
  readonly usage: Usage = { roundTrips: 0, readCapacity: 0, writeCapacity: 0, itemsRead: 0 };

  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /**
   * Many items by key, 100 to a request (BatchGetItem's limit), consistent; keys DynamoDB left
   * unprocessed are asked again with jittered backoff, 8 attempts at most. Items that do not exist are
   * absent; a key asked twice is read once (DynamoDB refuses a request that names a key twice).
   */
  async getMany(wanted: readonly Key[]): Promise<Item[]> {
    const unique = [...new Map(wanted.map((key) => [`${key.pk}|${key.sk}`, key])).values()];
    const found: Item[] = [];
    for (let start = 0; start < unique.length; start += 100) {
      let batch: Record<string, unknown>[] = unique.slice(start, start + 100);
      for (let attempt = 0; batch.length > 0; attempt += 1) {
        if (attempt >= BATCH_ATTEMPTS)
          throw new Error(`DynamoDB left ${batch.length} keys unread after ${BATCH_ATTEMPTS} attempts.`);
        if (attempt > 0)
          await new Promise((resolve) =>
            setTimeout(resolve, Math.random() * Math.min(1000, 50 * 2 ** attempt)),
          );
        const result = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: batch, ConsistentRead: true } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        this.usage.roundTrips += 1;
        for (const consumed of result.ConsumedCapacity ?? [])
          this.usage.readCapacity += consumed.CapacityUnits ?? 0;
        const items = result.Responses?.[this.tableName] ?? [];
        this.usage.itemsRead += items.length;
        found.push(...items);
        batch = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return found;
  }

  async get(key: Key, options: { consistent?: boolean } = {}): Promise<Item | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: options.consistent ?? true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(result.ConsumedCapacity, 'read');
    return result.Item;
  }

  /** A page of an index partition, in sort-key order; `nextToken` is opaque to callers. */
  async queryIndex(
    indexName: IndexName,
    partition: string,
    options: {
      limit: number;
      nextToken?: string | undefined;
      sortKeyBetween?: [string, string];
      sortKeyPrefix?: string;
      ascending?: boolean;
    },
  ): Promise<Page<Item>> {
    const index = recordsTable.indexes.find((candidate) => candidate.indexName === indexName);
    if (index === undefined) throw new Error(`Unknown index ${indexName}`);
    const pkName = index.partitionKey.name;
    const skName = index.sortKey.name;
    let condition = '#pk = :pk';
    const values: Record<string, unknown> = { ':pk': partition };
    const names: Record<string, string> = { '#pk': pkName };
    if (options.sortKeyBetween) {
      condition += ' AND #sk BETWEEN :from AND :to';
      names['#sk'] = skName;
      values[':from'] = options.sortKeyBetween[0];
      values[':to'] = options.sortKeyBetween[1];
    } else if (options.sortKeyPrefix !== undefined) {
      condition += ' AND begins_with(#sk, :prefix)';
      names['#sk'] = skName;
      values[':prefix'] = options.sortKeyPrefix;
    }
    const scope = pageScope([indexName, condition, values, options.ascending ?? true]);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: options.limit,
        ScanIndexForward: options.ascending ?? true,
        ExclusiveStartKey: decodePageToken(
          options.nextToken,
          [recordsTable.partitionKey.name, recordsTable.sortKey.name, pkName, skName],
          pkName,
          partition,
          scope,
        ),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(result.ConsumedCapacity, 'read');
    this.usage.itemsRead += result.ScannedCount ?? 0;
    return { items: result.Items ?? [], nextToken: encodePageToken(result.LastEvaluatedKey, scope) };
  }

  /** A page of a table partition, in sort-key order. */
  async queryPartition(
    pk: string,
    options: {
      limit: number;
      nextToken?: string | undefined;
      sortKeyPrefix?: string;
      sortKeyBetween?: [string, string];
      ascending?: boolean;
      /**
       * A filter on the page read: items whose attributes, any of them, contain the value (it narrows
       * what is returned, not what is read).
       */
      contains?: { attributes: readonly [string, ...string[]]; value: string };
    },
  ): Promise<Page<Item>> {
    let condition = 'pk = :pk';
    const values: Record<string, unknown> = { ':pk': pk };
    if (options.sortKeyBetween) {
      condition += ' AND sk BETWEEN :from AND :to';
      values[':from'] = options.sortKeyBetween[0];
      values[':to'] = options.sortKeyBetween[1];
    } else if (options.sortKeyPrefix !== undefined) {
      condition += ' AND begins_with(sk, :prefix)';
      values[':prefix'] = options.sortKeyPrefix;
    }
    if (options.contains) values[':contains'] = options.contains.value;
    const filtered = options.contains?.attributes ?? [];
    const scope = pageScope([condition, values, filtered.join('|'), options.ascending ?? true]);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: condition,
        ...(filtered.length > 0
          ? {
              FilterExpression: filtered.map((_, i) => `contains(#f${i}, :contains)`).join(' OR '),
              ExpressionAttributeNames: Object.fromEntries(filtered.map((name, i) => [`#f${i}`, name])),
            }
          : {}),
        ExpressionAttributeValues: values,
        Limit: options.limit,
        ScanIndexForward: options.ascending ?? true,
        ConsistentRead: true,
        ExclusiveStartKey: decodePageToken(
          options.nextToken,
          [recordsTable.partitionKey.name, recordsTable.sortKey.name],
          'pk',
          pk,
          scope,
        ),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.count(result.ConsumedCapacity, 'read');
    this.usage.itemsRead += result.ScannedCount ?? 0;
    return { items: result.Items ?? [], nextToken: encodePageToken(result.LastEvaluatedKey, scope) };
  }

  /** The timeline of a case, oldest first. */
  async events(casePk: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': casePk, ':prefix': keys.eventPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(result.ConsumedCapacity, 'read');
      items.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  /**
   * All or nothing; a failed condition raises the domain error of the op that failed. One write alone is
   * sent as a plain conditional write: as atomic, at half the capacity of a one-item transaction.
   */
  async transact(ops: readonly TransactOp[]): Promise<void> {
    const [only] = ops;
    if (ops.length === 1 && only !== undefined && only.item.ConditionCheck === undefined)
      return this.writeOne(only);
    try {
      const result = await this.client.send(
        new TransactWriteCommand({
          TransactItems: ops.map((op) => op.item),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      for (const consumed of result.ConsumedCapacity ?? []) this.count(consumed, 'write');
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        for (const [index, reason] of reasons.entries()) {
          if (reason.Code === 'ConditionalCheckFailed') {
            const op = ops[index];
            throw (
              op?.onConditionFailed?.() ??
              new VersionConflictError('The record changed meanwhile; read it again.', { cause: error })
            );
          }
        }
        if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
          throw new VersionConflictError('Another change to the same record is in progress; try again.', {
            cause: error,
          });
        }
      }
      throw error;
    }
  }

  /** Writes an item under `key` once: false when one is there already (so nothing is done twice). */
  async putOnce(key: Key, data: Item): Promise<boolean> {
    try {
      await this.transact([
        {
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...key, ...data },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => new AlreadyExistsError('The item exists.'),
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }

  private async writeOne(op: TransactOp): Promise<void> {
    const { Put, Delete, Update } = op.item;
    const send = () => {
      if (Put !== undefined)
        return this.client.send(new PutCommand({ ...Put, ReturnConsumedCapacity: 'TOTAL' }));
      if (Delete !== undefined)
        return this.client.send(new DeleteCommand({ ...Delete, ReturnConsumedCapacity: 'TOTAL' }));
      if (Update !== undefined)
        return this.client.send(new UpdateCommand({ ...Update, ReturnConsumedCapacity: 'TOTAL' }));
      throw new Error('A write names Put, Delete or Update.');
    };
    try {
      const result = await send();
      this.count(result.ConsumedCapacity, 'write');
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw (
          op.onConditionFailed?.() ??
          new VersionConflictError('The record changed meanwhile; read it again.', { cause: error })
        );
      if (error instanceof TransactionConflictException)
        throw new VersionConflictError('Another change to the same record is in progress; try again.', {
          cause: error,
        });
      throw error;
    }
  }

  private count(consumed: ConsumedCapacity | undefined, kind: 'read' | 'write'): void {
    this.usage.roundTrips += 1;
    if (consumed === undefined) return;
    const units = consumed.CapacityUnits ?? 0;
    if (kind === 'read') this.usage.readCapacity += units;
    else this.usage.writeCapacity += units;
  }
}

/**
 * The transact ops of one state change of a case: the case item (its `version` bumped, conditional on
 * the version the caller read) and its new timeline event, chained to the previous one.
 */
export function caseChange(
  table: RecordsTable,
  change: {
    item: Item & Key;
    expectedVersion: number | 'new';
    event: TimelineEvent;
    onExists?: () => DomainError;
  },
): TransactOp[] {
  const expected = change.expectedVersion;
  const isNew = expected === 'new';
  const caseOp: TransactOp = {
    item: {
      Put: {
        TableName: table.tableName,
        Item: {
          ...change.item,
          version: expected === 'new' ? 1 : expected + 1,
          chainSeq: change.event.seq,
          chainHash: change.event.hash,
        },
        ConditionExpression: isNew ? 'attribute_not_exists(pk)' : '#version = :expected',
        ...(isNew
          ? {}
          : {
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':expected': expected },
            }),
      },
    },
    onConditionFailed: isNew
      ? (change.onExists ?? (() => new AlreadyExistsError('The record already exists.')))
      : () => new VersionConflictError('The record changed since you read it; read it again and retry.'),
  };
  const eventOp: TransactOp = {
    item: {
      Put: {
        TableName: table.tableName,
        Item: { ...keys.event(change.item.pk, change.event.seq), entity: 'event', ...change.event },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () =>
      new VersionConflictError('The record changed since you read it; read it again and retry.'),
  };
  return [caseOp, eventOp];
}

/** The chain head stored on a case item. */
export function chainHeadOf(item: Item): { seq: number; hash: string | null } {
  const seq = typeof item.chainSeq === 'number' ? item.chainSeq : 0;
  const hash = typeof item.chainHash === 'string' ? item.chainHash : null;
  return { seq, hash };
}

/**
 * What a page token is bound to besides its partition: the query's index, key condition, filter and
 * direction, as a short digest — so a token reused with other filters (another year, category, search
 * or order) is refused, never handed to DynamoDB outside the query's bounds.
 */
export const pageScope = (query: readonly unknown[]): string =>
  createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);

export function encodePageToken(lastKey: Record<string, unknown> | undefined, scope = ''): string | null {
  if (lastKey === undefined) return null;
  return Buffer.from(JSON.stringify({ key: lastKey, scope }), 'utf8').toString('base64url');
}

/**
 * Decodes a page token, refusing one that was altered or belongs to another listing: it must hold
 * exactly the listing's key attributes, as non-empty strings, in the listing's partition.
 */
export function decodePageToken(
  token: string | undefined,
  attributes: readonly string[],
  partitionAttribute: string,
  partition: string,
  scope = '',
): Record<string, string> | undefined {
  if (token === undefined) return undefined;
  const invalid = () =>
    new ValidationError('The page token is invalid.', [
      { path: 'query.nextToken', message: 'is not a token this listing issued' },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    decoded === null ||
    typeof decoded !== 'object' ||
    !('key' in decoded) ||
    !('scope' in decoded) ||
    decoded.scope !== scope ||
    decoded.key === null ||
    typeof decoded.key !== 'object' ||
    Array.isArray(decoded.key)
  )
    throw invalid();
  const entries = Object.entries(decoded.key);
  const expected = new Set(attributes);
  if (
    entries.length !== expected.size ||
    entries.some(([name, value]) => !expected.has(name) || typeof value !== 'string' || value === '')
  ) {
    throw invalid();
  }
  const key = Object.fromEntries(entries) as Record<string, string>;
  if (key[partitionAttribute] !== partition) throw invalid();
  return key;
}

/**
 * A public submission's Idempotency-Key (hashed), kept in the same transaction as the record it made, and
 * only if no submission kept it before (`AlreadyExistsError` otherwise): the key is used once.
 */
export const keepIdempotencyOp = (table: RecordsTable, key: Key, record: Item): TransactOp => ({
  item: {
    Put: {
      TableName: table.tableName,
      Item: { ...key, entity: 'idempotency', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  onConditionFailed: () => new AlreadyExistsError('This Idempotency-Key has been used.'),
});
