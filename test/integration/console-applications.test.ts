import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { chinaDateOf } from '#lib/domain/china-time';
import {
  aNewAgency,
  anApplicant,
  anInformationRequest,
  api,
  aRegisteredApplication,
  aStaffMember,
  localCloud,
  uniqueId,
} from '#test/support/api';
import { checkPage, launchBrowser, screenshots } from '#test/support/browser';
import { staffAtConsole, type StaffAtConsole } from '#test/support/console';

/**
 * The console's applications pages, in Chromium, with several people signed in at once on an agency of
 * our own: a clerk registers a letter received three working days ago, the approver extends it (the clerk
 * is not offered that), the clerk consults a third party, records its objection and the written notice,
 * and decides 部分公开 with a legal basis and a PDF, seeing the letter first; the applicant's status shows
 * the letter. Then the list's filters and its CSV, another agency's staff answered "not found", a role
 * refused a step it posts anyway, and a wrong form answered again with the input kept.
 */
const WALK_MS = 300_000;
const PDF = Buffer.from('%PDF-1.4 部分公开的材料');

type Member = Awaited<ReturnType<typeof aStaffMember>>;
let browser: Browser;
let agencyId: string;
let clerk: Member;
let approver: Member;
let outsider: Member;
const people: StaffAtConsole[] = [];

const base = () => localCloud().baseUrl;
const casePath = (trackingNumber: string) => `/console/applications/${trackingNumber}`;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ agencyId } = await aNewAgency());
  clerk = await aStaffMember(agencyId, ['clerk']);
  approver = await aStaffMember(agencyId, ['approver']);
  const other = await aNewAgency();
  outsider = await aStaffMember(other.agencyId, ['clerk', 'approver']);
}, 180_000);
afterAll(async () => {
  for (const person of people) await person.context.close();
  await browser.close();
});

async function signedIn(email: string, startAt: string, javaScript = false): Promise<StaffAtConsole> {
  const person = await staffAtConsole(browser, email, { startAt, javaScript });
  people.push(person);
  return person;
}

/** Opens the step's form on the case page (a `<details>`), by its summary's words. */
async function openStep(page: Page, summary: string): Promise<void> {
  await page.locator('summary', { hasText: summary }).click();
}

/** A step's form on the case page, by the end of its action path. */
const formOf = (page: Page, action: string) => page.locator(`form[action$="${action}"]`);

/** The form token of the page (every console page has one: the sign-out form). */
const csrfOf = async (page: Page) =>
  (await page.locator('input[name=_csrf]').first().getAttribute('value')) ?? '';

const today = () => chinaDateOf(new Date());
/** Three working days before today, by the bundled calendar. */
function threeWorkingDaysAgo(): string {
  const calendar = new WorkingCalendar();
  let day = today();
  for (let step = 0; step < 3; step += 1) day = calendar.previousWorkingDay(day);
  return day;
}

describe('an application from letter to decision, by a clerk and an approver', () => {
  it(
    'registers a letter, extends it (approver only), consults, decides 部分公开 after the preview; the applicant sees the letter',
    async () => {
      const clerkAt = await signedIn(clerk.email, '/console/applications');
      const page = clerkAt.page;
      expect(new URL(page.url()).pathname).toBe('/console/applications');
      await checkPage(page);
      await screenshots(page, 'console-applications-list');

      // Registering: a wrong form first, answered again with the input kept.
      await page.getByRole('link', { name: '登记信函、传真或当面提交的申请' }).click();
      expect(new URL(page.url()).pathname).toBe('/console/applications/new');
      await checkPage(page);
      await screenshots(page, 'console-applications-new');
      const description = `道路维修资金使用情况 ${uniqueId('letter')}`;
      await page.getByLabel('所需政府信息的描述').fill(description);
      await page.getByRole('button', { name: '登记申请' }).click();
      expect(await page.title()).toContain('错误');
      expect(await page.getByLabel('所需政府信息的描述').inputValue()).toBe(description);
      await expect.poll(() => page.locator('.error-summary li').count()).toBeGreaterThan(2);
      await checkPage(page);

      const receivedOn = threeWorkingDaysAgo();
      await page.getByLabel('信函（挂号信、快递等需签收的邮件）').check();
      await page.getByLabel('收到申请之日', { exact: true }).fill(receivedOn);
      await page.getByLabel('自然人').check();
      await page.getByLabel('姓名或名称', { exact: false }).first().fill('王五');
      await page.getByLabel('证件类型').selectOption('resident_id_card');
      await page.getByLabel('证件号码').fill('110101199001011234');
      await page.getByLabel('通信地址').fill('北京市东城区东华门街道1号');
      await page.getByLabel('联系电话').fill('13912345678');
      await page.getByLabel('电子文件').check();
      await page.getByLabel('在本平台查看（凭申请编号和访问码查看答复）').check();
      await page
        .getByLabel('申请材料扫描件')
        .setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: '登记申请' }).click();
      const trackingNumber = /\/console\/applications\/(\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(
        new URL(page.url()).pathname,
      )?.[1];
      expect(trackingNumber).toBeDefined();
      const tn = trackingNumber ?? '';
      const accessToken = (await page.locator('.secret').textContent()) ?? '';
      expect(accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await expect.poll(() => page.getByText('申请已登记').count()).toBe(1);
      await expect.poll(() => page.getByText('110101199001011234').count()).toBe(1);
      await checkPage(page);
      await screenshots(page, 'console-applications-case');
      // Shown once: not on the next visit.
      await page.reload();
      expect(await page.locator('.secret').count()).toBe(0);
      // The clerk is not offered the extension: that is the approver's.
      expect(await page.locator('summary', { hasText: '延期答复' }).count()).toBe(0);
      expect(await page.locator('summary', { hasText: '征求第三方或有关机关意见' }).count()).toBe(1);
      const dueBefore = (
        await api('GET', `/v1/applications/${tn}`, { headers: { 'x-access-token': accessToken } })
      ).json.dueDate as string;

      // The approver, signed in at the same time in a browser of their own, extends it.
      const approverAt = await signedIn(approver.email, casePath(tn));
      const approverPage = approverAt.page;
      await checkPage(approverPage);
      // Approvers do not write to the applicant: the identity number is masked.
      expect(await approverPage.getByText('110101199001011234').count()).toBe(0);
      await openStep(approverPage, '延期答复');
      await approverPage.getByLabel('延长的工作日数').fill('5');
      await approverPage.getByLabel('延期理由').fill('需要调取多个科室的档案，经负责人同意延期。');
      await approverPage.getByRole('button', { name: '延期答复' }).click();
      await expect.poll(() => approverPage.getByText('答复期限已延长，并告知申请人。').count()).toBe(1);
      await checkPage(approverPage);
      const extended = await api('GET', `/v1/applications/${tn}`, {
        headers: { 'x-access-token': accessToken },
      });
      expect(extended.json.dueDate > dueBefore).toBe(true);

      // The clerk consults the third party, records its objection and the written notice.
      await page.reload();
      await expect.poll(() => page.getByText('延长5个工作日', { exact: false }).count()).toBeGreaterThan(0);
      await openStep(page, '征求第三方或有关机关意见');
      const consultation = formOf(page, '/consultations');
      await consultation.getByLabel('第三方', { exact: true }).check();
      await consultation.getByLabel('名称或姓名').fill('某某建设有限公司');
      await consultation.getByLabel('联系方式', { exact: true }).fill('021-12345678');
      await consultation.getByLabel('征求意见的事项').fill('拟公开的合同中涉及贵公司的报价。');
      await consultation.getByRole('button', { name: '征求第三方或有关机关意见' }).click();
      await expect.poll(() => page.getByText('征求意见书已发出。').count()).toBe(1);
      await checkPage(page);
      await openStep(page, '记录某某建设有限公司的意见');
      const reply = formOf(page, '/reply');
      await reply.getByLabel('不同意公开').check();
      await reply.getByLabel('意见摘要').fill('报价属于商业秘密，不同意公开。');
      await reply.getByRole('button', { name: '登记' }).click();
      await expect.poll(() => page.getByText('意见已登记。').count()).toBe(1);
      await openStep(page, '书面告知某某建设有限公司');
      const notice = formOf(page, '/disclosure-notice');
      await notice.getByLabel('拟公开的内容').fill('合同的项目名称、金额和工期，不含分项报价。');
      await notice.getByLabel('公开的理由').fill('涉及公共资金使用，公开合同主要内容符合公共利益。');
      await notice.getByRole('button', { name: '书面告知某某建设有限公司' }).click();
      await expect.poll(() => page.getByText('书面告知已发出。').count()).toBe(1);

      // The decision: 部分公开, with the legal basis and a PDF; the letter previewed, changed, sent.
      await openStep(page, '作出答复');
      const decision = formOf(page, '/decision');
      await decision.locator('input[name=outcome][value=partially_disclosed]').check();
      await decision.getByLabel('部分公开：不予公开部分的理由').selectOption('third_party_rights');
      const legalBasis = '《中华人民共和国政府信息公开条例》第十五条、第三十七条';
      await decision.getByLabel(/^法律依据/).fill(legalBasis);
      await decision.getByLabel(/^理由/).fill('分项报价涉及第三方商业秘密，不予公开；其余部分予以公开。');
      await decision.getByLabel('随告知书提供的文件').setInputFiles({
        name: '合同（公开部分）.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await page.getByRole('button', { name: '预览答复告知书' }).click();
      expect(await page.title()).toContain('答复告知书预览');
      const letter = page.locator('article.letter');
      await expect.poll(() => letter.textContent()).toContain('部分公开');
      expect(await letter.textContent()).toContain(legalBasis);
      expect(await letter.textContent()).toContain('合同（公开部分）.pdf');
      await checkPage(page);
      await screenshots(page, 'console-applications-decision-preview');
      await page.getByRole('button', { name: '返回修改' }).click();
      expect(
        await formOf(page, '/decision')
          .getByLabel(/^法律依据/)
          .inputValue(),
      ).toBe(legalBasis);
      expect(await page.locator('input[name=outcome][value=partially_disclosed]').isChecked()).toBe(true);
      await expect.poll(() => page.getByText('合同（公开部分）.pdf').count()).toBe(1);
      await checkPage(page);
      await page.getByRole('button', { name: '预览答复告知书' }).click();
      expect(await page.title()).toContain('答复告知书预览');
      const fields = await page
        .locator('form:has(button[value=send]) input[type=hidden]')
        .evaluateAll((inputs) =>
          inputs.map(
            (input) => [input.getAttribute('name') ?? '', input.getAttribute('value') ?? ''] as const,
          ),
        );
      await page.getByRole('button', { name: '发出答复' }).click();
      await expect.poll(() => page.getByText('答复已发出', { exact: false }).count()).toBe(1);
      await checkPage(page);
      // Sent again (a double click, a retry): the same decision, answered as done, nothing more.
      const again = await page.request.post(`${base()}${casePath(tn)}/decision`, {
        form: Object.fromEntries([...fields, ['intent', 'send']]),
        headers: { origin: base() },
        maxRedirects: 0,
      });
      expect(again.status()).toBe(303);
      expect(again.headers().location).toContain('done=decision');

      // The applicant's status (the API, with the access token) shows the decision and its letter.
      const status = await api('GET', `/v1/applications/${tn}`, {
        headers: { 'x-access-token': accessToken },
      });
      expect(status.status).toBe(200);
      expect(status.json.status).toBe('decided');
      expect(status.json.decision.outcome).toBe('partially_disclosed');
      expect(status.json.decision.legalBasis).toBe(legalBasis);
      expect(status.json.decision.files.map((file: { name: string }) => file.name)).toEqual([
        '合同（公开部分）.pdf',
      ]);
      const letterPage = await fetch(status.json.decision.letterUrl as string);
      expect(letterPage.status).toBe(200);
      expect(await letterPage.text()).toContain('部分公开');
    },
    WALK_MS,
  );
});

describe('the list, its filters and its CSV', () => {
  it(
    'filters by state, due window and handler; the CSV has a BOM, a header row and no formula',
    async () => {
      const formula = `=HYPERLINK("http://evil.example") ${uniqueId('csv')}`;
      const registered = await api('POST', `/v1/agencies/${agencyId}/applications/registrations`, {
        token: clerk.token,
        body: {
          channel: 'in_person',
          receivedOn: today(),
          applicant: anApplicant(),
          request: anInformationRequest({ description: formula }),
        },
      });
      expect(registered.status, registered.text).toBe(201);
      const tn = registered.json.trackingNumber as string;
      const assigned = await api('POST', `/v1/agencies/${agencyId}/applications/${tn}/assignment`, {
        token: clerk.token,
        body: { staffId: clerk.staffId },
      });
      expect(assigned.status, assigned.text).toBe(200);
      // An overdue one: received long ago, its reply due in the past.
      const overdue = await aRegisteredApplication(agencyId, clerk.token, {
        receivedOn: '2026-09-01',
        now: `${today()}T02:00:00Z`,
      });

      const clerkAt = await signedIn(clerk.email, '/console/applications?due=overdue');
      const page = clerkAt.page;
      await expect.poll(() => page.getByRole('link', { name: overdue.trackingNumber }).count()).toBe(1);
      expect(await page.getByRole('link', { name: tn }).count()).toBe(0);
      await expect.poll(() => page.getByText('已逾期', { exact: false }).count()).toBeGreaterThan(0);
      await checkPage(page);
      await screenshots(page, 'console-applications-list-overdue');

      await page.goto(`${base()}/console/applications?due=soon&within=30&handler=${clerk.staffId}`);
      expect(await page.getByRole('link', { name: tn }).count()).toBe(1);
      expect(await page.getByRole('link', { name: overdue.trackingNumber }).count()).toBe(0);
      await expect.poll(() => page.getByText('剩余', { exact: false }).count()).toBeGreaterThan(0);
      await checkPage(page);

      const csv = await page.request.get(`${base()}/console/applications/export.csv?status=open&due=all`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(csv.headers()['content-disposition']).toContain('attachment');
      const body = (await csv.body()).toString('utf8');
      expect(body.startsWith('\uFEFF"申请编号","收到申请日期","申请人"')).toBe(true);
      expect(body).toContain(`"'=HYPERLINK(""http://evil.example"") `);
      expect(body).toContain(overdue.trackingNumber);
      // Personal data stays out of the export: the applicant by name only.
      expect(body).not.toContain('1101011990');

      // With JavaScript on, the list works the same and passes the checks.
      const withScript = await signedIn(clerk.email, '/console/applications?status=in_progress', true);
      await expect.poll(() => withScript.page.getByRole('link', { name: tn }).count()).toBe(1);
      await checkPage(withScript.page);
    },
    WALK_MS,
  );
});

describe('who may see and do what', () => {
  it(
    'another agency’s staff get the not-found page on the case and on a step; a clerk posting the approver’s extension is refused',
    async () => {
      const { trackingNumber } = await aRegisteredApplication(agencyId, clerk.token, {
        receivedOn: today(),
        now: `${today()}T02:00:00Z`,
        applicant: anApplicant({ name: '赵六' }),
      });
      const outsiderAt = await signedIn(outsider.email, '/console/applications');
      const page = outsiderAt.page;
      const opened = await page.goto(`${base()}${casePath(trackingNumber)}`);
      expect(opened?.status()).toBe(404);
      expect(await page.content()).not.toContain('赵六');
      await checkPage(page);
      const csrf = await csrfOf(page);
      const posted = await page.request.post(`${base()}${casePath(trackingNumber)}/extension`, {
        form: { _csrf: csrf, workingDays: '5', reason: '越权延期' },
        headers: { origin: base() },
        maxRedirects: 0,
      });
      expect(posted.status()).toBe(404);
      expect(await posted.text()).not.toContain('赵六');

      const clerkAt = await signedIn(clerk.email, casePath(trackingNumber));
      expect(await clerkAt.page.locator('summary', { hasText: '延期答复' }).count()).toBe(0);
      const refused = await clerkAt.page.request.post(`${base()}${casePath(trackingNumber)}/extension`, {
        form: { _csrf: await csrfOf(clerkAt.page), workingDays: '5', reason: '经办人自行延期' },
        headers: { origin: base() },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
      const after = await api('GET', `/v1/agencies/${agencyId}/applications/${trackingNumber}`, {
        token: clerk.token,
      });
      expect(after.json.extensions).toEqual([]);
    },
    WALK_MS,
  );

  it(
    'a step with a wrong field is answered again (422) with the input kept and the error linked',
    async () => {
      const { trackingNumber } = await aRegisteredApplication(agencyId, clerk.token, {
        receivedOn: today(),
        now: `${today()}T02:00:00Z`,
      });
      const approverAt = await signedIn(approver.email, casePath(trackingNumber));
      const page = approverAt.page;
      await openStep(page, '延期答复');
      await page.getByLabel('延长的工作日数').fill('99');
      const reason = '材料较多，需要延期。';
      await page.getByLabel('延期理由').fill(reason);
      await page.getByRole('button', { name: '延期答复' }).click();
      expect(await page.title()).toContain('错误');
      expect(await page.getByLabel('延期理由').inputValue()).toBe(reason);
      expect(await page.getByLabel('延长的工作日数').inputValue()).toBe('99');
      await expect.poll(() => page.locator('.error-summary a[href="#f-workingDays"]').count()).toBe(1);
      await checkPage(page);

      // Corrected and sent; the same form sent again (a second click) takes no second step.
      await page.getByLabel('延长的工作日数').fill('3');
      const fields = await formOf(page, '/extension')
        .locator('input, textarea')
        .evaluateAll((inputs) =>
          inputs.map(
            (input) => [input.getAttribute('name') ?? '', (input as HTMLInputElement).value] as const,
          ),
        );
      await page.getByRole('button', { name: '延期答复' }).click();
      await expect.poll(() => page.getByText('答复期限已延长，并告知申请人。').count()).toBe(1);
      const again = await page.request.post(`${base()}${casePath(trackingNumber)}/extension`, {
        form: Object.fromEntries(fields.filter(([name]) => name !== '')),
        headers: { origin: base() },
        maxRedirects: 0,
      });
      expect(again.status()).toBe(409);
      expect(await again.text()).toContain('这一步没有再次办理');
      const after = await api('GET', `/v1/agencies/${agencyId}/applications/${trackingNumber}`, {
        token: clerk.token,
      });
      expect(after.json.extensions).toHaveLength(1);
    },
    WALK_MS,
  );
});
