import { describe, expect, it } from 'vitest';
import {
  applicationsBefore,
  Figures,
  openingCells,
  PendingByColumn,
  type Cells,
} from '#lib/domain/annual-report';
import { draftReport, editNarrative, getFigures, publish, setFigures } from '#lib/use-cases/annual-reports';
import { act, registerApplication } from '#lib/use-cases/applications/casework';
import { aPrincipal, aRegistration, anAgency, anOrganisation, cst, decisions } from '#test/support/factories';
import { givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * 二、上年结转 for an agency's first year in Gongkai: the applications pending on January 1 that Gongkai
 * never received are entered as an opening figure (as `inForceAtStartOfYear` is for documents), and 二 of
 * that year and every later one counts from it.
 */

const AGENCY = 'ag-city';
const admin = aPrincipal(['agency_admin']);
const clerk = aPrincipal(['clerk']);
const approver = aPrincipal(['approver']);
const narrative = { general: '总体情况', problems: '存在的问题', other: '无' };
const noFigures = { licensing: 0, penalties: 0, enforcement: 0, feeIncomeTenThousandYuan: 0 };

describe('the opening figure and the cells it counts from', () => {
  it('takes a count per applicant column, 0 where left out, never negative or an unknown column', () => {
    expect(PendingByColumn.parse({ natural_person: 4, commercial_enterprise: 1 })).toEqual({
      natural_person: 4,
      commercial_enterprise: 1,
      research_institution: 0,
      social_welfare_organization: 0,
      legal_service_agency: 0,
      other: 0,
    });
    expect(PendingByColumn.safeParse({ natural_person: -1 }).success).toBe(false);
    expect(PendingByColumn.safeParse({ citizens: 1 }).success).toBe(false);
  });

  it('figures entered before it read as none', () => {
    expect(Figures.parse({ ...noFigures, version: 0 }).pendingAtStartOfYear).toBeNull();
  });

  it('keeps one cell per column in the year’s counters, and takes them away when the figure is', () => {
    const cells = openingCells(PendingByColumn.parse({ natural_person: 4 }));
    expect(cells).toMatchObject({ 'pendingAtStart.natural_person': 4, 'pendingAtStart.other': 0 });
    expect(Object.keys(cells)).toHaveLength(6);
    expect(Object.values(openingCells(null))).toEqual(Array(6).fill(null));
  });

  it('二 counts from the latest opening up to the year and what came after it; earlier years no longer count', () => {
    const counters: { year: number; cells: Cells }[] = [
      { year: 2025, cells: { 'received.natural_person': 3, 'decided.disclosed.natural_person': 1 } },
      {
        year: 2026,
        cells: {
          'pendingAtStart.natural_person': 5,
          'received.natural_person': 2,
          'decided.disclosed.natural_person': 4,
        },
      },
      { year: 2027, cells: { 'received.natural_person': 1 } },
    ];
    const opening = { ...openingCells(PendingByColumn.parse({})), 'pendingAtStart.natural_person': 5 };
    expect(applicationsBefore(counters, 2026)).toEqual(opening);
    expect(applicationsBefore(counters, 2027)).toEqual({
      ...opening,
      'received.natural_person': 2,
      'decided.disclosed.natural_person': 4,
    });
    // Without an opening, every earlier year counts.
    expect(applicationsBefore(counters.slice(0, 1), 2026)).toEqual(counters[0]?.cells);
    expect(
      applicationsBefore(
        counters.filter((entry) => entry.year !== 2026),
        2028,
      ),
    ).toEqual({
      'received.natural_person': 4,
      'decided.disclosed.natural_person': 1,
    });
  });
});

async function aWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency());
  return world;
}
const register = (world: InMemoryWorld, receivedOn: string, today = receivedOn, overrides = {}) =>
  registerApplication(
    world.applicationDeps,
    clerk,
    AGENCY,
    aRegistration({ receivedOn, ...overrides }),
    cst(today),
  );
const decide = (world: InMemoryWorld, id: string, today: string) =>
  act(
    world.applicationDeps,
    approver,
    AGENCY,
    id,
    { kind: 'decision', input: decisions.disclosed() },
    cst(today),
  );

describe('an agency’s first year in Gongkai (use cases)', () => {
  it('row 二 of the first report is the opening figure; the next year’s 二 follows from it and matches 四', async () => {
    const world = await aWorld();
    expect((await getFigures(world.reportDeps, AGENCY, 2026)).pendingAtStartOfYear).toBeNull();
    await setFigures(world.reportDeps, AGENCY, 2026, {
      ...noFigures,
      inForceAtStartOfYear: null,
      pendingAtStartOfYear: PendingByColumn.parse({ natural_person: 4, commercial_enterprise: 1 }),
      version: 0,
    });
    // One of the four old letters is registered to be decided here, with its date of receipt in 2025:
    // the opening figure already counts it.
    const old = await register(world, '2025-12-22', '2026-01-05');
    await decide(world, old.trackingNumber, '2026-01-09');
    await register(world, '2026-03-02'); // decided in 2026
    await decide(world, '2026-TEST-0002', '2026-03-20');
    await register(world, '2026-12-28', '2026-12-28', { applicant: anOrganisation('commercial_enterprise') });

    const first = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    expect(first.content.applications.natural_person).toMatchObject({
      carriedIn: 4,
      received: 1,
      resultsTotal: 2,
      carriedOut: 3,
    });
    expect(first.content.applications.commercial_enterprise).toMatchObject({
      carriedIn: 1,
      received: 1,
      carriedOut: 2,
    });
    expect(first.content.applications.total).toMatchObject({ carriedIn: 5, carriedOut: 5 });
    await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2026,
      { version: 1, ...narrative },
      cst('2027-01-05'),
    );
    await publish(world.reportDeps, approver, AGENCY, 2026, { version: 2 }, cst('2027-01-06'));

    const next = await draftReport(world.reportDeps, admin, AGENCY, 2027, cst('2027-02-01'));
    expect(next.content.applications.natural_person).toMatchObject({ carriedIn: 3 });
    expect(next.content.applications.commercial_enterprise).toMatchObject({ carriedIn: 2 });
    // 二 equals last year's published 四, column by column.
    expect(next.checks.filter((check) => check.path.endsWith('carriedIn'))).toEqual([]);
  });

  it('taking the figure away counts 二 from Gongkai’s records again', async () => {
    const world = await aWorld();
    const figures = {
      ...noFigures,
      inForceAtStartOfYear: null,
      pendingAtStartOfYear: PendingByColumn.parse({ natural_person: 7 }),
      version: 0,
    };
    await setFigures(world.reportDeps, AGENCY, 2026, figures);
    await register(world, '2025-12-22', '2026-01-05');
    const opened = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    expect(opened.content.applications.natural_person?.carriedIn).toBe(7);
    await setFigures(world.reportDeps, AGENCY, 2026, { ...figures, pendingAtStartOfYear: null, version: 1 });
    const counted = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-06'));
    expect(counted.content.applications.natural_person?.carriedIn).toBe(1);
  });
});
