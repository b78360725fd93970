import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNewAgency, aStaffMember, api, localCloud } from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';
import { staffAtConsole } from '#test/support/console';

/**
 * The console's annual report (issue 14, page 5), in Chromium with JavaScript off, for an agency of its
 * own whose 2024 report was published through the API: a clerk finds 2025's report late, enters the
 * figures (a wrong one comes back with the input kept), drafts, sees each failing check at its cell —
 * a carry-over that does not match last year's published report, and the empty narrative sections —
 * fixes them and previews the report in the national format. The clerk is not offered publication and a
 * forged post is refused; the approver publishes after a confirmation; the portal shows the report. A
 * correction publishes edition 2, and both editions are listed. One check with JavaScript on.
 */

const WALK_MS = 420_000;
let browser: Browser;
let agencyId: string;
let clerk: { email: string; token: string };
let approver: { email: string; token: string };
let supervisor: { email: string };
let stranger: { email: string };

beforeAll(async () => {
  const [launched, agency, other] = await Promise.all([launchBrowser(), aNewAgency(), aNewAgency()]);
  browser = launched;
  agencyId = agency.agencyId;
  [clerk, approver, supervisor, stranger] = await Promise.all([
    aStaffMember(agencyId, ['clerk']),
    aStaffMember(agencyId, ['approver']),
    aStaffMember(agencyId, ['supervisor']),
    aStaffMember(other.agencyId, ['supervisor']),
  ]);
  // Last year's report, published: nothing was carried over to 2025 (四 is 0 in every column).
  const url = `/v1/agencies/${agencyId}/annual-reports/2024`;
  const drafted = await api('POST', `${url}/draft`, { token: clerk.token, body: {} });
  expect(drafted.status, drafted.text).toBe(200);
  const narrative = { general: '2024年总体情况。', problems: '存在的问题。', other: '无其他事项。' };
  const edited = await api('PUT', url, {
    token: clerk.token,
    body: { version: drafted.json.version, ...narrative },
  });
  expect(edited.status, edited.text).toBe(200);
  const published = await api('POST', `${url}/publication`, {
    token: approver.token,
    body: { version: edited.json.version },
  });
  expect(published.status, published.text).toBe(200);
}, 180_000);
afterAll(async () => {
  await browser.close();
});

const base = () => localCloud().baseUrl;
const csrfOf = async (page: Page): Promise<string> =>
  (await page.locator('input[name=_csrf]').first().getAttribute('value')) ?? '';
const CARRIED_IN_CELL = '#f-cell-applications-natural_person-carriedIn';

describe('the annual report at the console', () => {
  it(
    'a clerk enters figures and narrative, fixes each failing check at its cell, previews; the approver publishes; corrections are editions',
    async () => {
      const asClerk = await staffAtConsole(browser, clerk.email, { startAt: '/console/annual-reports' });
      const page = asClerk.page;
      await page.getByRole('heading', { name: '年度报告', level: 1 }).waitFor();
      const row2025 = page.getByRole('row').filter({ hasText: '2025年度' });
      expect(await row2025.locator('.tag').innerText()).toMatch(/^已逾期\d+天未公布$/);
      expect(await row2025.innerText()).toContain('未开始');
      const row2024 = page.getByRole('row').filter({ hasText: '2024年度' });
      expect(await row2024.innerText()).toContain('已公布（第1版）');
      expect(await row2024.locator('.tag').innerText()).toMatch(/^逾期\d+天公布$/);
      expect(await page.getByRole('row').filter({ hasText: '2026年度' }).locator('.tag').innerText()).toBe(
        '本年度尚未结束',
      );
      await checkPage(page);
      await screenshots(page, 'console-reports-list');

      // The supervisor records a reconsideration that table 四 counts (a result without its day comes
      // back with the input kept); the clerk reads it and is offered no form; another agency: not found.
      const asSupervisor = await staffAtConsole(browser, supervisor.email, {
        startAt: '/console/annual-reports/legal-challenges',
      });
      const cases = asSupervisor.page;
      await cases.getByText('尚未登记案件。').waitFor();
      await cases.getByLabel('行政复议', { exact: true }).check();
      await cases.getByLabel('申请或立案日期').fill('2025-05-10');
      await cases.getByLabel(/^案号/).fill('示复〔2025〕7号');
      await cases.getByLabel('结果纠正').check();
      await cases.getByRole('button', { name: '登记案件' }).click();
      await cases.locator('.error-summary').waitFor();
      expect(await cases.locator('.error-summary a').allInnerTexts()).toEqual(['已有结果的，请填写审结日期']);
      expect(await cases.getByLabel(/^案号/).inputValue()).toBe('示复〔2025〕7号');
      expect(await cases.getByLabel('结果纠正').isChecked()).toBe(true);
      await checkPage(cases);
      await screenshots(cases, 'console-challenges-error');
      await cases.getByLabel(/^审结日期/).fill('2025-09-01');
      await cases.getByRole('button', { name: '登记案件' }).click();
      await cases.getByText('案件已登记').waitFor();
      const challengeUrl = cases.url().replace(/\?.*$/, '');
      expect(challengeUrl).toMatch(/\/console\/annual-reports\/legal-challenges\/lc_[0-9a-f]{12}$/);
      await checkPage(cases);
      await screenshots(cases, 'console-challenge');
      await page.goto(`${base()}/console/annual-reports/legal-challenges`);
      expect(await page.getByRole('row').filter({ hasText: '示复〔2025〕7号' }).innerText()).toContain(
        '结果纠正',
      );
      expect(await page.locator('form[action="/console/annual-reports/legal-challenges"]').count()).toBe(0);
      await checkPage(page);
      await screenshots(page, 'console-challenges');
      const elsewhere = await staffAtConsole(browser, stranger.email, {
        startAt: new URL(challengeUrl).pathname,
      });
      await elsewhere.page.getByRole('heading', { name: '未找到该页面' }).waitFor();
      expect(await elsewhere.page.locator('main').innerText()).not.toContain('示复〔2025〕7号');
      await Promise.all([asSupervisor.context.close(), elsewhere.context.close()]);

      // The figures: a wrong one comes back at its field, with what was typed kept.
      await page.goto(`${base()}/console/annual-reports`);
      await row2025.getByRole('link', { name: '2025年度' }).click();
      await page.getByRole('heading', { name: '2025年度政府信息公开工作年度报告' }).waitFor();
      expect(await page.getByRole('button', { name: '生成草稿' }).count()).toBe(1);
      await checkPage(page);
      await screenshots(page, 'console-report-empty');
      await page.getByLabel('行政许可：本年处理决定数量').fill('十二');
      await page.getByLabel('行政处罚：本年处理决定数量').fill('3');
      await page.getByLabel('行政强制：本年处理决定数量').fill('1');
      await page.getByLabel('行政事业性收费：本年收费金额（万元）').fill('2.5');
      // A mistake: 2 applications "carried over" that last year's published report does not carry.
      await page.getByLabel('上年结转的申请数：自然人').fill('2');
      await page.getByRole('button', { name: '保存数据' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary a').allInnerTexts()).toEqual(['请填写不小于0的整数']);
      expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#f-licensing');
      expect(await page.getByLabel('行政许可：本年处理决定数量').inputValue()).toBe('十二');
      expect(await page.getByLabel('行政处罚：本年处理决定数量').inputValue()).toBe('3');
      await checkPage(page);
      await screenshots(page, 'console-report-figures-error');
      await page.getByLabel('行政许可：本年处理决定数量').fill('12');
      await page.getByRole('button', { name: '保存数据' }).click();
      await page.getByText('数据已保存').waitFor();

      // The draft: every failing check at its cell, linked from the summary.
      await page.getByRole('button', { name: '生成草稿' }).click();
      await page.getByText('草稿已按最新的办理记录生成').waitFor();
      const summaryLinks = page.locator('.error-summary a');
      expect(await summaryLinks.allInnerTexts()).toEqual([
        '表三“二、上年结转政府信息公开申请数量”自然人列：上年结转数应等于上一年度报告的“结转下年度继续办理”数（0）',
        '一、总体情况：这一部分不能为空',
        '五、存在的主要问题及改进情况：这一部分不能为空',
        '六、其他需要报告的事项：这一部分不能为空',
      ]);
      expect(
        await summaryLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ).toEqual([CARRIED_IN_CELL, '#f-general', '#f-problems', '#f-other']);
      const cell = page.locator(CARRIED_IN_CELL);
      expect(await cell.innerText()).toContain('2');
      expect(await cell.locator('.error-message').innerText()).toContain(
        '上年结转数应等于上一年度报告的“结转下年度继续办理”数（0）',
      );
      expect(await page.locator('#f-general-error').innerText()).toContain('这一部分不能为空');
      expect(await page.locator('.cell-error').count()).toBe(1);
      expect(await page.locator('#f-cell-challenges-reconsideration-corrected').innerText()).toBe('1');
      expect(await page.getByRole('link', { name: /^公布第/ }).count()).toBe(0);
      await checkPage(page);
      await screenshots(page, 'console-report-checks');
      // (After the checks: the replay axe runs in cannot follow an address with a fragment.)
      await summaryLinks.first().click();
      expect(new URL(page.url()).hash).toBe(CARRIED_IN_CELL);

      // The fix: no opening figure (the agency's earlier years are here), drafted again.
      await page.getByLabel('上年结转的申请数：自然人').fill('');
      await page.getByRole('button', { name: '保存数据' }).click();
      await page.getByText('数据已保存').waitFor();
      await page.getByRole('button', { name: '重新生成草稿' }).click();
      await page.getByText('草稿已按最新的办理记录生成').waitFor();
      expect(await page.locator('.cell-error').count()).toBe(0);
      expect(await page.locator('.error-summary a').count()).toBe(3);

      // The narrative: two sections written, the third still flagged at its text area, then written.
      await page.getByLabel('一、总体情况').fill('2025年，本机关坚持以公开为常态、不公开为例外。');
      await page.getByLabel('五、存在的主要问题及改进情况').fill('政策解读形式较为单一，下一步将增加图解。');
      await page.getByRole('button', { name: '保存叙述部分' }).click();
      await page.getByText('叙述部分已保存。').waitFor();
      expect(await page.locator('.error-summary a').allInnerTexts()).toEqual([
        '六、其他需要报告的事项：这一部分不能为空',
      ]);
      expect(await page.getByLabel('一、总体情况').inputValue()).toBe(
        '2025年，本机关坚持以公开为常态、不公开为例外。',
      );
      await page.getByLabel('六、其他需要报告的事项').fill('本年度未收取信息处理费。');
      await page.getByRole('button', { name: '保存叙述部分' }).click();
      await page.getByText('叙述部分已保存。').waitFor();
      expect(await page.locator('.error-summary').count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain('全部检查通过');
      await checkPage(page);
      await screenshots(page, 'console-report-ready');

      // The preview, in the national format.
      await page.getByRole('link', { name: '预览（国家统一格式）' }).first().click();
      await page.getByRole('heading', { name: /2025年政府信息公开工作年度报告$/ }).waitFor();
      const preview = await page.locator('.report-frame').innerText();
      expect(preview).toContain('2025年，本机关坚持以公开为常态、不公开为例外。');
      expect(preview).toContain('草稿（未公布）');
      expect(await page.locator('.report-frame #table-3').count()).toBe(1);
      await checkPage(page);
      await screenshots(page, 'console-report-preview');

      // The clerk is not offered publication; the confirmation page and a forged post are refused.
      await page.goto(`${base()}/console/annual-reports/2025`);
      expect(await page.getByRole('link', { name: /^公布第/ }).count()).toBe(0);
      const token = await csrfOf(page);
      const confirm = await asClerk.context.request.get(`${base()}/console/annual-reports/2025/publication`);
      expect(confirm.status()).toBe(403);
      const forged = await asClerk.context.request.post(`${base()}/console/annual-reports/2025/publication`, {
        form: { _csrf: token, version: '9' },
        headers: { origin: base() },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain('没有权限');
      const still = await api('GET', `/v1/agencies/${agencyId}/annual-reports/2025`);
      expect(still.status).toBe(404);

      // The approver publishes, after the confirmation.
      const asApprover = await staffAtConsole(browser, approver.email, {
        startAt: '/console/annual-reports/2025',
      });
      const leader = asApprover.page;
      expect(await leader.locator('textarea').count()).toBe(0);
      await leader.getByRole('link', { name: '公布第1版…' }).click();
      await leader.getByRole('heading', { name: '公布2025年度报告第1版' }).waitFor();
      expect(await leader.locator('main').innerText()).toContain('公布后不能撤回或修改');
      await checkPage(leader);
      await screenshots(leader, 'console-report-publication');
      await leader.getByRole('button', { name: '确认公布第1版' }).click();
      await leader.getByText('年度报告已公布').waitFor();
      const editions = leader.locator('#editions + p + ol > li');
      expect(await editions.count()).toBe(1);
      expect(await editions.first().innerText()).toContain('第1版');
      expect(await editions.first().innerText()).toContain('现行版本');
      expect(await leader.locator('main').innerText()).toMatch(/逾期\d+天公布/);
      await checkPage(leader);
      await screenshots(leader, 'console-report-published');

      // The portal's annual reports page shows it.
      const citizen = await newPerson(browser, { javaScript: false });
      const portal = await citizen.newPage();
      await portal.goto(`${base()}/agencies/${agencyId}/annual-reports`);
      await portal.getByRole('link', { name: /2025/ }).first().click();
      await portal.locator('.report-frame').waitFor();
      expect(await portal.locator('.report-frame').innerText()).toContain('本年度未收取信息处理费。');
      await checkPage(portal);

      // A correction: the clerk edits the narrative, the approver publishes edition 2; both are listed.
      await page.goto(`${base()}/console/annual-reports/2025`);
      expect(await page.locator('main').innerText()).toContain('保存修改将开始更正');
      await page
        .getByLabel('六、其他需要报告的事项')
        .fill('本年度未收取信息处理费。更正：补充说明无人大代表建议。');
      await page.getByRole('button', { name: '保存叙述部分' }).click();
      await page.getByText('叙述部分已保存。').waitFor();
      expect(await page.locator('main').innerText()).toContain('第1版已公布，正在更正');
      await leader.goto(`${base()}/console/annual-reports/2025/publication`);
      expect(await leader.locator('main').innerText()).toContain('这是一次更正');
      await leader.getByRole('button', { name: '确认公布第2版' }).click();
      await leader.getByText('年度报告已公布').waitFor();
      expect(await editions.count()).toBe(2);
      expect(await editions.allInnerTexts()).toEqual([
        expect.stringMatching(/第2版[\s\S]*现行版本/),
        expect.stringMatching(/第1版[\s\S]*已被更正/),
      ]);
      // (A new reader: the portal's pages may be kept a minute by a browser that read them.)
      const reader = await newPerson(browser, { javaScript: false });
      const corrected = await reader.newPage();
      await corrected.goto(`${base()}/agencies/${agencyId}/annual-reports/2025`);
      expect(await corrected.locator('.report-frame').innerText()).toContain(
        '更正：补充说明无人大代表建议。',
      );
      expect(await corrected.locator('main').innerText()).toContain('第1版');
      await checkPage(corrected);

      await Promise.all([
        asClerk.context.close(),
        asApprover.context.close(),
        citizen.close(),
        reader.close(),
      ]);
    },
    WALK_MS,
  );

  it(
    'with JavaScript on, the years and a report read the same and pass the checks',
    async () => {
      const asApprover = await staffAtConsole(browser, approver.email, {
        javaScript: true,
        startAt: '/console/annual-reports/2025',
      });
      await asApprover.page.getByRole('heading', { name: '2025年度政府信息公开工作年度报告' }).waitFor();
      await checkPage(asApprover.page);
      await screenshots(asApprover.page, 'console-report-js');
      await asApprover.context.close();
    },
    WALK_MS,
  );
});
