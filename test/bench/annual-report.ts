import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#lib/adapters/keys';
import { batchPut, benchCloud, directClient, counts, readApplications, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * Drafting the 2033 annual report for an agency with 50,000 applications in the year, next to one with
 * 100, in the same run — and, as the baseline of what counting records instead of counters would cost,
 * one pass over the big agency's decided applications.
 *
 * The small agency's 100 applications go through the API (registration and decision). Registering
 * 50,000 that way takes ~10 minutes on DynamoDB Local, so the big agency gets 12 real applications (one
 * per applicant column and outcome used) through the API and then 50,000 copies of their stored items,
 * each counted into the year's counters exactly as the store counts one (`ADD` per cell).
 */
const BIG = 50_000;
const SMALL = 100;
const DRAFTS = 30;

type Call = (
  method: string,
  path: string,
  body: unknown,
  token: string,
  now?: string,
) => Promise<Record<string, unknown>>;

const OUTCOMES: Record<string, unknown>[] = [
  { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-01-05' } },
  {
    outcome: 'not_disclosed',
    reason: 'state_secret',
    legalBasis: '《条例》第十四条',
    reasons: '属于国家秘密',
  },
  {
    outcome: 'not_processed',
    reason: 'repeated_application',
    legalBasis: '《条例》第三十六条',
    reasons: '重复申请',
  },
  {
    outcome: 'cannot_provide',
    reason: 'not_held',
    heldBy: null,
    legalBasis: '《条例》第三十六条',
    reasons: '本机关不掌握',
  },
];
const APPLICANTS: Record<string, unknown>[] = [
  {
    type: 'natural_person',
    name: '测试',
    idDocument: { type: 'resident_id_card', number: '110101199001011234' },
    address: '北京市东城区1号',
    phone: '13800000000',
  },
  {
    type: 'organisation',
    organisationType: 'commercial_enterprise',
    name: '某公司',
    idDocument: { type: 'unified_social_credit_code', number: '91310000MA1FL00001' },
    address: '上海市1号',
    phone: '13800000000',
  },
  {
    type: 'organisation',
    organisationType: 'research_institution',
    name: '某研究所',
    idDocument: { type: 'unified_social_credit_code', number: '12100000400000001X' },
    address: '上海市2号',
    phone: '13800000000',
  },
];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const crockford = (n: number): string =>
  [3, 2, 1, 0].map((power) => CROCKFORD[Math.floor(n / 32 ** power) % 32]).join('');
const request = { description: '2032年道路维修资金使用情况', form: 'electronic', delivery: 'email' };

async function aBenchAgency(call: Call, platformToken: string, agencyId: string): Promise<string> {
  await call(
    'POST',
    '/v1/agencies',
    {
      agencyId,
      name: `基准机关 ${agencyId}`,
      level: 'government',
      profile: {
        officeName: '政务公开办',
        head: '负责人',
        address: '示例路1号',
        openingHours: '9-17',
        phone: '010-1234567',
        fax: null,
        email: 'gk@bench.cn',
        website: null,
      },
    },
    platformToken,
  );
  const staff = await call(
    'POST',
    `/v1/agencies/${agencyId}/staff`,
    { email: `${agencyId}@bench.cn`, name: '基准', roles: ['clerk', 'agency_admin'] },
    platformToken,
  );
  return String(staff.token);
}

/** Registers on 2033-03-01 and decides on 2033-03-20, `count` applications cycling through applicants and outcomes. */
async function throughTheApi(call: Call, agencyId: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const i = next++;
        const registered = await call(
          'POST',
          `/v1/agencies/${agencyId}/applications/registrations`,
          {
            channel: 'letter_registered',
            receivedOn: '2033-03-01',
            applicant: APPLICANTS[i % APPLICANTS.length],
            request,
          },
          token,
          '2033-03-01T02:00:00Z',
        );
        const id = String(registered.trackingNumber);
        await call(
          'POST',
          `/v1/agencies/${agencyId}/applications/${id}/decision`,
          OUTCOMES[Math.floor(i / APPLICANTS.length) % OUTCOMES.length],
          token,
          '2033-03-20T02:00:00Z',
        );
        ids.push(id);
      }
    }),
  );
  return ids;
}

export async function annualReportBench(): Promise<Table> {
  const cloud = await benchCloud();
  const client = directClient(cloud);
  const call: Call = async (method, path, body, token, now) => {
    const response = await fetch(`${cloud.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(now ? { 'x-gongkai-now': now } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const platform = cloud.tokens.platform_admin;
  const big = 'bench-report-big';
  const small = 'bench-report-small';
  const bigToken = await aBenchAgency(call, platform, big);
  const smallToken = await aBenchAgency(call, platform, small);
  await throughTheApi(call, small, smallToken, SMALL);
  const templates = await throughTheApi(call, big, bigToken, APPLICANTS.length * OUTCOMES.length);

  // 50,000 copies of the templates' stored items, and their counts in the year's counters.
  const seeded = performance.now();
  const stored = await Promise.all(
    templates.map(
      async (id) =>
        (await client.send(new GetCommand({ TableName: cloud.tableName, Key: keys.application(id) }))).Item ??
        {},
    ),
  );
  const cells = new Map<string, number>();
  const copies: Record<string, unknown>[] = [];
  for (let i = 0; i < BIG - templates.length; i += 1) {
    const template = stored[i % stored.length] ?? {};
    const id = `2033-ZZZZ-${crockford(i)}`;
    copies.push({
      ...template,
      ...keys.application(id),
      id,
      gsi1sk: keys.applicationQueueSort('2033-03-20', id),
    });
    const column =
      template.applicant?.type === 'natural_person'
        ? 'natural_person'
        : String(template.applicant?.organisationType);
    const decision = template.decision as { outcome: string; reason?: string };
    const row = decision.reason === undefined ? decision.outcome : `${decision.outcome}.${decision.reason}`;
    for (const cell of [`received.${column}`, `decided.${row}.${column}`])
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  await batchPut(client, cloud.tableName, copies);
  const names = [...cells.keys()];
  await client.send(
    new UpdateCommand({
      TableName: cloud.tableName,
      Key: keys.statistics(big, 2033),
      UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#c${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, cells.get(name)])),
    }),
  );
  const seedSeconds = round((performance.now() - seeded) / 1000);

  const draft = async (agencyId: string, token: string, expected: number) => {
    const times: number[] = [];
    let trips = 0;
    let itemsRead = 0;
    let readUnits = 0;
    for (let i = 0; i < DRAFTS; i += 1) {
      resetCounts();
      const started = performance.now();
      const report = await call(
        'POST',
        `/v1/agencies/${agencyId}/annual-reports/2033/draft`,
        {},
        token,
        '2034-01-10T02:00:00Z',
      );
      times.push(performance.now() - started);
      trips += counts.requests;
      itemsRead += counts.itemsRead;
      readUnits += counts.readUnits;
      const total = (
        report.content as { applications: { total: { received: number; resultsTotal: number } } }
      ).applications.total;
      if (total.received !== expected || total.resultsTotal !== expected)
        throw new Error(
          `the ${agencyId} draft counts ${total.received} received, ${total.resultsTotal} decided; expected ${expected}`,
        );
    }
    return [
      round(trips / DRAFTS, 1),
      round(itemsRead / DRAFTS, 1),
      round(readUnits / DRAFTS, 1),
      round(quantile(times, 0.5)),
      round(quantile(times, 0.99)),
    ];
  };
  const bigRow = await draft(big, bigToken, BIG);
  const smallRow = await draft(small, smallToken, SMALL);

  // Baseline: one pass over the big agency's decided applications, as counting records would need.
  resetCounts();
  const started = performance.now();
  const { pages, items: seen } = await readApplications(client, cloud.tableName, big, false);
  const passMs = round(performance.now() - started);
  client.destroy();
  return {
    title: `Annual report: drafting 2033 (${DRAFTS} drafts each, local gateway → DynamoDB Local)`,
    columns: ['agency', 'DynamoDB round trips', 'items read', 'read units', 'p50 ms', 'p99 ms'],
    rows: [
      [`${BIG.toLocaleString('en')} applications in the year`, ...bigRow],
      [`${SMALL} applications in the year (baseline)`, ...smallRow],
      [
        `baseline: one pass over the ${BIG.toLocaleString('en')} decided applications (${pages} Query pages)`,
        pages,
        seen,
        '—',
        passMs,
        '—',
      ],
    ],
    notes: [
      `Seeding the big agency's copies took ${seedSeconds} s. Items read per draft: the agency, its counter items (3 per year of service), the year's figures, this year's and last year's report — independent of the number of applications. Read units are as DynamoDB Local reports them (not all reads ask for them).`,
    ],
  };
}
