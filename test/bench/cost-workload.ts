import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { LocalCloud } from '#infra/local/local-cloud';
import { addDays } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { planDay } from '#lib/domain/sweep';
import { functionDefinitions } from '#lib/platform/functions';
import { recordsTable } from '#lib/platform/resources';
import { ACCESS_COOKIE } from '#lib/web/applicant-session';
import { aReview } from '#test/support/domain';
import { signIn } from './console';
import {
  addActivity,
  itemBytes,
  NO_ACTIVITY,
  nonNegative,
  storedBytes,
  type Activity,
  type Item,
} from './cost-model';
import { benchCloud, counts, resetCounts } from './local-cloud';

/**
 * The cost bench's workload, run against the local cloud: ten applications through their lifecycle (eight
 * online through the portal with a file, two letters), four publications through the review chain, their
 * page views, console sign-ins, and the daily sweep on chosen days. Each operation is measured alone, with
 * its stream work: function invocations and billed durations, DynamoDB request units, S3 requests, log
 * bytes and bytes sent; and what the cases leave in the table and the buckets.
 */
export type Operation =
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
const pdf = (kilobytes: number): Blob =>
  new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(kilobytes * 1024 - 9, 0x20)])], {
    type: 'application/pdf',
  });
let serial = 0;
const identityNumber = () => `11010119800101${String((serial += 1)).padStart(4, '0')}`;

export type Measured = Map<Operation, { n: number; activity: Activity }>;

/** Storage a case leaves: new items, bytes stored (with index copies), and the items' own bytes. */
export type Growth = { items: number; stored: number; base: number };

export type Measurements = {
  measured: Measured;
  storage: {
    agency: Growth;
    /** Per application and per publication, over the numbers measured. */
    applications: { n: number; table: Growth; files: number };
    publications: { n: number; table: Growth; files: number };
  };
  sweep: {
    /** A day's run itself, the share of the agencies present taken out. */
    run: Activity;
    perAgencyDay: Activity;
    perReminder: Activity;
    agencies: number;
    reminders: { count: number; day: string; against: string };
  };
  /** A full Scan here, per megabyte of items. */
  scanMsPerMb: number;
};

export async function measureWorkload(): Promise<Measurements> {
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
  /** A letter a clerk registers the day it is received. */
  const registerLetter = (receivedOn: string) =>
    json(
      `${base}/applications/registrations`,
      {
        token: clerk.token,
        now: receivedOn,
        json: {
          channel: 'letter_registered',
          receivedOn,
          applicant: {
            type: 'natural_person',
            name: '李四',
            idDocument: { type: 'resident_id_card', number: identityNumber() },
            address: '基准市东城区1号',
          },
          request: { description: '2026年部门预算', form: 'electronic', delivery: 'email' },
        },
      },
      201,
    );

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
    const accessToken = jar.get(ACCESS_COOKIE) ?? '';
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
    const registered = await measure('letter registered by a clerk', () => registerLetter('2026-11-02'));
    applications.push({
      trackingNumber: String(registered.trackingNumber),
      accessToken: String(registered.accessToken),
    });
  }
  for (const [index, application] of applications.entries()) {
    const caseUrl = `${base}/applications/${application.trackingNumber}`;
    const jar: Jar = new Map([[ACCESS_COOKIE, application.accessToken]]);
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
      { signer: firstReviewer, step: 'first_review' },
      { signer: secondReviewer, step: 'second_review' },
      { signer: secrecy, step: 'secrecy_review' },
      { signer: approver, step: 'approval' },
    ] as const;
    let signed: Record<string, unknown> = {};
    for (const { signer, step } of steps) {
      const cookie = await sessionOf(signer.email);
      await measure('console: a review', () =>
        expect(`/console/reviews/${id}`, { headers: { cookie } }, 200),
      );
      signed = await measure('review step signed', () =>
        json(`${base}/submissions/${id}/reviews`, {
          token: signer.token,
          now: '2026-11-04',
          json: aReview(step),
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
    const registered = await registerLetter(receivedOn);
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

  return {
    measured,
    storage: {
      agency: agencyStorage,
      applications: { n: applications.length, table: applicationStorage, files: applicationArchive },
      publications: { n: publications.length, table: publicationStorage, files: publicationArchive },
    },
    sweep: {
      run: sweepRunDay,
      perAgencyDay,
      perReminder,
      agencies,
      reminders: { count: REMINDERS, day: reminderDay, against: previousDay },
    },
    scanMsPerMb: msPerMb,
  };
}
