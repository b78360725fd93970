import { checkUploads, type UploadStore } from '../uploads';

/** The files at `path` (`body.attachments.0`, …) were uploaded and are within the limit. */
export const checkAttachments = (uploads: UploadStore, keys: readonly string[], path: string) =>
  checkUploads(
    uploads,
    keys.map((key, index) => [`${path}.${index}`, key] as const),
  );

/** Files a record now references are kept (the uploads bucket expires the others). */
export async function keepReferenced(uploads: UploadStore, keys: readonly string[]): Promise<void> {
  for (const key of keys) await uploads.markReferenced(key);
}
