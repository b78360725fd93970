import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { OAuthScope, UserPoolClient, UserPoolDomain, ClientAttributes } from 'aws-cdk-lib/aws-cognito';
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
import { TimeZone } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { defaultThrottle, routeKeyOf, routeTable } from '#lib/api/routes';
import { keys } from '#lib/adapters/keys';
import { functionDefinitions, type FunctionDefinition, type FunctionName } from '#lib/platform/functions';
import { INTEGRATION_TIMEOUT_SECONDS } from '#lib/platform/timeouts';
import { pageRoutes } from '#lib/api/page-routes';
import { Edge, edgeServes } from '../constructs/edge';
import { GongkaiFunction, type SharedResources } from '../constructs/gongkai-function';
import type { DeploymentProfile } from '../profile';
import type { EdgeFirewallReference } from './edge-firewall-stack';

export type ApiStackProps = StackProps & {
  profile: DeploymentProfile;
  resources: SharedResources;
  staffClient: UserPoolClient;
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

    const functions = new Map<FunctionName, GongkaiFunction>();
    for (const definition of functionDefinitions) {
      functions.set(
        definition.name,
        new GongkaiFunction(this, `Fn-${definition.name}`, definition, resources),
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

    const authorizer = new HttpJwtAuthorizer('StaffJwt', resources.userPool.userPoolProviderUrl, {
      jwtAudience: [props.staffClient.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    // --- The staff console's sign-in: Cognito's managed login, authorization code + PKCE ------------
    // A public client of its own (no secret: PKCE protects the code), whose only callback is the
    // console's; the API keeps its own client (and its JWT authorizer) unchanged.
    const loginPrefix: unknown = this.node.tryGetContext('gongkai:loginDomainPrefix');
    const loginDomain = new UserPoolDomain(this, 'StaffLogin', {
      userPool: resources.userPool,
      cognitoDomain: {
        domainPrefix:
          typeof loginPrefix === 'string' && loginPrefix !== ''
            ? loginPrefix
            : `gongkai-${Stack.of(this).account}`,
      },
    });
    const consoleClient = new UserPoolClient(this, 'ConsoleClient', {
      userPool: resources.userPool,
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${publicBaseUrl}/console/signed-in`],
        logoutUrls: [`${publicBaseUrl}/console/signed-out`],
      },
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('agencyId'),
      writeAttributes: new ClientAttributes(),
      preventUserExistenceErrors: true,
      // The console's session is its ID token: an hour, then signing in again (managed login remembers).
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });
    const loginBase = loginDomain.baseUrl();
    const signsIn = (definition: FunctionDefinition) => definition.staffSignIn === true;
    for (const definition of functionDefinitions.filter(signsIn)) {
      const fn = lambdaOf(definition.name);
      fn.addEnvironment('STAFF_OIDC_ISSUER', resources.userPool.userPoolProviderUrl);
      fn.addEnvironment('STAFF_OIDC_CLIENT_ID', consoleClient.userPoolClientId);
      fn.addEnvironment('STAFF_OIDC_AUTHORIZE_URL', `${loginBase}/oauth2/authorize`);
      fn.addEnvironment('STAFF_OIDC_TOKEN_URL', `${loginBase}/oauth2/token`);
      fn.addEnvironment(
        'STAFF_OIDC_JWKS_URL',
        `${resources.userPool.userPoolProviderUrl}/.well-known/jwks.json`,
      );
      fn.addEnvironment('STAFF_OIDC_LOGOUT_URL', `${loginBase}/logout`);
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
    // Notifications are e-mailed through SES when `-c gongkai:sesFromAddress=…` names a verified sender.
    const sweepFunction = lambdaOf('sweep');
    sweepFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
      }),
    );
    const sesFrom: unknown = this.node.tryGetContext('gongkai:sesFromAddress');
    if (typeof sesFrom === 'string' && sesFrom !== '')
      sweepFunction.addEnvironment('SES_FROM_ADDRESS', sesFrom);
    const sweepDlq = deadLetterQueue(this, 'SweepFailures');
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
  }
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
