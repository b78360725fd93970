import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateOf } from '#lib/domain/china-time';
import { aNewAgency, aStaffMember, localCloud, uniqueId } from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';
import { staffAtConsole } from '#test/support/console';

/**
 * The console's complaints (issue 14, pages 4 and 7), in Chromium with JavaScript off: a citizen complains
 * through the portal; a clerk of the agency sees it in the list (the answer date and the days left, the
 * complainant's contact masked) and is not offered the answer, and a post of it anyway is refused; the
 * supervisor sees the contact, answers (a form with a problem comes back with the input kept), and the
 * complainant's receipt shows the answer. Another agency's supervisor gets the not-found page for it.
 * One check with JavaScript on.
 */

const WALK_MS = 300_000;
let browser: Browser;
let agencyId: string;
let clerk: { email: string };
let supervisor: { email: string };
let strangerSupervisor: { email: string };

beforeAll(async () => {
  const [launched, agency, other] = await Promise.all([launchBrowser(), aNewAgency(), aNewAgency()]);
  browser = launched;
  agencyId = agency.agencyId;
  [clerk, supervisor, strangerSupervisor] = await Promise.all([
    aStaffMember(agency.agencyId, ['clerk']),
    aStaffMember(agency.agencyId, ['supervisor']),
    aStaffMember(other.agencyId, ['supervisor']),
  ]);
}, 180_000);
afterAll(async () => {
  await browser.close();
});

const base = () => localCloud().baseUrl;
/** Complaints filed in this run are received today (China time) and answered within 30 days. */
const received = chinaDateOf(new Date());
/** 30 natural days on: the answer date, unless that day is off (then the next working day). */
const thirtyDaysOn = chinaDateOf(new Date(Date.parse(`${received}T00:00:00+08:00`) + 30 * 86_400_000));
const CONTACT = '13900001111';

/** The form token of the page the person is on (every console page has one: the sign-out form). */
const csrfOf = async (page: Page): Promise<string> =>
  (await page.locator('input[name=_csrf]').first().getAttribute('value')) ?? '';

describe('complaints at the console', () => {
  it(
    'a complaint is listed, refused to a clerk, answered by the supervisor, and the answer reaches the complainant',
    async () => {
      // A citizen complains through the portal, JavaScript off.
      const citizen = await newPerson(browser, { javaScript: false });
      const portal = await citizen.newPage();
      await portal.goto(`${base()}/agencies/${agencyId}/complaints/new`);
      const subject = `申请逾期未答复 ${uniqueId('c')}`;
      await portal.getByLabel('姓名或名称').fill('赵六');
      await portal.getByLabel('联系方式').fill(CONTACT);
      await portal.getByLabel('投诉事由').fill(subject);
      await portal.getByLabel('事实和理由').fill('10月申请公开道路维修计划，至今未收到答复。');
      await portal.getByRole('button', { name: '提交投诉' }).click();
      await portal.getByRole('heading', { name: '投诉举报回执' }).waitFor();
      const complaintId = new URL(portal.url()).pathname.split('/').at(-1) ?? '';
      expect(complaintId).toMatch(/^cmp_[0-9a-f]{12}$/);

      // The clerk: the list, the complaint with its contact masked, no answer form.
      const asClerk = await staffAtConsole(browser, clerk.email, { startAt: '/console/complaints' });
      const list = asClerk.page;
      await list.getByRole('heading', { name: '投诉举报', level: 1 }).waitFor();
      const row = list.getByRole('row').filter({ hasText: subject });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.locator('time').first().getAttribute('datetime')).toBe(received);
      // Thirty natural days on, or the first working day after them (a holiday moves it: at most ten days).
      const answerBy = (await row.locator('time').nth(1).getAttribute('datetime')) ?? '';
      const daysLeft = (Date.parse(answerBy) - Date.parse(received)) / 86_400_000;
      expect(answerBy >= thirtyDaysOn).toBe(true);
      expect(daysLeft).toBeLessThanOrEqual(40);
      expect(await row.locator('.tag').innerText()).toBe(`还剩${daysLeft}天`);
      await checkPage(list);
      await screenshots(list, 'console-complaints-list');
      await row.getByRole('link', { name: subject }).click();
      await list.getByRole('heading', { name: subject, level: 1 }).waitFor();
      const clerkView = await list.locator('main').innerText();
      expect(clerkView).not.toContain(CONTACT);
      expect(clerkView).toContain('*******1111');
      expect(clerkView).toContain('尚未答复');
      expect(await list.locator(`form[action="/console/complaints/${complaintId}/answer"]`).count()).toBe(0);
      await checkPage(list);
      await screenshots(list, 'console-complaint-clerk');
      // Posting the answer anyway is refused with a page, and nothing is answered.
      const forged = await asClerk.context.request.post(
        `${base()}/console/complaints/${complaintId}/answer`,
        {
          form: { _csrf: await csrfOf(list), upheld: 'yes', answer: '经办人自己答复' },
          headers: { origin: base() },
          maxRedirects: 0,
        },
      );
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain('答复投诉需要监督人角色');

      // The supervisor: the contact whole; an answer without a finding comes back with its text kept.
      const asSupervisor = await staffAtConsole(browser, supervisor.email, {
        startAt: '/console/complaints?due=overdue',
      });
      const work = asSupervisor.page;
      await work.getByText('没有超过答复期限的投诉。').waitFor();
      expect(await work.getByLabel('答复期限').inputValue()).toBe('overdue');
      await checkPage(work);
      await screenshots(work, 'console-complaints-overdue');
      // Due within five days: not this one either (30 days left); with any date, it is there.
      await work.getByLabel('答复期限').selectOption('soon');
      await work.getByRole('button', { name: '筛选' }).click();
      await work.getByText('没有即将到期或已逾期的投诉。').waitFor();
      expect(new URL(work.url()).search).toBe('?status=open&due=soon');
      await work.getByLabel('答复期限').selectOption('');
      await work.getByRole('button', { name: '筛选' }).click();
      await work.getByRole('row').filter({ hasText: subject }).waitFor();
      await work.goto(`${base()}/console/complaints/${complaintId}`);
      expect(await work.locator('main').innerText()).toContain(CONTACT);
      const answer =
        '经核查，该申请确已逾期。已责成经办科室于5个工作日内作出答复，并对相关人员进行批评教育。';
      await work.getByLabel('答复内容').fill(answer);
      await work.getByRole('button', { name: '提交答复' }).click();
      await work.locator('.error-summary').waitFor();
      expect(await work.locator('.error-summary a').innerText()).toBe('请选择调查结论');
      expect(await work.locator('.error-summary a').getAttribute('href')).toBe('#f-upheld');
      expect(await work.getByLabel('答复内容').inputValue()).toBe(answer);
      await checkPage(work);
      await screenshots(work, 'console-complaint-answer-error');
      await work.getByLabel('投诉属实').check();
      await work.getByRole('button', { name: '提交答复' }).click();
      await work.getByText('答复已提交，投诉人可以在回执页上看到。').waitFor();
      expect(new URL(work.url()).search).toBe('?done=answered');
      const answered = await work.locator('main').innerText();
      expect(answered).toContain(answer);
      expect(answered).toContain('按期答复');
      expect(answered).toContain('职员 supervisor');
      expect(await work.locator('textarea').count()).toBe(0);
      await checkPage(work);
      await screenshots(work, 'console-complaint-answered');

      // The answered list, and its CSV (BOM, attachment, injection-safe cells; no complainant's data).
      await work.goto(`${base()}/console/complaints?status=answered`);
      const answeredRow = work.getByRole('row').filter({ hasText: subject });
      expect(await answeredRow.locator('.tag').innerText()).toBe('按期答复');
      await checkPage(work);
      await screenshots(work, 'console-complaints-answered');
      const csv = await asSupervisor.context.request.get(
        `${base()}/console/complaints?status=answered&format=csv`,
      );
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers()['content-disposition']).toMatch(/^attachment;/);
      const csvText = (await csv.body()).toString('utf8');
      expect(csvText.startsWith('\uFEFF"投诉编号"')).toBe(true);
      expect(csvText).toContain(
        `"${complaintId}","已答复","${subject}","${received}","${answerBy}","按期答复"`,
      );
      expect(csvText).not.toContain(CONTACT);

      // The complainant's receipt shows the answer.
      await portal.reload();
      await portal.getByRole('heading', { name: '投诉举报回执' }).waitFor();
      const receipt = await portal.locator('main').innerText();
      expect(receipt).toContain(answer);
      expect(receipt).not.toContain('职员 supervisor');
      await checkPage(portal);

      // Another agency's supervisor: the complaint is not in their list; its page and its form answer
      // the not-found page, with nothing of it.
      const stranger = await staffAtConsole(browser, strangerSupervisor.email, {
        startAt: '/console/complaints',
      });
      expect(await stranger.page.locator('main').innerText()).not.toContain(subject);
      const strangerToken = await csrfOf(stranger.page);
      await stranger.page.goto(`${base()}/console/complaints/${complaintId}`);
      await stranger.page.getByRole('heading', { name: '未找到该页面' }).waitFor();
      expect(await stranger.page.locator('main').innerText()).not.toContain(subject);
      await checkPage(stranger.page);
      await screenshots(stranger.page, 'console-complaint-other-agency');
      const strangerPost = await stranger.context.request.post(
        `${base()}/console/complaints/${complaintId}/answer`,
        {
          form: { _csrf: strangerToken, upheld: 'no', answer: '他机关' },
          headers: { origin: base() },
          maxRedirects: 0,
        },
      );
      expect(strangerPost.status()).toBe(404);
      expect(await strangerPost.text()).not.toContain(subject);

      await Promise.all([citizen.close(), asClerk.context.close(), asSupervisor.context.close()]);
      await stranger.context.close();
    },
    WALK_MS,
  );

  it(
    'with JavaScript on, the list and a complaint read the same and pass the checks',
    async () => {
      const asSupervisor = await staffAtConsole(browser, supervisor.email, {
        javaScript: true,
        startAt: '/console/complaints?status=answered',
      });
      const page = asSupervisor.page;
      await page.getByRole('heading', { name: '投诉举报', level: 1 }).waitFor();
      await checkPage(page);
      await screenshots(page, 'console-complaints-js');
      await page.locator('tbody a').first().click();
      await page.getByRole('heading', { name: '答复', exact: true }).waitFor();
      expect(await page.locator('main').innerText()).toContain('按期答复');
      await checkPage(page);
      await screenshots(page, 'console-complaint-js');
      await asSupervisor.context.close();
    },
    WALK_MS,
  );
});
