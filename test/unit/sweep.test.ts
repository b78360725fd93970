import { describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  accountability,
  Breach,
  annualReportCutoff,
  daysToSweep,
  dueDayIndexOf,
  obligationOfBreach,
  periodClosedBefore,
  planDay,
  registrarOf,
} from '#lib/domain/sweep';
import { nextEvent, type Actor } from '#lib/domain/timeline';

const calendar = new WorkingCalendar();

describe('planning a day of the sweep', () => {
  it('on a working day, deadlines from the previous working day lapse; reminders are 1 and 3 working days out', () => {
    // Thursday 2026-10-08 follows the National Day week: the last working day before it was 09-30.
    expect(planDay(calendar, '2026-10-08')).toEqual({
      day: '2026-10-08',
      workingDay: true,
      lapsedDueDates: [
        '2026-09-30',
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      reminderDueDates: [
        { dueDate: '2026-10-09', workingDaysLeft: 1 },
        { dueDate: '2026-10-12', workingDaysLeft: 3 },
      ],
    });
  });

  it('on a day off nothing lapses (it waits for the next working day); reminders still go out', () => {
    const plan = planDay(calendar, '2026-10-03');
    expect(plan).toMatchObject({ workingDay: false, lapsedDueDates: [] });
    expect(plan.reminderDueDates[0]?.dueDate).toBe('2026-10-08');
  });

  it('every working day gets its 3-day reminder from some day, and lapses on exactly one day', () => {
    const reminded = new Set<string>();
    const lapsed = new Map<string, number>();
    for (let day = '2026-01-01'; day <= '2026-12-20'; day = addDays(day, 1)) {
      const plan = planDay(calendar, day);
      for (const reminder of plan.reminderDueDates)
        if (reminder.workingDaysLeft === 3) reminded.add(reminder.dueDate);
      for (const date of plan.lapsedDueDates) lapsed.set(date, (lapsed.get(date) ?? 0) + 1);
    }
    for (let day = '2026-01-10'; day <= '2026-12-10'; day = addDays(day, 1)) {
      if (!calendar.isWorkingDay(day)) continue;
      expect(reminded.has(day), day).toBe(true);
      expect(lapsed.get(day), day).toBe(1);
    }
  });

  it('a clock written when its due date has passed is filed under the day it was written, so the next sweep finds it', () => {
    // A letter received 03-02 and registered 05-06: due 03-30, filed under 05-06.
    expect(dueDayIndexOf('2026-03-30', '2026-05-06')).toBe('2026-05-06');
    // The next working day's sweep reads 05-06 among the days that lapsed.
    expect(planDay(calendar, '2026-05-07').lapsedDueDates).toContain('2026-05-06');
    // A clock still running is filed under its due date, even one due the day it is written.
    expect(dueDayIndexOf('2026-06-01', '2026-05-06')).toBe('2026-06-01');
    expect(dueDayIndexOf('2026-05-06', '2026-05-06')).toBe('2026-05-06');
  });

  it('catches up every day after the watermark, and nothing before it', () => {
    expect(daysToSweep('2026-03-29', '2026-04-01')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01']);
    expect(daysToSweep('2026-04-01', '2026-04-01')).toEqual([]);
    expect(daysToSweep(null, '2026-04-01')).toEqual(['2026-04-01']);
  });
});

describe('rules of the sweep', () => {
  it('accountability: the handler, unless a leader approved — then the leader, the handler secondary', () => {
    const handler = { staffId: 'stf_h', name: '承办人' };
    const leader = { staffId: 'stf_l', name: '领导' };
    expect(accountability({ handler, leader: null })).toEqual({ primary: handler, secondary: null });
    expect(accountability({ handler, leader })).toEqual({ primary: leader, secondary: handler });
  });

  it('a case nobody was assigned: the clerk who registered or confirmed it, and the office head beside them', () => {
    const registrar = { staffId: 'stf_r', name: '登记人' };
    const leader = { staffId: 'stf_l', name: '领导' };
    const officeHead = { role: 'office_head' as const, agencyId: 'ag', name: '李华' };
    expect(accountability({ handler: null, leader: null, registrar, officeHead })).toEqual({
      primary: registrar,
      secondary: officeHead,
    });
    // Never nobody: an online application nobody confirmed is the office head's.
    expect(accountability({ handler: null, leader: null, registrar: null, officeHead })).toEqual({
      primary: officeHead,
      secondary: null,
    });
    // A leader who approved still answers first, the registering clerk as the handler.
    expect(accountability({ handler: null, leader, registrar, officeHead })).toEqual({
      primary: leader,
      secondary: registrar,
    });
    // An assigned handler answers, whoever registered the case.
    const handler = { staffId: 'stf_h', name: '承办人' };
    expect(accountability({ handler, leader: null, registrar, officeHead })).toEqual({
      primary: handler,
      secondary: null,
    });
  });

  it('the registering clerk is read from the timeline: who registered, or who confirmed an online application', () => {
    const ref = { agencyId: 'ag', kind: 'application', id: '2026-TEST-0001' } as const;
    const clerk = (staffId: string, name?: string): Actor => ({
      kind: 'staff',
      staffId,
      agencyId: 'ag',
      roles: ['clerk'],
      ...(name === undefined ? {} : { name }),
    });
    const event = (type: string, actor: Actor) =>
      nextEvent(ref, { seq: 0, hash: null }, { type, now: new Date('2026-05-06T02:00:00Z'), actor });
    expect(registrarOf([event('application_registered', clerk('stf_a', '张三'))])).toEqual({
      staffId: 'stf_a',
      name: '张三',
    });
    expect(
      registrarOf([
        event('application_submitted', { kind: 'applicant' }),
        event('handler_assigned', clerk('stf_b')),
        event('application_confirmed', clerk('stf_c')),
        event('clarification_requested', clerk('stf_d')),
      ]),
    ).toEqual({ staffId: 'stf_c', name: null });
    expect(registrarOf([event('application_submitted', { kind: 'applicant' })])).toBeNull();
  });

  it('a breach names a member of staff or the office head, and reads back either', () => {
    const breach = {
      breachKey: '2026#reply_overdue#application#2026-TEST-0001#reply',
      agencyId: 'ag',
      kind: 'reply_overdue',
      case: { agencyId: 'ag', kind: 'application', id: '2026-TEST-0001' },
      clock: 'reply',
      subject: '2026-TEST-0001 某项目',
      dueDate: '2026-05-06',
      recordedOn: '2026-05-07',
      accountable: {
        primary: { staffId: 'stf_r', name: null },
        secondary: { role: 'office_head', agencyId: 'ag', name: '李华' },
      },
      level: 'ag',
      escalations: [],
      escalateOn: '2026-05-14',
      status: 'open',
      version: 1,
    };
    expect(Breach.parse(breach)).toEqual(breach);
  });

  it('periods close at the end of a month, quarter or year', () => {
    expect(periodClosedBefore('monthly', '2026-03-01')).toEqual({
      period: '2026-02',
      closedOn: '2026-02-28',
    });
    expect(periodClosedBefore('quarterly', '2026-04-01')).toEqual({
      period: '2026-Q1',
      closedOn: '2026-03-31',
    });
    expect(periodClosedBefore('quarterly', '2026-01-01')).toEqual({
      period: '2025-Q4',
      closedOn: '2025-12-31',
    });
    expect(periodClosedBefore('quarterly', '2026-05-01')).toBeNull();
    expect(periodClosedBefore('yearly', '2027-01-01')).toEqual({ period: '2026', closedOn: '2026-12-31' });
    expect(periodClosedBefore('monthly', '2026-03-02')).toBeNull();
  });

  it('the annual-report cutoff is in the year after the report year', () => {
    expect(annualReportCutoff('03-31', 2026)).toBe('2027-03-31');
    expect(annualReportCutoff('01-31', 2026)).toBe('2027-01-31');
  });
});

describe('what a breach without a case concerns (it is cured when that is met)', () => {
  it('the report year of a missing annual report; the obligation and period of a missed publication', () => {
    expect(
      obligationOfBreach({
        kind: 'annual_report_missing',
        breachKey: '2026#annual_report_missing#annual_report#2025#report',
      }),
    ).toEqual({ kind: 'annual_report', year: 2025 });
    expect(
      obligationOfBreach({
        kind: 'periodic_missed',
        breachKey: '2026#periodic_missed#obligation#ob_0000abcd#2026-Q1',
      }),
    ).toEqual({ kind: 'periodic', obligationId: 'ob_0000abcd', period: '2026-Q1' });
    expect(
      obligationOfBreach({
        kind: 'reply_overdue',
        breachKey: '2026#reply_overdue#application#2026-K7QX#reply',
      }),
    ).toBeNull();
    expect(obligationOfBreach({ kind: 'annual_report_missing', breachKey: 'malformed' })).toBeNull();
  });
});
