import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '#lib/domain/china-time';
import { keptKeyOf } from '#lib/domain/upload-key';
import {
  anAgencyWithStaff,
  anApplicant,
  anInformationRequest,
  anUpload,
  api,
  aRegisteredApplication,
  localCloud,
  uploadsObject,
} from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots, watchRequests } from '#test/support/browser';

/**
 * Following an application and complaining, as people do it in Chromium, with JavaScript off and on: the
 * follow form (a wrong code refused, the right one opens the status page), a clarification asked by the
 * staff through the API and supplied through the page, the decision and its letter, a withdrawal with its
 * confirmation, reasons when asked (Reg. 35), signing out; a complaint with its receipt, which a fresh
 * browser cannot read. No access token or code ever appears in an address the browser asked for.
 */
type Staff = Awaited<ReturnType<typeof anAgencyWithStaff>>;
let browser: Browser;
let agency: Staff;
beforeAll(async () => {
  browser = await launchBrowser();
  agency = await anAgencyWithStaff({ level: 'department' });
}, 180_000);
afterAll(async () => {
  await browser.close();
});

const FLOW_MS = 240_000;
const SUPPLEMENT_PDF = Buffer.from('%PDF-1.4 人民路和解放路示意图');
const base = () => localCloud().baseUrl;
const caseUrl = (id: string, action: string) =>
  `/v1/agencies/${agency.agencyId}/applications/${id}/${action}`;
const staffDoes = async (role: keyof Staff['tokens'], id: string, action: string, body: unknown) => {
  const response = await api('POST', caseUrl(id, action), { token: agency.tokens[role], body });
  expect(response.status, response.text).toBe(200);
  return response.json;
};

async function anOnlineApplication(): Promise<{ trackingNumber: string; accessToken: string }> {
  const submitted = await api('POST', `/v1/agencies/${agency.agencyId}/applications`, {
    body: { applicant: anApplicant(), request: anInformationRequest() },
  });
  expect(submitted.status, submitted.text).toBe(201);
  return submitted.json;
}

/** The address bar and every request: no secret in any of them. */
function expectNoSecretIn(seen: { urls: string[] }, page: Page, secrets: readonly string[]): void {
  expect(seen.urls.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(seen.urls.filter((url) => url.includes(secret))).toEqual([]);
    expect(page.url()).not.toContain(secret);
  }
}

const mode = (javaScript: boolean) => (javaScript ? 'js' : 'nojs');

/** Types the number and code into the follow form on the page, and sends it. */
async function follow(page: Page, trackingNumber: string | undefined, code: string): Promise<void> {
  if (trackingNumber !== undefined) await page.getByLabel('申请编号', { exact: true }).fill(trackingNumber);
  await page.getByLabel('访问码', { exact: true }).fill(code);
  await page.getByRole('button', { name: '查询', exact: true }).click();
}

describe.each([
  { javaScript: false, label: 'JavaScript off' },
  { javaScript: true, label: 'JavaScript on' },
])('following an application with $label', ({ javaScript }) => {
  it(
    'a wrong code is refused; the right one opens the status page; the supplement asked for is sent through the page; the decision’s letter opens',
    async () => {
      const { trackingNumber, accessToken } = await anOnlineApplication();
      const context = await newPerson(browser, { javaScript });
      const seen = watchRequests(context);
      const page = await context.newPage();

      await page.goto(`${base()}/follow`);
      await expect.poll(() => page.title()).toContain('查询申请');
      await checkPage(page);
      await screenshots(page, `follow-form-${mode(javaScript)}`);

      await follow(page, trackingNumber, 'not-the-code');
      await page.getByText('申请编号或访问码不正确').first().waitFor();
      expect(await page.getByLabel('申请编号', { exact: true }).inputValue()).toBe(trackingNumber);
      expect(await page.getByLabel('访问码', { exact: true }).inputValue()).toBe('');
      await checkPage(page);
      await screenshots(page, `follow-wrong-code-${mode(javaScript)}`);

      await follow(page, undefined, accessToken);
      await page.waitForURL(`${base()}/applications/${trackingNumber}`);
      await page.getByRole('heading', { name: `申请${trackingNumber}`, level: 1 }).waitFor();
      expect(await page.content()).toContain('等待受理机关确认');
      await checkPage(page);
      await screenshots(page, `follow-status-submitted-${mode(javaScript)}`);

      // The staff confirm it and ask for clarification, through the API.
      await staffDoes('clerk', trackingNumber, 'confirmation', {});
      await staffDoes('clerk', trackingNumber, 'clarification-request', {
        items: ['请说明所需信息的时间范围', '请说明涉及的道路名称'],
        periodWorkingDays: 10,
      });
      await page.reload();
      await page.getByRole('heading', { name: '需要您办理的事项' }).waitFor();
      expect(await page.getByText('请说明涉及的道路名称').count()).toBe(1);
      await checkPage(page);
      await screenshots(page, `follow-clarification-${mode(javaScript)}`);

      // Files over 4 MB together: the form again, the error in Chinese by the file field, the text kept.
      const words = '时间范围为2025年1月至12月，道路为人民路和解放路。';
      await page.getByLabel('补正内容').fill(words);
      await page.getByLabel('上传补正材料').setInputFiles({
        name: '扫描件.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.alloc(4 * 1024 * 1024 + 100_000, 0x25),
      });
      await page.getByRole('button', { name: '提交补正' }).click();
      await page.locator('#f-attachments-error').waitFor();
      expect(await page.locator('.error-summary a').allTextContents()).toEqual([
        '所选附件合计4.1 MB，超过了4 MB。请减少或压缩附件后重新选择',
      ]);
      expect(await page.locator('#f-attachments-error').textContent()).toContain('超过了4 MB');
      expect(await page.getByLabel('补正内容').inputValue()).toBe(words);
      await checkPage(page);
      await screenshots(page, `follow-supplement-too-large-${mode(javaScript)}`);

      // A small PDF with the words: the supplement, its file kept with the case.
      await page.getByLabel('上传补正材料').setInputFiles({
        name: '道路示意图.pdf',
        mimeType: 'application/pdf',
        buffer: SUPPLEMENT_PDF,
      });
      await page.getByRole('button', { name: '提交补正' }).click();
      await page.waitForURL(`${base()}/applications/${trackingNumber}?sent=supplement`);
      await page.getByText('已收到您的补正').first().waitFor();
      expect(await page.getByRole('button', { name: '提交补正' }).count()).toBe(0);
      expect(await page.content()).toContain('受理机关收到了您的补正，答复期限重新计算。');
      await checkPage(page);
      await screenshots(page, `follow-supplemented-${mode(javaScript)}`);
      const supplemented = await api('GET', `/v1/applications/${trackingNumber}`, {
        headers: { 'x-access-token': accessToken },
      });
      expect(supplemented.json.status).toBe('in_progress');
      const theCase = await api('GET', `/v1/agencies/${agency.agencyId}/applications/${trackingNumber}`, {
        token: agency.tokens.clerk,
      });
      expect(theCase.json.clarification.supplement).toBe(words);
      expect(theCase.json.clarification.supplementAttachments).toHaveLength(1);
      expect(await uploadsObject(keptKeyOf(theCase.json.clarification.supplementAttachments[0]))).toEqual(
        SUPPLEMENT_PDF,
      );

      // 予以公开, with a file: the letter and the file open from the page's links.
      const uploadKey = await anUpload('道路维修资金使用情况.pdf', '%PDF-1.4 道路维修');
      await staffDoes('clerk', trackingNumber, 'decision', {
        outcome: 'disclosed',
        releasedFiles: [{ uploadKey, name: '道路维修资金使用情况.pdf' }],
      });
      await page.goto(`${base()}/applications/${trackingNumber}`);
      await page.getByRole('heading', { name: '答复', exact: true }).waitFor();
      expect(await page.content()).toContain('<strong>予以公开</strong>');
      const letter = await page.getByRole('link', { name: '阅读答复告知书' }).getAttribute('href');
      expect(letter).toMatch(/^https?:\/\//);
      const letterAnswer = await page.request.get(letter ?? '');
      expect(letterAnswer.status()).toBe(200);
      expect(await letterAnswer.text()).toContain('政府信息公开申请答复告知书');
      const file = await page.getByRole('link', { name: '道路维修资金使用情况.pdf' }).getAttribute('href');
      expect((await page.request.get(file ?? '')).status()).toBe(200);
      // Answered: nothing to withdraw.
      expect(await page.getByRole('link', { name: '撤回申请' }).count()).toBe(0);
      await checkPage(page);
      await screenshots(page, `follow-decided-${mode(javaScript)}`);

      // An address typed in lower case comes to the canonical one, where the cookie is sent.
      await page.goto(`${base()}/applications/${trackingNumber.toLowerCase()}`);
      await page.waitForURL(`${base()}/applications/${trackingNumber}`);
      await page.getByRole('heading', { name: '答复', exact: true }).waitFor();

      expectNoSecretIn(seen, page, [accessToken]);
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'reasons when asked (Reg. 35); withdrawal after its confirmation step; signing out removes access',
    async () => {
      const today = chinaDateOf(new Date());
      const { trackingNumber, accessToken } = await aRegisteredApplication(
        agency.agencyId,
        agency.tokens.clerk,
        {
          receivedOn: today,
          now: new Date().toISOString(),
        },
      );
      await staffDoes('clerk', trackingNumber, 'reasons-request', {
        question: '您本月已提出30件申请，请说明申请的理由。',
      });
      const context = await newPerson(browser, { javaScript });
      const seen = watchRequests(context);
      const page = await context.newPage();

      // Straight to the application's address: the follow form, the number filled in.
      await page.goto(`${base()}/applications/${trackingNumber}`);
      expect(await page.getByLabel('申请编号', { exact: true }).inputValue()).toBe(trackingNumber);
      await checkPage(page);
      await follow(page, undefined, accessToken);
      await page.waitForURL(`${base()}/applications/${trackingNumber}`);
      await page.getByText('您本月已提出30件申请，请说明申请的理由。').waitFor();
      await checkPage(page);
      await screenshots(page, `follow-reasons-${mode(javaScript)}`);
      await page.getByLabel('您的理由').fill('为撰写本市道路养护研究报告，需要逐月数据。');
      await page.getByRole('button', { name: '提交理由' }).click();
      await page.waitForURL(`${base()}/applications/${trackingNumber}?sent=reasons`);
      await page.getByText('已收到您说明的理由').first().waitFor();

      await page.getByRole('link', { name: '撤回申请' }).click();
      await page.waitForURL(`${base()}/applications/${trackingNumber}/withdrawal`);
      await page.getByRole('heading', { name: `撤回申请${trackingNumber}` }).waitFor();
      await checkPage(page);
      await screenshots(page, `follow-withdrawal-confirm-${mode(javaScript)}`);
      // Going back changes nothing.
      await page.getByRole('link', { name: '返回，不撤回' }).click();
      await page.waitForURL(`${base()}/applications/${trackingNumber}`);
      expect(await page.content()).toContain('<strong>办理中</strong>');
      await page.getByRole('link', { name: '撤回申请' }).click();
      await page.getByLabel('撤回原因').fill('已从其他渠道取得该信息');
      await page.getByRole('button', { name: '确认撤回' }).click();
      await page.waitForURL(`${base()}/applications/${trackingNumber}?sent=withdrawal`);
      await page.getByText('您的申请已撤回').first().waitFor();
      expect(await page.content()).toContain('<strong>已撤回</strong>');
      await checkPage(page);
      await screenshots(page, `follow-withdrawn-${mode(javaScript)}`);
      const withdrawn = await api('GET', `/v1/applications/${trackingNumber}`, {
        headers: { 'x-access-token': accessToken },
      });
      expect(withdrawn.json.status).toBe('withdrawn');

      await page.getByRole('button', { name: '在本浏览器上退出' }).click();
      await page.waitForURL(`${base()}/applications/${trackingNumber}?sent=sign-out`);
      await page.getByText('您已在本浏览器上退出该申请').waitFor();
      await checkPage(page);
      await screenshots(page, `follow-signed-out-${mode(javaScript)}`);
      expect((await context.cookies()).filter((cookie) => cookie.name === '__Secure-gk-access')).toEqual([]);
      await page.goto(`${base()}/applications/${trackingNumber}`);
      expect(await page.content()).not.toContain('办理经过');
      expect(await page.getByLabel('访问码', { exact: true }).count()).toBe(1);

      expectNoSecretIn(seen, page, [accessToken]);
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'another person complains through the form and keeps the receipt with its answer date; a fresh browser cannot read it',
    async () => {
      const context = await newPerson(browser, { javaScript });
      const seen = watchRequests(context);
      const page = await context.newPage();
      await page.goto(`${base()}/agencies/${agency.agencyId}/complaints/new`);
      await page.getByRole('heading', { name: '投诉举报', level: 1 }).waitFor();
      await checkPage(page);
      await screenshots(page, `complaint-form-${mode(javaScript)}`);

      // Sent half filled: each problem in Chinese next to its field, what was typed kept.
      await page.getByLabel('联系方式').fill('13900001111');
      await page.getByLabel('电子邮箱').fill('not-an-address');
      await page.getByRole('button', { name: '提交投诉' }).click();
      await page.getByText('请填写姓名或名称').first().waitFor();
      expect(await page.getByText('请填写正确的电子邮箱地址').count()).toBeGreaterThan(0);
      expect(await page.getByLabel('联系方式').inputValue()).toBe('13900001111');
      await checkPage(page);
      await screenshots(page, `complaint-errors-${mode(javaScript)}`);

      await page.getByLabel('姓名或名称').fill('王五');
      await page.getByLabel('电子邮箱').fill('wangwu@example.cn');
      await page.getByLabel('投诉事由').fill('申请逾期未答复');
      await page
        .getByLabel('事实和理由')
        .fill('本人于十月提交的政府信息公开申请，超过20个工作日仍未收到答复。');
      await page.getByRole('button', { name: '提交投诉' }).click();
      await page.waitForURL(new RegExp(`/agencies/${agency.agencyId}/complaints/cmp_[0-9a-f]{12}$`));
      await page.getByRole('heading', { name: '投诉举报回执' }).waitFor();
      const receiptUrl = page.url();
      const complaintId = receiptUrl.split('/').at(-1) ?? '';
      const code = (await page.locator('.notice.warning .secret').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The answer date on the receipt is the complaint's own, as the API gives it back with the code.
      const status = await api('GET', `/v1/agencies/${agency.agencyId}/complaints/${complaintId}`, {
        headers: { 'x-access-token': code },
      });
      expect(status.status).toBe(200);
      expect(status.json).toMatchObject({ subject: '申请逾期未答复', answer: null });
      const dueOn = await page.locator('dt:text("答复期限") + dd time').getAttribute('datetime');
      expect(dueOn).toBe(status.json.answerDueDate);
      expect(status.json.answerDueDate > chinaDateOf(new Date())).toBe(true);
      await checkPage(page);
      await screenshots(page, `complaint-receipt-${mode(javaScript)}`);

      // The code is shown once.
      await page.reload();
      await page.getByRole('heading', { name: '投诉举报回执' }).waitFor();
      expect(await page.content()).not.toContain(code);
      expect(await page.content()).toContain('申请逾期未答复');

      // A fresh browser with the address only: the code form, nothing of the complaint.
      const stranger = await newPerson(browser, { javaScript });
      const strangerSeen = watchRequests(stranger);
      const other = await stranger.newPage();
      await other.goto(receiptUrl);
      await other.getByRole('heading', { name: '查看投诉' }).waitFor();
      const html = await other.content();
      for (const personal of ['王五', '13900001111', '申请逾期未答复', '本人于十月提交'])
        expect(html).not.toContain(personal);
      await checkPage(other);
      await screenshots(other, `complaint-closed-${mode(javaScript)}`);
      await other.getByLabel('访问码', { exact: true }).fill('a-guess');
      await other.getByRole('button', { name: '查看', exact: true }).click();
      await other.getByText('访问码不正确').first().waitFor();
      expect(await other.content()).not.toContain('王五');
      // With the code, typed (never in the address), the receipt opens there too.
      await other.getByLabel('访问码', { exact: true }).fill(code);
      await other.getByRole('button', { name: '查看', exact: true }).click();
      await other.waitForURL(receiptUrl);
      await other.getByText('申请逾期未答复').first().waitFor();
      expectNoSecretIn(strangerSeen, other, [code]);
      await stranger.close();

      expectNoSecretIn(seen, page, [code]);
      await context.close();
    },
    FLOW_MS,
  );
});

describe('the complaint API (Reg. 51)', () => {
  it('the receipt carries the access code once; the complaint reads back only with it; staff never see its hash', async () => {
    const filed = await api('POST', `/v1/agencies/${agency.agencyId}/complaints`, {
      body: {
        complainant: { name: '赵六', contact: '13900000000' },
        subject: '网站信息未更新',
        details: '主动公开栏目半年未更新。',
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.headers.get('cache-control')).toBe('no-store');
    const { complaintId, accessCode } = filed.json;
    expect(filed.headers.get('location')).toBe(`/v1/agencies/${agency.agencyId}/complaints/${complaintId}`);
    const url = `/v1/agencies/${agency.agencyId}/complaints/${complaintId}`;
    const mine = await api('GET', url, { headers: { 'x-access-token': accessCode } });
    expect(mine.status).toBe(200);
    expect(mine.json).toEqual({
      complaintId,
      agencyId: agency.agencyId,
      status: 'open',
      receivedOn: filed.json.receivedOn,
      answerDueDate: filed.json.answerDueDate,
      complainant: { name: '赵六', contact: '13900000000' },
      subject: '网站信息未更新',
      details: '主动公开栏目半年未更新。',
      trackingNumber: null,
      answer: null,
    });
    const refused = [
      await api('GET', url),
      await api('GET', url, { headers: { 'x-access-token': 'a-guess' } }),
      await api('GET', `/v1/agencies/${localCloud().agencyId}/complaints/${complaintId}`, {
        headers: { 'x-access-token': accessCode },
      }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(404);
      expect(response.json.detail).toBe('There is no complaint with this id and access code.');
    }
    const listed = await api('GET', `/v1/agencies/${agency.agencyId}/complaints`, {
      token: agency.tokens.supervisor,
    });
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain('accessCodeHash');
    const answered = await api('POST', `${url}/reply`, {
      token: agency.tokens.supervisor,
      body: { reply: '已督促更新。', upheld: true },
    });
    expect(answered.status).toBe(200);
    expect(answered.text).not.toContain('accessCodeHash');
    const read = await api('GET', url, { headers: { 'x-access-token': accessCode } });
    expect(read.json.answer).toEqual({ text: '已督促更新。', upheld: true, on: expect.any(String) });
  });
});
