import { createS3Client } from '#lib/adapters/s3-client';
import { S3Uploads, UPLOAD_URL_SECONDS } from '#lib/adapters/s3-uploads';
import { uploadsRoutes } from '#lib/api/routes/uploads';
import { loadConfig } from '#lib/config';
import { created, httpFunction } from '#lib/http/handler';

const config = loadConfig(process.env, 'uploads');
const uploads = new S3Uploads(createS3Client(config), config.uploadsBucket);

export const handler = httpFunction(uploadsRoutes, {
  'POST /v1/uploads': async ({ body }) => {
    const { uploadKey, url, headers } = await uploads.presignUpload(body.contentType, body.size);
    return created({ uploadKey, url, method: 'PUT', headers, expiresInSeconds: UPLOAD_URL_SECONDS }, url);
  },
});
