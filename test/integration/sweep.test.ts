import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  aDocument,
  aNewAgency,
  anApplicant,
  api,
  aRegisteredApplication,
  aStaffMember,
  platformToken,
  uniqueId,
} from '#test/support/api';

/**
 * A scripted year (2032, a year no other test touches) through the sweep, with the business clock fixed
 * per request: every reminder, every breach kind, every automatic step, the annual-report reminders and
 * breach, escalation up the tree, the December calendar warning, a re-run adding nothing, a skipped day
 * caught up. 2032 has no published schedule, so the local cloud and this test use the same provisional
 * calendar.
 */
const calendar = new WorkingCalendar();
const at = (date: string) => `${date}T02:00:00Z`;
const due = (from: string, n: number) => calendar.addWorkingDays(from, n).dueDate;
const workingDaysBefore = (date: string, n: number) => {
  let day = date;
  while (due(day, n) !== date) day = addDays(day, -1);
  return day;
};
const nextWorkingDay = (date: string) => due(date, 1);

async function sweepTo(date: string, redo = false) {
  // The sweep refuses a day after today: the business clock is set to the day swept.
  const response = await api('POST', '/_local/sweep', {
    body: { date, ...(redo ? { redo } : {}) },
    now: `${date}T01:00:00Z`,
  });
  if (response.status !== 200) throw new Error(`sweep ${date}: ${response.status} ${response.text}`);
  return response.json as { days: string[]; counts: Record<string, number>; itemsRead: number };
}

type Agency = {
  agencyId: string;
  admin: string;
  supervisor: string;
  clerk: string;
  clerkId: string;
  clerkEmail: string;
  approver: string;
  approverId: string;
};
async function anAgency(overrides: Record<string, unknown> = {}): Promise<Agency> {
  const agency = await aNewAgency(overrides);
  const [admin, supervisor, approver] = await Promise.all([
    aStaffMember(agency.agencyId, ['agency_admin']),
    aStaffMember(agency.agencyId, ['supervisor']),
    aStaffMember(agency.agencyId, ['approver']),
  ]);
  const clerk = await aStaffMember(agency.agencyId, ['clerk']);
  return {
    agencyId: agency.agencyId,
    admin: admin.token,
    supervisor: supervisor.token,
    clerk: clerk.token,
    clerkId: clerk.staffId,
    clerkEmail: clerk.email,
    approver: approver.token,
    approverId: approver.staffId,
  };
}

/** The breaches of 2032 — of 2031 for the 2031 annual report's (the year a breach concerns). */
const breaches = async (
  agency: Agency,
  token: string,
  query = '',
  year = query.includes('annual_report_missing') ? 2031 : 2032,
) => (await api('GET', `/v1/agencies/${agency.agencyId}/breaches?year=${year}${query}`, { token })).json;
const outbox = async (agency: { agencyId: string }, token: string) =>
  (await api('GET', `/v1/agencies/${agency.agencyId}/outbox?limit=100`, { token })).json.items as Record<
    string,
    unknown
  >[];

describe('the compliance sweep across 2032', () => {
  let parent: Agency;
  let child: Agency;
  let lateGovernment: Agency;

  beforeAll(async () => {
    parent = await anAgency({ level: 'government', agencyId: uniqueId('gov') });
    child = await anAgency({ level: 'department', parentAgencyId: parent.agencyId });
    lateGovernment = await anAgency({ level: 'government' });
    // The parent publishes its 2031 report in January 2032, through the API: the cutoff check must see it.
    const drafted = await api('POST', `/v1/agencies/${parent.agencyId}/annual-reports/2031/draft`, {
      token: parent.admin,
      body: {},
      now: '2032-01-05T02:00:00Z',
    });
    const written = await api('PUT', `/v1/agencies/${parent.agencyId}/annual-reports/2031`, {
      token: parent.admin,
      body: { version: drafted.json.version, general: '总体情况', problems: '问题与改进', other: '无' },
    });
    const published = await api('POST', `/v1/agencies/${parent.agencyId}/annual-reports/2031/publication`, {
      token: parent.approver,
      body: { version: written.json.version },
      now: '2032-01-06T02:00:00Z',
    });
    expect(published.status, published.text).toBe(200);
  });

  it('January: annual-report reminders 30, 7 and 1 days before the January 31 cutoff; the breach the day after', async () => {
    await sweepTo('2031-12-31'); // the first run sets the watermark
    expect((await sweepTo('2032-01-01')).counts['reminder.annual_report.30']).toBeGreaterThanOrEqual(1);
    const caughtUp = await sweepTo('2032-01-24');
    expect(caughtUp.days[0]).toBe('2032-01-02');
    expect(caughtUp.days.at(-1)).toBe('2032-01-24');
    await sweepTo('2032-01-30');
    const reminders = (await api('GET', `/v1/agencies/${child.agencyId}/reminders`, { token: child.clerk }))
      .json.items;
    expect(
      reminders
        .filter((item: { kind?: string }) => item.kind === 'annual_report')
        .map((item: { daysLeft: number }) => item.daysLeft)
        .sort((a: number, b: number) => a - b),
    ).toEqual([1, 7, 30]);
    // Newest first, as the API says: by the day each was sent.
    const days = reminders.map((item: { day: string }) => item.day);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2032-01-30');
    // A kind is listed within a year (by key), never as pages filtered after reading.
    const kindAlone = await api('GET', `/v1/agencies/${child.agencyId}/breaches?kind=annual_report_missing`, {
      token: child.supervisor,
    });
    expect(kindAlone.status).toBe(400);
    expect(kindAlone.json.errors).toEqual([{ path: 'query.year', message: 'is required with kind' }]);
    await sweepTo('2032-02-01');
    const found = await breaches(child, child.supervisor, '&kind=annual_report_missing');
    expect(found.items).toHaveLength(1);
    // The 2031 report's breach is 2031's, though recorded in 2032.
    expect(
      (
        await api('GET', `/v1/agencies/${child.agencyId}/breaches?year=2032&kind=annual_report_missing`, {
          token: child.supervisor,
        })
      ).json.items,
    ).toEqual([]);
    expect(found.items[0]).toMatchObject({
      kind: 'annual_report_missing',
      dueDate: '2032-01-31',
      recordedOn: '2032-02-01',
      level: child.agencyId,
    });
    expect((await breaches(parent, parent.supervisor, '&kind=annual_report_missing')).items).toHaveLength(0);
  });

  it('a re-run of the same day records nothing twice', async () => {
    const outboxBefore = (await outbox(child, child.admin)).length;
    const again = await sweepTo('2032-02-01', true);
    expect(again.days).toEqual(['2032-02-01']);
    expect(again.counts).toEqual({});
    expect((await outbox(child, child.admin)).length).toBe(outboxBefore);
    expect((await breaches(child, child.supervisor, '&kind=annual_report_missing')).items).toHaveLength(1);
  });

  it('an open breach climbs to the parent agency after 5 working days; its supervisors see it, others do not', async () => {
    await sweepTo('2032-02-20');
    const found = await breaches(child, child.supervisor, '&kind=annual_report_missing');
    expect(found.items[0]).toMatchObject({ level: parent.agencyId, escalations: [{ to: parent.agencyId }] });
    const fromAbove = await breaches(parent, parent.supervisor, '&includeSubordinates=true', 2031);
    expect(
      fromAbove.subordinates
        .find((entry: { agencyId: string }) => entry.agencyId === child.agencyId)
        .items.map((item: { kind: string }) => item.kind),
    ).toContain('annual_report_missing');
    expect(
      (await api('GET', `/v1/agencies/${child.agencyId}/breaches`, { token: parent.supervisor })).status,
    ).toBe(200);
    expect(
      (await api('GET', `/v1/agencies/${parent.agencyId}/breaches`, { token: child.supervisor })).status,
    ).toBe(403);
    expect(
      (await api('GET', `/v1/agencies/${child.agencyId}/breaches`, { token: lateGovernment.supervisor }))
        .status,
    ).toBe(403);
    expect((await api('GET', `/v1/agencies/${child.agencyId}/breaches`, { token: child.clerk })).status).toBe(
      403,
    );
    expect((await outbox(parent, parent.admin)).some((item) => item.kind === 'escalation')).toBe(true);
  });

  it('the report published late cures the breach: resolved at its next escalation date, it climbs no further', async () => {
    const climbed = (await breaches(child, child.supervisor, '&kind=annual_report_missing')).items[0];
    expect(climbed).toMatchObject({ status: 'open', level: parent.agencyId, escalateOn: expect.any(String) });
    const drafted = await api('POST', `/v1/agencies/${child.agencyId}/annual-reports/2031/draft`, {
      token: child.admin,
      body: {},
      now: at('2032-02-23'),
    });
    const written = await api('PUT', `/v1/agencies/${child.agencyId}/annual-reports/2031`, {
      token: child.admin,
      body: { version: drafted.json.version, general: '总体情况', problems: '问题与改进', other: '无' },
      now: at('2032-02-23'),
    });
    const published = await api('POST', `/v1/agencies/${child.agencyId}/annual-reports/2031/publication`, {
      token: child.approver,
      body: { version: written.json.version },
      now: at('2032-02-24'),
    });
    expect(published.status, published.text).toBe(200);
    const swept = await sweepTo(nextWorkingDay(climbed.escalateOn));
    expect(swept.counts['breach.resolved']).toBeGreaterThanOrEqual(1);
    const cured = (await breaches(child, child.supervisor, '&kind=annual_report_missing')).items[0];
    expect(cured).toMatchObject({
      status: 'resolved',
      level: parent.agencyId,
      escalations: [{ to: parent.agencyId }],
      escalateOn: null,
    });
  });

  it('reply: reminders 3 and 1 working days before; the breach names the handler; after an extension, the leader', async () => {
    const a = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-03-01' });
    await api('POST', `/v1/agencies/${child.agencyId}/applications/${a.trackingNumber}/assignment`, {
      token: child.approver,
      body: { staffId: child.clerkId },
      now: at('2032-03-02'),
    });
    // Nobody is ever assigned to u: the clerk who registered it answers, the office head beside them.
    const u = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-03-01' });
    const b = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-03-01' });
    await api('POST', `/v1/agencies/${child.agencyId}/applications/${b.trackingNumber}/assignment`, {
      token: child.approver,
      body: { staffId: child.clerkId },
      now: at('2032-03-02'),
    });
    const extended = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${b.trackingNumber}/extension`,
      { token: child.approver, body: { workingDays: 5, reason: '需要协调' }, now: at('2032-03-20') },
    );
    expect(extended.status).toBe(200);

    expect(a.dueDate).toBe(due('2032-03-01', 20));
    await sweepTo(workingDaysBefore(a.dueDate, 3));
    await sweepTo(workingDaysBefore(a.dueDate, 1));
    const reminders = (
      await api('GET', `/v1/agencies/${child.agencyId}/reminders?limit=100`, { token: child.clerk })
    ).json.items;
    const mine = reminders.filter((item: { case?: { id: string } }) => item.case?.id === a.trackingNumber);
    expect(mine.map((item: { workingDaysLeft: number }) => item.workingDaysLeft).sort()).toEqual([1, 3]);

    await sweepTo(nextWorkingDay(a.dueDate));
    const overdue = (await breaches(child, child.supervisor, '&kind=reply_overdue')).items.find(
      (item: { case: { id: string } }) => item.case.id === a.trackingNumber,
    );
    expect(overdue).toMatchObject({
      dueDate: a.dueDate,
      recordedOn: nextWorkingDay(a.dueDate),
      accountable: { primary: { staffId: child.clerkId }, secondary: null },
    });
    const unassigned = (await breaches(child, child.supervisor, '&kind=reply_overdue')).items.find(
      (item: { case: { id: string } }) => item.case.id === u.trackingNumber,
    );
    expect(unassigned.accountable).toEqual({
      primary: { staffId: child.clerkId, name: '职员 clerk' },
      secondary: { role: 'office_head', agencyId: child.agencyId, name: '李华' },
    });
    const told = (await outbox(child, child.admin)).find(
      (item) => item.key === `breach#${unassigned.breachKey}`,
    );
    expect(told?.to).toEqual(['office', 'supervisors', `staff:${child.clerkId}`]);
    expect(told?.body).toBe('责任人：职员 clerk；次要责任人：李华（政府信息公开工作机构负责人）。');

    const bDue = extended.json.dueDate as string;
    await sweepTo(nextWorkingDay(bDue));
    const late = (await breaches(child, child.supervisor, '&kind=extension_overdue')).items.find(
      (item: { case: { id: string } }) => item.case.id === b.trackingNumber,
    );
    expect(late).toMatchObject({
      dueDate: bDue,
      accountable: { primary: { staffId: child.approverId }, secondary: { staffId: child.clerkId } },
    });
  });

  it('automatic steps: a lapsed supplement period goes to its handler, an unanswered consultation, an unpaid fee — each on the timeline', async () => {
    const c = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-04-06' });
    await api('POST', `/v1/agencies/${child.agencyId}/applications/${c.trackingNumber}/assignment`, {
      token: child.approver,
      body: { staffId: child.clerkId },
      now: at('2032-04-06'),
    });
    const clarification = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${c.trackingNumber}/clarification-request`,
      { token: child.clerk, body: { items: ['请明确年份'], periodWorkingDays: 5 }, now: at('2032-04-07') },
    );
    const supplementBy = clarification.json.clarification.dueDate as string;
    // Staff cannot record "no supplement" while the applicant may still supplement (Reg. 30).
    const early = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${c.trackingNumber}/decision`,
      {
        token: child.clerk,
        body: { outcome: 'otherwise_handled', reason: 'no_supplement' },
        now: at(supplementBy),
      },
    );
    expect(early.status).toBe(422);
    expect(early.json.type).toBe('urn:gongkai:problem:no-supplement-not-lapsed');
    const r = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-04-06' });
    await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${r.trackingNumber}/clarification-request`,
      { token: child.clerk, body: { items: ['请明确年份'], periodWorkingDays: 5 }, now: at('2032-04-07') },
    );
    const d = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-04-06' });
    const consulted = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${d.trackingNumber}/consultations`,
      {
        token: child.clerk,
        body: { party: 'third_party', name: '某公司', contact: '010-1234567', matter: '商业秘密' },
        now: at('2032-04-07'),
      },
    );
    const answerBy = consulted.json.consultations[0].dueDate as string;
    const e = await aRegisteredApplication(child.agencyId, child.clerk, {
      receivedOn: '2032-04-06',
      applicant: anApplicant({ email: 'payer@example.cn' }),
    });
    const fee = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${e.trackingNumber}/fee-notice`,
      {
        token: child.clerk,
        body: { basis: { method: 'by_volume', pages: 60 }, explanation: '页数较多' },
        now: at('2032-04-07'),
      },
    );
    const payBy = fee.json.fee.dueDate as string;

    const sweptOn = nextWorkingDay([supplementBy, answerBy, payBy].sort().at(-1) ?? supplementBy);
    await sweepTo(sweptOn);
    const caseOf = async (id: string) =>
      (await api('GET', `/v1/agencies/${child.agencyId}/applications/${id}`, { token: child.clerk })).json;
    // Deemed abandoned only "without a good reason" (Reg. 30): the handler judges; nothing is decided yet.
    const pendingC = await caseOf(c.trackingNumber);
    expect(pendingC).toMatchObject({
      status: 'abandonment_pending',
      decision: null,
      // Found lapsed by the run of `sweptOn` (which caught up the days since the last run).
      clarification: { dueDate: supplementBy, lapsedOn: sweptOn },
    });
    expect(pendingC.timeline.at(-1)).toMatchObject({
      type: 'abandonment_pending',
      actor: { kind: 'system', process: 'sweep' },
    });
    const status = await api('GET', `/v1/applications/${c.trackingNumber}`, {
      headers: { 'x-access-token': c.accessToken },
    });
    expect(status.json).toMatchObject({ status: 'abandonment_pending', decision: null });
    expect(status.json.statusText).toContain('如有正当理由');
    const resumedD = await caseOf(d.trackingNumber);
    expect(resumedD).toMatchObject({ status: 'in_progress', consultations: [{ answer: 'no_answer' }] });
    const consultationBreach = (
      await breaches(child, child.supervisor, '&kind=consultation_overdue')
    ).items.find((item: { case: { id: string } }) => item.case.id === d.trackingNumber);
    // Nobody was assigned to d: the registering clerk and the office head answer.
    expect(consultationBreach.accountable).toMatchObject({
      primary: { staffId: child.clerkId },
      secondary: { role: 'office_head', name: '李华' },
    });
    expect(await caseOf(e.trackingNumber)).toMatchObject({
      status: 'decided',
      decision: { outcome: 'otherwise_handled', reason: 'fee_unpaid' },
    });
    const sent = await outbox(child, child.admin);
    const notices = sent.filter((item) => item.kind === 'notice_to_applicant');
    expect(notices.map((item) => item.to)).toContainEqual(['payer@example.cn']);
    expect(notices.map((item) => item.key).sort()).toEqual(
      [
        `applicant#${d.trackingNumber}#consultation-lapsed`,
        `applicant#${e.trackingNumber}#fee-unpaid`,
      ].sort(),
    );
    const reviews = sent.filter((item) => item.kind === 'abandonment_review');
    expect(reviews.map((item) => [item.key, item.to])).toEqual(
      expect.arrayContaining([
        [`handler#${c.trackingNumber}#abandonment_pending#${supplementBy}`, [child.clerkEmail, 'office']],
      ]),
    );
    expect(reviews).toHaveLength(2);

    // The handler finds no good reason: otherwise handled, with its letter, signed by the handler.
    const closed = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${c.trackingNumber}/abandonment-review`,
      { token: child.clerk, body: { verdict: 'abandoned' }, now: at(sweptOn) },
    );
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'otherwise_handled',
        reason: 'no_supplement',
        decidedBy: { staffId: child.clerkId },
      },
    });
    // The other accepts the applicant's reason: a new period to supplement.
    const reopened = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${r.trackingNumber}/abandonment-review`,
      {
        token: child.clerk,
        body: { verdict: 'reopened', reason: '申请人出差，未收到补正通知', periodWorkingDays: 3 },
        now: at(sweptOn),
      },
    );
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.json).toMatchObject({
      status: 'awaiting_clarification',
      clarification: { dueDate: due(sweptOn, 3), lapsedOn: null },
    });
  });

  it('publication: a reminder 3 working days before, a breach after, and a periodic item never published', async () => {
    const created = await api('POST', `/v1/agencies/${child.agencyId}/submissions`, {
      token: child.clerk,
      body: aDocument({ formedOn: '2032-05-06', title: '2032年第二季度工作进展' }),
      now: at('2032-05-06'),
    });
    const publishBy = created.json.publicationDueDate as string;
    await sweepTo(workingDaysBefore(publishBy, 3));
    const reminders = (
      await api('GET', `/v1/agencies/${child.agencyId}/reminders?limit=100`, { token: child.clerk })
    ).json.items;
    expect(
      reminders.some(
        (item: { clock?: string; case?: { id: string } }) =>
          item.clock === 'publication' && item.case?.id === created.json.id,
      ),
    ).toBe(true);
    await sweepTo(nextWorkingDay(publishBy));
    const found = (await breaches(child, child.supervisor, '&kind=publication_overdue')).items;
    expect(found.find((item: { case: { id: string } }) => item.case.id === created.json.id)).toMatchObject({
      accountable: { primary: { staffId: expect.stringMatching(/^stf_/) } },
    });

    const read = await api('GET', `/v1/agencies/${child.agencyId}/periodic-obligations`, {
      token: child.admin,
    });
    const declared = await api('POST', `/v1/agencies/${child.agencyId}/periodic-obligations`, {
      token: child.admin,
      now: at('2032-05-10'),
      body: {
        version: read.json.version,
        title: '月度财政收支情况',
        category: 'budgets',
        cadence: 'monthly',
        publishWithinWorkingDays: 5,
      },
    });
    expect(declared.status).toBe(201);
    const mayDue = due('2032-05-31', 5);
    await sweepTo(nextWorkingDay(mayDue));
    const missed = (await breaches(child, child.supervisor, '&kind=periodic_missed')).items;
    expect(
      missed.map((item: { subject: string; dueDate: string }) => `${item.subject} ${item.dueDate}`),
    ).toEqual([`月度财政收支情况（2032-05） ${mayDue}`]);
  });

  it('late registration is still late: a letter received 03-02 registered 06-15, a document formed in January — breached at the next sweep, once', async () => {
    const late = await aRegisteredApplication(child.agencyId, child.clerk, {
      receivedOn: '2032-03-02',
      now: at('2032-06-15'),
    });
    expect(late.dueDate).toBe('2032-03-30');
    const document = await api('POST', `/v1/agencies/${child.agencyId}/submissions`, {
      token: child.clerk,
      body: aDocument({ formedOn: '2032-01-05', title: '2032年第一季度工作计划' }),
      now: at('2032-06-15'),
    });
    expect(document.status, document.text).toBe(201);
    const publishBy = document.json.publicationDueDate as string;
    expect(publishBy < '2032-06-15').toBe(true);

    const swept = await sweepTo('2032-06-16');
    expect(swept.counts).toMatchObject({ 'breach.reply_overdue': 1, 'breach.publication_overdue': 1 });
    const replyBreaches = async () =>
      (await breaches(child, child.supervisor, '&kind=reply_overdue')).items.filter(
        (item: { case: { id: string } }) => item.case.id === late.trackingNumber,
      );
    expect(await replyBreaches()).toEqual([
      expect.objectContaining({
        dueDate: '2032-03-30',
        recordedOn: '2032-06-16',
        accountable: {
          primary: expect.objectContaining({ staffId: child.clerkId }),
          secondary: { role: 'office_head', agencyId: child.agencyId, name: '李华' },
        },
      }),
    ]);
    const publication = (await breaches(child, child.supervisor, '&kind=publication_overdue')).items.find(
      (item: { case: { id: string } }) => item.case.id === document.json.id,
    );
    expect(publication).toMatchObject({ dueDate: publishBy, recordedOn: '2032-06-16' });
    // Filed under 06-15, it is not "due in 1 working day" on 06-14 (swept after it was written).
    const reminded = (
      await api('GET', `/v1/agencies/${child.agencyId}/reminders?limit=100`, { token: child.clerk })
    ).json.items.filter((item: { case?: { id: string } }) => item.case?.id === late.trackingNumber);
    expect(reminded).toEqual([]);

    // A re-run records nothing twice; nor does a later step on the overdue case, which writes its clock again.
    expect((await sweepTo('2032-06-16', true)).counts).toEqual({});
    const assigned = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${late.trackingNumber}/assignment`,
      { token: child.approver, body: { staffId: child.clerkId }, now: at('2032-06-17') },
    );
    expect(assigned.status).toBe(200);
    const again = await sweepTo('2032-06-18');
    expect(again.days).toEqual(['2032-06-17', '2032-06-18']);
    expect(again.counts['breach.reply_overdue']).toBeUndefined();
    expect(await replyBreaches()).toHaveLength(1);
  });

  it('online applications waiting for confirmation: a reminder after 1 working day, a breach after the agency’s limit, listed for oversight', async () => {
    const submit = async () => {
      const response = await api('POST', `/v1/agencies/${child.agencyId}/applications`, {
        body: {
          applicant: anApplicant(),
          request: { description: '某项目的环评批复', form: 'electronic', delivery: 'email' },
        },
        now: at('2032-06-21'),
      });
      expect(response.status, response.text).toBe(201);
      return response.json.trackingNumber as string;
    };
    const waiting = await submit();
    const confirmedInTime = await submit();
    const confirmation = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/applications/${confirmedInTime}/confirmation`,
      { token: child.clerk, body: {}, now: at('2032-06-22') },
    );
    expect(confirmation.status).toBe(200);
    const confirmBy = due('2032-06-21', 3);
    expect(confirmBy).toBe('2032-06-24');
    const confirmationReminders = async () =>
      (
        await api('GET', `/v1/agencies/${child.agencyId}/reminders?limit=100`, { token: child.clerk })
      ).json.items.filter((item: { kind?: string }) => item.kind === 'confirmation');

    await sweepTo('2032-06-22');
    expect(await confirmationReminders()).toEqual([]);
    // 06-22 is the 1st working day after submission: the next sweep reminds.
    expect((await sweepTo('2032-06-23')).counts['reminder.confirmation']).toBe(1);
    expect(await confirmationReminders()).toEqual([
      expect.objectContaining({
        day: '2032-06-23',
        dueDate: confirmBy,
        case: expect.objectContaining({ id: waiting }),
      }),
    ]);
    const reminder = (await outbox(child, child.admin)).find(
      (item) => item.key === `reminder#application#${waiting}#confirmation#${confirmBy}`,
    );
    expect(reminder?.body).toContain('机关自定期限，非法定期限');

    const listed = async (day: string) =>
      (
        await api('GET', `/v1/agencies/${child.agencyId}/awaiting-confirmation`, {
          token: child.supervisor,
          now: at(day),
        })
      ).json;
    expect(await listed('2032-06-23')).toMatchObject({
      limitBasis: expect.stringContaining('agency policy, not law'),
      items: [{ trackingNumber: waiting, confirmBy, limitWorkingDays: 3, overdue: false }],
    });
    // A supervisor of the parent agency sees them too.
    expect(
      (
        await api('GET', `/v1/agencies/${child.agencyId}/awaiting-confirmation`, {
          token: parent.supervisor,
          now: at('2032-06-23'),
        })
      ).status,
    ).toBe(200);

    await sweepTo('2032-06-25');
    const overdue = (await breaches(child, child.supervisor, '&kind=confirmation_overdue')).items;
    expect(overdue).toEqual([
      expect.objectContaining({
        case: expect.objectContaining({ id: waiting }),
        clock: 'confirmation',
        dueDate: confirmBy,
        recordedOn: '2032-06-25',
        // Nobody registered or confirmed it: the office head answers.
        accountable: {
          primary: { role: 'office_head', agencyId: child.agencyId, name: '李华' },
          secondary: null,
        },
      }),
    ]);
    expect((await listed('2032-06-25')).items).toEqual([
      expect.objectContaining({ trackingNumber: waiting, overdue: true }),
    ]);

    const late = await api('POST', `/v1/agencies/${child.agencyId}/applications/${waiting}/confirmation`, {
      token: child.clerk,
      body: {},
      now: at('2032-06-28'),
    });
    expect(late.json).toMatchObject({ status: 'in_progress', receivedOn: '2032-06-28' });
    expect((await listed('2032-06-28')).items).toEqual([]);
  });

  it('a skipped day is caught up by the next run', async () => {
    const first = await sweepTo('2032-07-01');
    expect(first.days.at(-1)).toBe('2032-07-01');
    const later = await sweepTo('2032-07-04');
    expect(later.days).toEqual(['2032-07-02', '2032-07-03', '2032-07-04']);
  });

  it('a complaint not answered within 30 days is a breach; an answered one is not', async () => {
    const file = (subject: string) =>
      api('POST', `/v1/agencies/${child.agencyId}/complaints`, {
        body: { complainant: { name: '李四', contact: '13900000000' }, subject, details: '申请逾期未答复' },
        now: at('2032-06-05'),
      });
    const unanswered = await file('逾期未答复');
    const answered = await file('答复不规范');
    expect(unanswered.status).toBe(201);
    expect(unanswered.json.answerDueDate).toBe(calendar.addNaturalDays('2032-06-05', 30).dueDate);
    const reply = await api(
      'POST',
      `/v1/agencies/${child.agencyId}/complaints/${answered.json.complaintId}/reply`,
      { token: child.supervisor, body: { reply: '经核查，已责令整改', upheld: true }, now: at('2032-06-20') },
    );
    expect(reply.status).toBe(200);
    await sweepTo(nextWorkingDay(unanswered.json.answerDueDate));
    const found = (await breaches(child, child.supervisor, '&kind=complaint_unanswered')).items.map(
      (item: { case: { id: string } }) => item.case.id,
    );
    expect(found).toEqual([unanswered.json.complaintId]);
  });

  it('April 1: a government agency without its report has a breach; one that published has none', async () => {
    await sweepTo('2032-04-01').catch(() => undefined); // already swept past: the watermark keeps it
    const late = await breaches(lateGovernment, lateGovernment.supervisor, '&kind=annual_report_missing');
    expect(late.items).toEqual([
      expect.objectContaining({ dueDate: '2032-03-31', recordedOn: '2032-04-01' }),
    ]);
    expect((await breaches(parent, parent.supervisor, '&kind=annual_report_missing')).items).toEqual([]);
  });

  it('December: a daily warning to platform administrators while 2033 is not loaded, naming provisional clocks', async () => {
    const late = await aRegisteredApplication(child.agencyId, child.clerk, { receivedOn: '2032-12-15' });
    expect(late.provisional).toBe(true);
    await sweepTo('2032-12-02');
    const warnings = (await outbox({ agencyId: 'platform' }, platformToken())).filter(
      (item) => item.kind === 'calendar_warning',
    );
    expect(warnings.map((item) => item.day)).toEqual(expect.arrayContaining(['2032-12-01', '2032-12-02']));
    const latest = warnings.find((item) => item.day === '2032-12-02');
    expect(String(latest?.body)).toContain(late.trackingNumber);
  });

  it('a day after today in China time is refused (400) and moves nothing; just past midnight in China it runs', async () => {
    const ahead = await api('POST', '/_local/sweep', {
      body: { date: '2033-12-01' },
      now: '2032-12-02T15:59:00Z', // 23:59 on 12-02 in China
    });
    expect(ahead.status).toBe(400);
    expect(ahead.text).toContain('must not be after today in China time (2032-12-02)');
    const tomorrow = await api('POST', '/_local/sweep', {
      body: { date: '2032-12-03' },
      now: '2032-12-02T16:00:00Z', // midnight, 12-03 in China
    });
    expect(tomorrow.status, tomorrow.text).toBe(200);
    expect(tomorrow.json.days).toEqual(['2032-12-03']);
  });
});
