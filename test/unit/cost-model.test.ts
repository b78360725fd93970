import { describe, expect, it } from 'vitest';
import {
  addActivity,
  bill,
  billedUnits,
  coldStarts,
  DAYS_PER_MONTH,
  GB,
  gbSeconds,
  HOURS_PER_MONTH,
  itemBytes,
  lineCost,
  NO_ACTIVITY,
  nonNegative,
  platformLogBytes,
  PRICES,
  REGIONS,
  s3RequestClass,
  scanReadUnits,
  scanSweepUsage,
  SECONDS_PER_MONTH,
  serverUsage,
  shareOf,
  storedBytes,
  tracesRecorded,
  usageOf,
  type Activity,
  type Deployment,
  type PriceLine,
} from '#test/bench/cost-model';

/** A price line for one meter in one region, so a test can check the arithmetic, not today's prices. */
const onePrice = (amount: number, per: number): PriceLine[] => [
  {
    meter: 'lambdaRequests',
    service: 'Lambda',
    what: 'requests',
    per,
    unit: 'requests',
    prices: {
      'us-east-1': { kind: 'listed', amount, source: 'https://example.test/' },
      'cn-north-1': { kind: 'not found', searched: 'nowhere' },
    },
  },
];

describe('the price table', () => {
  it('has one line per meter, each price listed with its source or said to be missing and where it was looked for', () => {
    const meters = PRICES.map((line) => line.meter);
    expect(new Set(meters).size).toBe(meters.length);
    for (const line of PRICES) {
      expect(line.per).toBeGreaterThan(0);
      for (const region of REGIONS) {
        const price = line.prices[region];
        if (price.kind === 'listed') {
          expect(price.amount).toBeGreaterThan(0);
          expect(price.source).toMatch(/^https:\/\//);
        } else if (price.kind === 'not found') expect(price.searched).not.toBe('');
        else expect(price.why).not.toBe('');
      }
    }
  });

  it('prices every us-east-1 line', () => {
    expect(PRICES.filter((line) => line.prices['us-east-1'].kind !== 'listed')).toEqual([]);
  });
});

describe('a bill', () => {
  it('charges a quantity at its price per unit size', () => {
    expect(lineCost(onePrice(0.2, 1e6)[0] as PriceLine, 'us-east-1', 3_000_000)).toBeCloseTo(0.6, 10);
    expect(bill({ lambdaRequests: 500 }, 'us-east-1', onePrice(0.005, 1000)).total).toBeCloseTo(0.0025, 10);
  });

  it('leaves a line without a price out of the total and names it, rather than pricing it at 0', () => {
    const unpriced = bill({ lambdaRequests: 5e6 }, 'cn-north-1', onePrice(0.2, 1e6));
    expect(unpriced.total).toBe(0);
    expect(unpriced.unpriced).toEqual(['lambdaRequests']);
    expect(unpriced.lines[0]?.cost).toBeNull();
  });

  it('costs nothing for a service the region does not offer, and does not count it as unpriced', () => {
    const china = bill({ xrayTraces: 1e6 }, 'cn-north-1');
    expect(china.total).toBe(0);
    expect(china.unpriced).toEqual([]);
    expect(bill({ xrayTraces: 1e6 }, 'us-east-1').total).toBeCloseTo(5, 10);
  });

  it('adds its lines, and says what share some of them make', () => {
    const both = bill({ lambdaRequests: 1e6, httpApiRequests: 1e6 }, 'us-east-1');
    expect(both.total).toBeCloseTo(0.2 + 1.0, 10);
    expect(shareOf(both, ['httpApiRequests'])).toBeCloseTo(1 / 1.2, 10);
  });
});

describe('Lambda', () => {
  it('bills GB-seconds: memory in GB (MB / 1024) times billed seconds', () => {
    expect(gbSeconds(512, 1000)).toBe(0.5);
    expect(gbSeconds(1024, 100)).toBeCloseTo(0.1, 10);
  });

  it('counts a cold start for every invocation of a rarely called function, and at most one per idle period', () => {
    expect(coldStarts(100, 10)).toBe(100);
    expect(coldStarts(1e9, 10)).toBeCloseTo((DAYS_PER_MONTH * 24 * 60) / 10, 6);
  });

  it('records a trace for each request under one a second, and 5 % of the rest', () => {
    expect(tracesRecorded(1000)).toBe(1000);
    expect(tracesRecorded(SECONDS_PER_MONTH + 1000)).toBeCloseTo(SECONDS_PER_MONTH + 50, 6);
  });

  it('logs more platform lines for a cold start and for a traced invocation', () => {
    const warm = platformLogBytes({ xray: false, coldStart: false });
    expect(platformLogBytes({ xray: false, coldStart: true })).toBeGreaterThan(warm);
    expect(platformLogBytes({ xray: true, coldStart: false })).toBeGreaterThan(warm);
  });
});

describe('usage from activity', () => {
  const deployment: Deployment = {
    memoryMb: { intake: 512, archiver: 1024 },
    secretReaders: ['intake'],
    initMs: 400,
    idleMinutes: 10,
    xray: true,
    logRetentionMonths: 6,
  };
  const activity: Activity = {
    ...NO_ACTIVITY,
    functions: {
      intake: { invocations: 1000, billedMs: 50_000 },
      archiver: { invocations: 10, billedMs: 100 },
    },
    httpApiRequests: 1000,
    logBytes: 1e6,
    bytesOut: GB,
  };

  it('adds each function’s invocations, and its duration and cold starts as GB-seconds at its memory', () => {
    const usage = usageOf(activity, deployment);
    expect(usage.lambdaRequests).toBe(1010);
    // intake: 0.5 GB × 50 s + 1,000 cold starts × 0.5 GB × 0.4 s; archiver: 1 GB × 0.1 s + 10 × 1 GB × 0.4 s.
    expect(usage.lambdaGbSeconds).toBeCloseTo(25 + 200 + 0.1 + 4, 10);
  });

  it('reads the secret at each cold start of the functions that need it, and traces every invocation', () => {
    const usage = usageOf(activity, deployment);
    expect(usage.secretsApiCalls).toBe(1000);
    expect(usage.xrayTraces).toBe(1010);
    expect(usageOf(activity, { ...deployment, xray: false }).xrayTraces).toBe(0);
  });

  it('ingests the functions’ logs and Lambda’s own lines, and keeps them for the retention', () => {
    const usage = usageOf(activity, deployment);
    const cold = platformLogBytes({ xray: true, coldStart: true });
    expect(usage.logsIngestedGb).toBeCloseTo((1e6 + 1010 * cold) / GB, 12);
    expect(usage.logsStoredGbMonths).toBeCloseTo((usage.logsIngestedGb ?? 0) * 6, 12);
    expect(usage.dataOutGb).toBe(1);
  });

  it('sets to zero what a difference of two measured runs leaves below zero, and keeps the rest', () => {
    const difference = addActivity(
      { ...NO_ACTIVITY, functions: { sweep: { invocations: 1, billedMs: 40 } }, dynamoReadUnits: 2 },
      { ...NO_ACTIVITY, functions: { sweep: { invocations: 1, billedMs: 55 } }, dynamoReadUnits: 1 },
      -1,
    );
    expect(nonNegative(difference)).toEqual({
      ...NO_ACTIVITY,
      functions: { sweep: { invocations: 0, billedMs: 0 } },
      dynamoReadUnits: 1,
    });
  });

  it('refuses a function whose memory it does not know', () => {
    expect(() =>
      usageOf({ ...NO_ACTIVITY, functions: { unknown: { invocations: 1, billedMs: 1 } } }, deployment),
    ).toThrow(/unknown/);
  });

  it('scales and adds activity function by function', () => {
    const twice = addActivity(activity, activity, 1);
    expect(twice.functions.intake).toEqual({ invocations: 2000, billedMs: 100_000 });
    expect(addActivity(twice, activity, -1)).toEqual(activity);
    expect(addActivity(NO_ACTIVITY, activity, 0.5).httpApiRequests).toBe(500);
  });
});

describe('DynamoDB', () => {
  it('sizes an item as AWS documents it: names and values, numbers by significant digits, 3 + 1 per element for lists and maps', () => {
    expect(itemBytes({ pk: { S: 'abc' } })).toBe(2 + 3);
    expect(itemBytes({ 名: { S: '公开' } })).toBe(3 + 6);
    // 123, and 0.00012300: three significant digits either way, 2 bytes + 1.
    expect(itemBytes({ n: { N: '123' } })).toBe(1 + 3);
    expect(itemBytes({ n: { N: '0.00012300' } })).toBe(1 + 3);
    expect(itemBytes({ b: { BOOL: true }, z: { NULL: true } })).toBe(2 + 2);
    expect(itemBytes({ m: { M: { a: { S: 'x' } } } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemBytes({ l: { L: [{ S: 'ab' }, { N: '1' }] } })).toBe(1 + 3 + (2 + 1) + (2 + 1));
    expect(itemBytes({ s: { SS: ['a', 'bc'] } })).toBe(1 + 3);
  });

  it('stores each item with 100 bytes of overhead, and again in each index whose keys it has', () => {
    const indexes = [
      ['gsi1pk', 'gsi1sk'],
      ['gsi2pk', 'gsi2sk'],
    ] as const;
    const plain = { pk: { S: 'a' }, sk: { S: 'b' } };
    expect(storedBytes(plain, indexes)).toBe(itemBytes(plain) + 100);
    const listed = { ...plain, gsi1pk: { S: 'c' }, gsi1sk: { S: 'd' } };
    expect(storedBytes(listed, indexes)).toBe(2 * (itemBytes(listed) + 100));
    // Half an index key is no index entry.
    expect(storedBytes({ ...plain, gsi2pk: { S: 'x' } }, indexes)).toBe(itemBytes(plain) + 7 + 100);
  });

  it('bills a Scan 4 KB to the read unit, halved for eventual consistency', () => {
    expect(scanReadUnits(0)).toBe(0);
    expect(scanReadUnits(4096)).toBe(0.5);
    expect(scanReadUnits(4097)).toBe(1);
    expect(scanReadUnits(40 * 4096)).toBe(20);
  });

  it('bills a transaction’s index writes once, though DynamoDB Local reports them twice', () => {
    expect(billedUnits('TransactWriteItems', { table: 8, indexes: 6 })).toEqual({ read: 0, write: 11 });
    expect(billedUnits('PutItem', { table: 3, indexes: 3 })).toEqual({ read: 0, write: 6 });
    expect(billedUnits('Query', { table: 0, indexes: 1.5 })).toEqual({ read: 1.5, write: 0 });
  });
});

describe('S3 request classes', () => {
  it('bills PUT, COPY, POST and LIST as the dearer class, GET and HEAD as the cheaper, DELETE not at all', () => {
    expect(s3RequestClass('PUT', '/archive/agency=a/x.json', false)).toEqual({ tier: 1, kind: 'PUT' });
    expect(s3RequestClass('PUT', '/uploads/kept/u', true)).toEqual({ tier: 1, kind: 'COPY' });
    expect(s3RequestClass('PUT', '/uploads/incoming/u?tagging', false).kind).toBe('PUT tagging');
    expect(s3RequestClass('GET', '/archive?list-type=2&prefix=a', false)).toEqual({ tier: 1, kind: 'LIST' });
    expect(s3RequestClass('GET', '/archive/agency=a/x.json', false)).toEqual({ tier: 2, kind: 'GET' });
    expect(s3RequestClass('HEAD', '/archive/agency=a/x.json', false).tier).toBe(2);
    expect(s3RequestClass('DELETE', '/uploads/incoming/u', false).tier).toBe(0);
  });
});

describe('the naive designs', () => {
  it('a Scan-based sweep reads the whole table every day, and runs as long as the Scan', () => {
    const usage = scanSweepUsage({ tableBytes: 1024 ** 2 * 100, items: 1000, msPerMb: 10, memoryMb: 1024 });
    expect(usage.dynamoReadUnits).toBeCloseTo((25_600 / 2) * DAYS_PER_MONTH, 6);
    expect(usage.lambdaGbSeconds).toBeCloseTo(1 * 1 * DAYS_PER_MONTH, 6);
    expect(usage.lambdaRequests).toBeCloseTo(DAYS_PER_MONTH, 10);
  });

  it('one server costs its hours, disk, database hours and database storage, whatever the traffic', () => {
    const server = bill(
      serverUsage({
        name: 'small',
        instance: 'ec2T4gSmallHours',
        diskGb: 20,
        database: 'rdsT4gMicroHours',
        databaseGb: 20,
      }),
      'us-east-1',
    );
    expect(HOURS_PER_MONTH).toBe(730);
    expect(server.total).toBeCloseTo(730 * 0.0168 + 20 * 0.08 + 730 * 0.016 + 20 * 0.115, 10);
  });
});
