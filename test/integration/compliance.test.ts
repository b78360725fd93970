import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import type { Breach, BreachKind } from '#lib/domain/sweep';
import { EMPTY_CHAIN, nextEvent } from '#lib/domain/timeline';
import {
  aDocument,
  anAgencyWithStaff,
  api,
  aPublishedDocument,
  aRegisteredApplication,
  localRecordsTable,
} from '#test/support/api';

/**
 * Compliance over a three-level tree (a province, two cities, three departments) from 2046-03-01 to
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

describe('compliance over a province, 2046-03-01 to 2046-05-31', () => {
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
    province = await anAgencyWithStaff({ level: 'government', name: '示例省人民政府' });
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
    await aPublishedDocument(
      cityA.agencyId,
      document('关于2046年春季植树活动的通知', '2046-04-02'),
      at('2046-04-10'),
    );
    await aPublishedDocument(
      cityA.agencyId,
      document('关于2046年防汛工作的通知', '2046-06-01'),
      at('2046-06-05'),
    );

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
});
