import {
  CreateTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  BucketAlreadyExists,
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { keys } from '#lib/adapters/keys';
import {
  archiveBucket,
  healthProbeKey,
  recordsTable,
  uploadsBucket,
  type TableDefinition,
} from '#lib/platform/resources';
import { marshall } from '@aws-sdk/util-dynamodb';

/**
 * Creates the local tables and buckets from the same definitions the CDK stack uses. Idempotent: an
 * on-disk local cloud keeps its tables between runs.
 */
export async function provisionTable(
  client: DynamoDBClient,
  table: TableDefinition,
): Promise<{ streamArn: string | undefined }> {
  const attributes = new Map<string, 'S' | 'N'>();
  for (const key of [
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]) {
    attributes.set(key.name, key.type);
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table.localName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
          AttributeName,
          AttributeType,
        })),
        KeySchema: [
          { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: table.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: table.indexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        ...(table.stream
          ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } }
          : {}),
      }),
    );
    if (table.timeToLiveAttribute !== null) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: table.localName,
          TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const description = await client.send(new DescribeTableCommand({ TableName: table.localName }));
  if (table.localName === recordsTable.localName) {
    await client.send(
      new PutItemCommand({
        TableName: table.localName,
        Item: { ...marshall(keys.healthProbe), purpose: { S: 'read by GET /v1/health' } },
      }),
    );
  }
  return { streamArn: description.Table?.LatestStreamArn };
}

export async function provisionBuckets(client: S3Client): Promise<void> {
  for (const bucket of [archiveBucket, uploadsBucket]) {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket.localName }));
    } catch (error) {
      if (!(error instanceof BucketAlreadyOwnedByYou || error instanceof BucketAlreadyExists)) throw error;
      // s3rver answers BucketAlreadyExists for a bucket we created on an earlier run (it has no owners):
      // it is ours when our credentials can open it, which HeadBucket checks (it fails otherwise).
      await client.send(new HeadBucketCommand({ Bucket: bucket.localName }));
    }
  }
  await client.send(
    new PutObjectCommand({
      Bucket: archiveBucket.localName,
      Key: healthProbeKey,
      Body: JSON.stringify({ purpose: 'read by GET /v1/health' }),
      ContentType: 'application/json',
    }),
  );
}
