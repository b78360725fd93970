import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { TimelineEvent } from '#lib/domain/timeline';
import { keys } from './keys';

export type StreamRecordContent =
  { kind: 'event'; event: TimelineEvent } | { kind: 'other' } | { kind: 'malformed'; reason: string };

/** The timeline event a stream record inserts; any other change is `other`. */
export function timelineEventOfStreamRecord(record: DynamoDBRecord): StreamRecordContent {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image === undefined) return { kind: 'other' };
  // aws-lambda's and the SDK's AttributeValue types describe the same wire shape.
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (typeof item.sk !== 'string' || !item.sk.startsWith(keys.eventPrefix)) return { kind: 'other' };
  const parsed = TimelineEvent.safeParse(item);
  return parsed.success
    ? { kind: 'event', event: parsed.data }
    : { kind: 'malformed', reason: parsed.error.message };
}
