import { randomUUID } from 'node:crypto';
import type { AttachedFile } from '#lib/domain/submission/submission';
import { newUploadKey } from '#lib/domain/upload-key';
import type { PostedFile, UploadStore } from '#lib/use-cases/uploads';
import { FORM_FILES, readFiles, sizeText, type FileProblem } from '../../posted-files';

/**
 * Files posted with a console form (the editor's attachments and material, the secrecy review's redacted
 * files), which works without JavaScript: checked by field against the uploads' types and the form's
 * limits (4 MB together), then stored where a presigned upload would have put them, with their names.
 */
export type NamedFile = { readonly name: string; readonly file: PostedFile };

/** A problem of the files of `field`. */
export type PostedFileProblem<F extends string> = Omit<FileProblem, 'field'> & { readonly field: F };

/** The files chosen in each field, read; or the problems, each on its field (the total on the first). */
export async function readPostedFiles<F extends string>(
  chosen: Readonly<Record<F, readonly File[]>>,
): Promise<
  { files: Record<F, NamedFile[]>; problems: [] } | { files: undefined; problems: PostedFileProblem<F>[] }
> {
  const fields = Object.keys(chosen) as F[];
  const problems: PostedFileProblem<F>[] = [];
  const files = {} as Record<F, NamedFile[]>;
  const total = fields.reduce(
    (sum, field) => sum + chosen[field].reduce((size, file) => size + file.size, 0),
    0,
  );
  for (const field of fields) {
    const read = await readFiles(chosen[field]);
    if (read.files === undefined) problems.push(...read.problems.map((problem) => ({ ...problem, field })));
    else files[field] = read.files.map((file, index) => ({ name: nameOf(chosen[field][index]), file }));
  }
  const [first] = fields;
  if (
    total > FORM_FILES.maxTotalBytes &&
    first !== undefined &&
    !problems.some((p) => p.reason === 'tooLarge')
  )
    problems.push({
      field: first,
      reason: 'tooLarge',
      values: { total: sizeText(total), size: sizeText(FORM_FILES.maxTotalBytes) },
    });
  return problems.length > 0 ? { files: undefined, problems } : { files, problems: [] };
}

/** A file's name as a record keeps it: its last path part, without control characters, at most 200. */
function nameOf(file: File | undefined): string {
  const base = (file?.name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean === '' ? 'file' : clean).slice(0, 200);
}

/** Stores the files as uploads (fresh random keys: nobody else can name them), as attached files. */
export async function storeNamedFiles(
  uploads: UploadStore,
  files: readonly NamedFile[],
): Promise<AttachedFile[]> {
  return Promise.all(
    files.map(async (named) => {
      const uploadKey = newUploadKey(randomUUID());
      await uploads.storePosted(uploadKey, named.file);
      return { uploadKey, name: named.name };
    }),
  );
}
