import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, RESULT_ROWS } from '#lib/domain/annual-report';
import { canonicalJson, sha256Hex } from '#lib/domain/timeline';
import {
  aDocument,
  anAgencyWithStaff,
  anApplicant,
  api,
  aPublishedDocument,
  aRegisteredApplication,
  anUpload,
  archivedObjects,
  drainStream,
} from '#test/support/api';
import { CHROMIUM_ARGS, installedChromium } from '#test/support/chromium';

/**
 * A scripted year (2033) for one agency: applications of every outcome and applicant type, some carried
 * in from 2032 and some into 2034, rules and normative documents published and repealed, legal
 * challenges — and every cell of the drafted report checked against counts the test keeps itself.
 */
type Staff = Awaited<ReturnType<typeof anAgencyWithStaff>>;
const at = (date: string) => `${date}T02:00:00Z`;

const applicantOf = (column: string) =>
  column === 'natural_person'
    ? anApplicant()
    : anApplicant({
        type: 'organisation',
        organisationType: column,
        name: `${column} 单位`,
        idDocument: {
          type: 'unified_social_credit_code',
          number: `9131${String(Math.random()).slice(2, 16)}`,
        },
      });

async function decisionFor(rowKey: string): Promise<Record<string, unknown>> {
  const [outcome, reason] = rowKey.split('.');
  const reasons = { legalBasis: '《中华人民共和国政府信息公开条例》', reasons: '依法答复' };
  if (outcome === 'disclosed')
    return { outcome, published: { where: '门户网站', publishedOn: '2026-01-05' } };
  if (outcome === 'partially_disclosed')
    return {
      outcome,
      withheldBecause: 'third_party_rights',
      releasedFiles: [{ uploadKey: await anUpload(), name: '部分公开材料.pdf' }],
      ...reasons,
    };
  if (outcome === 'cannot_provide' && reason === 'not_held')
    return { outcome, reason, heldBy: null, ...reasons };
  return { outcome, reason, ...reasons };
}

describe('the annual report for 2033', () => {
  let agency: Staff;
  // What the test expects, counted independently: cells[column][row].
  const expected = {
    received: {} as Record<string, number>,
    carriedIn: {} as Record<string, number>,
    results: {} as Record<string, Record<string, number>>,
  };
  const add = (table: Record<string, number>, column: string) => (table[column] = (table[column] ?? 0) + 1);
  const addResult = (column: string, row: string) => add((expected.results[column] ??= {}), row);

  beforeAll(async () => {
    agency = await anAgencyWithStaff({ level: 'government' });
    const clerk = agency.tokens.clerk;
    const decide = (id: string, body: Record<string, unknown>, date: string) =>
      api('POST', `/v1/agencies/${agency.agencyId}/applications/${id}/decision`, {
        token: clerk,
        body,
        now: at(date),
      });

    // 2032: two received, one decided in 2032, one carried into 2033 and decided then.
    const early = await aRegisteredApplication(agency.agencyId, clerk, {
      receivedOn: '2032-11-15',
      applicant: applicantOf('natural_person'),
    });
    const carried = await aRegisteredApplication(agency.agencyId, clerk, {
      receivedOn: '2032-12-20',
      applicant: applicantOf('research_institution'),
    });
    expect(
      (
        await decide(
          early.trackingNumber,
          { outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-01-05' } },
          '2032-12-01',
        )
      ).status,
    ).toBe(200);
    add(expected.carriedIn, 'research_institution');
    expect(
      (
        await decide(
          carried.trackingNumber,
          await decisionFor('not_processed.repeated_application'),
          '2033-01-10',
        )
      ).status,
    ).toBe(200);
    addResult('research_institution', 'not_processed.repeated_application');

    // 2033: one application per outcome row, the applicant columns in turn.
    for (const [index, row] of RESULT_ROWS.entries()) {
      const column = COLUMNS[index % COLUMNS.length] ?? 'natural_person';
      if (row.key === 'otherwise_handled.other') continue; // a withdrawal below stands for this row
      const registered = await aRegisteredApplication(agency.agencyId, clerk, {
        receivedOn: '2033-03-01',
        applicant: applicantOf(column),
      });
      add(expected.received, column);
      // Reg. 30: "no supplement" once a period to supplement lapsed; "still unclear" once it was answered.
      if (
        row.key === 'otherwise_handled.no_supplement' ||
        row.key === 'cannot_provide.unclear_after_clarification'
      ) {
        const clarification = await api(
          'POST',
          `/v1/agencies/${agency.agencyId}/applications/${registered.trackingNumber}/clarification-request`,
          { token: clerk, body: { items: ['请写明项目名称'], periodWorkingDays: 5 }, now: at('2033-03-02') },
        );
        expect(clarification.status, clarification.text).toBe(200);
        if (row.key === 'cannot_provide.unclear_after_clarification') {
          const supplemented = await api(
            'POST',
            `/v1/applications/${registered.trackingNumber}/supplements`,
            {
              headers: { 'x-access-token': registered.accessToken },
              body: { text: '某个项目' },
              now: at('2033-03-03'),
            },
          );
          expect(supplemented.status, supplemented.text).toBe(200);
        }
      }
      const body = await decisionFor(row.key);
      const decided = await decide(registered.trackingNumber, body, '2033-03-20');
      expect(decided.status, `${row.key}: ${decided.text}`).toBe(200);
      addResult(column, row.key);
    }
    // A withdrawal counts as 其他处理 / 其他.
    const withdrawn = await aRegisteredApplication(agency.agencyId, clerk, {
      receivedOn: '2033-04-01',
      applicant: applicantOf('other'),
    });
    add(expected.received, 'other');
    await api('POST', `/v1/applications/${withdrawn.trackingNumber}/withdrawal`, {
      headers: { 'x-access-token': withdrawn.accessToken },
      body: {},
      now: at('2033-04-05'),
    });
    addResult('other', 'otherwise_handled.other');
    // Two received late in 2033 and still open: carried into 2034.
    for (const column of ['natural_person', 'legal_service_agency']) {
      await aRegisteredApplication(agency.agencyId, clerk, {
        receivedOn: '2033-12-20',
        applicant: applicantOf(column),
      });
      add(expected.received, column);
    }

    // Rules and normative documents (table 二): three normative documents issued in 2032; in 2033 three
    // rules issued — one on 12-20, published in January, still 2033's — and one normative document.
    // Ended in 2033, each under its own kind: N1 repealed by the new normative document, N2 by a rule,
    // N4 expired (有效期届满) as a clean-up notice records.
    const document = (formedOn: string, publishedOn: string, more: Record<string, unknown>) =>
      aPublishedDocument(
        agency.agencyId,
        aDocument({ category: 'rules_and_normative_documents', formedOn, ...more }),
        at(publishedOn),
      );
    for (const [number, formedOn] of [
      ['示政规〔2032〕1号', '2032-03-01'],
      ['示政规〔2032〕2号', '2032-06-01'],
      ['示政规〔2032〕4号', '2032-09-01'],
    ] as const)
      await document(formedOn, formedOn, { documentKind: 'normative_document', documentNumber: number });
    await document('2033-02-01', '2033-02-02', { documentKind: 'rule' });
    await document('2033-05-01', '2033-05-05', {
      documentKind: 'rule',
      repeals: [{ kind: 'normative_document', documentNumber: '示政规〔2032〕2号', title: '办法二' }],
    });
    await document('2033-07-01', '2033-07-02', {
      documentKind: 'normative_document',
      repeals: [{ kind: 'normative_document', documentNumber: '示政规〔2032〕1号', title: '办法一' }],
    });
    await document('2033-11-02', '2033-11-03', {
      documentKind: 'other',
      title: '关于公布规范性文件清理结果的通知',
      repeals: [
        {
          kind: 'normative_document',
          documentNumber: '示政规〔2032〕4号',
          title: '办法四',
          ground: 'expired',
          expiredOn: '2033-10-31',
        },
      ],
    });
    await document('2033-12-20', '2034-01-08', { documentKind: 'rule' });

    // Legal challenges: filed in 2033, concluded then, later, or not yet (recorded in January 2034).
    const challenge = (body: Record<string, unknown>) =>
      api('POST', `/v1/agencies/${agency.agencyId}/legal-challenges`, {
        token: agency.tokens.agency_admin,
        body,
        now: at('2034-01-06'),
      });
    const recorded = await Promise.all([
      challenge({
        kind: 'reconsideration',
        filedOn: '2033-04-10',
        outcome: 'upheld',
        concludedOn: '2033-06-01',
      }),
      challenge({
        kind: 'reconsideration',
        filedOn: '2033-05-10',
        outcome: 'corrected',
        concludedOn: '2033-07-01',
      }),
      // Filed in December, concluded in January: 尚未审结 in 2033, 结果维持 in 2034.
      challenge({
        kind: 'reconsideration',
        filedOn: '2033-12-01',
        outcome: 'upheld',
        concludedOn: '2034-01-05',
      }),
      challenge({ kind: 'litigation_direct', filedOn: '2033-06-11' }),
      challenge({
        kind: 'litigation_after_reconsideration',
        filedOn: '2033-08-01',
        outcome: 'other',
        concludedOn: '2033-09-01',
      }),
    ]);
    expect(recorded.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    const pending = await challenge({
      kind: 'litigation_direct',
      filedOn: '2033-06-10',
      caseNumber: '（2033）示01行初7号',
    });
    const concluded = await api(
      'PUT',
      `/v1/agencies/${agency.agencyId}/legal-challenges/${pending.json.id}`,
      {
        token: agency.tokens.supervisor,
        body: { version: 1, outcome: 'upheld', concludedOn: '2033-11-01' },
        now: at('2034-01-06'),
      },
    );
    expect(concluded.status).toBe(200);
    // An outcome without its date, a conclusion before the filing, a filing in the future: refused.
    const refused = await Promise.all([
      challenge({ kind: 'reconsideration', filedOn: '2033-04-10', outcome: 'upheld' }),
      challenge({
        kind: 'reconsideration',
        filedOn: '2033-04-10',
        outcome: 'upheld',
        concludedOn: '2033-04-09',
      }),
      challenge({ kind: 'reconsideration', filedOn: '2034-02-01' }),
    ]);
    expect(refused.map((response) => [response.status, response.json.errors[0].path])).toEqual([
      [400, 'body.concludedOn'],
      [422, 'body.concludedOn'],
      [422, 'body.filedOn'],
    ]);

    const none = await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033/figures`, {
      token: agency.tokens.supervisor,
    });
    expect(none.json).toMatchObject({ version: 0, licensing: 0, inForceAtStartOfYear: null });
    const figures = await api('PUT', `/v1/agencies/${agency.agencyId}/annual-reports/2033/figures`, {
      token: agency.tokens.agency_admin,
      body: { version: 0, licensing: 1520, penalties: 87, enforcement: 12, feeIncomeTenThousandYuan: 36.5 },
    });
    expect(figures.status).toBe(200);
  });

  const draft = () =>
    api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/draft`, {
      token: agency.tokens.agency_admin,
      body: {},
      now: at('2034-01-10'),
    });

  it('drafts every cell of the national format from the counters, matching counts made independently', async () => {
    const drafted = await draft();
    expect(drafted.status).toBe(200);
    const { applications, proactive, challenges } = drafted.json.content;
    for (const column of COLUMNS) {
      const figures = applications[column];
      const received = expected.received[column] ?? 0;
      const carriedIn = expected.carriedIn[column] ?? 0;
      const results = expected.results[column] ?? {};
      const resultsTotal = Object.values(results).reduce((sum, n) => sum + n, 0);
      for (const row of RESULT_ROWS)
        expect(figures.results[row.key], `${column} ${row.key}`).toBe(results[row.key] ?? 0);
      expect(figures, column).toMatchObject({
        received,
        carriedIn,
        resultsTotal,
        carriedOut: carriedIn + received - resultsTotal,
      });
    }
    const total = applications.total;
    expect(total.received).toBe(Object.values(expected.received).reduce((a, b) => a + b, 0));
    expect(total.carriedOut).toBe(2);
    expect(total.resultsTotal).toBe(RESULT_ROWS.length + 1);
    expect(proactive).toEqual({
      rules: { issued: 3, repealed: 0, valid: 3 },
      normativeDocuments: { issued: 1, repealed: 3, valid: 1 },
      licensing: 1520,
      penalties: 87,
      enforcement: 12,
      feeIncomeTenThousandYuan: 36.5,
    });
    expect(challenges).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
    });
  });

  it('refuses publication while a check fails, naming each; publishes, seals and archives once they pass', async () => {
    const drafted = await draft();
    const early = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/publication`, {
      token: agency.tokens.approver,
      body: { version: drafted.json.version },
      now: at('2034-01-15'),
    });
    expect(early.status).toBe(422);
    expect(early.json.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'narrative.general',
      'narrative.other',
      'narrative.problems',
    ]);
    expect(
      (
        await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/publication`, {
          token: agency.tokens.agency_admin,
          body: { version: drafted.json.version },
        })
      ).status,
    ).toBe(403);
    expect((await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033`)).status).toBe(404);

    const written = await api('PUT', `/v1/agencies/${agency.agencyId}/annual-reports/2033`, {
      token: agency.tokens.agency_admin,
      body: {
        version: drafted.json.version,
        general: '2033年，本机关认真贯彻落实《条例》，推进政务公开。',
        problems: '个别申请答复不够及时。下一步将加强培训。',
        other: '本年度未收取信息处理费。',
      },
    });
    expect(written.json.checks).toEqual([]);
    const published = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/publication`, {
      token: agency.tokens.approver,
      body: { version: written.json.version },
      now: at('2034-01-20'),
    });
    expect(published.status).toBe(200);
    const seal = published.json.seals[0];
    expect(seal.sha256).toBe(sha256Hex(canonicalJson(published.json.content)));

    const read = await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033`);
    expect(read.json.seal).toEqual(seal);
    const listing = await api('GET', `/v1/agencies/${agency.agencyId}/publications?category=annual_reports`);
    expect(listing.json.items[0]).toMatchObject({
      url: `/v1/agencies/${agency.agencyId}/annual-reports/2033`,
      publishedOn: '2034-01-20',
    });
    await drainStream();
    const archived = await archivedObjects(
      `agency=${agency.agencyId}/year=2033/annual_report/2033/edition-1`,
    );
    const json = archived.find((object) => object.key.endsWith('.json'));
    expect(JSON.parse(json?.body ?? '{}').seal.sha256).toBe(seal.sha256);
    expect(archived.some((object) => object.key.endsWith('.html'))).toBe(true);
    // The README's recipe, run as written, recomputes the seal from the archived file alone (issue 12, point 20).
    const recipe = /What the seal hashes[\s\S]*?```sh\n([\s\S]*?)```/.exec(
      readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8'),
    )?.[1];
    expect(recipe).toContain('edition-1.json | sha256sum');
    const folder = mkdtempSync(join(tmpdir(), 'seal-'));
    writeFileSync(join(folder, 'edition-1.json'), json?.body ?? '');
    const printed = execSync(recipe ?? '', { cwd: folder, shell: '/bin/bash', encoding: 'utf8' });
    expect(printed.trim()).toBe(`${seal.sha256}  -`);
  });

  it('a correction is a new sealed edition; the earlier one stays readable', async () => {
    const current = await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033/draft`, {
      token: agency.tokens.agency_admin,
    });
    const corrected = await api('PUT', `/v1/agencies/${agency.agencyId}/annual-reports/2033`, {
      token: agency.tokens.agency_admin,
      body: {
        version: current.json.version,
        general: '2033年，本机关认真贯彻落实《条例》。（更正：补充了培训情况）',
        problems: current.json.content.narrative.problems,
        other: current.json.content.narrative.other,
      },
    });
    expect(corrected.json.status).toBe('draft');
    const second = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/publication`, {
      token: agency.tokens.approver,
      body: { version: corrected.json.version },
      now: at('2034-02-01'),
    });
    expect(second.json.seals.map((s: { edition: number }) => s.edition)).toEqual([1, 2]);
    expect(second.json.seals[0].sha256).not.toBe(second.json.seals[1].sha256);
    expect((await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033`)).json.seal.edition).toBe(
      2,
    );
    // The reading room lists the report once, as of its latest edition.
    const listing = await api('GET', `/v1/agencies/${agency.agencyId}/publications?category=annual_reports`);
    expect(listing.json.items).toEqual([
      expect.objectContaining({
        url: `/v1/agencies/${agency.agencyId}/annual-reports/2033`,
        publishedOn: '2034-02-01',
        version: 2,
      }),
    ]);
    const first = await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033?edition=1`);
    expect(first.json).toMatchObject({
      seal: { edition: 1 },
      content: { narrative: { general: '2033年，本机关认真贯彻落实《条例》，推进政务公开。' } },
    });
  });

  it('the next year carries over what this year sends on', async () => {
    const next = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2034/draft`, {
      token: agency.tokens.agency_admin,
      body: {},
    });
    expect(next.json.content.applications.total.carriedIn).toBe(2);
    expect(next.json.content.applications.natural_person.carriedIn).toBe(1);
    // In force on January 1, 2034: as the published 2033 report says.
    expect(next.json.content.proactive).toMatchObject({
      rules: { issued: 0, repealed: 0, valid: 3 },
      normativeDocuments: { issued: 0, repealed: 0, valid: 1 },
      licensing: 0,
    });
    // 2034: the December reconsideration concluded; the direct lawsuit of June 2033 still pending.
    expect(next.json.content.challenges).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
    expect(next.json.checks.map((check: { path: string }) => check.path)).not.toContain(
      'applications.natural_person.carriedIn',
    );
  });

  it('a letter of December 2033 registered after the report was published: 二 no longer matches last year’s 四 until 2033 is corrected', async () => {
    await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, {
      receivedOn: '2033-12-28',
      now: at('2034-02-05'),
      applicant: applicantOf('natural_person'),
    });
    const next = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2034/draft`, {
      token: agency.tokens.agency_admin,
      body: {},
      now: at('2034-02-05'),
    });
    expect(next.json.content.applications.natural_person.carriedIn).toBe(2);
    expect(next.json.checks).toContainEqual({
      path: 'applications.natural_person.carriedIn',
      message: "二 must equal last year's 四 (1)",
    });

    // The 2033 report is re-drafted from the counters and published as a corrected edition.
    const redrafted = await draft();
    expect(redrafted.json.content.applications.natural_person).toMatchObject({ received: 6, carriedOut: 2 });
    const corrected = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/publication`, {
      token: agency.tokens.approver,
      body: { version: redrafted.json.version },
      now: at('2034-02-06'),
    });
    expect(corrected.json.seals.map((seal: { edition: number }) => seal.edition)).toEqual([1, 2, 3]);
    const again = await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2034/draft`, {
      token: agency.tokens.agency_admin,
    });
    expect(again.json.checks.map((check: { path: string }) => check.path)).not.toContain(
      'applications.natural_person.carriedIn',
    );
  });

  it('a report is published only once its year has ended', async () => {
    const early = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2034/publication`, {
      token: agency.tokens.approver,
      body: { version: 2 },
      now: at('2034-12-31'),
    });
    expect(early.status).toBe(422);
    expect(early.json.type).toMatch(/report-year-not-ended$/);
  });

  it(
    'the printable page renders every table in headless Chromium (screenshot in test-results/)',
    { timeout: 120_000 },
    async () => {
      const executablePath = installedChromium();
      const html = await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/2033`, {
        headers: { accept: 'text/html' },
      });
      expect(html.contentType).toContain('text/html');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.setContent(html.text);
        expect(await page.locator('table').count()).toBe(3);
        expect(await page.locator('#table-3 tr').count()).toBe(3 + 2 + RESULT_ROWS.length + 1 + 1);
        expect(await page.locator('h2').allTextContents()).toEqual([
          '一、总体情况',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '四、政府信息公开行政复议、行政诉讼情况',
          '五、存在的主要问题及改进情况',
          '六、其他需要报告的事项',
        ]);
        expect(await page.locator('#table-2').innerText()).toContain('1520');
        // The Chinese text is drawn with a CJK font, not as empty boxes.
        const cdp = await page.context().newCDPSession(page);
        const { root } = await cdp.send('DOM.getDocument');
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
        await cdp.send('CSS.enable');
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        expect(fonts.map((font) => font.familyName).join(', ')).toMatch(/CJK|Song|Hei|Ming/);
        await mkdir('test-results', { recursive: true });
        const path = join('test-results', 'annual-report-2033.png');
        await page.screenshot({ path, fullPage: true });
      } finally {
        await browser.close();
      }
    },
  );

  it('a rule of December 2033 published after the 2033 report: 2033’s 本年制发, and in force on January 1, 2034', async () => {
    await aPublishedDocument(
      agency.agencyId,
      aDocument({ documentKind: 'rule', category: 'rules_and_normative_documents', formedOn: '2033-12-30' }),
      at('2034-02-10'),
    );
    const next = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2034/draft`, {
      token: agency.tokens.agency_admin,
      body: {},
      now: at('2034-02-10'),
    });
    expect(next.json.content.proactive.rules).toEqual({ issued: 0, repealed: 0, valid: 4 });
    const redrafted = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/2033/draft`, {
      token: agency.tokens.agency_admin,
      body: {},
      now: at('2034-02-10'),
    });
    expect(redrafted.json.content.proactive.rules).toEqual({ issued: 4, repealed: 0, valid: 4 });
  });
});
