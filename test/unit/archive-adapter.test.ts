import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3Archive } from '#lib/adapters/s3-archive';

/** What the archive adapter puts on the wire, captured by a request handler (no network). */
function capturingClient(status = 200) {
  const requests: { method: string; headers: Record<string, string> }[] = [];
  const client = new S3Client({
    region: 'cn-north-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    requestHandler: {
      handle: async (request: { method: string; headers: Record<string, string> }) => {
        requests.push({ method: request.method, headers: request.headers });
        const body =
          status === 412 ? '<Error><Code>PreconditionFailed</Code><Message>exists</Message></Error>' : '';
        return { response: { statusCode: status, headers: {}, body: Readable.from([Buffer.from(body)]) } };
      },
    },
  });
  return { client, requests };
}

describe('the archive adapter', () => {
  it('sends a SHA-256 checksum (Object Lock requires one) and writes only if absent', async () => {
    const { client, requests } = capturingClient();
    await new S3Archive(client, 'archive').put('a/b.json', '{"x":1}');
    const headers = requests[0]?.headers ?? {};
    expect(headers['x-amz-checksum-sha256']).toBe('UEG/H3E98gR4Q1PoL2pKU1kxy2Tx9LSlrq/8tyCRiyI=');
    expect(headers['if-none-match']).toBe('*');
  });

  it('takes 412 (already archived) as success', async () => {
    const { client } = capturingClient(412);
    await expect(new S3Archive(client, 'archive').put('a/b.json', '{"x":1}')).resolves.toBeUndefined();
  });
});
