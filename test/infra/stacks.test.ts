import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { pageRoutes } from '#lib/api/page-routes';
import { routeKeyOf, routes, type RouteDefinition } from '#lib/api/routes';
import { functionDefinitions } from '#lib/platform/functions';
import {
  archiveRetentionYears,
  recordsTable,
  uploadsPendingExpiryDays,
  uploadsPendingTag,
} from '#lib/platform/resources';
import { ROLES } from '#lib/domain/staff';
import { INCOMING_PREFIX, KEPT_PREFIX } from '#lib/domain/upload-key';
import { USER_POOL_ADMIN_ACTIONS } from '#infra/constructs/gongkai-function';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import {
  ANSWER_MARGIN_MS,
  API_GATEWAY_MAX_SECONDS,
  INTEGRATION_TIMEOUT_SECONDS,
  SDK_TIMEOUTS,
  SDK_WORST_CASE_MS,
} from '#lib/platform/timeouts';

/** Template tests: bundling is skipped; we pin what matters, not resource counts. */
const newApp = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });

let stateful: Template;
let api: Template;

beforeAll(() => {
  const built = buildApp(newApp());
  stateful = Template.fromStack(built.stateful);
  api = Template.fromStack(built.api);
});

describe('one function per file in functions/', () => {
  it('the function catalogue and functions/ agree', () => {
    const files = readdirSync('functions')
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(functionDefinitions.map((definition) => definition.name).sort()).toEqual(files.sort());
  });

  it.each(functionDefinitions.map((definition) => [definition.name, definition] as const))(
    '%s: Node.js 22 on arm64, its memory and timeout, traced, with its own log group',
    (name, definition) => {
      api.hasResourceProperties('AWS::Lambda::Function', {
        Description: definition.description,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: definition.memoryMb,
        Timeout: definition.timeoutSeconds,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: Match.anyValue() },
        Environment: {
          Variables: Match.objectLike({
            NODE_OPTIONS: '--enable-source-maps',
            POWERTOOLS_SERVICE_NAME: 'gongkai',
          }),
        },
      });
      expect(name).toBe(definition.name);
    },
  );

  it('no function carries the AWS managed basic-execution policy', () => {
    const roles = api.findResources('AWS::IAM::Role');
    for (const role of Object.values(roles))
      expect(JSON.stringify(role)).not.toContain('AWSLambdaBasicExecutionRole');
  });
});

/** The IAM policies attached to a function's role, as one JSON text. */
function policiesOf(name: string): string {
  const definition = functionDefinitions.find((candidate) => candidate.name === name);
  const functions = api.findResources('AWS::Lambda::Function', {
    Properties: { Description: definition?.description },
  });
  const [fn] = Object.values(functions);
  const roleId = (fn?.Properties as { Role: { 'Fn::GetAtt': [string, string] } }).Role['Fn::GetAtt'][0];
  const policies = Object.values(api.findResources('AWS::IAM::Policy')).filter((policy) =>
    JSON.stringify((policy.Properties as { Roles: unknown }).Roles).includes(`"${roleId}"`),
  );
  return JSON.stringify(
    policies.map((policy) => (policy.Properties as { PolicyDocument: unknown }).PolicyDocument),
  );
}

describe('least privilege, function by function', () => {
  const writesTable = /dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/;
  const readsTable = /dynamodb:(GetItem|Query)/;

  it('health reads the table and the archive, and writes nothing', () => {
    const text = policiesOf('health');
    expect(text).toMatch(readsTable);
    expect(text).not.toMatch(writesTable);
    expect(text).toContain('s3:GetObject');
    expect(text).toContain('s3:ListBucket');
    expect(text).not.toContain('s3:PutObject');
  });

  it.each(['openapi', 'fallback'])('%s touches no data', (name) => {
    const text = policiesOf(name);
    expect(text).not.toMatch(/dynamodb:|s3:|cognito-idp:/);
  });

  it('the archiver reads the stream and adds archive objects; it cannot write the table', () => {
    const text = policiesOf('archiver');
    expect(text).toContain('dynamodb:GetRecords');
    expect(text).not.toMatch(writesTable);
    expect(text).toContain('s3:PutObject');
  });

  it.each(['agencies', 'staff', 'calendar', 'sweep'])('%s may write the table', (name) => {
    expect(policiesOf(name)).toMatch(writesTable);
  });

  it('only the functions that administer staff (the API’s and the console) may administer the user pool', () => {
    for (const definition of functionDefinitions) {
      expect(policiesOf(definition.name).includes('cognito-idp:'), definition.name).toBe(
        definition.name === 'staff' || definition.name === 'console',
      );
    }
  });
});

describe('the Records table', () => {
  it('is on-demand, point-in-time recoverable, protected from deletion, streamed with both images, with TTL', () => {
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TimeToLiveSpecification: { AttributeName: recordsTable.timeToLiveAttribute, Enabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it.each(recordsTable.indexes.map((index) => [index.indexName, index] as const))(
    'has the %s index',
    (_name, index) => {
      stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        GlobalSecondaryIndexes: Match.arrayWith([
          {
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ]),
      });
    },
  );
});

describe('the buckets', () => {
  const secureBucket = {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    },
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    },
  };

  it('the archive is versioned, encrypted, private, and locked for ten years (governance)', () => {
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        ...secureBucket,
        VersioningConfiguration: { Status: 'Enabled' },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 * archiveRetentionYears } },
        },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'gongkai-archive/' }),
      }),
    });
  });

  it('uploads expire unless a record references them, and are private and encrypted', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      ...secureBucket,
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            TagFilters: [{ Key: uploadsPendingTag.key, Value: uploadsPendingTag.value }],
            ExpirationInDays: uploadsPendingExpiryDays,
            Status: 'Enabled',
          }),
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
        ]),
      },
    });
  });

  it('the expiry of uploads never reaches a referenced file: its kept copy lies outside the rule (issue 12, point 3)', () => {
    const buckets = Object.values(stateful.findResources('AWS::S3::Bucket'));
    type Rule = { Id?: string; Prefix?: string; ExpirationInDays?: number; TagFilters?: unknown[] };
    const rules = buckets.flatMap(
      (bucket) =>
        (bucket as { Properties: { LifecycleConfiguration?: { Rules: Rule[] } } }).Properties
          .LifecycleConfiguration?.Rules ?? [],
    );
    const expiring = rules.filter((rule) => rule.Id === 'expire-unreferenced-uploads');
    expect(expiring).toEqual([
      {
        Id: 'expire-unreferenced-uploads',
        Prefix: 'incoming/',
        TagFilters: [{ Key: uploadsPendingTag.key, Value: uploadsPendingTag.value }],
        ExpirationInDays: uploadsPendingExpiryDays,
        Status: 'Enabled',
      },
    ]);
    expect(INCOMING_PREFIX).toBe('incoming/');
    expect(KEPT_PREFIX.startsWith(INCOMING_PREFIX)).toBe(false);
  });

  it('every bucket refuses requests without TLS', () => {
    const policies = Object.values(stateful.findResources('AWS::S3::BucketPolicy'));
    const buckets = Object.keys(stateful.findResources('AWS::S3::Bucket'));
    expect(policies).toHaveLength(buckets.length);
    for (const policy of policies) {
      expect(JSON.stringify(policy)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('no function may delete or overwrite-protect-bypass archive objects', () => {
    const text = JSON.stringify(api.findResources('AWS::IAM::Policy'));
    expect(text).not.toMatch(/s3:DeleteObject|s3:BypassGovernanceRetention|s3:PutObjectRetention|s3:\*/);
  });
});

describe('staff identity', () => {
  it('a user pool with MFA, no self sign-up, the immutable agencyId attribute and one group per role', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'agencyId', Mutable: false, AttributeDataType: 'String' }),
      ]),
      DeletionProtection: 'ACTIVE',
      // Username = the staff id (it becomes cognito:username in the token); e-mail is a sign-in alias.
      AliasAttributes: ['email'],
      UsernameAttributes: Match.absent(),
    });
    for (const role of ROLES) {
      stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    }
  });

  it('the staff app client signs in by SRP only, with no OAuth flows or callbacks', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
      AllowedOAuthFlowsUserPoolClient: false,
      CallbackURLs: Match.absent(),
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      WriteAttributes: [],
    });
  });

  it('only the staff and console functions may administer the pool, with exactly the calls they make', () => {
    api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: [...USER_POOL_ADMIN_ACTIONS], Effect: 'Allow' }),
        ]),
      },
    });
    const policies = Object.values(api.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy).includes('cognito-idp:'),
    );
    expect(policies).toHaveLength(2);
  });
});

describe('the HTTP API', () => {
  it.each((routes as readonly RouteDefinition[]).map((route) => [routeKeyOf(route), route] as const))(
    '%s',
    (routeKey, route) => {
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: route.access === 'staff' ? 'JWT' : 'NONE',
        ...(route.access === 'staff' ? { AuthorizerId: Match.anyValue() } : {}),
      });
    },
  );

  it.each(pageRoutes.map((route) => [routeKeyOf(route), route.function] as const))(
    'the page %s is served by the %s function, with no authorizer',
    (routeKey, name) => {
      const [route] = Object.values(
        api.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }),
      );
      expect(route?.Properties.AuthorizationType).toBe('NONE');
      const target = JSON.stringify(route?.Properties.Target);
      const [integrationId] = new RegExp(`Integration${name}[A-Za-z0-9]*`).exec(target) ?? [];
      expect(integrationId, `${routeKey} → ${target}`).toBeDefined();
    },
  );

  it('the console signs staff in through the managed login: code + PKCE, its own public client, its own callback', () => {
    api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      GenerateSecret: false,
      CallbackURLs: [
        Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['/console/signed-in'])]) }),
      ],
    });
    api.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    const [consoleFn] = Object.values(
      api.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('staff console') },
      }),
    );
    const variables = Object.keys(
      (consoleFn?.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
    );
    expect(variables).toEqual(
      expect.arrayContaining([
        'STAFF_OIDC_ISSUER',
        'STAFF_OIDC_CLIENT_ID',
        'STAFF_OIDC_AUTHORIZE_URL',
        'STAFF_OIDC_TOKEN_URL',
        'STAFF_OIDC_JWKS_URL',
        'STAFF_OIDC_LOGOUT_URL',
      ]),
    );
  });

  it('form posts are throttled per route like the API’s public writes', () => {
    const settings = Object.fromEntries(
      pageRoutes
        .filter((route) => route.method === 'POST')
        .map((route) => [
          routeKeyOf(route),
          {
            ThrottlingRateLimit: route.throttle?.rateLimit,
            ThrottlingBurstLimit: route.throttle?.burstLimit,
          },
        ]),
    );
    expect(Object.keys(settings).length).toBeGreaterThan(0);
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', { RouteSettings: settings });
  });

  it('the stage is created after the routes its settings name', () => {
    const [stage] = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'));
    const routeIds = Object.keys(api.findResources('AWS::ApiGatewayV2::Route'));
    expect(stage?.DependsOn).toEqual(
      expect.arrayContaining(routeIds.filter((id) => !id.startsWith('ApiDefaultRoute'))),
    );
  });

  it('a $default route answers unmatched requests', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: '$default',
      AuthorizationType: 'NONE',
    });
  });

  it('the JWT authorizer trusts the staff pool, with the staff app client as audience', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('public routes are throttled per route; the stage has a default throttle and access logs', () => {
    const publicRoutes = (routes as readonly RouteDefinition[]).filter((route) => route.access === 'public');
    const settings = Object.fromEntries(
      publicRoutes.map((route) => [
        routeKeyOf(route),
        { ThrottlingRateLimit: route.throttle?.rateLimit, ThrottlingBurstLimit: route.throttle?.burstLimit },
      ]),
    );
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      RouteSettings: settings,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('the archiver and the sweep', () => {
  it('the archiver reads the stream from the start, only new timeline events, reporting partial failures, with a DLQ', () => {
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: -1,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { Keys: { sk: { S: [{ prefix: 'EVENT#' }] } } },
            }),
          },
        ],
      },
    });
  });

  it('the sweep runs daily at 00:30 Asia/Shanghai with retries and a dead-letter queue', () => {
    api.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 0 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: Match.objectLike({
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 6 * 3600 },
      }),
    });
  });

  it('dead-letter queues are encrypted and TLS-only', () => {
    api.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('the app passes, every exception acknowledged with a reason', () => {
    const { app } = buildApp(newApp());
    expect(() => app.synth()).not.toThrow();
  });

  it('the check bites: an unencrypted, public-by-default bucket fails synthesis', () => {
    const { app, api: stack } = buildApp(newApp());
    new Bucket(stack, 'Careless');
    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });
});

describe('timeouts, ordered so the function always answers before API Gateway gives up', () => {
  it('SDK call < the function’s own 503 < its Lambda timeout < its integration’s timeout ≤ 30 s', () => {
    const lambdas = api.findResources('AWS::Lambda::Function');
    const integrations = Object.values(api.findResources('AWS::ApiGatewayV2::Integration'));
    const httpFunctions = functionDefinitions.filter((definition) => definition.trigger === 'http');
    // One integration per HTTP function, each pointing at its Lambda.
    expect(integrations).toHaveLength(httpFunctions.length);
    const seen: string[] = [];
    for (const integration of integrations) {
      const properties = integration.Properties as {
        IntegrationUri: { 'Fn::GetAtt': [string, string] };
        TimeoutInMillis: number;
      };
      const lambda = lambdas[properties.IntegrationUri['Fn::GetAtt'][0]];
      const { Timeout, Description } = lambda?.Properties as { Timeout: number; Description: string };
      seen.push(Description);
      const lambdaMs = Timeout * 1000;
      expect(properties.TimeoutInMillis).toBe(INTEGRATION_TIMEOUT_SECONDS * 1000);
      expect(properties.TimeoutInMillis).toBeLessThanOrEqual(API_GATEWAY_MAX_SECONDS * 1000);
      expect(lambdaMs, Description).toBeLessThan(properties.TimeoutInMillis);
      expect(SDK_WORST_CASE_MS, Description).toBeLessThan(lambdaMs - ANSWER_MARGIN_MS);
    }
    expect(seen.sort()).toEqual(httpFunctions.map((definition) => definition.description).sort());
  });

  it('the SDK clients of the request path carry those timeouts', async () => {
    const client = createDocumentClient({ region: 'us-east-1' } as Parameters<
      typeof createDocumentClient
    >[0]);
    expect(await client.config.maxAttempts()).toBe(SDK_TIMEOUTS.maxAttempts);
    const handler = client.config.requestHandler as { configProvider?: Promise<Record<string, unknown>> };
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: SDK_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: SDK_TIMEOUTS.requestTimeoutMs,
    });
    client.destroy();
  });
});
