import type { ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import {
  checkReport,
  draftContent,
  RESULT_ROWS,
  type AnnualReport,
  type ReportContent,
} from '#lib/domain/annual-report';
import { challengeErrors, readChallenge, readOutcome } from '#lib/web/console/reports/challenges.tsx';
import { readFigures } from '#lib/web/console/reports/forms';
import { ReportPage, type DraftView, type ReportPowers } from '#lib/web/console/reports/report.tsx';
import { PublicationPage } from '#lib/web/console/reports/publication.tsx';
import { checkAnchor, placeCheck, reportDue, reportState } from '#lib/web/console/reports/words';
import { translator } from '#lib/web/messages/catalogue';
import { draftReport, getChallenge, recordChallenge, reportYears } from '#lib/use-cases/annual-reports';
import { aPrincipal, anAgency, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld } from '#test/support/fakes';
import { pageHtml } from '../support/page-html.tsx';

/**
 * The annual report's console pages on their HTML: every check the domain runs is written inside the
 * element it concerns (a cell of the draft's tables, or a narrative section's text area) and linked from
 * the summary; the cutoff and state words; the figures form's problems at their fields.
 */
const zh = translator('zh-CN');
const en = translator('en');

const html = (children: ComponentChildren, locale: 'zh-CN' | 'en' = 'zh-CN'): string =>
  pageHtml(children, { locale, path: '/console/annual-reports/2025' });

/** The inner HTML of the element with `id` (a cell, or any element without another of its tag inside). */
function elementById(page: string, id: string): string | undefined {
  const open = new RegExp(`<(td|th|p|textarea|div)\\b[^>]*\\bid="${id}"[^>]*>`).exec(page);
  if (open === null) return undefined;
  const rest = page.slice(open.index + open[0].length);
  return rest.slice(0, rest.indexOf(`</${open[1]}>`));
}

const clean = (): ReportContent =>
  draftContent({
    agencyId: 'ag-city',
    agencyName: '示例市人民政府',
    year: 2025,
    narrative: { general: '总体情况。', problems: '问题。', other: '其他。' },
    applicationsThisYear: { 'received.natural_person': 3, 'decided.disclosed.natural_person': 2 },
    applicationsBefore: {},
    publicationsUpToYear: [],
    inForceAtStartOfYear: { rules: 2, normativeDocuments: 5 },
    challengesUpToYear: [],
    figures: { licensing: 1, penalties: 2, enforcement: 0, feeIncomeTenThousandYuan: 0 },
  });

/** A draft that fails every kind of check `checkReport` runs. */
function everyFailure(): { content: ReportContent; lastYear: Record<string, number> } {
  const base = clean();
  const natural = base.applications.natural_person;
  const total = base.applications.total;
  if (natural === undefined || total === undefined) throw new Error('no column');
  const { other: _gone, ...applications } = base.applications;
  return {
    content: {
      ...base,
      narrative: { general: '', problems: '  ', other: '其他。' },
      proactive: { ...base.proactive, rules: { issued: 0, repealed: 3, valid: -1 } },
      applications: {
        ...applications,
        natural_person: { ...natural, carriedOut: 9 }, // the column does not balance
        research_institution: { ...natural, resultsTotal: 7, carriedOut: -6 }, // 总计 is not its rows' sum
        total: { ...total, received: 1 }, // nor the columns'
      },
      challenges: {
        ...base.challenges,
        reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 3 },
      },
    },
    lastYear: { natural_person: 4 },
  };
}

const aDraft = (content: ReportContent, checks: DraftView['checks'], over: Partial<AnnualReport> = {}) =>
  ({
    content,
    status: 'draft',
    draftedAt: '2026-12-01T10:00:00.000+08:00',
    seals: [],
    version: 3,
    checks,
    ...over,
  }) as DraftView;

const ALL: ReportPowers = { figures: true, draft: true, narrative: true, publish: true };

function reportPage(draft: DraftView | null, powers: ReportPowers = ALL, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return html(
    <ReportPage
      agencyId="ag-city"
      year={2025}
      today="2026-12-01"
      cutoff="2026-03-31"
      yearEnded
      figures={{
        licensing: 1,
        penalties: 2,
        enforcement: 0,
        feeIncomeTenThousandYuan: 0,
        inForceAtStartOfYear: null,
        pendingAtStartOfYear: null,
        version: 1,
      }}
      draft={draft}
      powers={powers}
      forms={{}}
      held={undefined}
      query={{}}
    />,
    locale,
  );
}

describe('every failing check at its cell', () => {
  const { content, lastYear } = everyFailure();
  const checks = checkReport(content, lastYear);

  it('the domain finds every kind of failure the page must place', () => {
    const kinds = new Set(checks.map((check) => check.path.replace(/^(\w+)\.([\w]+).*$/, '$1')));
    expect(kinds).toEqual(new Set(['applications', 'proactive', 'challenges', 'narrative']));
    expect(checks.map((check) => check.path)).toEqual(
      expect.arrayContaining([
        'applications.natural_person',
        'applications.natural_person.carriedIn',
        'applications.research_institution.resultsTotal',
        'applications.other',
        'applications.total.received',
        'proactive.rules.valid',
        'challenges.reconsideration.total',
        'narrative.general',
        'narrative.problems',
      ]),
    );
  });

  it('says each in the catalogue’s words, in both languages, never the domain’s English', () => {
    for (const t of [zh, en])
      for (const check of checks) {
        const placed = placeCheck(check, t);
        expect(placed.text, check.path).not.toBe(check.message);
        expect(placed.where, check.path).not.toBe(check.path);
      }
    expect(
      placeCheck(
        { path: 'applications.natural_person.carriedIn', message: "二 must equal last year's 四 (4)" },
        zh,
      ),
    ).toEqual({
      field: 'cell.applications.natural_person.carriedIn',
      text: '上年结转数应等于上一年度报告的“结转下年度继续办理”数（4）',
      where: '表三“二、上年结转政府信息公开申请数量”自然人列',
    });
    expect(placeCheck({ path: 'narrative.general', message: '一、总体情况 must not be empty' }, zh)).toEqual({
      field: 'general',
      text: '这一部分不能为空',
      where: '一、总体情况',
    });
  });

  it('writes each inside the element it concerns, and links the summary to it', () => {
    const page = reportPage(aDraft(content, checks));
    for (const check of checks) {
      const anchor = checkAnchor(check.path);
      const text = placeCheck(check, zh).text;
      const element = check.path.startsWith('narrative.')
        ? elementById(page, `${anchor}-error`)
        : elementById(page, anchor);
      expect(element, `${check.path} → #${anchor}`).toContain(text);
      expect(page).toContain(`<a href="#${anchor}">`);
    }
    // Two checks on one cell (总计 of the total column: its rows, and the columns) are both there.
    expect(page.match(/<li><a href="#/g)).toHaveLength(checks.length);
  });

  it('marks a failing cell, focusable from the summary, and no other', () => {
    const page = reportPage(aDraft(content, checks));
    const cells = [...page.matchAll(/<(?:td|th)\b[^>]*class="cell-error"[^>]*>/g)].map((m) => m[0]);
    const tableChecks = new Set(
      checks.filter((check) => !check.path.startsWith('narrative.')).map((check) => checkAnchor(check.path)),
    );
    expect(cells).toHaveLength(tableChecks.size);
    for (const cell of cells) expect(cell).toContain('tabindex="-1"');
  });

  it('a clean draft has no summary, no marked cell, and every result row of the national table', () => {
    const draft = clean();
    expect(checkReport(draft, null)).toEqual([]);
    const page = reportPage(aDraft(draft, []));
    expect(page).not.toContain('error-summary');
    expect(page).not.toContain('cell-error');
    expect(page).toContain('全部检查通过');
    for (const row of RESULT_ROWS)
      expect(page).toContain(`id="f-cell-applications-total-results-${row.key.replace('.', '-')}"`);
  });

  it('the publication page lists the failing checks with links to their cells on the report page', () => {
    const page = html(<PublicationPage year={2025} draft={aDraft(content, checks)} yearEnded />);
    expect(page).not.toContain('确认公布');
    expect(page).toContain(`href="/console/annual-reports/2025#${checkAnchor('proactive.rules.valid')}"`);
  });
});

describe('what the page offers by role', () => {
  it('the approver alone is offered publication, and no form to edit', () => {
    const draft = aDraft(clean(), []);
    const approver = reportPage(draft, { figures: false, draft: false, narrative: false, publish: true });
    expect(approver).toContain('href="/console/annual-reports/2025/publication"');
    expect(approver).not.toContain('<form method="post" action="/console/annual-reports/2025/');
    const clerk = reportPage(draft, { figures: true, draft: true, narrative: true, publish: false });
    expect(clerk).not.toContain('/publication');
    expect(clerk).toContain('action="/console/annual-reports/2025/figures"');
    expect(clerk).toContain('action="/console/annual-reports/2025/narrative"');
  });

  it('a published report lists every edition, the latest in force', () => {
    const seal = (edition: number) => ({
      edition,
      sha256: `${edition}`.repeat(64),
      publishedAt: `2026-0${edition + 2}-01T10:00:00.000+08:00`,
      archiveKey: `k${edition}`,
    });
    const page = reportPage(aDraft(clean(), [], { status: 'published', seals: [seal(1), seal(2)] }));
    expect(page).toMatch(
      /第2版<\/a> <span class="tag green">现行版本[\s\S]*第1版<\/a> <span class="tag">已被更正/,
    );
    expect(page).toContain('href="/agencies/ag-city/annual-reports/2025?edition=1"');
    expect(page).toContain('按期公布');
  });

  it('the confirmation says a correction is a new edition, and is offered only once the year has ended', () => {
    const corrected = aDraft(clean(), [], {
      seals: [{ edition: 1, sha256: 'a', publishedAt: '2026-03-01T10:00:00+08:00', archiveKey: 'k' }],
    });
    expect(html(<PublicationPage year={2025} draft={corrected} yearEnded />)).toContain('确认公布第2版');
    const running = html(<PublicationPage year={2026} draft={aDraft(clean(), [])} yearEnded={false} />);
    expect(running).not.toContain('确认公布');
    expect(running).toContain('2027年1月1日起才能公布');
  });
});

describe('the years’ words', () => {
  const unpublished = { cutoff: '2026-03-31', yearEnded: true, report: null };
  it('counts the days to the cutoff, flags the last 30, and says late from the day after', () => {
    expect(reportDue(unpublished, '2026-01-15')).toEqual({ tone: 'green', words: 'cRep.due.left', days: 75 });
    expect(reportDue(unpublished, '2026-03-01')).toEqual({ tone: 'amber', words: 'cRep.due.left', days: 30 });
    expect(reportDue(unpublished, '2026-03-31')).toEqual({ tone: 'red', words: 'cRep.due.today', days: 0 });
    expect(reportDue(unpublished, '2026-04-02')).toEqual({ tone: 'red', words: 'cRep.due.late', days: 2 });
    expect(reportDue({ ...unpublished, yearEnded: false }, '2025-12-31').words).toBe('cRep.due.yearRunning');
  });

  it('judges a published report by its first edition, whatever the corrections', () => {
    const seals = [
      { publishedAt: '2026-03-30T10:00:00+08:00' },
      { publishedAt: '2026-06-01T10:00:00+08:00' },
    ];
    expect(reportDue({ ...unpublished, report: { seals } }, '2026-12-01').words).toBe(
      'cRep.due.publishedOnTime',
    );
    expect(
      reportDue(
        { ...unpublished, report: { seals: [{ publishedAt: '2026-04-03T09:00:00+08:00' }] } },
        '2026-12-01',
      ),
    ).toEqual({ tone: 'red', words: 'cRep.due.publishedLate', days: 3 });
  });

  it('names the state: none, figures, draft, published, being corrected', () => {
    expect(reportState({ figuresVersion: 0, report: null }).words).toBe('cRep.state.none');
    expect(reportState({ figuresVersion: 2, report: null }).words).toBe('cRep.state.figures');
    expect(reportState({ figuresVersion: 2, report: { status: 'draft', seals: [] } }).words).toBe(
      'cRep.state.draft',
    );
    expect(reportState({ figuresVersion: 2, report: { status: 'published', seals: [1] } })).toEqual({
      words: 'cRep.state.published',
      edition: 1,
    });
    expect(reportState({ figuresVersion: 2, report: { status: 'draft', seals: [1, 2] } })).toEqual({
      words: 'cRep.state.correcting',
      edition: 2,
    });
  });
});

describe('the figures form', () => {
  const form = (values: Record<string, string>) => (name: string) => values[name];
  const valid = {
    version: '1',
    licensing: '12',
    penalties: '3',
    enforcement: '0',
    feeIncomeTenThousandYuan: '2.5',
  };

  it('reads the figures; blank opening figures are none', () => {
    expect(readFigures(form(valid), zh)).toEqual({
      ok: true,
      figures: {
        version: 1,
        licensing: 12,
        penalties: 3,
        enforcement: 0,
        feeIncomeTenThousandYuan: 2.5,
        inForceAtStartOfYear: null,
        pendingAtStartOfYear: null,
      },
    });
    const opening = readFigures(
      form({ ...valid, 'pending.other': '4', 'inForce.rules': '2', 'inForce.normativeDocuments': '7' }),
      zh,
    );
    expect(opening.ok && opening.figures.pendingAtStartOfYear).toMatchObject({ other: 4, natural_person: 0 });
    expect(opening.ok && opening.figures.inForceAtStartOfYear).toEqual({ rules: 2, normativeDocuments: 7 });
  });

  it('answers each problem at its field, in the form’s order', () => {
    const read = readFigures(
      form({
        ...valid,
        licensing: '',
        penalties: '1.5',
        feeIncomeTenThousandYuan: '-1',
        'inForce.rules': '2',
        'pending.natural_person': 'x',
      }),
      zh,
    );
    expect(read).toEqual({
      ok: false,
      errors: [
        { field: 'licensing', message: '请填写数量，没有的填0' },
        { field: 'penalties', message: '请填写不小于0的整数' },
        { field: 'feeIncomeTenThousandYuan', message: '请填写不小于0的金额（万元），例如 12.5' },
        { field: 'inForce.normativeDocuments', message: '两项现行有效件数要么都填写，要么都留空' },
        { field: 'pending.natural_person', message: '请填写不小于0的整数' },
      ],
    });
  });
});

describe('the reconsideration and lawsuit forms', () => {
  const form = (values: Record<string, string>) => (name: string) => values[name];

  it('reads a case, blanks as missing, pending by default', () => {
    expect(
      readChallenge(form({ kind: 'reconsideration', filedOn: '2025-05-10', caseNumber: ' ' }), zh),
    ).toEqual({
      ok: true,
      input: { kind: 'reconsideration', filedOn: '2025-05-10', outcome: 'pending' },
    });
  });

  it('answers each problem at its field, in the form’s order', () => {
    expect(
      readChallenge(form({ filedOn: '2025-02-30', outcome: 'corrected', trackingNumber: 'x' }), zh),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'kind', message: '请选择案件类别' },
        { field: 'filedOn', message: '请填写存在的日期，例如 2026-03-15' },
        {
          field: 'trackingNumber',
          message: '申请编号的格式应为“年份-4位字母或数字-4位字母或数字”，例如2026-K7QX-3M9P',
        },
      ],
    });
    // The rule across two fields is checked once each field is right on its own (zod's refinement).
    expect(
      readChallenge(form({ kind: 'reconsideration', filedOn: '2025-05-10', outcome: 'corrected' }), zh),
    ).toEqual({
      ok: false,
      errors: [{ field: 'concludedOn', message: '已有结果的，请填写审结日期' }],
    });
    expect(readOutcome(form({ version: '2', outcome: 'pending', concludedOn: '2025-09-01' }), zh)).toEqual({
      ok: false,
      errors: [{ field: 'concludedOn', message: '尚未审结的不填审结日期' }],
    });
  });

  it('says the domain’s date rule in the form’s words', () => {
    const problems = [
      { path: 'body.filedOn', message: 'must not be after today (2026-12-01)' },
      { path: 'body.concludedOn', message: 'must not be before the filing (2025-05-10)' },
    ];
    expect(challengeErrors(problems, form({}), zh)).toEqual([
      { field: 'filedOn', message: '日期不能晚于今天' },
      { field: 'concludedOn', message: '审结日期不能早于申请或立案日期' },
    ]);
  });
});

describe('the use cases the pages read', () => {
  const principal = aPrincipal(['clerk'], { agencyId: 'ag-city' });

  it('lists the years from the one before the agency came, this year first, with state, checks and cutoff', async () => {
    const world = inMemoryWorld();
    const city = await givenAgency(world, anAgency()); // created 2024-01-02, cutoff 01-31
    await draftReport(world.reportDeps, principal, 'ag-city', 2024, cst('2025-01-10'));
    const { years, agency } = await reportYears(world.reportDeps, 'ag-city', '2026-12-01');
    expect(agency).toEqual({ agencyId: 'ag-city', name: city.name, annualReportCutoff: '01-31' });
    expect(years.map((entry) => entry.year)).toEqual([2026, 2025, 2024, 2023]);
    expect(years[0]).toMatchObject({ year: 2026, cutoff: '2027-01-31', yearEnded: false, report: null });
    expect(years[2]).toMatchObject({
      year: 2024,
      cutoff: '2025-01-31',
      yearEnded: true,
      figuresVersion: 0,
      // A fresh draft's narrative is empty: its three sections fail.
      report: { status: 'draft', seals: [], failingChecks: 3 },
    });
  });

  it('goes back at most eight years', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency({ createdAt: '2009-05-01T09:00:00.000+08:00' }));
    const { years } = await reportYears(world.reportDeps, 'ag-city', '2026-12-01');
    expect(years.map((entry) => entry.year)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
  });

  it('reads a case of the agency only', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
    const recorded = await recordChallenge(
      world.reportDeps,
      aPrincipal(['supervisor'], { agencyId: 'ag-city' }),
      'ag-city',
      { kind: 'reconsideration', filedOn: '2025-05-10', outcome: 'pending' },
      cst('2026-12-01'),
    );
    expect(await getChallenge(world.reportDeps, 'ag-city', recorded.id)).toEqual(recorded);
    await expect(getChallenge(world.reportDeps, 'ag-other', recorded.id)).rejects.toThrow(/no challenge/);
  });
});
