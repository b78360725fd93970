import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { z } from 'zod';
import { CASE_KINDS, type TimelineEvent } from '#lib/domain/timeline';
import { keys } from './keys';

const Actor = z.union([
  z.object({
    kind: z.literal('staff'),
    staffId: z.string(),
    agencyId: z.string(),
    roles: z.array(z.string()),
    name: z.string().optional(),
  }),
  z.object({ kind: z.literal('applicant') }),
  z.object({ kind: z.literal('system'), process: z.string() }),
]);

const StoredEvent = z.object({
  case: z.object({
    agencyId: z.string(),
    kind: z.enum(CASE_KINDS),
    id: z.string(),
  }),
  seq: z.int().min(1),
  type: z.string(),
  at: z.string(),
  actor: Actor,
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string().nullable(),
  hash: z.string(),
});

export type StreamRecordContent =
  { kind: 'event'; event: TimelineEvent } | { kind: 'other' } | { kind: 'malformed'; reason: string };

/** The timeline event a stream record inserts; any other change is `other`. */
export function timelineEventOfStreamRecord(record: DynamoDBRecord): StreamRecordContent {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image === undefined) return { kind: 'other' };
  // aws-lambda's and the SDK's AttributeValue types describe the same wire shape.
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (typeof item.sk !== 'string' || !item.sk.startsWith(keys.eventPrefix)) return { kind: 'other' };
  const parsed = StoredEvent.safeParse(item);
  return parsed.success
    ? { kind: 'event', event: parsed.data }
    : { kind: 'malformed', reason: parsed.error.message };
}
