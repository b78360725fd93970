/**
 * What Gongkai costs a month: list prices, and the arithmetic that turns measured usage into money.
 * Pure: no I/O, nothing from lib/. The cost bench (cost.ts) measures usage against the local cloud;
 * this module prices it; test/unit/cost-model.test.ts checks every formula.
 */

export const REGIONS = ['us-east-1', 'cn-north-1'] as const;
export type Region = (typeof REGIONS)[number];
export const CURRENCY = { 'us-east-1': 'USD', 'cn-north-1': 'CNY' } as const satisfies Record<Region, string>;

/** What the bill counts, each in the unit its price is quoted per. */
export type Meter =
  | 'lambdaRequests'
  | 'lambdaGbSeconds'
  | 'httpApiRequests'
  | 'dynamoReadUnits'
  | 'dynamoWriteUnits'
  | 'dynamoStorageGbMonths'
  | 'dynamoBackupGbMonths'
  | 's3StorageGbMonths'
  | 's3Tier1Requests'
  | 's3Tier2Requests'
  | 'logsIngestedGb'
  | 'logsStoredGbMonths'
  | 'secrets'
  | 'secretsApiCalls'
  | 'schedulerInvocations'
  | 'xrayTraces'
  | 'dataOutGb'
  | 'alarms'
  | 'customMetrics'
  | 'dashboards'
  | 'ec2T4gSmallHours'
  | 'ec2C6gLargeHours'
  | 'ebsGp3GbMonths'
  | 'rdsT4gMicroHours'
  | 'rdsT4gLargeHours'
  | 'rdsStorageGbMonths';

export type Usage = Partial<Record<Meter, number>>;

/** A list price as found (with where), one not found (and where it was looked for), or a service not offered. */
export type Price =
  | { readonly kind: 'listed'; readonly amount: number; readonly source: string }
  | { readonly kind: 'not found'; readonly searched: string }
  | { readonly kind: 'not offered'; readonly why: string };

export type PriceLine = {
  readonly meter: Meter;
  readonly service: string;
  readonly what: string;
  /** The price is for this many units of the meter (1,000,000 requests, 1 GB-month…). */
  readonly per: number;
  readonly unit: string;
  readonly prices: Readonly<Record<Region, Price>>;
};

/** The day these prices were taken (through the search tool's stored copies of the pages named). */
export const PRICES_TAKEN = '2026-12-01';

const aws = (path: string) => `https://aws.amazon.com/${path}`;
const cn = (path: string) => `https://www.amazonaws.cn/${path}`;
const listed = (amount: number, source: string): Price => ({ kind: 'listed', amount, source });
const notFound = (searched: string): Price => ({ kind: 'not found', searched });
/** Where the China prices were looked for and not found. */
const CN_SEARCHED = 'amazonaws.cn pricing pages and docs.amazonaws.cn (stored copies hold no figure)';

/**
 * List prices, on-demand, without free tiers (a province's account outgrows them; a small agency's
 * bill would be lower by them). us-east-1 in USD, cn-north-1 (Beijing, operated by Sinnet) in CNY.
 */
export const PRICES: readonly PriceLine[] = [
  {
    meter: 'lambdaRequests',
    service: 'Lambda',
    what: 'requests',
    per: 1e6,
    unit: '1M requests',
    prices: {
      'us-east-1': listed(0.2, aws('lambda/pricing/')),
      'cn-north-1': notFound(
        `${CN_SEARCHED}; a third-party README quotes ¥1.36 for Ningxia (cn-northwest-1), not used`,
      ),
    },
  },
  {
    meter: 'lambdaGbSeconds',
    service: 'Lambda',
    what: 'duration, arm64, first tier',
    per: 1,
    unit: 'GB-second',
    prices: {
      'us-east-1': listed(0.0000133334, aws('lambda/pricing/')),
      'cn-north-1': notFound(
        `${CN_SEARCHED}; a third-party README quotes ¥0.000113477 (x86, Ningxia), not used`,
      ),
    },
  },
  {
    meter: 'httpApiRequests',
    service: 'API Gateway',
    what: 'HTTP API requests (first 300M, 512 KB each)',
    per: 1e6,
    unit: '1M requests',
    prices: { 'us-east-1': listed(1.0, aws('api-gateway/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 'dynamoReadUnits',
    service: 'DynamoDB',
    what: 'on-demand read request units',
    per: 1e6,
    unit: '1M RRU',
    prices: {
      'us-east-1': listed(0.125, aws('dynamodb/pricing/on-demand/')),
      'cn-north-1': notFound(`${cn('en/dynamodb/pricing/')}: the stored copy ends before the read price`),
    },
  },
  {
    meter: 'dynamoWriteUnits',
    service: 'DynamoDB',
    what: 'on-demand write request units',
    per: 1e6,
    unit: '1M WRU',
    prices: {
      'us-east-1': listed(0.625, aws('dynamodb/pricing/on-demand/')),
      'cn-north-1': listed(11.1538, cn('en/dynamodb/pricing/')),
    },
  },
  {
    meter: 'dynamoStorageGbMonths',
    service: 'DynamoDB',
    what: 'storage, Standard table class',
    per: 1,
    unit: 'GB-month',
    prices: { 'us-east-1': listed(0.25, aws('dynamodb/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 'dynamoBackupGbMonths',
    service: 'DynamoDB',
    what: 'point-in-time recovery',
    per: 1,
    unit: 'GB-month',
    prices: {
      'us-east-1': listed(0.2, aws('dynamodb/pricing/on-demand/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 's3StorageGbMonths',
    service: 'S3',
    what: 'Standard storage, first 50 TB',
    per: 1,
    unit: 'GB-month',
    prices: { 'us-east-1': listed(0.023, aws('s3/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 's3Tier1Requests',
    service: 'S3',
    what: 'PUT, COPY, POST, LIST requests',
    per: 1000,
    unit: '1,000 requests',
    prices: { 'us-east-1': listed(0.005, aws('s3/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 's3Tier2Requests',
    service: 'S3',
    what: 'GET and other requests',
    per: 1000,
    unit: '1,000 requests',
    prices: { 'us-east-1': listed(0.0004, aws('s3/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 'logsIngestedGb',
    service: 'CloudWatch',
    what: 'Logs ingestion (standard)',
    per: 1,
    unit: 'GB',
    prices: {
      'us-east-1': listed(0.5, aws('cloudwatch/pricing/')),
      'cn-north-1': notFound(`${cn('cloudwatch/pricing')}: the stored copy ends before Logs`),
    },
  },
  {
    meter: 'logsStoredGbMonths',
    service: 'CloudWatch',
    what: 'Logs storage',
    per: 1,
    unit: 'GB-month',
    prices: {
      'us-east-1': listed(0.03, aws('cloudwatch/pricing/')),
      'cn-north-1': notFound(`${cn('cloudwatch/pricing')}: the stored copy ends before Logs`),
    },
  },
  {
    meter: 'alarms',
    service: 'CloudWatch',
    what: 'alarm, standard resolution',
    per: 1,
    unit: 'alarm-month',
    prices: {
      'us-east-1': listed(0.1, aws('cloudwatch/pricing/')),
      'cn-north-1': listed(0.622, cn('cloudwatch/pricing')),
    },
  },
  {
    meter: 'customMetrics',
    service: 'CloudWatch',
    what: 'custom metric, first 10,000',
    per: 1,
    unit: 'metric-month',
    prices: {
      'us-east-1': listed(0.3, aws('cloudwatch/pricing/')),
      'cn-north-1': listed(2.0, cn('cloudwatch/pricing')),
    },
  },
  {
    meter: 'dashboards',
    service: 'CloudWatch',
    what: 'dashboard',
    per: 1,
    unit: 'dashboard-month',
    prices: {
      'us-east-1': listed(3.0, aws('cloudwatch/pricing/')),
      'cn-north-1': notFound(`${cn('cloudwatch/pricing')}: the stored copy ends before dashboards`),
    },
  },
  {
    meter: 'secrets',
    service: 'Secrets Manager',
    what: 'secret',
    per: 1,
    unit: 'secret-month',
    prices: {
      'us-east-1': listed(0.4, aws('secrets-manager/pricing/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 'secretsApiCalls',
    service: 'Secrets Manager',
    what: 'API calls',
    per: 10_000,
    unit: '10,000 calls',
    prices: {
      'us-east-1': listed(0.05, aws('secrets-manager/pricing/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 'schedulerInvocations',
    service: 'EventBridge',
    what: 'Scheduler invocations (a rule in china)',
    per: 1e6,
    unit: '1M invocations',
    prices: { 'us-east-1': listed(1.0, aws('eventbridge/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 'xrayTraces',
    service: 'X-Ray',
    what: 'traces recorded (the functions trace actively)',
    per: 1e6,
    unit: '1M traces',
    prices: {
      'us-east-1': listed(5.0, aws('xray/pricing/')),
      'cn-north-1': {
        kind: 'not offered',
        why: 'X-Ray integration with Lambda is not available in the China regions (docs.amazonaws.cn, Lambda)',
      },
    },
  },
  {
    meter: 'dataOutGb',
    service: 'Data transfer',
    what: 'out to the internet, first 10 TB',
    per: 1,
    unit: 'GB',
    prices: { 'us-east-1': listed(0.09, aws('ec2/pricing/on-demand/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  // The naive design: one server and a managed database, running all year.
  {
    meter: 'ec2T4gSmallHours',
    service: 'EC2',
    what: 't4g.small, Linux, on-demand',
    per: 1,
    unit: 'hour',
    prices: {
      'us-east-1': listed(0.0168, aws('ec2/pricing/on-demand/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 'ec2C6gLargeHours',
    service: 'EC2',
    what: 'c6g.large, Linux, on-demand',
    per: 1,
    unit: 'hour',
    prices: {
      'us-east-1': listed(0.068, aws('ec2/pricing/on-demand/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 'ebsGp3GbMonths',
    service: 'EBS',
    what: 'gp3 volume',
    per: 1,
    unit: 'GB-month',
    prices: { 'us-east-1': listed(0.08, aws('ebs/pricing/')), 'cn-north-1': notFound(CN_SEARCHED) },
  },
  {
    meter: 'rdsT4gMicroHours',
    service: 'RDS',
    what: 'PostgreSQL db.t4g.micro, single-AZ',
    per: 1,
    unit: 'hour',
    prices: {
      'us-east-1': listed(0.016, aws('rds/postgresql/pricing/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 'rdsT4gLargeHours',
    service: 'RDS',
    what: 'PostgreSQL db.t4g.large, single-AZ',
    per: 1,
    unit: 'hour',
    prices: {
      'us-east-1': listed(0.129, aws('rds/postgresql/pricing/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
  {
    meter: 'rdsStorageGbMonths',
    service: 'RDS',
    what: 'gp3 storage',
    per: 1,
    unit: 'GB-month',
    prices: {
      'us-east-1': listed(0.115, aws('rds/postgresql/pricing/')),
      'cn-north-1': notFound(CN_SEARCHED),
    },
  },
];

export type BillLine = { meter: Meter; service: string; quantity: number; cost: number | null };
export type Bill = {
  region: Region;
  lines: BillLine[];
  /** The sum of every line that has a price. */
  total: number;
  /** Meters used but not priced (no list price found for the region). */
  unpriced: Meter[];
};

/** The cost of `quantity` units of a line in a region: null when its price was not found. */
export function lineCost(line: PriceLine, region: Region, quantity: number): number | null {
  const price = line.prices[region];
  if (price.kind === 'not found') return quantity === 0 ? 0 : null;
  if (price.kind === 'not offered') return 0;
  return (quantity / line.per) * price.amount;
}

/** The bill for a month's usage in a region, line by line. */
export function bill(usage: Usage, region: Region, prices: readonly PriceLine[] = PRICES): Bill {
  const lines: BillLine[] = [];
  for (const line of prices) {
    const quantity = usage[line.meter] ?? 0;
    if (quantity === 0) continue;
    lines.push({
      meter: line.meter,
      service: line.service,
      quantity,
      cost: lineCost(line, region, quantity),
    });
  }
  const unknown = new Set(Object.keys(usage).filter((meter) => !prices.some((line) => line.meter === meter)));
  if (unknown.size > 0) throw new Error(`No price line for ${[...unknown].join(', ')}`);
  return {
    region,
    lines,
    total: lines.reduce((sum, line) => sum + (line.cost ?? 0), 0),
    unpriced: lines.filter((line) => line.cost === null).map((line) => line.meter),
  };
}

/** The share of a bill that `meters` make up (0–1). */
export function shareOf(bill: Bill, meters: readonly Meter[]): number {
  if (bill.total === 0) return 0;
  const part = bill.lines
    .filter((line) => meters.includes(line.meter))
    .reduce((sum, line) => sum + (line.cost ?? 0), 0);
  return part / bill.total;
}

export function addUsage(...usages: Usage[]): Usage {
  const sum: Usage = {};
  for (const usage of usages)
    for (const [meter, quantity] of Object.entries(usage) as [Meter, number][])
      sum[meter] = (sum[meter] ?? 0) + quantity;
  return sum;
}

export function scaleUsage(usage: Usage, factor: number): Usage {
  const scaled: Usage = {};
  for (const [meter, quantity] of Object.entries(usage) as [Meter, number][])
    scaled[meter] = quantity * factor;
  return scaled;
}

// --- Lambda ------------------------------------------------------------------------------------------

/** GB-seconds Lambda bills for `billedMs` of duration at `memoryMb` (memory in GB is MB / 1024). */
export const gbSeconds = (memoryMb: number, billedMs: number): number =>
  (memoryMb / 1024) * (billedMs / 1000);

export const SECONDS_PER_MONTH = (365 * 24 * 3600) / 12;
export const HOURS_PER_MONTH = (365 * 24) / 12;
/** Working days a month (250 a year), and calendar days. */
export const WORKING_DAYS_PER_MONTH = 250 / 12;
export const DAYS_PER_MONTH = 365 / 12;

/**
 * Cold starts a function has in a month: every invocation while it is called less often than once per
 * `idleMinutes`, and at most one per `idleMinutes` beyond (the environment is kept in between).
 */
export function coldStarts(invocations: number, idleMinutes: number): number {
  return Math.min(invocations, (DAYS_PER_MONTH * 24 * 60) / idleMinutes);
}

/**
 * Traces X-Ray records for a function: its default sampling rule takes the first request each second
 * (the reservoir) and 5 % of the rest. Spread evenly over the month, that is every request below one a
 * second.
 */
export function tracesRecorded(invocations: number): number {
  const reservoir = SECONDS_PER_MONTH;
  return Math.min(invocations, reservoir) + 0.05 * Math.max(0, invocations - reservoir);
}

/**
 * The platform's own log lines for one invocation (START, END, REPORT with its X-Ray line), in bytes,
 * as Lambda writes them in text format: they are ingested like the function's own.
 */
export function platformLogBytes(options: { xray: boolean; coldStart: boolean }): number {
  const id = '8f507cfc-8e3a-4b7b-9a7e-2a3b8f5c1d2e';
  const lines = [
    `START RequestId: ${id} Version: $LATEST\n`,
    `END RequestId: ${id}\n`,
    `REPORT RequestId: ${id}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB\t` +
      (options.coldStart ? 'Init Duration: 312.45 ms\t' : '') +
      (options.xray
        ? '\nXRAY TraceId: 1-6744a1b2-3c4d5e6f7a8b9c0d1e2f3a4b\tSegmentId: 0a1b2c3d4e5f6a7b\tSampled: true\t'
        : '') +
      '\n',
  ];
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
}

/** What a workload asks of the platform, before it is priced: per function, and per service. */
export type Activity = {
  /** Per function: invocations, and the duration Lambda bills (each rounded up to the millisecond). */
  functions: Record<string, { invocations: number; billedMs: number }>;
  httpApiRequests: number;
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  s3Tier1Requests: number;
  s3Tier2Requests: number;
  /** What the functions themselves log. */
  logBytes: number;
  /** Response bodies sent to browsers and API clients. */
  bytesOut: number;
};

export const NO_ACTIVITY: Activity = {
  functions: {},
  httpApiRequests: 0,
  dynamoReadUnits: 0,
  dynamoWriteUnits: 0,
  s3Tier1Requests: 0,
  s3Tier2Requests: 0,
  logBytes: 0,
  bytesOut: 0,
};

/** `a + factor × b`, function by function and service by service. */
export function addActivity(a: Activity, b: Activity, factor = 1): Activity {
  const functions = { ...a.functions };
  for (const [name, tally] of Object.entries(b.functions)) {
    const sum = functions[name] ?? { invocations: 0, billedMs: 0 };
    functions[name] = {
      invocations: sum.invocations + factor * tally.invocations,
      billedMs: sum.billedMs + factor * tally.billedMs,
    };
  }
  return {
    functions,
    httpApiRequests: a.httpApiRequests + factor * b.httpApiRequests,
    dynamoReadUnits: a.dynamoReadUnits + factor * b.dynamoReadUnits,
    dynamoWriteUnits: a.dynamoWriteUnits + factor * b.dynamoWriteUnits,
    s3Tier1Requests: a.s3Tier1Requests + factor * b.s3Tier1Requests,
    s3Tier2Requests: a.s3Tier2Requests + factor * b.s3Tier2Requests,
    logBytes: a.logBytes + factor * b.logBytes,
    bytesOut: a.bytesOut + factor * b.bytesOut,
  };
}

/**
 * Activity with every negative figure set to 0: a difference of two measured runs (what one more agency
 * or one reminder adds) can come out below zero where the true difference is within the timing noise.
 */
export function nonNegative(activity: Activity): Activity {
  const functions: Activity['functions'] = {};
  for (const [name, tally] of Object.entries(activity.functions))
    functions[name] = { invocations: Math.max(0, tally.invocations), billedMs: Math.max(0, tally.billedMs) };
  return {
    functions,
    httpApiRequests: Math.max(0, activity.httpApiRequests),
    dynamoReadUnits: Math.max(0, activity.dynamoReadUnits),
    dynamoWriteUnits: Math.max(0, activity.dynamoWriteUnits),
    s3Tier1Requests: Math.max(0, activity.s3Tier1Requests),
    s3Tier2Requests: Math.max(0, activity.s3Tier2Requests),
    logBytes: Math.max(0, activity.logBytes),
    bytesOut: Math.max(0, activity.bytesOut),
  };
}

/** How a deployment turns activity into billed usage. */
export type Deployment = {
  /** Memory of each function (lib/platform/functions.ts). */
  memoryMb: Readonly<Record<string, number>>;
  /** Functions that read the applicant-key secret at each cold start. */
  secretReaders: readonly string[];
  /** Billed duration of a cold start's INIT phase (billed since 1 August 2025). */
  initMs: number;
  /** A function idle this long is cold again (see coldStarts). */
  idleMinutes: number;
  /** Whether the functions trace actively (X-Ray). */
  xray: boolean;
  logRetentionMonths: number;
};

/** A month's activity, as the meters the bill counts. */
export function usageOf(activity: Activity, deployment: Deployment): Usage {
  let lambdaRequests = 0;
  let lambdaGbSeconds = 0;
  let xrayTraces = 0;
  let platformBytes = 0;
  let secretsApiCalls = 0;
  for (const [name, tally] of Object.entries(activity.functions)) {
    const memory = deployment.memoryMb[name];
    if (memory === undefined) throw new Error(`No memory size for function ${name}`);
    const cold = coldStarts(tally.invocations, deployment.idleMinutes);
    lambdaRequests += tally.invocations;
    lambdaGbSeconds += gbSeconds(memory, tally.billedMs) + cold * gbSeconds(memory, deployment.initMs);
    if (deployment.xray) xrayTraces += tracesRecorded(tally.invocations);
    const warmLines = platformLogBytes({ xray: deployment.xray, coldStart: false });
    const coldLines = platformLogBytes({ xray: deployment.xray, coldStart: true });
    platformBytes += tally.invocations * warmLines + cold * (coldLines - warmLines);
    if (deployment.secretReaders.includes(name)) secretsApiCalls += cold;
  }
  const logsIngestedGb = (activity.logBytes + platformBytes) / GB;
  return {
    lambdaRequests,
    lambdaGbSeconds,
    httpApiRequests: activity.httpApiRequests,
    dynamoReadUnits: activity.dynamoReadUnits,
    dynamoWriteUnits: activity.dynamoWriteUnits,
    s3Tier1Requests: activity.s3Tier1Requests,
    s3Tier2Requests: activity.s3Tier2Requests,
    logsIngestedGb,
    logsStoredGbMonths: logsIngestedGb * deployment.logRetentionMonths,
    xrayTraces,
    secretsApiCalls,
    dataOutGb: activity.bytesOut / GB,
  };
}

/** The request class S3 bills a path-style request in (`/bucket`, `/bucket/key`): 1 (PUT, COPY, POST, LIST), 2 (GET and the rest), 0 (DELETE, free). */
export function s3RequestClass(
  method: string,
  url: string,
  copy: boolean,
): { tier: 0 | 1 | 2; kind: string } {
  const [path = '/', query = ''] = url.split('?');
  const objectLevel = path.replace(/^\/+/, '').includes('/');
  switch (method.toUpperCase()) {
    case 'PUT':
      if (copy) return { tier: 1, kind: 'COPY' };
      return { tier: 1, kind: /(^|&)tagging(=|&|$)/.test(query) ? 'PUT tagging' : 'PUT' };
    case 'POST':
      return { tier: 1, kind: 'POST' };
    case 'GET':
      return objectLevel ? { tier: 2, kind: 'GET' } : { tier: 1, kind: 'LIST' };
    case 'DELETE':
      return { tier: 0, kind: 'DELETE' };
    default:
      return { tier: 2, kind: method.toUpperCase() };
  }
}

// --- DynamoDB ----------------------------------------------------------------------------------------

/** An attribute value as DynamoDB's wire format has it. */
export type AttributeValue = {
  S?: string;
  N?: string;
  B?: Uint8Array;
  BOOL?: boolean;
  NULL?: boolean;
  M?: Record<string, AttributeValue>;
  L?: AttributeValue[];
  SS?: string[];
  NS?: string[];
  BS?: Uint8Array[];
};
export type Item = Record<string, AttributeValue>;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Significant digits of a number as DynamoDB stores it (leading and trailing zeros trimmed). */
function numberBytes(value: string): number {
  const digits = value
    .replace(/^-/, '')
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** The size of a value, name excluded (DynamoDB Developer Guide, "Item sizes and formats"). */
export function valueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, element) => sum + utf8(element), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, element) => sum + numberBytes(element), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, element) => sum + element.length, 0);
  // A list or map: 3 bytes, and 1 byte more for each element.
  if (value.L !== undefined) return 3 + value.L.reduce((sum, element) => sum + valueBytes(element) + 1, 0);
  if (value.M !== undefined)
    return (
      3 +
      Object.entries(value.M).reduce((sum, [name, element]) => sum + utf8(name) + valueBytes(element) + 1, 0)
    );
  throw new Error(`Unknown attribute value ${JSON.stringify(value)}`);
}

/** The size of an item: its attributes' names and values. */
export const itemBytes = (item: Item): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);

export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
  'BatchWriteItem',
]);

/**
 * The on-demand request units AWS bills for one call, from the capacity DynamoDB Local reports for the
 * table and its indexes. A transaction doubles the table's units; DynamoDB Local doubles its index writes
 * too, which AWS bills once ("transactional writes: 2x on the base table only").
 */
export function billedUnits(
  operation: string,
  capacity: { table: number; indexes: number },
): { read: number; write: number } {
  if (!WRITE_OPERATIONS.has(operation)) return { read: capacity.table + capacity.indexes, write: 0 };
  const indexes = operation === 'TransactWriteItems' ? capacity.indexes / 2 : capacity.indexes;
  return { read: 0, write: capacity.table + indexes };
}

/** Every item and index entry is billed 100 bytes of overhead besides its own size. */
export const ITEM_OVERHEAD_BYTES = 100;

/**
 * What an item costs in storage: itself, and a copy in each index whose keys it carries (indexes project
 * every attribute), each with its overhead.
 */
export function storedBytes(item: Item, indexKeys: readonly (readonly [string, string])[]): number {
  const size = itemBytes(item) + ITEM_OVERHEAD_BYTES;
  const copies = indexKeys.filter(([pk, sk]) => item[pk] !== undefined && item[sk] !== undefined).length;
  return size * (1 + copies);
}

/** Read units of an eventually consistent Scan over `bytes` of items: 4 KB per unit, halved. */
export const scanReadUnits = (bytes: number): number => Math.ceil(bytes / 4096) / 2;

export const GB = 1024 ** 3;

// --- The naive designs ------------------------------------------------------------------------------

/**
 * The sweep done naively: each day a Scan reads every item of the table (no index by due day), in a
 * function that runs as long as the Scan takes.
 */
export function scanSweepUsage(options: {
  tableBytes: number;
  items: number;
  msPerMb: number;
  memoryMb: number;
}): Usage {
  const megabytes = options.tableBytes / 1024 ** 2;
  const perDayMs = Math.ceil(megabytes * options.msPerMb);
  return {
    dynamoReadUnits: scanReadUnits(options.tableBytes) * DAYS_PER_MONTH,
    lambdaGbSeconds: gbSeconds(options.memoryMb, perDayMs) * DAYS_PER_MONTH,
    lambdaRequests: DAYS_PER_MONTH,
  };
}

/** One server and a managed PostgreSQL database, all month: what it costs whatever the traffic. */
export type Server = {
  name: string;
  instance: 'ec2T4gSmallHours' | 'ec2C6gLargeHours';
  diskGb: number;
  database: 'rdsT4gMicroHours' | 'rdsT4gLargeHours';
  databaseGb: number;
};
export const serverUsage = (server: Server): Usage => ({
  [server.instance]: HOURS_PER_MONTH,
  ebsGp3GbMonths: server.diskGb,
  [server.database]: HOURS_PER_MONTH,
  rdsStorageGbMonths: server.databaseGb,
});
