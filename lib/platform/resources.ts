/**
 * The stateful resources, defined once. The CDK stack (`infra/`), the local cloud (`infra/local/`) and the
 * adapters (`lib/adapters/`) all read these definitions, so the cloud and the local stand-in cannot drift.
 */

export type KeyAttribute = { readonly name: string; readonly type: 'S' | 'N' };
export type IndexDefinition = {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  /** What the index serves, in one line (it is the reason the index exists). */
  readonly serves: string;
};
export type TableDefinition = {
  /** Name of the table in the local cloud; in AWS, CloudFormation names it and functions get it from env. */
  readonly localName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly indexes: readonly IndexDefinition[];
  readonly stream: 'NEW_AND_OLD_IMAGES' | null;
  readonly timeToLiveAttribute: string | null;
};

/**
 * The Records table: single-table design. Each case (agency, application, submission, …) is an item
 * collection: the case item and its timeline events (`EVENT#…`) under one partition key.
 */
export const recordsTable = {
  localName: 'gongkai-records',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    {
      indexName: 'byAgencyState',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      serves: 'listings by owner and state: the agency directory, work queues by due date, the reading room',
    },
    {
      indexName: 'byDueDay',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      serves: 'the sweep: items with a running clock, by the CST day it runs out (sparse)',
    },
  ],
  stream: 'NEW_AND_OLD_IMAGES',
  timeToLiveAttribute: 'expiresAt',
} as const satisfies TableDefinition;

export type IndexName = (typeof recordsTable.indexes)[number]['indexName'];

export type BucketDefinition = {
  readonly localName: string;
  readonly purpose: string;
};

/** Immutable records: every state change, decision letter, published document and annual report. */
export const archiveBucket = {
  localName: 'gongkai-archive',
  purpose: 'immutable archive of every record, hash-chained per case',
} as const satisfies BucketDefinition;

/** Attachments, uploaded and downloaded through short-lived presigned URLs. */
export const uploadsBucket = {
  localName: 'gongkai-uploads',
  purpose: 'attachments going up and down through presigned URLs',
} as const satisfies BucketDefinition;

/** Uploads carry this tag until a record references them; the lifecycle rule expires the rest. */
export const uploadsPendingTag = { key: 'gongkai-state', value: 'pending' } as const;
export const uploadsPendingExpiryDays = 2;

/** Archive retention under S3 Object Lock (governance mode), in years. */
export const archiveRetentionYears = 10;

/** The object the health check reads in the archive. */
export const healthProbeKey = 'system/health-probe.json';
