import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#lib/adapters/keys';
import { batchPut, benchCloud, counts, directClient, readApplications, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * The roll-up (汇总) of a province's 2041 annual reports — 1 province, 20 cities, 1,979 departments:
 * 2,000 agencies with 25 applications each — next to one city's (100 agencies), and, as the baseline of
 * what summing cases instead of counters would cost, one pass over every application of the province.
 *
 * One city and one department go through the API (agencies, staff, an application); the rest are copies
 * of their stored items written straight into the table, each with its tree link, its counter item for
 * the year (counted as the store counts: one cell per receipt and decision) and its applications.
 */
const CITIES = 20;
const AGENCIES = 2_000;
const CASES_PER_AGENCY = 25;
const RUNS = 5;
const YEAR = 2041;

type Call = (method: string, path: string, body: unknown, token: string) => Promise<Record<string, unknown>>;

const office = {
  officeName: '政务公开办',
  head: '负责人',
  address: '示例路1号',
  openingHours: '9-17',
  phone: '010-1234567',
  fax: null,
  email: 'gk@bench.cn',
  website: null,
};

export async function supervisionBench(): Promise<Table> {
  const cloud = await benchCloud();
  const client = directClient(cloud);
  const call: Call = async (method, path, body, token) => {
    const response = await fetch(`${cloud.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-gongkai-now': `${YEAR + 1}-02-01T02:00:00Z`,
      },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const platform = cloud.tokens.platform_admin;
  const province = 'bench-province';
  const agency = async (agencyId: string, parentAgencyId: string | null, level: string) =>
    call(
      'POST',
      '/v1/agencies',
      { agencyId, name: `基准 ${agencyId}`, level, profile: office, parentAgencyId },
      platform,
    );
  await agency(province, null, 'government');
  await agency('bench-city-00', province, 'government');
  await agency('bench-dept-0000', 'bench-city-00', 'department');
  const staffToken = async (agencyId: string, email: string, role: string) =>
    String(
      (await call('POST', `/v1/agencies/${agencyId}/staff`, { email, name: '基准', roles: [role] }, platform))
        .token,
    );
  const supervisor = await staffToken(province, 'supervisor@bench.cn', 'supervisor');
  const citySupervisor = await staffToken('bench-city-00', 'city@bench.cn', 'supervisor');
  const clerk = await staffToken('bench-dept-0000', 'clerk@bench.cn', 'clerk');
  const registered = await call(
    'POST',
    '/v1/agencies/bench-dept-0000/applications/registrations',
    {
      channel: 'letter_registered',
      receivedOn: `${YEAR}-03-01`,
      applicant: {
        type: 'natural_person',
        name: '测试',
        idDocument: { type: 'resident_id_card', number: '110101199001011234' },
        address: '北京市东城区1号',
        phone: '13800000000',
      },
      request: { description: '道路维修资金使用情况', form: 'electronic', delivery: 'email' },
    },
    clerk,
  );

  // The stored shapes to copy: an agency, its tree link, an application.
  const get = async (key: Record<string, unknown>) =>
    (await client.send(new GetCommand({ TableName: cloud.tableName, Key: key }))).Item ?? {};
  const agencyTemplate = await get(keys.agency('bench-dept-0000'));
  const caseTemplate = await get(keys.application(String(registered.trackingNumber)));

  const seeded = performance.now();
  const tree: { agencyId: string; parentAgencyId: string }[] = [];
  for (let city = 1; city < CITIES; city += 1)
    tree.push({ agencyId: `bench-city-${String(city).padStart(2, '0')}`, parentAgencyId: province });
  for (let dept = 1; tree.length + 3 < AGENCIES; dept += 1)
    tree.push({
      agencyId: `bench-dept-${String(dept).padStart(4, '0')}`,
      parentAgencyId: `bench-city-${String(dept % CITIES).padStart(2, '0')}`,
    });
  const items: Record<string, unknown>[] = [];
  for (const { agencyId, parentAgencyId } of tree) {
    items.push({
      ...agencyTemplate,
      ...keys.agency(agencyId),
      ...keys.agencyDirectory(agencyId),
      agencyId,
      name: `基准 ${agencyId}`,
      parentAgencyId,
      level: agencyId.startsWith('bench-city') ? 'government' : 'department',
    });
    items.push({ ...keys.agencyChild(parentAgencyId, agencyId), entity: 'agency_child', agencyId });
  }
  const everyAgency = [province, 'bench-city-00', 'bench-dept-0000', ...tree.map((node) => node.agencyId)];
  for (const agencyId of everyAgency) {
    for (let i = 0; i < CASES_PER_AGENCY; i += 1) {
      const id = `${YEAR}-${agencyId
        .slice(-4)
        .toUpperCase()
        .replace(/[^0-9A-Z]/g, 'X')}-${String(i).padStart(4, '0')}`;
      items.push({
        ...caseTemplate,
        ...keys.application(`bench#${agencyId}#${i}`),
        id,
        agencyId,
        gsi1pk: keys.applicationsByAgency(agencyId, true),
        gsi1sk: keys.applicationQueueSort(`${YEAR}-03-01`, id),
      });
    }
  }
  await batchPut(client, cloud.tableName, items);
  // Each agency's counters for the year, as its store would have counted its 25 receipts and 20 decisions.
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      for (let i = worker; i < everyAgency.length; i += 16) {
        const agencyId = everyAgency[i] ?? province;
        await client.send(
          new UpdateCommand({
            TableName: cloud.tableName,
            Key: keys.statistics(agencyId, YEAR),
            UpdateExpression: 'ADD #r :r, #d :d',
            ExpressionAttributeNames: {
              '#r': 'received.natural_person',
              '#d': 'decided.disclosed.natural_person',
            },
            ExpressionAttributeValues: {
              ':r': agencyId === 'bench-dept-0000' ? CASES_PER_AGENCY - 1 : CASES_PER_AGENCY,
              ':d': 20,
            },
          }),
        );
      }
    }),
  );
  const seedSeconds = round((performance.now() - seeded) / 1000);

  const rollUp = async (agencyId: string, token: string, expectedAgencies: number) => {
    const times: number[] = [];
    let trips = 0;
    let itemsRead = 0;
    let readUnits = 0;
    for (let run = 0; run < RUNS; run += 1) {
      resetCounts();
      const started = performance.now();
      const rolled = await call('GET', `/v1/agencies/${agencyId}/roll-ups/${YEAR}`, undefined, token);
      times.push(performance.now() - started);
      trips += counts.requests;
      itemsRead += counts.itemsRead;
      readUnits += counts.billedReadUnits;
      const received = (rolled.tables as { applications: { total: { received: number } } }).applications.total
        .received;
      const agencies = (rolled.agencies as unknown[]).length;
      if (agencies !== expectedAgencies || received !== expectedAgencies * CASES_PER_AGENCY)
        throw new Error(
          `the roll-up of ${agencyId} holds ${agencies} agencies and ${received} receipts; expected ${expectedAgencies} and ${expectedAgencies * CASES_PER_AGENCY}`,
        );
    }
    return [
      round(trips / RUNS),
      round(itemsRead / RUNS),
      round(readUnits / RUNS, 1),
      round(quantile(times, 0.5)),
      round(Math.max(...times)),
    ];
  };
  const provinceRow = await rollUp(province, supervisor, AGENCIES);
  // The city, the department made through the API, and the copies under it.
  const cityAgencies = 2 + tree.filter((node) => node.parentAgencyId === 'bench-city-00').length;
  const cityRow = await rollUp('bench-city-00', citySupervisor, cityAgencies);

  // Baseline: one pass over every application of the province's agencies (one Query each, by key).
  const started = performance.now();
  let queries = 0;
  let seen = 0;
  let readUnits = 0;
  for (const agencyId of everyAgency) {
    const read = await readApplications(client, cloud.tableName, agencyId, true);
    queries += read.pages;
    seen += read.items;
    readUnits += read.readUnits;
  }
  const passMs = round(performance.now() - started);
  client.destroy();
  return {
    title: `Supervision: the ${YEAR} roll-up over a tree (${RUNS} runs each, local gateway → DynamoDB Local)`,
    columns: ['roll-up of', 'DynamoDB round trips', 'items read', 'read units', 'p50 ms', 'max ms'],
    rows: [
      [
        `the province: ${AGENCIES.toLocaleString('en')} agencies, ${(AGENCIES * CASES_PER_AGENCY).toLocaleString('en')} applications`,
        ...provinceRow,
      ],
      [
        `a city: ${cityAgencies} agencies, ${(cityAgencies * CASES_PER_AGENCY).toLocaleString('en')} applications`,
        ...cityRow,
      ],
      [
        `baseline: one pass over the province's ${seen.toLocaleString('en')} applications (${queries.toLocaleString('en')} Queries, by key)`,
        queries,
        seen,
        round(readUnits, 1),
        passMs,
        '—',
      ],
    ],
    notes: [
      `Seeding took ${seedSeconds} s. Per agency the roll-up makes two Queries — its children, its counter items — and reads its own item, its figures, last year's report and its publication mark in BatchGetItems of 100 keys: O(agencies), whatever the number of applications. The baseline reads every application (25 an agency here; a city department has hundreds a year) and would still have to count them. Read units: on-demand, as billed.`,
    ],
  };
}
