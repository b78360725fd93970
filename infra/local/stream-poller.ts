import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * The local stand-in for Lambda's DynamoDB event source mapping: reads the table's stream shard by shard
 * (parents before children), hands batches of up to 100 records to the archiver handler, and on a
 * reported failure retries from the failed record, so nothing is skipped and order is kept.
 */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

type PassOutcome = 'delivered' | 'idle' | 'failed';
type LambdaImage = NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];
type ShardState = {
  shardId: string;
  parentShardId: string | undefined;
  iterator: string | undefined;
  lastSequence: string | undefined;
  closed: boolean;
};

export class StreamPoller {
  private readonly shards = new Map<string, ShardState>();
  private running = false;
  private loop: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];
  private lastPassFoundRecords = true;
  private wake: (() => void) | undefined;

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly handler: StreamHandler,
    private readonly options: {
      region: string;
      intervalMs?: number;
      batchSize?: number;
      onError?: (error: unknown) => void;
    } = { region: 'us-east-1' },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Resolves once a full pass over every shard has found no new records (tests wait on this). */
  async drain(timeoutMs = 30_000): Promise<void> {
    this.lastPassFoundRecords = true;
    this.wake?.();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stream did not drain in time')), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let outcome: PassOutcome;
      try {
        outcome = await this.pass();
      } catch (error) {
        this.options.onError?.(error);
        outcome = 'failed';
      }
      // Idle means two quiet passes in a row; a failed pass is never quiet.
      if (outcome === 'idle' && !this.lastPassFoundRecords) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
      this.lastPassFoundRecords = outcome !== 'idle';
      failures = outcome === 'failed' ? failures + 1 : 0;
      if (outcome === 'delivered') continue;
      // Back off after failures (as Lambda does), up to 8 s.
      const delay =
        outcome === 'failed' ? Math.min(8000, 250 * 2 ** failures) : (this.options.intervalMs ?? 250);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** One pass over the open shards. */
  private async pass(): Promise<PassOutcome> {
    await this.refreshShards();
    let outcome: PassOutcome = 'idle';
    for (const shard of this.shards.values()) {
      if (shard.closed || !this.running) continue;
      const parent = shard.parentShardId === undefined ? undefined : this.shards.get(shard.parentShardId);
      if (parent !== undefined && !parent.closed) continue;
      const result = await this.readShard(shard);
      if (result === 'failed') return 'failed';
      if (result === 'delivered') outcome = 'delivered';
    }
    return outcome;
  }

  private async refreshShards(): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    do {
      const result = await this.client.send(
        new DescribeStreamCommand({
          StreamArn: this.streamArn,
          ExclusiveStartShardId: exclusiveStartShardId,
        }),
      );
      const shards: Shard[] = result.StreamDescription?.Shards ?? [];
      for (const shard of shards) {
        if (shard.ShardId !== undefined && !this.shards.has(shard.ShardId)) {
          this.shards.set(shard.ShardId, {
            shardId: shard.ShardId,
            parentShardId: shard.ParentShardId,
            iterator: undefined,
            lastSequence: undefined,
            closed: false,
          });
        }
      }
      exclusiveStartShardId = result.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);
  }

  private async readShard(shard: ShardState): Promise<PassOutcome> {
    let outcome: PassOutcome = 'idle';
    for (;;) {
      shard.iterator ??= await this.iteratorFor(shard);
      let result;
      try {
        result = await this.client.send(
          new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.options.batchSize ?? 100 }),
        );
      } catch (error) {
        // An iterator is only good for the DynamoDB Local process that issued it (it may have restarted):
        // after any failure, ask for a new one from the last delivered record.
        shard.iterator = undefined;
        if (error instanceof ExpiredIteratorException) continue;
        throw error;
      }
      const records = result.Records ?? [];
      if (records.length > 0) {
        const done = await this.deliver(shard, records);
        if (done < records.length) {
          // The handler reported a failure: read again from the failed record, after a back-off.
          shard.iterator = undefined;
          return 'failed';
        }
        outcome = 'delivered';
      }
      if (result.NextShardIterator === undefined) {
        shard.closed = true;
        shard.iterator = undefined;
        return outcome;
      }
      shard.iterator = result.NextShardIterator;
      if (records.length === 0) return outcome;
    }
  }

  /**
   * Hands the records to the handler; returns how many were processed, in order. As Lambda does, the
   * first failure reported is where the batch resumes, and an identifier not in the batch fails it all.
   */
  private async deliver(shard: ShardState, records: StreamRecord[]): Promise<number> {
    const event: DynamoDBStreamEvent = { Records: records.map((record) => this.toLambdaRecord(record)) };
    const response = await this.handler(event);
    const failed = response.batchItemFailures.map((failure) => failure.itemIdentifier);
    let processed = records.length;
    if (failed.length > 0) {
      const positions = failed.map((id) =>
        records.findIndex((record) => record.dynamodb?.SequenceNumber === id),
      );
      processed = positions.includes(-1) ? 0 : Math.min(...positions);
      this.options.onError?.(
        new Error(`the stream handler reported a failure at ${failed.join(', ')}; retrying`),
      );
    }
    const lastProcessed = records[processed - 1]?.dynamodb?.SequenceNumber;
    if (lastProcessed !== undefined) shard.lastSequence = lastProcessed;
    return processed;
  }

  private async iteratorFor(shard: ShardState): Promise<string> {
    try {
      return await this.iteratorAt(shard);
    } catch (error) {
      // The checkpoint fell out of the stream's 24-hour window: start again from the oldest record.
      if (!(error instanceof TrimmedDataAccessException) || shard.lastSequence === undefined) throw error;
      shard.lastSequence = undefined;
      return this.iteratorAt(shard);
    }
  }

  private async iteratorAt(shard: ShardState): Promise<string> {
    const result = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shard.shardId,
        ...(shard.lastSequence === undefined
          ? { ShardIteratorType: 'TRIM_HORIZON' }
          : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequence }),
      }),
    );
    if (result.ShardIterator === undefined) throw new Error(`no iterator for shard ${shard.shardId}`);
    return result.ShardIterator;
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    const data = record.dynamodb;
    return {
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.options.region,
      eventSourceARN: this.streamArn,
      dynamodb: {
        ApproximateCreationDateTime: data?.ApproximateCreationDateTime
          ? Math.floor(data.ApproximateCreationDateTime.getTime() / 1000)
          : undefined,
        // The SDK's and aws-lambda's AttributeValue types describe the same wire shape.
        Keys: restoreEmptyMaps(data?.Keys) as LambdaImage,
        NewImage: restoreEmptyMaps(data?.NewImage) as LambdaImage,
        OldImage: restoreEmptyMaps(data?.OldImage) as LambdaImage,
        SequenceNumber: data?.SequenceNumber,
        SizeBytes: data?.SizeBytes,
        StreamViewType: data?.StreamViewType,
      },
    };
  }
}

/**
 * The Streams client deserializes an empty map attribute (`{"M": {}}`) as `{}`, which Lambda's event
 * JSON never does and `unmarshall` refuses: put the map back.
 */
function restoreEmptyMaps(image: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (image === undefined) return undefined;
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, restoreValue(value)]));
}

function restoreValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 0) return { M: {} };
  if ('M' in value && value.M !== null && typeof value.M === 'object')
    return { M: restoreEmptyMaps(value.M as Record<string, unknown>) };
  if ('L' in value && Array.isArray(value.L)) return { L: value.L.map(restoreValue) };
  return value;
}
