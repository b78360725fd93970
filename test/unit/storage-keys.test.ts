import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3Uploads } from '#lib/adapters/s3-uploads';
import { archiveKeys } from '#lib/domain/archive-keys';
import { keptKeyOf, newUploadKey, UploadKey, uploadIdOf } from '#lib/domain/upload-key';

const uuid = '0d9b1f9e-1234-4abc-8def-0123456789ab';

describe('upload keys', () => {
  it('a new upload goes under incoming/, and its id is the UUID', () => {
    const key = newUploadKey(uuid);
    expect(key).toBe(`incoming/${uuid}`);
    expect(uploadIdOf(key)).toBe(uuid);
  });

  it('a referenced upload is kept under kept/, outside the prefix the lifecycle rule expires', () => {
    expect(keptKeyOf(newUploadKey(uuid))).toBe(`kept/${uuid}`);
  });

  it('only keys made for uploads are accepted as upload keys', () => {
    expect(UploadKey.safeParse(`incoming/${uuid}`).success).toBe(true);
    expect(UploadKey.safeParse(`archive/incoming/${uuid}`).success).toBe(false);
    expect(UploadKey.safeParse(`incoming/${uuid}/../x`).success).toBe(false);
  });
});

describe('archive keys', () => {
  const application = { agencyId: 'ag1', id: 'GK2026000001', decidedOn: '2026-03-04' };
  const publication = { agencyId: 'ag1', publicationId: 'pub1', publishedOn: '2027-05-06', version: 3 };

  it('files every record under agency=<id>/year=<yyyy>/<kind>/<id>/', () => {
    expect(archiveKeys.event({ agencyId: 'ag1', kind: 'complaint', id: 'c1' }, 2026, 12)).toBe(
      'agency=ag1/year=2026/complaint/c1/events/00000012.json',
    );
    expect(archiveKeys.decisionLetter(application, 7)).toBe(
      'agency=ag1/year=2026/application/GK2026000001/decision-letter-v7.html',
    );
    expect(archiveKeys.annualReport('ag1', 2033, 2)).toBe(
      'agency=ag1/year=2033/annual_report/2033/edition-2',
    );
    expect(archiveKeys.publicationDocument(publication)).toBe(
      'agency=ag1/year=2027/publication/pub1/v3/document.json',
    );
  });

  it('names archived copies of uploads by their place and the upload id', () => {
    expect(archiveKeys.releasedFile(application, 0, newUploadKey(uuid))).toBe(
      `agency=ag1/year=2026/application/GK2026000001/released-1-${uuid}`,
    );
    expect(archiveKeys.publicationFile(publication, 'attachment', 1, newUploadKey(uuid))).toBe(
      `agency=ag1/year=2027/publication/pub1/v3/attachment-2-${uuid}`,
    );
  });
});

describe('the presigned upload URL (issue 12, point 3)', () => {
  it('signs the declared length, type, tag and declared size, so S3 refuses any other body', async () => {
    const client = new S3Client({
      region: 'cn-north-1',
      endpoint: 'http://s3.test',
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const { uploadKey, url, headers } = await new S3Uploads(client, 'uploads').presignUpload(
      'application/pdf',
      10,
    );
    expect(uploadKey).toMatch(/^incoming\/[0-9a-f-]{36}$/);
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;x-amz-meta-declared-size;x-amz-tagging',
    );
    expect(headers).toEqual({
      'content-type': 'application/pdf',
      'x-amz-tagging': 'gongkai-state=pending',
      'x-amz-meta-declared-size': '10',
    });
  });
});
