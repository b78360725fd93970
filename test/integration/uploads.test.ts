import { beforeAll, describe, expect, it } from 'vitest';
import {
  anAgencyWithStaff,
  anApplicant,
  anInformationRequest,
  api,
  archivedObjects,
  aRegisteredApplication,
  drainStream,
} from '#test/support/api';

/**
 * Issue 12, point 3: an upload cannot be oversized, swapped after it is referenced, or referenced twice.
 */
describe('uploads that cannot be oversized, swapped or reused', () => {
  let agency: Awaited<ReturnType<typeof anAgencyWithStaff>>;
  beforeAll(async () => {
    agency = await anAgencyWithStaff();
  });

  const presign = async (size: number) => {
    const upload = await api('POST', '/v1/uploads', {
      body: { contentType: 'application/pdf', size, fileName: '材料.pdf' },
    });
    expect(upload.status).toBe(201);
    return upload.json as { uploadKey: string; url: string; headers: Record<string, string> };
  };
  const put = (upload: { url: string; headers: Record<string, string> }, body: string | Buffer) =>
    fetch(upload.url, {
      method: 'PUT',
      headers: upload.headers,
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const submit = (attachments: string[]) =>
    api('POST', `/v1/agencies/${agency.agencyId}/applications`, {
      now: '2026-09-28T02:00:00Z',
      body: { applicant: anApplicant(), request: anInformationRequest(), attachments },
    });

  it('a 5 MB body under a URL declared for 10 bytes is refused at reference, naming the file and both sizes', async () => {
    const upload = await presign(10);
    // S3 refuses this PUT (the URL signs content-length: see the adapter's unit test). s3rver does not
    // verify SigV4 signatures at all (node_modules/s3rver/lib/middleware/authentication.js: "Signature
    // version 4 calculation is unimplemented"), so locally the body goes up, and the check at reference
    // is what protects.
    const oversized = await put(upload, Buffer.alloc(5 * 1024 * 1024, 0x41));
    expect(oversized.status).toBe(200);
    const refused = await submit([upload.uploadKey]);
    expect(refused.status).toBe(422);
    expect(refused.json.type).toBe('urn:gongkai:problem:unknown-upload');
    expect(refused.json.errors).toEqual([
      { path: 'body.attachments.0', message: 'holds 5242880 bytes, not the 10 declared for its URL' },
    ]);
    // The refusal left the upload free: the declared 10 bytes, put again, are accepted.
    expect((await put(upload, '0123456789')).status).toBe(200);
    expect((await submit([upload.uploadKey])).status).toBe(201);
  });

  it('one upload is accepted by one application only: the second is 422 naming it', async () => {
    const upload = await presign(10);
    expect((await put(upload, '0123456789')).status).toBe(200);
    expect((await submit([upload.uploadKey])).status).toBe(201);
    const second = await submit([upload.uploadKey]);
    expect(second.status).toBe(422);
    expect(second.json.type).toBe('urn:gongkai:problem:upload-already-used');
    expect(second.json.errors).toEqual([
      { path: 'body.attachments.0', message: 'is already attached to another record; upload the file again' },
    ]);
  });

  it('a second PUT to the URL after the decision references the file changes neither the download nor the archive', async () => {
    const upload = await presign(10);
    expect((await put(upload, 'ORIGINAL..')).status).toBe(200);
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
    );
    const decided = await api(
      'POST',
      `/v1/agencies/${agency.agencyId}/applications/${trackingNumber}/decision`,
      {
        token: agency.tokens.clerk,
        now: '2026-10-09T02:00:00Z',
        body: {
          outcome: 'partially_disclosed',
          withheldBecause: 'third_party_rights',
          releasedFiles: [{ uploadKey: upload.uploadKey, name: '部分公开材料.pdf' }],
          legalBasis: '《条例》第三十七条',
          reasons: '涉及第三方商业秘密的部分不予公开',
        },
      },
    );
    expect(decided.status).toBe(200);
    // The URL is still valid for its 15 minutes: the swap goes up, and nothing the case reads changes.
    expect((await put(upload, 'SWAPPED!!!')).status).toBe(200);
    await drainStream();
    const page = await api('GET', `/v1/applications/${trackingNumber}`, {
      headers: { 'x-access-token': accessToken },
    });
    expect(page.json.decision.files[0].url).not.toContain(upload.uploadKey);
    expect(await (await fetch(page.json.decision.files[0].url)).text()).toBe('ORIGINAL..');
    const archived = await archivedObjects(
      `agency=${agency.agencyId}/year=2026/application/${trackingNumber}/`,
    );
    const released = archived.filter((object) => object.key.includes('/released-1-'));
    expect(released.map((object) => object.body)).toEqual(['ORIGINAL..']);
  });
});
