import { CfnOutput, Duration, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  CfnAlarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { BillingMode, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import {
  AwsConsoleUrlFactory,
  CustomMonitoring,
  DefaultDashboardFactory,
  GraphWidgetType,
  MonitoringFacade,
  SnsAlarmActionStrategy,
  type CustomMetricGroup,
  type MonitoringFacadeProps,
} from 'cdk-monitoring-constructs';
import type { Construct } from 'constructs';
import { Channel } from '#lib/domain/application/application';
import { OUTCOMES } from '#lib/domain/application/outcomes';
import { BREACH_KINDS } from '#lib/domain/sweep';
import type { FunctionName } from '#lib/platform/functions';
import {
  archiveMetrics,
  businessMetrics,
  METRICS_NAMESPACE,
  SERVICE_NAME,
  sweepMetrics,
  type MetricDefinition,
} from '#lib/platform/metrics';
import { recordsTable } from '#lib/platform/resources';
import type { DeploymentProfile } from '../profile';

/** The values a dimensioned business metric is emitted with: the domain's own lists. */
export const METRIC_DIMENSION_VALUES = {
  channel: Channel.options,
  outcome: OUTCOMES,
  kind: BREACH_KINDS,
} as const satisfies Record<string, readonly string[]>;

/**
 * What each alarm means and what to do first. Each alarm carries its entry as its description (so the
 * e-mail says it), and README's "Alarms" runbook lists the same titles.
 */
export const ALARM_RUNBOOK = {
  api5xx: {
    title: 'API 5xx rate',
    meaning: 'More than 5% of HTTP API requests failed with a 5xx in 2 of the last 3 five-minute periods.',
    firstSteps:
      'Find the failing route in the API access log (status >= 500), then its function’s log by requestId. A 503 with the timeout problem is a function out of time; integrationError names a Lambda failure.',
  },
  apiThrottled: {
    title: 'API throttled requests (429)',
    meaning:
      'The HTTP API refused requests with 429 (route or stage throttle) in 2 consecutive five-minute periods: callers are turned away.',
    firstSteps:
      'Group the access log’s 429s by routeKey and ip: one client (a scraper) goes to the WAF; real demand means raising the throttle in lib/api/routes.ts.',
  },
  functionErrors: {
    title: 'Function errors',
    meaning:
      'A Lambda function failed (crash, timeout, out of memory, a stream or schedule handler throwing). HTTP handlers answer their own errors, so this is beyond a 500.',
    firstSteps:
      'Open the function’s log group at the alarm time: an init failure names the missing variable; a timeout shows as "Task timed out". Check the DLQ alarms too.',
  },
  functionThrottles: {
    title: 'Function throttles',
    meaning:
      'Lambda refused invocations in this account and Region: its concurrency is used up (citizens get 500s, the stream and the sweep are delayed).',
    firstSteps:
      'See which function the dashboard’s Throttles graph names; compare ConcurrentExecutions with the account’s concurrency quota (new accounts may start low) and ask for an increase, or find why invocations jumped.',
  },
  deadLetters: {
    title: 'Dead-letter queue not empty',
    meaning:
      'A stream batch the archiver could not archive before the record expired, or a sweep invocation the scheduler gave up on after its retries, is parked in the queue.',
    firstSteps:
      'Read the message (the stream shard and sequence numbers, or the scheduled time); fix the cause, then archive those events again from the table, or let the next sweep catch the day up.',
  },
  archiverBehind: {
    title: 'Archiver iterator age over 5 minutes',
    meaning:
      'The archiver is more than 5 minutes behind the Records table stream: events are not reaching the archive, and after 24 hours the stream drops them.',
    firstSteps:
      'Look for the archiver’s errors ("Archiving failed") and S3 errors; a poison record is retried until it expires, so fix it (or its data) quickly.',
  },
  sweepMissing: {
    title: 'Sweep not run by 01:30',
    meaning:
      'No sweep finished between 01:30 yesterday and 01:30 today (China time): reminders, breaches and lapsed-period steps of the day are not recorded.',
    firstSteps:
      'Check the sweep function’s errors, the sweep DLQ and the schedule; then invoke the sweep function with {"date": "<today>"} (the next run would catch the day up). The alarm clears at the next 01:30.',
  },
  tableThrottled: {
    title: 'Records table throttled',
    meaning:
      'DynamoDB throttled reads or writes on the Records table or one of its indexes: requests are retried and slow, and may fail.',
    firstSteps:
      'Find the operation and index in the table’s metrics (ThrottledRequests by Operation); a hot partition shows in CloudWatch Contributor Insights; check the table’s on-demand maximums.',
  },
  tableErrors: {
    title: 'Records table system errors',
    meaning: 'DynamoDB answered requests on the Records table with an internal error (HTTP 500).',
    firstSteps:
      'Check the AWS Health Dashboard for DynamoDB in the Region; the SDK retries, so act if it persists or functions fail with it.',
  },
  eventsQuarantined: {
    title: 'Timeline event quarantined',
    meaning:
      'The archiver met a timeline event it could not read and kept the raw record in quarantine instead: the archive has a gap in that case’s hash chain.',
    firstSteps:
      'Read the quarantined object (its key is in the archiver’s log); fix the writer, then archive the event again from the table.',
  },
} as const;

export type AlarmKind = keyof typeof ALARM_RUNBOOK;

const describe = (kind: AlarmKind): string =>
  `${ALARM_RUNBOOK[kind].meaning} First steps: ${ALARM_RUNBOOK[kind].firstSteps} (README, Alarms)`;

/** The API's throttled requests: counted from its access log, as the API's own metrics have no 429. */
export const API_THROTTLED_METRIC = 'ApiThrottledRequests';

/** The operations the adapters call on the Records table, and the stream the archiver reads. */
const TABLE_OPERATIONS = [
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'TransactWriteItems',
  'GetRecords',
];

/**
 * The alarm's "day" ends at 01:30 China time: a wall-clock window in the fixed zone UTC+06:30, whose
 * midnight is 01:30 in China (UTC+08:00, no daylight saving). Each window holds exactly one scheduled run
 * (00:30), and is judged when it closes: no finished sweep in it means the day's sweep had not run by 01:30.
 */
export const SWEEP_DEADLINE_ZONE = '+06:30';

export type MonitoringProps = {
  readonly profile: DeploymentProfile;
  readonly api: IHttpApi;
  /** The `$default` stage's access log (JSON, with `status`). */
  readonly accessLogs: ILogGroup;
  readonly functions: ReadonlyMap<FunctionName, { readonly fn: IFunction }>;
  readonly table: ITableV2;
  readonly deadLetterQueues: Readonly<Record<'archiver' | 'sweep', IQueue>>;
};

/**
 * Alarms on an SNS topic (e-mailed to the profile's alarm address, when set) and one dashboard, built with
 * cdk-monitoring-constructs: the HTTP API's 5xx rate and 429s, each function's errors, Lambda's throttles,
 * the dead-letter queues, the archiver's iterator age, the daily sweep's heartbeat, the Records table's
 * throttles and system errors, and the business metrics the functions emit. Works in both partitions.
 *
 * A nested stack of its own: the API stack's routes and their permissions alone come close to
 * CloudFormation's 500 resources a stack, and monitoring adds some forty.
 */
export class Monitoring extends NestedStack {
  readonly topic: Topic;
  readonly facade: MonitoringFacade;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id, { description: 'Gongkai: alarms, their topic and the dashboard' });
    const parent = Stack.of(scope);

    // CloudWatch publishes to an encrypted topic only with a customer managed key whose policy lets it (the
    // AWS managed SNS key does not): the policy AWS documents for alarms on encrypted topics.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the Gongkai alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Alarms', {
      displayName: 'Gongkai alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.profile.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.profile.alarmEmail));
    }
    // In the parent stack, where `cdk deploy` shows it.
    new CfnOutput(parent, 'AlarmTopicArn', {
      description: 'Subscribe further people or systems to the alarms here',
      value: this.topic.topicArn,
    });

    const prefix = parent.stackName;
    const facade = new PartitionAwareFacade(
      this,
      prefix,
      {
        alarmFactoryDefaults: {
          alarmNamePrefix: prefix,
          actionsEnabled: true,
          action: new SnsAlarmActionStrategy({ onAlarmTopic: this.topic, onOkTopic: this.topic }),
          datapointsToAlarm: 1,
        },
        metricFactoryDefaults: {},
        dashboardFactory: new DefaultDashboardFactory(this, 'Dashboards', {
          // Dashboards are per account, not per Region: the Region keeps two deployments apart.
          dashboardNamePrefix: `${prefix}-${parent.region}`,
          createDashboard: true,
          createSummaryDashboard: false,
          createAlarmDashboard: false,
        }),
      },
      props.profile.name !== 'china',
    );
    this.facade = facade;

    facade.addLargeHeader('Gongkai (公开): what happened');
    facade.monitorCustom({
      alarmFriendlyName: 'Business',
      humanReadableName: 'Applications, decisions and breaches (hourly)',
      metricGroups: [
        byDimension(
          'Applications received, by channel',
          businessMetrics.applicationsReceived,
          'channel',
          METRIC_DIMENSION_VALUES.channel,
        ),
        byDimension(
          'Decisions issued, by outcome; and those issued late',
          businessMetrics.decisionsIssued,
          'outcome',
          METRIC_DIMENSION_VALUES.outcome,
          gongkaiMetric(businessMetrics.decisionsLate, {}, 'Sum', Duration.hours(1)),
        ),
        byDimension(
          'Breaches recorded, by kind; and those escalated',
          businessMetrics.breachesRecorded,
          'kind',
          METRIC_DIMENSION_VALUES.kind,
          gongkaiMetric(businessMetrics.breachesEscalated, {}, 'Sum', Duration.hours(1)),
        ),
      ],
    });

    // The sweep's heartbeat: built here rather than through monitorCustom, to reach its alarm's window.
    const sweep = new CustomMonitoring(facade, {
      alarmFriendlyName: 'Sweep',
      humanReadableName: 'The daily sweep (00:30 China time)',
      metricGroups: [
        {
          title: 'Sweeps finished (daily)',
          graphWidgetType: GraphWidgetType.BAR,
          metrics: [
            {
              metric: gongkaiMetric(sweepMetrics.completed, {}, 'Sum', Duration.days(1)),
              alarmFriendlyName: 'SweepMissing',
              addAlarm: {
                Critical: {
                  threshold: 1,
                  comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.BREACHING,
                  evaluationPeriods: 1,
                  datapointsToAlarm: 1,
                  alarmDescriptionOverride: describe('sweepMissing'),
                },
              },
            },
          ],
        },
        {
          title: 'Duration (ms)',
          metrics: [gongkaiMetric(sweepMetrics.duration, {}, 'Maximum', Duration.days(1))],
        },
        {
          title: 'Items read',
          metrics: [gongkaiMetric(sweepMetrics.itemsRead, {}, 'Sum', Duration.days(1))],
        },
        {
          title: 'Days swept, reminders sent, automatic steps',
          metrics: [sweepMetrics.daysSwept, sweepMetrics.remindersSent, sweepMetrics.automaticSteps].map(
            (metric) => gongkaiMetric(metric, {}, 'Sum', Duration.days(1)),
          ),
        },
      ],
    });
    facade.addSegment(sweep);
    for (const { alarm } of sweep.createdAlarms()) {
      const cfn = alarm.node.defaultChild;
      if (!(cfn instanceof CfnAlarm)) throw new Error('The sweep alarm is a metric alarm');
      cfn.evaluationWindow = { wallClockWindow: { timezone: SWEEP_DEADLINE_ZONE } };
    }

    facade.monitorCustom({
      alarmFriendlyName: 'Archive',
      humanReadableName: 'The archive',
      metricGroups: [
        {
          title: 'Timeline events archived',
          metrics: [gongkaiMetric(archiveMetrics.eventsArchived)],
        },
        {
          title: 'Timeline events quarantined',
          metrics: [
            {
              metric: gongkaiMetric(archiveMetrics.eventsQuarantined),
              alarmFriendlyName: 'EventsQuarantined',
              addAlarm: {
                Critical: {
                  threshold: 0,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: describe('eventsQuarantined'),
                },
              },
            },
          ],
        },
      ],
    });

    facade.addLargeHeader('Gongkai (公开): how it runs');
    facade.monitorApiGatewayV2HttpApi({
      api: props.api,
      apiStage: '$default',
      alarmFriendlyName: 'Api',
      humanReadableName: 'HTTP API',
      add5xxRateAlarm: {
        Critical: {
          maxErrorRate: 0.05,
          evaluationPeriods: 3,
          datapointsToAlarm: 2,
          alarmDescriptionOverride: describe('api5xx'),
        },
      },
    });
    const throttled = new MetricFilter(this, 'ApiThrottledFilter', {
      logGroup: props.accessLogs,
      metricNamespace: METRICS_NAMESPACE,
      metricName: API_THROTTLED_METRIC,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricValue: '1',
    });
    facade.monitorCustom({
      alarmFriendlyName: 'ApiThrottled',
      humanReadableName: 'HTTP API: throttled requests',
      metricGroups: [
        {
          title: 'Requests refused with 429',
          metrics: [
            {
              metric: throttled.metric({ statistic: 'Sum', period: Duration.minutes(5), label: '429' }),
              alarmFriendlyName: 'ApiThrottled',
              addAlarm: {
                Critical: {
                  threshold: 0,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  evaluationPeriods: 2,
                  datapointsToAlarm: 2,
                  alarmDescriptionOverride: describe('apiThrottled'),
                },
              },
            },
          ],
        },
      ],
    });

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      facade.monitorSqsQueue({
        queue,
        alarmFriendlyName: `${capitalized(name)}Dlq`,
        humanReadableName: `Dead letters: ${name}`,
        addQueueMaxSizeAlarm: {
          Critical: {
            maxMessageCount: 0,
            treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
            alarmDescriptionOverride: describe('deadLetters'),
          },
        },
      });
    }

    const table = props.table;
    facade.monitorDynamoTable({
      table,
      billingMode: BillingMode.PAY_PER_REQUEST,
      alarmFriendlyName: 'Records',
      humanReadableName: 'Records table',
      addReadThrottledEventsCountAlarm: {
        Critical: { maxThrottledEventsThreshold: 0, alarmDescriptionOverride: describe('tableThrottled') },
      },
      addWriteThrottledEventsCountAlarm: {
        Critical: { maxThrottledEventsThreshold: 0, alarmDescriptionOverride: describe('tableThrottled') },
      },
    });
    const tableMetric = (metricName: string, dimensions: Record<string, string>): Metric =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table.tableName, ...dimensions },
        statistic: 'Sum',
        period: Duration.minutes(5),
      });
    // The library sums system errors of operations we do not use and misses TransactWriteItems; and a sum
    // of metrics some of which have no data has none: each term is filled with 0.
    const systemErrors = new MathExpression({
      expression: TABLE_OPERATIONS.map((_, index) => `FILL(e${index},0)`).join('+'),
      usingMetrics: Object.fromEntries(
        TABLE_OPERATIONS.map((operation, index) => [
          `e${index}`,
          tableMetric('SystemErrors', { Operation: operation }),
        ]),
      ),
      label: 'System errors',
      period: Duration.minutes(5),
    });
    facade.monitorCustom({
      alarmFriendlyName: 'RecordsErrors',
      humanReadableName: 'Records table: system errors and index throttles',
      metricGroups: [
        {
          title: 'System errors',
          metrics: [
            {
              metric: systemErrors,
              alarmFriendlyName: 'RecordsSystemErrors',
              addAlarm: {
                Critical: {
                  threshold: 0,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: describe('tableErrors'),
                },
              },
            },
          ],
        },
        {
          title: 'Index throttled events',
          metrics: recordsTable.indexes.map(({ indexName }, index) => ({
            metric: new MathExpression({
              // Ids unique across the graph, which draws every index.
              expression: `FILL(r${index},0)+FILL(w${index},0)`,
              usingMetrics: {
                [`r${index}`]: tableMetric('ReadThrottleEvents', { GlobalSecondaryIndexName: indexName }),
                [`w${index}`]: tableMetric('WriteThrottleEvents', { GlobalSecondaryIndexName: indexName }),
              },
              label: indexName,
              period: Duration.minutes(5),
            }),
            alarmFriendlyName: `Index-${indexName}`,
            addAlarm: {
              Critical: {
                threshold: 0,
                comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                alarmDescriptionOverride: describe('tableThrottled'),
              },
            },
          })),
        },
      ],
    });

    // Each function's errors alarm; on the dashboard, one graph per measure with a line per function (the
    // library's row of graphs per function would make some hundred and fifty graphs).
    const functions = [...props.functions];
    const perFunction = (
      title: string,
      metricOf: (fn: IFunction, label: string) => Metric,
    ): CustomMetricGroup => ({
      title,
      metrics: functions.map(([name, { fn }]) => metricOf(fn, name)),
    });
    const fiveMinutes = Duration.minutes(5);
    facade.monitorCustom({
      alarmFriendlyName: 'Functions',
      humanReadableName: 'Functions',
      metricGroups: [
        perFunction('Errors', (fn, label) => fn.metricErrors({ label, period: fiveMinutes })),
        {
          ...perFunction('Throttles', (fn, label) => fn.metricThrottles({ label, period: fiveMinutes })),
          // Functions have no reserved concurrency: they are throttled when the account's concurrency in the
          // Region runs out, which the account-wide metric shows in one alarm.
          metrics: [
            ...functions.map(([name, { fn }]) => fn.metricThrottles({ label: name, period: fiveMinutes })),
            {
              metric: new Metric({
                namespace: 'AWS/Lambda',
                metricName: 'Throttles',
                statistic: 'Sum',
                period: fiveMinutes,
                label: 'the account',
              }),
              alarmFriendlyName: 'LambdaThrottles',
              addAlarm: {
                Critical: {
                  threshold: 0,
                  comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: describe('functionThrottles'),
                },
              },
            },
          ],
        },
        perFunction('Invocations', (fn, label) => fn.metricInvocations({ label, period: fiveMinutes })),
        perFunction('Duration p90 (ms)', (fn, label) =>
          fn.metricDuration({ label, period: fiveMinutes, statistic: 'p90' }),
        ),
      ],
    });
    for (const [name, { fn }] of functions) {
      facade.monitorLambdaFunction({
        lambdaFunction: fn,
        alarmFriendlyName: `Fn-${name}`,
        humanReadableName: `Function ${name}`,
        addToDetailDashboard: name === 'archiver',
        addFaultCountAlarm: {
          Critical: { maxErrorCount: 0, alarmDescriptionOverride: describe('functionErrors') },
        },
        ...(name === 'archiver'
          ? {
              addMaxIteratorAgeAlarm: {
                Critical: {
                  maxAgeInMillis: Duration.minutes(5).toMilliseconds(),
                  // A stream with nothing new has no iterator age: that is not the archiver falling behind.
                  treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
                  alarmDescriptionOverride: describe('archiverBehind'),
                },
              },
            }
          : {}),
      });
    }
  }
}

/**
 * The library's dashboard links point at console.aws.amazon.com, which is not China's console
 * (console.amazonaws.cn): in the china profile the dashboard goes without them.
 */
class PartitionAwareFacade extends MonitoringFacade {
  private readonly consoleLinks: boolean;

  constructor(scope: Construct, id: string, props: MonitoringFacadeProps, consoleLinks: boolean) {
    super(scope, id, props);
    this.consoleLinks = consoleLinks;
  }

  override createAwsConsoleUrlFactory(): AwsConsoleUrlFactory {
    return this.consoleLinks ? super.createAwsConsoleUrlFactory() : new NoConsoleLinks();
  }
}

class NoConsoleLinks extends AwsConsoleUrlFactory {
  constructor() {
    super({ awsAccountId: '', awsAccountRegion: '' });
  }

  override getAwsConsoleUrl(): string | undefined {
    return undefined;
  }
}

/** A metric the functions emit, with the `service` dimension and the one it is counted by, if any. */
function gongkaiMetric(
  definition: MetricDefinition,
  dimensions: Record<string, string> = {},
  statistic = 'Sum',
  period = Duration.minutes(5),
): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: definition.name,
    dimensionsMap: { service: SERVICE_NAME, ...dimensions },
    statistic,
    period,
    label: Object.values(dimensions)[0] ?? definition.name,
  });
}

/** A stacked graph of a metric, hourly, one area per value of its dimension (and any other metrics). */
function byDimension(
  title: string,
  definition: MetricDefinition,
  dimension: string,
  values: readonly string[],
  ...others: Metric[]
): CustomMetricGroup {
  return {
    title,
    graphWidgetType: GraphWidgetType.STACKED_AREA,
    metrics: [
      ...values.map((value) => gongkaiMetric(definition, { [dimension]: value }, 'Sum', Duration.hours(1))),
      ...others,
    ],
  };
}

const capitalized = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
