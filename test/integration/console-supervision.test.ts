import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aNewAgency,
  anOffice,
  api,
  aRegisteredApplication,
  aStaffMember,
  localCloud,
} from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';
import { staffAtConsole } from '#test/support/console';

/**
 * The console's supervision pages (issue 16), in Chromium with JavaScript off, on the business day
 * 2047-06-14 (`X-Gongkai-Now`): a city government with two departments; its supervisor opens 监督, reads
 * the compliance table from January 1, sorts it by a column, narrows the period, is told what is wrong
 * with a date that does not exist, exports the CSV, and reads the 2047 assessment. A clerk is not shown
 * the section and is refused it.
 */
const WALK_MS = 300_000;
const TODAY = '2047-06-14';
const at = (date: string) => `${date}T02:00:00Z`;
let browser: Browser;
let government: string;
let schools: string;
let roads: string;
let supervisor: { email: string };
let clerk: { email: string };

beforeAll(async () => {
  browser = await launchBrowser();
  government = (
    await aNewAgency({
      level: 'government',
      name: '丙市人民政府',
      profile: anOffice({ fax: '0591-87654322' }),
    })
  ).agencyId;
  schools = (await aNewAgency({ name: '丙市教育局', parentAgencyId: government })).agencyId;
  roads = (await aNewAgency({ name: '丙市交通局', parentAgencyId: government })).agencyId;
  supervisor = await aStaffMember(government, ['supervisor']);
  clerk = await aStaffMember(government, ['clerk']);
  // 丙市教育局: received Mon 03-04, answered Mon 03-11 (5 working days); 丙市交通局: received 03-05, open.
  const schoolsClerk = await aStaffMember(schools, ['clerk']);
  const received = await aRegisteredApplication(schools, schoolsClerk.token, { receivedOn: '2047-03-04' });
  const decided = await api(
    'POST',
    `/v1/agencies/${schools}/applications/${received.trackingNumber}/decision`,
    {
      token: schoolsClerk.token,
      body: { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2047-03-11' } },
      now: at('2047-03-11'),
    },
  );
  expect(decided.status, decided.text).toBe(200);
  const roadsClerk = await aStaffMember(roads, ['clerk']);
  await aRegisteredApplication(roads, roadsClerk.token, { receivedOn: '2047-03-05' });
}, 180_000);
afterAll(async () => {
  await browser.close();
});

const cellOf = async (page: Page, agency: string, column: number) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: agency, exact: true }) })
    .locator('td')
    .nth(column)
    .innerText();

describe('supervision at the console', () => {
  it(
    'compliance from January 1: sorted, narrowed, a wrong date explained, exported',
    async () => {
      const { context, page } = await staffAtConsole(browser, supervisor.email);
      await context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      await page.goto(`${localCloud().baseUrl}/console`);
      await page.getByRole('navigation').getByRole('link', { name: '监督' }).click();
      await page.getByRole('heading', { name: '依法履职情况', level: 1 }).waitFor();
      expect(await page.locator('caption').innerText()).toBe(
        '2047-01-01至2047-06-14，丙市人民政府及所属2个机关',
      );
      const names = () => page.locator('tbody th[scope=row]').allInnerTexts();
      expect((await names())[0]).toBe('丙市人民政府');
      expect((await names()).slice(1).sort()).toEqual(['丙市交通局', '丙市教育局']);
      // Columns after the agency: received, answered, late, average, longest, …
      expect(await cellOf(page, '丙市教育局', 0)).toBe('1');
      expect(await cellOf(page, '丙市教育局', 1)).toBe('1');
      expect(await cellOf(page, '丙市教育局', 3)).toBe('5');
      expect(await cellOf(page, '丙市交通局', 3)).toBe('—');
      expect(await page.locator('tfoot td').first().innerText()).toBe('2');
      await checkPage(page);
      await screenshots(page, 'console-supervision');

      // Sort by the average reply time: the column's link; the column says it is sorted.
      await page.getByRole('link', { name: '按“平均答复用时（工作日）”排序' }).click();
      await page.getByRole('heading', { name: '依法履职情况', level: 1 }).waitFor();
      expect(await names()).toEqual(['丙市教育局', '丙市人民政府', '丙市交通局']);
      expect(await page.locator('th[aria-sort=descending]').innerText()).toContain('平均答复用时');

      // From 03-05 on, 丙市教育局's application was received before the period; its answer is in it.
      await page.getByLabel('起始日期').fill('2047-03-05');
      await page.getByRole('button', { name: '查看' }).click();
      await page.getByRole('heading', { name: '依法履职情况', level: 1 }).waitFor();
      expect(new URL(page.url()).searchParams.get('from')).toBe('2047-03-05');
      expect(await cellOf(page, '丙市教育局', 0)).toBe('0');
      expect(await cellOf(page, '丙市教育局', 1)).toBe('1');

      // A date that does not exist: the summary links to the field, which says what is wrong.
      await page.getByLabel('起始日期').fill('2047-02-30');
      await page.getByRole('button', { name: '查看' }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('link').innerText()).toContain('起始日期须为有效日期');
      expect(await page.getByLabel('起始日期').inputValue()).toBe('2047-02-30');
      expect(await page.locator('table').count()).toBe(0);
      await checkPage(page);

      // The CSV of the period: headed in Chinese, every agency, each kind of breach.
      const csv = await page.request.get(
        `${localCloud().baseUrl}/console/supervision?from=2047-01-01&to=${TODAY}&format=csv`,
      );
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toContain('"收到申请"');
      expect(lines[0]).toContain('"答复逾期（未纠正）"');
      expect(lines.find((line) => line.includes(schools))).toContain(`"${government}"`);
      await context.close();
    },
    WALK_MS,
  );

  it(
    'the 2047 assessment: each agency’s measured score, and what each item counts',
    async () => {
      const { context, page } = await staffAtConsole(browser, supervisor.email);
      await context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      await page.goto(`${localCloud().baseUrl}/console/supervision`);
      await page.getByRole('link', { name: '年度考核评分' }).click();
      await page.getByRole('heading', { name: '2046年度考核评分', level: 1 }).waitFor();
      await page.getByLabel('考核年度').selectOption('2047');
      await page.getByRole('button', { name: '查看' }).click();
      await page.getByRole('heading', { name: '2047年度考核评分', level: 1 }).waitFor();
      const scoreOf = (agency: string) =>
        page
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: agency, exact: true }) })
          .first()
          .locator('td')
          .first()
          .innerText();
      // Office details 3, publications 4, display 3, complaints 3, replies 6: the government all seven
      // details; the departments no fax (3 × 6/7 = 2.57).
      expect(await scoreOf('丙市人民政府')).toBe('19 / 19');
      expect(await scoreOf('丙市教育局')).toBe('18.57 / 19');
      const details = page.locator(`#as-${schools}`);
      const replies = details.getByRole('row').filter({ hasText: '在法定期限内答复的申请' });
      expect(await replies.innerText()).toContain('1 / 1');
      await checkPage(page);
      await screenshots(page, 'console-assessment');
      await context.close();
    },
    WALK_MS,
  );

  it(
    'the roll-up of 2045: read by a supervisor, published by a supervisor who approves, as a new edition',
    async () => {
      const onlySupervising = await staffAtConsole(browser, supervisor.email);
      await onlySupervising.context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      const look = onlySupervising.page;
      await look.goto(`${localCloud().baseUrl}/console/supervision`);
      await look.getByRole('link', { name: '年度报告汇总' }).click();
      await look.getByRole('heading', { name: '2046年度报告汇总', level: 1 }).waitFor();
      await look.getByLabel('年度', { exact: true }).selectOption('2045');
      await look.getByRole('button', { name: '查看' }).click();
      await look.getByRole('heading', { name: '2045年度报告汇总', level: 1 }).waitFor();
      expect(await look.locator('.report-frame h1').innerText()).toBe(
        '丙市人民政府（汇总）2045年政府信息公开工作年度报告',
      );
      expect(await look.locator('body').innerText()).toContain('公布汇总报告须由本机关的审批人');
      expect(await look.getByRole('button', { name: /公布为本机关的汇总报告/ }).count()).toBe(0);
      await checkPage(look);
      await onlySupervising.context.close();

      const publisher = await aStaffMember(government, ['supervisor', 'approver']);
      const { context, page } = await staffAtConsole(browser, publisher.email, {
        startAt: '/console/supervision/roll-up?year=2045',
      });
      await context.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      await page.goto(`${localCloud().baseUrl}/console/supervision/roll-up?year=2045`);
      const unpublished = page.locator('dd ul li');
      expect((await unpublished.allInnerTexts()).sort()).toEqual([
        '丙市交通局',
        '丙市人民政府',
        '丙市教育局',
      ]);
      await page.getByRole('button', { name: '公布为本机关的汇总报告（第1版）' }).click();
      await page.getByText('已公布第1版汇总报告').waitFor();
      expect(new URL(page.url()).searchParams.get('done')).toBe('1');
      expect(await page.getByRole('button', { name: '公布为本机关的汇总报告（第2版）' }).count()).toBe(1);
      await checkPage(page);
      await screenshots(page, 'console-roll-up');
      const portal = await api('GET', `/v1/agencies/${government}/roll-ups/2045/published`);
      expect(portal.json.seal.edition).toBe(1);
      await context.close();
    },
    WALK_MS,
  );

  it(
    'a clerk is not shown the section and is refused it',
    async () => {
      const { context, page } = await staffAtConsole(browser, clerk.email);
      expect(await page.getByRole('navigation').getByRole('link', { name: '监督' }).count()).toBe(0);
      const refused = await page.goto(`${localCloud().baseUrl}/console/supervision`);
      expect(refused?.status()).toBe(403);
      await page.getByRole('heading', { name: '无权查看' }).waitFor();
      await checkPage(page);
      await context.close();
    },
    WALK_MS,
  );

  it(
    'the government’s published roll-up on the portal, as a citizen reads it',
    async () => {
      const approver = await aStaffMember(government, ['approver']);
      const published = await api('POST', `/v1/agencies/${government}/roll-ups/2046/publication`, {
        token: approver.token,
        body: { version: 0 },
        now: at('2047-02-01'),
      });
      expect(published.status, published.text).toBe(200);
      const citizen = await newPerson(browser, { javaScript: false });
      const page = await citizen.newPage();
      const answer = await page.goto(`${localCloud().baseUrl}/agencies/${government}/roll-ups/2046`);
      expect(answer?.status()).toBe(200);
      await page
        .getByRole('heading', { name: '丙市人民政府（汇总）2046年政府信息公开工作年度报告' })
        .waitFor();
      expect(await page.locator('body').innerText()).toContain('所属2个机关');
      expect(await page.locator('body').innerText()).toContain(published.json.seal.sha256);
      await checkPage(page);
      await screenshots(page, 'portal-roll-up');
      const none = await page.goto(`${localCloud().baseUrl}/agencies/${government}/roll-ups/2044`);
      expect(none?.status()).toBe(404);

      // The public part of compliance: what the agencies publish anyway, for the whole of 2047 so far.
      await citizen.setExtraHTTPHeaders({ 'x-gongkai-now': `${TODAY}T03:00:00Z` });
      const shown = await page.goto(`${localCloud().baseUrl}/agencies/${government}/compliance/2047`);
      expect(shown?.status()).toBe(200);
      await page.getByRole('heading', { name: '丙市人民政府及所属机关2047年政府信息公开情况' }).waitFor();
      const row = (agency: string) =>
        page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: agency, exact: true }) });
      expect(await row('丙市教育局').locator('td').allInnerTexts()).toEqual(['1', '1', '0', '尚未公布']);
      expect(await row('丙市交通局').locator('td').allInnerTexts()).toEqual(['1', '0', '0', '尚未公布']);
      expect(await page.locator('caption').innerText()).toBe('2047-01-01至2047-06-14，共3个机关');
      await checkPage(page);
      const future = await page.goto(`${localCloud().baseUrl}/agencies/${government}/compliance/2048`);
      expect(future?.status()).toBe(404);
      await citizen.close();
    },
    WALK_MS,
  );
});
