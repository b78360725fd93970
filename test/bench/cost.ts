import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { addDays } from '#lib/domain/calendar/civil-date';
import { planDay } from '#lib/domain/sweep';
import { functionDefinitions } from '#lib/platform/functions';
import { recordsTable } from '#lib/platform/resources';
import type { LocalCloud } from '#infra/local/local-cloud';
import { signIn } from './console';
import {
  addActivity,
  bill,
  DAYS_PER_MONTH,
  GB,
  NO_ACTIVITY,
  nonNegative,
  PRICES,
  PRICES_TAKEN,
  REGIONS,
  addUsage,
  gbSeconds,
  itemBytes,
  scanSweepUsage,
  serverUsage,
  shareOf,
  storedBytes,
  usageOf,
  WORKING_DAYS_PER_MONTH,
  ITEM_OVERHEAD_BYTES,
  type Activity,
  type Bill,
  type Deployment,
  type Item,
  type Region,
  type Server,
  type Usage,
} from './cost-model';
import { benchCloud, counts, resetCounts } from './local-cloud';
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
type Operation =
  | 'portal: agency home'
  | 'portal: guide'
  | 'portal: apply form'
  | 'portal: apply (post, receipt)'
  | 'letter registered by a clerk'
  | 'confirmed by a clerk'
  | 'status page'
  | 'clarification and supplement'
  | 'extension'
  | 'decision'
  | 'console: applications list'
  | 'console: an application'
  | 'upload a file (presigned)'
  | 'submission created and sent'
  | 'review step signed'
  | 'console: a review'
  | 'console: a submission'
  | 'reading room: a publication'
  | 'reading room: listing'
  | 'console: sign-in'
  | 'console: today';

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
/** Fixed per deployment (issue 15 part 3 sets the alarms; these are its list, not yet built). */
const OBSERVABILITY = { alarms: 12, dashboards: 1, customMetrics: 10 };
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

// --- Talking to the local cloud as browsers, staff and API clients do -------------------------------

const HTTP_FUNCTIONS = new Set<string>(
  functionDefinitions
    .filter((definition) => definition.trigger === 'http')
    .map((definition) => definition.name),
);
let bytesOut = 0;

type Jar = Map<string, string>;
type Call = {
  method?: string;
  token?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  jar?: Jar;
  now?: string;
};
type Answer = { status: number; headers: Headers; text: string };

function client(cloud: LocalCloud) {
  const call = async (path: string, options: Call = {}): Promise<Answer> => {
    const method = options.method ?? (options.json !== undefined || options.form ? 'POST' : 'GET');
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.now !== undefined) headers['x-gongkai-now'] = `${options.now}T02:00:00Z`;
    if (options.jar !== undefined && options.jar.size > 0)
      headers.cookie = [...options.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = randomUUID();
    } else if (options.form !== undefined) {
      body = options.form;
      headers.origin = cloud.baseUrl;
    }
    const response = await fetch(`${cloud.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    // What crossed the wire: the gzip a browser accepts, where the function compressed it.
    bytesOut +=
      response.headers.get('content-encoding') === 'gzip' ? gzipSync(text).length : Buffer.byteLength(text);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      if (options.jar === undefined || name === '') continue;
      if (value.join('=') === '' || /max-age=0/i.test(cookie)) options.jar.delete(name);
      else options.jar.set(name, value.join('='));
    }
    return { status: response.status, headers: response.headers, text };
  };
  const expect = async (path: string, options: Call, status: number): Promise<Answer> => {
    const answer = await call(path, options);
    if (answer.status !== status)
      throw new Error(`${options.method ?? 'GET'} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
    return answer;
  };
  const json = async (path: string, options: Call, status = 200): Promise<Record<string, unknown>> =>
    JSON.parse((await expect(path, options, status)).text) as Record<string, unknown>;
  const control = async (path: string, body: unknown = {}, now?: string): Promise<unknown> => {
    const response = await fetch(`${cloud.baseUrl}${path}`, {
      method: 'POST',
      headers: now === undefined ? {} : { 'x-gongkai-now': `${now}T01:00:00Z` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return { call, expect, json, control };
}

/** What the counters saw since they were reset, as activity. */
function countedActivity(): Activity {
  const functions: Activity['functions'] = {};
  let httpApiRequests = 0;
  for (const [name, tally] of counts.lambda) {
    functions[name] = { invocations: tally.invocations, billedMs: tally.billedMs };
    // An HTTP API request is one invocation of its function (payload 2.0, Lambda proxy).
    if (HTTP_FUNCTIONS.has(name)) httpApiRequests += tally.invocations;
  }
  return {
    functions,
    httpApiRequests,
    dynamoReadUnits: counts.billedReadUnits,
    dynamoWriteUnits: counts.billedWriteUnits,
    s3Tier1Requests: counts.s3.tier1,
    s3Tier2Requests: counts.s3.tier2,
    logBytes: counts.logBytes,
    bytesOut,
  };
}

// --- Storage, read straight from the emulators --------------------------------------------------------

type TableSnapshot = Map<string, { stored: number; base: number }>;
async function tableSnapshot(cloud: LocalCloud): Promise<TableSnapshot> {
  const raw = new DynamoDBClient({
    region: cloud.region,
    endpoint: cloud.dynamodbEndpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const indexKeys = recordsTable.indexes.map(
    (index) => [index.partitionKey.name, index.sortKey.name] as const,
  );
  const snapshot: TableSnapshot = new Map();
  let startKey: Record<string, never> | undefined;
  try {
    do {
      const page = await raw.send(
        new ScanCommand({ TableName: cloud.tableName, ExclusiveStartKey: startKey }),
      );
      for (const item of (page.Items ?? []) as Item[]) {
        snapshot.set(`${item.pk?.S ?? ''}|${item.sk?.S ?? ''}`, {
          stored: storedBytes(item, indexKeys),
          base: itemBytes(item),
        });
      }
      startKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (startKey !== undefined);
  } finally {
    raw.destroy();
  }
  return snapshot;
}

/** Bytes (stored, with index copies and overheads; and the items alone) added between two snapshots. */
function tableGrowth(before: TableSnapshot, after: TableSnapshot) {
  let stored = 0;
  let base = 0;
  let items = 0;
  for (const [key, size] of after) {
    const earlier = before.get(key);
    stored += size.stored - (earlier?.stored ?? 0);
    base += size.base - (earlier?.base ?? 0);
    if (earlier === undefined) items += 1;
  }
  return { stored, base, items };
}

async function bucketBytes(cloud: LocalCloud): Promise<number> {
  const s3 = new S3Client({
    region: cloud.region,
    endpoint: cloud.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  let total = 0;
  try {
    for (const bucket of [cloud.archiveBucket, cloud.uploadsBucket]) {
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        // Uploads still under `incoming/` expire (the bucket's lifecycle rule); kept copies stay.
        total += (page.Contents ?? [])
          .filter((object) => !(object.Key ?? '').startsWith('incoming/'))
          .reduce((sum, object) => sum + (object.Size ?? 0), 0);
        token = page.NextContinuationToken;
      } while (token !== undefined);
    }
  } finally {
    s3.destroy();
  }
  return total;
}

// --- The workload ---------------------------------------------------------------------------------

const office = {
  officeName: '基准局政务公开办公室',
  head: '王芳',
  address: '基准市人民路1号',
  openingHours: '工作日 9:00–17:00',
  phone: '010-12345678',
  fax: null,
  email: 'gongkai@bench.example.cn',
  website: 'https://bench.example.cn',
};
const clearSecrecy = {
  risks: {
    state_secret: 'none',
    work_secret: 'none',
    commercial_secret: 'none',
    personal_privacy: 'none',
    security_stability: 'none',
  },
  outcome: 'clear',
};
const pdf = (kilobytes: number): Blob =>
  new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(kilobytes * 1024 - 9, 0x20)])], {
    type: 'application/pdf',
  });
let serial = 0;
const identityNumber = () => `11010119800101${String((serial += 1)).padStart(4, '0')}`;

type Measured = Map<Operation, { n: number; activity: Activity }>;

export async function costBench(): Promise<Table[]> {
  const cloud = await benchCloud();
  const { expect, json, control } = client(cloud);
  const drain = () => control('/_local/stream/drain');
  const measured: Measured = new Map();
  /** Runs one instance of an operation with fresh counters, its stream work included. */
  const measure = async <T>(operation: Operation, run: () => Promise<T>): Promise<T> => {
    await drain();
    resetCounts();
    bytesOut = 0;
    const result = await run();
    await drain();
    const tally = measured.get(operation) ?? { n: 0, activity: NO_ACTIVITY };
    measured.set(operation, { n: tally.n + 1, activity: addActivity(tally.activity, countedActivity()) });
    return result;
  };

  // The agency and its staff, as a platform administrator creates them.
  const platform = cloud.tokens.platform_admin;
  const beforeAgency = await tableSnapshot(cloud);
  const agencyId = `bench-cost-${randomUUID().slice(0, 8)}`;
  await json(
    '/v1/agencies',
    { token: platform, json: { agencyId, name: '基准局', level: 'department', profile: office } },
    201,
  );
  const member = async (role: string) => {
    const email = `${role}-${randomUUID().slice(0, 8)}@bench.example.cn`;
    const created = await json(
      `/v1/agencies/${agencyId}/staff`,
      { token: platform, json: { email, name: `职员 ${role}`, roles: [role] } },
      201,
    );
    return { email, token: String(created.token) };
  };
  const clerk = await member('clerk');
  const approver = await member('approver');
  const firstReviewer = await member('reviewer');
  const secondReviewer = await member('reviewer');
  const secrecy = await member('secrecy_reviewer');
  await drain();
  const afterAgency = await tableSnapshot(cloud);
  const agencyStorage = tableGrowth(beforeAgency, afterAgency);
  const base = `/v1/agencies/${agencyId}`;

  // Staff sessions: a sign-in each working day, and the Today page.
  let session = '';
  for (let i = 0; i < 3; i += 1)
    session = (await measure('console: sign-in', () => signIn(cloud.baseUrl, clerk.email))).cookie;
  const consolePage = (path: string) => expect(path, { headers: { cookie: session } }, 200);
  for (let i = 0; i < 3; i += 1) await measure('console: today', () => consolePage('/console'));

  // Ten applications through their lifecycle: eight online through the portal, two letters.
  const s3Before = await bucketBytes(cloud);
  const applications: { trackingNumber: string; accessToken: string }[] = [];
  for (let i = 0; i < 8; i += 1) {
    const jar: Jar = new Map();
    await measure('portal: agency home', () => expect(`/agencies/${agencyId}`, { jar }, 200));
    await measure('portal: guide', () => expect(`/agencies/${agencyId}/guide`, { jar }, 200));
    const form = await measure('portal: apply form', () =>
      expect(`/agencies/${agencyId}/apply`, { jar }, 200),
    );
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form.text)?.[1] ?? '';
    const trackingNumber = await measure('portal: apply (post, receipt)', async () => {
      const fields = new FormData();
      const entries = {
        _csrf: hidden('_csrf'),
        formKey: hidden('formKey'),
        applicantType: 'natural_person',
        name: '张三',
        idType: 'resident_id_card',
        idNumber: identityNumber(),
        email: 'zhangsan@example.cn',
        description: `2025年道路维修专项资金的预算和使用情况（基准 ${i}）`,
        form: 'electronic',
        delivery: 'email',
        declaration: 'yes',
      };
      for (const [name, value] of Object.entries(entries)) fields.append(name, value);
      fields.append('attachments', pdf(200), '身份证明.pdf');
      const posted = await expect(
        `/agencies/${agencyId}/apply`,
        { form: fields, jar, now: '2026-11-02' },
        303,
      );
      const receipt = posted.headers.get('location') ?? '';
      await expect(receipt, { jar }, 200);
      return /\/applications\/([^/]+)\/receipt$/.exec(receipt)?.[1] ?? '';
    });
    const accessToken = jar.get('__Secure-gk-access') ?? '';
    if (trackingNumber === '' || accessToken === '') throw new Error('the portal gave no receipt');
    applications.push({ trackingNumber, accessToken });
    await measure('confirmed by a clerk', () =>
      json(`${base}/applications/${trackingNumber}/confirmation`, {
        token: clerk.token,
        json: {},
        now: '2026-11-03',
      }),
    );
  }
  for (let i = 0; i < 2; i += 1) {
    const registered = await measure('letter registered by a clerk', () =>
      json(
        `${base}/applications/registrations`,
        {
          token: clerk.token,
          now: '2026-11-03',
          json: {
            channel: 'letter_registered',
            receivedOn: '2026-11-02',
            applicant: {
              type: 'natural_person',
              name: '李四',
              idDocument: { type: 'resident_id_card', number: identityNumber() },
              address: '基准市东城区1号',
            },
            request: { description: '2026年城市道路维修计划', form: 'paper', delivery: 'post' },
          },
        },
        201,
      ),
    );
    applications.push({
      trackingNumber: String(registered.trackingNumber),
      accessToken: String(registered.accessToken),
    });
  }
  for (const [index, application] of applications.entries()) {
    const caseUrl = `${base}/applications/${application.trackingNumber}`;
    const jar: Jar = new Map([['__Secure-gk-access', application.accessToken]]);
    await measure('status page', () => expect(`/applications/${application.trackingNumber}`, { jar }, 200));
    if (index < 2)
      await measure('clarification and supplement', async () => {
        await json(`${caseUrl}/clarification-request`, {
          token: clerk.token,
          now: '2026-11-04',
          json: { items: ['请说明所需信息的时间范围'], periodWorkingDays: 10 },
        });
        await json(`/v1/applications/${application.trackingNumber}/supplements`, {
          headers: { 'x-access-token': application.accessToken },
          now: '2026-11-05',
          json: { text: '时间范围为2025年1月至12月' },
        });
      });
    if (index === 2)
      await measure('extension', () =>
        json(`${caseUrl}/extension`, {
          token: approver.token,
          now: '2026-11-20',
          json: { workingDays: 10, reason: '需要调取档案' },
        }),
      );
    await measure('console: an application', () =>
      consolePage(`/console/applications/${application.trackingNumber}`),
    );
    await measure('decision', () =>
      json(`${caseUrl}/decision`, {
        token: clerk.token,
        now: '2026-11-24',
        json:
          index % 2 === 0
            ? {
                outcome: 'disclosed',
                published: { where: '本机关门户网站“政府信息公开”栏目', publishedOn: '2026-01-05' },
              }
            : {
                outcome: 'cannot_provide',
                reason: 'not_held',
                heldBy: { name: '基准市住房和城乡建设局', contact: '010-1234 5678' },
                legalBasis: '《条例》第三十六条第（五）项',
                reasons: '该信息由市住建局制作保存',
              },
      }),
    );
  }
  for (let i = 0; i < 5; i += 1)
    await measure('console: applications list', () => consolePage('/console/applications'));
  const afterApplications = await tableSnapshot(cloud);
  const s3AfterApplications = await bucketBytes(cloud);
  const applicationStorage = tableGrowth(afterAgency, afterApplications);
  const applicationArchive = s3AfterApplications - s3Before;

  // Four publications through the default review chain, then read in the reading room. Each reviewer
  // signs in to the console once.
  const sessions = new Map<string, string>();
  const sessionOf = async (email: string): Promise<string> => {
    const known = sessions.get(email);
    if (known !== undefined) return known;
    const { cookie } = await signIn(cloud.baseUrl, email);
    sessions.set(email, cookie);
    return cookie;
  };
  const publications: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    const upload = await measure('upload a file (presigned)', async () => {
      const file = pdf(300);
      const granted = await json(
        '/v1/uploads',
        { json: { contentType: 'application/pdf', size: file.size, fileName: '计划.pdf' } },
        201,
      );
      const put = await fetch(String(granted.url), {
        method: 'PUT',
        headers: granted.headers as Record<string, string>,
        body: file,
      });
      if (!put.ok) throw new Error(`upload: ${put.status}`);
      return String(granted.uploadKey);
    });
    const id = await measure('submission created and sent', async () => {
      const created = await json(
        `${base}/submissions`,
        {
          token: clerk.token,
          now: '2026-11-03',
          json: {
            title: `关于2026年城市道路维修计划的通知（${i + 1}）`,
            documentNumber: `基政办发〔2026〕${i + 1}号`,
            issuingOffice: '基准局办公室',
            category: 'plans',
            formedOn: '2026-11-02',
            attribute: 'proactive',
            audience: 'public',
            display: { kind: 'long_term' },
            body: '各有关单位：现将2026年城市道路维修计划印发给你们，请认真贯彻执行。',
            attachments: [{ uploadKey: upload, name: '计划.pdf' }],
          },
        },
        201,
      );
      await json(`${base}/submissions/${String(created.id)}/submission`, {
        token: clerk.token,
        now: '2026-11-03',
        json: {},
      });
      return String(created.id);
    });
    await measure('console: a submission', () => consolePage(`/console/submissions/${id}`));
    const steps = [
      { signer: firstReviewer, step: 'first_review', body: {} },
      { signer: secondReviewer, step: 'second_review', body: {} },
      { signer: secrecy, step: 'secrecy_review', body: { secrecy: clearSecrecy } },
      { signer: approver, step: 'approval', body: {} },
    ];
    let signed: Record<string, unknown> = {};
    for (const { signer, step, body } of steps) {
      const cookie = await sessionOf(signer.email);
      await measure('console: a review', () =>
        expect(`/console/reviews/${id}`, { headers: { cookie } }, 200),
      );
      signed = await measure('review step signed', () =>
        json(`${base}/submissions/${id}/reviews`, {
          token: signer.token,
          now: '2026-11-04',
          json: { step, verdict: 'approve', opinion: '同意', ...body },
        }),
      );
    }
    const publication =
      (typeof signed.publication === 'string' ? signed.publication : '').split('/').pop() ?? '';
    if (signed.status !== 'published' || publication === '') throw new Error('the chain did not publish');
    publications.push(publication);
  }
  await drain();
  const afterPublications = await tableSnapshot(cloud);
  const publicationStorage = tableGrowth(afterApplications, afterPublications);
  const publicationArchive = (await bucketBytes(cloud)) - s3AfterApplications;
  for (const publication of [...publications, ...publications])
    await measure('reading room: a publication', () => expect(`/publications/${publication}`, {}, 200));
  for (let i = 0; i < 5; i += 1)
    await measure('reading room: listing', () => expect(`/agencies/${agencyId}/publications`, {}, 200));

  // The daily sweep, on days in order (each run moves the watermark one day, as the daily run does): a
  // working and a weekend day; the same again with more agencies (what each agency adds to a day);
  // then a day with reminders due, against the working day before it (what each reminder adds).
  const calendar = new WorkingCalendar();
  const sweepDay = async (day: string): Promise<Activity> => {
    await drain();
    resetCounts();
    bytesOut = 0;
    await control('/_local/sweep', { date: day, redo: true }, day);
    await drain();
    return countedActivity();
  };
  let agencies = 0;
  for (let token: unknown = null, first = true; first || typeof token === 'string'; first = false) {
    const page = await json(
      `/v1/agencies?limit=100${typeof token === 'string' ? `&nextToken=${encodeURIComponent(token)}` : ''}`,
      {},
    );
    agencies += (page.items as unknown[]).length;
    token = page.nextToken;
  }
  const workingShare = 250 / 365;
  const averageDay = (working: Activity, weekend: Activity): Activity =>
    addActivity(addActivity(NO_ACTIVITY, working, workingShare), weekend, 1 - workingShare);
  const before = averageDay(await sweepDay('2026-11-10'), await sweepDay('2026-11-14'));
  const MORE_AGENCIES = 30;
  for (let i = 0; i < MORE_AGENCIES; i += 1)
    await json(
      '/v1/agencies',
      {
        token: platform,
        json: { agencyId: `${agencyId}-${i}`, name: `基准局 ${i}`, level: 'department', profile: office },
      },
      201,
    );
  const after = averageDay(await sweepDay('2026-11-17'), await sweepDay('2026-11-21'));
  const perAgencyDay = nonNegative(
    addActivity(addActivity(NO_ACTIVITY, after, 1 / MORE_AGENCIES), before, -1 / MORE_AGENCIES),
  );
  const sweepRunDay = addActivity(before, perAgencyDay, -agencies);

  const REMINDERS = 6;
  const receivedOn = '2026-10-30';
  let dueDate = '';
  for (let i = 0; i < REMINDERS; i += 1) {
    const registered = await json(
      `${base}/applications/registrations`,
      {
        token: clerk.token,
        now: receivedOn,
        json: {
          channel: 'letter_registered',
          receivedOn,
          applicant: {
            type: 'natural_person',
            name: '赵六',
            idDocument: { type: 'resident_id_card', number: identityNumber() },
            address: '基准市西城区2号',
          },
          request: { description: '2026年部门预算', form: 'electronic', delivery: 'email' },
        },
      },
      201,
    );
    dueDate = String(registered.dueDate);
  }
  let reminderDay: string | undefined;
  let previousDay = '2026-11-21';
  for (let day = '2026-11-22'; day < dueDate && reminderDay === undefined; day = addDays(day, 1)) {
    const plan = planDay(calendar, day);
    if (plan.reminderDueDates.some((due) => due.dueDate === dueDate && due.workingDaysLeft === 3))
      reminderDay = day;
    else if (plan.workingDay) previousDay = day;
  }
  if (reminderDay === undefined || previousDay <= '2026-11-21')
    throw new Error(`no reminder day between 2026-11-22 and ${dueDate}`);
  const withoutReminders = await sweepDay(previousDay);
  const perReminder = nonNegative(
    addActivity(
      addActivity(NO_ACTIVITY, await sweepDay(reminderDay), 1 / REMINDERS),
      withoutReminders,
      -1 / REMINDERS,
    ),
  );

  // What a full Scan of the table takes here, per megabyte (the naive sweep reads it all daily).
  const scanStarted = performance.now();
  const whole = await tableSnapshot(cloud);
  const scanMs = performance.now() - scanStarted;
  const wholeBytes = [...whole.values()].reduce((sum, size) => sum + size.base, 0);
  const msPerMb = scanMs / (wholeBytes / 1024 ** 2);

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
  /** An agency's own month: its cases, its publications, its staff, its share of each day's sweep. */
  const agencyMonth = (tier: Tier): Activity => {
    let month = ofAssumptions(PER_APPLICATION, tier.applications / 12);
    month = addActivity(month, ofAssumptions(PER_PUBLICATION, tier.publications / 12));
    month = addActivity(month, ofAssumptions(PER_STAFF_WORKING_DAY, tier.staff * WORKING_DAYS_PER_MONTH));
    month = addActivity(month, perAgencyDay, DAYS_PER_MONTH);
    const reminders =
      (tier.applications * REMINDERS_PER_APPLICATION + tier.publications * REMINDERS_PER_PUBLICATION) / 12;
    return addActivity(month, perReminder, reminders);
  };
  /** Storage at the end of the first year, and the base table's bytes (what a Scan reads). */
  const agencyYearBytes = (tier: Tier) => ({
    table:
      agencyStorage.stored +
      (applicationStorage.stored / applications.length) * tier.applications +
      (publicationStorage.stored / publications.length) * tier.publications,
    scanned:
      agencyStorage.base +
      (applicationStorage.base / applications.length) * tier.applications +
      (publicationStorage.base / publications.length) * tier.publications,
    items:
      agencyStorage.items +
      (applicationStorage.items / applications.length) * tier.applications +
      (publicationStorage.items / publications.length) * tier.publications,
    archive:
      (applicationArchive / applications.length) * tier.applications +
      (publicationArchive / publications.length) * tier.publications,
  });
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
  type Scenario = {
    label: string;
    activity: Activity;
    bytes: ReturnType<typeof agencyYearBytes>;
    server: Server;
  };
  const sumBytes = (a: Scenario['bytes'], b: Scenario['bytes'], times: number) => ({
    table: a.table + b.table * times,
    scanned: a.scanned + b.scanned * times,
    items: a.items + b.items * times,
    archive: a.archive + b.archive * times,
  });
  const scenarios: Scenario[] = [
    ...TIERS.map((tier) => ({
      label: `one agency, ${tier.label}`,
      activity: addActivity(agencyMonth(tier), sweepRunDay, DAYS_PER_MONTH),
      bytes: agencyYearBytes(tier),
      server: SERVER_FOR_AGENCY,
    })),
    {
      label: `a province: ${PROVINCE.reduce((sum, part) => sum + part.agencies, 0).toLocaleString('en')} agencies`,
      activity: PROVINCE.reduce(
        (sum, part) => addActivity(sum, agencyMonth(tierOf(part.tier)), part.agencies),
        addActivity(NO_ACTIVITY, sweepRunDay, DAYS_PER_MONTH),
      ),
      bytes: PROVINCE.reduce(
        (sum, part) => sumBytes(sum, agencyYearBytes(tierOf(part.tier)), part.agencies),
        { table: 0, scanned: 0, items: 0, archive: 0 },
      ),
      server: SERVER_FOR_PROVINCE,
    },
  ];
  const fixed: Usage = { secrets: 1, schedulerInvocations: DAYS_PER_MONTH, ...OBSERVABILITY };
  const province = PROVINCE.reduce((sum, part) => sum + part.agencies, 0);
  const results = scenarios.map((scenario, index) => {
    const agenciesServed = index < TIERS.length ? 1 : province;
    const usage = addUsage(usageOf(scenario.activity, deployment), fixed, {
      dynamoStorageGbMonths: scenario.bytes.table / GB,
      // Point-in-time recovery is billed on the table's own size (its items and their overhead).
      dynamoBackupGbMonths: (scenario.bytes.scanned + scenario.bytes.items * ITEM_OVERHEAD_BYTES) / GB,
      s3StorageGbMonths: scenario.bytes.archive / GB,
    });
    // The sweep as built (its run, each agency's share, the reminders), and a Scan-based one's reads.
    const reminders =
      agenciesServed === 1
        ? ((TIERS[index]?.applications ?? 0) * REMINDERS_PER_APPLICATION) / 12 +
          ((TIERS[index]?.publications ?? 0) * REMINDERS_PER_PUBLICATION) / 12
        : PROVINCE.reduce(
            (sum, part) =>
              sum +
              part.agencies *
                (((TIERS[part.tier]?.applications ?? 0) * REMINDERS_PER_APPLICATION +
                  (TIERS[part.tier]?.publications ?? 0) * REMINDERS_PER_PUBLICATION) /
                  12),
            0,
          );
    const sweepActivity = addActivity(
      addActivity(
        addActivity(NO_ACTIVITY, sweepRunDay, DAYS_PER_MONTH),
        perAgencyDay,
        DAYS_PER_MONTH * agenciesServed,
      ),
      perReminder,
      reminders,
    );
    const sweep = usageOf(sweepActivity, { ...deployment, xray: false });
    const scanSweep = scanSweepUsage({
      tableBytes: scenario.bytes.scanned,
      items: scenario.bytes.items,
      msPerMb,
      memoryMb: memoryMb.sweep ?? 1024,
    });
    return {
      label: scenario.label,
      agencies: agenciesServed,
      usage,
      bills: Object.fromEntries(REGIONS.map((region) => [region, bill(usage, region)])) as Record<
        Region,
        Bill
      >,
      sweep: bill(sweep, 'us-east-1'),
      scanSweep: bill(scanSweep, 'us-east-1'),
      scanGb: scenario.bytes.scanned / GB,
      server: { name: scenario.server.name, bill: bill(serverUsage(scenario.server), 'us-east-1') },
    };
  });

  return [
    assumptionsTable(),
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
        ['an agency and its staff', agencyStorage.items, agencyStorage.stored, 0, '—', '—', '—'],
        perCase(
          'an application (its lifecycle, as in this mix)',
          applicationStorage,
          applicationArchive,
          applications.length,
        ),
        perCase(
          'a publication (review chain, published)',
          publicationStorage,
          publicationArchive,
          publications.length,
        ),
        sweepRow(`a day's sweep run (${agencies} agencies' share taken out)`, sweepRunDay),
        sweepRow('each agency, per day (working and weekend days weighted)', perAgencyDay),
        sweepRow(`each reminder (${REMINDERS} due on ${reminderDay}, against ${previousDay})`, perReminder),
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
          money(result.server.bill.total),
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

  function perCase(label: string, growth: { items: number; stored: number }, archive: number, n: number) {
    return [
      label,
      round(growth.items / n, 1),
      Math.round(growth.stored / n),
      Math.round(archive / n),
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

function assumptionsTable(): Table {
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
      `${OBSERVABILITY.alarms}, ${OBSERVABILITY.dashboards}, ${OBSERVABILITY.customMetrics}`,
      'issue 15 part 3',
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
