import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { BaseConfig } from '#lib/config';
import { SERVICE_NAME } from '#lib/platform/metrics';
import { SDK_TIMEOUTS } from '#lib/platform/timeouts';

/** Each call fails in time for the function to answer first (lib/platform/timeouts.ts). */
const bounded = {
  maxAttempts: SDK_TIMEOUTS.maxAttempts,
  requestHandler: {
    connectionTimeout: SDK_TIMEOUTS.connectionTimeoutMs,
    requestTimeout: SDK_TIMEOUTS.requestTimeoutMs,
  },
} as const;

/**
 * X-Ray: every call of these clients is a subsegment of the invocation's trace (Lambda's active tracing
 * makes the segment). Only the SDK clients are traced, not every outgoing HTTP request, so the cold start
 * pays for one import and no global patching. Outside Lambda (tests, the local cloud) the tracer is off and
 * hands the client back unchanged.
 */
const tracer = new Tracer({ serviceName: SERVICE_NAME, captureHTTPsRequests: false });

/** A client whose calls appear in the invocation's trace. */
export const traced = <Client>(client: Client): Client => tracer.captureAWSv3Client(client);

/** SDK clients, built once per cold start from config. Only the endpoints differ in the local cloud. */
export function createDocumentClient(config: BaseConfig): DynamoDBDocumentClient {
  const client = traced(
    new DynamoDBClient({
      ...bounded,
      region: config.region,
      ...(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
    }),
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

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
