import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
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
    while (this.running) {
      let found = false;
      try {
        found = await this.pass();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!found && !this.lastPassFoundRecords) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
      this.lastPassFoundRecords = found;
      if (!found) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.intervalMs ?? 250);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  /** One pass over the open shards; true when it handed any record to the handler. */
  private async pass(): Promise<boolean> {
    await this.refreshShards();
    let found = false;
    for (const shard of this.shards.values()) {
      if (shard.closed || !this.running) continue;
      const parent = shard.parentShardId === undefined ? undefined : this.shards.get(shard.parentShardId);
      if (parent !== undefined && !parent.closed) continue;
      found = (await this.readShard(shard)) || found;
    }
    return found;
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

  private async readShard(shard: ShardState): Promise<boolean> {
    let found = false;
    for (;;) {
      shard.iterator ??= await this.iteratorFor(shard);
      let result;
      try {
        result = await this.client.send(
          new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.options.batchSize ?? 100 }),
        );
      } catch (error) {
        if (error instanceof ExpiredIteratorException) {
          shard.iterator = undefined;
          continue;
        }
        throw error;
      }
      const records = result.Records ?? [];
      if (records.length > 0) {
        found = true;
        const done = await this.deliver(shard, records);
        if (done < records.length) {
          // The handler reported a failure: read again from the failed record next pass.
          shard.iterator = undefined;
          return true;
        }
      }
      if (result.NextShardIterator === undefined) {
        shard.closed = true;
        shard.iterator = undefined;
        return found;
      }
      shard.iterator = result.NextShardIterator;
      if (records.length === 0) return found;
    }
  }

  /** Hands the records to the handler; returns how many were processed successfully, in order. */
  private async deliver(shard: ShardState, records: StreamRecord[]): Promise<number> {
    const event: DynamoDBStreamEvent = { Records: records.map((record) => this.toLambdaRecord(record)) };
    const response = await this.handler(event);
    const failure = response.batchItemFailures[0]?.itemIdentifier;
    const failedAt =
      failure === undefined ? -1 : records.findIndex((record) => record.dynamodb?.SequenceNumber === failure);
    const processed = failedAt === -1 ? records.length : failedAt;
    const lastProcessed = records[processed - 1]?.dynamodb?.SequenceNumber;
    if (lastProcessed !== undefined) shard.lastSequence = lastProcessed;
    if (failedAt !== -1)
      this.options.onError?.(
        new Error(`the stream handler reported a failure at ${String(failure)}; retrying`),
      );
    return processed;
  }

  private async iteratorFor(shard: ShardState): Promise<string> {
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
        Keys: data?.Keys as LambdaImage,
        NewImage: data?.NewImage as LambdaImage,
        OldImage: data?.OldImage as LambdaImage,
        SequenceNumber: data?.SequenceNumber,
        SizeBytes: data?.SizeBytes,
        StreamViewType: data?.StreamViewType,
      },
    };
  }
}
