import { UPLOAD_CONTENT_TYPES } from '#lib/use-cases/uploads';
import { MAX_UPLOAD_BYTES, type PostedFile } from '#lib/use-cases/uploads';
import type { Translate } from './messages/catalogue';

/**
 * Files posted with a portal form (the apply form, the supplement), which works without JavaScript: what
 * the form may carry, the files chosen checked against it, and the problems in the reader's words.
 *
 * The uploads' own limits (types, `MAX_UPLOAD_BYTES` each), and, because the whole form travels in one
 * request, Lambda's: a request body of at most 6 MB once base64-encoded, event and headers included. So
 * the form's files may come to 4 MB together, and a body larger than a Lambda can be given is refused whole.
 */
export const FORM_FILES = {
  maxCount: 10,
  maxTotalBytes: 4 * 1024 * 1024,
} as const;
const LAMBDA_REQUEST_BYTES = 6 * 1024 * 1024;
/** Room for the event around the body (headers, cookies, request context). */
const EVENT_ALLOWANCE_BYTES = 64 * 1024;
export const MAX_FORM_BODY_BYTES = Math.floor(((LAMBDA_REQUEST_BYTES - EVENT_ALLOWANCE_BYTES) * 3) / 4);

/** The file types the uploads take, by the extension a browser may send without a type (`.ofd`). */
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number];
const BY_EXTENSION: Readonly<Record<string, UploadContentType>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ofd: 'application/ofd',
  txt: 'text/plain',
};
export const ACCEPTED_FILES = Object.keys(BY_EXTENSION)
  .map((extension) => `.${extension}`)
  .join(',');

export function contentTypeOf(file: { name: string; type: string }): UploadContentType | undefined {
  const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = UPLOAD_CONTENT_TYPES.find((type) => type === declared);
  if (known !== undefined) return known;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/** `4 MB`, `1.2 MB`, `350 KB`. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${String(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

const FILE_REASONS = ['type', 'tooLarge', 'tooMany', 'notStored'] as const;

/** What is wrong with the files chosen (the forms' file field is `attachments`); `notStored`: a refusal. */
export type FileProblem = {
  readonly field: 'attachments';
  readonly reason: (typeof FILE_REASONS)[number];
  /** Placeholders of the message (a file's name, sizes). */
  readonly values?: Readonly<Record<string, string | number>>;
};

export const isFileProblem = (problem: {
  readonly field: string;
  readonly reason: string;
}): problem is FileProblem =>
  problem.field === 'attachments' && FILE_REASONS.some((reason) => reason === problem.reason);

/**
 * The files chosen, checked against the uploads' types and the form's limits, then read (only when all
 * of them may be taken).
 */
export async function readFiles(
  chosen: readonly File[],
): Promise<{ files: PostedFile[]; problems: [] } | { files: undefined; problems: FileProblem[] }> {
  const problems: FileProblem[] = [];
  const typed = chosen.map((file) => ({ file, contentType: contentTypeOf(file) }));
  const total = chosen.reduce((sum, file) => sum + file.size, 0);
  if (chosen.length > FORM_FILES.maxCount)
    problems.push({ field: 'attachments', reason: 'tooMany', values: { count: FORM_FILES.maxCount } });
  const untyped = typed.find(({ contentType }) => contentType === undefined);
  if (untyped !== undefined)
    problems.push({ field: 'attachments', reason: 'type', values: { name: untyped.file.name } });
  if (total > FORM_FILES.maxTotalBytes || chosen.some((file) => file.size > MAX_UPLOAD_BYTES))
    problems.push({
      field: 'attachments',
      reason: 'tooLarge',
      values: { total: sizeText(total), size: sizeText(FORM_FILES.maxTotalBytes) },
    });
  if (problems.length > 0) return { files: undefined, problems };
  const files = await Promise.all(
    typed.flatMap(({ file, contentType }) =>
      contentType === undefined
        ? []
        : [file.arrayBuffer().then((buffer) => ({ contentType, bytes: new Uint8Array(buffer) }))],
    ),
  );
  return { files, problems: [] };
}

/** A refusal of the files by the uploads (missing, or claimed by another record): choose them again. */
export const isFilesRefusal = (code: string): boolean =>
  code === 'unknown-upload' || code === 'upload-already-used';

/** A file problem in the reader's language. */
export const fileMessage = (t: Translate, problem: FileProblem): string =>
  t(`common.files.${problem.reason}`, problem.values);
