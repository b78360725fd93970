import type { Agency } from '#lib/domain/agency';
import { draftContent } from '#lib/domain/annual-report';
import {
  complianceRow,
  periodOf,
  sortRows,
  type ComplianceColumn,
  type DateRange,
  type DayCounters,
} from '#lib/domain/compliance';
import { yearOf, type IsoDate } from '#lib/domain/calendar/civil-date';
import { NotFoundError, ValidationError, VersionConflictError } from '#lib/domain/errors';
import { rollUp, rollUpContent, sealRollUp, type RollUpPart } from '#lib/domain/roll-up';
import { annualReportBody, annualReportHtml } from '#lib/domain/annual-report-html';
import type { ReportContent, Seal } from '#lib/domain/annual-report';
import { archiveKeys } from '#lib/domain/archive-keys';
import { chinaIsoOf } from '#lib/domain/china-time';
import { EMPTY_CHAIN, nextEvent, staffActor, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import { scoreAgainst, type AssessmentTable } from '#lib/domain/assessment';
import { measureAgencyYear } from '#lib/domain/assessment-measures';
import type { Principal } from '#lib/domain/staff';
import type { Breach } from '#lib/domain/sweep';
import { inputsFrom, sealedEditionObjects, type AgencyYear, type ReportStore } from './annual-reports';
import { assertOversees, type AgencyTree } from './oversight';

/**
 * Supervision (监督) of a government over the agencies under it: the roll-up of their annual reports.
 * Every read is by key: per agency, its children (a Query) and its counters (a Query); its own item, its
 * figures, last year's report and its publication mark in batches of 100 keys — O(agencies), never a case.
 */
export type SupervisionDeps = {
  agencies: AgencyTree & {
    /** Many agencies by id; ids with no agency are left out. */
    getMany(agencyIds: readonly string[]): Promise<Agency[]>;
  };
  reports: Pick<ReportStore, 'counters'> & {
    /** Each agency's figures and last year's report for `year`, and its publication mark. */
    yearsOf(agencyIds: readonly string[], year: number): Promise<ReadonlyMap<string, AgencyYear>>;
  };
};

/** Queries in flight at once (the SDK keeps 50 sockets). */
const CONCURRENT_QUERIES = 32;
/** Agencies whose keys go in one batch of reads (three keys each: 100-key requests). */
const AGENCIES_PER_BATCH = 100;

async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(each))));
  return results;
}

/** The agency and every agency under it, level by level (the agency first). */
export async function subtreeOf(tree: SupervisionDeps['agencies'], agencyId: string): Promise<Agency[]> {
  const root = await tree.get(agencyId);
  if (root === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  const found: Agency[] = [root];
  const seen = new Set([agencyId]);
  let level: readonly Agency[] = [root];
  while (level.length > 0) {
    const childIds: string[] = [];
    for (const id of (
      await inBatches(level, CONCURRENT_QUERIES, (agency) => tree.children(agency.agencyId))
    ).flat()) {
      if (seen.has(id)) continue;
      seen.add(id);
      childIds.push(id);
    }
    // In the order walked (a batch read answers in any order).
    const byId = new Map(
      (childIds.length === 0 ? [] : await tree.getMany(childIds)).map((a) => [a.agencyId, a]),
    );
    level = childIds.flatMap((id) => byId.get(id) ?? []);
    found.push(...level);
  }
  return found;
}

/** An agency's place in the tree of `rootId` (whose own parent is outside it: null). */
const placeIn = (agency: Agency, rootId: string) => ({
  agencyId: agency.agencyId,
  agencyName: agency.name,
  parentAgencyId: agency.agencyId === rootId ? null : agency.parentAgencyId,
});

const NO_NARRATIVE = { general: '', problems: '', other: '' } as const;

/**
 * The roll-up (汇总) of the year's annual reports over the agency and every agency under it: each
 * agency's tables as its counters make them (what its own draft holds), summed cell by cell, each cell
 * with the agencies it comes from, and which agencies have not published their own report.
 */
export async function rollUpReports(
  deps: SupervisionDeps,
  principal: Principal,
  agencyId: string,
  year: number,
) {
  await assertOversees(deps, principal, agencyId);
  const agencies = await subtreeOf(deps.agencies, agencyId);
  const parts: RollUpPart[] = [];
  for (let start = 0; start < agencies.length; start += AGENCIES_PER_BATCH) {
    const batch = agencies.slice(start, start + AGENCIES_PER_BATCH);
    const [years, counters] = await Promise.all([
      deps.reports.yearsOf(
        batch.map((agency) => agency.agencyId),
        year,
      ),
      inBatches(batch, CONCURRENT_QUERIES, (agency) => deps.reports.counters(agency.agencyId)),
    ]);
    for (const [index, agency] of batch.entries()) {
      const read = years.get(agency.agencyId);
      const inputs = inputsFrom(agency.agencyId, year, counters[index] ?? [], read?.figures, read?.lastYear);
      const { proactive, applications, challenges, fees } = draftContent({
        ...inputs,
        agencyName: agency.name,
        narrative: NO_NARRATIVE,
      });
      parts.push({
        ...placeIn(agency, agencyId),
        tables: { proactive, applications, challenges, fees },
        publishedEdition: read?.publishedEdition ?? null,
      });
    }
  }
  return { agencyId, ...rollUp(year, parts) };
}

export type ComplianceDeps = Pick<SupervisionDeps, 'agencies'> & {
  days: {
    /** The agency's day counters from `from` to `to`, both included. */
    daysBetween(agencyId: string, from: string, to: string): Promise<DayCounters[]>;
  };
  breaches: {
    /** The agency's breaches whose key year (the year of what lapsed) is from `fromYear` to `toYear`. */
    breachesOfYears(agencyId: string, fromYear: number, toYear: number): Promise<Breach[]>;
  };
};

/**
 * Compliance over the agency and every agency under it, from `from` to `to`: per agency, one Query of
 * its day counters and one of its breaches (those that lapsed from the year before `from` on: a breach
 * is recorded after its date lapsed, a missing report the year after its own), never a case. The tree's
 * totals are counted from every agency's counters together (an average over all decisions, the worst of
 * all). The range defaults to January 1 of `to`'s year to today. In tree order, or by a column (numbers largest first, names A–Z, unless `order` says).
 */
export async function complianceOverTree(
  deps: ComplianceDeps,
  principal: Principal,
  agencyId: string,
  query: Partial<DateRange> & { sort?: ComplianceColumn | undefined; order?: 'asc' | 'desc' | undefined },
  today: IsoDate,
) {
  await assertOversees(deps, principal, agencyId);
  const range = periodOf(query, today);
  if (range.from > range.to)
    throw new ValidationError('The range ends before it starts.', [
      { path: 'query.from', message: `must not be after to (${range.to}, today unless given)` },
    ]);
  const agencies = await subtreeOf(deps.agencies, agencyId);
  const fromYear = Number(range.from.slice(0, 4)) - 1;
  const toYear = Number(range.to.slice(0, 4));
  const read = await inBatches(agencies, CONCURRENT_QUERIES, async (agency) => {
    const [days, breaches] = await Promise.all([
      deps.days.daysBetween(agency.agencyId, range.from, range.to),
      deps.breaches.breachesOfYears(agency.agencyId, fromYear, toYear),
    ]);
    const part = placeIn(agency, agencyId);
    return { days, breaches, row: complianceRow(part, range, days, breaches) };
  });
  const rows = read.map((agency) => agency.row);
  const order = query.order ?? (query.sort === 'agencyName' ? 'asc' : 'desc');
  return {
    agencyId,
    ...range,
    sort: query.sort ?? null,
    order,
    rows: query.sort === undefined ? rows : sortRows(rows, query.sort, order),
    totals: complianceRow(
      { agencyId, agencyName: agencies[0]?.name ?? agencyId, parentAgencyId: null },
      range,
      read.flatMap((agency) => agency.days),
      read.flatMap((agency) => agency.breaches),
    ),
  };
}

export type AssessmentDeps = ComplianceDeps & { reports: SupervisionDeps['reports'] };

/**
 * The assessment (考核) of the agency and every agency under it for `year` on a points table: per agency
 * its measures from what is kept by key — its item, its day counters of the year and its breaches (one
 * Query each), its counters (one Query: the year's legal challenges), last year's publication mark (in
 * batches of 100) — scored `points × rate`; the items no measure covers are listed for manual scoring.
 * The table (its items' text and points) is answered once; each agency has its measured items' scores.
 */
export async function assessTree(
  deps: AssessmentDeps,
  principal: Principal,
  agencyId: string,
  year: number,
  table: AssessmentTable,
) {
  await assertOversees(deps, principal, agencyId);
  const agencies = await subtreeOf(deps.agencies, agencyId);
  const scored = [];
  for (let start = 0; start < agencies.length; start += AGENCIES_PER_BATCH) {
    const batch = agencies.slice(start, start + AGENCIES_PER_BATCH);
    const lastYears = await deps.reports.yearsOf(
      batch.map((agency) => agency.agencyId),
      year - 1,
    );
    scored.push(
      ...(await inBatches(batch, CONCURRENT_QUERIES, async (agency) => {
        const [days, breaches, counters] = await Promise.all([
          deps.days.daysBetween(agency.agencyId, `${year}-01-01`, `${year}-12-31`),
          deps.breaches.breachesOfYears(agency.agencyId, year - 1, year),
          deps.reports.counters(agency.agencyId),
        ]);
        const measured = measureAgencyYear({
          year,
          profile: agency.profile,
          days,
          breaches,
          lastYearReport: { published: (lastYears.get(agency.agencyId)?.publishedEdition ?? null) !== null },
          challengeCells:
            counters.find((counter) => counter.kind === 'challenges' && counter.year === year)?.cells ?? {},
        });
        const { items, measured: earned, bonus, manual } = scoreAgainst(table, measured);
        return {
          ...placeIn(agency, agencyId),
          measured: earned,
          bonus,
          manual,
          // The items the table measures (their text and points are the table's, given once).
          scores: items
            .filter((item) => item.measure !== null)
            .map(({ number, points, score, basis, records, counts }) => ({
              number,
              score,
              // points × rate, the rate as what it counts: "4 × 2/3 = 2.67".
              formula:
                score === null || counts === null
                  ? null
                  : `${points} × ${counts.total === 0 ? 1 : `${counts.good}/${counts.total}`} = ${score}`,
              basis,
              records,
              counts,
            })),
        };
      })),
    );
  }
  return { agencyId, year, table, agencies: scored };
}

/** Port: a government's published roll-ups (汇总), edition by edition. */
export interface RollUpEditions {
  rollUp(
    agencyId: string,
    year: number,
  ): Promise<{ seals: Seal[]; version: number; chain: ChainHead } | undefined>;
  rollUpEdition(
    agencyId: string,
    year: number,
    edition: number,
  ): Promise<{ content: ReportContent; seal: Seal } | undefined>;
  publishRollUp(
    agencyId: string,
    year: number,
    edition: { content: ReportContent; seal: Seal; seals: readonly Seal[] },
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void>;
}

/**
 * The government publishes the roll-up as it stands now, as its own sealed edition (汇总): the summed
 * tables in the national format with a narrative saying what they sum and who had not published, the
 * SHA-256 of its canonical form, archived (JSON and the printable page) and shown on the portal. Each
 * publication is a new edition; `version` is the roll-up's as the publisher read it (0: none yet).
 */
export async function publishRollUp(
  deps: SupervisionDeps & { editions: RollUpEditions },
  principal: Principal,
  agencyId: string,
  year: number,
  input: { version: number },
  now: Date,
) {
  const current = await deps.editions.rollUp(agencyId, year);
  if ((current?.version ?? 0) !== input.version)
    throw new VersionConflictError(
      `The roll-up is at version ${current?.version ?? 0}, not ${input.version}: someone has published it since you read it.`,
    );
  const summed = await rollUpReports(deps, principal, agencyId, year);
  const content = rollUpContent(summed, { agencyId, name: summed.agencies[0]?.agencyName ?? agencyId });
  const seal = sealRollUp(content, current?.seals ?? [], chinaIsoOf(now), (edition) =>
    archiveKeys.rollUp(agencyId, year, edition),
  );
  const event = nextEvent({ agencyId, kind: 'roll_up', id: String(year) }, current?.chain ?? EMPTY_CHAIN, {
    type: 'roll_up_published',
    now,
    actor: staffActor(principal),
    data: {
      edition: seal.edition,
      sha256: seal.sha256,
      archiveObjects: sealedEditionObjects(content, seal),
    },
  });
  const seals = [...(current?.seals ?? []), seal];
  await deps.editions.publishRollUp(
    agencyId,
    year,
    { content, seal, seals },
    current?.version ?? 'new',
    event,
  );
  return {
    agencyId,
    year,
    version: (current?.version ?? 0) + 1,
    seal,
    editions: seals,
    unpublished: summed.unpublished,
  };
}

/** A published roll-up (the latest edition, or one asked for), with every edition's seal. */
export async function readPublishedRollUp(
  editions: Pick<RollUpEditions, 'rollUp' | 'rollUpEdition'>,
  agencyId: string,
  year: number,
  edition?: number,
) {
  const found = await editions.rollUp(agencyId, year);
  const latest = found?.seals.at(-1);
  if (found === undefined || latest === undefined)
    throw new NotFoundError(`No ${year} roll-up of ${agencyId} is published.`);
  const wanted = await editions.rollUpEdition(agencyId, year, edition ?? latest.edition);
  if (wanted === undefined)
    throw new NotFoundError(`The ${year} roll-up has no edition ${edition ?? latest.edition}.`);
  return {
    ...wanted,
    editions: found.seals,
    body: () => annualReportBody(wanted.content, wanted.seal),
    html: () => annualReportHtml(wanted.content, wanted.seal),
  };
}

/**
 * The public part of compliance (what agencies publish anyway in their annual reports): for the agency
 * and every agency under it, the year's applications received and answered, proactive items published
 * (to `today` in the current year), and whether its annual report for the year is published. No
 * principal: anyone may read it. Per agency one Query of its day counters; publication marks in batches.
 */
export async function publicCompliance(
  deps: Pick<ComplianceDeps, 'agencies' | 'days'> & { reports: Pick<SupervisionDeps['reports'], 'yearsOf'> },
  agencyId: string,
  year: number,
  today: IsoDate,
) {
  if (year > yearOf(today)) throw new NotFoundError(`The year ${year} has not begun.`);
  const agencies = await subtreeOf(deps.agencies, agencyId);
  const range = { from: `${year}-01-01`, to: year === yearOf(today) ? today : `${year}-12-31` };
  const rows = [];
  for (let start = 0; start < agencies.length; start += AGENCIES_PER_BATCH) {
    const batch = agencies.slice(start, start + AGENCIES_PER_BATCH);
    const marks = await deps.reports.yearsOf(
      batch.map((agency) => agency.agencyId),
      year,
    );
    rows.push(
      ...(await inBatches(batch, CONCURRENT_QUERIES, async (agency) => {
        const place = placeIn(agency, agencyId);
        const row = complianceRow(
          place,
          range,
          await deps.days.daysBetween(agency.agencyId, range.from, range.to),
          [],
        );
        return {
          ...place,
          received: row.received,
          decided: row.decided,
          published: row.published,
          reportEdition: marks.get(agency.agencyId)?.publishedEdition ?? null,
        };
      })),
    );
  }
  return { agencyId, agencyName: agencies[0]?.name ?? agencyId, year, ...range, rows };
}
