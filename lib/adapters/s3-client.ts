import { S3Client } from '@aws-sdk/client-s3';
import type { BaseConfig } from '#lib/config';
import { bounded } from './bounded-calls';
import { traced } from './traced';

/** The S3 client, built once per cold start from config (the local cloud's s3rver wants path-style URLs). */
export function createS3Client(config: BaseConfig): S3Client {
  return traced(
    new S3Client({
      ...bounded,
      region: config.region,
      ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
      forcePathStyle: config.s3ForcePathStyle,
      // Checksums only where S3 requires them: emulators store aws-chunked framing otherwise, and the
      // integrity we rely on is our own SHA-256 hash chain.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
  );
}
