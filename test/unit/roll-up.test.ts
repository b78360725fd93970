import { describe, expect, it } from 'vitest';
import { draftContent, type Cells } from '#lib/domain/annual-report';
import { rollUp, tableCells, type RollUpPart } from '#lib/domain/roll-up';

/** An agency's tables as its draft would hold them, from a few counter cells and entered figures. */
function partOf(
  agencyId: string,
  parentAgencyId: string | null,
  counted: { received?: number; disclosed?: number; licensing?: number; fee?: number },
  publishedEdition: number | null = null,
): RollUpPart {
  const cells: Cells = {
    'received.natural_person': counted.received ?? 0,
    'decided.disclosed.natural_person': counted.disclosed ?? 0,
  };
  const { proactive, applications, challenges, fees } = draftContent({
    agencyId,
    agencyName: `机关 ${agencyId}`,
    year: 2041,
    narrative: { general: '', problems: '', other: '' },
    applicationsThisYear: cells,
    applicationsBefore: {},
    publicationsUpToYear: [],
    inForceAtStartOfYear: null,
    challengesUpToYear: [],
    figures: {
      licensing: counted.licensing ?? 0,
      penalties: 0,
      enforcement: 0,
      feeIncomeTenThousandYuan: counted.fee ?? 0,
    },
  });
  return {
    agencyId,
    agencyName: `机关 ${agencyId}`,
    parentAgencyId,
    tables: { proactive, applications, challenges, fees },
    publishedEdition,
  };
}

describe('the roll-up (汇总) of annual reports', () => {
  const parts = [
    partOf('gov', null, { received: 1, licensing: 5, fee: 0.1 }),
    partOf('dept-1', 'gov', { received: 3, disclosed: 2, fee: 0.2 }, 1),
    partOf('dept-2', 'gov', { received: 3, licensing: 7 }),
  ];
  const rolled = rollUp(2041, parts);

  it('sums every cell, and a cell is the sum of the parts’ same cell', () => {
    const summed = tableCells(rolled.tables);
    const each = parts.map((part) => tableCells(part.tables));
    expect(Object.keys(summed).sort()).toEqual(Object.keys(each[0] ?? {}).sort());
    for (const [cell, value] of Object.entries(summed))
      expect(value, cell).toBeCloseTo(
        each.reduce((sum, cells) => sum + (cells[cell] ?? 0), 0),
        10,
      );
    expect(rolled.tables.applications.total?.received).toBe(7);
    expect(rolled.tables.applications.natural_person?.carriedOut).toBe(5);
    expect(rolled.tables.proactive.licensing).toBe(12);
  });

  it('keeps decimal money exact where binary sums would not (0.1 + 0.2)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(rolled.tables.proactive.feeIncomeTenThousandYuan).toBe(0.3);
  });

  it('names the agencies behind every non-zero cell, largest first, and none behind a zero', () => {
    expect(rolled.sources['applications.total.received']).toEqual([
      { agencyId: 'dept-1', value: 3 },
      { agencyId: 'dept-2', value: 3 },
      { agencyId: 'gov', value: 1 },
    ]);
    expect(rolled.sources['applications.natural_person.results.disclosed']).toEqual([
      { agencyId: 'dept-1', value: 2 },
    ]);
    expect(rolled.sources['proactive.penalties']).toBeUndefined();
    for (const [cell, list] of Object.entries(rolled.sources))
      expect(
        list.reduce((sum, entry) => sum + entry.value, 0),
        cell,
      ).toBeCloseTo(tableCells(rolled.tables)[cell] ?? NaN, 10);
  });

  it('says who has not published', () => {
    expect(rolled.unpublished).toEqual(['gov', 'dept-2']);
    expect(rolled.agencies.map((agency) => [agency.agencyId, agency.publishedEdition])).toEqual([
      ['gov', null],
      ['dept-1', 1],
      ['dept-2', null],
    ]);
  });

  it('a roll-up of one agency is its own tables', () => {
    const [only] = parts;
    if (only === undefined) throw new Error('no part');
    expect(rollUp(2041, [only]).tables).toEqual(only.tables);
    expect(() => rollUp(2041, [])).toThrow(/at least/);
  });
});
