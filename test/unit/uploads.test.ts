import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '#lib/domain/errors';
import { MAX_UPLOAD_BYTES, takeUploads } from '#lib/use-cases/uploads';
import { anUploadKey } from '#test/support/factories';
import { InMemoryUploadStore } from '#test/support/fakes/upload-store';

/** Issue 12, point 3: an upload is taken once, as declared, and its kept copy is what the record reads. */
describe('taking uploads into a record', () => {
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof RuleViolationError))
      throw new Error(`expected a rule violation, got ${String(error)}`);
    return { code: error.code, errors: error.errors };
  };

  it('a file of the size declared is claimed and kept', async () => {
    const uploads = new InMemoryUploadStore();
    const key = uploads.put(anUploadKey(1), 10);
    await takeUploads(uploads, [['body.attachments.0', key]], 'application/A');
    expect([...uploads.referenced]).toEqual([key]);
    expect(await uploads.claim(key, 'application/A')).toBe('mine');
  });

  it('a file larger than its URL declared is 422 unknown-upload naming it, and stays free', async () => {
    const uploads = new InMemoryUploadStore();
    const key = uploads.put(anUploadKey(1), 5 * 1024 * 1024, 10);
    expect(await refusal(takeUploads(uploads, [['body.attachments.0', key]], 'application/A'))).toEqual({
      code: 'unknown-upload',
      errors: [
        { path: 'body.attachments.0', message: 'holds 5242880 bytes, not the 10 declared for its URL' },
      ],
    });
    expect(uploads.referenced.size).toBe(0);
    expect(await uploads.claim(key, 'application/B')).toBe('new');
  });

  it('a file over the limit, or without a declared size, is refused', async () => {
    const uploads = new InMemoryUploadStore();
    const big = uploads.put(anUploadKey(1), MAX_UPLOAD_BYTES + 1);
    const undeclared = anUploadKey(2);
    uploads.put(undeclared, 10);
    await uploads.inspect(undeclared).then((stored) => {
      if (stored !== undefined) stored.declaredSize = undefined;
    });
    expect(
      await refusal(
        takeUploads(
          uploads,
          [
            ['a', big],
            ['b', undeclared],
          ],
          'application/A',
        ),
      ),
    ).toEqual({
      code: 'unknown-upload',
      errors: [
        { path: 'a', message: 'is larger than 20 MB' },
        { path: 'b', message: 'holds 10 bytes, not the unknown number declared for its URL' },
      ],
    });
  });

  it('a file another record took is 422 upload-already-used naming it; the claims made meanwhile are given back', async () => {
    const uploads = new InMemoryUploadStore();
    const taken = uploads.put(anUploadKey(1));
    const free = uploads.put(anUploadKey(2));
    await takeUploads(uploads, [['x', taken]], 'application/A');
    expect(
      await refusal(
        takeUploads(
          uploads,
          [
            ['body.attachments.0', free],
            ['body.attachments.1', taken],
          ],
          'application/B',
        ),
      ),
    ).toEqual({
      code: 'upload-already-used',
      errors: [
        {
          path: 'body.attachments.1',
          message: 'is already attached to another record; upload the file again',
        },
      ],
    });
    expect(await uploads.claim(free, 'application/C')).toBe('new');
  });

  it('the record that took a file may name it again without reading the upload key again', async () => {
    const uploads = new InMemoryUploadStore();
    const key = uploads.put(anUploadKey(1), 10);
    await takeUploads(uploads, [['a', key]], 'submission/S');
    uploads.put(key, 5 * 1024 * 1024, 10); // a second PUT to the same URL
    uploads.referenced.clear();
    await takeUploads(uploads, [['a', key]], 'submission/S');
    expect(uploads.referenced.size).toBe(0);
  });

  it('a file replaced between its check and its copy is refused and given back', async () => {
    const uploads = new InMemoryUploadStore();
    const key = uploads.put(anUploadKey(1), 10);
    const swapping: typeof uploads = Object.assign(Object.create(uploads) as InMemoryUploadStore, {
      inspect: async (uploadKey: string) => {
        const stored = await uploads.inspect(uploadKey);
        uploads.put(uploadKey, 10);
        return stored;
      },
    });
    expect(await refusal(takeUploads(swapping, [['a', key]], 'application/A'))).toEqual({
      code: 'unknown-upload',
      errors: [{ path: 'a', message: 'changed while being attached; upload the file again' }],
    });
    expect(await uploads.claim(key, 'application/B')).toBe('new');
  });

  it('a failure of the store gives the claims back and is rethrown', async () => {
    const uploads = new InMemoryUploadStore();
    const missing = anUploadKey(1);
    const broken: typeof uploads = Object.assign(Object.create(uploads) as InMemoryUploadStore, {
      inspect: async () => ({ size: 10, declaredSize: 10, etag: '"x"' }),
    });
    await expect(takeUploads(broken, [['a', missing]], 'application/A')).rejects.toThrow('NoSuchKey');
    expect(await uploads.claim(missing, 'application/B')).toBe('new');
  });
});
