import { RuleViolationError, type FieldError } from '#lib/domain/errors';
import { postedUploadKey } from '#lib/domain/upload-key';

/** Attachment types the platform takes. */
export const UPLOAD_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/ofd',
  'text/plain',
] as const;

/** What the uploads bucket holds under an upload key. */
export type StoredUpload = {
  size: number;
  /** The size the upload URL was signed for (POST /v1/uploads); undefined if the object did not say. */
  declaredSize: number | undefined;
  /** The object's version as stored (its ETag), so the copy kept is the object checked. */
  etag: string;
};

/** A file posted with a form: its type (one the API's uploads take) and its bytes. */
export type PostedFile = { readonly contentType: string; readonly bytes: Uint8Array };

/**
 * Port: files in the uploads bucket, put there by the client through a presigned URL (or by the portal,
 * from a form posted without JavaScript).
 */
export interface UploadStore {
  /**
   * Puts a file posted with a form under `uploadKey` exactly as a presigned upload would have put it (its
   * type, the `pending` tag, its size as the declared size), so records take it as they take any upload.
   */
  storePosted(uploadKey: string, file: PostedFile): Promise<void>;
  /** The object under the upload key, or undefined if nothing was uploaded (or it expired). */
  inspect(uploadKey: string): Promise<StoredUpload | undefined>;
  /**
   * Claims the upload for `owner` (a conditional write): `new` if it was free, `mine` if `owner` holds it
   * already, `taken` if another record does.
   */
  claim(uploadKey: string, owner: string): Promise<'new' | 'mine' | 'taken'>;
  /** Gives a claim of `owner` back (the record that claimed it is not being written). */
  release(uploadKey: string, owner: string): Promise<void>;
  /** Copies the object to its kept key if it is still the one inspected (`etag`); false if it changed. */
  keep(uploadKey: string, etag: string): Promise<boolean>;
  /** A short-lived link to the kept copy (never the upload key, which a second PUT could replace). */
  downloadUrl(uploadKey: string, fileName: string): Promise<string>;
}

/** The largest file an upload may be (the presigned URL is signed for the declared size). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Stores the files posted with a form (the portal's, without JavaScript) as uploads and returns their
 * keys, in order. The keys come from the form's idempotency key and the files' content, so the same form
 * posted again names the same uploads (`postedUploadKey`). The caller has checked their types and sizes.
 */
export async function storePostedFiles(
  uploads: UploadStore,
  files: readonly PostedFile[],
  idempotencyKey: string,
): Promise<string[]> {
  const posted = files.map((file, index) => ({
    key: postedUploadKey(idempotencyKey, index, file.bytes),
    file,
  }));
  await Promise.all(posted.map(({ key, file }) => uploads.storePosted(key, file)));
  return posted.map(({ key }) => key);
}

/**
 * Takes the files named (`[path, uploadKey]`) into the record `owner` (e.g. `application/<id>`). Each is
 * claimed for `owner` (422 `upload-already-used` if another record holds it); a file newly claimed must
 * have been uploaded, be exactly the size its URL was signed for and within the limit (else 422
 * `unknown-upload` naming it), and is then copied to its kept key, which the record reads from then on.
 * A file `owner` took before (a retry, a new version of a draft) is not read again. If anything fails,
 * the claims made here are given back.
 */
export async function takeUploads(
  uploads: UploadStore,
  files: readonly (readonly [path: string, uploadKey: string])[],
  owner: string,
): Promise<void> {
  const claimed: (readonly [path: string, uploadKey: string])[] = [];
  try {
    const taken: FieldError[] = [];
    // Claimed side by side; every claim made is known (to give back) even when another one failed.
    const claims = await Promise.allSettled(files.map((file) => uploads.claim(file[1], owner)));
    for (const [index, claim] of claims.entries()) {
      const file = files[index];
      if (file === undefined || claim.status === 'rejected') continue;
      if (claim.value === 'taken')
        taken.push({
          path: file[0],
          message: 'is already attached to another record; upload the file again',
        });
      else if (claim.value === 'new') claimed.push(file);
    }
    const failed = claims.find((claim) => claim.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    if (taken.length > 0)
      throw new RuleViolationError('upload-already-used', 'A file is attached to another record.', taken);

    const stored = await Promise.all(claimed.map(([, key]) => uploads.inspect(key)));
    const errors: FieldError[] = [];
    for (const [index, [path]] of claimed.entries()) {
      const upload = stored[index];
      if (upload === undefined) errors.push({ path, message: 'was never uploaded (or has expired)' });
      else if (upload.size > MAX_UPLOAD_BYTES)
        errors.push({ path, message: `is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` });
      else if (upload.declaredSize !== upload.size)
        errors.push({
          path,
          message: `holds ${upload.size} bytes, not the ${upload.declaredSize ?? 'unknown number'} declared for its URL`,
        });
    }
    if (errors.length === 0) {
      const kept = await Promise.all(
        claimed.map(([, key], index) => uploads.keep(key, stored[index]?.etag ?? '')),
      );
      for (const [index, [path]] of claimed.entries())
        if (kept[index] !== true)
          errors.push({ path, message: 'changed while being attached; upload the file again' });
    }
    if (errors.length > 0)
      throw new RuleViolationError(
        'unknown-upload',
        'A file is missing, too large or not as declared.',
        errors,
      );
  } catch (error) {
    await Promise.all(claimed.map(([, key]) => uploads.release(key, owner)));
    throw error;
  }
}
