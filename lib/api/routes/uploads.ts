import * as z from 'zod';
import { freeText } from '#lib/domain/free-text';
import { MAX_UPLOAD_BYTES, UPLOAD_CONTENT_TYPES } from '#lib/use-cases/uploads';
import { publicThrottle, type RouteDefinition } from '../route-definition';

/** What a client asks to upload: the file's type (one the platform takes), size and name. */
export const UploadRequest = z.strictObject({
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  size: z
    .int()
    .min(1, 'must be at least 1 byte')
    .max(MAX_UPLOAD_BYTES, `must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`),
  fileName: freeText(200),
});

/** The uploads function’s route: presigned upload URLs for attachments. */
export const uploadsRoutes = [
  {
    method: 'POST',
    path: '/v1/uploads',
    function: 'uploads',
    access: 'public',
    summary:
      'A presigned URL to upload an attachment (identity proof, documents); PUT the file to it within 15 minutes',
    body: UploadRequest,
    problems: [],
    responses: { 201: { description: 'Where to PUT the file', schema: 'UploadView' } },
    throttle: publicThrottle,
  },
] as const satisfies readonly RouteDefinition<'uploads'>[];
