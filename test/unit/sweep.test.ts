import { describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  accountability,
  annualReportCutoff,
  daysToSweep,
  periodClosedBefore,
  planDay,
} from '#lib/domain/sweep';

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
