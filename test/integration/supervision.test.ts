import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, RESULT_ROWS } from '#lib/domain/annual-report';
import { canonicalJson, sha256Hex } from '#lib/domain/timeline';
import {
  anAgencyWithStaff,
  anApplicant,
  api,
  archivedObjects,
  aRegisteredApplication,
  drainStream,
  localCloud,
} from '#test/support/api';

/**
 * Supervision over a three-level tree — a province, two cities, three departments — with figures the
 * test sets itself for 2041: every cell of the roll-up (汇总) is the sum of the agencies' own drafts,
 * each non-zero cell names the agencies it comes from, the published report is told apart from the
 * missing ones, and a supervisor sees only the subtree of their own agency.
 */
type Staff = Awaited<ReturnType<typeof anAgencyWithStaff>>;
const YEAR = 2041;
const at = (date: string) => `${date}T02:00:00Z`;

const enterprise = () =>
  anApplicant({
    type: 'organisation',
    organisationType: 'commercial_enterprise',
    name: '某某有限公司',
    idDocument: { type: 'unified_social_credit_code', number: `9131${String(Math.random()).slice(2, 16)}` },
  });

describe('the roll-up of the 2041 annual reports over a province', () => {
  let province: Staff;
  let cityA: Staff;
  let cityB: Staff;
  let deptA1: Staff;
  let deptA2: Staff;
  let deptB1: Staff;
  /** What each agency's figures are, as entered (licensing, penalties, enforcement, fee income 万元). */
  const figures = new Map<string, [number, number, number, number]>();

  const draftOf = async (agency: Staff) => {
    const drafted = await api('POST', `/v1/agencies/${agency.agencyId}/annual-reports/${YEAR}/draft`, {
      token: agency.tokens.clerk,
      body: {},
      now: at(`${YEAR + 1}-01-05`),
    });
    expect(drafted.status).toBe(200);
    return drafted.json;
  };
  const rollUpAs = (token: string, agencyId: string) =>
    api('GET', `/v1/agencies/${agencyId}/roll-ups/${YEAR}`, { token, now: at(`${YEAR + 1}-02-01`) });

  beforeAll(async () => {
    province = await anAgencyWithStaff({ level: 'government', name: '示例省人民政府' });
    cityA = await anAgencyWithStaff({ level: 'government', parentAgencyId: province.agencyId });
    cityB = await anAgencyWithStaff({ level: 'government', parentAgencyId: province.agencyId });
    deptA1 = await anAgencyWithStaff({ parentAgencyId: cityA.agencyId });
    deptA2 = await anAgencyWithStaff({ parentAgencyId: cityA.agencyId });
    deptB1 = await anAgencyWithStaff({ parentAgencyId: cityB.agencyId });

    // Entered figures, different for each agency; fee income in tenths, which binary sums would blur.
    const entered: [Staff, [number, number, number, number]][] = [
      [province, [1, 2, 3, 0.1]],
      [cityA, [10, 20, 30, 0.2]],
      [cityB, [100, 200, 300, 0.3]],
      [deptA1, [1000, 0, 0, 0.1]],
      [deptA2, [0, 2000, 0, 0.2]],
      [deptB1, [0, 0, 3000, 0.4]],
    ];
    for (const [agency, [licensing, penalties, enforcement, fee]] of entered) {
      figures.set(agency.agencyId, [licensing, penalties, enforcement, fee]);
      const saved = await api('PUT', `/v1/agencies/${agency.agencyId}/annual-reports/${YEAR}/figures`, {
        token: agency.tokens.clerk,
        body: {
          version: 0,
          licensing,
          penalties,
          enforcement,
          feeIncomeTenThousandYuan: fee,
          // deptB1 came to Gongkai this year with two applications of a natural person still open.
          ...(agency === deptB1
            ? {
                pendingAtStartOfYear: Object.fromEntries(
                  COLUMNS.map((column) => [column, column === 'natural_person' ? 2 : 0]),
                ),
              }
            : {}),
        },
      });
      expect(saved.status).toBe(200);
    }

    // Applications: deptA1 receives two from natural persons and discloses one; deptB1 one from an
    // enterprise; the province one from a natural person. Cities receive none themselves.
    const a1First = await aRegisteredApplication(deptA1.agencyId, deptA1.tokens.clerk, {
      receivedOn: `${YEAR}-03-01`,
    });
    await aRegisteredApplication(deptA1.agencyId, deptA1.tokens.clerk, { receivedOn: `${YEAR}-03-02` });
    const decided = await api(
      'POST',
      `/v1/agencies/${deptA1.agencyId}/applications/${a1First.trackingNumber}/decision`,
      {
        token: deptA1.tokens.clerk,
        body: { outcome: 'disclosed', published: { where: '门户网站', publishedOn: `${YEAR}-03-05` } },
        now: at(`${YEAR}-03-05`),
      },
    );
    expect(decided.status).toBe(200);
    await aRegisteredApplication(deptB1.agencyId, deptB1.tokens.clerk, {
      receivedOn: `${YEAR}-04-01`,
      applicant: enterprise(),
    });
    await aRegisteredApplication(province.agencyId, province.tokens.clerk, { receivedOn: `${YEAR}-05-01` });

    // deptA2 publishes its report; nobody else does.
    const draft = await draftOf(deptA2);
    const written = await api('PUT', `/v1/agencies/${deptA2.agencyId}/annual-reports/${YEAR}`, {
      token: deptA2.tokens.agency_admin,
      body: {
        version: draft.version,
        general: `${YEAR}年，本机关推进政务公开。`,
        problems: '无。',
        other: '本年度未收取信息处理费。',
      },
    });
    expect(written.json.checks).toEqual([]);
    const published = await api(
      'POST',
      `/v1/agencies/${deptA2.agencyId}/annual-reports/${YEAR}/publication`,
      {
        token: deptA2.tokens.approver,
        body: { version: written.json.version },
        now: at(`${YEAR + 1}-01-20`),
      },
    );
    expect(published.status).toBe(200);
  });

  it('sums every cell of the six agencies’ own drafts, and names each cell’s agencies', async () => {
    const everyone = [province, cityA, cityB, deptA1, deptA2, deptB1];
    // Each agency's own tables: a fresh draft, or the published report (re-drafting would start a correction).
    const drafts = await Promise.all(
      everyone.map(async (agency) =>
        agency === deptA2
          ? (await api('GET', `/v1/agencies/${agency.agencyId}/annual-reports/${YEAR}`)).json
          : draftOf(agency),
      ),
    );
    const rolled = await rollUpAs(province.tokens.supervisor, province.agencyId);
    expect(rolled.status).toBe(200);
    const { tables, sources } = rolled.json;

    // Every cell, summed from the drafts the agencies themselves get (fees to the fen).
    const cellsOf = (value: unknown, path = ''): [string, number][] =>
      typeof value === 'number'
        ? [[path, value]]
        : Object.entries(value as Record<string, unknown>).flatMap(([name, inner]) =>
            cellsOf(inner, path === '' ? name : `${path}.${name}`),
          );
    const tablesOf = (content: Record<string, unknown>) => ({
      proactive: content.proactive,
      applications: content.applications,
      challenges: content.challenges,
      fees: content.fees,
    });
    const expected = new Map<string, number>();
    const contributors = new Map<string, { agencyId: string; value: number }[]>();
    for (const [index, drafted] of drafts.entries()) {
      for (const [cell, value] of cellsOf(tablesOf(drafted.content))) {
        expected.set(cell, Math.round(((expected.get(cell) ?? 0) + value) * 1e4) / 1e4);
        if (value !== 0)
          contributors.set(cell, [
            ...(contributors.get(cell) ?? []),
            { agencyId: everyone[index]?.agencyId ?? '', value },
          ]);
      }
    }
    expect(Object.fromEntries(cellsOf(tables))).toEqual(Object.fromEntries(expected));
    const ordered = (list: readonly { agencyId: string; value: number }[]) =>
      [...list].sort((a, b) => b.value - a.value || a.agencyId.localeCompare(b.agencyId));
    for (const [cell, list] of contributors) expect(sources[cell], cell).toEqual(ordered(list));
    expect(Object.keys(sources).sort()).toEqual([...contributors.keys()].sort());

    // And against the figures the test set, by hand.
    expect(tables.proactive).toMatchObject({
      licensing: 1111,
      penalties: 2222,
      enforcement: 3333,
      feeIncomeTenThousandYuan: 1.3,
    });
    expect(tables.applications.total.received).toBe(4);
    expect(tables.applications.natural_person).toMatchObject({
      received: 3,
      carriedIn: 2,
      resultsTotal: 1,
      carriedOut: 4,
    });
    expect(tables.applications.natural_person.results.disclosed).toBe(1);
    expect(tables.applications.commercial_enterprise.received).toBe(1);
    expect(
      RESULT_ROWS.reduce((sum, row) => sum + (tables.applications.total.results[row.key] as number), 0),
    ).toBe(1);
    expect(sources['applications.total.received']).toEqual([
      { agencyId: deptA1.agencyId, value: 2 },
      ...[deptB1.agencyId, province.agencyId].sort().map((agencyId) => ({ agencyId, value: 1 })),
    ]);
    expect(sources['applications.natural_person.carriedIn']).toEqual([
      { agencyId: deptB1.agencyId, value: 2 },
    ]);
    expect(sources['proactive.penalties']).toEqual([
      { agencyId: deptA2.agencyId, value: 2000 },
      { agencyId: cityB.agencyId, value: 200 },
      { agencyId: cityA.agencyId, value: 20 },
      { agencyId: province.agencyId, value: 2 },
    ]);
  });

  it('lists the tree with who has published: one of six', async () => {
    const rolled = await rollUpAs(province.tokens.supervisor, province.agencyId);
    expect(rolled.json.agencies).toHaveLength(6);
    expect(rolled.json.agencies[0]).toMatchObject({
      agencyId: province.agencyId,
      agencyName: '示例省人民政府',
      parentAgencyId: null,
      publishedEdition: null,
    });
    expect(
      Object.fromEntries(
        rolled.json.agencies.map((agency: { agencyId: string; parentAgencyId: string | null }) => [
          agency.agencyId,
          agency.parentAgencyId,
        ]),
      ),
    ).toEqual({
      [province.agencyId]: null,
      [cityA.agencyId]: province.agencyId,
      [cityB.agencyId]: province.agencyId,
      [deptA1.agencyId]: cityA.agencyId,
      [deptA2.agencyId]: cityA.agencyId,
      [deptB1.agencyId]: cityB.agencyId,
    });
    expect(rolled.json.unpublished.sort()).toEqual(
      [province, cityA, cityB, deptA1, deptB1].map((agency) => agency.agencyId).sort(),
    );
    expect(
      rolled.json.agencies.find((agency: { agencyId: string }) => agency.agencyId === deptA2.agencyId),
    ).toMatchObject({ publishedEdition: 1 });
  });

  it('a city’s roll-up holds the city and its departments only', async () => {
    const rolled = await rollUpAs(cityA.tokens.supervisor, cityA.agencyId);
    expect(rolled.status).toBe(200);
    expect(rolled.json.agencies.map((agency: { agencyId: string }) => agency.agencyId).sort()).toEqual(
      [cityA, deptA1, deptA2].map((agency) => agency.agencyId).sort(),
    );
    expect(rolled.json.agencies[0].parentAgencyId).toBeNull();
    expect(rolled.json.tables.proactive).toMatchObject({ licensing: 1010, penalties: 2020, enforcement: 30 });
    expect(rolled.json.tables.applications.total.received).toBe(2);
    // The province's supervisor may ask for the city's roll-up too.
    const fromAbove = await rollUpAs(province.tokens.supervisor, cityA.agencyId);
    expect(fromAbove.json.tables).toEqual(rolled.json.tables);
  });

  it('a supervisor sees nothing beside or above their own subtree; other roles see no roll-up', async () => {
    for (const agencyId of [cityB.agencyId, deptB1.agencyId, province.agencyId]) {
      const refused = await rollUpAs(cityA.tokens.supervisor, agencyId);
      expect(refused.status, agencyId).toBe(403);
      expect(refused.json.title).toBeDefined();
    }
    expect((await rollUpAs(deptA1.tokens.supervisor, cityA.agencyId)).status).toBe(403);
    expect((await rollUpAs(province.tokens.clerk, province.agencyId)).status).toBe(403);
    expect((await rollUpAs(province.tokens.agency_admin, province.agencyId)).status).toBe(200);
    expect((await api('GET', `/v1/agencies/${province.agencyId}/roll-ups/${YEAR}`)).status).toBe(401);
    // Reminders: the agency's own clerk reads them; from above, its supervisors only.
    const reminders = (token: string) =>
      api('GET', `/v1/agencies/${deptA1.agencyId}/reminders`, { token }).then((answer) => answer.status);
    expect(await reminders(deptA1.tokens.clerk)).toBe(200);
    expect(await reminders(province.tokens.supervisor)).toBe(200);
    expect(await reminders(province.tokens.clerk)).toBe(403);
    expect(await reminders(cityB.tokens.supervisor)).toBe(403);
    // An agency that does not exist is refused as another agency's would be: nothing is learned.
    expect((await rollUpAs(cityA.tokens.supervisor, 'no-such-agency')).status).toBe(403);
    const wrongYear = await api('GET', `/v1/agencies/${province.agencyId}/roll-ups/1999`, {
      token: province.tokens.supervisor,
    });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.json.errors).toEqual([expect.objectContaining({ path: 'path.year' })]);
  });

  it('the province publishes the roll-up as its own sealed edition; the portal shows it', async () => {
    const live = await rollUpAs(province.tokens.supervisor, province.agencyId);
    const publish = (
      token: string,
      version: number,
      now = at(`${YEAR + 1}-02-10`),
      agencyId = province.agencyId,
    ) =>
      api('POST', `/v1/agencies/${agencyId}/roll-ups/${YEAR}/publication`, { token, body: { version }, now });
    // Not before the year has ended; not by a supervisor; not another agency's, even below.
    const early = await publish(province.tokens.approver, 0, at(`${YEAR}-12-31`));
    expect(early.status).toBe(422);
    expect(early.json.errors).toEqual([expect.objectContaining({ path: 'path.year' })]);
    expect((await publish(province.tokens.supervisor, 0)).status).toBe(403);
    expect((await publish(province.tokens.approver, 0, at(`${YEAR + 1}-02-10`), cityA.agencyId)).status).toBe(
      403,
    );

    const first = await publish(province.tokens.approver, 0);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ version: 1, seal: { edition: 1 } });
    expect(first.json.seal.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Publishing again from what was read before is a conflict; from the new version, edition 2.
    expect((await publish(province.tokens.approver, 0)).status).toBe(409);
    const second = await publish(province.tokens.approver, 1, at(`${YEAR + 1}-03-01`));
    expect(second.json).toMatchObject({ version: 2, seal: { edition: 2 } });
    expect(second.json.editions.map((seal: { edition: number }) => seal.edition)).toEqual([1, 2]);

    // Anyone reads it: the summed tables in the national format, sealed over exactly that content.
    const published = await api('GET', `/v1/agencies/${province.agencyId}/roll-ups/${YEAR}/published`);
    expect(published.status).toBe(200);
    expect(published.json.seal).toEqual(second.json.seal);
    expect(published.json.content).toMatchObject({
      agencyId: province.agencyId,
      agencyName: '示例省人民政府（汇总）',
      year: YEAR,
      proactive: live.json.tables.proactive,
      applications: live.json.tables.applications,
    });
    expect(published.json.content.narrative.general).toContain('所属5个机关');
    expect(published.json.content.narrative.problems).toContain('以下5个机关尚未公布');
    expect(sha256Hex(canonicalJson(published.json.content))).toBe(published.json.seal.sha256);
    const earlier = await api(
      'GET',
      `/v1/agencies/${province.agencyId}/roll-ups/${YEAR}/published?edition=1`,
    );
    expect(earlier.json.seal).toEqual(first.json.seal);
    const printable = await api('GET', `/v1/agencies/${province.agencyId}/roll-ups/${YEAR}/published`, {
      headers: { accept: 'text/html' },
    });
    expect(printable.text).toContain(`示例省人民政府（汇总）${YEAR}年政府信息公开工作年度报告`);
    expect((await api('GET', `/v1/agencies/${cityA.agencyId}/roll-ups/${YEAR}/published`)).status).toBe(404);

    // Archived beside its event: the JSON and the printable page of each edition.
    await drainStream();
    const archived = (await archivedObjects(`agency=${province.agencyId}/year=${YEAR}/roll_up/`)).map(
      (object) => object.key,
    );
    expect(archived).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/edition-1\.json$/),
        expect.stringMatching(/edition-1\.html$/),
        expect.stringMatching(/edition-2\.json$/),
      ]),
    );

    // The portal shows it, JavaScript or not.
    const page = await fetch(`${localCloud().baseUrl}/agencies/${province.agencyId}/roll-ups/${YEAR}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`示例省人民政府（汇总）${YEAR}年政府信息公开工作年度报告`);
    expect(html).toContain(second.json.seal.sha256);
  });
});
