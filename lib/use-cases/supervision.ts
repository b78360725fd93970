import type { Agency } from '#lib/domain/agency';
import { draftContent } from '#lib/domain/annual-report';
import { NotFoundError } from '#lib/domain/errors';
import { rollUp, type RollUpPart } from '#lib/domain/roll-up';
import type { Principal } from '#lib/domain/staff';
import { countedInputs, type ReportStore } from './annual-reports';
import { assertOversees, type AgencyTree } from './oversight';

/**
 * Supervision (监督) of a government over the agencies under it: the roll-up of their annual reports.
 * Every read is by key, per agency: its tree links, its counters, its figures, last year's report and
 * its publication marks — O(agencies), never a case.
 */
export type SupervisionDeps = {
  agencies: AgencyTree;
  reports: Pick<ReportStore, 'counters' | 'figures' | 'get' | 'publishedReports'>;
};

/** How many agencies are read at once: a province's 2,000 in batches, within the function's time. */
const CONCURRENT_AGENCIES = 16;

async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(each))));
  return results;
}

/** The agency and every agency under it, level by level (the agency first). */
export async function subtreeOf(tree: AgencyTree, agencyId: string): Promise<Agency[]> {
  const root = await tree.get(agencyId);
  if (root === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  const found: Agency[] = [root];
  const seen = new Set([agencyId]);
  let level: readonly Agency[] = [root];
  while (level.length > 0) {
    const childIds = (await inBatches(level, CONCURRENT_AGENCIES, (agency) => tree.children(agency.agencyId)))
      .flat()
      .filter((id) => !seen.has(id));
    for (const id of childIds) seen.add(id);
    const children = await inBatches(childIds, CONCURRENT_AGENCIES, (id) => tree.get(id));
    level = children.filter((agency): agency is Agency => agency !== undefined);
    found.push(...level);
  }
  return found;
}

const NO_NARRATIVE = { general: '', problems: '', other: '' } as const;

/**
 * The roll-up (汇总) of the year's annual reports over the agency and every agency under it: each
 * agency's tables as its counters make them (what its draft holds), summed cell by cell, each cell with
 * the agencies it comes from, and which agencies have not published their own report.
 */
export async function rollUpReports(
  deps: SupervisionDeps,
  principal: Principal,
  agencyId: string,
  year: number,
) {
  await assertOversees(deps, principal, agencyId);
  const agencies = await subtreeOf(deps.agencies, agencyId);
  const parts = await inBatches(agencies, CONCURRENT_AGENCIES, async (agency): Promise<RollUpPart> => {
    const [{ inputs }, published] = await Promise.all([
      countedInputs(deps.reports, agency.agencyId, year),
      deps.reports.publishedReports(agency.agencyId),
    ]);
    const { proactive, applications, challenges, fees } = draftContent({
      ...inputs,
      agencyName: agency.name,
      narrative: NO_NARRATIVE,
    });
    return {
      agencyId: agency.agencyId,
      agencyName: agency.name,
      parentAgencyId: agency.agencyId === agencyId ? null : agency.parentAgencyId,
      tables: { proactive, applications, challenges, fees },
      publishedEdition: published.find((report) => report.year === year)?.edition ?? null,
    };
  });
  return { agencyId, ...rollUp(year, parts) };
}
