import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDocument,
  anAgencyWithStaff,
  anOffice,
  anUpload,
  api,
  aPublishedDocument,
  localCloud,
  throughTheReviewChain,
  uniqueId,
} from '#test/support/api';
import { assets } from '#lib/web/assets/index';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';

/**
 * Finding and reading, as a person does it in Chromium with JavaScript off and on: the home page finds the
 * agency by name; its home, its guide, its reading room (by category, by year, searched by a word of a
 * title and by a document number, the next page), a publication and its file, an earlier version, a
 * withdrawn item, the annual reports and a report. axe-core on every page, screenshots of each. The
 * agency and its data are made through the API here, whatever the demo seed holds.
 */
let browser: Browser;
const base = () => localCloud().baseUrl;
const at = (date: string) => `${date}T02:00:00Z`;

const FILE_TEXT = '%PDF-1.4 城市道路维修计划（测试附件）';
const suffix = uniqueId('r').slice(2);
const AGENCY_NAME = `阅览测试局${suffix}`;
const GUIDE_SECTION = { title: '查阅点', body: '本局一楼大厅设政府信息公开查阅点。\n周一至周五开放。' };

const data = {
  agencyId: '',
  roads: '', // with a file, then revised: two versions
  withdrawn: '',
};

/** A document (aDocument without a number, unless given) taken through the agency's review chain. */
const published = (agencyId: string, document: Record<string, unknown>, now?: string) =>
  aPublishedDocument(agencyId, aDocument({ documentNumber: undefined, ...document }), now);

beforeAll(async () => {
  browser = await launchBrowser();
  const agency = await anAgencyWithStaff({ name: AGENCY_NAME, level: 'department' });
  const id = agency.agencyId;
  data.agencyId = id;

  // The guide's own section, through the profile.
  const profile = await api('GET', `/v1/agencies/${id}/profile`, {
    token: agency.tokens.agency_admin,
  });
  const updated = await api('PUT', `/v1/agencies/${id}/profile`, {
    token: agency.tokens.agency_admin,
    body: { version: profile.json.version, profile: anOffice({ guideSections: [GUIDE_SECTION] }) },
  });
  expect(updated.status, updated.text).toBe(200);

  // A document with a file, then its revision (version 2).
  const file = await anUpload('道路维修计划.pdf', FILE_TEXT);
  const roads = await published(
    id,
    {
      title: '关于2026年城市道路维修计划的通知',
      documentNumber: '阅政发〔2026〕12号',
      category: 'plans',
      formedOn: '2026-10-08',
      effectiveOn: '2026-10-15',
      attachments: [{ uploadKey: file, name: '道路维修计划.pdf' }],
    },
    at('2026-10-10'),
  );
  data.roads = roads.publicationId;
  const submission = await api('GET', `/v1/agencies/${id}/submissions/${roads.submissionId}`, {
    token: agency.tokens.clerk,
  });
  const revised = await api('PUT', `/v1/agencies/${id}/submissions/${roads.submissionId}`, {
    token: agency.tokens.clerk,
    now: at('2026-11-02'),
    body: {
      version: submission.json.version,
      changedOn: '2026-11-02',
      content: aDocument({
        title: '关于2026年城市道路维修计划的通知（修订）',
        documentNumber: '阅政发〔2026〕12号',
        category: 'plans',
        formedOn: '2026-10-08',
        body: '修订后的道路维修计划。',
      }),
    },
  });
  expect(revised.status, revised.text).toBe(200);
  const resent = await api('POST', `/v1/agencies/${id}/submissions/${roads.submissionId}/submission`, {
    token: agency.tokens.clerk,
    body: {},
    now: at('2026-11-02'),
  });
  expect(resent.status, resent.text).toBe(200);
  expect((await throughTheReviewChain(id, roads.submissionId, at('2026-11-02'))).json.status).toBe(
    'published',
  );

  // A document withdrawn on a legal basis.
  const withdrawn = await published(
    id,
    { title: '关于暂停办理有关业务的通知', category: 'other_required', formedOn: '2026-10-12' },
    at('2026-10-14'),
  );
  data.withdrawn = withdrawn.publicationId;
  const withdrawal = await api(
    'POST',
    `/v1/agencies/${id}/publications/${withdrawn.publicationId}/withdrawal`,
    {
      token: agency.tokens.approver,
      body: { reason: '该通知已被新通知替代', legalBasis: '《政府信息公开条例》第二十六条' },
      now: at('2026-10-20'),
    },
  );
  expect(withdrawal.status, withdrawal.text).toBe(200);

  // One published in 2025 (the year filter), and 21 statistics reports (more than a page of 20).
  await published(
    id,
    { title: '2025年部门预算', category: 'budgets', formedOn: '2025-06-01' },
    at('2025-06-05'),
  );
  for (let batch = 0; batch < 3; batch += 1)
    await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        published(id, {
          title: `统计月报第${batch * 7 + index + 1}期`,
          category: 'statistics',
          formedOn: '2026-11-20',
        }),
      ),
    );

  // The 2025 annual report, published.
  const reports = `/v1/agencies/${id}/annual-reports/2025`;
  const drafted = await api('POST', `${reports}/draft`, {
    token: agency.tokens.agency_admin,
    body: {},
    now: at('2026-01-10'),
  });
  expect(drafted.status, drafted.text).toBe(200);
  const written = await api('PUT', reports, {
    token: agency.tokens.agency_admin,
    body: {
      version: drafted.json.version,
      general: '2025年，本局认真贯彻落实《条例》。',
      problems: '个别信息公开不够及时。',
      other: '无。',
    },
  });
  expect(written.status, written.text).toBe(200);
  const report = await api('POST', `${reports}/publication`, {
    token: agency.tokens.approver,
    body: { version: written.json.version },
    now: at('2026-01-20'),
  });
  expect(report.status, report.text).toBe(200);
}, 600_000);

afterAll(async () => {
  await browser.close();
});

/** The page as it is now passes axe-core and fits 320 px, and is kept at both sizes under `name`. */
async function looked(page: Page, name: string, javaScript: boolean): Promise<void> {
  await checkPage(page);
  await screenshots(page, `reading-${name}-${javaScript ? 'js' : 'nojs'}`);
}

/** A public page: 200 (or `status`), cached by shared caches, indexable. */
function expectPublic(response: Response | null, status = 200): void {
  expect(response?.status()).toBe(status);
  expect(response?.headers()['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
}

/** Waits for the page a click opens to load, and gives its response. */
async function follow(page: Page, click: () => Promise<void>): Promise<Response | null> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame()),
    page.waitForEvent('load'),
    click(),
  ]);
  return response;
}

const entryTitles = (page: Page) => page.locator('.entry-title').allTextContents();

describe('the pages of finding and reading', () => {
  it('each weigh under 60 KB gzipped with the stylesheet and the script, and are public', async () => {
    const gzipped = async (path: string) => {
      const response = await fetch(`${base()}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.ok || response.status === 410, path).toBe(true);
      if (!path.startsWith('/assets/'))
        expect(response.headers.get('cache-control'), path).toMatch(/s-maxage=\d+/);
      // fetch hands the body back decoded: compressed again as the portal compresses it.
      return gzipSync(Buffer.from(await response.arrayBuffer())).length;
    };
    const frame = (await gzipped(assets.stylesheet.path)) + (await gzipped(assets.script.path));
    for (const path of [
      `/agencies/${data.agencyId}`,
      `/agencies/${data.agencyId}/guide`,
      `/agencies/${data.agencyId}/publications?category=statistics`,
      `/publications/${data.roads}`,
      `/publications/${data.withdrawn}`,
      `/agencies/${data.agencyId}/annual-reports`,
      `/agencies/${data.agencyId}/annual-reports/2025`,
    ])
      expect(frame + (await gzipped(path)), path).toBeLessThan(60 * 1024);
  });
});

describe.each([
  { javaScript: false, label: 'JavaScript off' },
  { javaScript: true, label: 'JavaScript on' },
])('finding and reading with $label', ({ javaScript }) => {
  it('finds the agency, reads its guide, searches its reading room, opens a publication and its file, an earlier and a withdrawn one, and its annual report', async () => {
    const context = await newPerson(browser, { javaScript });
    const page = await context.newPage();

    // Home → find the agency by name → its home.
    await page.goto(`${base()}/`);
    await page.getByLabel('按名称查找机关').fill(`阅览测试局${suffix}`);
    await follow(page, () => page.getByRole('button', { name: '查找' }).click());
    const home = await follow(page, () => page.getByRole('link', { name: AGENCY_NAME }).first().click());
    expectPublic(home);
    expect(page.url()).toBe(`${base()}/agencies/${data.agencyId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(AGENCY_NAME);
    expect(await page.getByRole('link', { name: '申请政府信息公开' }).getAttribute('href')).toBe(
      `/agencies/${data.agencyId}/apply`,
    );
    expect(await page.locator('#latest').locator('..').locator('.entry-title').count()).toBe(5);
    await looked(page, 'agency-home', javaScript);

    // The guide (Reg. 22): generated, then the agency's own section; printable.
    const nav = page.getByRole('navigation', { name: '本机关政府信息公开' });
    expectPublic(await follow(page, () => nav.getByRole('link', { name: '政府信息公开指南' }).click()));
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${AGENCY_NAME}政府信息公开指南`);
    expect(await page.getByText('自收到申请之日起20个工作日内予以答复').count()).toBe(1);
    expect(await page.getByRole('heading', { name: GUIDE_SECTION.title }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(javaScript);
    await looked(page, 'guide', javaScript);

    // The reading room, by category: a page of 20, then the next page by key.
    expectPublic(
      await follow(page, () =>
        page
          .getByRole('navigation', { name: '本机关政府信息公开' })
          .getByRole('link', { name: '主动公开' })
          .click(),
      ),
    );
    await looked(page, 'reading-room', javaScript);
    await page.getByLabel('类别').selectOption('statistics');
    await follow(page, () => page.getByRole('button', { name: '查找' }).click());
    expect(page.url()).toContain('category=statistics');
    expect(await entryTitles(page)).toHaveLength(20);
    expectPublic(await follow(page, () => page.getByRole('link', { name: '下一页' }).click()));
    expect(page.url()).toMatch(/category=statistics&after=/);
    expect(await entryTitles(page)).toHaveLength(1);
    await looked(page, 'reading-room-next', javaScript);

    // By year: what was published in 2025.
    await page.getByLabel('类别').selectOption({ value: '' });
    await page.getByLabel('发布年份').selectOption('2025');
    await follow(page, () => page.getByRole('button', { name: '查找' }).click());
    expect(await entryTitles(page)).toEqual(['2025年部门预算']);
    await looked(page, 'reading-room-year', javaScript);

    // Searched by a word of a title, then by a document number.
    await page.getByLabel('发布年份').selectOption({ value: '' });
    await page.getByLabel('标题或文号').fill('道路');
    await follow(page, () => page.getByRole('button', { name: '查找' }).click());
    expect(await entryTitles(page)).toEqual(['关于2026年城市道路维修计划的通知（修订）']);
    await page.getByLabel('标题或文号').fill('政发〔2026〕12号');
    await follow(page, () => page.getByRole('button', { name: '查找' }).click());
    expect(await entryTitles(page)).toEqual(['关于2026年城市道路维修计划的通知（修订）']);
    await looked(page, 'reading-room-search', javaScript);

    // The publication: its details and its file, which downloads with the bytes that were uploaded.
    expectPublic(await follow(page, () => page.getByRole('link', { name: /道路维修计划的通知/ }).click()));
    expect(page.url()).toBe(`${base()}/publications/${data.roads}`);
    expect(await page.locator('dd', { hasText: '阅政发〔2026〕12号' }).count()).toBe(1);
    await looked(page, 'publication', javaScript);

    // An earlier version: it says so, and its file downloads.
    expectPublic(await follow(page, () => page.getByRole('link', { name: '第1版' }).click()));
    expect(page.url()).toBe(`${base()}/publications/${data.roads}?version=1`);
    expect(await page.getByText('这是较早的版本').count()).toBe(1);
    expect(await page.locator('dd', { hasText: '2026年10月15日' }).count()).toBe(1);
    const link = page.getByRole('link', { name: /道路维修计划\.pdf/ });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`/publications/${data.roads}/files/1?version=1`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('道路维修计划.pdf');
    expect(await readFile(await download.path(), 'utf8')).toBe(FILE_TEXT);
    const fetched = await fetch(`${base()}${href}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toBe(FILE_TEXT);
    await looked(page, 'publication-earlier', javaScript);

    // A withdrawn item: its record and why, 410, neither text nor files.
    const gone = await page.goto(`${base()}/publications/${data.withdrawn}`);
    expectPublic(gone, 410);
    expect(await page.getByText('本信息已撤回').count()).toBe(1);
    expect(await page.getByText('该通知已被新通知替代').count()).toBe(1);
    expect(await page.locator('a[href*="/files/"]').count()).toBe(0);
    await looked(page, 'publication-withdrawn', javaScript);

    // The annual reports, and one in the national format inside the portal's frame.
    await page.goto(`${base()}/agencies/${data.agencyId}`);
    expectPublic(
      await follow(page, () =>
        page
          .getByRole('navigation', { name: '本机关政府信息公开' })
          .getByRole('link', { name: '年度报告' })
          .click(),
      ),
    );
    await looked(page, 'annual-reports', javaScript);
    expectPublic(await follow(page, () => page.getByRole('link', { name: '2025年度报告' }).click()));
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe(`${AGENCY_NAME}2025年政府信息公开工作年度报告`);
    expect(await page.locator('#table-3').count()).toBe(1);
    await looked(page, 'annual-report', javaScript);

    // A year not published: a page in Chinese that says so.
    const missing = await page.goto(`${base()}/agencies/${data.agencyId}/annual-reports/2024`);
    expect(missing?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('2024年度报告尚未公布');
    await looked(page, 'annual-report-missing', javaScript);

    await context.close();
  }, 600_000);
});
