import { describe, expect, it } from 'vitest';
import { portalRoutes } from '#lib/api/page-routes';
import { matchRoute } from '#lib/api/route-match';
import { OfficeProfile } from '#lib/domain/agency';
import type { HttpEvent } from '#lib/http/request';
import { setPolicy, updateProfile } from '#lib/use-cases/agencies';
import { draftReport, editNarrative, publish } from '#lib/use-cases/annual-reports';
import { withdraw } from '#lib/use-cases/proactive';
import { pageFunction } from '#lib/web/page-function.tsx';
import { applyPages } from '#lib/web/pages/apply.tsx';
import { complaintPages } from '#lib/web/pages/complaints.tsx';
import { followPages } from '#lib/web/pages/follow.tsx';
import { homePages } from '#lib/web/pages/home.tsx';
import { readingPages } from '#lib/web/pages/reading-room.tsx';
import type { PortalDeps } from '#lib/web/portal-deps';
import { aPrincipal, anAgency, anUploadKey, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld } from '#test/support/fakes';
import { aPublication } from '#test/support/publishing';

/**
 * The pages of finding and reading, rendered through the portal's function over in-memory ports: what
 * is easier to check on the HTML than in a browser — caching headers, dates in the reader's language,
 * statuses (404, 410, 400), what a withdrawn item keeps, escaping of what an agency writes.
 */

const AGENCY = 'ag-city';
const admin = aPrincipal(['agency_admin']);
const approver = aPrincipal(['approver']);
const TODAY = '2026-10-30';

async function aWorld() {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency({ agencyId: 'ag-gov', name: '某市人民政府', level: 'government' }));
  await givenAgency(world, anAgency({ parentAgencyId: 'ag-gov' }));
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
  const handler = pageFunction(portalRoutes, {
    ...homePages(deps.agencies),
    ...readingPages(deps),
    ...applyPages(deps),
    ...followPages(deps),
    ...complaintPages(deps),
  });
  /** A GET as a browser sends it (Chinese unless `language`), answered as the gateway would pass it on. */
  const get = async (path: string, language = 'zh-CN') => {
    const [rawPath = '', rawQueryString = ''] = path.split('?');
    const match = matchRoute('GET', rawPath);
    if (match.kind !== 'matched') throw new Error(`no route for ${path}`);
    const query = Object.fromEntries(new URLSearchParams(rawQueryString));
    const event: HttpEvent = {
      version: '2.0',
      routeKey: match.routeKey,
      rawPath,
      rawQueryString,
      headers: { 'accept-language': language, host: 'portal.test' },
      ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
      ...(Object.keys(match.pathParameters).length > 0 ? { pathParameters: match.pathParameters } : {}),
      isBase64Encoded: false,
      requestContext: {
        accountId: '0',
        apiId: 'x',
        domainName: 'portal.test',
        domainPrefix: 'portal',
        http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' },
        requestId: 'req-1',
        routeKey: match.routeKey,
        stage: '$default',
        time: '',
        timeEpoch: cst(TODAY).getTime(),
      },
    };
    const result = await handler(event);
    return {
      status: result.statusCode,
      headers: result.headers ?? {},
      html: typeof result.body === 'string' ? result.body : '',
    };
  };
  return { world, get };
}

describe('the agency’s home', () => {
  it('is public (s-maxage), shows the office, the catalogue into the reading room, the latest items with Chinese dates', async () => {
    const { world, get } = await aWorld();
    const { publicationId } = await aPublication(world, AGENCY);
    const page = await get(`/agencies/${AGENCY}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60, s-maxage=300');
    expect(page.html).toContain('<h1>某市生态环境局</h1>');
    expect(page.html).toContain('href="/agencies/ag-gov"');
    expect(page.html).toContain('021-87654321');
    for (const href of ['guide', 'publications', 'annual-reports', 'apply', 'complaints/new'])
      expect(page.html).toContain(`href="/agencies/${AGENCY}/${href}"`);
    expect(page.html).toContain(`href="/agencies/${AGENCY}/publications?category=budgets"`);
    expect(page.html).toContain(`href="/publications/${publicationId}"`);
    expect(page.html).toContain('<time datetime="2026-09-30">2026年9月30日</time>');
    const english = await get(`/agencies/${AGENCY}`, 'en');
    expect(english.html).toContain('<time datetime="2026-09-30">30 September 2026</time>');
    expect((await get('/agencies/ag-none')).status).toBe(404);
  });
});

describe('the guide (政府信息公开指南)', () => {
  it('follows the policy in force and the reconsideration body, then the agency’s own sections, escaped', async () => {
    const { world, get } = await aWorld();
    await setPolicy(
      world.agencies,
      admin,
      AGENCY,
      {
        version: 1,
        policy: {
          effectiveFrom: TODAY,
          replyWorkingDays: 15,
          maxExtensionWorkingDays: 15,
          feePaymentWorkingDays: 20,
          clarificationPeriodWorkingDays: 10,
          consultationWorkingDays: 15,
          publicationWorkingDays: 5,
          confirmationWorkingDays: 3,
        },
      },
      cst(TODAY),
    );
    const office = OfficeProfile.parse({
      ...anAgency().profile,
      guideSections: [{ title: '办理地点', body: '一楼大厅<script>alert(1)</script>\n第二段' }],
    });
    await updateProfile(world.agencies, admin, AGENCY, { version: 2, profile: office }, cst(TODAY));
    const page = await get(`/agencies/${AGENCY}/guide`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toContain('s-maxage=3600');
    expect(page.html).toContain('<h1>某市生态环境局政府信息公开指南</h1>');
    expect(page.html).toContain('自收到申请之日起15个工作日内予以答复');
    expect(page.html).toContain('延长的期限最长不超过15个工作日');
    expect(page.html).toContain('自该信息形成或者变更之日起5个工作日内予以公开');
    expect(page.html).toContain(
      '本机关政府信息公开行为的行政复议机关：某市人民政府（《中华人民共和国行政复议法》第二十四条',
    );
    expect(page.html).toContain('财政预算、决算信息：20日（《中华人民共和国预算法》第十四条');
    expect(page.html).toContain(
      '<h3 id="own-0">办理地点</h3><p>一楼大厅&lt;script>alert(1)&lt;/script></p><p>第二段</p>',
    );
    expect(page.html).not.toContain('<script>alert');
  });
});

describe('the reading room', () => {
  it('keeps the filters in the form and in the next page’s link; a token of another query is a page saying so', async () => {
    const { world, get } = await aWorld();
    for (const day of ['2026-09-28', '2026-09-29', '2026-09-30'])
      await aPublication(world, AGENCY, { title: `道路维修 ${day}`, formedOn: day }, day);
    const base = `/agencies/${AGENCY}/publications`;
    // 20 a page: three items fit on one; a search of one-entry reads is not the portal's, so page by year.
    const page = await get(`${base}?q=${encodeURIComponent('道路')}&category=plans&year=2026`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60, s-maxage=300');
    expect(page.html).toContain('<option value="plans" selected>');
    expect(page.html).toContain('<option value="2026" selected>2026年</option>');
    expect(page.html).toContain('value="道路"');
    expect(page.html.match(/class="entry-title"/g)).toHaveLength(3);
    expect(page.html).toContain('本页3条');
    expect(page.html).not.toContain('rel="next"');
    const none = await get(`${base}?q=${encodeURIComponent('没有')}`);
    expect(none.html).toContain('没有找到符合条件的信息');
    const wrong = await get(`${base}?category=nonexistent_code`);
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('查找条件有误');
    expect(wrong.headers['cache-control']).toBe('no-store');
    const forged = await get(`${base}?after=bm90LWEtdG9rZW4`);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('查找条件有误');
    expect((await get(`${base}?year=1999`)).status).toBe(400);
  });
});

describe('the reading room, a page at a time', () => {
  it('links the next page by key with the filters kept, and back to the first', async () => {
    const { world, get } = await aWorld();
    for (let n = 1; n <= 21; n += 1) await aPublication(world, AGENCY, { title: `第${n}号公告` });
    const first = await get(`/agencies/${AGENCY}/publications?category=plans`);
    expect(first.html.match(/class="entry-title"/g)).toHaveLength(20);
    const next = /<a href="([^"]+)" rel="next">下一页<\/a>/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(
      new RegExp(`^/agencies/${AGENCY}/publications\\?category=plans&after=[A-Za-z0-9_-]+$`),
    );
    const second = await get(next ?? '');
    expect(second.status).toBe(200);
    expect(second.html.match(/class="entry-title"/g)).toHaveLength(1);
    expect(second.html).not.toContain('rel="next"');
    expect(second.html).toContain(`<a href="/agencies/${AGENCY}/publications?category=plans">回到第一页</a>`);
    // The token belongs to its query: with another category it is refused.
    const moved = await get((next ?? '').replace('category=plans', 'category=budgets'));
    expect(moved.status).toBe(400);
  });
});

describe('a publication’s page', () => {
  it('shows its details, text and files (links through the portal), and an earlier version says so', async () => {
    const { world, get } = await aWorld();
    const file = world.uploads.put(anUploadKey(1));
    const { id, publicationId } = await aPublication(world, AGENCY, {
      attachments: [{ uploadKey: file, name: '规划全文.pdf' }],
      effectiveOn: '2026-10-01',
    });
    const page = await get(`/publications/${publicationId}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60, s-maxage=300');
    expect(page.html).toContain('<dt>文号</dt><dd>某环发〔2026〕12号</dd>');
    expect(page.html).toContain('<dt>成文日期</dt><dd><time datetime="2026-09-28">2026年9月28日</time></dd>');
    expect(page.html).toContain('<dt>施行日期</dt><dd><time datetime="2026-10-01">2026年10月1日</time></dd>');
    expect(page.html).toContain('<dt>公开期限</dt><dd>长期公开</dd>');
    expect(page.html).toContain(`href="/publications/${publicationId}/files/1"`);
    const download = await get(`/publications/${publicationId}/files/1`);
    expect(download.status).toBe(303);
    expect(download.headers.location).toBe(await world.uploads.downloadUrl(file, '规划全文.pdf'));
    expect((await get(`/publications/${publicationId}/files/2`)).status).toBe(404);
    expect((await get(`/publications/${publicationId}?version=2`)).status).toBe(404);

    await aPublication(
      world,
      AGENCY,
      { title: '关于印发《某市生态环境保护规划》的通知（更正）' },
      '2026-10-12',
      id,
    );
    const latest = await get(`/publications/${publicationId}`);
    expect(latest.html).toContain('<h1>关于印发《某市生态环境保护规划》的通知（更正）</h1>');
    expect(latest.html).toContain(`<a href="/publications/${publicationId}?version=1">第1版</a>`);
    expect(latest.html).not.toContain('/files/1');
    const earlier = await get(`/publications/${publicationId}?version=1`);
    expect(earlier.status).toBe(200);
    expect(earlier.html).toContain(
      '<title>关于印发《某市生态环境保护规划》的通知（第1版） - 政府信息公开平台</title>',
    );
    expect(earlier.html).toContain('这是较早的版本');
    expect(earlier.html).toContain('您正在查看第1版。本信息已经更新，最新为第2版。');
    expect(earlier.html).toContain(`href="/publications/${publicationId}/files/1?version=1"`);
    expect((await get(`/publications/${publicationId}/files/1?version=1`)).headers.location).toBe(
      await world.uploads.downloadUrl(file, '规划全文.pdf'),
    );
    expect((await get(`/publications/${publicationId}?version=abc`)).status).toBe(404);
    expect((await get('/publications/pub_000000000000')).status).toBe(404);
  });

  it('once withdrawn, answers 410 with its record and why, and its files no more', async () => {
    const { world, get } = await aWorld();
    const { publicationId } = await aPublication(world, AGENCY, {
      attachments: [{ uploadKey: world.uploads.put(anUploadKey(2)), name: 'a.pdf' }],
    });
    await withdraw(
      world.proactiveDeps,
      approver,
      AGENCY,
      publicationId,
      { reason: '文件已被新文件替代', legalBasis: '条例第二十六条' },
      cst('2026-10-20'),
    );
    const page = await get(`/publications/${publicationId}`);
    expect(page.status).toBe(410);
    expect(page.headers['cache-control']).toBe('public, max-age=60, s-maxage=300');
    expect(page.html).toContain('本信息已撤回');
    expect(page.html).toContain('本信息已于<time datetime="2026-10-20">2026年10月20日</time>撤回');
    expect(page.html).toContain('<dd>文件已被新文件替代</dd>');
    expect(page.html).toContain('<dd>条例第二十六条</dd>');
    expect(page.html).not.toContain('现将《某市生态环境保护规划》印发给你们');
    expect(page.html).not.toContain('/files/1');
    expect((await get(`/publications/${publicationId}/files/1`)).status).toBe(410);
  });
});

describe('the annual reports', () => {
  it('lists the published years, shows one in the portal’s frame, and says in Chinese when a year is not published', async () => {
    const { world, get } = await aWorld();
    await draftReport(world.reportDeps, admin, AGENCY, 2025, cst('2026-01-20'));
    await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2025,
      { version: 1, general: '总体情况良好。', problems: '问题', other: '无' },
      cst('2026-01-20'),
    );
    await publish(world.reportDeps, approver, AGENCY, 2025, { version: 2 }, cst('2026-01-21'));
    const list = await get(`/agencies/${AGENCY}/annual-reports`);
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toContain('s-maxage=3600');
    expect(list.html).toContain(`href="/agencies/${AGENCY}/annual-reports/2025"`);
    expect(list.html).toContain('第1版，公布于<time datetime="2026-01-21">2026年1月21日</time>');
    const report = await get(`/agencies/${AGENCY}/annual-reports/2025`);
    expect(report.status).toBe(200);
    expect(report.html).toContain(
      '<div class="report-frame"><h1>某市生态环境局2025年政府信息公开工作年度报告</h1>',
    );
    expect(report.html).toContain('<p>总体情况良好。</p>');
    expect(report.html).toContain('<table id="table-3">');
    // The page stays within the portal's CSP: the report's own stylesheet is not carried in.
    expect(report.html).not.toContain('<style');
    const missing = await get(`/agencies/${AGENCY}/annual-reports/2024`);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<h1>2024年度报告尚未公布</h1>');
    expect(missing.html).toContain('<meta name="robots" content="noindex"/>');
    expect((await get(`/agencies/${AGENCY}/annual-reports/2025?edition=2`)).status).toBe(404);
  });
});
