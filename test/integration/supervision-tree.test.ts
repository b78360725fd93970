import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import type { Breach, BreachKind } from '#lib/domain/sweep';
import { EMPTY_CHAIN, nextEvent } from '#lib/domain/timeline';
import {
  aDocument,
  anAgencyWithStaff,
  anOffice,
  api,
  aPublishedDocument,
  aRegisteredApplication,
  localRecordsTable,
} from '#test/support/api';

/**
 * Compliance and the assessment (考核) over a three-level tree (a province, two cities, three departments) from 2046-03-01 to
 * 2046-05-31, with figures the test makes through the API — applications received and decided on days
 * counted by hand, documents published on time and late — and breaches as the sweep records them
 * (written here through the sweep's own store: running the sweep for 2046 would move the platform's
 * watermark that other tests sweep from). 2046 is a year no other test touches; its calendar is the
 * bundled one (weekends, 春节 02-05…08, 清明 04-04, 劳动节 05-01…02).
 */
type Staff = Awaited<ReturnType<typeof anAgencyWithStaff>>;
const FROM = '2046-03-01';
const TO = '2046-05-31';
const at = (date: string) => `${date}T02:00:00Z`;

function sweepStore(): DynamoSweepStore {
  const table = localRecordsTable();
  return new DynamoSweepStore(table, new DynamoAgencyStore(table));
}

/** A breach as the sweep records it (the fields the compliance table reads are the ones set here). */
async function aBreach(
  agencyId: string,
  kind: BreachKind,
  keyYear: number,
  recordedOn: string,
  status: Breach['status'],
): Promise<void> {
  const id = `case-${Math.random().toString(36).slice(2, 10)}`;
  const breach: Breach = {
    breachKey: `${keyYear}#${kind}#application#${id}#reply`,
    agencyId,
    kind,
    case: null,
    clock: null,
    subject: id,
    dueDate: recordedOn,
    recordedOn,
    accountable: { primary: null, secondary: null },
    level: agencyId,
    escalations: [],
    escalateOn: null,
    status,
    version: 1,
  };
  const event = nextEvent({ agencyId, kind: 'breach', id: breach.breachKey }, EMPTY_CHAIN, {
    type: 'breach_recorded',
    now: new Date(at(recordedOn)),
    actor: { kind: 'system', process: 'sweep' },
    data: {},
  });
  expect(await sweepStore().recordBreach(breach, event)).toBe(true);
}

describe('compliance (2046-03-01 to 2046-05-31) and the 2046 assessment of a province', () => {
  let province: Staff;
  let cityA: Staff;
  let cityB: Staff;
  let deptA1: Staff;
  let deptA2: Staff;
  let deptB1: Staff;

  const decide = async (agency: Staff, trackingNumber: string, on: string) => {
    const decided = await api(
      'POST',
      `/v1/agencies/${agency.agencyId}/applications/${trackingNumber}/decision`,
      {
        token: agency.tokens.clerk,
        body: { outcome: 'disclosed', published: { where: '门户网站', publishedOn: on } },
        now: at(on),
      },
    );
    expect(decided.status, decided.text).toBe(200);
  };
  const complianceAs = (token: string, agencyId: string, query = `from=${FROM}&to=${TO}`) =>
    api('GET', `/v1/agencies/${agencyId}/compliance?${query}`, { token, now: at('2046-06-15') });

  beforeAll(async () => {
    // The province publishes all seven office details (with a fax); the others all but the fax.
    province = await anAgencyWithStaff({
      level: 'government',
      name: '示例省人民政府',
      profile: anOffice({ fax: '0591-87654322' }),
    });
    cityA = await anAgencyWithStaff({
      level: 'government',
      name: '甲市人民政府',
      parentAgencyId: province.agencyId,
    });
    cityB = await anAgencyWithStaff({
      level: 'government',
      name: '乙市人民政府',
      parentAgencyId: province.agencyId,
    });
    deptA1 = await anAgencyWithStaff({ name: '甲市教育局', parentAgencyId: cityA.agencyId });
    deptA2 = await anAgencyWithStaff({ name: '甲市财政局', parentAgencyId: cityA.agencyId });
    deptB1 = await anAgencyWithStaff({ name: '乙市交通局', parentAgencyId: cityB.agencyId });
    const clerk = (agency: Staff) => agency.tokens.clerk;

    // deptA1: W received before the range (Mon 02-26), decided in it (Fri 03-02): 4 working days.
    const w = await aRegisteredApplication(deptA1.agencyId, clerk(deptA1), { receivedOn: '2046-02-26' });
    await decide(deptA1, w.trackingNumber, '2046-03-02');
    // X: Mon 03-05 → Mon 03-12, 5 working days.
    const x = await aRegisteredApplication(deptA1.agencyId, clerk(deptA1), { receivedOn: '2046-03-05' });
    await decide(deptA1, x.trackingNumber, '2046-03-12');
    // Y: Tue 03-06, due 20 working days later (Tue 04-03; 03-31 and 04-01 are a weekend); decided on
    // Thu 04-05 (04-04 is 清明) — late, after 21 working days.
    const y = await aRegisteredApplication(deptA1.agencyId, clerk(deptA1), { receivedOn: '2046-03-06' });
    expect(y.dueDate).toBe('2046-04-03');
    await decide(deptA1, y.trackingNumber, '2046-04-05');
    // Z: received after the range.
    await aRegisteredApplication(deptA1.agencyId, clerk(deptA1), { receivedOn: '2046-06-04' });
    // deptA2: one received Mon 04-16, not decided.
    await aRegisteredApplication(deptA2.agencyId, clerk(deptA2), { receivedOn: '2046-04-16' });
    // deptB1: one received and decided on Fri 03-09: 0 working days.
    const b = await aRegisteredApplication(deptB1.agencyId, clerk(deptB1), { receivedOn: '2046-03-09' });
    await decide(deptB1, b.trackingNumber, '2046-03-09');

    // cityA publishes: a plan formed 02-02 (due 03-08, 20 working days) on 03-20, late; one formed 04-02
    // (due 04-30) on 04-10; one formed 06-01, published 06-05, after the range.
    const document = (title: string, formedOn: string) =>
      aDocument({ title, formedOn, documentNumber: `甲政办发〔2046〕${formedOn.slice(5, 7)}号` });
    await aPublishedDocument(
      cityA.agencyId,
      document('关于2046年城市道路维修计划的通知', '2046-02-02'),
      at('2046-03-20'),
    );
    const planting = await aPublishedDocument(
      cityA.agencyId,
      document('关于2046年春季植树活动的通知', '2046-04-02'),
      at('2046-04-10'),
    );
    await aPublishedDocument(
      cityA.agencyId,
      document('关于2046年防汛工作的通知', '2046-06-01'),
      at('2046-06-05'),
    );

    // cityA withdraws the long-term planting notice on 05-02, inside its display period (a legal basis).
    const withdrawn = await api(
      'POST',
      `/v1/agencies/${cityA.agencyId}/publications/${planting.publicationId}/withdrawal`,
      {
        token: cityA.tokens.approver,
        body: { reason: '活动已取消', legalBasis: '《示例省植树条例》第十条' },
        now: at('2046-05-02'),
      },
    );
    expect(withdrawn.status, withdrawn.text).toBe(200);

    // Complaints filed 03-01 (answer due in 30 days): deptA2 answers on 05-04, late; deptB1 on 03-10.
    for (const [agency, answeredOn] of [
      [deptA2, '2046-05-04'],
      [deptB1, '2046-03-10'],
    ] as const) {
      const filed = await api('POST', `/v1/agencies/${agency.agencyId}/complaints`, {
        body: {
          complainant: { name: '赵六', contact: '13900002222' },
          subject: '网站信息更新不及时',
          details: '贵单位网站的政务公开栏目长期未更新。',
        },
        now: at('2046-03-01'),
      });
      expect(filed.status, filed.text).toBe(201);
      const answered = await api(
        'POST',
        `/v1/agencies/${agency.agencyId}/complaints/${filed.json.complaintId}/reply`,
        {
          token: agency.tokens.supervisor,
          body: { reply: '已核实并更新。', upheld: true },
          now: at(answeredOn),
        },
      );
      expect(answered.status, answered.text).toBe(200);
    }

    // deptA2 publishes its 2045 annual report on 2046-03-15, before the cutoff.
    const drafted = await api('POST', `/v1/agencies/${deptA2.agencyId}/annual-reports/2045/draft`, {
      token: deptA2.tokens.clerk,
      body: {},
      now: at('2046-01-05'),
    });
    expect(drafted.status, drafted.text).toBe(200);
    const written = await api('PUT', `/v1/agencies/${deptA2.agencyId}/annual-reports/2045`, {
      token: deptA2.tokens.agency_admin,
      body: {
        version: drafted.json.version,
        general: '2045年，本机关推进政务公开。',
        problems: '无。',
        other: '本年度未收取信息处理费。',
      },
      now: at('2046-01-06'),
    });
    expect(written.json.checks).toEqual([]);
    const reported = await api('POST', `/v1/agencies/${deptA2.agencyId}/annual-reports/2045/publication`, {
      token: deptA2.tokens.approver,
      body: { version: written.json.version },
      now: at('2046-03-15'),
    });
    expect(reported.status, reported.text).toBe(200);

    // Breaches: deptB1 an open late reply (04-04) and a resolved late publication (03-20), one recorded
    // after the range and one before it; cityB's 2045 report found missing on 04-01 (keyed by 2045).
    await aBreach(deptB1.agencyId, 'reply_overdue', 2046, '2046-04-04', 'open');
    await aBreach(deptB1.agencyId, 'publication_overdue', 2046, '2046-03-20', 'resolved');
    await aBreach(deptB1.agencyId, 'reply_overdue', 2046, '2046-06-10', 'open');
    await aBreach(deptB1.agencyId, 'reply_overdue', 2045, '2046-01-03', 'open');
    await aBreach(cityB.agencyId, 'annual_report_missing', 2045, '2046-04-01', 'open');
  });

  const zeroBreaches = {
    reply_overdue: { open: 0, resolved: 0 },
    extension_overdue: { open: 0, resolved: 0 },
    publication_overdue: { open: 0, resolved: 0 },
    periodic_missed: { open: 0, resolved: 0 },
    consultation_overdue: { open: 0, resolved: 0 },
    annual_report_missing: { open: 0, resolved: 0 },
    complaint_unanswered: { open: 0, resolved: 0 },
    confirmation_overdue: { open: 0, resolved: 0 },
  };
  const quiet = {
    received: 0,
    decided: 0,
    overdue: 0,
    averageReplyDays: null,
    worstReplyDays: null,
    published: 0,
    publishedLate: 0,
    breaches: zeroBreaches,
    breachesOpen: 0,
    breachesResolved: 0,
    reportsMissing: 0,
  };

  const bySiblingId = (agencies: Staff[]) => [...agencies].sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1));
  const treeOrder = (...from: Staff[]) => {
    const cities = bySiblingId([cityA, cityB]);
    const departments = (city: Staff) => bySiblingId(city === cityA ? [deptA1, deptA2] : [deptB1]);
    const order = [province, ...cities, ...cities.flatMap(departments)];
    return (from.length === 0 ? order : order.filter((agency) => from.includes(agency))).map(
      (agency) => agency.agencyId,
    );
  };
  const byId = <T extends { agencyId: string }>(rows: T[]) =>
    Object.fromEntries(rows.map((row) => [row.agencyId, row]));

  it('counts every agency’s row by hand, in tree order, and the tree’s totals', async () => {
    const answer = await complianceAs(province.tokens.supervisor, province.agencyId);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ agencyId: province.agencyId, from: FROM, to: TO, sort: null });
    // Tree order: the province, its cities, then each city's departments (siblings by id, as keyed).
    expect(answer.json.rows.map((row: { agencyId: string }) => row.agencyId)).toEqual(treeOrder());
    expect(byId(answer.json.rows)).toEqual(
      byId([
        { agencyId: province.agencyId, agencyName: '示例省人民政府', parentAgencyId: null, ...quiet },
        {
          agencyId: cityA.agencyId,
          agencyName: '甲市人民政府',
          parentAgencyId: province.agencyId,
          ...quiet,
          published: 2,
          publishedLate: 1,
        },
        {
          agencyId: cityB.agencyId,
          agencyName: '乙市人民政府',
          parentAgencyId: province.agencyId,
          ...quiet,
          breaches: { ...zeroBreaches, annual_report_missing: { open: 1, resolved: 0 } },
          breachesOpen: 1,
          reportsMissing: 1,
        },
        {
          agencyId: deptA1.agencyId,
          agencyName: '甲市教育局',
          parentAgencyId: cityA.agencyId,
          ...quiet,
          received: 2,
          decided: 3,
          overdue: 1,
          averageReplyDays: 10, // (4 + 5 + 21) / 3
          worstReplyDays: 21,
        },
        {
          agencyId: deptA2.agencyId,
          agencyName: '甲市财政局',
          parentAgencyId: cityA.agencyId,
          ...quiet,
          received: 1,
        },
        {
          agencyId: deptB1.agencyId,
          agencyName: '乙市交通局',
          parentAgencyId: cityB.agencyId,
          ...quiet,
          received: 1,
          decided: 1,
          averageReplyDays: 0,
          worstReplyDays: 0,
          breaches: {
            ...zeroBreaches,
            reply_overdue: { open: 1, resolved: 0 },
            publication_overdue: { open: 0, resolved: 1 },
          },
          breachesOpen: 1,
          breachesResolved: 1,
        },
      ]),
    );
    expect(answer.json.totals).toEqual({
      agencyId: province.agencyId,
      agencyName: '示例省人民政府',
      parentAgencyId: null,
      received: 4,
      decided: 4,
      overdue: 1,
      averageReplyDays: 7.5, // 30 working days over 4 decisions
      worstReplyDays: 21,
      published: 2,
      publishedLate: 1,
      breaches: {
        ...zeroBreaches,
        reply_overdue: { open: 1, resolved: 0 },
        publication_overdue: { open: 0, resolved: 1 },
        annual_report_missing: { open: 1, resolved: 0 },
      },
      breachesOpen: 2,
      breachesResolved: 1,
      reportsMissing: 1,
    });
  });

  it('any range: a single day, and the whole year', async () => {
    const day = await complianceAs(
      province.tokens.supervisor,
      deptA1.agencyId,
      'from=2046-04-05&to=2046-04-05',
    );
    expect(day.json.rows).toHaveLength(1);
    expect(day.json.rows[0]).toMatchObject({ received: 0, decided: 1, overdue: 1, averageReplyDays: 21 });
    const year = await complianceAs(
      province.tokens.supervisor,
      deptA1.agencyId,
      'from=2046-01-01&to=2046-12-31',
    );
    expect(year.json.rows[0]).toMatchObject({ received: 4, decided: 3, worstReplyDays: 21 });
    const breaches = await complianceAs(
      province.tokens.supervisor,
      deptB1.agencyId,
      'from=2046-01-01&to=2046-12-31',
    );
    expect(breaches.json.rows[0].breaches.reply_overdue).toEqual({ open: 3, resolved: 0 });
  });

  it('sorts by a column: numbers largest first, names A–Z, blanks last, ties in tree order', async () => {
    const ids = (answer: { json: { rows: { agencyId: string }[] } }) =>
      answer.json.rows.map((row) => row.agencyId);
    const byReceived = await complianceAs(
      province.tokens.supervisor,
      province.agencyId,
      `from=${FROM}&to=${TO}&sort=received`,
    );
    expect(byReceived.json).toMatchObject({ sort: 'received', order: 'desc' });
    // deptA2 and deptB1 both received one: in tree order; then the rest, in tree order.
    expect(ids(byReceived)).toEqual([
      deptA1.agencyId,
      ...treeOrder(deptA2, deptB1),
      ...treeOrder(province, cityA, cityB),
    ]);
    const byWorst = await complianceAs(
      province.tokens.supervisor,
      province.agencyId,
      `from=${FROM}&to=${TO}&sort=worstReplyDays&order=asc`,
    );
    expect(ids(byWorst)).toEqual([
      deptB1.agencyId,
      deptA1.agencyId,
      ...treeOrder(province, cityA, cityB, deptA2),
    ]);
    const byName = await complianceAs(
      province.tokens.supervisor,
      province.agencyId,
      `from=${FROM}&to=${TO}&sort=agencyName`,
    );
    expect(byName.json.order).toBe('asc');
    expect(byName.json.rows.map((row: { agencyName: string }) => row.agencyName)).toEqual(
      [...byName.json.rows.map((row: { agencyName: string }) => row.agencyName)].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    );
  });

  it('a city sees its own subtree; nobody sees beside or above; bad ranges are 400s naming the field', async () => {
    const city = await complianceAs(cityA.tokens.supervisor, cityA.agencyId);
    expect(city.status).toBe(200);
    expect(city.json.rows.map((row: { agencyId: string }) => row.agencyId)).toEqual([
      cityA.agencyId,
      ...treeOrder(deptA1, deptA2),
    ]);
    expect(city.json.totals).toMatchObject({ received: 3, decided: 3, published: 2, breachesOpen: 0 });
    for (const agencyId of [province.agencyId, cityB.agencyId, deptB1.agencyId])
      expect((await complianceAs(cityA.tokens.supervisor, agencyId)).status, agencyId).toBe(403);
    expect((await complianceAs(deptA1.tokens.supervisor, cityA.agencyId)).status).toBe(403);
    expect((await complianceAs(province.tokens.clerk, province.agencyId)).status).toBe(403);
    expect(
      (await api('GET', `/v1/agencies/${province.agencyId}/compliance?from=${FROM}&to=${TO}`)).status,
    ).toBe(401);

    const backwards = await complianceAs(
      province.tokens.supervisor,
      province.agencyId,
      'from=2046-05-01&to=2046-04-01',
    );
    expect(backwards.status).toBe(400);
    expect(backwards.contentType).toBe('application/problem+json');
    expect(backwards.json.errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
    const malformed = await complianceAs(
      province.tokens.supervisor,
      province.agencyId,
      'from=2046-02-30&sort=colour',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'query.from',
      'query.sort',
    ]);
    // No range: January 1 to today (2046-06-15 here); a start after today is refused.
    const thisYear = await complianceAs(province.tokens.supervisor, deptA1.agencyId, '');
    expect(thisYear.json).toMatchObject({ from: '2046-01-01', to: '2046-06-15' });
    expect(thisYear.json.rows[0]).toMatchObject({ received: 4, decided: 3 });
    const future = await complianceAs(province.tokens.supervisor, deptA1.agencyId, 'from=2046-07-01');
    expect(future.status).toBe(400);
    expect(future.json.errors).toEqual([expect.objectContaining({ path: 'query.from' })]);
  });

  const assessmentAs = (token: string, agencyId: string, query = '') =>
    api('GET', `/v1/agencies/${agencyId}/assessments/2046${query}`, { token, now: at('2046-12-31') });
  /** An agency's measured items: number → score. */
  const scoresOf = (agency: { scores: { number: number; score: number | null }[] } | undefined) =>
    Object.fromEntries(
      (agency?.scores ?? []).filter((item) => item.score !== null).map((item) => [item.number, item.score]),
    );

  it('scores each agency’s measured items on Fujian’s table against hand-computed points', async () => {
    const answer = await assessmentAs(province.tokens.supervisor, province.agencyId);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.table).toMatchObject({ id: 'fujian-2013', basePoints: 100, bonusCap: 10 });
    const agencies = byId(
      answer.json.agencies as { agencyId: string; scores: { number: number; score: number | null }[] }[],
    );
    expect(Object.keys(agencies).sort()).toEqual(treeOrder().sort());
    // Items: 3 office details (3 points), 26 publications on time (4), 27 display periods (3),
    // 33 complaints in time (3), 34 replies on time (6), 37 last year's report by March 31 (3).
    const office = 2.57; // 6 of 7 details (no fax): 3 × 6/7
    expect(scoresOf(agencies[province.agencyId])).toEqual({ 3: 3, 26: 4, 27: 3, 33: 3, 34: 6 });
    // cityA: 2 of 3 published on time (4 × 2/3), its one withdrawal inside the display period.
    expect(scoresOf(agencies[cityA.agencyId])).toEqual({ 3: office, 26: 2.67, 27: 0, 33: 3, 34: 6 });
    // cityB: its 2045 report found missing at the cutoff.
    expect(scoresOf(agencies[cityB.agencyId])).toEqual({ 3: office, 26: 4, 27: 3, 33: 3, 34: 6, 37: 0 });
    // deptA1: 2 of 3 decisions on time (6 × 2/3).
    expect(scoresOf(agencies[deptA1.agencyId])).toEqual({ 3: office, 26: 4, 27: 3, 33: 3, 34: 4 });
    // deptA2: its complaint answered late; its 2045 report published by the cutoff.
    expect(scoresOf(agencies[deptA2.agencyId])).toEqual({ 3: office, 26: 4, 27: 3, 33: 0, 34: 6, 37: 3 });
    expect(scoresOf(agencies[deptB1.agencyId])).toEqual({ 3: office, 26: 4, 27: 3, 33: 3, 34: 6 });

    expect(agencies[province.agencyId]).toMatchObject({ measured: { score: 19, of: 19 }, bonus: 0 });
    expect(agencies[cityA.agencyId]).toMatchObject({ measured: { score: 14.24, of: 19 } });
    expect(agencies[cityB.agencyId]).toMatchObject({ measured: { score: 18.57, of: 22 } });
    expect(agencies[deptA1.agencyId]).toMatchObject({ measured: { score: 16.57, of: 19 } });
    expect(agencies[deptA2.agencyId]).toMatchObject({ measured: { score: 18.57, of: 22 } });
    expect(agencies[deptB1.agencyId]).toMatchObject({ measured: { score: 18.57, of: 19 } });
    // Everything else is for manual scoring: 81 base points where item 37 waits, 78 where it is measured.
    expect(agencies[province.agencyId]).toMatchObject({ manual: { of: 81 } });
    expect(
      (agencies[province.agencyId] as unknown as { manual: { numbers: number[] } }).manual.numbers,
    ).toHaveLength(40);
    expect(agencies[cityB.agencyId]).toMatchObject({ manual: { of: 78 } });
  });

  it('says what each score is made of, and the records behind it', async () => {
    const answer = await assessmentAs(cityA.tokens.supervisor, cityA.agencyId);
    expect(answer.status).toBe(200);
    expect(answer.json.agencies.map((agency: { agencyId: string }) => agency.agencyId)).toEqual([
      cityA.agencyId,
      ...treeOrder(deptA1, deptA2),
    ]);
    const itemOf = (agencyId: string, number: number) =>
      answer.json.agencies
        .find((agency: { agencyId: string }) => agency.agencyId === agencyId)
        .scores.find((item: { number: number }) => item.number === number);
    expect(itemOf(cityA.agencyId, 3)).toMatchObject({
      basis: '6 of 7 office details published; missing: fax',
      counts: { good: 6, total: 7 },
    });
    // The table once, with each item's text, points and measure; an agency's scores only its measured items.
    expect(answer.json.table.items).toHaveLength(45);
    expect(answer.json.table.items[2]).toMatchObject({
      number: 3,
      points: 3,
      measure: 'office_details_published',
    });
    expect(answer.json.agencies[0].scores.map((item: { number: number }) => item.number)).toEqual([
      3, 26, 27, 33, 34, 37,
    ]);
    expect(itemOf(cityA.agencyId, 26).formula).toBe('4 × 2/3 = 2.67');
    expect(itemOf(cityA.agencyId, 33).formula).toBe('3 × 1 = 3'); // nothing to count: full
    expect(itemOf(cityA.agencyId, 26).basis).toBe(
      '2 of 3 proactive items published within their deadline in 2046',
    );
    expect(itemOf(cityA.agencyId, 27).basis).toContain(
      '0 of 1 items withdrawn in 2046 after their display period ended',
    );
    expect(itemOf(deptA1.agencyId, 34).basis).toBe(
      '2 of 3 applications answered within the statutory period in 2046',
    );
    expect(itemOf(deptA2.agencyId, 33).basis).toBe('0 of 1 complaints answered within 30 days in 2046');
    expect(itemOf(deptA2.agencyId, 37).basis).toBe('the 2045 annual report was published by its cutoff');
    expect(itemOf(deptA1.agencyId, 1)).toBeUndefined();
    expect(itemOf(deptA1.agencyId, 37)).toMatchObject({ score: null, counts: null });
    const missing = (
      await assessmentAs(province.tokens.supervisor, cityB.agencyId)
    ).json.agencies[0].scores.find((item: { number: number }) => item.number === 37);
    expect(missing).toMatchObject({
      score: 0,
      basis: 'the 2045 annual report was not published by 2046-04-01',
    });
    expect(missing.records).toEqual([expect.stringMatching(/^2045#annual_report_missing#/)]);
  });

  it('the assessment is a supervisor’s: not beside or above, not a clerk’s; unknown tables are 400s', async () => {
    expect((await assessmentAs(cityA.tokens.supervisor, cityB.agencyId)).status).toBe(403);
    expect((await assessmentAs(deptA1.tokens.supervisor, cityA.agencyId)).status).toBe(403);
    expect((await assessmentAs(province.tokens.clerk, province.agencyId)).status).toBe(403);
    const unknown = await assessmentAs(province.tokens.supervisor, province.agencyId, '?table=mars-2099');
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([expect.objectContaining({ path: 'query.table' })]);
  });
});
