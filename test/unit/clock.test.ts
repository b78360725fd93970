import { describe, expect, it } from 'vitest';
import { advanceClock, evaluateClock, startClock } from '#lib/domain/calendar/clock';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';

const calendar = new WorkingCalendar();

describe('a legal clock', () => {
  it('starts: 20 working days from the date of receipt', () => {
    const clock = startClock(calendar, '2026-09-28', 20);
    expect(clock).toMatchObject({ status: 'running', dueDate: '2026-10-30', period: 20, provisional: false });
    expect(clock.steps[0]?.daysOff.map((day) => day.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(clock.steps[0]?.adjustedWorkdays).toEqual([{ date: '2026-10-10', reason: '国庆节调休上班' }]);
  });

  it('a suspension stops it; on resumption the remaining days count from the day after', () => {
    const started = startClock(calendar, '2026-09-28', 20); // due 10-30
    const suspended = advanceClock(calendar, started, {
      type: 'suspend',
      on: '2026-10-12',
      reason: 'consultation',
    });
    // Used: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 = 6; remaining 14.
    expect(suspended).toMatchObject({ status: 'suspended', dueDate: null, remainingWorkingDays: 14 });
    const resumed = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-02', restart: false });
    expect(resumed).toMatchObject({ status: 'running', dueDate: '2026-11-20' });
    expect(calendar.workingDaysBetween('2026-11-02', '2026-11-20')).toBe(14);
  });

  it('a 15-working-day consultation does not count toward the reply period', () => {
    const started = startClock(calendar, '2026-03-02', 20);
    const withoutConsultation = started.dueDate;
    const suspended = advanceClock(calendar, started, {
      type: 'suspend',
      on: '2026-03-05',
      reason: 'consultation',
    });
    const consultationEnds = calendar.addWorkingDays('2026-03-05', 15).dueDate;
    const resumed = advanceClock(calendar, suspended, {
      type: 'resume',
      on: consultationEnds,
      restart: false,
    });
    expect(calendar.workingDaysBetween(withoutConsultation ?? '', resumed.dueDate ?? '')).toBe(15);
  });

  it('a clarification restarts a fresh full period from the supplement', () => {
    const started = startClock(calendar, '2026-09-28', 20);
    const suspended = advanceClock(calendar, started, {
      type: 'suspend',
      on: '2026-09-30',
      reason: 'clarification',
    });
    const restarted = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-16', restart: true });
    expect(restarted.dueDate).toBe(calendar.addWorkingDays('2026-11-16', 20).dueDate);
    expect(restarted.dueDate).toBe('2026-12-14');
  });

  it('a restart after an extension is a fresh period of the rule, not the extended one', () => {
    const started = startClock(calendar, '2026-09-28', 20); // due 10-30
    const extended = advanceClock(calendar, started, { type: 'extend', on: '2026-10-20', workingDays: 20 });
    const suspended = advanceClock(calendar, extended, {
      type: 'suspend',
      on: '2026-10-21',
      reason: 'clarification',
    });
    const restarted = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-16', restart: true });
    expect(restarted).toMatchObject({ status: 'running', period: 20, dueDate: '2026-12-14' });
  });

  it('a natural-day clock restarts with its natural days', () => {
    const started = evaluateClock(calendar, [
      { type: 'start', on: '2026-09-28', workingDays: 0, naturalDays: 30 },
    ]);
    const suspended = advanceClock(calendar, started, {
      type: 'suspend',
      on: '2026-10-08',
      reason: 'clarification',
    });
    const restarted = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-02', restart: true });
    expect(restarted.dueDate).toBe(calendar.addNaturalDays('2026-11-02', 30).dueDate);
  });

  it('an extension adds N working days to the current due date', () => {
    const started = startClock(calendar, '2026-09-28', 20);
    const extended = advanceClock(calendar, started, { type: 'extend', on: '2026-10-29', workingDays: 20 });
    expect(extended).toMatchObject({ dueDate: '2026-11-27', period: 40 });
  });

  it('refuses steps out of state or out of order', () => {
    const started = startClock(calendar, '2026-09-28', 20);
    expect(() =>
      advanceClock(calendar, started, { type: 'resume', on: '2026-10-12', restart: false }),
    ).toThrow(/not suspended/);
    expect(() =>
      advanceClock(calendar, started, { type: 'suspend', on: '2026-09-01', reason: 'force_majeure' }),
    ).toThrow(/before/);
    expect(() =>
      advanceClock(calendar, started, { type: 'suspend', on: '2026-10-31', reason: 'force_majeure' }),
    ).toThrow(/ran out on 2026-10-30/);
    const suspended = advanceClock(calendar, started, {
      type: 'suspend',
      on: '2026-10-12',
      reason: 'force_majeure',
    });
    expect(() =>
      advanceClock(calendar, suspended, { type: 'extend', on: '2026-10-13', workingDays: 5 }),
    ).toThrow(/suspended/);
    expect(() =>
      advanceClock(calendar, suspended, { type: 'suspend', on: '2026-10-13', reason: 'fee' }),
    ).toThrow(/already suspended/);
    expect(() => evaluateClock(calendar, [])).toThrow(/begins with its start/);
  });

  it('a suspension on the due date itself stops it with nothing left: it ends on the day it resumes', () => {
    const started = startClock(calendar, '2026-09-28', 20); // due Friday 10-30
    const suspended = advanceClock(calendar, started, { type: 'suspend', on: '2026-10-30', reason: 'fee' });
    expect(suspended).toMatchObject({ status: 'suspended', dueDate: null, remainingWorkingDays: 0 });
    const monday = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-02', restart: false });
    expect(monday).toMatchObject({ status: 'running', dueDate: '2026-11-02' });
    // Resumed on a Saturday: the day off moves the end to the next working day (民法典 Art. 203).
    const saturday = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-07', restart: false });
    expect(saturday.dueDate).toBe('2026-11-09');
    // A supplement after a clarification still restarts a full period.
    const restarted = advanceClock(calendar, suspended, { type: 'resume', on: '2026-11-02', restart: true });
    expect(restarted.dueDate).toBe(calendar.addWorkingDays('2026-11-02', 20).dueDate);
  });

  it('a clock across 2027 is provisional, and exact once 2027 is loaded', () => {
    const events = startClock(calendar, '2026-12-15', 20).events;
    expect(evaluateClock(calendar, events)).toMatchObject({
      dueDate: '2027-01-13',
      provisional: true,
      provisionalYears: [2027],
    });
    const loaded = new WorkingCalendar([
      {
        year: 2027,
        source: 'loaded',
        holidays: ['01', '02', '03', '04'].map((d) => ({ date: `2027-01-${d}`, festival: '元旦' })),
        adjustedWorkdays: [],
      },
    ]);
    expect(evaluateClock(loaded, events)).toMatchObject({
      dueDate: '2027-01-14',
      provisional: false,
      provisionalYears: [],
    });
  });
});
