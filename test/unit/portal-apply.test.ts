import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { portalRoutes } from '#lib/api/page-routes';
import { matchRoute } from '#lib/api/route-match';
import { keptKeyOf } from '#lib/domain/upload-key';
import type { HttpEvent } from '#lib/http/request';
import { assets } from '#lib/web/assets/index';
import { translator } from '#lib/web/messages/catalogue';
import { CSRF_COOKIE, CSRF_FIELD, pageFunction } from '#lib/web/page-function.tsx';
import { applyPages, messageOf } from '#lib/web/pages/apply.tsx';
import {
  candidateOf,
  contentTypeOf,
  fieldOfPath,
  FORM_FILES,
  MAX_FORM_BODY_BYTES,
  problemsOfRefusal,
  readFields,
  readFiles,
  type ApplyProblem,
} from '#lib/web/pages/apply/read-form';
import { complaintPages } from '#lib/web/pages/complaints.tsx';
import { followPages } from '#lib/web/pages/follow.tsx';
import { homePages } from '#lib/web/pages/home.tsx';
import { readingPages } from '#lib/web/pages/reading-room.tsx';
import type { PortalDeps } from '#lib/web/portal-deps';
import { anAgency, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * The apply form (在线申请) and its receipt (回执) on the HTML string: the form read into the domain's
 * input and its problems into the form's fields, each worded in Chinese; and the pages through the very
 * `pageFunction` the portal runs, over the in-memory ports (double submission, the code shown once).
 */
const fields = (entries: Record<string, string>) => ({
  get: (name: string) => entries[name],
});

const aPersonsForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  applicantType: 'natural_person',
  name: ' 张三 ',
  idType: 'resident_id_card',
  idNumber: '110101199001011234',
  organisationType: 'research_institution',
  legalRepresentative: '不应带上',
  address: '北京市东城区东华门街道1号',
  postcode: '',
  phone: '',
  email: ' zhangsan@example.cn ',
  description: '2025年本市道路维修专项资金的预算和使用情况',
  documentNumber: '',
  form: 'electronic',
  delivery: 'email',
  declaration: 'yes',
  ...overrides,
});

const reasons = (problems: readonly ApplyProblem[]) =>
  problems.map((problem) => `${problem.field}:${problem.reason}`);

describe('reading the apply form into the domain’s input', () => {
  it('a person’s form is the domain’s input: trimmed, blanks left out, the organisation’s fields ignored', () => {
    const read = readFields(fields(aPersonsForm()));
    expect(read.problems).toEqual([]);
    expect(read.input).toEqual({
      applicant: {
        type: 'natural_person',
        name: '张三',
        idDocument: { type: 'resident_id_card', number: '110101199001011234' },
        address: '北京市东城区东华门街道1号',
        email: 'zhangsan@example.cn',
      },
      request: {
        description: '2025年本市道路维修专项资金的预算和使用情况',
        form: 'electronic',
        delivery: 'email',
      },
    });
  });

  it('an organisation’s form carries its kind, legal representative and contact person', () => {
    const read = readFields(
      fields(
        aPersonsForm({
          applicantType: 'organisation',
          name: '某研究院',
          idType: 'unified_social_credit_code',
          idNumber: '91110000MA00000000',
          legalRepresentative: '王五',
          contactPerson: '赵六',
        }),
      ),
    );
    expect(read.input?.applicant).toMatchObject({
      type: 'organisation',
      organisationType: 'research_institution',
      legalRepresentative: '王五',
      contactPerson: '赵六',
    });
  });

  it('an empty form names every missing field at once, in the form’s order (contact included)', () => {
    const read = readFields(fields({}));
    expect(read.input).toBeUndefined();
    expect(reasons(read.problems)).toEqual([
      'applicantType:missing',
      'name:missing',
      'idType:missing',
      'idNumber:missing',
      'contact:missing',
      'description:missing',
      'form:missing',
      'delivery:missing',
      'declaration:missing',
    ]);
  });

  it('each wrong value is named by its field and reason', () => {
    const read = readFields(
      fields(
        aPersonsForm({
          name: `张\u202e三`,
          idNumber: 'ab',
          postcode: '1234',
          phone: '电话',
          email: 'zhangsan@',
          description: '一'.repeat(4001),
        }),
      ),
    );
    expect(reasons(read.problems)).toEqual([
      'name:characters',
      'idNumber:tooShort',
      'postcode:format',
      'phone:format',
      'email:format',
      'description:tooLong',
    ]);
    expect(reasons(readFields(fields(aPersonsForm({ idNumber: '1101 0119' }))).problems)).toEqual([
      'idNumber:format',
    ]);
  });

  it('an organisation must say its kind; a person need not', () => {
    const organisation = aPersonsForm({ applicantType: 'organisation', organisationType: '' });
    expect(reasons(readFields(fields(organisation)).problems)).toEqual(['organisationType:missing']);
    expect(readFields(fields(aPersonsForm({ organisationType: '' }))).problems).toEqual([]);
  });

  it('a means of contact is enough: any one of address, phone or e-mail (Reg. 29)', () => {
    const phoneOnly = aPersonsForm({ address: '', email: '', phone: '13912345678' });
    expect(readFields(fields(phoneOnly)).problems).toEqual([]);
    const none = aPersonsForm({ address: ' ', email: '', phone: '' });
    expect(reasons(readFields(fields(none)).problems)).toEqual(['contact:missing']);
  });

  it('an unknown applicant type or delivery is a choice to make, not a crash', () => {
    const read = readFields(fields(aPersonsForm({ applicantType: 'robot', delivery: 'pigeon' })));
    expect(reasons(read.problems)).toEqual(['applicantType:missing', 'delivery:missing']);
    expect(candidateOf(fields({ applicantType: 'robot' }))).toMatchObject({ applicant: { type: 'robot' } });
  });

  it('the domain’s field paths map to the form’s fields', () => {
    expect(fieldOfPath('body.applicant.idDocument.number')).toBe('idNumber');
    expect(fieldOfPath('applicant.idDocument.type')).toBe('idType');
    expect(fieldOfPath('body.request.delivery')).toBe('delivery');
    expect(fieldOfPath('body.attachments.3')).toBe('attachments');
    expect(fieldOfPath('body.applicant')).toBe('contact');
    expect(fieldOfPath('header.idempotency-key')).toBe('formKey');
    expect(fieldOfPath('body.somethingElse')).toBeUndefined();
  });

  it('the domain’s refusals land on the attachments or on the form as a whole', () => {
    const files = [{ path: 'body.attachments.0', message: 'was never uploaded (or has expired)' }];
    expect(reasons(problemsOfRefusal('unknown-upload', files))).toEqual(['attachments:notStored']);
    expect(reasons(problemsOfRefusal('upload-already-used', files))).toEqual(['attachments:notStored']);
    expect(reasons(problemsOfRefusal('idempotency-key-reused', []))).toEqual(['formKey:reused']);
    expect(problemsOfRefusal('received-in-future', [])).toEqual([]);
  });
});

describe('the files of the form', () => {
  const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

  it('takes the uploads’ types, by the type the browser sent or else by the extension', async () => {
    expect(contentTypeOf(file('a.pdf', 'application/pdf'))).toBe('application/pdf');
    expect(contentTypeOf(file('a.ofd', ''))).toBe('application/ofd');
    expect(contentTypeOf(file('a.TXT', 'text/plain;charset=utf-8'))).toBe('text/plain');
    expect(contentTypeOf(file('a.exe', 'application/x-msdownload'))).toBeUndefined();
    const read = await readFiles([file('证明.pdf', 'application/pdf', 3), file('b.ofd', '')]);
    expect(read.files?.map((posted) => [posted.contentType, posted.bytes.byteLength])).toEqual([
      ['application/pdf', 3],
      ['application/ofd', 10],
    ]);
  });

  it('refuses another type naming the file, more than 4 MB together, more than 10 files', async () => {
    expect((await readFiles([file('病毒.exe', 'application/x-msdownload')])).problems).toEqual([
      { field: 'attachments', reason: 'type', values: { name: '病毒.exe' } },
    ]);
    const half = FORM_FILES.maxTotalBytes / 2;
    expect(
      (await readFiles([file('a.pdf', 'application/pdf', half), file('b.pdf', 'application/pdf', half + 1)]))
        .problems,
    ).toEqual([{ field: 'attachments', reason: 'tooLarge', values: { total: '4 MB', size: '4 MB' } }]);
    const many = Array.from({ length: 11 }, (_, n) => file(`${n}.pdf`, 'application/pdf'));
    expect(reasons((await readFiles(many)).problems)).toEqual(['attachments:tooMany']);
  });

  it('a body a Lambda could not be given (6 MB once base64-encoded) is above the form’s limit', () => {
    expect(Math.ceil(MAX_FORM_BODY_BYTES / 3) * 4).toBeLessThan(6 * 1024 * 1024);
    expect(MAX_FORM_BODY_BYTES).toBeGreaterThan(FORM_FILES.maxTotalBytes + 64 * 1024);
  });
});

describe('the problems in the reader’s language', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const everyProblem: ApplyProblem[] = [
    ...readFields(fields({})).problems,
    { field: 'name', reason: 'characters' },
    { field: 'idNumber', reason: 'tooShort' },
    { field: 'idNumber', reason: 'format' },
    { field: 'postcode', reason: 'format' },
    { field: 'phone', reason: 'format' },
    { field: 'email', reason: 'format' },
    { field: 'description', reason: 'tooLong' },
    { field: 'organisationType', reason: 'missing' },
    { field: 'attachments', reason: 'type', values: { name: 'a.exe' } },
    { field: 'attachments', reason: 'tooLarge', values: { total: '5 MB', size: '4 MB' } },
    { field: 'attachments', reason: 'notStored' },
    { field: 'formKey', reason: 'reused' },
  ];

  it('each has words of its own, in Chinese and in English, with its placeholders filled', () => {
    for (const problem of everyProblem) {
      const chinese = messageOf(zh, problem);
      expect(chinese, `${problem.field}:${problem.reason}`).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese).not.toMatch(/\{|must /);
      expect(chinese).not.toBe(messageOf(zh, { field: problem.field, reason: 'invalid' }));
      expect(messageOf(en, problem)).not.toMatch(/[\u4e00-\u9fff]|\{/u);
    }
  });

  it('a reason a field has no words for is said with the field’s label', () => {
    expect(messageOf(zh, { field: 'postcode', reason: 'tooLong' })).toBe(
      '“邮政编码”填写有误，请检查后重新填写',
    );
  });
});

/* ------------------------------------------------------------------------------------------------ */

const HOST = 'portal.test';
const AGENCY = 'ag-city';

type Cookie = { name: string; value: string; path: string };

/** A browser, enough of one: it keeps cookies by path (deleting on Max-Age=0) and sends them back. */
class Browser {
  readonly jar: Cookie[] = [];

  constructor(readonly handler: ReturnType<typeof pageFunction>) {}

  cookiesFor(path: string): string[] {
    return this.jar
      .filter((cookie) => path === cookie.path || path.startsWith(`${cookie.path}/`) || cookie.path === '/')
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`);
  }

  has(name: string): boolean {
    return this.jar.some((cookie) => cookie.name === name);
  }

  async send(
    method: 'GET' | 'POST',
    path: string,
    options: { form?: FormData; headers?: Record<string, string>; now?: Date } = {},
  ) {
    const match = matchRoute(method, path);
    if (match.kind !== 'matched') throw new Error(`no route for ${method} ${path}`);
    let body: string | undefined;
    const headers: Record<string, string> = { host: HOST };
    if (options.form !== undefined) {
      const encoded = new Response(options.form);
      const bytes = Buffer.from(await encoded.arrayBuffer());
      body = bytes.toString('base64');
      headers['content-type'] = encoded.headers.get('content-type') ?? '';
      headers['content-length'] = String(bytes.length);
      headers.origin = `https://${HOST}`;
    }
    Object.assign(headers, options.headers);
    const event: HttpEvent = {
      version: '2.0',
      routeKey: match.routeKey,
      rawPath: path,
      rawQueryString: '',
      headers,
      cookies: this.cookiesFor(path),
      ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
      ...(body === undefined ? {} : { body }),
      isBase64Encoded: body !== undefined,
      requestContext: {
        accountId: '0',
        apiId: 'x',
        domainName: HOST,
        domainPrefix: 'portal',
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' },
        requestId: 'req-1',
        routeKey: match.routeKey,
        stage: '$default',
        time: '',
        timeEpoch: (options.now ?? cst('2026-09-28')).getTime(),
      },
    };
    const result: APIGatewayProxyStructuredResultV2 = await this.handler(event);
    for (const header of result.cookies ?? []) {
      const [pair = '', ...attributes] = header.split('; ');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const cookiePath = attributes.find((a) => a.startsWith('Path='))?.slice(5) ?? '/';
      const at = this.jar.findIndex((cookie) => cookie.name === name && cookie.path === cookiePath);
      if (at >= 0) this.jar.splice(at, 1);
      if (!attributes.includes('Max-Age=0')) this.jar.push({ name, value, path: cookiePath });
    }
    return {
      status: result.statusCode,
      headers: result.headers ?? {},
      cookies: result.cookies ?? [],
      html: typeof result.body === 'string' ? result.body : '',
    };
  }

  /** The form as the page rendered it (its hidden fields), with the person's entries and files. */
  async formFrom(html: string, entries: Record<string, string>, files: File[] = []): Promise<FormData> {
    const form = new FormData();
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
      form.append(name ?? '', value ?? '');
    for (const [name, value] of Object.entries(entries)) form.append(name, value);
    for (const file of files) form.append('attachments', file);
    return form;
  }
}

const aPdf = () =>
  new File([new TextEncoder().encode('%PDF-1.4 身份证明')], '身份证明.pdf', { type: 'application/pdf' });
const receiptOf = (location: string | number | boolean | undefined) => String(location);
const accessCodeIn = (html: string) => /id="access-code">([^<]+)</.exec(html)?.[1];

describe('the apply pages', () => {
  let world: InMemoryWorld;
  let browser: Browser;

  beforeEach(async () => {
    world = inMemoryWorld();
    await givenAgency(world, anAgency({ agencyId: AGENCY }));
    const deps: PortalDeps = {
      agencies: world.agencies,
      readingRoom: world.proactiveDeps,
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
    browser = new Browser(
      pageFunction(portalRoutes, {
        ...homePages(deps.agencies),
        ...readingPages(deps),
        ...applyPages(deps),
        ...followPages(deps),
        ...complaintPages(deps),
      }),
    );
  });

  const openForm = async () => {
    const page = await browser.send('GET', `/agencies/${AGENCY}/apply`);
    expect(page.status).toBe(200);
    return page;
  };

  it('the form: multipart, its own key and form token, the agency’s reply period, the file limits said', async () => {
    const page = await openForm();
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.html).toContain('enctype="multipart/form-data"');
    expect(page.html).toMatch(/<input type="hidden" name="formKey" value="[0-9a-f-]{36}"/);
    expect(page.html).toContain(`name="${CSRF_FIELD}"`);
    expect(page.cookies.some((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`))).toBe(true);
    expect(page.html).toContain('某市生态环境局');
    expect(page.html).toContain('自收到申请之日起20个工作日内答复您');
    expect(page.html).toContain('最多10个，全部附件合计不超过4 MB');
    expect(page.html).toContain('accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.odt,.ofd,.txt"');
    for (const label of [
      '自然人（个人）',
      '居民身份证',
      '统一社会信用代码',
      '商业企业',
      '电子文件',
      '当面领取',
    ])
      expect(page.html).toContain(label);
  });

  it('the form with every error, and the receipt, weigh less than 60 KB gzipped with the stylesheet and script', async () => {
    const weight = (html: string) =>
      [html, assets.stylesheet.body, assets.script.body].reduce(
        (sum, text) => sum + gzipSync(text).length,
        0,
      );
    const errors = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom((await openForm()).html, {}),
    });
    expect(weight(errors.html)).toBeLessThan(60 * 1024);
    const sent = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom((await openForm()).html, aPersonsForm()),
    });
    expect(weight((await browser.send('GET', receiptOf(sent.headers.location))).html)).toBeLessThan(
      60 * 1024,
    );
  });

  it('an unknown agency is the “not found” page', async () => {
    const page = await browser.send('GET', '/agencies/ag-none/apply');
    expect(page.status).toBe(404);
    expect(page.html).toContain('未找到该页面');
  });

  it('an empty form is answered again (422): every error in Chinese by its field and in the summary, linked to the controls', async () => {
    const form = await openForm();
    const formKey = /name="formKey" value="([^"]+)"/.exec(form.html)?.[1];
    const answer = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(form.html, { name: '张三', description: '想要的信息' }, [aPdf()]),
    });
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('<title>错误： 在线申请政府信息公开');
    for (const [anchor, message] of [
      ['f-applicantType-first', '请选择您以自然人还是法人或其他组织的身份申请'],
      ['f-idType', '请选择证件类型'],
      ['f-idNumber', '请填写证件号码'],
      ['f-address', '请至少填写一种联系方式'],
      ['f-form-first', '请选择信息的载体形式'],
      ['f-delivery-first', '请选择获取信息的方式'],
      ['f-declaration', '请阅读并勾选声明'],
    ])
      expect(answer.html).toMatch(new RegExp(`<a href="#${anchor}">${message}`));
    // Next to each field too, and the input kept; the files must be chosen again, and it says so.
    expect(answer.html.match(/class="error-message"/g)).toHaveLength(7);
    expect(answer.html).toContain('value="张三"');
    expect(answer.html).toContain('>想要的信息</textarea>');
    expect(answer.html).toContain(`name="formKey" value="${formKey ?? ''}"`);
    expect(answer.html).toContain('您之前选择的附件还没有保存，请重新选择后再提交');
    expect(answer.html).not.toMatch(/must |Invalid/);
    expect(world.uploads.posted.size).toBe(0);
  });

  it('a right form applies with its file, as an upload, and goes to the receipt with the access cookies', async () => {
    const form = await openForm();
    const answer = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(form.html, aPersonsForm(), [aPdf()]),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/applications/2026-TEST-0001/receipt');
    expect(answer.cookies.map((cookie) => cookie.split(';')[0]?.split('=')[0])).toEqual([
      '__Secure-gk-access',
      '__Secure-gk-receipt',
    ]);
    const [uploadKey, posted] = [...world.uploads.posted][0] ?? [];
    expect(posted?.contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(posted?.bytes)).toBe('%PDF-1.4 身份证明');
    const application = (await world.applications.get('2026-TEST-0001'))?.application;
    expect(application?.attachments).toEqual([uploadKey]);
    expect(world.uploads.referenced.has(uploadKey ?? '')).toBe(true);
    expect(keptKeyOf(uploadKey ?? '')).toMatch(/^kept\/[0-9a-f-]{36}$/);
  });

  it('the receipt shows the access code once; a reload, or the one-time cookie again, does not', async () => {
    const form = await openForm();
    const sent = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(form.html, aPersonsForm()),
    });
    const receiptCookie = browser.jar.find((cookie) => cookie.name === '__Secure-gk-receipt');
    const first = await browser.send('GET', receiptOf(sent.headers.location));
    expect(first.status).toBe(200);
    expect(accessCodeIn(first.html)).toBe('token-1');
    expect(first.html).toContain('2026-TEST-0001');
    expect(first.html).toContain('访问码只在这里显示这一次');
    expect(first.html).toContain('任何工作人员都查不到，也无法再告诉您访问码');
    expect(first.html).toMatch(/<button type="button" class="secondary js-only" data-print>/);
    expect(first.html).toContain('最迟于<time datetime="2026-10-08">2026年10月8日</time>确认');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(browser.has('__Secure-gk-receipt')).toBe(false);

    const reload = await browser.send('GET', receiptOf(sent.headers.location));
    expect(accessCodeIn(reload.html)).toBeUndefined();
    expect(reload.html).not.toContain('token-1');
    expect(reload.html).toContain('访问码不再显示');
    // The one-time cookie, kept and sent again, shows nothing more: the receipt marked the code shown.
    if (receiptCookie !== undefined) browser.jar.push(receiptCookie);
    const again = await browser.send('GET', receiptOf(sent.headers.location));
    expect(again.html).not.toContain('token-1');
  });

  it('the same form sent twice is one application; before the receipt showed the code, the second answer shows it', async () => {
    const form = await browser.formFrom((await openForm()).html, aPersonsForm(), [aPdf()]);
    const first = await browser.send('POST', `/agencies/${AGENCY}/apply`, { form });
    // The first answer lost on the way (a double click without JavaScript): the second is a replay.
    browser.jar.splice(0, browser.jar.length, ...browser.jar.filter((cookie) => cookie.path === '/'));
    const second = await browser.send('POST', `/agencies/${AGENCY}/apply`, { form });
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.cookies).toHaveLength(2);
    expect(await world.applications.get('2026-TEST-0002')).toBeUndefined();
    expect(world.uploads.posted.size).toBe(1);
    const receipt = await browser.send('GET', receiptOf(second.headers.location));
    expect(accessCodeIn(receipt.html)).toBe('token-1');
  });

  it('after the receipt showed the code, sending the form again answers the receipt without it, and grants nothing', async () => {
    const form = await browser.formFrom((await openForm()).html, aPersonsForm());
    const first = await browser.send('POST', `/agencies/${AGENCY}/apply`, { form });
    await browser.send('GET', receiptOf(first.headers.location));
    const again = await browser.send('POST', `/agencies/${AGENCY}/apply`, { form });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.cookies).toEqual([]);
    const receipt = await browser.send('GET', receiptOf(again.headers.location));
    expect(receipt.html).not.toContain('token-1');
    expect(await world.applications.get('2026-TEST-0002')).toBeUndefined();
    // Another browser with the same form (its cookies, not this one's access): nothing to see either.
    const other = new Browser(browser.handler);
    other.jar.push(...browser.jar.filter((cookie) => cookie.path === '/'));
    const stranger = await other.send('POST', `/agencies/${AGENCY}/apply`, { form });
    expect(stranger.cookies).toEqual([]);
    const theirs = await other.send('GET', receiptOf(stranger.headers.location));
    expect(theirs.html).toContain('href="/follow"');
    expect(theirs.html).not.toContain('token-1');
  });

  it('the same key with other content is not applied for twice: the form says so and draws a new key', async () => {
    const html = (await openForm()).html;
    await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(html, aPersonsForm()),
    });
    const changed = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(html, aPersonsForm({ description: '另一项信息' })),
    });
    expect(changed.status).toBe(422);
    expect(changed.html).toContain('<a href="#f-formKey">这张表单已经提交过一份内容不同的申请');
    const key = (page: string) => /name="formKey" value="([^"]+)"/.exec(page)?.[1];
    expect(key(changed.html)).not.toBe(key(html));
    const resent = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(changed.html, aPersonsForm({ description: '另一项信息' })),
    });
    expect(resent.headers.location).toBe('/applications/2026-TEST-0002/receipt');
  });

  it('a body larger than a Lambda takes is refused with a page in Chinese, and nothing is applied for', async () => {
    const form = await browser.formFrom((await openForm()).html, aPersonsForm());
    const answer = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form,
      headers: { 'content-length': String(MAX_FORM_BODY_BYTES + 1) },
    });
    expect(answer.status).toBe(413);
    expect(answer.html).toContain('附件合计不能超过4 MB');
    expect(await world.applications.get('2026-TEST-0001')).toBeUndefined();
  });

  it('files over 4 MB together answer the form with the error by the file field', async () => {
    const big = new File([new Uint8Array(FORM_FILES.maxTotalBytes + 1)], '扫描件.pdf', {
      type: 'application/pdf',
    });
    const answer = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom((await openForm()).html, aPersonsForm(), [big]),
    });
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('<a href="#f-attachments">所选附件合计4 MB，超过了4 MB');
    expect(world.uploads.posted.size).toBe(0);
  });

  it('a lower-case tracking number goes to the upper-case receipt (cookie paths are case-sensitive)', async () => {
    const answer = await browser.send('GET', '/applications/2026-test-0001/receipt');
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/applications/2026-TEST-0001/receipt');
  });

  it('without this application’s access in the browser, the receipt sends the person to /follow', async () => {
    const form = await browser.formFrom((await openForm()).html, aPersonsForm());
    const sent = await browser.send('POST', `/agencies/${AGENCY}/apply`, { form });
    const stranger = new Browser(browser.handler);
    const page = await stranger.send('GET', receiptOf(sent.headers.location));
    expect(page.status).toBe(200);
    expect(page.html).toContain('请凭申请编号和访问码查询');
    expect(page.html).toContain('href="/follow"');
    expect(page.html).not.toContain('id="tracking-number"');
    stranger.jar.push({ name: '__Secure-gk-access', value: 'wrong', path: '/applications/2026-TEST-0001' });
    expect((await stranger.send('GET', receiptOf(sent.headers.location))).html).toContain('href="/follow"');
  });

  it('a post without the form token, or from another site, is refused (403) in Chinese and applies for nothing', async () => {
    const html = (await openForm()).html;
    const withoutToken = await browser.formFrom(
      html.replace(/name="_csrf" value="[^"]+"/, ''),
      aPersonsForm(),
    );
    expect((await browser.send('POST', `/agencies/${AGENCY}/apply`, { form: withoutToken })).status).toBe(
      403,
    );
    const crossSite = await browser.send('POST', `/agencies/${AGENCY}/apply`, {
      form: await browser.formFrom(html, aPersonsForm()),
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.html).toContain('表单已过期');
    expect(await world.applications.get('2026-TEST-0001')).toBeUndefined();
  });
});
