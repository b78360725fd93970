/**
 * The metrics Gongkai emits (CloudWatch embedded metric format, through Powertools Metrics), defined once:
 * the functions emit them (`lib/adapters/metrics.ts`), the CDK stack alarms on them and draws them
 * (`infra/constructs/monitoring.ts`). Every metric carries the `service` dimension; a metric with a
 * `dimension` is emitted once per value of it (the domain's own list: channels, outcomes, breach kinds),
 * and only with that dimension, so its values can be summed. This module imports nothing: the logger of
 * every function reads its service name here.
 */
export const METRICS_NAMESPACE = 'Gongkai';

/** The `service` dimension of every metric, and the service name the logger writes. */
export const SERVICE_NAME = 'gongkai';

export type MetricUnitName = 'Count' | 'Milliseconds';

export type MetricDefinition = Readonly<{
  name: string;
  unit: MetricUnitName;
  /** What the number says, for the dashboard and the reader. */
  description: string;
}>;

export type DimensionedMetric = MetricDefinition & Readonly<{ dimension: string }>;

/** What happened to applications and obligations, as the timeline records it (counted by the archiver). */
export const businessMetrics = {
  applicationsReceived: {
    name: 'ApplicationsReceived',
    unit: 'Count',
    description: 'Applications received: submitted online or registered by an office, by channel',
    dimension: 'channel',
  },
  decisionsIssued: {
    name: 'DecisionsIssued',
    unit: 'Count',
    description: 'Decisions issued on applications, by outcome',
    dimension: 'outcome',
  },
  decisionsLate: {
    name: 'DecisionsLate',
    unit: 'Count',
    description: 'Decisions issued after the reply was due',
  },
  breachesRecorded: {
    name: 'BreachesRecorded',
    unit: 'Count',
    description: 'Breaches the sweep recorded, by kind',
    dimension: 'kind',
  },
  breachesEscalated: {
    name: 'BreachesEscalated',
    unit: 'Count',
    description: 'Open breaches escalated to the supervising agency',
  },
} as const satisfies Record<string, MetricDefinition | DimensionedMetric>;

/** The archiver's own work: every timeline event reaches the archive, or quarantine. */
export const archiveMetrics = {
  eventsArchived: {
    name: 'EventsArchived',
    unit: 'Count',
    description: 'Timeline events written to the archive',
  },
  eventsQuarantined: {
    name: 'EventsQuarantined',
    unit: 'Count',
    description: 'Timeline events that could not be read and were kept in quarantine instead',
  },
} as const satisfies Record<string, MetricDefinition>;

/** One run of the daily sweep, emitted when it finishes (a run that fails emits none). */
export const sweepMetrics = {
  completed: {
    name: 'SweepCompleted',
    unit: 'Count',
    description: 'Sweeps finished (the daily heartbeat)',
  },
  duration: {
    name: 'SweepDuration',
    unit: 'Milliseconds',
    description: 'How long the sweep ran',
  },
  itemsRead: {
    name: 'SweepItemsRead',
    unit: 'Count',
    description: 'Items the sweep read from the Records table',
  },
  daysSwept: {
    name: 'SweepDaysSwept',
    unit: 'Count',
    description: 'Days the run swept (more than 1: it caught up missed days)',
  },
  remindersSent: {
    name: 'SweepRemindersSent',
    unit: 'Count',
    description:
      'Reminders of deadlines in 3 and 1 working days, unconfirmed applications and the annual report',
  },
  automaticSteps: {
    name: 'SweepAutomaticSteps',
    unit: 'Count',
    description: 'Steps the rules take when a period lapses (no supplement, fee unpaid, consultation lapsed)',
  },
} as const satisfies Record<string, MetricDefinition>;
