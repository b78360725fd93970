import { z } from 'zod';

/**
 * Upload keys: a client's file waits in the uploads bucket under `incoming/<uuid>` (POST /v1/uploads)
 * until a record references it. The one place that makes such keys, recognises them, and reads their id.
 */
const INCOMING = 'incoming/';

export const UploadKey = z
  .string()
  .regex(new RegExp(`^${INCOMING}[0-9a-f-]{36}$`), 'must be an upload key from POST /v1/uploads');
export type UploadKey = z.infer<typeof UploadKey>;

/** The key a new upload goes up under (`uuid`: a random UUID, drawn by the caller). */
export const newUploadKey = (uuid: string): string => `${INCOMING}${uuid}`;

/** The upload's own id (its UUID), which archived copies carry in their names. */
export const uploadIdOf = (uploadKey: string): string => uploadKey.slice(INCOMING.length);
