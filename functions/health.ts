import { healthRoutes } from '#lib/api/routes/health';
import { loadConfig } from '#lib/config';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { createS3Client } from '#lib/adapters/s3-client';
import { archiveBucketProbe, recordsTableProbe } from '#lib/adapters/health-probes';
import { RecordsTable } from '#lib/adapters/records-table';
import { S3Archive } from '#lib/adapters/s3-archive';
import { httpFunction } from '#lib/http/handler';
import { checkHealth } from '#lib/use-cases/health';

const config = loadConfig(process.env, 'health');
const probes = [
  recordsTableProbe(new RecordsTable(createDocumentClient(config), config.tableName)),
  archiveBucketProbe(new S3Archive(createS3Client(config), config.archiveBucket)),
];

export const handler = httpFunction(healthRoutes, {
  'GET /v1/health': async ({ now }) => {
    const report = await checkHealth(probes, now);
    return {
      status: report.status === 'ok' ? 200 : 503,
      json: report,
      headers: { 'cache-control': 'no-store' },
    };
  },
});
