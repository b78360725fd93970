import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { DynamoApplicationStore } from '#lib/adapters/application-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { createS3Client } from '#lib/adapters/s3-client';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { createMetrics, metricsOfSweep, publish } from '#lib/adapters/metrics';
import { createNotifier } from '#lib/adapters/notifiers';
import { RecordsTable } from '#lib/adapters/records-table';
import { S3Archive } from '#lib/adapters/s3-archive';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { loadConfig } from '#lib/config';
import { chinaDateOf } from '#lib/domain/china-time';
import { logger } from '#lib/http/logger';
import { sweep, sweepDayOf, type SweepSummary } from '#lib/use-cases/sweep';

const config = loadConfig(process.env, 'sweep');
const documents = createDocumentClient(config);
const archive = new S3Archive(createS3Client(config), config.archiveBucket);
const metrics = createMetrics();

/**
 * The daily compliance sweep: invoked by EventBridge Scheduler at 00:30 Asia/Shanghai with the scheduled
 * time (or, in the china profile, by an EventBridge rule at 16:30 UTC, the same moment), or by hand with `{ "date": "YYYY-MM-DD" }` (and `"redo": true` to sweep a past day again).
 */
const sweepInput = (today: string) =>
  z.union([
    z.strictObject({
      // A day not yet begun in China is refused: swept ahead, it would move the watermark past it and
      // silence the daily sweep until then.
      date: z.iso.date().refine((date) => date <= today, `must not be after today in China time (${today})`),
      redo: z.boolean().optional(),
    }),
    z.strictObject({ scheduledTime: z.iso.datetime({ offset: true }) }),
    // An EventBridge rule's scheduled event (the china profile's trigger, at 16:30 UTC = 00:30 in China).
    z
      .object({
        source: z.literal('aws.events'),
        'detail-type': z.literal('Scheduled Event'),
        time: z.iso.datetime({ offset: true }),
      })
      .transform((event) => ({ scheduledTime: event.time })),
  ]);

export const handler = (input: unknown): Promise<SweepSummary> => runSweep(input, new Date());

/** One run of the sweep, `now` being the moment it is asked for (the local cloud passes its own clock). */
export async function runSweep(input: unknown, now: Date): Promise<SweepSummary> {
  const parsed = sweepInput(chinaDateOf(now)).parse(input);
  // A fresh adapter per run, so the run's items-read count is its own.
  const table = new RecordsTable(documents, config.tableName);
  const agencies = new DynamoAgencyStore(table);
  const store = new DynamoSweepStore(table, agencies);
  const calendars = new DynamoCalendarStore(table);
  const notifier = await createNotifier(config, store);
  const started = performance.now();
  const sweptAt =
    'scheduledTime' in parsed ? new Date(parsed.scheduledTime) : new Date(`${parsed.date}T00:30:00+08:00`);
  const summary = await sweep(
    {
      store,
      calendars,
      notifier,
      applications: {
        applications: new DynamoApplicationStore(table),
        calendars,
        agencies,
        letters: archive,
      },
      archive,
    },
    { day: sweepDayOf(parsed), redo: 'redo' in parsed ? parsed.redo : false },
    sweptAt,
    () => performance.now() - started,
    randomUUID(),
  );
  logger.info('Sweep finished', { ...summary });
  // The heartbeat the "sweep has not run by 01:30" alarm waits for: only a finished run emits it.
  publish(metrics, metricsOfSweep(summary));
  return summary;
}
