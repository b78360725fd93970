import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '#lib/config';
import {
  createMetrics,
  metricsOfEvent,
  metricsOfQuarantine,
  publish,
  type MetricPoint,
} from '#lib/adapters/metrics';
import { createS3Client } from '#lib/adapters/s3-client';
import { S3Archive } from '#lib/adapters/s3-archive';
import { timelineEventOfStreamRecord } from '#lib/adapters/stream-records';
import { logger } from '#lib/http/logger';
import { archiveEvent, quarantine } from '#lib/use-cases/archive-events';

const config = loadConfig(process.env, 'archiver');
const archive = new S3Archive(createS3Client(config), config.archiveBucket, config.uploadsBucket);
const metrics = createMetrics();

/**
 * Fed by the Records table's stream: archives every new timeline event. Records are handled in order;
 * on the first failure the rest of the batch is reported back (ReportBatchItemFailures), so the platform
 * retries from there and nothing is skipped. The events archived are counted (business metrics: what the
 * timeline says happened) once the batch is answered; a batch that throws is retried whole, so it counts
 * nothing now.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const points: MetricPoint[] = [];
  const response = await archiveInOrder(event, points);
  publish(metrics, points);
  return response;
};

async function archiveInOrder(
  event: DynamoDBStreamEvent,
  points: MetricPoint[],
): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      const parsed = timelineEventOfStreamRecord(record);
      if (parsed.kind === 'other') continue;
      if (parsed.kind === 'malformed') {
        // Retrying cannot fix it: keep the raw record for investigation and go on with the stream.
        const key = await quarantine(archive, record, parsed.reason);
        logger.error('A timeline event could not be read; quarantined', { key });
        points.push(...metricsOfQuarantine());
        continue;
      }
      const timelineEvent = parsed.event;
      const key = await archiveEvent(archive, timelineEvent);
      logger.debug('Archived event', { key });
      points.push(
        ...metricsOfEvent(timelineEvent, ({ type, seq }) => {
          logger.warn('An archived event lacks the field its metric counts', { key, type, seq });
        }),
      );
    } catch (error) {
      logger.error('Archiving failed; the batch is retried from this record', {
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error: error instanceof Error ? error : String(error),
      });
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      if (sequenceNumber === undefined) throw error;
      return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
    }
  }
  return { batchItemFailures: [] };
}
