import type { BaseConfig } from '#lib/config';
import type { ProactiveDeps, ReadingRoomDeps } from '#lib/use-cases/proactive';
import { DynamoAgencyStore } from './agency-store';
import { createDocumentClient } from './aws-clients';
import { createS3Client } from './s3-client';
import { DynamoCalendarStore } from './calendar-store';
import { DynamoProactiveStore } from './proactive-store';
import { RecordsTable } from './records-table';
import { S3Uploads } from './s3-uploads';

/** The adapters of proactive disclosure, built once per cold start. */
export function proactiveDeps(
  config: BaseConfig & { tableName: string; uploadsBucket: string },
): ProactiveDeps {
  const table = new RecordsTable(createDocumentClient(config), config.tableName);
  return {
    store: new DynamoProactiveStore(table),
    agencies: new DynamoAgencyStore(table),
    calendars: new DynamoCalendarStore(table),
    uploads: new S3Uploads(createS3Client(config), config.uploadsBucket, table),
  };
}

export function readingRoomDeps(config: BaseConfig & { tableName: string }): ReadingRoomDeps {
  const table = new RecordsTable(createDocumentClient(config), config.tableName);
  return { store: new DynamoProactiveStore(table), agencies: new DynamoAgencyStore(table) };
}
