import { Metrics } from '@aws-lambda-powertools/metrics';
import * as z from 'zod';
import { Channel } from '#lib/domain/application/application';
import { OUTCOMES } from '#lib/domain/application/outcomes';
import { BREACH_KINDS } from '#lib/domain/sweep';
import type { TimelineEvent } from '#lib/domain/timeline';
import {
  archiveMetrics,
  businessMetrics,
  METRICS_NAMESPACE,
  SERVICE_NAME,
  sweepMetrics,
  type MetricDefinition,
} from '#lib/platform/metrics';
import type { SweepSummary } from '#lib/use-cases/sweep';

/**
 * Metrics through Powertools: each `publish` writes CloudWatch embedded-metric-format lines to stdout,
 * which CloudWatch Logs turns into metrics (no API call, nothing to wait for). Namespace `Gongkai`, with
 * the `service` dimension. `POWERTOOLS_METRICS_DISABLED=true` (set by the local cloud and the tests)
 * writes nothing.
 */
export const createMetrics = (): Metrics =>
  new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

/** A value of a catalogued metric (`lib/platform/metrics.ts`), with its one dimension if it has one. */
export type MetricPoint = Readonly<{
  metric: MetricDefinition;
  dimension?: Readonly<{ name: string; value: string }>;
  value: number;
}>;

const count = (metric: MetricDefinition, value = 1): MetricPoint => ({ metric, value });
const countBy = (
  metric: MetricDefinition & { dimension: string },
  value: string,
  amount = 1,
): MetricPoint => ({ metric, dimension: { name: metric.dimension, value }, value: amount });

const ReceivedData = z.object({ channel: Channel });
const DecisionData = z.object({ outcome: z.enum(OUTCOMES), onTime: z.boolean() });
const BreachData = z.object({ kind: z.enum(BREACH_KINDS) });

/**
 * The metrics a committed timeline event stands for: it was archived, and perhaps a business fact. An event
 * without the field its metric counts (a writer's bug) is counted as archived only, and handed to
 * `unreadable` to be reported.
 */
export function metricsOfEvent(
  event: TimelineEvent,
  unreadable: (event: TimelineEvent) => void,
): MetricPoint[] {
  const dataOf = <T>(schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(event.data);
    if (!parsed.success) unreadable(event);
    return parsed.success ? parsed.data : undefined;
  };
  const points = [count(archiveMetrics.eventsArchived)];
  switch (event.type) {
    case 'application_submitted':
    case 'application_registered': {
      const data = dataOf(ReceivedData);
      if (data) points.push(countBy(businessMetrics.applicationsReceived, data.channel));
      break;
    }
    case 'decision_made': {
      const data = dataOf(DecisionData);
      if (data) points.push(countBy(businessMetrics.decisionsIssued, data.outcome));
      if (data?.onTime === false) points.push(count(businessMetrics.decisionsLate));
      break;
    }
    case 'breach_recorded': {
      const data = dataOf(BreachData);
      if (data) points.push(countBy(businessMetrics.breachesRecorded, data.kind));
      break;
    }
    case 'breach_escalated':
      points.push(count(businessMetrics.breachesEscalated));
      break;
  }
  return points;
}

/** A stream record that held no readable event, kept in quarantine instead. */
export const metricsOfQuarantine = (): MetricPoint[] => [count(archiveMetrics.eventsQuarantined)];

/** One finished sweep: the heartbeat, what it cost, and what it did (its breaches come from the timeline). */
export function metricsOfSweep(summary: SweepSummary): MetricPoint[] {
  const sum = (prefix: string) => {
    let total = 0;
    for (const [kind, n] of Object.entries(summary.counts)) if (kind.startsWith(prefix)) total += n;
    return total;
  };
  return [
    count(sweepMetrics.completed),
    count(sweepMetrics.duration, summary.durationMs),
    count(sweepMetrics.itemsRead, summary.itemsRead),
    count(sweepMetrics.daysSwept, summary.days.length),
    count(sweepMetrics.remindersSent, sum('reminder.')),
    count(sweepMetrics.automaticSteps, sum('step.')),
  ];
}

/**
 * Writes the points: those of one metric and dimension value are summed, and each dimension set gets one
 * EMF record (a record gives each of its metrics exactly the dimensions it names).
 */
export function publish(metrics: Metrics, points: readonly MetricPoint[]): void {
  const records = new Map<
    string,
    { dimension: MetricPoint['dimension']; values: Map<MetricDefinition, number> }
  >();
  for (const point of points) {
    const key = point.dimension === undefined ? '' : `${point.dimension.name}=${point.dimension.value}`;
    const record = records.get(key) ?? {
      dimension: point.dimension,
      values: new Map<MetricDefinition, number>(),
    };
    record.values.set(point.metric, (record.values.get(point.metric) ?? 0) + point.value);
    records.set(key, record);
  }
  for (const { dimension, values } of records.values()) {
    if (dimension !== undefined) metrics.addDimension(dimension.name, dimension.value);
    for (const [metric, value] of values) metrics.addMetric(metric.name, metric.unit, value);
    metrics.publishStoredMetrics();
  }
}
