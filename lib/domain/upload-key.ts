import { createHash } from 'node:crypto';
import * as z from 'zod';

/**
 * Upload keys: a client's file waits in the uploads bucket under `incoming/<uuid>` (POST /v1/uploads)
 * until a record references it; then it is copied once to `kept/<uuid>`, which the record reads from then
 * on (a second PUT to the upload URL changes nothing the record shows) and which the bucket's lifecycle
 * rule never touches. The one place that makes such keys, recognises them, and reads their id.
 */
export const INCOMING_PREFIX = 'incoming/';
export const KEPT_PREFIX = 'kept/';

export const UploadKey = z
  .string()
  .regex(new RegExp(`^${INCOMING_PREFIX}[0-9a-f-]{36}$`), 'must be an upload key from POST /v1/uploads');
export type UploadKey = z.infer<typeof UploadKey>;

/** The key a new upload goes up under (`uuid`: a random UUID, drawn by the caller). */
export const newUploadKey = (uuid: string): string => `${INCOMING_PREFIX}${uuid}`;

/**
 * The key of a file posted with a form (the portal's, which works without JavaScript) rather than put
 * through a presigned URL: drawn from the form's idempotency key, the file's place in the form and its
 * content, so the same form posted twice names the same uploads (and is known as the same request), and
 * no one without the idempotency key can name them. A UUID (version 8) made of SHA-256 bits.
 */
export function postedUploadKey(idempotencyKey: string, index: number, content: Uint8Array): string {
  const contentHash = createHash('sha256').update(content).digest('hex');
  const hex = createHash('sha256')
    .update(`${idempotencyKey}\n${index}\n${contentHash}`, 'utf8')
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return newUploadKey(
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
  );
}

/** The upload's own id (its UUID), which archived copies carry in their names. */
export const uploadIdOf = (uploadKey: string): string => uploadKey.slice(INCOMING_PREFIX.length);

/**
 * Where the referenced copy of an upload lives. One upload is referenced by one record only (its claim is a
 * conditional write), so the kept copy is that record's own.
 */
export const keptKeyOf = (uploadKey: string): string => `${KEPT_PREFIX}${uploadIdOf(uploadKey)}`;
