import { describe, expect, it } from 'vitest';
import { AssessmentTable, scoreAgainst, type AssessmentItem } from '#lib/domain/assessment';
import { FUJIAN_TABLE } from '#lib/domain/assessment-tables';

describe('Fujian’s assessment table (seed 003) as configuration', () => {
  const table = AssessmentTable.parse(FUJIAN_TABLE);

  it('has its 45 items, 100 base points in six sections and 10 bonus points', () => {
    expect(table.items.map((item) => item.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    const bySection = new Map<string, number>();
    for (const item of table.items)
      bySection.set(item.section, (bySection.get(item.section) ?? 0) + item.points);
    expect(Object.fromEntries(bySection)).toEqual({
      组织机构与职责: 10,
      公开内容: 38,
      公开形式: 9,
      公开时间: 10,
      公开程序: 28,
      监督和保障: 5,
      加分项目: 10,
    });
    expect(table.items.filter((item) => item.bonus).map((item) => item.number)).toEqual([
      39, 40, 41, 42, 43, 44, 45,
    ]);
  });

  it('measures six items from the platform’s records; the rest are scored by hand', () => {
    expect(
      table.items.flatMap((item) =>
        item.measure === null ? [] : [[item.number, item.measure, item.points]],
      ),
    ).toEqual([
      [3, 'office_details_published', 3],
      [26, 'publications_on_time', 4],
      [27, 'display_periods_kept', 3],
      [33, 'complaints_answered_in_time', 3],
      [34, 'replies_on_time', 6],
      [37, 'annual_report_on_time', 3],
    ]);
  });

  it('scores each measured item as points × rate, with its basis; what was not measured is left by hand', () => {
    const scored = scoreAgainst(table, {
      replies_on_time: { rate: 41 / 45, basis: '41 of 45 replies on time', records: ['2041-AAAA-0001'] },
      publications_on_time: { rate: 1, basis: '12 of 12 on time', records: [] },
      display_periods_kept: { rate: 0.5, basis: '3 of 6 kept', records: [] },
      annual_report_on_time: { rate: 0, basis: 'not published by 2041-03-31', records: [] },
      office_details_published: { rate: 1, basis: 'all seven published', records: [] },
    });
    const score = (number: number) => scored.items.find((item) => item.number === number)?.score;
    expect(score(34)).toBe(5.47); // 6 × 41/45 = 5.466…
    expect(score(26)).toBe(4);
    expect(score(27)).toBe(1.5);
    expect(score(37)).toBe(0);
    expect(score(3)).toBe(3);
    expect(score(33)).toBeNull(); // complaints were not measured: by hand
    expect(scored.items.find((item) => item.number === 34)).toMatchObject({
      basis: '41 of 45 replies on time',
      records: ['2041-AAAA-0001'],
    });
    expect(scored.measured).toEqual({ score: 13.97, of: 19 });
    expect(scored.manual.numbers).toHaveLength(40);
    expect(scored.manual.of).toBe(81);
    expect(scored.bonus).toBe(0);
  });

  it('refuses a rate outside [0, 1]', () => {
    expect(() => scoreAgainst(table, { replies_on_time: { rate: 1.2, basis: '', records: [] } })).toThrow(
      RangeError,
    );
  });
});

describe('another province’s table', () => {
  const item = (number: number, points: number, extra: Partial<AssessmentItem> = {}): AssessmentItem => ({
    number,
    section: '测试',
    text: `第${number}项`,
    points,
    measure: null,
    bonus: false,
    bonusGroup: null,
    ...extra,
  });

  it('must add up to its base points and number each item once', () => {
    const wrong = AssessmentTable.safeParse({
      id: 'x',
      name: 'x',
      source: 'x',
      basePoints: 100,
      bonusCap: 5,
      items: [item(1, 60), item(1, 30)],
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['items.1.number', 'is used twice'],
      ['items', "base items add up to 90, not the table's 100 points"],
    ]);
  });

  it('counts a bonus group once, at its highest, and caps the bonus', () => {
    const table = AssessmentTable.parse({
      id: 'sample',
      name: '示例',
      source: 'test',
      basePoints: 10,
      bonusCap: 3,
      items: [
        item(1, 10, { measure: 'replies_on_time' }),
        item(2, 2, { bonus: true, bonusGroup: 'g', measure: 'publications_on_time' }),
        item(3, 1, { bonus: true, bonusGroup: 'g', measure: 'replies_on_time' }),
        item(4, 2, { bonus: true, measure: 'display_periods_kept' }),
      ],
    });
    const full = { rate: 1, basis: '', records: [] };
    const scored = scoreAgainst(table, {
      replies_on_time: full,
      publications_on_time: full,
      display_periods_kept: full,
    });
    expect(scored.measured).toEqual({ score: 10, of: 10 });
    expect(scored.bonus).toBe(3); // the group's 2 (not 2 + 1) and item 4's 2, capped at 3
  });
});
