import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { portalRoutes } from '#lib/api/page-routes';
import type { HttpEvent } from '#lib/http/request';
import { act, registerApplication, type StaffAction } from '#lib/use-cases/applications/casework';
import { fileComplaint } from '#lib/use-cases/complaints';
import { ACCESS_COOKIE } from '#lib/web/applicant-session';
import { assets } from '#lib/web/assets/index';
import { translator } from '#lib/web/messages/catalogue';
import { complaints } from '#lib/web/messages/complaints';
import { follow } from '#lib/web/messages/follow';
import { CSRF_COOKIE, pageFunction } from '#lib/web/page-function.tsx';
import { applyPages } from '#lib/web/pages/apply.tsx';
import { complaintPages } from '#lib/web/pages/complaints.tsx';
import { followPages } from '#lib/web/pages/follow.tsx';
import { homePages } from '#lib/web/pages/home.tsx';
import { readingPages } from '#lib/web/pages/reading-room.tsx';
import { COMPLAINT_CODE_ONCE_COOKIE, COMPLAINT_COOKIE } from '#lib/web/pages/complaints/session';
import {
  accessText,
  clockStepSentences,
  dayRuns,
  timelineSentence,
  type DueDateStep,
} from '#lib/web/pages/follow/wording';
import type { PortalDeps } from '#lib/web/portal-deps';
import { FORM_FILES, MAX_FORM_BODY_BYTES } from '#lib/web/posted-files';
import { aComplaint, aPrincipal, aRegistration, anAgency, cst, staffIdOf } from '#test/support/factories';
import { givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * The follow and complaint pages on their HTML, over in-memory ports: the wording of the status page,
 * the same answer to a wrong number and a wrong code, cookies scoped to the application's path, and the
 * complaint's receipt that opens only with its access code. The browser walk is in
 * test/integration/portal-follow.test.ts.
 */
const zh = translator('zh-CN');
const en = translator('en');

describe('the status page’s wording', () => {
  it('says each event as a sentence, with the due date it set', () => {
    const registered = { at: '2026-09-28T02:00:00Z', type: 'application_registered', description: '—' };
    expect(timelineSentence({ ...registered, dueDate: '2026-10-30' }, zh, 'zh-CN')).toBe(
      '受理机关登记收到了您的申请。答复期限：2026年10月30日。',
    );
    expect(timelineSentence({ ...registered, dueDate: '2026-10-30' }, en, 'en')).toBe(
      'The agency registered your application as received. Reply due by 30 October 2026.',
    );
    expect(
      timelineSentence(
        { at: '', type: 'abandonment_reopened', description: '—', dueDate: '2026-11-20' },
        zh,
        'zh-CN',
      ),
    ).toBe('受理机关重新确定了补正期限。新的补正期限：2026年11月20日。');
    expect(timelineSentence({ at: '', type: 'application_withdrawn', description: '—' }, zh, 'zh-CN')).toBe(
      '您撤回了申请。',
    );
  });

  it('has every word in both languages, none empty, with the same placeholders', () => {
    for (const words of [follow, complaints]) {
      expect(Object.keys(words.en).sort()).toEqual(Object.keys(words['zh-CN']).sort());
      for (const locale of ['zh-CN', 'en'] as const)
        for (const [key, text] of Object.entries(words[locale])) {
          expect(text.trim(), `${locale} ${key}`).not.toBe('');
          const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
          expect(placeholders(text), `${locale} ${key}`).toEqual(
            placeholders(words['zh-CN'][key as keyof (typeof words)['zh-CN']]),
          );
        }
    }
  });

  it('keeps the view’s own words for an event it does not know yet, rather than drop it', () => {
    expect(timelineSentence({ at: '', type: 'something_new', description: '新的事项' }, zh, 'zh-CN')).toBe(
      '新的事项',
    );
  });

  it('groups days off in a row by festival, and single days apart', () => {
    expect(
      dayRuns([
        { date: '2026-10-02', reason: '国庆节' },
        { date: '2026-10-01', reason: '国庆节' },
        { date: '2026-10-03', reason: '国庆节' },
        { date: '2026-10-05', reason: '国庆节' },
        { date: '2026-06-19', reason: '端午节' },
      ]),
    ).toEqual([
      { reason: '端午节', from: '2026-06-19', to: '2026-06-19', days: 1 },
      { reason: '国庆节', from: '2026-10-01', to: '2026-10-03', days: 3 },
      { reason: '国庆节', from: '2026-10-05', to: '2026-10-05', days: 1 },
    ]);
    expect(
      dayRuns([
        { date: '2026-12-31', reason: '元旦' },
        { date: '2027-01-01', reason: '元旦' },
      ]),
    ).toEqual([{ reason: '元旦', from: '2026-12-31', to: '2027-01-01', days: 2 }]);
  });

  const step = (overrides: Partial<DueDateStep>): DueDateStep => ({
    step: 'start',
    on: '2026-09-28',
    dueDate: '2026-10-30',
    remainingWorkingDays: null,
    provisional: false,
    daysOff: [],
    adjustedWorkdays: [],
    ...overrides,
  });

  it('explains the start: the period counted from the next day, the holidays skipped, the weekend day worked', () => {
    const days = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      date: `2026-10-${d}`,
      reason: '国庆节',
    }));
    const start = step({
      workingDays: 20,
      daysOff: days,
      adjustedWorkdays: [{ date: '2026-10-10', reason: '国庆节调休上班' }],
    });
    expect(clockStepSentences(start, zh, 'zh-CN')).toEqual([
      '2026年9月28日收到申请，答复期限自次日起计算20个工作日，至2026年10月30日。',
      '期间的节假日不计算在内：国庆节（2026年10月1日至2026年10月7日，共7天）。',
      '期间的调休上班日计算在内：国庆节调休上班（2026年10月10日）。',
    ]);
    expect(clockStepSentences(start, en, 'en')[1]).toBe(
      'Holidays in the period are not counted: 国庆节 (1 October 2026 to 7 October 2026, 7 days).',
    );
  });

  it('explains a suspension by its cause and the days left, a fresh period, an extension, a later date', () => {
    expect(
      clockStepSentences(
        step({
          step: 'suspend',
          on: '2026-09-30',
          reason: 'clarification',
          dueDate: null,
          remainingWorkingDays: 18,
        }),
        zh,
        'zh-CN',
      ),
    ).toEqual(['2026年9月30日起，因等待您补正申请内容，答复期限暂停计算，尚余18个工作日。']);
    expect(
      clockStepSentences(
        step({ step: 'resume', on: '2026-10-12', restart: true, dueDate: '2026-11-09' }),
        zh,
        'zh-CN',
      ),
    ).toEqual(['2026年10月12日起重新计算完整的答复期限，至2026年11月9日。']);
    expect(
      clockStepSentences(
        step({ step: 'extend', on: '2026-10-20', workingDays: 20, dueDate: '2026-11-27' }),
        en,
        'en',
      ),
    ).toEqual([
      'On 20 October 2026, with the head’s consent, the period was extended by 20 working days, to 27 November 2026.',
    ]);
    expect(
      clockStepSentences(
        step({ step: 'reschedule', on: '2026-10-20', dueDate: '2027-01-15', provisional: true }),
        zh,
        'zh-CN',
      ),
    ).toEqual([
      '2026年10月20日确定延迟答复的合理期限，至2027年1月15日。',
      '该期限跨越尚未公布节假日安排的年度，为暂定日期；节假日安排公布后将重新计算。',
    ]);
  });

  it('says how, where and when the information is obtained', () => {
    expect(
      accessText(
        {
          method: 'inspection',
          place: '市政府信息公开查阅点',
          from: '2026-11-02',
          until: '2026-11-13',
          hours: '工作日9:00–17:00',
        },
        zh,
        'zh-CN',
      ),
    ).toBe('查阅：市政府信息公开查阅点，2026年11月2日至2026年11月13日，工作日9:00–17:00');
    expect(accessText({ method: 'post', sendBy: '2026-11-05' }, zh, 'zh-CN')).toBe(
      '邮寄：寄往您在申请中填写的地址，2026年11月5日前寄出',
    );
  });
});

// --- The pages, on their HTML ---

const AGENCY = 'ag-city';
const clerk = aPrincipal(['clerk'], { staffId: staffIdOf('clerk'), name: '刘备' });
const CSRF = 'x'.repeat(43);

/** The portal's function as `functions/portal.ts` builds it, over the in-memory world. */
function portal(world: InMemoryWorld) {
  const deps: PortalDeps = {
    agencies: world.agencies,
    readingRoom: { store: world.proactive, agencies: world.agencies },
    applications: world.applicationDeps,
    reports: world.reportDeps,
    rollUps: world.reports,
    tree: {
      agencies: world.agencies,
      days: { daysBetween: async () => [] },
      reports: { yearsOf: async () => new Map() },
    },
    complaints: world.complaintDeps,
  };
  return pageFunction(portalRoutes, {
    ...homePages(deps.agencies),
    ...readingPages(deps),
    ...applyPages(deps),
    ...followPages(deps),
    ...complaintPages(deps),
  });
}

type Visit = {
  cookies?: string[];
  form?: Record<string, string>;
  /** A form posted as `multipart/form-data` (its fields, then its files), in place of `form`. */
  multipart?: { fields: Record<string, string>; files?: File[] };
  rawPath?: string;
  query?: Record<string, string>;
  language?: string;
  today?: string;
  headers?: Record<string, string>;
};

async function visit(
  world: InMemoryWorld,
  routeKey: string,
  params: Record<string, string>,
  options: Visit = {},
): Promise<{ status: number; html: string; headers: Record<string, unknown>; cookies: string[] }> {
  const [method = 'GET', template = '/'] = routeKey.split(' ');
  const path = options.rawPath ?? template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const post = method === 'POST';
  const multipart = options.multipart === undefined ? undefined : await multipartOf(options.multipart);
  const event: HttpEvent = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: {
      'accept-language': options.language ?? 'zh-CN',
      ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...multipart?.headers,
      ...options.headers,
    },
    cookies: [...(options.cookies ?? []), ...(post ? [`${CSRF_COOKIE}=${CSRF}`] : [])],
    ...(options.query ? { queryStringParameters: options.query } : {}),
    pathParameters: params,
    isBase64Encoded: multipart !== undefined,
    ...(multipart
      ? { body: multipart.body }
      : post
        ? { body: new URLSearchParams({ _csrf: CSRF, ...options.form }).toString() }
        : {}),
    requestContext: {
      accountId: '0',
      apiId: 'x',
      domainName: 'x',
      domainPrefix: 'x',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' },
      requestId: 'req-1',
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: cst(options.today ?? '2026-09-29').getTime(),
    },
  };
  const result: APIGatewayProxyStructuredResultV2 = await portal(world)(event);
  return {
    status: result.statusCode ?? 200,
    html: typeof result.body === 'string' ? result.body : '',
    headers: result.headers ?? {},
    cookies: result.cookies ?? [],
  };
}

/** A multipart body as a browser sends it (base64 in the event), with the form token. */
async function multipartOf(posted: { fields: Record<string, string>; files?: File[] }) {
  const form = new FormData();
  form.append('_csrf', CSRF);
  for (const [name, value] of Object.entries(posted.fields)) form.append(name, value);
  for (const file of posted.files ?? []) form.append('attachments', file);
  const encoded = new Response(form);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  return {
    body: bytes.toString('base64'),
    headers: {
      'content-type': encoded.headers.get('content-type') ?? '',
      'content-length': String(bytes.length),
    },
  };
}

async function aWorldWithALetter() {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency());
  const registered = await registerApplication(
    world.applicationDeps,
    clerk,
    AGENCY,
    aRegistration({ receivedOn: '2026-09-28' }),
    cst('2026-09-28'),
  );
  const tn = registered.trackingNumber;
  const cookie = `${ACCESS_COOKIE}=${registered.accessToken}`;
  const staff = (action: StaffAction, today: string) =>
    act(world.applicationDeps, clerk, AGENCY, tn, action, cst(today));
  /** The application's status page (or one of its pages, `/withdrawal`), in the applicant's browser. */
  const applicantSees = (options: Visit = {}, page: '' | '/withdrawal' = '') =>
    visit(
      world,
      `GET /applications/{trackingNumber}${page}`,
      { trackingNumber: tn },
      { cookies: [cookie], ...options },
    );
  /** A form of the status page, posted from the applicant's browser. */
  const applicantPosts = (step: string, form: Record<string, string>, options: Visit = {}) =>
    visit(
      world,
      `POST /applications/{trackingNumber}/${step}`,
      { trackingNumber: tn },
      { cookies: [cookie], form, ...options },
    );
  return { world, tn, token: registered.accessToken, cookie, staff, applicantSees, applicantPosts };
}

/** The text of the page's error messages next to fields. */
const fieldMessages = (html: string) =>
  [...html.matchAll(/<p class="error-message"[^>]*><span[^>]*>[^<]*<\/span> ([^<]*)<\/p>/g)].map((m) => m[1]);

describe('the follow form', () => {
  it('answers a wrong code and an unknown number alike, keeps the number and never writes the code back', async () => {
    const { world, tn, token } = await aWorldWithALetter();
    const wrongCode = await visit(
      world,
      'POST /follow',
      {},
      { form: { trackingNumber: tn, accessCode: 'guess' } },
    );
    const unknown = await visit(
      world,
      'POST /follow',
      {},
      { form: { trackingNumber: '2026-ZZZZ-ZZZZ', accessCode: token } },
    );
    for (const answer of [wrongCode, unknown]) {
      expect(answer.status).toBe(422);
      expect(fieldMessages(answer.html)).toEqual([
        '申请编号或访问码不正确。请核对回执上的申请编号和访问码后重新输入。',
      ]);
      expect(answer.html).toContain('href="#f-accessCode"');
      expect(answer.html).toMatch(/<input id="f-accessCode" name="accessCode" type="text" value[ >]/);
      expect(answer.html).not.toContain(token);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect(wrongCode.html).toContain(`value="${tn}"`);
    expect(wrongCode.html).not.toContain('guess');
  });

  it('says what is missing or malformed, per field', async () => {
    const { world } = await aWorldWithALetter();
    const empty = await visit(world, 'POST /follow', {}, { form: { trackingNumber: ' ', accessCode: '' } });
    expect(fieldMessages(empty.html)).toEqual(['请输入申请编号', '请输入访问码']);
    const malformed = await visit(
      world,
      'POST /follow',
      {},
      { form: { trackingNumber: '2026-1', accessCode: 'x' } },
    );
    expect(fieldMessages(malformed.html)[0]).toContain('申请编号的格式应为');
  });

  it('opens the application with a cookie scoped to its path (HttpOnly, Secure, SameSite=Strict), never the code in the address', async () => {
    const { world, tn, token } = await aWorldWithALetter();
    const answer = await visit(
      world,
      'POST /follow',
      {},
      { form: { trackingNumber: tn.toLowerCase(), accessCode: ` ${token} ` } },
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`/applications/${tn}`);
    expect(answer.cookies).toEqual([
      `${ACCESS_COOKIE}=${token}; Path=/applications/${tn}; Secure; HttpOnly; SameSite=Strict`,
    ]);
  });
});

describe('forms on pages that send no Referer', () => {
  // Referrer-Policy: no-referrer makes the browser send `Origin: null` with the page's own forms.
  it('take Origin null unless the browser says the post comes from another site (the form token decides)', async () => {
    const { world, tn, token } = await aWorldWithALetter();
    const form = { trackingNumber: tn, accessCode: token };
    const own = await visit(
      world,
      'POST /follow',
      {},
      {
        form,
        headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
      },
    );
    expect(own.status).toBe(303);
    const elsewhere = await visit(
      world,
      'POST /follow',
      {},
      {
        form,
        headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
      },
    );
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.cookies).toEqual([]);
    // An older browser that does not say where the post comes from (no Sec-Fetch-Site): its form token
    // decides, as it does everywhere.
    const unsaid = await visit(world, 'POST /follow', {}, { form, headers: { origin: 'null' } });
    expect(unsaid.status).toBe(303);
    const otherOrigin = await visit(
      world,
      'POST /follow',
      {},
      {
        form,
        headers: { origin: 'https://evil.example', host: 'portal.example' },
      },
    );
    expect(otherOrigin.status).toBe(403);
  });
});

describe('the status page', () => {
  it('sends an address typed in lower case to the canonical one, where the cookie is sent', async () => {
    const { world, tn } = await aWorldWithALetter();
    const answer = await visit(
      world,
      'GET /applications/{trackingNumber}',
      { trackingNumber: tn },
      { rawPath: `/applications/${tn.toLowerCase()}` },
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`/applications/${tn}`);
  });

  it('without the cookie, is the follow form with the number filled in; a stale cookie is forgotten', async () => {
    const { world, tn } = await aWorldWithALetter();
    const fresh = await visit(world, 'GET /applications/{trackingNumber}', { trackingNumber: tn });
    expect(fresh.status).toBe(200);
    expect(fresh.html).toContain(`value="${tn}"`);
    expect(fresh.html).toContain('action="/follow"');
    expect(fresh.html).not.toContain('办理经过');
    expect(fresh.cookies.filter((c) => c.startsWith(ACCESS_COOKIE))).toEqual([]);
    const stale = await visit(
      world,
      'GET /applications/{trackingNumber}',
      { trackingNumber: tn },
      { cookies: [`${ACCESS_COOKIE}=old`] },
    );
    expect(stale.cookies).toContain(
      `${ACCESS_COOKIE}=; Path=/applications/${tn}; Max-Age=0; Secure; HttpOnly; SameSite=Strict`,
    );
  });

  it('is private (no-store, no Referer, noindex) and tells the due date and why, in sentences', async () => {
    const { tn, applicantSees } = await aWorldWithALetter();
    const page = await applicantSees();
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.html).toContain('<meta name="robots" content="noindex"/>');
    expect(page.html).toContain('受理机关：某市生态环境局');
    expect(page.html).toContain('2026年9月28日收到申请，答复期限自次日起计算20个工作日，至2026年10月30日。');
    expect(page.html).toContain('国庆节（2026年10月1日至2026年10月7日，共7天）');
    expect(page.html).toContain('受理机关登记收到了您的申请。答复期限：2026年10月30日。');
    // Still open: it can be withdrawn (a step of its own), complained about, and signed out of.
    expect(page.html).toContain(`href="/applications/${tn}/withdrawal"`);
    expect(page.html).toContain(`href="/agencies/${AGENCY}/complaints/new?trackingNumber=${tn}"`);
    expect(page.html).toContain(`action="/applications/${tn}/sign-out"`);
    expect(page.html).toContain('gongkai@test.example.cn');
  });

  it('speaks English to an English reader', async () => {
    const { applicantSees } = await aWorldWithALetter();
    const page = await applicantSees({ language: 'en' });
    expect(page.html).toContain('How the reply date was worked out');
    expect(page.html).toContain(
      'The agency registered your application as received. Reply due by 30 October 2026.',
    );
    expect(page.html).not.toContain('受理机关登记');
  });

  it('asks for a supplement with the request’s items and due date; an empty one is refused next to its field', async () => {
    const { tn, staff, applicantSees, applicantPosts } = await aWorldWithALetter();
    await staff(
      {
        kind: 'clarification-request',
        input: { items: ['请说明所需信息的时间范围'], periodWorkingDays: 10 },
      },
      '2026-09-29',
    );
    const page = await applicantSees();
    expect(page.html).toContain('需要您办理的事项');
    expect(page.html).toContain('<li>请说明所需信息的时间范围</li>');
    expect(page.html).toContain(`action="/applications/${tn}/supplement"`);
    expect(page.html).toContain('2026年9月29日起，因等待您补正申请内容，答复期限暂停计算，尚余');
    const empty = await applicantPosts('supplement', { text: '   ' });
    expect(empty.status).toBe(422);
    expect(fieldMessages(empty.html)).toEqual(['请填写补正内容']);
    const sent = await applicantPosts('supplement', { text: '2025年全年' }, { today: '2026-10-09' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/applications/${tn}?sent=supplement`);
    const after = await applicantSees({ query: { sent: 'supplement' }, today: '2026-10-09' });
    expect(after.html).toContain('已收到您的补正');
    expect(after.html).not.toContain(`action="/applications/${tn}/supplement"`);
    // A second click (JavaScript off) finds it made: the status page says it was received, no error page.
    const again = await applicantPosts('supplement', { text: '2025年全年' }, { today: '2026-10-09' });
    expect(again).toMatchObject({
      status: 303,
      headers: { location: `/applications/${tn}?sent=supplement` },
    });
    // Another supplement is refused by the domain: the status page, as it stands, and no confirmation.
    const other = await applicantPosts('supplement', { text: '另一份补正' }, { today: '2026-10-09' });
    expect(other).toMatchObject({ status: 303, headers: { location: `/applications/${tn}` } });
  });

  describe('the supplement with files', () => {
    async function aClarificationAsked() {
      const letter = await aWorldWithALetter();
      await letter.staff(
        { kind: 'clarification-request', input: { items: ['请提供身份证明'], periodWorkingDays: 10 } },
        '2026-09-29',
      );
      const page = await letter.applicantSees();
      const formKey = /name="formKey" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
      /** The supplement form posted as the browser posts it (multipart), from the applicant's browser. */
      const supplements = (fields: Record<string, string>, files: File[] = [], headers = {}) =>
        visit(
          letter.world,
          'POST /applications/{trackingNumber}/supplement',
          { trackingNumber: letter.tn },
          { cookies: [letter.cookie], multipart: { fields, files }, headers, today: '2026-10-09' },
        );
      return { ...letter, page, formKey, supplements };
    }
    const aPdf = (bytes = 64) =>
      new File([new Uint8Array(bytes).fill(37)], '身份证明.pdf', { type: 'application/pdf' });

    it('is a multipart form with its own key and a plain file field, the limits said', async () => {
      const { page, formKey } = await aClarificationAsked();
      expect(page.html).toContain('enctype="multipart/form-data"');
      expect(formKey).toMatch(/^[0-9a-f-]{36}$/);
      expect(page.html).toMatch(
        /<input type="file" id="f-attachments" name="attachments" accept="\.pdf,[^"]*" multiple/,
      );
      expect(page.html).toContain('最多10个，全部附件合计不超过4 MB');
      expect(page.html).not.toContain('本页面只接受文字');
    });

    it('takes a PDF with the text; the same form posted again says it was received and changes nothing', async () => {
      const { world, tn, formKey, supplements } = await aClarificationAsked();
      const sent = await supplements({ text: '身份证明见附件', formKey }, [aPdf()]);
      expect(sent).toMatchObject({
        status: 303,
        headers: { location: `/applications/${tn}?sent=supplement` },
      });
      const made = await world.applications.get(tn);
      const attachments = made?.application.clarification?.supplementAttachments ?? [];
      expect(made?.application.clarification?.supplement).toBe('身份证明见附件');
      expect(attachments).toHaveLength(1);
      expect(world.uploads.posted.get(attachments[0] ?? '')?.contentType).toBe('application/pdf');
      expect(world.uploads.referenced.has(attachments[0] ?? '')).toBe(true);

      const replay = await supplements({ text: '身份证明见附件', formKey }, [aPdf()]);
      expect(replay).toMatchObject({
        status: 303,
        headers: { location: `/applications/${tn}?sent=supplement` },
      });
      const after = await world.applications.get(tn);
      expect(after?.application.version).toBe(made?.application.version);
      // The same words with other files (another form): not this supplement, so no confirmation.
      const other = await supplements({ text: '身份证明见附件', formKey }, [aPdf(65)]);
      expect(other).toMatchObject({ status: 303, headers: { location: `/applications/${tn}` } });
    });

    it('two posts of one form side by side make one supplement, and both are answered as received', async () => {
      const { world, tn, formKey, supplements } = await aClarificationAsked();
      const answers = await Promise.all([
        supplements({ text: '身份证明见附件', formKey }, [aPdf()]),
        supplements({ text: '身份证明见附件', formKey }, [aPdf()]),
      ]);
      expect(answers.map((answer) => answer.headers.location)).toEqual([
        `/applications/${tn}?sent=supplement`,
        `/applications/${tn}?sent=supplement`,
      ]);
      const events = await world.applications.events(tn);
      expect(events.filter((event) => event.type === 'clarification_supplemented')).toHaveLength(1);
    });

    it('refuses files too large, too many or of a wrong type next to the file field in Chinese, the text kept', async () => {
      const { world, tn, formKey, supplements } = await aClarificationAsked();
      const large = await supplements({ text: '见附件', formKey }, [aPdf(FORM_FILES.maxTotalBytes + 1)]);
      expect(large.status).toBe(422);
      expect(fieldMessages(large.html)).toEqual(['所选附件合计4 MB，超过了4 MB。请减少或压缩附件后重新选择']);
      expect(large.html).toContain('<a href="#f-attachments">所选附件合计4 MB');
      expect(large.html).toContain('>见附件</textarea>');
      expect(large.html).toContain(`name="formKey" value="${formKey}"`);
      expect(large.html).toContain('您之前选择的附件还没有保存');
      const exe = new File([new Uint8Array(8)], '程序.exe', { type: 'application/x-msdownload' });
      const wrong = await supplements({ text: '见附件', formKey }, [exe]);
      expect(fieldMessages(wrong.html)).toEqual([
        '“程序.exe”的文件类型不能上传，请上传 PDF、JPG、PNG、Word、Excel、OFD、ODT 或 TXT 文件',
      ]);
      const many = await supplements(
        { text: '见附件', formKey },
        Array.from({ length: 11 }, () => aPdf()),
      );
      expect(fieldMessages(many.html)).toEqual(['最多只能上传10个附件']);
      const body = await supplements({ text: '见附件', formKey }, [aPdf()], {
        'content-length': String(MAX_FORM_BODY_BYTES + 1),
      });
      expect(body.status).toBe(422);
      expect(fieldMessages(body.html)[0]).toMatch(/^所选附件合计4\.\d MB，超过了4 MB/);
      const empty = await supplements({ text: ' ', formKey }, [aPdf()]);
      expect(fieldMessages(empty.html)).toEqual(['请填写补正内容']);
      expect(world.uploads.posted.size).toBe(0);
      expect((await world.applications.get(tn))?.application.status).toBe('awaiting_clarification');
    });
  });

  it('asks for reasons (Reg. 35) with the agency’s question, and takes them', async () => {
    const { tn, staff, applicantSees, applicantPosts } = await aWorldWithALetter();
    await staff(
      { kind: 'reasons-request', input: { question: '请说明一个月内提出30件申请的理由' } },
      '2026-09-29',
    );
    const page = await applicantSees();
    expect(page.html).toContain('请说明一个月内提出30件申请的理由');
    expect(page.html).toContain(`action="/applications/${tn}/reasons"`);
    const sent = await applicantPosts('reasons', { reasons: '为撰写研究报告' });
    expect(sent.headers.location).toBe(`/applications/${tn}?sent=reasons`);
    const after = await applicantSees();
    expect(after.html).not.toContain(`action="/applications/${tn}/reasons"`);
    expect(after.html).toContain('受理机关收到了您说明的理由。');
  });

  it('shows the fee notice: the amount, how it was charged, by when and how to pay', async () => {
    const { staff, applicantSees } = await aWorldWithALetter();
    await staff(
      {
        kind: 'fee-notice',
        input: { basis: { method: 'by_volume', pages: 120 }, explanation: '申请公开的页数明显超过合理范围' },
      },
      '2026-09-30',
    );
    const page = await applicantSees();
    expect(page.html).toContain('信息处理费缴费通知');
    expect(page.html).toContain('按量计收（共120页）');
    expect(page.html).toContain('申请公开的页数明显超过合理范围');
    expect(page.html).toContain('请按受理机关缴费通知所列的方式和账户缴纳');
    expect(page.html).toMatch(/缴费期限<\/dt><dd><time datetime="\d{4}-\d{2}-\d{2}">/);
  });

  it('shows the decision with its letter and released files, and no withdrawal once answered', async () => {
    const { tn, staff, applicantSees } = await aWorldWithALetter();
    await staff(
      {
        kind: 'decision',
        input: {
          outcome: 'not_disclosed',
          reason: 'state_secret',
          legalBasis: '《中华人民共和国政府信息公开条例》第十四条',
          reasons: '经审查属于国家秘密。',
        },
      },
      '2026-10-09',
    );
    const page = await applicantSees();
    expect(page.html).toContain('<strong>不予公开</strong>');
    expect(page.html).toContain('不予公开（属于国家秘密）');
    expect(page.html).toContain('经审查属于国家秘密。');
    // Nothing was said to be published already: no empty row for it.
    expect(page.html).not.toContain('已主动公开的位置');
    // The page with its stylesheet and script, gzipped, within the 60 KB every page keeps to.
    const bytes = [page.html, assets.stylesheet.body, assets.script.body].map(
      (text) => gzipSync(text).length,
    );
    expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(60 * 1024);
    expect(page.html).toMatch(/href="https:\/\/archive\.test\/[^"]+"[^>]*>阅读答复告知书/);
    expect(page.html).not.toContain(`/applications/${tn}/withdrawal`);
    const withdrawal = await applicantSees({}, '/withdrawal');
    expect(withdrawal.html).toContain('该申请不能撤回');
    expect(withdrawal.html).not.toContain('确认撤回');
  });

  it('withdraws only after its own confirmation step; signing out forgets the cookie', async () => {
    const { tn, applicantSees, applicantPosts } = await aWorldWithALetter();
    const confirm = await applicantSees({}, '/withdrawal');
    expect(confirm.html).toContain('撤回后，受理机关将不再办理该申请');
    expect(confirm.html).toContain(`action="/applications/${tn}/withdrawal"`);
    const withdrawn = await applicantPosts('withdrawal', { reason: '' });
    expect(withdrawn.headers.location).toBe(`/applications/${tn}?sent=withdrawal`);
    const page = await applicantSees();
    expect(page.html).toContain('<strong>已撤回</strong>');
    expect(page.html).not.toContain('<dt>答复期限</dt>');
    const out = await applicantPosts('sign-out', {});
    expect(out.headers.location).toBe(`/applications/${tn}?sent=sign-out`);
    expect(out.cookies).toEqual([
      `${ACCESS_COOKIE}=; Path=/applications/${tn}; Max-Age=0; Secure; HttpOnly; SameSite=Strict`,
    ]);
  });

  it('a step posted without access goes back to the status page (the follow form), changing nothing', async () => {
    const { world, tn } = await aWorldWithALetter();
    const answer = await visit(
      world,
      'POST /applications/{trackingNumber}/withdrawal',
      { trackingNumber: tn },
      { cookies: [`${ACCESS_COOKIE}=guess`], form: {} },
    );
    expect(answer).toMatchObject({ status: 303, headers: { location: `/applications/${tn}` } });
    const stillOpen = await world.applications.get(tn);
    expect(stillOpen?.application.status).toBe('in_progress');
  });
});

describe('the complaint pages', () => {
  async function aWorld() {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    return world;
  }

  it('refuses a wrong form in Chinese next to each field, keeping what was typed', async () => {
    const world = await aWorld();
    const answer = await visit(
      world,
      'POST /agencies/{agencyId}/complaints',
      { agencyId: AGENCY },
      {
        form: {
          name: '',
          contact: '13900000000',
          email: 'not-mail',
          trackingNumber: '2026-1',
          subject: '逾期',
          details: '',
        },
      },
    );
    expect(answer.status).toBe(422);
    expect(fieldMessages(answer.html)).toEqual([
      '请填写姓名或名称',
      '请填写正确的电子邮箱地址，例如 name@example.cn',
      expect.stringContaining('申请编号的格式应为'),
      '请填写事实和理由',
    ]);
    expect(answer.html).toContain('value="13900000000"');
    expect(answer.html).toContain('value="not-mail"');
  });

  it('files it, shows the access code once on the receipt, and opens the receipt only with the code', async () => {
    const world = await aWorld();
    const filed = await visit(
      world,
      'POST /agencies/{agencyId}/complaints',
      { agencyId: AGENCY },
      {
        form: {
          name: '赵六',
          contact: '13900000000',
          email: '',
          trackingNumber: '',
          subject: '逾期未答复',
          details: '九月申请至今未答复',
        },
        today: '2026-09-04',
      },
    );
    expect(filed.status).toBe(303);
    const location = String(filed.headers.location);
    const complaintId = location.split('/').at(-1) ?? '';
    expect(location).toBe(`/agencies/${AGENCY}/complaints/${complaintId}`);
    const code = /__Secure-gk-complaint=([^;]+)/.exec(filed.cookies.join('\n'))?.[1] ?? '';
    expect(filed.cookies).toEqual([
      `${COMPLAINT_COOKIE}=${code}; Path=${location}; Secure; HttpOnly; SameSite=Strict`,
      `${COMPLAINT_CODE_ONCE_COOKIE}=1; Path=${location}; Max-Age=600; Secure; HttpOnly; SameSite=Strict`,
    ]);
    const params = { agencyId: AGENCY, complaintId };
    const receipt = await visit(world, 'GET /agencies/{agencyId}/complaints/{complaintId}', params, {
      cookies: [`${COMPLAINT_COOKIE}=${code}`, `${COMPLAINT_CODE_ONCE_COOKIE}=1`],
    });
    expect(receipt.html).toContain(code);
    expect(receipt.html).toContain('答复期限');
    expect(receipt.html).toContain('<time datetime="2026-10-08">2026年10月8日</time>');
    expect(receipt.html).toContain('九月申请至今未答复');
    expect(receipt.headers['referrer-policy']).toBe('no-referrer');
    expect(receipt.cookies).toEqual([
      `${COMPLAINT_CODE_ONCE_COOKIE}=; Path=${location}; Max-Age=0; Secure; HttpOnly; SameSite=Strict`,
    ]);
    const later = await visit(world, 'GET /agencies/{agencyId}/complaints/{complaintId}', params, {
      cookies: [`${COMPLAINT_COOKIE}=${code}`],
    });
    expect(later.html).toContain('九月申请至今未答复');
    expect(later.html).not.toContain(code);

    const stranger = await visit(world, 'GET /agencies/{agencyId}/complaints/{complaintId}', params);
    expect(stranger.html).not.toContain('九月申请至今未答复');
    expect(stranger.html).not.toContain('赵六');
    expect(stranger.html).toContain(`action="${location}"`);
    const wrong = await visit(world, 'POST /agencies/{agencyId}/complaints/{complaintId}', params, {
      form: { accessCode: 'guess' },
    });
    expect(wrong.status).toBe(422);
    expect(fieldMessages(wrong.html)).toEqual(['访问码不正确。请核对回执后重新输入。']);
    const opened = await visit(world, 'POST /agencies/{agencyId}/complaints/{complaintId}', params, {
      form: { accessCode: code },
    });
    expect(opened.status).toBe(303);
    expect(opened.cookies).toEqual([
      `${COMPLAINT_COOKIE}=${code}; Path=${location}; Secure; HttpOnly; SameSite=Strict`,
    ]);
  });

  it('the same form posted twice files one complaint; a replay after the receipt showed the code grants nothing', async () => {
    const world = await aWorld();
    const blank = await visit(world, 'GET /agencies/{agencyId}/complaints/new', { agencyId: AGENCY });
    const formKey = /name="formKey" value="([^"]+)"/.exec(blank.html)?.[1] ?? '';
    expect(formKey).toMatch(/^[0-9a-f-]{36}$/);
    const fields = {
      name: '赵六',
      contact: '13900000000',
      subject: '逾期未答复',
      details: '九月申请至今未答复',
    };
    const send = (form: Record<string, string>) =>
      visit(
        world,
        'POST /agencies/{agencyId}/complaints',
        { agencyId: AGENCY },
        { form, today: '2026-09-04' },
      );
    // An error first: the page answered again keeps the form's key.
    const wrong = await send({ ...fields, details: '', formKey });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain(`name="formKey" value="${formKey}"`);
    const first = await send({ ...fields, formKey });
    const second = await send({ ...fields, formKey });
    expect(second.headers.location).toBe(first.headers.location);
    // The first answer may have been lost: until the receipt shows the code, the replay carries it.
    expect(second.cookies).toEqual(first.cookies);
    const location = String(first.headers.location);
    const complaintId = location.split('/').at(-1) ?? '';
    const code = /__Secure-gk-complaint=([^;]+)/.exec(first.cookies.join('\n'))?.[1] ?? '';
    const params = { agencyId: AGENCY, complaintId };
    const fromTheForm = [`${COMPLAINT_COOKIE}=${code}`, `${COMPLAINT_CODE_ONCE_COOKIE}=1`];
    const receipt = await visit(world, 'GET /agencies/{agencyId}/complaints/{complaintId}', params, {
      cookies: fromTheForm,
    });
    expect(receipt.html).toContain(code);
    const third = await send({ ...fields, formKey });
    expect(third.status).toBe(303);
    expect(third.headers.location).toBe(location);
    expect(third.cookies).toEqual([]);
    // Not even a one-time cookie kept from before shows the code again.
    const again = await visit(world, 'GET /agencies/{agencyId}/complaints/{complaintId}', params, {
      cookies: fromTheForm,
    });
    expect(again.html).toContain('九月申请至今未答复');
    expect(again.html).not.toContain(code);
    const open = await world.complaintDeps.store.list(AGENCY, 'open', { limit: 50 });
    expect(open.items.map((complaint) => complaint.id)).toEqual([complaintId]);

    // The same form sent with another complaint: refused at the form's key, with a new key to send it.
    const other = await send({ ...fields, subject: '另一件事', formKey });
    expect(other.status).toBe(422);
    expect(other.html).toContain('<a href="#f-formKey">这张表单已经提交过一份内容不同的投诉');
    expect(other.html).toContain('id="f-formKey"');
    const newKey = /name="formKey" value="([^"]+)"/.exec(other.html)?.[1] ?? '';
    expect(newKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(newKey).not.toBe(formKey);
    expect((await send({ ...fields, subject: '另一件事', formKey: newKey })).status).toBe(303);
    expect((await world.complaintDeps.store.list(AGENCY, 'open', { limit: 50 })).items).toHaveLength(2);
  });

  it('another agency’s path does not open a complaint, even with its code', async () => {
    const world = await aWorld();
    await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
    const { complaintId, accessCode } = await fileComplaint(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      undefined,
      cst('2026-09-04'),
    );
    const answer = await visit(
      world,
      'GET /agencies/{agencyId}/complaints/{complaintId}',
      { agencyId: 'ag-other', complaintId },
      { cookies: [`${COMPLAINT_COOKIE}=${accessCode}`] },
    );
    expect(answer.html).not.toContain('申请逾期未答复');
    expect(answer.html).toContain('查看投诉');
  });

  it('the form for an agency that does not exist is the "not found" page', async () => {
    const world = await aWorld();
    const answer = await visit(world, 'GET /agencies/{agencyId}/complaints/new', { agencyId: 'ag-none' });
    expect(answer.status).toBe(404);
  });
});
