import { takeUploads, type UploadStore } from '../uploads';

/** The application `owner` takes the files at `path` (`body.attachments.0`, …): see `takeUploads`. */
export const takeAttachments = (uploads: UploadStore, keys: readonly string[], path: string, owner: string) =>
  takeUploads(
    uploads,
    keys.map((key, index) => [`${path}.${index}`, key] as const),
    owner,
  );

/** Who takes an application's files: the application, or the request's Idempotency-Key (so a retry may). */
export const applicationOwner = (id: string): string => `application/${id}`;
