import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import {
  ALARM_RUNBOOK,
  API_THROTTLED_METRIC,
  Monitoring,
  SWEEP_DEADLINE_ZONE,
} from '#infra/constructs/monitoring';
import type { ProfileName } from '#infra/profile';
import { functionDefinitions } from '#lib/platform/functions';
import { METRICS_NAMESPACE, SERVICE_NAME, sweepMetrics } from '#lib/platform/metrics';
import { recordsTable } from '#lib/platform/resources';

/**
 * The alarms and the dashboard, in both profiles. Each app is synthesized once into a directory of its own:
 * the templates and the validation report (cdk-nag's findings) are read from there, so the monitoring's
 * own findings are judged even while another part of an app still has some.
 */
type Synthesized = {
  /** The monitoring nested stack's template. */
  template: Template;
  /** Every template of the app, as written. */
  templateTexts: Map<string, string>;
  /** cdk-nag findings, by construct path. */
  nagFindings: { rule: string; path: string }[];
  synthError: unknown;
};

const outdirs: string[] = [];

function synthesize(profile: ProfileName, context: Record<string, string> = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), `gongkai-monitoring-${profile}-`));
  outdirs.push(outdir);
  const { app, api } = buildApp(
    new App({ outdir, context: { profile, 'aws:cdk:bundling-stacks': [], ...context } }),
  );
  const monitoring = api.node.findChild('Monitoring');
  if (!(monitoring instanceof Monitoring)) throw new Error('The API stack has no Monitoring');
  let synthError: unknown;
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  const templateTexts = new Map(
    readdirSync(outdir)
      .filter((file) => file.endsWith('.template.json'))
      .map((file) => [file, readFileSync(join(outdir, file), 'utf8')] as const),
  );
  const nested = [...templateTexts].find(([file]) => file.startsWith('GongkaiApiMonitoring'));
  if (nested === undefined) throw new Error('No monitoring template was written');
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
    }[];
  };
  const nagFindings = report.pluginReports
    .filter((plugin) => plugin.pluginName === 'AwsSolutions')
    .flatMap((plugin) => plugin.violations)
    .flatMap((violation) =>
      violation.violatingConstructs.map(({ constructPath }) => ({
        rule: violation.ruleName,
        path: constructPath,
      })),
    );
  return {
    template: Template.fromJSON(JSON.parse(nested[1]) as Record<string, unknown>),
    templateTexts,
    nagFindings,
    synthError,
  };
}

const ALARM_EMAIL = 'gongkai-ops@example.gov.cn';
const apps = {} as Record<ProfileName, Synthesized>;

beforeAll(() => {
  // The global app is given an alarm address, the china app none: both branches of the subscription.
  apps.global = synthesize('global', { 'gongkai:alarmEmail': ALARM_EMAIL });
  apps.china = synthesize('china');
});

afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/** The alarm whose name holds `part` (the library names alarms `<stack>-<friendly name>-<kind>-Critical`). */
const alarmNamed = (part: string) => Match.stringLikeRegexp(`^GongkaiApi-${part}`);

/** An alarm's metric, as the library writes it (a one-metric `Metrics` list). */
const measuring = (metric: {
  namespace: string;
  name: string;
  stat: string;
  period?: number;
  dimensions?: unknown;
}) => ({
  Metrics: Match.arrayWith([
    Match.objectLike({
      MetricStat: {
        Metric: Match.objectLike({
          Namespace: metric.namespace,
          MetricName: metric.name,
          ...(metric.dimensions === undefined ? {} : { Dimensions: metric.dimensions }),
        }),
        Period: metric.period ?? 300,
        Stat: metric.stat,
      },
    }),
  ]),
});

/** A reference to a resource of the API stack, passed into the nested stack as a parameter. */
const referenceTo = (logicalIdPart: string) => ({
  Ref: Match.stringLikeRegexp(`^referencetoGongkaiApi${logicalIdPart}`),
});

describe.each(['global', 'china'] as const)('monitoring, %s profile', (profile) => {
  const template = () => apps[profile].template;
  const topic = () => ({ Ref: Object.keys(template().findResources('AWS::SNS::Topic'))[0] });

  it('every alarm notifies the alarm topic when it fires and when it recovers', () => {
    const alarms = Object.values(template().findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({ AlarmActions: [topic()], OKActions: [topic()] });
    }
  });

  it('the topic is encrypted with a rotated key CloudWatch may use, and takes TLS only', () => {
    template().hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template().hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    template().hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('HTTP API: more than 5% of requests answered 5xx in 2 of 3 five-minute periods', () => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('Api-Fault-Rate'),
      ...measuring({
        namespace: 'AWS/ApiGateway',
        name: '5xx',
        stat: 'Average',
        dimensions: [
          { Name: 'ApiId', Value: { Ref: Match.stringLikeRegexp('^referencetoGongkaiApi') } },
          { Name: 'Stage', Value: '$default' },
        ],
      }),
      Threshold: 0.05,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    });
  });

  it('HTTP API: 429s, counted from the access log, in 2 consecutive five-minute periods', () => {
    template().hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [
        { MetricNamespace: METRICS_NAMESPACE, MetricName: API_THROTTLED_METRIC, MetricValue: '1' },
      ],
    });
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('ApiThrottled'),
      ...measuring({ namespace: METRICS_NAMESPACE, name: API_THROTTLED_METRIC, stat: 'Sum' }),
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
    });
  });

  it.each(functionDefinitions.map(({ name }) => name))('function %s: any error', (name) => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed(`Fn-${name}-Fault-Count`),
      ...measuring({
        namespace: 'AWS/Lambda',
        name: 'Errors',
        stat: 'Sum',
        dimensions: [{ Name: 'FunctionName', Value: referenceTo(`Fn${name.replace(/-/g, '')}Function`) }],
      }),
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('any Lambda throttle in the account and Region (no function has reserved concurrency)', () => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('Functions-LambdaThrottles'),
      Metrics: [
        Match.objectLike({
          MetricStat: {
            Metric: { Namespace: 'AWS/Lambda', MetricName: 'Throttles' },
            Period: 300,
            Stat: 'Sum',
          },
        }),
      ],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(JSON.stringify(template().toJSON())).not.toMatch(/Throttled-Count/);
  });

  it('the archiver more than 5 minutes behind its stream', () => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('Fn-archiver-Iterator-Age'),
      ...measuring({ namespace: 'AWS/Lambda', name: 'IteratorAge', stat: 'Maximum' }),
      Threshold: 5 * 60 * 1000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it.each(['Archiver', 'Sweep'])('any message in the %s dead-letter queue', (queue) => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed(`${queue}Dlq`),
      ...measuring({
        namespace: 'AWS/SQS',
        name: 'ApproximateNumberOfMessagesVisible',
        stat: 'Maximum',
        dimensions: [{ Name: 'QueueName', Value: referenceTo(`${queue}Failures`) }],
      }),
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('the sweep not finished by 01:30 China time: a daily window closing at 01:30, empty counting as breaching', () => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('Sweep-SweepMissing'),
      ...measuring({
        namespace: METRICS_NAMESPACE,
        name: sweepMetrics.completed.name,
        stat: 'Sum',
        period: 24 * 3600,
        dimensions: [{ Name: 'service', Value: SERVICE_NAME }],
      }),
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'breaching',
      EvaluationWindow: { WallClockWindow: { Timezone: SWEEP_DEADLINE_ZONE } },
      AlarmDescription: Match.stringLikeRegexp(ALARM_RUNBOOK.sweepMissing.meaning.slice(0, 40)),
    });
  });

  it('the Records table: throttled reads and writes, on the table and on each index, and system errors', () => {
    for (const part of ['Records-Read-Throttled', 'Records-Write-Throttled']) {
      template().hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: alarmNamed(part),
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
    for (const { indexName } of recordsTable.indexes) {
      template().hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: alarmNamed(`RecordsErrors-Index-${indexName}`),
        Threshold: 0,
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({
                MetricName: 'WriteThrottleEvents',
                Dimensions: Match.arrayWith([{ Name: 'GlobalSecondaryIndexName', Value: indexName }]),
              }),
            }),
          }),
        ]),
      });
    }
    // Transactions are how every state change is written: their errors count.
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('RecordsErrors-RecordsSystemErrors'),
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: Match.arrayWith([
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({
              MetricName: 'SystemErrors',
              Dimensions: Match.arrayWith([{ Name: 'Operation', Value: 'TransactWriteItems' }]),
            }),
          }),
        }),
      ]),
    });
  });

  it('a timeline event the archiver had to quarantine', () => {
    template().hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: alarmNamed('Archive-EventsQuarantined'),
      ...measuring({
        namespace: METRICS_NAMESPACE,
        name: 'EventsQuarantined',
        stat: 'Sum',
        dimensions: [{ Name: 'service', Value: SERVICE_NAME }],
      }),
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('one dashboard, drawing the business metrics', () => {
    const dashboards = Object.values(template().findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties);
    for (const metric of ['ApplicationsReceived', 'DecisionsIssued', 'BreachesRecorded', 'SweepDuration']) {
      expect(body).toContain(metric);
    }
  });

  it('cdk-nag has nothing to say about the monitoring', () => {
    expect(apps[profile].nagFindings.filter(({ path }) => path.startsWith('GongkaiApi/Monitoring'))).toEqual(
      [],
    );
  });
});

describe('the profiles differ where they must', () => {
  it('global: the whole app passes cdk-nag', () => {
    expect(apps.global.synthError).toBeUndefined();
    expect(apps.global.nagFindings).toEqual([]);
  });

  it('the alarm address, when set, is subscribed by e-mail; without one there is no subscription', () => {
    apps.global.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: ALARM_EMAIL,
    });
    expect(apps.china.template.findResources('AWS::SNS::Subscription')).toEqual({});
  });

  it('china: no ARN of the global partition in the API stack or its monitoring', () => {
    const texts = [...apps.china.templateTexts].filter(([file]) => file.startsWith('GongkaiApi'));
    expect(texts.map(([file]) => file)).toEqual(
      expect.arrayContaining(['GongkaiApi.template.json', expect.stringMatching(/^GongkaiApiMonitoring/)]),
    );
    for (const [file, text] of texts) expect(text, file).not.toContain('arn:aws:');
  });

  it('china: the dashboard is named for its Region too (dashboards are per account, not per Region)', () => {
    apps.china.template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: 'GongkaiApi-cn-north-1',
    });
  });

  it('china: the dashboard links to no global console (console.amazonaws.cn is another site); global does', () => {
    const dashboardOf = (profile: ProfileName) =>
      JSON.stringify(Object.values(apps[profile].template.findResources('AWS::CloudWatch::Dashboard')));
    expect(dashboardOf('china')).not.toContain('console.aws.amazon.com');
    expect(dashboardOf('global')).toContain('console.aws.amazon.com');
  });
});

describe('tracing, where Lambda offers X-Ray', () => {
  const functionsOf = (profile: ProfileName) => {
    const text = apps[profile].templateTexts.get('GongkaiApi.template.json');
    if (text === undefined) throw new Error('No API template');
    // The app's own functions (`Fn-<name>`), not the providers of custom resources (the edge's lookup).
    return Object.entries(
      Template.fromJSON(JSON.parse(text) as Record<string, unknown>).findResources('AWS::Lambda::Function'),
    )
      .filter(([logicalId]) => logicalId.startsWith('Fn'))
      .map(([, resource]) => resource.Properties as Record<string, unknown>);
  };

  it('global: every function traces actively, its tracer on', () => {
    const functions = functionsOf('global');
    expect(functions).toHaveLength(functionDefinitions.length);
    for (const fn of functions) {
      expect(fn).toMatchObject({
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: { POWERTOOLS_TRACE_ENABLED: 'true' } },
      });
    }
  });

  it('china (no X-Ray integration with Lambda): no function traces, and their tracer is off', () => {
    const functions = functionsOf('china');
    expect(functions).toHaveLength(functionDefinitions.length);
    for (const fn of functions) {
      expect(fn.TracingConfig).toBeUndefined();
      expect(fn).toMatchObject({ Environment: { Variables: { POWERTOOLS_TRACE_ENABLED: 'false' } } });
    }
  });
});

describe('the sweep deadline', () => {
  it(`midnight in ${SWEEP_DEADLINE_ZONE} is 01:30 in China, and the 00:30 run falls in the window that closes then`, () => {
    const closes = new Date(`2026-10-21T00:00:00${SWEEP_DEADLINE_ZONE}`);
    expect(closes).toEqual(new Date('2026-10-21T01:30:00+08:00'));
    const opens = new Date(closes.getTime() - 24 * 3600 * 1000);
    const run = new Date('2026-10-21T00:30:00+08:00');
    expect(run > opens && run < closes).toBe(true);
  });
});

describe('README', () => {
  it('its Alarms runbook names every alarm', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('### Alarms');
    expect(start).toBeGreaterThan(-1);
    const next = readme.slice(start + 1).search(/\n#{1,3} /);
    const section = next === -1 ? readme.slice(start) : readme.slice(start, start + 1 + next);
    for (const { title } of Object.values(ALARM_RUNBOOK)) expect(section).toContain(title);
  });
});
