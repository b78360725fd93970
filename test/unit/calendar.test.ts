import bundledData from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { exhaustive } from '#test/support/depth';
import {
  addDays,
  dayNumberOf,
  isoDateOfDayNumber,
  weekdayOfDayNumber,
} from '#lib/domain/calendar/civil-date';
import { BUNDLED_SCHEDULES } from '#lib/domain/calendar/bundled-schedules.generated';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  BUNDLED_YEARS,
  bundledYear,
  checkPublishedSchedule,
  provisionalYear,
  statutoryHolidays,
} from '#lib/domain/calendar/year-schedule';
import { bundledScheduleRows, groupByYear } from '#infra/tools/generate-bundled-schedules';

const calendar = new WorkingCalendar();

/** The official data, read day by day with no index: the reference the engine must match. */
const officialOff = new Set(Object.keys(bundledData.holidays));
const officialOn = new Set(Object.keys(bundledData.workdays));
const isWorkingByHand = (date: string): boolean => {
  if (officialOn.has(date)) return true;
  if (officialOff.has(date)) return false;
  const weekday = weekdayOfDayNumber(dayNumberOf(date));
  return weekday !== 0 && weekday !== 6;
};
const addWorkingDaysByHand = (from: string, n: number): string => {
  let date = from;
  for (let counted = 0; counted < n;) {
    date = addDays(date, 1);
    if (isWorkingByHand(date)) counted += 1;
  }
  return date;
};

describe('the engine against a day-by-day count over the official data', () => {
  // On a sample run (see test/support/depth.ts), the last official year only.
  const first = exhaustive ? '2020-01-01' : '2026-01-01';
  it(`every start date ${first}..2026-12-31 and N in {1, 5, 7, 15, 20, 30, 40}: zero differences`, () => {
    const differences: string[] = [];
    let compared = 0;
    for (let day = dayNumberOf(first); day <= dayNumberOf('2026-12-31'); day += 1) {
      const from = isoDateOfDayNumber(day);
      for (const n of [1, 5, 7, 15, 20, 30, 40]) {
        const expected = addWorkingDaysByHand(from, n);
        // Periods that reach into 2027 cross a provisional year; compare only the official ones.
        if (expected > '2026-12-31') continue;
        compared += 1;
        const actual = calendar.addWorkingDays(from, n);
        if (actual.dueDate !== expected) differences.push(`${from} + ${n}: ${actual.dueDate} ≠ ${expected}`);
        if (actual.provisional) differences.push(`${from} + ${n}: marked provisional`);
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(exhaustive ? 17_000 : 2_300);
  });

  it('every day of 2004..2026 is a working day exactly when the official data says so', () => {
    const differences: string[] = [];
    for (let day = dayNumberOf('2004-01-01'); day <= dayNumberOf('2026-12-31'); day += 1) {
      const date = isoDateOfDayNumber(day);
      if (calendar.isWorkingDay(date) !== isWorkingByHand(date)) differences.push(date);
    }
    expect(differences).toEqual([]);
  });
});

describe('fixed cases', () => {
  const due = (from: string, n: number) => calendar.addWorkingDays(from, n).dueDate;

  it('RULES §1: a letter received Monday 2026-09-28 with 20 working days is due 2026-10-30', () => {
    expect(calendar.addWorkingDays('2026-09-28', 20)).toMatchObject({
      dueDate: '2026-10-30',
      provisional: false,
      calendarYears: [2026],
    });
  });

  it('National Day 2026: Sunday 09-20 and Saturday 10-10 are worked, 10-01..10-07 are off', () => {
    expect(due('2026-09-18', 1)).toBe('2026-09-20');
    expect(due('2026-09-30', 1)).toBe('2026-10-08');
    expect(due('2026-09-30', 3)).toBe('2026-10-10');
    expect(due('2026-10-10', 1)).toBe('2026-10-12');
  });

  it('Spring Festival 2026: Saturdays 02-14 and 02-28 are worked, 02-15..02-23 are off', () => {
    expect(due('2026-02-12', 1)).toBe('2026-02-13');
    expect(due('2026-02-12', 2)).toBe('2026-02-14');
    expect(due('2026-02-12', 3)).toBe('2026-02-24');
    expect(due('2026-02-26', 2)).toBe('2026-02-28');
  });

  it('New Year 2026: 01-01..01-03 off, Sunday 01-04 worked', () => {
    expect(due('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-31', 1)).toMatchObject({
      calendarYears: [2025, 2026],
      provisional: false,
    });
  });

  it('a period from 2026 into 2027 is provisional until 2027 is loaded, then exact (and may move)', () => {
    const before = calendar.addWorkingDays('2026-12-15', 20);
    expect(before).toMatchObject({
      dueDate: '2027-01-13',
      provisional: true,
      provisionalYears: [2027],
      calendarYears: [2026, 2027],
    });
    // A published 2027 schedule with a bridging Monday, 01-04, off.
    const loaded = new WorkingCalendar([
      {
        year: 2027,
        source: 'loaded',
        holidays: [
          ...['01-01', '01-02', '01-03', '01-04'].map((d) => ({ date: `2027-${d}`, festival: '元旦' })),
        ],
        adjustedWorkdays: [],
      },
    ]);
    expect(loaded.addWorkingDays('2026-12-15', 20)).toMatchObject({
      dueDate: '2027-01-14',
      provisional: false,
      provisionalYears: [],
    });
    expect(loaded.sourceOf(2027)).toBe('loaded');
    expect(loaded.sourceOf(2028)).toBe('provisional');
  });

  it('a period entirely inside 2026 is exact even though 2027 is provisional', () => {
    expect(calendar.addWorkingDays('2026-11-25', 20).provisional).toBe(false);
  });

  it('natural days: a last day that is a day off moves to the next working day', () => {
    expect(calendar.addNaturalDays('2026-09-01', 30)).toMatchObject({ dueDate: '2026-10-08' }); // 10-01 is off
    expect(calendar.addNaturalDays('2026-09-01', 29)).toMatchObject({ dueDate: '2026-09-30' });
    expect(calendar.addNaturalDays('2026-02-01', 13)).toMatchObject({ dueDate: '2026-02-14' }); // Saturday, but worked
    expect(calendar.addNaturalDays('2026-12-20', 15)).toMatchObject({
      dueDate: '2027-01-04',
      provisional: true,
    });
  });

  it('counts and explains', () => {
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-30')).toBe(20);
    expect(calendar.daysOffBetween('2026-09-30', '2026-10-08').map((day) => day.reason)).toEqual(
      Array(7).fill('国庆节'),
    );
    expect(calendar.adjustedWorkdaysBetween('2026-09-01', '2026-10-31')).toEqual([
      { date: '2026-09-20', reason: '国庆节调休上班' },
      { date: '2026-10-10', reason: '国庆节调休上班' },
    ]);
  });

  it('refuses dates outside 2004–2100 and dates that do not exist', () => {
    expect(() => calendar.addWorkingDays('2003-12-31', 1)).toThrow(/2004/);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(/exist/);
    expect(() => calendar.addWorkingDays('2100-12-30', 5)).toThrow(/past 2100/);
  });
});

describe('provisional years', () => {
  it('2027 has the 13 statutory days off of the law and nothing else beyond weekends', () => {
    const days = statutoryHolidays(2027).map((day) => `${day.date} ${day.festival}`);
    expect(days).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    expect(calendar.sourceOf(2027)).toBe('provisional');
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // 初三, a Monday
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
    expect(provisionalYear(2027).adjustedWorkdays).toEqual([]);
  });

  it('the lunar table agrees with the official schedules of 2025 and 2026', () => {
    for (const year of [2025, 2026]) {
      for (const day of statutoryHolidays(year))
        expect(calendar.isWorkingDay(day.date), `${day.date} ${day.festival}`).toBe(false);
    }
  });
});

describe('loading a published schedule', () => {
  const year2027 = {
    holidays: [
      ...['01-01', '01-02', '01-03'].map((d) => ({ date: `2027-${d}`, festival: '元旦' })),
      ...['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13', '02-14'].map(
        (d) => ({ date: `2027-${d}`, festival: '春节' }),
      ),
      ...['04-03', '04-04', '04-05'].map((d) => ({ date: `2027-${d}`, festival: '清明节' })),
      ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => ({
        date: `2027-${d}`,
        festival: '劳动节',
      })),
      ...['06-09'].map((d) => ({ date: `2027-${d}`, festival: '端午节' })),
      ...['09-15'].map((d) => ({ date: `2027-${d}`, festival: '中秋节' })),
      ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((d) => ({
        date: `2027-${d}`,
        festival: '国庆节',
      })),
    ],
    adjustedWorkdays: [
      { date: '2027-02-20', festival: '春节' },
      { date: '2027-10-09', festival: '国庆节' },
    ],
  };

  it('a coherent schedule passes', () => {
    expect(checkPublishedSchedule(2027, year2027)).toEqual([]);
  });

  it('every bundled official year passes the same checks', () => {
    for (const year of BUNDLED_YEARS) {
      const schedule = bundledYear(year);
      if (schedule === undefined) throw new Error(`no ${year}`);
      expect(checkPublishedSchedule(year, schedule), String(year)).toEqual([]);
    }
  });

  it('names each broken rule with its field', () => {
    const broken = {
      holidays: [
        ...year2027.holidays.filter((day) => day.date !== '2027-06-09'),
        { date: '2026-07-01', festival: '建党' },
        { date: '2027-03-13', festival: '周末' },
        { date: '2027-10-09', festival: '国庆节' },
      ],
      adjustedWorkdays: [{ date: '2027-02-22', festival: '春节' }, ...year2027.adjustedWorkdays],
    };
    const messages = checkPublishedSchedule(2027, broken).map((error) => `${error.path}: ${error.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^body\.holidays\.\d+\.date: must be in 2027/),
        expect.stringMatching(/^body\.holidays\.\d+\.date: falls on a weekend that is not adjacent/),
        'body.adjustedWorkdays.0.date: must fall on a Saturday or Sunday',
        expect.stringMatching(/^body\.adjustedWorkdays\.2\.date: is both a day off and a working day/),
        'body.holidays: must include 2027-06-09 (端午节), a statutory holiday',
      ]),
    );
  });

  it('a New Year block may start in the last week of the previous December (as in 2023)', () => {
    const withDecember = {
      ...year2027,
      holidays: [{ date: '2026-12-31', festival: '元旦' }, ...year2027.holidays],
    };
    expect(checkPublishedSchedule(2027, withDecember)).toEqual([]);
    const loaded = new WorkingCalendar([{ year: 2027, source: 'loaded', ...withDecember }]);
    expect(loaded.isWorkingDay('2026-12-31')).toBe(false);
    expect(loaded.sourceOf(2026)).toBe('bundled');
  });
});

describe('the host time zone does not matter', () => {
  it(`runs under ${process.env.TZ ?? '(unset)'}`, () => {
    if (process.env.TZ !== undefined)
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
    expect(calendar.addWorkingDays('2026-09-28', 20).dueDate).toBe('2026-10-30');
  });
});

describe('the bundled official schedules', () => {
  it('are what chinese-days ships (regenerate with infra/tools/generate-bundled-schedules.ts)', () => {
    expect(BUNDLED_SCHEDULES.map((row) => [...row])).toEqual(bundledScheduleRows(bundledData));
  });

  it('read back, day for day and festival for festival, as chinese-days lists them', () => {
    const holidays = groupByYear(bundledData.holidays);
    const workdays = groupByYear(bundledData.workdays);
    expect(BUNDLED_YEARS).toEqual([...holidays.keys()].filter((year) => year >= 2004).sort());
    for (const [year, days] of holidays) {
      expect(bundledYear(year), String(year)).toEqual({
        year,
        source: 'bundled',
        holidays: days,
        adjustedWorkdays: workdays.get(year) ?? [],
      });
    }
    expect(bundledYear(2003)).toBeUndefined();
    expect(bundledYear(2090)).toBeUndefined();
  });
});
