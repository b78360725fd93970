import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BaseConfig } from '#lib/config';
import { bounded } from './bounded-calls';
import { traced } from './traced';

/**
 * The DynamoDB client, built once per cold start from config (only the endpoint differs in the local cloud).
 * The S3 client has a module of its own (`s3-client.ts`): a function that needs one client bundles no other.
 */
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
