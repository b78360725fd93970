import { randomBytes } from 'node:crypto';
import type { ApplicantKeyConfig, BaseConfig } from '#lib/config';
import { newAccessToken, newTrackingNumber } from '#lib/domain/application/secrets';
import type { ApplicationDeps } from '#lib/use-cases/applications/ports';
import { DynamoAgencyStore } from './agency-store';
import { loadApplicantKey } from './applicant-key';
import { DynamoApplicationStore } from './application-store';
import { createDocumentClient } from './aws-clients';
import { createS3Client } from './s3-client';
import { DynamoCalendarStore } from './calendar-store';
import { DynamoProactiveStore } from './proactive-store';
import { RecordsTable } from './records-table';
import { S3Archive } from './s3-archive';
import { S3Uploads } from './s3-uploads';
import { DynamoStaffStore } from './staff-store';

/** The adapters the application use cases need, built once per cold start (intake and casework share them). */
export async function applicationDeps(
  config: BaseConfig & {
    tableName: string;
    archiveBucket: string;
    uploadsBucket: string;
    applicantKey: ApplicantKeyConfig;
  },
  /** The function may write the archive: its steps write their letters at once (see `letters`). */
  options: { writesLetters?: boolean } = {},
): Promise<{ deps: ApplicationDeps; table: RecordsTable }> {
  const table = new RecordsTable(createDocumentClient(config), config.tableName);
  const s3 = createS3Client(config);
  const archive = new S3Archive(s3, config.archiveBucket);
  return {
    table,
    deps: {
      applications: new DynamoApplicationStore(table),
      calendars: new DynamoCalendarStore(table),
      agencies: new DynamoAgencyStore(table),
      staff: new DynamoStaffStore(table),
      uploads: new S3Uploads(s3, config.uploadsBucket, table),
      publications: new DynamoProactiveStore(table),
      letterUrl: (key) => archive.downloadUrl(key),
      letters: options.writesLetters === true ? archive : undefined,
      applicantSecret: await loadApplicantKey(config),
      newTrackingNumber,
      newAccessToken,
      newConsultationId: () => `c${randomBytes(5).toString('hex').slice(0, 8)}`,
    },
  };
}
