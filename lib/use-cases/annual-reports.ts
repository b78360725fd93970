import { randomBytes } from 'node:crypto';
import { annualReportBody, annualReportHtml } from '#lib/domain/annual-report-html';
import { archiveKeys } from '#lib/domain/archive-keys';
import { annualReportCutoff } from '#lib/domain/sweep';
import {
  checkChallengeDates,
  checkReport,
  applicationsBefore,
  draftContent,
  openingCells,
  inForceFromLastYear,
  publishReport,
  reportYearHasEnded,
  type AnnualReport,
  type Cells,
  type ChallengeFacts,
  type Figures,
  type LegalChallenge,
  type LegalChallengeInput,
  type ReportContent,
  type Seal,
} from '#lib/domain/annual-report';
import { yearOf, type IsoDate } from '#lib/domain/calendar/civil-date';
import { chinaDateOf, chinaIsoOf } from '#lib/domain/china-time';
import { NotFoundError, VersionConflictError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import {
  canonicalJson,
  EMPTY_CHAIN,
  nextEvent,
  staffActor,
  type ChainHead,
  type TimelineEvent,
} from '#lib/domain/timeline';
import type { AgencyStore } from './agencies';

/** One year's counter cells of an agency: its applications, its publications, or its legal challenges. */
export type YearCounters = {
  readonly kind: 'applications' | 'publications' | 'challenges';
  readonly year: number;
  readonly cells: Cells;
};

/** A year whose report is published: its edition in force, and the day that edition was published. */
export type PublishedReport = {
  readonly year: number;
  readonly edition: number;
  /** Null for reports published before the day was kept with the mark. */
  readonly publishedOn: IsoDate | null;
};

/** What a publication writes besides the report: its sealed edition, on the day it is published. */
export type Publication = {
  readonly seal: Seal;
  readonly publishedOn: IsoDate;
  /** The seal of the edition it replaces, if it corrects a published report. */
  readonly previous: Seal | undefined;
};

/** Port: annual reports, their figures and editions, legal challenges, and the counters drafts count from. */
export interface ReportStore {
  get(agencyId: string, year: number): Promise<{ report: AnnualReport; chain: ChainHead } | undefined>;
  edition(
    agencyId: string,
    year: number,
    edition: number,
  ): Promise<{ content: ReportContent; seal: Seal } | undefined>;
  figures(agencyId: string, year: number): Promise<Figures | undefined>;
  /**
   * Saves the figures as their next version if they are still at `figures.version` (0: none yet) and,
   * with them, sets `counterCells` in the year's application counters (a null removes the cell).
   */
  setFigures(
    agencyId: string,
    year: number,
    figures: Figures,
    counterCells: Readonly<Record<string, number | null>>,
  ): Promise<void>;
  /** Every counter of the agency, every year. */
  counters(agencyId: string): Promise<YearCounters[]>;
  /** Saves the report if it is still at `expectedVersion` ('new': there is none), with its event. */
  save(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void>;
  /**
   * Saves the published report and, atomically, its sealed edition, the mark the sweep's cutoff check
   * reads, and its reading-room entry (in place of the replaced edition's).
   */
  publish(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number,
    event: TimelineEvent,
    publication: Publication,
  ): Promise<void>;
  /** The agency's published reports, latest year first: one Query by the agency's key. */
  publishedReports(agencyId: string): Promise<PublishedReport[]>;
  challenge(id: string): Promise<{ challenge: LegalChallenge; chain: ChainHead } | undefined>;
  /** Saves the challenge and moves the counters by the change from `previous` (null: a new one). */
  saveChallenge(
    challenge: LegalChallenge,
    previous: ChallengeFacts | null,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void>;
  /** The agency's challenges, latest filed first. */
  listChallenges(
    agencyId: string,
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: LegalChallenge[]; nextToken: string | null }>;
}

export type ReportDeps = { store: ReportStore; agencies: AgencyStore };

const reportRef = (agencyId: string, year: number) =>
  ({ agencyId, kind: 'annual_report', id: String(year) }) as const;
const archiveKey = archiveKeys.annualReport;

async function agencyOf(deps: ReportDeps, agencyId: string) {
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  return agency;
}

export async function setFigures(deps: ReportDeps, agencyId: string, year: number, figures: Figures) {
  await agencyOf(deps, agencyId);
  // The opening figure of pending applications goes where drafts of this and later years count from.
  await deps.store.setFigures(agencyId, year, figures, openingCells(figures.pendingAtStartOfYear));
  return { ...figures, version: figures.version + 1 };
}

/** The figures entered for the year (zeros at version 0 when none yet). */
export async function getFigures(deps: ReportDeps, agencyId: string, year: number) {
  await agencyOf(deps, agencyId);
  return (
    (await deps.store.figures(agencyId, year)) ?? {
      licensing: 0,
      penalties: 0,
      enforcement: 0,
      feeIncomeTenThousandYuan: 0,
      inForceAtStartOfYear: null,
      pendingAtStartOfYear: null,
      version: 0,
    }
  );
}

/** What `draftContent` counts a year's tables from, but the agency's name and the narrative. */
export type CountedInputs = Omit<Parameters<typeof draftContent>[0], 'agencyName' | 'narrative'>;

/** What an agency's tables of a year need beside its counters, and whether its report is published. */
export type AgencyYear = {
  readonly figures: Figures | undefined;
  readonly lastYear: AnnualReport | undefined;
  /** The edition in force of the year's report, or null: not published. */
  readonly publishedEdition: number | null;
};

/**
 * The inputs of an agency's tables of `year` from its counters (every year's), the year's figures and
 * last year's report.
 */
export function inputsFrom(
  agencyId: string,
  year: number,
  counters: readonly YearCounters[],
  figures: Figures | undefined,
  lastYear: AnnualReport | undefined,
): CountedInputs {
  const publications: { year: number; cells: Cells }[] = [];
  const challenges: { year: number; cells: Cells }[] = [];
  for (const { kind, year: counterYear, cells } of counters) {
    if (kind === 'publications' && counterYear <= year) publications.push({ year: counterYear, cells });
    if (kind === 'challenges' && counterYear <= year) challenges.push({ year: counterYear, cells });
  }
  return {
    agencyId,
    year,
    applicationsThisYear:
      counters.find((counter) => counter.kind === 'applications' && counter.year === year)?.cells ?? {},
    applicationsBefore: applicationsBefore(
      counters.filter((counter) => counter.kind === 'applications'),
      year,
    ),
    publicationsUpToYear: publications,
    inForceAtStartOfYear:
      figures?.inForceAtStartOfYear ??
      (lastYear !== undefined && lastYear.seals.length > 0
        ? inForceFromLastYear(
            lastYear.content.proactive,
            publications.find((entry) => entry.year === year - 1)?.cells ?? {},
          )
        : null),
    challengesUpToYear: challenges,
    figures: {
      licensing: figures?.licensing ?? 0,
      penalties: figures?.penalties ?? 0,
      enforcement: figures?.enforcement ?? 0,
      feeIncomeTenThousandYuan: figures?.feeIncomeTenThousandYuan ?? 0,
    },
  };
}

/**
 * The year's counters, figures and last year's report of an agency, and the inputs of its tables drawn
 * from them: three reads (the agency's counter items, the year's figures, last year's report), however
 * many applications it had.
 */
async function countedInputs(
  store: Pick<ReportStore, 'counters' | 'figures' | 'get'>,
  agencyId: string,
  year: number,
): Promise<{ inputs: CountedInputs; figures: Figures | undefined; lastYear: AnnualReport | undefined }> {
  const [counters, figures, lastYearFound] = await Promise.all([
    store.counters(agencyId),
    store.figures(agencyId, year),
    store.get(agencyId, year - 1),
  ]);
  const lastYear = lastYearFound?.report;
  return { inputs: inputsFrom(agencyId, year, counters, figures, lastYear), figures, lastYear };
}

/**
 * Drafts (or re-drafts) the year's report from the counters: a bounded number of reads — the agency's
 * counter items, the figures, last year's report — whatever the number of applications.
 */
export async function draftReport(
  deps: ReportDeps,
  principal: Principal,
  agencyId: string,
  year: number,
  now: Date,
) {
  const [agency, existing, counted] = await Promise.all([
    agencyOf(deps, agencyId),
    deps.store.get(agencyId, year),
    countedInputs(deps.store, agencyId, year),
  ]);
  const { inputs, figures, lastYear } = counted;
  const content = draftContent({
    ...inputs,
    agencyName: agency.name,
    narrative: existing?.report.content.narrative ?? { general: '', problems: '', other: '' },
  });
  const report: AnnualReport = {
    content,
    status: 'draft',
    draftedAt: chinaIsoOf(now),
    seals: existing?.report.seals ?? [],
    version: (existing?.report.version ?? 0) + 1,
  };
  const event = nextEvent(reportRef(agencyId, year), existing?.chain ?? EMPTY_CHAIN, {
    type: 'report_drafted',
    now,
    actor: staffActor(principal),
    data: { figuresVersion: figures?.version ?? 0 },
  });
  await deps.store.save(report, agencyId, year, existing?.report.version ?? 'new', event);
  return view(report, lastYear);
}

/** What last year's published report carried into this year (四, by column), if it was published here. */
const carriedOutOf = (lastYear: AnnualReport | undefined): Record<string, number> | null =>
  lastYear === undefined || lastYear.seals.length === 0
    ? null
    : Object.fromEntries(
        Object.entries(lastYear.content.applications).map(([column, f]) => [column, f.carriedOut]),
      );

const view = (report: AnnualReport, lastYear: AnnualReport | undefined) => ({
  ...report,
  checks: checkReport(report.content, carriedOutOf(lastYear)),
});

/** The year's report (at `expectedVersion` when given) and last year's, read together. */
async function loadReport(deps: ReportDeps, agencyId: string, year: number, expectedVersion?: number) {
  const [found, lastYear] = await Promise.all([
    deps.store.get(agencyId, year),
    deps.store.get(agencyId, year - 1),
  ]);
  if (found === undefined)
    throw new NotFoundError(`There is no ${year} report for ${agencyId}; draft it first.`);
  if (expectedVersion !== undefined && found.report.version !== expectedVersion)
    throw new VersionConflictError(
      `The report is at version ${found.report.version}, not ${expectedVersion}.`,
    );
  return { ...found, lastYear: lastYear?.report };
}

export async function getDraft(deps: ReportDeps, agencyId: string, year: number) {
  const found = await loadReport(deps, agencyId, year);
  return view(found.report, found.lastYear);
}

/** The narrative sections; editing a published report starts its correction (a new edition). */
export async function editNarrative(
  deps: ReportDeps,
  principal: Principal,
  agencyId: string,
  year: number,
  input: { version: number; general: string; problems: string; other: string },
  now: Date,
) {
  const found = await loadReport(deps, agencyId, year, input.version);
  const report: AnnualReport = {
    ...found.report,
    status: 'draft',
    content: {
      ...found.report.content,
      narrative: { general: input.general, problems: input.problems, other: input.other },
    },
    version: found.report.version + 1,
  };
  const event = nextEvent(reportRef(agencyId, year), found.chain, {
    type: found.report.status === 'published' ? 'report_correction_started' : 'report_edited',
    now,
    actor: staffActor(principal),
    data: {},
  });
  await deps.store.save(report, agencyId, year, found.report.version, event);
  return view(report, found.lastYear);
}

/**
 * An approver publishes after the checks pass: the report is sealed (SHA-256 of its canonical form),
 * archived (JSON and the printable page), put in the reading room, and seen by the sweep's cutoff check.
 */
/** What a sealed edition (a report, a roll-up) archives beside its event: its JSON and its printable page. */
export const sealedEditionObjects = (content: ReportContent, seal: Seal) => [
  {
    key: `${seal.archiveKey}.json`,
    body: canonicalJson({ content, seal }),
    contentType: 'application/json; charset=utf-8',
  },
  {
    key: `${seal.archiveKey}.html`,
    body: annualReportHtml(content, seal),
    contentType: 'text/html; charset=utf-8',
  },
];

export async function publish(
  deps: ReportDeps,
  principal: Principal,
  agencyId: string,
  year: number,
  input: { version: number },
  now: Date,
) {
  const found = await loadReport(deps, agencyId, year, input.version);
  const published = publishReport(found.report, carriedOutOf(found.lastYear), chinaIsoOf(now), (edition) =>
    archiveKey(agencyId, year, edition),
  );
  const seal = published.seals.at(-1);
  if (seal === undefined) throw new Error('no seal');
  const report = { ...published, version: found.report.version + 1 };
  const event = nextEvent(reportRef(agencyId, year), found.chain, {
    type: 'report_published',
    now,
    actor: staffActor(principal),
    data: {
      edition: seal.edition,
      sha256: seal.sha256,
      archiveObjects: sealedEditionObjects(report.content, seal),
    },
  });
  await deps.store.publish(report, agencyId, year, found.report.version, event, {
    seal,
    publishedOn: chinaDateOf(now),
    previous: found.report.seals.at(-1),
  });
  return { ...report, checks: [] };
}

/** The published report (the latest edition, or one asked for), as JSON or the printable page. */
export async function readPublished(
  deps: ReportDeps,
  agencyId: string,
  year: number,
  edition: number | undefined,
) {
  const found = await deps.store.get(agencyId, year);
  const latest = found?.report.seals.at(-1);
  if (found === undefined || latest === undefined)
    throw new NotFoundError(`No ${year} report of ${agencyId} is published.`);
  const wanted = await deps.store.edition(agencyId, year, edition ?? latest.edition);
  if (wanted === undefined)
    throw new NotFoundError(`The ${year} report has no edition ${edition ?? latest.edition}.`);
  return {
    ...wanted,
    editions: found.report.seals,
    html: () => annualReportHtml(wanted.content, wanted.seal),
    /** The printable page's content, to show inside another page's frame (the portal's). */
    body: () => annualReportBody(wanted.content, wanted.seal),
  };
}

/** The agency's published annual reports, latest year first (its reading room's 年度报告). */
export async function listPublishedReports(deps: ReportDeps, agencyId: string) {
  const [agency, items] = await Promise.all([
    agencyOf(deps, agencyId),
    deps.store.publishedReports(agencyId),
  ]);
  // The agency it had to read anyway: the list's page needs no second read for its name.
  return { agency: { agencyId: agency.agencyId, name: agency.name }, items };
}

export async function recordChallenge(
  deps: ReportDeps,
  principal: Principal,
  agencyId: string,
  input: LegalChallengeInput,
  now: Date,
): Promise<LegalChallenge> {
  checkChallengeDates(input, chinaDateOf(now));
  await agencyOf(deps, agencyId);
  const challenge: LegalChallenge = {
    id: `lc_${randomBytes(6).toString('hex')}`,
    agencyId,
    ...input,
    version: 1,
  };
  const event = nextEvent({ agencyId, kind: 'annual_report', id: `challenge-${challenge.id}` }, EMPTY_CHAIN, {
    type: 'legal_challenge_recorded',
    now,
    actor: staffActor(principal),
    data: {
      kind: input.kind,
      filedOn: input.filedOn,
      outcome: input.outcome,
      concludedOn: input.concludedOn ?? null,
    },
  });
  await deps.store.saveChallenge(challenge, null, 'new', event);
  return challenge;
}

export async function updateChallenge(
  deps: ReportDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  input: { version: number; outcome: LegalChallengeInput['outcome']; concludedOn?: string | undefined },
  now: Date,
): Promise<LegalChallenge> {
  const found = await deps.store.challenge(id);
  if (found?.challenge.agencyId !== agencyId)
    throw new NotFoundError(`There is no challenge ${id} in this agency.`);
  if (found.challenge.version !== input.version)
    throw new VersionConflictError(
      `The challenge is at version ${found.challenge.version}, not ${input.version}.`,
    );
  const { concludedOn: _previousConclusion, ...rest } = found.challenge;
  const next: LegalChallenge = {
    ...rest,
    outcome: input.outcome,
    ...(input.concludedOn === undefined ? {} : { concludedOn: input.concludedOn }),
    version: found.challenge.version + 1,
  };
  checkChallengeDates(next, chinaDateOf(now));
  const event = nextEvent({ agencyId, kind: 'annual_report', id: `challenge-${id}` }, found.chain, {
    type: 'legal_challenge_outcome_recorded',
    now,
    actor: staffActor(principal),
    data: { outcome: input.outcome, concludedOn: input.concludedOn ?? null },
  });
  await deps.store.saveChallenge(next, found.challenge, found.challenge.version, event);
  return next;
}

/** A challenge of the agency, as its staff read it (another agency's, or none: not found alike). */
export async function getChallenge(
  deps: Pick<ReportDeps, 'store'>,
  agencyId: string,
  id: string,
): Promise<LegalChallenge> {
  const found = await deps.store.challenge(id);
  if (found?.challenge.agencyId !== agencyId)
    throw new NotFoundError(`There is no challenge ${id} in this agency.`);
  return found.challenge;
}

export async function listChallenges(
  deps: ReportDeps,
  agencyId: string,
  page: { limit: number; nextToken?: string | undefined },
) {
  return deps.store.listChallenges(agencyId, page);
}

/** How many years the console's list of annual reports goes back at most. */
export const REPORT_YEARS_SHOWN = 8;

/**
 * The agency's annual reports year by year, for its staff: this year (still running), and each earlier
 * year from the one before the agency came to Gongkai (its report falls due here too) or its earliest
 * published report — at most `REPORT_YEARS_SHOWN` — with the figures entered, the report as it stands
 * (its failing checks counted as the draft page shows them), its editions, and the cutoff it is due by.
 * A bounded number of reads: one Query for the published years, two GetItems per year shown.
 */
export async function reportYears(deps: ReportDeps, agencyId: string, today: IsoDate) {
  const [agency, published] = await Promise.all([
    agencyOf(deps, agencyId),
    deps.store.publishedReports(agencyId),
  ]);
  const thisYear = yearOf(today);
  const earliest = Math.min(
    yearOf(chinaDateOf(new Date(agency.createdAt))) - 1,
    ...published.map((report) => report.year),
  );
  const years: number[] = [];
  for (let year = thisYear; year >= Math.max(earliest, thisYear - REPORT_YEARS_SHOWN + 1); year -= 1)
    years.push(year);
  const loaded = await Promise.all(
    [...years, (years.at(-1) ?? thisYear) - 1].map(async (year) => {
      const [report, figures] = await Promise.all([
        deps.store.get(agencyId, year),
        deps.store.figures(agencyId, year),
      ]);
      return { year, report: report?.report, figures };
    }),
  );
  const reportOf = (year: number) => loaded.find((entry) => entry.year === year)?.report;
  return {
    agency: { agencyId: agency.agencyId, name: agency.name, annualReportCutoff: agency.annualReportCutoff },
    years: years.map((year) => {
      const entry = loaded.find((candidate) => candidate.year === year);
      const report = entry?.report;
      return {
        year,
        /** The day its report is due by (the agency's cutoff in the following year). */
        cutoff: annualReportCutoff(agency.annualReportCutoff, year),
        yearEnded: reportYearHasEnded(year, today),
        figuresVersion: entry?.figures?.version ?? 0,
        report:
          report === undefined
            ? null
            : {
                status: report.status,
                version: report.version,
                draftedAt: report.draftedAt,
                seals: report.seals,
                failingChecks: view(report, reportOf(year - 1)).checks.length,
              },
      };
    }),
  };
}
