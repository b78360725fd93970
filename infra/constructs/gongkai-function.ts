import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { FunctionDefinition } from '#lib/platform/functions';
import { bundlingOptionsOf, functionEntry, type BundleTarget } from '../bundling';

export type SharedResources = {
  readonly table: ITableV2;
  readonly archiveBucket: IBucket;
  readonly uploadsBucket: IBucket;
  /** The staff user pool (global profile); without it, staff accounts live at an external provider. */
  readonly userPool: UserPool | undefined;
  readonly applicantKey: ISecret;
};

/** Staff administration in the user pool: exactly what `CognitoStaffDirectory` calls. */
export const USER_POOL_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

const projectRoot = join(import.meta.dirname, '..', '..');

/**
 * The house Lambda: Node.js 22 on arm64, ESM, minified with source maps, its own log group with
 * retention, explicit timeout and memory, X-Ray tracing where Lambda offers it. Grants come from the
 * function's definition and set the environment variable and the least privilege together.
 */
export class GongkaiFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(
    scope: Construct,
    id: string,
    definition: FunctionDefinition,
    resources: SharedResources,
    target: BundleTarget,
  ) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Our own role, so the function may write to its own log group only (no AWSLambdaBasicExecutionRole).
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${logGroup.logGroupArn}:*`],
      }),
    );
    // Where Lambda offers no X-Ray (the China Regions) the functions are not traced, their tracer is never
    // loaded (lib/adapters/traced.ts) and their bundles leave it out.
    const xray = target.tracing;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(projectRoot, functionEntry(definition.name)),
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      handler: 'handler',
      description: definition.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: definition.memoryMb,
      timeout: Duration.seconds(definition.timeoutSeconds),
      tracing: xray ? Tracing.ACTIVE : Tracing.DISABLED,
      role,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'gongkai',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        POWERTOOLS_TRACE_ENABLED: String(xray),
      },
      bundling: {
        ...bundlingOptionsOf(definition, target),
        format: OutputFormat.ESM,
      },
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to Node.js 22: the code base targets it (Node >= 20 locally) and moves runtimes deliberately.',
    });

    const fn = this.fn;
    if (definition.records !== 'none') {
      fn.addEnvironment('TABLE_NAME', resources.table.tableName);
      if (definition.records === 'read') resources.table.grantReadData(fn);
      else resources.table.grantReadWriteData(fn);
    }
    if (definition.archive !== 'none') {
      fn.addEnvironment('ARCHIVE_BUCKET', resources.archiveBucket.bucketName);
      // The archive is write-once: functions may add objects and read them, never delete. ListBucket lets
      // a read of a missing object answer 404 rather than 403.
      const bucket = resources.archiveBucket;
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
      );
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
      if (definition.archive === 'readWrite') {
        fn.addToRolePolicy(
          new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('*')] }),
        );
      }
    }
    if (definition.uploads !== 'none') {
      fn.addEnvironment('UPLOADS_BUCKET', resources.uploadsBucket.bucketName);
      const bucket = resources.uploadsBucket;
      const actions =
        definition.uploads === 'read'
          ? ['s3:GetObject']
          : ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging'];
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects('*')] }));
    }
    if (definition.applicantKey === true) {
      fn.addEnvironment('APPLICANT_KEY_SECRET_ARN', resources.applicantKey.secretArn);
      resources.applicantKey.grantRead(fn);
    }
    if (definition.userPool && resources.userPool === undefined) {
      fn.addEnvironment('STAFF_DIRECTORY', 'external');
    } else if (definition.userPool && resources.userPool !== undefined) {
      fn.addEnvironment('USER_POOL_ID', resources.userPool.userPoolId);
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: USER_POOL_ADMIN_ACTIONS,
          resources: [resources.userPool.userPoolArn],
        }),
      );
    }
  }
}
