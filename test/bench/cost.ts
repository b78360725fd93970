import { functionDefinitions } from '#lib/platform/functions';
import {
  addActivity,
  bill,
  DAYS_PER_MONTH,
  GB,
  NO_ACTIVITY,
  PRICES,
  PRICES_TAKEN,
  REGIONS,
  addUsage,
  gbSeconds,
  scanSweepUsage,
  serverUsage,
  shareOf,
  usageOf,
  WORKING_DAYS_PER_MONTH,
  ITEM_OVERHEAD_BYTES,
  type Activity,
  type Bill,
  type Deployment,
  type Region,
  type Server,
  type Usage,
} from './cost-model';
import { observabilityOfDeployment, type Observability } from './cost-observability';
import { measureWorkload, type Growth, type Measured, type Operation } from './cost-workload';
import { round, type Table } from './table';

/**
 * What one agency, and a province of 2,000, pays a month — from figures measured here: a modest workload
 * (ten applications through their lifecycle, four publications through the review chain, their page
 * views, console use and the daily sweep) run against the local cloud, each operation's DynamoDB request
 * units, S3 requests, function invocations and billed durations counted, then scaled linearly by the
 * workload assumptions below and priced at the list prices of cost-model.ts. Next to it, the naive
 * designs: a sweep that Scans the table every day, and one server with a database running all year.
 */

// --- Workload assumptions -------------------------------------------------------------------------

/** An agency's size: applications and proactive publications a year, and staff who use the console daily. */
type Tier = { label: string; applications: number; publications: number; staff: number };
const TIERS: readonly Tier[] = [
  { label: '100 applications a year', applications: 100, publications: 150, staff: 1 },
  { label: '1,000 applications a year', applications: 1000, publications: 500, staff: 2 },
  { label: '10,000 applications a year', applications: 10_000, publications: 2000, staff: 6 },
];
/** A province of 2,000 agencies on one deployment: most are small county departments. */
const PROVINCE: readonly { agencies: number; tier: number }[] = [
  { agencies: 1800, tier: 0 },
  { agencies: 180, tier: 1 },
  { agencies: 20, tier: 2 },
];

const ONLINE = 0.8; // share of applications made online; the rest are letters a clerk registers
const tierOf = (index: number): Tier => {
  const tier = TIERS[index];
  if (tier === undefined) throw new Error(`No tier ${index}`);
  return tier;
};

type Assumption = { operation: Operation; count: number; why: string };
const PER_APPLICATION: readonly Assumption[] = [
  { operation: 'portal: agency home', count: ONLINE, why: 'an online applicant finds the agency' },
  { operation: 'portal: guide', count: ONLINE, why: 'reads its guide (指南) first' },
  { operation: 'portal: apply form', count: ONLINE, why: `${ONLINE * 100} % apply online` },
  { operation: 'portal: apply (post, receipt)', count: ONLINE, why: 'with one 200 KB file' },
  { operation: 'letter registered by a clerk', count: 1 - ONLINE, why: 'the rest come by letter' },
  { operation: 'confirmed by a clerk', count: ONLINE, why: 'online ones are confirmed' },
  { operation: 'status page', count: 4, why: 'the applicant follows the case' },
  { operation: 'clarification and supplement', count: 0.15, why: '补正 in 15 %' },
  { operation: 'extension', count: 0.1, why: 'extended in 10 %' },
  { operation: 'decision', count: 1, why: 'with its letter, archived' },
  { operation: 'console: applications list', count: 3, why: 'the work queue' },
  { operation: 'console: an application', count: 5, why: 'each action returns to the case' },
];
const PER_PUBLICATION: readonly Assumption[] = [
  { operation: 'upload a file (presigned)', count: 1, why: 'one 300 KB document' },
  { operation: 'submission created and sent', count: 1, why: 'registered and sent for review' },
  { operation: 'review step signed', count: 4, why: '初审, 复审, 保密审查, 终审 (publishes)' },
  { operation: 'console: a review', count: 4, why: 'each reviewer opens it' },
  { operation: 'console: a submission', count: 2, why: 'the clerk edits and checks' },
  { operation: 'reading room: a publication', count: 40, why: 'views in its first year' },
  { operation: 'reading room: listing', count: 10, why: 'listing pages leading to it' },
  { operation: 'portal: agency home', count: 5, why: 'visitors arriving at the agency' },
];
const PER_STAFF_WORKING_DAY: readonly Assumption[] = [
  { operation: 'console: sign-in', count: 1, why: 'one session a day' },
  { operation: 'console: today', count: 2, why: 'the 待办 page' },
];
/** The sweep's reminders (3 working days before a deadline) for cases still open by then. */
const REMINDERS_PER_APPLICATION = 1;
const REMINDERS_PER_PUBLICATION = 0.3;
const INIT_MS = 400; // a cold start: the runtime's start and the bundle's import (cold-start bench: ~150–250 ms)
const IDLE_MINUTES = 10;

/** The naive design (b): one server and a managed PostgreSQL, sized per scenario. */
const SERVER_FOR_AGENCY: Server = {
  name: 't4g.small + 20 GB gp3 + RDS db.t4g.micro + 20 GB',
  instance: 'ec2T4gSmallHours',
  diskGb: 20,
  database: 'rdsT4gMicroHours',
  databaseGb: 20,
};
const SERVER_FOR_PROVINCE: Server = {
  name: 'c6g.large + 50 GB gp3 + RDS db.t4g.large + 100 GB',
  instance: 'ec2C6gLargeHours',
  diskGb: 50,
  database: 'rdsT4gLargeHours',
  databaseGb: 100,
};

export async function costBench(): Promise<Table[]> {
  const { measured, storage, sweep, scanMsPerMb: msPerMb } = await measureWorkload();
  const perAgencyDay = sweep.perAgencyDay;
  const perReminder = sweep.perReminder;
  const sweepRunDay = sweep.run;
  // --- Scaling ------------------------------------------------------------------------------------
  const per = (operation: Operation): Activity => {
    const tally = measured.get(operation);
    if (tally === undefined) throw new Error(`${operation} was not measured`);
    return addActivity(NO_ACTIVITY, tally.activity, 1 / tally.n);
  };
  const ofAssumptions = (assumptions: readonly Assumption[], times: number): Activity =>
    assumptions.reduce(
      (sum, { operation, count }) => addActivity(sum, per(operation), count * times),
      NO_ACTIVITY,
    );
  const remindersPerMonth = (tier: Tier): number =>
    (tier.applications * REMINDERS_PER_APPLICATION + tier.publications * REMINDERS_PER_PUBLICATION) / 12;
  /** An agency's share of the daily sweep: itself in each day's run, and its reminders. */
  const agencySweep = (tier: Tier): Activity =>
    addActivity(addActivity(NO_ACTIVITY, perAgencyDay, DAYS_PER_MONTH), perReminder, remindersPerMonth(tier));
  /** An agency's own month: its cases, its publications, its staff, its share of the sweep. */
  const agencyMonth = (tier: Tier): Activity => {
    let month = ofAssumptions(PER_APPLICATION, tier.applications / 12);
    month = addActivity(month, ofAssumptions(PER_PUBLICATION, tier.publications / 12));
    month = addActivity(month, ofAssumptions(PER_STAFF_WORKING_DAY, tier.staff * WORKING_DAYS_PER_MONTH));
    return addActivity(month, agencySweep(tier));
  };
  /** Storage at the end of the first year, and the base table's bytes (what a Scan reads). */
  const { agency, applications, publications } = storage;
  const agencyYearBytes = (tier: Tier) => {
    const of = (field: 'stored' | 'base' | 'items') =>
      agency[field] +
      (applications.table[field] / applications.n) * tier.applications +
      (publications.table[field] / publications.n) * tier.publications;
    return {
      table: of('stored'),
      scanned: of('base'),
      items: of('items'),
      archive:
        (applications.files / applications.n) * tier.applications +
        (publications.files / publications.n) * tier.publications,
    };
  };
  const observability = observabilityOfDeployment();
  const memoryMb = Object.fromEntries(
    functionDefinitions.map((definition) => [definition.name, definition.memoryMb]),
  );
  const deployment: Deployment = {
    memoryMb,
    secretReaders: functionDefinitions
      .filter((definition) => 'applicantKey' in definition && definition.applicantKey)
      .map((definition) => definition.name),
    initMs: INIT_MS,
    idleMinutes: IDLE_MINUTES,
    xray: true,
    logRetentionMonths: 6,
  };
  /** A deployment: the agencies it serves, by size, and the server the naive design would need. */
  type Scenario = { label: string; parts: readonly { tier: Tier; agencies: number }[]; server: Server };
  const scenarios: Scenario[] = [
    ...TIERS.map((tier) => ({
      label: `one agency, ${tier.label}`,
      parts: [{ tier, agencies: 1 }],
      server: SERVER_FOR_AGENCY,
    })),
    {
      label: `a province: ${PROVINCE.reduce((sum, part) => sum + part.agencies, 0).toLocaleString('en')} agencies`,
      parts: PROVINCE.map((part) => ({ tier: tierOf(part.tier), agencies: part.agencies })),
      server: SERVER_FOR_PROVINCE,
    },
  ];
  /** What every deployment pays once: the secret, the daily schedule, the alarms and dashboard. */
  const fixed: Usage = { secrets: 1, schedulerInvocations: DAYS_PER_MONTH, ...observability };
  const results = scenarios.map((scenario) => {
    const agencies = scenario.parts.reduce((sum, part) => sum + part.agencies, 0);
    const dailyRuns = addActivity(NO_ACTIVITY, sweepRunDay, DAYS_PER_MONTH);
    const activity = scenario.parts.reduce(
      (sum, part) => addActivity(sum, agencyMonth(part.tier), part.agencies),
      dailyRuns,
    );
    const bytes = scenario.parts
      .map((part) => ({ part, year: agencyYearBytes(part.tier) }))
      .reduce(
        (sum, { part, year }) => ({
          table: sum.table + year.table * part.agencies,
          scanned: sum.scanned + year.scanned * part.agencies,
          items: sum.items + year.items * part.agencies,
          archive: sum.archive + year.archive * part.agencies,
        }),
        { table: 0, scanned: 0, items: 0, archive: 0 },
      );
    const usage = addUsage(usageOf(activity, deployment), fixed, {
      dynamoStorageGbMonths: bytes.table / GB,
      // Point-in-time recovery is billed on the table's own size (its items and their overhead).
      dynamoBackupGbMonths: (bytes.scanned + bytes.items * ITEM_OVERHEAD_BYTES) / GB,
      s3StorageGbMonths: bytes.archive / GB,
    });
    // The sweep as built (its runs, each agency's share), and a Scan-based one's reads and scan time.
    const sweepActivity = scenario.parts.reduce(
      (sum, part) => addActivity(sum, agencySweep(part.tier), part.agencies),
      dailyRuns,
    );
    const scanSweep = scanSweepUsage({
      tableBytes: bytes.scanned,
      items: bytes.items,
      msPerMb,
      memoryMb: memoryMb.sweep ?? 1024,
    });
    return {
      label: scenario.label,
      agencies,
      usage,
      bills: Object.fromEntries(REGIONS.map((region) => [region, bill(usage, region)])) as Record<
        Region,
        Bill
      >,
      sweep: bill(usageOf(sweepActivity, { ...deployment, xray: false }), 'us-east-1'),
      scanSweep: bill(scanSweep, 'us-east-1'),
      scanGb: bytes.scanned / GB,
      server: bill(serverUsage(scenario.server), 'us-east-1'),
    };
  });

  return [
    assumptionsTable(observability),
    measuredTable(measured, memoryMb),
    {
      title: 'Cost: storage and the sweep, as measured',
      columns: [
        'what',
        'items',
        'table bytes (with index copies)',
        'archive and uploads bytes',
        'RRU',
        'WRU',
        'sweep billed ms',
      ],
      rows: [
        ['an agency and its staff', agency.items, agency.stored, 0, '—', '—', '—'],
        perCase('an application (its lifecycle, as in this mix)', applications),
        perCase('a publication (review chain, published)', publications),
        sweepRow(`a day's sweep run (${sweep.agencies} agencies' share taken out)`, sweepRunDay),
        sweepRow('each agency, per day (working and weekend days weighted)', perAgencyDay),
        sweepRow(
          `each reminder (${sweep.reminders.count} due on ${sweep.reminders.day}, against ${sweep.reminders.against})`,
          perReminder,
        ),
      ],
      notes: [
        `Table bytes: DynamoDB's item size (names and values) plus 100 bytes per item, once more for each index the item is in (both project all attributes); read from the emulator. A full Scan here took ${round(msPerMb, 0)} ms per MB (the naive sweep below).`,
      ],
    },
    pricesTable(),
    {
      title: `Cost: a month, at list prices taken ${PRICES_TAKEN} (scaled from the figures above; storage at the end of the first year)`,
      columns: [
        'scenario',
        'requests a month',
        'us-east-1 USD',
        'per agency USD',
        'cn-north-1 CNY, priced lines',
        'cn-north-1 lines without a price (share of the us-east-1 bill)',
        'sweep by due day USD',
        'Scan-based sweep USD',
        'one server all year USD',
      ],
      rows: results.map((result) => {
        const cn = result.bills['cn-north-1'];
        return [
          result.label,
          Math.round(result.usage.httpApiRequests ?? 0).toLocaleString('en'),
          money(result.bills['us-east-1'].total),
          money(result.bills['us-east-1'].total / result.agencies),
          money(cn.total),
          `${cn.unpriced.length} (${round(100 * shareOf(result.bills['us-east-1'], cn.unpriced), 0)} %)`,
          money(result.sweep.total),
          `${money(result.scanSweep.total)} (${round(result.scanGb * 1024, 1)} MB a day)`,
          money(result.server.total),
        ];
      }),
      notes: [
        'Without free tiers. cn-north-1: only DynamoDB writes and CloudWatch alarms and metrics have a CNY list price that could be found (see the price table); the other lines are counted, not priced, and the column says how much of the us-east-1 bill they are.',
        `Scan-based sweep: its daily Scan's read units and scan time alone (${round(msPerMb, 0)} ms/MB measured here), on the first year's table; it grows every year, the sweep by due day does not. Its writes would be the same as the sweep's. At that rate the province's daily Scan takes ${Math.round(((results.at(-1)?.scanGb ?? 0) * 1024 * msPerMb) / 1000).toLocaleString('en')} s, against Lambda's 900 s limit (DynamoDB itself scans faster than DynamoDB Local; the read units are the same).`,
        `One server: ${SERVER_FOR_AGENCY.name} for one agency, ${SERVER_FOR_PROVINCE.name} for the province; single AZ, no standby, and S3, logs and the rest still come on top. CNY prices for EC2 and RDS were not found.`,
      ],
    },
    breakdownTable(results),
  ];

  function perCase(label: string, measuredCase: { n: number; table: Growth; files: number }) {
    const { n, table, files } = measuredCase;
    return [
      label,
      round(table.items / n, 1),
      Math.round(table.stored / n),
      Math.round(files / n),
      '—',
      '—',
      '—',
    ];
  }
  function sweepRow(label: string, activity: Activity) {
    return [
      label,
      '—',
      '—',
      '—',
      round(activity.dynamoReadUnits, 1),
      round(activity.dynamoWriteUnits, 1),
      round(activity.functions.sweep?.billedMs ?? 0, 0),
    ];
  }
}

const money = (amount: number): string =>
  amount >= 100
    ? Math.round(amount).toLocaleString('en')
    : amount >= 1
      ? amount.toFixed(2)
      : amount.toFixed(3);

function assumptionsTable(observability: Observability): Table {
  const rows: (string | number)[][] = [
    ...PER_APPLICATION.map((a) => ['per application', a.operation, round(a.count, 2), a.why]),
    ...PER_PUBLICATION.map((a) => ['per publication', a.operation, round(a.count, 2), a.why]),
    ...PER_STAFF_WORKING_DAY.map((a) => [
      'per staff member, working day',
      a.operation,
      round(a.count, 2),
      a.why,
    ]),
    [
      'per application',
      'sweep reminder',
      REMINDERS_PER_APPLICATION,
      'answered in the last days of the period',
    ],
    ['per publication', 'sweep reminder', REMINDERS_PER_PUBLICATION, 'published in the last days'],
    ...TIERS.map((tier) => [
      'agency sizes',
      tier.label,
      `${tier.publications} publications, ${tier.staff} staff`,
      'proactive publications grow slower than applications',
    ]),
    [
      'province',
      PROVINCE.map((part) => `${part.agencies} × ${TIERS[part.tier]?.applications ?? 0}`).join(' + '),
      'agencies × applications a year',
      'one deployment; mostly county departments',
    ],
    [
      'per deployment',
      'alarms, dashboards, custom metrics',
      `${observability.alarms}, ${observability.dashboards}, ${observability.customMetrics}`,
      'counted in the synthesized stacks (monitoring included) and the metrics the functions emit',
    ],
    [
      'per function',
      'cold start',
      `≤ 1 per ${IDLE_MINUTES} min, INIT ${INIT_MS} ms billed`,
      'INIT is billed since 2025-08-01; the applicant key is read then',
    ],
  ];
  return {
    title: 'Cost: workload assumptions (counts are per year unless said; each scales a measured operation)',
    columns: ['per', 'operation', 'count', 'why'],
    rows,
    notes: [
      'No caching at the edge: every page view reaches its function (CloudFront with s-maxage would absorb most public views).',
    ],
  };
}

function measuredTable(measured: Measured, memoryMb: Record<string, number>): Table {
  const rows = [...measured].map(([operation, { n, activity }]) => {
    const functions = Object.entries(activity.functions);
    const invocations = functions.reduce((sum, [, tally]) => sum + tally.invocations, 0);
    const billedMs = functions.reduce((sum, [, tally]) => sum + tally.billedMs, 0);
    const gbs = functions.reduce(
      (sum, [name, tally]) => sum + gbSeconds(memoryMb[name] ?? 0, tally.billedMs),
      0,
    );
    return [
      operation,
      n,
      round(activity.httpApiRequests / n, 1),
      `${round(invocations / n, 1)}: ${functions.map(([name, tally]) => `${name} ${round(tally.invocations / n, 1)}`).join(', ')}`,
      round(billedMs / n, 0),
      round(gbs / n, 3),
      round(activity.dynamoReadUnits / n, 1),
      round(activity.dynamoWriteUnits / n, 1),
      `${round(activity.s3Tier1Requests / n, 1)} / ${round(activity.s3Tier2Requests / n, 1)}`,
      Math.round(activity.logBytes / n),
      Math.round(activity.bytesOut / n),
    ];
  });
  return {
    title:
      'Cost: measured per operation (local gateway → DynamoDB Local and s3rver, through counting proxies)',
    columns: [
      'operation',
      'n',
      'API requests',
      'invocations',
      'billed ms',
      'GB-s',
      'RRU',
      'WRU',
      'S3 PUT-class / GET-class',
      'log bytes',
      'bytes out',
    ],
    rows,
    notes: [
      "Per operation, averaged over n. Invocations include the archiver where the operation wrote timeline events (once per operation: Lambda batches a second of the stream); billed ms is each invocation rounded up to the millisecond, measured on this machine. RRU and WRU as on-demand DynamoDB bills them (ReturnConsumedCapacity INDEXES; a transaction's index writes counted once). Log bytes are what the functions wrote; Lambda's own START/END/REPORT lines are added when pricing.",
    ],
  };
}

function pricesTable(): Table {
  const shown = (price: (typeof PRICES)[number]['prices'][Region]) =>
    price.kind === 'listed'
      ? String(price.amount)
      : price.kind === 'not offered'
        ? 'not offered'
        : 'not found';
  return {
    title: `Cost: list prices, taken ${PRICES_TAKEN} (test/bench/cost-model.ts)`,
    columns: ['service', 'what', 'per', 'us-east-1 USD', 'cn-north-1 CNY', 'cn-north-1 source or search'],
    rows: PRICES.map((line) => {
      const cn = line.prices['cn-north-1'];
      return [
        line.service,
        line.what,
        line.unit,
        shown(line.prices['us-east-1']),
        shown(cn),
        cn.kind === 'listed' ? cn.source : cn.kind === 'not found' ? cn.searched : cn.why,
      ];
    }),
    notes: [
      'us-east-1 prices from aws.amazon.com (lambda, api-gateway, dynamodb, s3, cloudwatch, secrets-manager, eventbridge, xray, ec2, ebs, rds/postgresql pricing pages); the source of each is in the code.',
    ],
  };
}

function breakdownTable(results: { label: string; bills: Record<Region, Bill> }[]): Table {
  const services = [...new Set(PRICES.map((line) => line.service))];
  return {
    title: 'Cost: us-east-1, a month by service (USD)',
    columns: ['service', ...results.map((result) => result.label)],
    rows: [
      ...services.flatMap((service) => {
        const amounts = results.map((result) =>
          result.bills['us-east-1'].lines
            .filter((line) => line.service === service)
            .reduce((sum, line) => sum + (line.cost ?? 0), 0),
        );
        return amounts.every((amount) => amount === 0) ? [] : [[service, ...amounts.map(money)]];
      }),
      ['total', ...results.map((result) => money(result.bills['us-east-1'].total))],
    ],
  };
}
