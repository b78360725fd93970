import { reportYearHasEnded, sealOf, type ReportContent, type Seal } from './annual-report';
import { RuleViolationError } from './errors';

/**
 * The roll-up (汇总) of a government's annual report over the agencies under it: the national-format
 * tables of every agency of a subtree, summed cell by cell, each cell traceable to the agencies whose
 * figures make it. The tables are what each agency's counters make (what its draft holds), never read
 * from cases.
 */

/** The tables of a report: everything in its content but who, which year and the narrative. */
export type ReportTables = Pick<ReportContent, 'proactive' | 'applications' | 'challenges' | 'fees'>;

/** One agency's part of a roll-up: its tables for the year, and whether it has published its report. */
export type RollUpPart = Readonly<{
  agencyId: string;
  agencyName: string;
  /** The agency directly above it in the tree (null for the government the roll-up is of). */
  parentAgencyId: string | null;
  tables: ReportTables;
  /** The edition in force of its own report for the year, or null: not published (yet). */
  publishedEdition: number | null;
}>;

/** A cell of the tables, named by its path (`applications.total.received`), and its value. */
export type TableCells = Readonly<Record<string, number>>;

export type RollUp = Readonly<{
  year: number;
  /** The tables, summed over every part. */
  tables: ReportTables;
  /** Per cell, the agencies whose figure in it is not zero, and that figure, largest first. */
  sources: Readonly<Record<string, readonly { agencyId: string; value: number }[]>>;
  /** Every agency of the subtree, in the order walked (the government first), with its publication. */
  agencies: readonly Readonly<{
    agencyId: string;
    agencyName: string;
    parentAgencyId: string | null;
    publishedEdition: number | null;
  }>[];
  /** The agencies that have not published the year's report. */
  unpublished: readonly string[];
}>;

/** The cells of a report's tables, by path: every number in them. */
export function tableCells(tables: ReportTables): TableCells {
  const cells: Record<string, number> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') cells[path] = value;
    else if (typeof value === 'object' && value !== null)
      for (const [name, inner] of Object.entries(value)) walk(inner, path === '' ? name : `${path}.${name}`);
  };
  walk(tables, '');
  return cells;
}

/**
 * Money is kept to the fen (1/100 yuan) and 万元 figures to four places, as the agencies entered them:
 * summing in binary floating point must not turn 0.1 + 0.2 into 0.30000000000000004.
 */
const DECIMALS = 4;
const fixed = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;

/**
 * Tables with the shape of `shape` and, in each cell, the sum of that cell over `parts` (every part's
 * tables are drafted by the same function, so they share the shape; a cell a part lacks counts 0).
 */
function summed(shape: unknown, parts: readonly unknown[]): unknown {
  if (typeof shape === 'number')
    return fixed(parts.reduce<number>((sum, part) => sum + (typeof part === 'number' ? part : 0), 0));
  if (typeof shape !== 'object' || shape === null) return shape;
  const field = (part: unknown, key: string): unknown =>
    typeof part === 'object' && part !== null ? (part as Record<string, unknown>)[key] : undefined;
  return Object.fromEntries(
    Object.entries(shape).map(([key, inner]) => [
      key,
      summed(
        inner,
        parts.map((part) => field(part, key)),
      ),
    ]),
  );
}

/** Sums the parts' tables and says, for every cell, which agencies it comes from. */
export function rollUp(year: number, parts: readonly RollUpPart[]): RollUp {
  const first = parts[0];
  if (first === undefined) throw new Error('A roll-up needs at least the government itself.');
  const tables = summed(
    first.tables,
    parts.map((part) => part.tables),
  ) as ReportTables;
  const sources: Record<string, { agencyId: string; value: number }[]> = {};
  for (const part of parts)
    for (const [cell, value] of Object.entries(tableCells(part.tables)))
      if (value !== 0) (sources[cell] ??= []).push({ agencyId: part.agencyId, value });
  for (const list of Object.values(sources))
    list.sort((a, b) => b.value - a.value || a.agencyId.localeCompare(b.agencyId));
  return {
    year,
    tables,
    sources,
    agencies: parts.map(({ agencyId, agencyName, parentAgencyId, publishedEdition }) => ({
      agencyId,
      agencyName,
      parentAgencyId,
      publishedEdition,
    })),
    unpublished: parts.filter((part) => part.publishedEdition === null).map((part) => part.agencyId),
  };
}

/**
 * The roll-up as a report in the national format, for the government to publish as its own edition
 * (汇总): the summed tables, and a narrative saying what it sums and who had not published their own.
 */
export function rollUpContent(rollUp: RollUp, government: { agencyId: string; name: string }): ReportContent {
  const names = new Map(rollUp.agencies.map((agency) => [agency.agencyId, agency.agencyName]));
  const missing = rollUp.unpublished.map((agencyId) => names.get(agencyId) ?? agencyId);
  return {
    agencyId: government.agencyId,
    agencyName: `${government.name}（汇总）`,
    year: rollUp.year,
    narrative: {
      general: `本报告汇总${government.name}及所属${rollUp.agencies.length - 1}个机关${rollUp.year}年政府信息公开工作情况，各表数据为各机关数据之和。`,
      problems:
        missing.length === 0
          ? '汇总时，各机关均已公布本机关年度报告。'
          : `汇总时，以下${missing.length}个机关尚未公布本机关年度报告：${missing.join('、')}。`,
      other: '',
    },
    ...rollUp.tables,
  };
}

/** Seals the roll-up's content as the next edition, once its year has ended. */
export function sealRollUp(
  content: ReportContent,
  previous: readonly Seal[],
  at: string, // ISO date-time in China time
  archiveKeyOf: (edition: number) => string,
): Seal {
  if (!reportYearHasEnded(content.year, at))
    throw new RuleViolationError(
      'report-year-not-ended',
      `The ${content.year} roll-up can be published from January 1, ${content.year + 1}: its figures are for the whole year.`,
      [{ path: 'path.year', message: `must be a year that has ended (it is ${at.slice(0, 4)} in China)` }],
    );
  const edition = previous.length + 1;
  return { edition, sha256: sealOf(content), publishedAt: at, archiveKey: archiveKeyOf(edition) };
}
