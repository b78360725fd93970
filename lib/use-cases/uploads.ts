import { RuleViolationError, type FieldError } from '#lib/domain/errors';

/** Port: files in the uploads bucket, put there by the client through a presigned URL. */
export interface UploadStore {
  sizeOf(uploadKey: string): Promise<number | undefined>;
  markReferenced(uploadKey: string): Promise<void>;
  downloadUrl(uploadKey: string, fileName: string): Promise<string>;
}

/** The largest file an upload may be (the presigned URL is signed for the declared size). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Every file named (`[path, uploadKey]`) was uploaded and is within the limit; else 422 naming each. */
export async function checkUploads(
  uploads: UploadStore,
  files: readonly (readonly [path: string, uploadKey: string])[],
): Promise<void> {
  const sizes = await Promise.all(files.map(([, key]) => uploads.sizeOf(key)));
  const errors: FieldError[] = [];
  for (const [index, [path]] of files.entries()) {
    const size = sizes[index];
    if (size === undefined) errors.push({ path, message: 'was never uploaded (or has expired)' });
    else if (size > MAX_UPLOAD_BYTES)
      errors.push({ path, message: `is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
  }
  if (errors.length > 0)
    throw new RuleViolationError('unknown-upload', 'A file is missing or too large.', errors);
}
