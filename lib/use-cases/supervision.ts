import type { Agency } from '#lib/domain/agency';
import { draftContent } from '#lib/domain/annual-report';
import { NotFoundError } from '#lib/domain/errors';
import { rollUp, type RollUpPart } from '#lib/domain/roll-up';
import type { Principal } from '#lib/domain/staff';
import { inputsFrom, type AgencyYear, type ReportStore } from './annual-reports';
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
        agencyId: agency.agencyId,
        agencyName: agency.name,
        parentAgencyId: agency.agencyId === agencyId ? null : agency.parentAgencyId,
        tables: { proactive, applications, challenges, fees },
        publishedEdition: read?.publishedEdition ?? null,
      });
    }
  }
  return { agencyId, ...rollUp(year, parts) };
}
