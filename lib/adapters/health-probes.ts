import { healthProbeKey } from '#lib/platform/resources';
import type { HealthProbe } from '#lib/use-cases/health';
import { keys } from './keys';
import type { RecordsTable } from './records-table';
import type { S3Archive } from './s3-archive';

/** Real reads through the real adapters: a table item and an archive object. */
export const recordsTableProbe = (table: RecordsTable): HealthProbe => ({
  name: 'recordsTable',
  check: async () =>
    (await table.get(keys.healthProbe)) === undefined
      ? 'table answered; probe item absent'
      : 'probe item read',
});

export const archiveBucketProbe = (archive: S3Archive): HealthProbe => ({
  name: 'archiveBucket',
  check: async () =>
    (await archive.get(healthProbeKey)) === undefined
      ? 'bucket answered; probe object absent'
      : 'probe object read',
});
