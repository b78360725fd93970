import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildApp } from '#infra/app';
import { METRIC_DIMENSION_VALUES } from '#infra/constructs/monitoring';
import {
  archiveMetrics,
  businessMetrics,
  sweepMetrics,
  type DimensionedMetric,
  type MetricDefinition,
} from '#lib/platform/metrics';

/** What one deployment's monitoring is billed for: its alarms, dashboards and custom metrics. */
export type Observability = Readonly<{ alarms: number; dashboards: number; customMetrics: number }>;

/**
 * Counted from the stacks as synthesized (global profile, bundling skipped): the alarms and dashboards in
 * every template (the monitoring nested stack included), and the custom metrics — one per log metric
 * filter, and one per metric the functions emit and per value of its dimension (CloudWatch bills each
 * name-and-dimensions as a metric).
 */
export function observabilityOfDeployment(): Observability {
  const outdir = mkdtempSync(join(tmpdir(), 'gongkai-cost-synth-'));
  try {
    const { app } = buildApp(new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } }));
    app.synth();
    const types = readdirSync(outdir)
      .filter((file) => file.endsWith('.template.json'))
      .flatMap((file) => {
        const template = JSON.parse(readFileSync(join(outdir, file), 'utf8')) as {
          Resources?: Record<string, { Type: string }>;
        };
        return Object.values(template.Resources ?? {}).map((resource) => resource.Type);
      });
    const count = (type: string) => types.filter((found) => found === type).length;
    const emitted = [
      ...Object.values(businessMetrics),
      ...Object.values(archiveMetrics),
      ...Object.values(sweepMetrics),
    ] as readonly (MetricDefinition | DimensionedMetric)[];
    const values = METRIC_DIMENSION_VALUES as Readonly<Record<string, readonly string[]>>;
    const emittedMetrics = emitted.reduce(
      (sum, metric) => sum + ('dimension' in metric ? (values[metric.dimension]?.length ?? 1) : 1),
      0,
    );
    return {
      alarms: count('AWS::CloudWatch::Alarm'),
      dashboards: count('AWS::CloudWatch::Dashboard'),
      customMetrics: emittedMetrics + count('AWS::Logs::MetricFilter'),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
