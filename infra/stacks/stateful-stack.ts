import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, StreamViewType, TableV2, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { logBucket } from '../constructs/log-bucket';
import { STAFF_POOL_CLIENT } from '../constructs/staff-identity';
import { contextText, type DeploymentProfile } from '../profile';
import { ROLES } from '#lib/domain/staff';
import { INCOMING_PREFIX } from '#lib/domain/upload-key';
import {
  archiveBucket,
  archiveRetentionYears,
  recordsTable,
  uploadsBucket,
  uploadsPendingExpiryDays,
  uploadsPendingTag,
  type KeyAttribute,
} from '#lib/platform/resources';

const attributeType = (key: KeyAttribute) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * Stateful resources, kept apart from the stateless API so they can be retained and protected: the
 * Records table, the archive and uploads buckets, and the staff user pool.
 */
export class StatefulStack extends Stack {
  readonly table: ITableV2;
  readonly archiveBucket: IBucket;
  readonly uploadsBucket: IBucket;
  /** The staff user pool and the API's client of it: the global profile only (china has no user pools). */
  readonly userPool: UserPool | undefined;
  readonly staffClient: UserPoolClient | undefined;
  readonly applicantKey: Secret;

  constructor(scope: Construct, id: string, props: StackProps & { profile: DeploymentProfile }) {
    super(scope, id, props);

    const records = new TableV2(this, 'Records', {
      partitionKey: attributeType(recordsTable.partitionKey),
      sortKey: attributeType(recordsTable.sortKey),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: recordsTable.timeToLiveAttribute,
      globalSecondaryIndexes: recordsTable.indexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attributeType(index.partitionKey),
        sortKey: attributeType(index.sortKey),
      })),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = restoredRecords(this) ?? records;

    const accessLogs = logBucket(this, 'AccessLogs', 'bucket-policy');

    this.archiveBucket = new Bucket(this, 'Archive', {
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Governance mode: records cannot be altered or deleted for ten years, except by a deliberately
      // privileged principal (s3:BypassGovernanceRetention) — the escape hatch a court order may need.
      objectLockDefaultRetention: ObjectLockRetention.governance(Duration.days(365 * archiveRetentionYears)),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${archiveBucket.localName}/`,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.uploadsBucket = new Bucket(this, 'Uploads', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${uploadsBucket.localName}/`,
      // Browsers upload and download through presigned URLs only.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'expire-unreferenced-uploads',
          // Only uploads waiting to be referenced: a record's kept copy (`kept/…`) is never expired.
          prefix: INCOMING_PREFIX,
          tagFilters: { [uploadsPendingTag.key]: uploadsPendingTag.value },
          expiration: Duration.days(uploadsPendingExpiryDays),
        },
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The key of the keyed hash of applicants' identity numbers. Never rotated: earlier applicants must
    // keep matching (a rotation would need a re-keying of every history entry).
    this.applicantKey = new Secret(this, 'ApplicantKey', {
      description: 'Gongkai: HMAC key for applicant identity numbers',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.applicantKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this HMAC key would break matching of earlier applicants; it is read-only to two functions.',
    });

    if (props.profile.identity === 'cognito') {
      const { userPool, staffClient } = staffUserPool(this);
      this.userPool = userPool;
      this.staffClient = staffClient;
    }
  }
}

/** Cognito's user pool of staff accounts, one group per role, and the API's app client. */
function staffUserPool(scope: Construct): { userPool: UserPool; staffClient: UserPoolClient } {
  const userPool = new UserPool(scope, 'StaffPool', {
    selfSignUpEnabled: false,
    // Username = our staff id (so the ID token's cognito:username is it); staff sign in with e-mail.
    signInAliases: { username: true, email: true },
    signInCaseSensitive: false,
    customAttributes: { agencyId: new StringAttribute({ minLen: 3, maxLen: 40, mutable: false }) },
    mfa: Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    passwordPolicy: {
      minLength: 12,
      requireDigits: true,
      requireLowercase: true,
      requireUppercase: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(userPool).acknowledge({
    id: 'AwsSolutions-COG8',
    reason:
      'The Plus feature plan (threat protection) is a per-user cost left to each deployment; MFA is required instead.',
  });
  Validations.of(userPool).acknowledge({
    id: 'AwsSolutions-COG3',
    reason:
      'Threat protection (advanced security) needs the Plus feature plan; MFA is required for every staff account instead.',
  });

  // One group per role: Cognito puts them in the ID token's cognito:groups claim.
  for (const role of ROLES) {
    new CfnUserPoolGroup(scope, `Group-${role}`, {
      userPoolId: userPool.userPoolId,
      groupName: role,
      description: `Gongkai role ${role}`,
    });
  }

  const staffClient = userPool.addClient('StaffClient', {
    authFlows: { userSrp: true },
    generateSecret: false,
    // Staff sign in with SRP from our own front end; no hosted-UI OAuth flows, no placeholder callbacks.
    disableOAuth: true,
    ...STAFF_POOL_CLIENT,
  });
  return { userPool, staffClient };
}

/**
 * The table restored from point-in-time recovery that the functions should use instead of `Records`
 * (README, "Restoring the records"): `-c gongkai:recordsTableName=… -c gongkai:recordsStreamArn=…`. The
 * original stays, retained, beside it.
 */
function restoredRecords(scope: Construct): ITableV2 | undefined {
  const tableName = contextText(scope.node, 'gongkai:recordsTableName');
  const tableStreamArn = contextText(scope.node, 'gongkai:recordsStreamArn');
  if (tableName === undefined && tableStreamArn === undefined) return undefined;
  if (tableName === undefined || tableStreamArn === undefined) {
    throw new Error('Context gongkai:recordsTableName and gongkai:recordsStreamArn go together');
  }
  return TableV2.fromTableAttributes(scope, 'RestoredRecords', {
    tableName,
    tableStreamArn,
    grantIndexPermissions: true,
  });
}
