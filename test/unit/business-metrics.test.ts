import type { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMetrics,
  metricsOfEvent,
  metricsOfQuarantine,
  metricsOfSweep,
  publish,
} from '#lib/adapters/metrics';
import { issueDecision } from '#lib/domain/application/decision';
import { register, submitOnline } from '#lib/domain/application/intake';
import { DEFAULT_POLICY } from '#lib/domain/application/policy';
import { EMPTY_CHAIN, nextEvent, type CaseKind, type TimelineEvent } from '#lib/domain/timeline';
import {
  archiveMetrics,
  businessMetrics,
  METRICS_NAMESPACE,
  SERVICE_NAME,
  sweepMetrics,
} from '#lib/platform/metrics';
import type { SweepSummary } from '#lib/use-cases/sweep';
import {
  aReceivedApplication,
  aRegistration,
  anOnlineApplication,
  decisions,
  ids,
  on,
  staffIdOf,
} from '#test/support/factories';

/**
 * The business metrics, as CloudWatch receives them: Powertools writes embedded-metric-format records,
 * captured here (Powertools' dev mode writes through the global console) and read back.
 */
type EmfRecord = {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
};

/** One metric as a record states it: its unit, its dimensions (with values) and its value. */
type Emitted = { name: string; unit: string; dimensions: Record<string, unknown>; value: unknown };

let lines: string[];
/** Reports of events without the field their metric counts. */
let unreadable: TimelineEvent[];
let metrics: Metrics;

beforeEach(() => {
  vi.stubEnv('POWERTOOLS_DEV', 'true');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  lines = [];
  unreadable = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  metrics = createMetrics();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Metrics in a stable order (by name, then dimensions): records come in no promised order. */
const sorted = (metrics: Emitted[]): Emitted[] => {
  const key = (metric: Emitted) => `${metric.name} ${JSON.stringify(metric.dimensions)}`;
  return [...metrics].sort((a, b) => key(a).localeCompare(key(b)));
};

function emitted(): Emitted[] {
  return sorted(
    lines.flatMap((line) => {
      const record = JSON.parse(line) as EmfRecord;
      return record._aws.CloudWatchMetrics.flatMap((directive) => {
        expect(directive.Namespace).toBe(METRICS_NAMESPACE);
        // One dimension set per record: every metric of it has exactly these dimensions.
        expect(directive.Dimensions).toHaveLength(1);
        const names = directive.Dimensions[0] ?? [];
        const dimensions = Object.fromEntries(names.map((name) => [name, record[name]]));
        return directive.Metrics.map((metric) => ({
          name: metric.Name,
          unit: metric.Unit,
          dimensions,
          value: record[metric.Name],
        }));
      });
    }),
  );
}

/** A metric as expected: always with the `service` dimension, a count unless said otherwise. */
const metric = (
  name: string,
  value: number,
  dimensions: Record<string, string> = {},
  unit = 'Count',
): Emitted => ({
  name,
  unit,
  dimensions: { service: SERVICE_NAME, ...dimensions },
  value,
});

const ref = { agencyId: 'ag-city', kind: 'application', id: '2026-TEST-0001' } as const;
const at = new Date('2026-10-20T10:00:00+08:00');

/** The event a change of the application machine writes, as the table stream hands it to the archiver. */
const committed = (
  event: { type: string; data: Record<string, unknown> },
  kind: CaseKind = ref.kind,
): TimelineEvent =>
  nextEvent({ ...ref, kind }, EMPTY_CHAIN, {
    type: event.type,
    now: at,
    actor: { kind: 'system', process: 'test' },
    data: event.data,
  });

const counted = (event: TimelineEvent) => metricsOfEvent(event, (bad) => unreadable.push(bad));
const archivedAll = (events: TimelineEvent[]) => publish(metrics, events.flatMap(counted));

describe('business metrics from the committed timeline', () => {
  it('applications received are counted by channel: online, and as each office registered them', () => {
    const online = submitOnline(
      anOnlineApplication(),
      ids(),
      '2026-10-20T20:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-10-20'),
    );
    const byFax = register(
      aRegistration({ channel: 'fax' }),
      ids(),
      '2026-09-28T10:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-09-28'),
    );
    archivedAll([committed(online.event), committed(online.event), committed(byFax.event)]);

    const received = emitted().filter((metric) => metric.name === businessMetrics.applicationsReceived.name);
    expect(received).toEqual(
      sorted([
        metric('ApplicationsReceived', 2, { channel: 'online' }),
        metric('ApplicationsReceived', 1, { channel: 'fax' }),
      ]),
    );
  });

  it('decisions are counted by outcome, and those issued after the reply was due once more as late', () => {
    const received = aReceivedApplication('2026-09-28');
    const by = { staffId: staffIdOf('approver'), name: '李华' };
    const decide = (input: ReturnType<typeof decisions.notDisclosed>, today: string) =>
      committed(
        issueDecision(received.application, received.reply, input, by, 'letter.html', on(today)).event,
      );
    archivedAll([
      decide(decisions.notDisclosed(), '2026-10-20'),
      decide(decisions.disclosed(), '2027-02-01'),
    ]);

    const decided = emitted().filter((metric) => metric.name.startsWith('Decisions'));
    expect(decided).toEqual(
      sorted([
        metric('DecisionsIssued', 1, { outcome: 'not_disclosed' }),
        metric('DecisionsIssued', 1, { outcome: 'disclosed' }),
        metric('DecisionsLate', 1),
      ]),
    );
  });

  it('breaches are counted by kind, and escalations on their own', () => {
    const breach = (kind: string) =>
      committed({ type: 'breach_recorded', data: { kind, dueDate: '2026-10-19' } }, 'breach');
    archivedAll([
      breach('reply_overdue'),
      breach('reply_overdue'),
      breach('annual_report_missing'),
      committed({ type: 'breach_escalated', data: { level: 'ag-province' } }, 'breach'),
    ]);

    const breaches = emitted().filter((metric) => metric.name.startsWith('Breaches'));
    expect(breaches).toEqual(
      sorted([
        metric('BreachesRecorded', 2, { kind: 'reply_overdue' }),
        metric('BreachesRecorded', 1, { kind: 'annual_report_missing' }),
        metric('BreachesEscalated', 1),
      ]),
    );
  });

  it('every archived event counts once in one record with the other dimensionless metrics; a quarantined one apart', () => {
    publish(metrics, [
      ...counted(committed({ type: 'handler_assigned', data: {} })),
      ...counted(committed({ type: 'breach_escalated', data: {} }, 'breach')),
      ...metricsOfQuarantine(),
    ]);

    expect(lines).toHaveLength(1);
    expect(emitted()).toEqual(
      sorted([metric('EventsArchived', 2), metric('BreachesEscalated', 1), metric('EventsQuarantined', 1)]),
    );
  });

  it('an event without the field its metric counts is archived, reported, and not counted under a made-up value', () => {
    const pigeon = committed({ type: 'application_registered', data: { channel: 'carrier_pigeon' } });
    archivedAll([pigeon]);

    expect(emitted()).toEqual(sorted([metric(archiveMetrics.eventsArchived.name, 1)]));
    expect(unreadable).toEqual([pigeon]);
  });
});

describe('the sweep', () => {
  const summary: SweepSummary = {
    runId: 'run-1',
    requestedDay: '2026-10-20',
    days: ['2026-10-19', '2026-10-20'],
    counts: {
      'reminder.reply.3': 2,
      'reminder.reply.1': 1,
      'reminder.confirmation': 1,
      'step.no-supplement': 1,
      'breach.reply_overdue': 4,
    },
    itemsRead: 312,
    durationMs: 1850.5,
  };

  it('a finished run emits its heartbeat, its duration in milliseconds, the items it read and what it did', () => {
    publish(metrics, metricsOfSweep(summary));

    expect(lines).toHaveLength(1);
    expect(emitted()).toEqual(
      sorted([
        metric('SweepCompleted', 1),
        metric('SweepDuration', 1850.5, {}, 'Milliseconds'),
        metric('SweepItemsRead', 312),
        metric('SweepDaysSwept', 2),
        metric('SweepRemindersSent', 4),
        metric('SweepAutomaticSteps', 1),
      ]),
    );
  });

  it('every metric of the catalogue is one the functions emit', () => {
    const received = submitOnline(
      anOnlineApplication(),
      ids(),
      '2026-10-20T20:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-10-20'),
    );
    const application = aReceivedApplication('2026-09-28');
    const late = issueDecision(
      application.application,
      application.reply,
      decisions.disclosed(),
      { staffId: staffIdOf('a'), name: 'a' },
      'l.html',
      on('2027-02-01'),
    );
    publish(metrics, [
      ...[
        committed(received.event),
        committed(late.event),
        committed({ type: 'breach_recorded', data: { kind: 'reply_overdue' } }, 'breach'),
        committed({ type: 'breach_escalated', data: {} }, 'breach'),
      ].flatMap(counted),
      ...metricsOfQuarantine(),
      ...metricsOfSweep(summary),
    ]);

    const catalogue = [businessMetrics, archiveMetrics, sweepMetrics].flatMap((group) =>
      Object.values(group).map((metric) => `${metric.name} (${metric.unit})`),
    );
    const names = new Set(emitted().map((metric) => `${metric.name} (${metric.unit})`));
    expect([...names].sort()).toEqual(catalogue.sort());
  });
});

describe('where metrics go nowhere', () => {
  it('with POWERTOOLS_METRICS_DISABLED=true (the local cloud, the other tests) nothing is written', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    publish(
      createMetrics(),
      metricsOfSweep({
        runId: 'r',
        requestedDay: '2026-10-20',
        days: [],
        counts: {},
        itemsRead: 0,
        durationMs: 1,
      }),
    );
    expect(lines).toEqual([]);
  });
});
