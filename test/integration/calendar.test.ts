import { describe, expect, it } from 'vitest';
import { clockOps } from '#lib/adapters/clock-store';
import { keys } from '#lib/adapters/keys';
import { caseChange } from '#lib/adapters/records-table';
import { evaluateClock, startClock } from '#lib/domain/calendar/clock';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { statutoryHolidays } from '#lib/domain/calendar/year-schedule';
import { EMPTY_CHAIN, nextEvent, verifyChain, type TimelineEvent } from '#lib/domain/timeline';
import {
  aDocument,
  aNewAgency,
  api,
  archivedObjects,
  aRegisteredApplication,
  aStaffMember,
  drainStream,
  localCloud,
  localRecordsTable,
  platformToken,
  uniqueId,
} from '#test/support/api';

/**
 * Calendars are platform-wide and integration tests share one local cloud, so tests that load a year
 * use years no other test touches (2040s); 2027 stays provisional for everyone.
 */
/** A schedule for `year` with the statutory days plus the given extra days off. */
function scheduleFor(year: number, extra: { date: string; festival: string }[] = []) {
  return {
    holidays: [...statutoryHolidays(year), ...extra],
    adjustedWorkdays: [],
    notice: { title: `${year}年部分节假日安排（测试）` },
  };
}

describe('calendars', () => {
  it('GET a bundled year: the official 2026 schedule with its adjusted working days', async () => {
    const response = await api('GET', '/v1/calendars/2026');
    expect(response.status).toBe(200);
    expect(response.json.source).toBe('bundled');
    expect(response.json.adjustedWorkdays.map((day: { date: string }) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(response.json.holidays).toContainEqual({ date: '2026-10-01', festival: '国庆节' });
    expect(response.json.workingDays).toBe(
      new WorkingCalendar().workingDaysBetween('2025-12-31', '2026-12-31'),
    );
  });

  it('GET a year with no notice: provisional, with the 13 statutory days of the law', async () => {
    const response = await api('GET', '/v1/calendars/2027');
    expect(response.json).toMatchObject({ year: 2027, source: 'provisional', adjustedWorkdays: [] });
    expect(response.json.statutoryHolidays).toHaveLength(13);
  });

  it('a year outside 2004–2100 is 400', async () => {
    for (const year of ['2003', '2101', 'abc']) {
      const response = await api('GET', `/v1/calendars/${year}`);
      expect(response.status).toBe(400);
      expect(response.json.errors[0].path).toBe('path.year');
    }
  });

  it('loading a year: platform administrators only; an incoherent schedule is 422 naming each date', async () => {
    const cloud = localCloud();
    const byAdmin = await api('PUT', '/v1/calendars/2041', {
      token: cloud.tokens.agency_admin,
      body: scheduleFor(2041),
    });
    expect(byAdmin.status).toBe(403);
    const broken = scheduleFor(2041, [{ date: '2042-01-02', festival: '元旦' }]);
    broken.holidays = broken.holidays.filter((day) => day.festival !== '端午节');
    const response = await api('PUT', '/v1/calendars/2041', {
      token: platformToken(),
      body: { ...broken, adjustedWorkdays: [{ date: '2041-03-06', festival: '春节' }] },
    });
    expect(response.status).toBe(422);
    const messages = response.json.errors.map(
      (error: { path: string; message: string }) => `${error.path}: ${error.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^body\.holidays\.\d+\.date: must be in 2041/),
        'body.adjustedWorkdays.0.date: must fall on a Saturday or Sunday',
        expect.stringMatching(/^body\.holidays: must include 2041-\d\d-\d\d \(端午节\)/),
      ]),
    );
    const malformed = await api('PUT', '/v1/calendars/2041', {
      token: platformToken(),
      body: { holidays: [{ date: '2041-02-30', festival: '春节' }], adjustedWorkdays: [] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].path).toBe('body.holidays.0.date');
    expect((await api('GET', '/v1/calendars/2041')).json.source).toBe('provisional');
  });

  it('loading a year recomputes, by key, every open clock that was provisional in it, and says so on its timeline', async () => {
    const table = localRecordsTable();
    const provisional = new WorkingCalendar();
    const clock = startClock(provisional, '2040-01-05', 20);
    expect(clock).toMatchObject({ provisional: true, provisionalYears: [2040] });
    const caseId = uniqueId('case');
    // A case of a kind that copies no due date into its item: the clock mechanism alone is under test.
    const ref = { agencyId: localCloud().agencyId, kind: 'publication', id: caseId } as const;
    const casePk = keys.caseItem(ref).pk;
    const created = nextEvent(ref, EMPTY_CHAIN, {
      type: 'test_case_opened',
      now: new Date('2040-01-05T02:00:00Z'),
      actor: { kind: 'system', process: 'test' },
    });
    await table.transact([
      ...caseChange(table, {
        item: { pk: casePk, sk: 'CASE', entity: 'test_case' },
        expectedVersion: 'new',
        event: created,
      }),
      ...clockOps(table, { name: 'reply', case: ref, open: true, state: clock }, created),
    ]);
    expect(await table.get(keys.provisionalClock(2040, casePk, 'reply'))).toBeDefined();

    // The published 2040 schedule has a bridging day off inside the period: the due date moves a day.
    const bridging = new WorkingCalendar([
      {
        year: 2040,
        source: 'loaded',
        ...scheduleFor(2040, [
          { date: '2040-01-02', festival: '元旦' },
          { date: '2040-01-16', festival: '测试调休' },
        ]),
      },
    ]);
    const expectedDue = bridging.addWorkingDays('2040-01-05', 20).dueDate;
    expect(expectedDue).not.toBe(clock.dueDate);

    const response = await api('PUT', '/v1/calendars/2040', {
      token: platformToken(),
      body: scheduleFor(2040, [
        { date: '2040-01-02', festival: '元旦' },
        { date: '2040-01-16', festival: '测试调休' },
      ]),
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ year: 2040, source: 'loaded', recomputation: { complete: true } });
    expect(response.json.recomputation.changed).toBeGreaterThanOrEqual(1);

    const stored = await table.get(keys.clock(casePk, 'reply'));
    expect(stored?.state).toMatchObject({ dueDate: expectedDue, provisional: false, provisionalYears: [] });
    expect(stored?.gsi2pk).toBe(`DUE#${expectedDue.slice(0, 7)}`);
    expect(await table.get(keys.provisionalClock(2040, casePk, 'reply'))).toBeUndefined();

    const events = (await table.events(casePk)) as unknown as TimelineEvent[];
    expect(events.map((event) => event.type)).toEqual(['test_case_opened', 'due_date_recomputed']);
    expect(events[1]?.data).toMatchObject({
      clock: 'reply',
      previousDueDate: clock.dueDate,
      dueDate: expectedDue,
      previousProvisional: true,
      provisional: false,
    });
    expect(
      verifyChain(
        events.map(({ case: c, seq, type, at, actor, data, prevHash, hash }) => ({
          case: c,
          seq,
          type,
          at,
          actor,
          data,
          prevHash,
          hash,
        })),
      ),
    ).toEqual({ ok: true });

    // Both events reach the archive (the first has empty data: an empty map must survive the stream).
    await drainStream();
    const archived = await archivedObjects(`agency=${ref.agencyId}/year=2040/publication/${caseId}/`);
    expect(archived.map((object) => JSON.parse(object.body).type)).toEqual(['test_case_opened']);
    const recomputedArchived = await archivedObjects(
      `agency=${ref.agencyId}/year=${events[1]?.at.slice(0, 4) ?? ''}/publication/${caseId}/`,
    );
    expect(recomputedArchived.map((object) => JSON.parse(object.body).type)).toContain('due_date_recomputed');

    const deadline = await api('GET', '/v1/deadlines?from=2040-01-05&workingDays=20');
    expect(deadline.json).toMatchObject({ dueDate: expectedDue, provisional: false });
    expect((await api('GET', '/v1/calendars/2040')).json.notice.title).toBe('2040年部分节假日安排（测试）');
  });
});

describe('applications and the calendar', () => {
  it('an application due in a provisional year is recomputed when the year is loaded, and says so on its status page', async () => {
    const agency = await aNewAgency();
    const clerk = await aStaffMember(agency.agencyId, ['clerk']);
    const registered = await aRegisteredApplication(agency.agencyId, clerk.token, {
      receivedOn: '2041-12-31',
    });
    expect(registered).toMatchObject({ provisional: true });
    const bridging = scheduleFor(2042, [
      { date: '2042-01-02', festival: '元旦' },
      { date: '2042-01-03', festival: '元旦' },
    ]);
    const expected = new WorkingCalendar([{ year: 2042, source: 'loaded', ...bridging }]).addWorkingDays(
      '2041-12-31',
      20,
    ).dueDate;
    expect(expected).not.toBe(registered.dueDate);
    const loaded = await api('PUT', '/v1/calendars/2042', { token: platformToken(), body: bridging });
    expect(loaded.json.recomputation).toMatchObject({ complete: true });
    expect(loaded.json.recomputation.changed).toBeGreaterThanOrEqual(1);
    const page = await api('GET', `/v1/applications/${registered.trackingNumber}`, {
      headers: { 'x-access-token': registered.accessToken },
    });
    expect(page.json).toMatchObject({ dueDate: expected, provisional: false });
    expect(page.json.timeline.map((entry: { type: string }) => entry.type)).toContain('due_date_recomputed');
  });
});

describe('every case shows a recomputed due date', () => {
  it('a clarification, a publication deadline and a complaint running into a provisional year are all updated when it is loaded', async () => {
    const agency = await aNewAgency();
    const clerk = await aStaffMember(agency.agencyId, ['clerk']);
    const admin = await aStaffMember(agency.agencyId, ['supervisor']);
    const registered = await aRegisteredApplication(agency.agencyId, clerk.token, {
      receivedOn: '2043-12-18',
    });
    const clarification = await api(
      'POST',
      `/v1/agencies/${agency.agencyId}/applications/${registered.trackingNumber}/clarification-request`,
      {
        token: clerk.token,
        body: { items: ['请说明时间范围'], periodWorkingDays: 15 },
        now: '2043-12-21T02:00:00Z',
      },
    );
    expect(clarification.status, clarification.text).toBe(200);
    const submission = await api('POST', `/v1/agencies/${agency.agencyId}/submissions`, {
      token: clerk.token,
      body: aDocument({ formedOn: '2043-12-21' }),
      now: '2043-12-21T02:00:00Z',
    });
    const submitted = await api(
      'POST',
      `/v1/agencies/${agency.agencyId}/submissions/${submission.json.id}/submission`,
      { token: clerk.token, body: {}, now: '2043-12-21T03:00:00Z' },
    );
    expect(submitted.json.status).toBe('in_review');
    const complaint = await api('POST', `/v1/agencies/${agency.agencyId}/complaints`, {
      body: { complainant: { name: '张三', contact: '010-1234567' }, subject: '投诉', details: '答复逾期' },
      now: '2043-12-11T02:00:00Z',
    });
    expect(complaint.status, complaint.text).toBe(201);

    const schedule = scheduleFor(2044, [
      { date: '2044-01-04', festival: '元旦' },
      { date: '2044-01-05', festival: '元旦' },
      { date: '2044-01-11', festival: '测试' },
    ]);
    const calendar = new WorkingCalendar([{ year: 2044, source: 'loaded', ...schedule }]);
    const expected = {
      respondBy: calendar.addWorkingDays('2043-12-21', 15).dueDate,
      publishBy: calendar.addWorkingDays('2043-12-21', 20).dueDate,
      answerBy: evaluateClock(calendar, [
        { type: 'start', on: '2043-12-11', workingDays: 0, naturalDays: 30 },
      ]).dueDate,
    };
    expect(expected.answerBy).toBe('2044-01-12');
    const before = {
      respondBy: clarification.json.clarification.dueDate,
      publishBy: submitted.json.publicationDueDate,
    };
    expect(before.respondBy).not.toBe(expected.respondBy);
    expect(before.publishBy).not.toBe(expected.publishBy);

    const loaded = await api('PUT', '/v1/calendars/2044', { token: platformToken(), body: schedule });
    expect(loaded.json.recomputation).toMatchObject({ complete: true });

    const page = await api('GET', `/v1/applications/${registered.trackingNumber}`, {
      headers: { 'x-access-token': registered.accessToken },
    });
    expect(page.json.requests).toContainEqual(
      expect.objectContaining({ kind: 'clarification', respondBy: expected.respondBy }),
    );
    const reviewed = await api('GET', `/v1/agencies/${agency.agencyId}/submissions/${submission.json.id}`, {
      token: clerk.token,
    });
    expect(reviewed.json.publicationDueDate).toBe(expected.publishBy);
    const complaints = await api('GET', `/v1/agencies/${agency.agencyId}/complaints`, { token: admin.token });
    expect(complaints.json.items).toEqual([expect.objectContaining({ answerDueDate: expected.answerBy })]);
  });
});

describe('the deadline calculator', () => {
  it('20 working days from 2026-09-28 is 2026-10-30, with the National Day holiday explained', async () => {
    const response = await api('GET', '/v1/deadlines?from=2026-09-28&workingDays=20');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      from: '2026-09-28',
      dueDate: '2026-10-30',
      provisional: false,
      calendarYears: [2026],
      rule: 'working_days',
      days: 20,
    });
    expect(response.json.daysOff.map((day: { reason: string }) => day.reason)).toEqual(
      Array(7).fill('国庆节'),
    );
    expect(response.json.adjustedWorkdays).toEqual([{ date: '2026-10-10', reason: '国庆节调休上班' }]);
  });

  it('a period into 2027 says it is provisional', async () => {
    const response = await api('GET', '/v1/deadlines?from=2026-12-15&workingDays=20');
    expect(response.json).toMatchObject({
      dueDate: '2027-01-13',
      provisional: true,
      calendarYears: [2026, 2027],
      provisionalYears: [2027],
    });
  });

  it('natural days end on a working day', async () => {
    const response = await api('GET', '/v1/deadlines?from=2026-09-01&naturalDays=30');
    expect(response.json).toMatchObject({ dueDate: '2026-10-08', rule: 'natural_days', provisional: false });
  });

  it.each([
    ['', 'query.from'],
    ['?workingDays=20', 'query.from'],
    ['?from=2026-02-30&workingDays=20', 'query.from'],
    ['?from=26-09-28&workingDays=20', 'query.from'],
    ['?from=1999-01-01&workingDays=20', 'query.from'],
    ['?from=2026-09-28&workingDays=0', 'query.workingDays'],
    ['?from=2026-09-28&workingDays=367', 'query.workingDays'],
    ['?from=2026-09-28&workingDays=2.5', 'query.workingDays'],
    ['?from=2026-09-28&workingDays=abc', 'query.workingDays'],
    ['?from=2026-09-28', 'query.workingDays'],
    ['?from=2026-09-28&workingDays=5&naturalDays=5', 'query.workingDays'],
    ['?from=2026-09-28&naturalDays=-3', 'query.naturalDays'],
  ])('bad input %s → 400 naming %s', async (query, path) => {
    const response = await api('GET', `/v1/deadlines${query}`);
    expect(response.status).toBe(400);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.json.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it('a period running past 2100 is 422, not 500', async () => {
    const response = await api('GET', '/v1/deadlines?from=2100-12-20&workingDays=30');
    expect(response.status).toBe(422);
  });
});
