import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  ContextAttribute,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Rule, Schedule as EventsSchedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { TimeZone } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { defaultThrottle, routeKeyOf, routeTable } from '#lib/api/routes';
import { keys } from '#lib/adapters/keys';
import { functionDefinitions, type FunctionDefinition, type FunctionName } from '#lib/platform/functions';
import { INTEGRATION_TIMEOUT_SECONDS } from '#lib/platform/timeouts';
import { pageRoutes } from '#lib/api/page-routes';
import { Edge, edgeServes } from '../constructs/edge';
import { bundleTargetOf } from '../bundling';
import { GongkaiFunction, type SharedResources } from '../constructs/gongkai-function';
import { Monitoring } from '../constructs/monitoring';
import { contextText, type DeploymentProfile } from '../profile';
import { StaffIdentity } from '../constructs/staff-identity';
import type { EdgeFirewallReference } from './edge-firewall-stack';

export type ApiStackProps = StackProps & {
  profile: DeploymentProfile;
  resources: SharedResources;
  /** The API's client of the user pool (global profile only). */
  staffClient: UserPoolClient | undefined;
  /** global: the CloudFront web ACL in us-east-1 (`EdgeFirewallStack`). */
  edgeFirewall?: EdgeFirewallReference | undefined;
};

/**
 * The stateless part: one Lambda per file in `functions/`, the HTTP API with its routes (from the shared
 * route table), the table-stream archiver and the daily sweep schedule.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  /** CloudFront in front of the API, where the profile has one (`infra/constructs/edge.ts`). */
  readonly edge: Edge | undefined;
  readonly functions: ReadonlyMap<FunctionName, GongkaiFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { resources } = props;

    const target = bundleTargetOf(props.profile);
    const functions = new Map<FunctionName, GongkaiFunction>();
    for (const definition of functionDefinitions) {
      functions.set(
        definition.name,
        new GongkaiFunction(this, `Fn-${definition.name}`, definition, resources, target),
      );
    }
    this.functions = functions;
    const lambdaOf = (name: FunctionName) => {
      const fn = functions.get(name);
      if (fn === undefined) throw new Error(`No function ${name}`);
      return fn.fn;
    };

    // --- HTTP API -----------------------------------------------------------------------------------
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationOf = (name: FunctionName) => {
      let integration = integrations.get(name);
      if (integration === undefined) {
        integration = new HttpLambdaIntegration(`Integration-${name}`, lambdaOf(name), {
          // Explicit, and longer than every function's own timeout (lib/platform/timeouts.ts).
          timeout: Duration.seconds(INTEGRATION_TIMEOUT_SECONDS),
          // One permission per function for this API (`…/*/*/*`), not one per route: the routes already
          // say which function answers each, and per-route permissions took the stack near
          // CloudFormation's 500-resource limit (and each function's policy near its 20 KB).
          scopePermissionToRoute: false,
        });
        integrations.set(name, integration);
      }
      return integration;
    };

    this.api = new HttpApi(this, 'Api', {
      apiName: 'gongkai',
      description: 'Gongkai (公开): government information disclosure',
      createDefaultStage: false,
      // Unmatched requests reach the fallback function, which answers problem+json 404/405.
      defaultIntegration: integrationOf('fallback'),
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public routes (health, directory, citizen intake, reading room) are open by design and throttled; staff routes use the Cognito JWT authorizer.',
    });

    // --- The public address: CloudFront in front where the profile has it, else API Gateway's own ------
    this.edge = edgeServes(props.profile)
      ? new Edge(this, 'Edge', { api: this.api, profile: props.profile, firewall: props.edgeFirewall })
      : undefined;
    const publicBaseUrl = this.edge?.publicBaseUrl ?? this.api.apiEndpoint;
    for (const name of new Set(pageRoutes.map((route) => route.function)))
      lambdaOf(name).addEnvironment('PUBLIC_BASE_URL', publicBaseUrl);

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: defaultThrottle.rateLimit, burstLimit: defaultThrottle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // --- Who staff are: Cognito (global) or any OpenID Connect issuer (china) ---------------------
    const identity = new StaffIdentity(this, 'StaffIdentity', {
      profile: props.profile,
      userPool: resources.userPool,
      apiClient: props.staffClient,
      publicBaseUrl,
    });
    const authorizer = identity.authorizer;
    const signsIn = (definition: FunctionDefinition) => definition.staffSignIn === true;
    for (const definition of functionDefinitions) {
      const fn = lambdaOf(definition.name);
      const environment = {
        ...identity.claimEnvironment,
        ...(signsIn(definition) ? identity.signInEnvironment : {}),
      };
      for (const [name, value] of Object.entries(environment)) fn.addEnvironment(name, value);
    }

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    // The API's routes and the people's pages, from the one table.
    for (const route of routeTable) {
      const created = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.function),
        ...(route.access === 'staff' ? { authorizer } : {}),
      });
      // Route settings name routes by key: the stage must come after them or the first deploy fails.
      stage.node.addDependency(...created);
      if (route.throttle) {
        routeSettings[routeKeyOf(route)] = {
          ThrottlingRateLimit: route.throttle.rateLimit,
          ThrottlingBurstLimit: route.throttle.burstLimit,
        };
      }
    }
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = routeSettings;

    // --- Archiver: every new timeline event, from the table stream ---------------------------------
    const archiverDlq = deadLetterQueue(this, 'ArchiverFailures');
    lambdaOf('archiver').addEventSource(
      new DynamoEventSource(resources.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
        // Retry until the record would leave the stream: the archive must not miss an event.
        retryAttempts: -1,
        onFailure: new SqsDlq(archiverDlq),
        filters: [
          FilterCriteria.filter({
            // FilterRule.isEqual is typed `any` upstream; the pattern it builds is ['INSERT'].
            eventName: ['INSERT'],
            dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(keys.eventPrefix) } } },
          }),
        ],
      }),
    );

    // --- The daily compliance sweep, 00:30 China Standard Time ------------------------------------
    const sweepFunction = lambdaOf('sweep');
    mailFor(sweepFunction, props.profile);
    const sweepDlq = deadLetterQueue(this, 'SweepFailures');
    if (props.profile.sweepSchedule === 'scheduler') {
      new Schedule(this, 'DailySweep', {
        description: 'Gongkai compliance sweep, daily at 00:30 Asia/Shanghai',
        schedule: ScheduleExpression.cron({ minute: '30', hour: '0', timeZone: TimeZone.ASIA_SHANGHAI }),
        target: new LambdaInvoke(sweepFunction, {
          input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
          deadLetterQueue: sweepDlq,
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
        }),
      });
    } else {
      // China Standard Time has no daylight saving: 16:30 UTC is 00:30 in China, every day of the year.
      new Rule(this, 'DailySweepRule', {
        description: 'Gongkai compliance sweep, daily at 16:30 UTC (00:30 China Standard Time)',
        schedule: EventsSchedule.cron({ minute: '30', hour: '16' }),
        targets: [
          new LambdaFunction(sweepFunction, {
            deadLetterQueue: sweepDlq,
            retryAttempts: 3,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
    }

    // --- Alarms (SNS, e-mail by setting) and the dashboard: infra/constructs/monitoring.ts ----------
    new Monitoring(this, 'Monitoring', {
      profile: props.profile,
      api: this.api,
      accessLogs,
      functions,
      table: resources.table,
      deadLetterQueues: { archiver: archiverDlq, sweep: sweepDlq },
    });
  }
}

/**
 * How the sweep e-mails notifications. Global: SES, when `-c gongkai:sesFromAddress=…` names a verified
 * sender. China (no SES): an SMTP relay when `-c gongkai:smtpHost=… -c gongkai:smtpFrom=…` name one
 * (port `gongkai:smtpPort`, 465 by default), its credentials in a secret this stack creates and the
 * operator fills in. Without a sender, notifications stay in each agency's outbox.
 */
function mailFor(fn: NodejsFunction, profile: DeploymentProfile): void {
  const context = (name: string) => contextText(fn.node, `gongkai:${name}`);
  if (profile.mail === 'ses') {
    const from = context('sesFromAddress');
    if (from === undefined) return;
    fn.addEnvironment('SES_FROM_ADDRESS', from);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [Stack.of(fn).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
      }),
    );
    return;
  }
  const host = context('smtpHost');
  const from = context('smtpFrom');
  if (host === undefined || from === undefined) return;
  const credentials = new Secret(Stack.of(fn), 'SmtpCredentials', {
    description: 'Gongkai: the SMTP relay account notifications are sent with ({"username","password"})',
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username: from }),
      generateStringKey: 'password',
    },
  });
  Validations.of(credentials).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: 'The relay’s password is set by its own administrators; it cannot be rotated from here.',
  });
  credentials.grantRead(fn);
  fn.addEnvironment('SMTP_HOST', host);
  fn.addEnvironment('SMTP_PORT', context('smtpPort') ?? '465');
  fn.addEnvironment('SMTP_FROM', from);
  fn.addEnvironment('SMTP_SECRET_ARN', credentials.secretArn);
}

function deadLetterQueue(scope: Construct, id: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself a dead-letter queue.',
  });
  return queue;
}
