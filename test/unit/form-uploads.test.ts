import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3Uploads } from '#lib/adapters/s3-uploads';
import { postedUploadKey, UploadKey } from '#lib/domain/upload-key';
import { submitApplication } from '#lib/use-cases/applications/applicant';
import { applicationReceipt, applyWithForm } from '#lib/use-cases/applications/form-receipt';
import { storePostedFiles, takeUploads } from '#lib/use-cases/uploads';
import { anAgency, anOnlineApplication, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld } from '#test/support/fakes';

/**
 * Files posted with the portal's form become uploads exactly as presigned ones do (issue 13: apply
 * without JavaScript), and the form's application is idempotent on the form's own key.
 */
const bytes = (text: string) => new TextEncoder().encode(text);

describe('the key of a file posted with a form', () => {
  it('is an upload key, the same for the same form, place and content, and another otherwise', () => {
    const key = postedUploadKey('form-key', 0, bytes('%PDF'));
    expect(UploadKey.safeParse(key).success).toBe(true);
    expect(key).toMatch(/^incoming\/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(postedUploadKey('form-key', 0, bytes('%PDF'))).toBe(key);
    expect(postedUploadKey('form-key', 1, bytes('%PDF'))).not.toBe(key);
    expect(postedUploadKey('other-key', 0, bytes('%PDF'))).not.toBe(key);
    expect(postedUploadKey('form-key', 0, bytes('%PDF-1'))).not.toBe(key);
  });
});

describe('the uploads adapter stores a posted file as a presigned upload would have put it', () => {
  it('PUTs it under its upload key with its type, the pending tag and its size as the declared size', async () => {
    const requests: { method: string; path: string; headers: Record<string, string>; body: unknown }[] = [];
    const client = new S3Client({
      region: 'cn-north-1',
      endpoint: 'http://s3.test',
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      requestHandler: {
        handle: async (request: {
          method: string;
          path: string;
          headers: Record<string, string>;
          body: unknown;
        }) => {
          requests.push(request);
          return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from('')]) } };
        },
      },
    });
    const key = postedUploadKey('k', 0, bytes('%PDF-1.4'));
    await new S3Uploads(client, 'uploads').storePosted(key, {
      contentType: 'application/pdf',
      bytes: bytes('%PDF-1.4'),
    });
    const [put] = requests;
    expect(put?.method).toBe('PUT');
    expect(put?.path).toBe(`/uploads/${key}`);
    expect(put?.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': '8',
      'x-amz-tagging': 'gongkai-state=pending',
      'x-amz-meta-declared-size': '8',
    });
    expect(Buffer.from(put?.body as Uint8Array).toString()).toBe('%PDF-1.4');
  });

  it('in memory too: a stored file is taken into a record like any upload, and its copy kept', async () => {
    const world = inMemoryWorld();
    const [key = ''] = await storePostedFiles(
      world.uploads,
      [{ contentType: 'application/pdf', bytes: bytes('%PDF') }],
      'idempotency',
    );
    await takeUploads(world.uploads, [['body.attachments.0', key]], 'application/A');
    expect([...world.uploads.referenced]).toEqual([key]);
    // Stored again (the same form sent twice): the same object, still the one kept.
    await storePostedFiles(
      world.uploads,
      [{ contentType: 'application/pdf', bytes: bytes('%PDF') }],
      'idempotency',
    );
    expect(await world.uploads.keep(key, (await world.uploads.inspect(key))?.etag ?? '')).toBe(true);
  });
});

describe('applying with the form', () => {
  const form = (formKey: string) => {
    const { attachments: _none, ...input } = anOnlineApplication();
    return { input, files: [{ contentType: 'application/pdf', bytes: bytes('%PDF') }], formKey };
  };

  it('is one application per form key, and the code is answered until the receipt has shown it', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const now = cst('2026-09-28');
    const first = await applyWithForm(world.applicationDeps, 'ag-city', form('key-1'), now);
    expect(first).toEqual({ trackingNumber: '2026-TEST-0001', accessToken: 'token-1' });
    expect(await applyWithForm(world.applicationDeps, 'ag-city', form('key-1'), now)).toEqual(first);

    const receipt = await applicationReceipt(world.applicationDeps, '2026-TEST-0001', 'token-1', true, now);
    expect(receipt).toMatchObject({
      tokenShown: true,
      attachments: 1,
      confirmBy: '2026-10-08',
      dueDate: null,
    });
    expect(
      (await applicationReceipt(world.applicationDeps, '2026-TEST-0001', 'token-1', true, now)).tokenShown,
    ).toBe(false);
    expect(await applyWithForm(world.applicationDeps, 'ag-city', form('key-1'), now)).toEqual({
      trackingNumber: '2026-TEST-0001',
      accessToken: null,
    });
    expect((await applyWithForm(world.applicationDeps, 'ag-city', form('key-2'), now)).trackingNumber).toBe(
      '2026-TEST-0002',
    );
  });

  it('binds the form’s key to the platform: the API cannot replay it to have the code answered again', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const now = cst('2026-09-28');
    const applied = await applyWithForm(world.applicationDeps, 'ag-city', form('key-1'), now);
    const { input, files } = form('key-1');
    const attachments = await storePostedFiles(world.uploads, files, 'key-1');
    const throughTheApi = await submitApplication(
      world.applicationDeps,
      'ag-city',
      { ...input, attachments },
      'key-1',
      now,
    );
    expect(throughTheApi.trackingNumber).not.toBe(applied.trackingNumber);
    expect(throughTheApi.accessToken).not.toBe(applied.accessToken);
  });

  it('the receipt is for the holder of the access token only', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const now = cst('2026-09-28');
    await applyWithForm(world.applicationDeps, 'ag-city', form('key-1'), now);
    await expect(
      applicationReceipt(world.applicationDeps, '2026-TEST-0001', 'token-2', true, now),
    ).rejects.toThrow(/no application with this tracking number and access token/);
    expect(await world.applications.tokenShown('2026-TEST-0001')).toBe(false);
  });
});
