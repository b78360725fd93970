import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { RecordsTable } from '#lib/adapters/records-table';
import { AgencyRole, type Role } from '#lib/domain/staff';
import { undeclaredAnswer } from './declared-answers';

/** Helpers for integration tests: HTTP calls through the local gateway, and fixtures built through the API. */
export const localCloud = () => inject('localCloud');

/** The local cloud's Records table, for a test that reads or writes what no route offers. */
export function localRecordsTable(): RecordsTable {
  const cloud = localCloud();
  const client = new DynamoDBClient({
    region: cloud.region,
    endpoint: cloud.dynamodbEndpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return new RecordsTable(
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    cloud.tableName,
  );
}

export type ApiResponse = {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  // Tests read response bodies field by field and assert on them.
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
};

export type CallOptions = {
  token?: string | undefined;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** The business time of the request (X-Gongkai-Now). */
  now?: string;
};

export async function api(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.now !== undefined) headers['x-gongkai-now'] = options.now;
  // Every change carries an Idempotency-Key, as every documented client sends one (a route that honours
  // none ignores it); a test that means a retry passes its own.
  const change = !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
  if (change && !Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key'))
    headers['idempotency-key'] = randomUUID();
  let body: string | Buffer | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${localCloud().baseUrl}${path}`, {
    method,
    headers,
    body: typeof body === 'object' ? new Uint8Array(body) : body,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  // Every answer must be one its route declares, so the OpenAPI document is complete.
  const undeclared = undeclaredAnswer(method, path, { status: response.status, json });
  if (undeclared !== undefined)
    throw new Error(`${undeclared} (OpenAPI completeness: see lib/api/routes.ts)`);
  return { status: response.status, headers: response.headers, contentType, text, json };
}

export const uniqueId = (prefix = 't'): string => `${prefix}-${randomBytes(5).toString('hex')}`;

export const platformToken = (): string => localCloud().tokens.platform_admin;

export const anOffice = (overrides: Record<string, unknown> = {}) => ({
  officeName: '测试局政务公开办公室',
  head: '李华',
  address: '测试市中山路100号',
  openingHours: '工作日 9:00–17:00',
  phone: '021-87654321',
  fax: null,
  email: 'gongkai@test.example.cn',
  website: 'https://test.example.cn',
  ...overrides,
});

/** A new agency, created by the platform administrator. */
export async function aNewAgency(
  overrides: Record<string, unknown> = {},
): Promise<{ agencyId: string; version: number }> {
  const agencyId = uniqueId('agency');
  const response = await api('POST', '/v1/agencies', {
    token: platformToken(),
    body: { agencyId, name: `测试机关 ${agencyId}`, level: 'department', profile: anOffice(), ...overrides },
  });
  if (response.status !== 201)
    throw new Error(`could not create agency: ${response.status} ${response.text}`);
  return response.json;
}

/** A staff account with `roles` in `agencyId`, and its token (the local identity provider issues one). */
export async function aStaffMember(
  agencyId: string,
  roles: readonly Role[],
): Promise<{ staffId: string; email: string; token: string; version: number }> {
  const email = `${uniqueId('staff')}@test.example.cn`;
  const response = await api('POST', `/v1/agencies/${agencyId}/staff`, {
    token: platformToken(),
    body: { email, name: `职员 ${roles.join('+')}`, roles },
  });
  if (response.status !== 201) throw new Error(`could not create staff: ${response.status} ${response.text}`);
  return response.json;
}

export const ALL_AGENCY_ROLES: readonly Role[] = AgencyRole.options;

/** Waits until the archiver has consumed every change so far. */
export async function drainStream(): Promise<void> {
  const response = await api('POST', '/_local/stream/drain');
  if (response.status !== 200) throw new Error(`drain failed: ${response.text}`);
}

let s3: S3Client | undefined;
function s3Client(): S3Client {
  const cloud = localCloud();
  s3 ??= new S3Client({
    region: cloud.region,
    endpoint: cloud.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

/** Every archived object under `prefix`, with its body, in key order. */
export async function archivedObjects(
  prefix: string,
): Promise<{ key: string; body: string; metadata: Record<string, string> }[]> {
  const cloud = localCloud();
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3Client().send(
      new ListObjectsV2Command({ Bucket: cloud.archiveBucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    token = page.NextContinuationToken;
  } while (token !== undefined);
  const objects = [];
  for (const key of keys.sort()) {
    const object = await s3Client().send(new GetObjectCommand({ Bucket: cloud.archiveBucket, Key: key }));
    objects.push({
      key,
      body: (await object.Body?.transformToString('utf8')) ?? '',
      metadata: object.Metadata ?? {},
    });
  }
  return objects;
}

/** The bytes of an object in the uploads bucket (a record's kept copy of an upload, say). */
export async function uploadsObject(key: string): Promise<Buffer> {
  const object = await s3Client().send(
    new GetObjectCommand({ Bucket: localCloud().uploadsBucket, Key: key }),
  );
  return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
}

/** A plausible 2027 holiday schedule (the real notice is not published yet), as the State Council lays it out. */
export function aSchedule2027(overrides: { extraHolidays?: { date: string; festival: string }[] } = {}) {
  const days = (festival: string, dates: string[]) =>
    dates.map((date) => ({ date: `2027-${date}`, festival }));
  return {
    holidays: [
      ...days('元旦', ['01-01', '01-02', '01-03']),
      ...days('春节', [
        '02-05',
        '02-06',
        '02-07',
        '02-08',
        '02-09',
        '02-10',
        '02-11',
        '02-12',
        '02-13',
        '02-14',
      ]),
      ...days('清明节', ['04-03', '04-04', '04-05']),
      ...days('劳动节', ['05-01', '05-02', '05-03', '05-04', '05-05']),
      ...days('端午节', ['06-09']),
      ...days('中秋节', ['09-15']),
      ...days('国庆节', ['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07']),
      ...(overrides.extraHolidays ?? []),
    ],
    adjustedWorkdays: [...days('春节', ['02-20']), ...days('国庆节', ['10-09'])],
    notice: { title: '国务院办公厅关于2027年部分节假日安排的通知（测试用）' },
  };
}

let applicantCounter = 0;
/** A natural-person applicant with a unique identity number and phone (so tests can look for them). */
export function anApplicant(overrides: Record<string, unknown> = {}) {
  applicantCounter += 1;
  const serial = `${process.pid % 10000}`.padStart(4, '0') + `${applicantCounter}`.padStart(4, '0');
  return {
    type: 'natural_person',
    name: '张三',
    idDocument: { type: 'resident_id_card', number: `1101011990${serial}` },
    address: '北京市东城区东华门街道1号',
    phone: `139${serial}`,
    email: 'zhangsan@example.cn',
    ...overrides,
  };
}

export const anInformationRequest = (overrides: Record<string, unknown> = {}) => ({
  description: '2025年本市道路维修专项资金的预算和使用情况',
  form: 'electronic',
  delivery: 'email',
  ...overrides,
});

/** An application registered by a clerk (a letter, by default) on `receivedOn`. */
export async function aRegisteredApplication(
  agencyId: string,
  clerkToken: string,
  options: { receivedOn?: string; now?: string; applicant?: Record<string, unknown>; channel?: string } = {},
): Promise<{
  trackingNumber: string;
  accessToken: string;
  dueDate: string;
  provisional: boolean;
  version: number;
}> {
  const receivedOn = options.receivedOn ?? '2026-09-28';
  const response = await api('POST', `/v1/agencies/${agencyId}/applications/registrations`, {
    token: clerkToken,
    now: options.now ?? `${receivedOn}T02:00:00Z`,
    body: {
      channel: options.channel ?? 'letter_registered',
      receivedOn,
      applicant: options.applicant ?? anApplicant(),
      request: anInformationRequest(),
    },
  });
  if (response.status !== 201) throw new Error(`could not register: ${response.status} ${response.text}`);
  return response.json;
}

/** An agency with one staff member per agency role, and their tokens. */
export async function anAgencyWithStaff(overrides: Record<string, unknown> = {}) {
  const agency = await aNewAgency(overrides);
  const tokens: Record<string, string> = {};
  const staffIds: Record<string, string> = {};
  for (const role of AgencyRole.options) {
    const member = await aStaffMember(agency.agencyId, [role]);
    tokens[role] = member.token;
    staffIds[role] = member.staffId;
  }
  return {
    agencyId: agency.agencyId,
    tokens: tokens as Record<Role, string>,
    staffIds: staffIds as Record<Role, string>,
  };
}

/** A document for proactive disclosure, valid and complete unless overridden. */
export const aDocument = (overrides: Record<string, unknown> = {}) => ({
  title: '关于2026年城市道路维修计划的通知',
  documentNumber: '示政办发〔2026〕12号',
  issuingOffice: '市政府办公室',
  category: 'plans',
  formedOn: '2026-09-01',
  attribute: 'proactive',
  audience: 'public',
  display: { kind: 'long_term' },
  body: '各区人民政府，市各委、办、局：现将2026年城市道路维修计划印发给你们，请认真贯彻执行。',
  ...overrides,
});

/** Uploads a small file through the presigned flow and returns its key. */
export async function anUpload(name = '附件.pdf', content = '%PDF-1.4 test'): Promise<string> {
  const upload = await api('POST', '/v1/uploads', {
    body: { contentType: 'application/pdf', size: Buffer.byteLength(content), fileName: name },
  });
  if (upload.status !== 201) throw new Error(`upload refused: ${upload.text}`);
  const put = await fetch(upload.json.url, { method: 'PUT', headers: upload.json.headers, body: content });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  return upload.json.uploadKey;
}

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

/**
 * A document taken through the agency's review chain (the default: 初审 → 复审 → 保密审查 → 终审) to
 * publication, each step signed by a fresh staff member of the step's role.
 */
export async function aPublishedDocument(
  agencyId: string,
  document: Record<string, unknown> = aDocument(),
  now?: string,
): Promise<{ publicationId: string; submissionId: string }> {
  const at = now === undefined ? {} : { now };
  const clerk = await aStaffMember(agencyId, ['clerk']);
  const base = `/v1/agencies/${agencyId}/submissions`;
  const created = await api('POST', base, { token: clerk.token, body: document, ...at });
  if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
  const id = created.json.id;
  await api('POST', `${base}/${id}/submission`, { token: clerk.token, body: {}, ...at });
  const approved = await throughTheReviewChain(agencyId, id, now);
  if (approved.json.status !== 'published') throw new Error(`not published: ${approved.text}`);
  return { publicationId: String(approved.json.publication).split('/').pop() ?? '', submissionId: id };
}

/**
 * Signs every step of the chain a submission waits in, from the step it waits at, each by a fresh staff
 * member of the step's role; returns the last answer.
 */
export async function throughTheReviewChain(agencyId: string, submissionId: string, now?: string) {
  const at = now === undefined ? {} : { now };
  const reader = await aStaffMember(agencyId, ['clerk']);
  const url = `/v1/agencies/${agencyId}/submissions/${submissionId}`;
  let current = await api('GET', url, { token: reader.token });
  const chain: { id: string; role: Role; kind: string }[] = current.json.chain;
  let answer = current;
  while (current.json.status === 'in_review') {
    const step = chain[current.json.currentStep as number];
    if (step === undefined) throw new Error(`no step ${current.json.currentStep}`);
    const signer = await aStaffMember(agencyId, [step.role]);
    answer = await api('POST', `${url}/reviews`, {
      token: signer.token,
      body: {
        step: step.id,
        verdict: 'approve',
        opinion: '同意',
        ...(step.kind === 'secrecy_review' ? { secrecy: clearSecrecy } : {}),
      },
      ...at,
    });
    if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
    current = answer;
  }
  return answer;
}
