import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptKeyOf } from '#lib/domain/upload-key';
import { anAgencyWithStaff, api, localCloud, uniqueId, uploadsObject } from '#test/support/api';
import {
  checkPage,
  expectOnlyOwnRequests,
  launchBrowser,
  newPerson,
  screenshots,
  watchRequests,
} from '#test/support/browser';

/**
 * Applying online (在线申请, Reg. 29) as a person does it, in Chromium with JavaScript off and on: the
 * form, its errors in Chinese, an attachment posted with the form, the receipt (回执) that shows the
 * access code once; the application as the API sees it; the same form sent twice; CSRF; files too large.
 */
let browser: Browser;
let agency: Awaited<ReturnType<typeof anAgencyWithStaff>>;
beforeAll(async () => {
  [browser, agency] = await Promise.all([launchBrowser(), anAgencyWithStaff()]);
}, 120_000);
afterAll(async () => {
  await browser.close();
});

const base = () => localCloud().baseUrl;
const applyUrl = () => `${base()}/agencies/${agency.agencyId}/apply`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The applications of the test agency whose request says `description`, as the work queue lists them. */
async function applicationsSaying(description: string): Promise<string[]> {
  const list = await api('GET', `/v1/agencies/${agency.agencyId}/applications?limit=100`, {
    token: agency.tokens.clerk,
  });
  expect(list.status).toBe(200);
  return list.json.items
    .filter((item: { request: { description: string } }) => item.request.description === description)
    .map((item: { trackingNumber: string }) => item.trackingNumber);
}

/** What a person types into the form, by field name. */
const entriesFor = (description: string) => ({
  applicantType: 'natural_person',
  name: '张三',
  idType: 'resident_id_card',
  idNumber: `11010119900101${String(Date.now() % 10000).padStart(4, '0')}`,
  email: 'zhangsan@example.cn',
  description,
  form: 'electronic',
  delivery: 'email',
  declaration: 'yes',
});

async function fillTheForm(page: Page, entries: ReturnType<typeof entriesFor>): Promise<void> {
  await page.getByLabel('自然人（个人）').check();
  await page.getByLabel('姓名或名称').fill(entries.name);
  await page.getByLabel('证件类型').selectOption(entries.idType);
  await page.getByLabel('证件号码').fill(entries.idNumber);
  await page.getByLabel('电子邮箱').fill(entries.email);
  await page.getByLabel('所需政府信息的描述').fill(entries.description);
  await page.getByLabel('电子文件').check();
  await page.getByLabel('电子邮件').check();
  await page.getByLabel('我确认以上填写的信息真实').check();
}

/** Presses a button that sends a form, and waits for the page that answers it (the URL may stay). */
async function press(page: Page, name: string): Promise<void> {
  const answered = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await page.getByRole('button', { name }).click();
  await answered;
  await page.waitForLoadState('load');
}
const sendForm = (page: Page) => press(page, '提交申请');

describe.each([
  { javaScript: false, label: 'JavaScript off' },
  { javaScript: true, label: 'JavaScript on' },
])('applying online with $label', ({ javaScript }) => {
  const suffix = javaScript ? 'js' : 'nojs';

  it('applies with an attachment after correcting the form, keeps the receipt, and the code is shown once', async () => {
    const context = await newPerson(browser, { javaScript });
    const seen = watchRequests(context);
    const page = await context.newPage();
    const description = `道路维修专项资金的预算和使用情况 ${uniqueId('apply')}`;

    await page.goto(applyUrl());
    expect(await page.title()).toContain('在线申请政府信息公开');
    await checkPage(page);
    await screenshots(page, `apply-form-${suffix}`);

    // Almost empty: a name, the description and a file; everything else missing.
    await page.getByLabel('姓名或名称').fill('张三');
    await page.getByLabel('所需政府信息的描述').fill(description);
    await page
      .getByLabel('上传附件')
      .setInputFiles({ name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await sendForm(page);
    expect(await page.title()).toMatch(/^错误： 在线申请政府信息公开/);
    const summary = page.locator('.error-summary a');
    expect(await summary.allTextContents()).toEqual([
      '请选择您以自然人还是法人或其他组织的身份申请',
      '请选择证件类型',
      '请填写证件号码',
      '请至少填写一种联系方式：通信地址、联系电话或电子邮箱',
      '请选择信息的载体形式',
      '请选择获取信息的方式',
      '请阅读并勾选声明',
    ]);
    expect(await page.locator('main .error-message').count()).toBe(7);
    // The input is kept; the file must be chosen again, and the page says so.
    expect(await page.getByLabel('姓名或名称').inputValue()).toBe('张三');
    expect(await page.getByLabel('所需政府信息的描述').inputValue()).toBe(description);
    await expect.poll(() => page.getByText('您之前选择的附件还没有保存').count()).toBe(1);
    await checkPage(page);
    await screenshots(page, `apply-errors-${suffix}`);
    // Each link of the summary puts the focus on its field (without JavaScript too).
    const targets = await summary.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const [index, target] of targets.entries()) {
      await summary.nth(index).click();
      await expect.poll(() => page.evaluate(() => `#${document.activeElement?.id ?? ''}`)).toBe(target);
    }

    const entries = entriesFor(description);
    await fillTheForm(page, entries);
    const hidden = {
      _csrf: (await page.locator('input[name=_csrf]').getAttribute('value')) ?? '',
      formKey: (await page.locator('input[name=formKey]').getAttribute('value')) ?? '',
    };
    const attachment = { name: '身份证明.pdf', mimeType: 'application/pdf', buffer: PDF };
    await page.getByLabel('上传附件').setInputFiles(attachment);
    await sendForm(page);
    expect(page.url()).toMatch(/\/applications\/\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\/receipt$/);
    expect(await page.title()).toContain('申请已提交');
    const trackingNumber = (await page.locator('#tracking-number').textContent()) ?? '';
    const accessCode = (await page.locator('#access-code').textContent()) ?? '';
    expect(accessCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => page.getByText('访问码只在这里显示这一次').count()).toBe(1);
    const print = page.getByRole('button', { name: '打印回执' });
    expect(await print.isVisible()).toBe(javaScript);
    await checkPage(page);
    await screenshots(page, `apply-receipt-${suffix}`);

    await page.reload();
    expect(await page.locator('#tracking-number').textContent()).toBe(trackingNumber);
    expect(await page.locator('#access-code').count()).toBe(0);
    expect(await page.content()).not.toContain(accessCode);
    await expect.poll(() => page.getByText('访问码不再显示').count()).toBe(1);
    await checkPage(page);

    // The application, as the API sees it: the applicant's status page, and the case with its file.
    const status = await api('GET', `/v1/applications/${trackingNumber}`, {
      headers: { 'x-access-token': accessCode },
    });
    expect(status.status).toBe(200);
    expect(status.json.status).toBe('awaiting_confirmation');
    const theCase = await api('GET', `/v1/agencies/${agency.agencyId}/applications/${trackingNumber}`, {
      token: agency.tokens.clerk,
    });
    expect(theCase.json.request.description).toBe(description);
    expect(theCase.json.attachments).toHaveLength(1);
    expect(await uploadsObject(keptKeyOf(theCase.json.attachments[0]))).toEqual(PDF);

    // The same form sent again (its key, fields and file, as a browser's "resend" would): the same
    // receipt, no second application, and the code neither shown nor granted again.
    const replay = await context.request.post(applyUrl(), {
      multipart: { ...hidden, ...entries, attachments: attachment },
      headers: { origin: base() },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(303);
    expect(replay.headers().location).toBe(`/applications/${trackingNumber}/receipt`);
    expect(replay.headers()['set-cookie']).toBeUndefined();
    expect(await applicationsSaying(description)).toEqual([trackingNumber]);
    await page.goto(`${base()}/applications/${trackingNumber}/receipt`);
    expect(await page.locator('#access-code').count()).toBe(0);

    // A lower-case number in the address: the canonical receipt (its cookies' path).
    await page.goto(`${base()}/applications/${trackingNumber.toLowerCase()}/receipt`);
    expect(page.url()).toBe(`${base()}/applications/${trackingNumber}/receipt`);
    expectOnlyOwnRequests(seen, base());
    await context.close();
  });
});

describe('applying online: what goes wrong', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newPerson(browser, { javaScript: false });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context.close();
  });

  /** The form's hidden fields (form token, form key) as the page rendered them. */
  const hiddenFields = async () => {
    await page.goto(applyUrl());
    return {
      _csrf: (await page.locator('input[name=_csrf]').getAttribute('value')) ?? '',
      formKey: (await page.locator('input[name=formKey]').getAttribute('value')) ?? '',
    };
  };
  const aForm = (description: string) => ({
    applicantType: 'natural_person',
    name: '李四',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13912345678',
    description,
    form: 'paper',
    delivery: 'post',
    address: '北京市东城区东华门街道1号',
    declaration: 'yes',
  });
  const post = (
    multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>,
    origin = base(),
  ) => context.request.post(applyUrl(), { multipart, headers: { origin }, maxRedirects: 0 });

  it('sent twice before the receipt was opened (the first answer lost): one application, and its code shown once', async () => {
    const description = `两次提交 ${uniqueId('twice')}`;
    const form = {
      ...(await hiddenFields()),
      ...aForm(description),
      attachments: { name: 'a.pdf', mimeType: 'application/pdf', buffer: PDF },
    };
    const [first, second] = await Promise.all([post(form), post(form)]);
    expect([first.status(), second.status()]).toEqual([303, 303]);
    expect(second.headers().location).toBe(first.headers().location);
    expect(second.headers()['set-cookie']).toContain('__Secure-gk-receipt=1');
    const [trackingNumber] = await applicationsSaying(description);
    expect(await applicationsSaying(description)).toHaveLength(1);
    await page.goto(`${base()}${first.headers().location ?? ''}`);
    expect(await page.locator('#tracking-number').textContent()).toBe(trackingNumber);
    expect(await page.locator('#access-code').count()).toBe(1);
    await page.reload();
    expect(await page.locator('#access-code').count()).toBe(0);
  });

  it('a post without the form token, or from another site, is refused (403) in Chinese and applies for nothing', async () => {
    const description = `跨站提交 ${uniqueId('csrf')}`;
    const { formKey, _csrf } = await hiddenFields();
    const withoutToken = await post({ formKey, ...aForm(description) });
    expect(withoutToken.status()).toBe(403);
    expect(await withoutToken.text()).toContain('表单已过期');
    // Another site's page posting to ours, with a token it somehow has: the browser says where it comes from.
    const fields = Object.entries({ formKey, _csrf, ...aForm(description) })
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
      .join('');
    await page.route('https://evil.example/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<form method="post" action="${applyUrl()}" enctype="multipart/form-data">${fields}<button>send</button></form>`,
      }),
    );
    await page.goto('https://evil.example/');
    await press(page, 'send');
    expect(await page.title()).toContain('表单已过期');
    expect(await page.content()).toContain('只能从本站页面提交');
    await checkPage(page);
    expect(await applicationsSaying(description)).toEqual([]);
  });

  it('files over 4 MB together answer the form with the error in Chinese; a body no Lambda takes, a page', async () => {
    const description = `附件太大 ${uniqueId('big')}`;
    await page.goto(applyUrl());
    await fillTheForm(page, entriesFor(description));
    await page.getByLabel('上传附件').setInputFiles({
      name: '扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(4 * 1024 * 1024 + 100_000, 0x25),
    });
    await sendForm(page);
    expect(await page.locator('.error-summary a').allTextContents()).toEqual([
      '所选附件合计4.1 MB，超过了4 MB。请减少或压缩附件后重新选择',
    ]);
    expect(await page.locator('#f-attachments-error').textContent()).toContain('超过了4 MB');
    expect(await page.getByLabel('所需政府信息的描述').inputValue()).toBe(description);
    await checkPage(page);

    // More than a Lambda is given (6 MB once base64-encoded): refused whole, with a page in Chinese.
    await page.goto(applyUrl());
    await fillTheForm(page, entriesFor(description));
    await page.getByLabel('上传附件').setInputFiles({
      name: '扫描件.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(5 * 1024 * 1024, 0x25),
    });
    await sendForm(page);
    expect(await page.title()).toContain('提交的内容太大');
    expect(await page.content()).toContain('附件合计不能超过4 MB');
    await checkPage(page);
    expect(await applicationsSaying(description)).toEqual([]);
  });
});
