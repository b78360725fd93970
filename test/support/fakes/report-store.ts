import {
  challengeCounterMoves,
  type AnnualReport,
  type ChallengeFacts,
  type Figures,
  type LegalChallenge,
  type ReportContent,
  type Seal,
} from '#lib/domain/annual-report';
import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { Publication, PublishedReport, ReportStore, YearCounters } from '#lib/use-cases/annual-reports';
import { pageOf } from './paging';
import { copy, headAfter, type InMemoryRecords } from './records';

export const reportCase = (agencyId: string, year: number): string => `REPORT#${agencyId}#${year}`;
export const challengeCase = (id: string): string => `CHALLENGE#${id}`;

const conflict = () =>
  new VersionConflictError('The record changed since you read it; read it again and retry.');

/**
 * Annual reports in memory, with the contract of `DynamoReportStore`. Its counters are the records' — the
 * very cells the application, proactive and challenge writes moved — so a draft counts what happened.
 */
export class InMemoryReportStore implements ReportStore {
  private readonly reports = new Map<string, { report: AnnualReport; chain: ChainHead }>();
  private readonly editions = new Map<string, { content: ReportContent; seal: Seal }>();
  private readonly figureSets = new Map<string, Figures>();
  private readonly challenges = new Map<string, { challenge: LegalChallenge; chain: ChainHead }>();
  /** The marks the sweep's cutoff check reads: which edition of a year's report is published. */
  readonly published = new Map<
    string,
    { agencyId: string; year: number; edition: number; sha256: string; publishedOn: string }
  >();

  private readonly rollUps = new Map<string, { seals: Seal[]; version: number; chain: ChainHead }>();

  constructor(private readonly records: InMemoryRecords) {}

  async rollUp(agencyId: string, year: number) {
    const kept = this.rollUps.get(`ROLLUP#${agencyId}#${year}`);
    return kept === undefined ? undefined : copy(kept);
  }

  async rollUpEdition(agencyId: string, year: number, edition: number) {
    const kept = this.editions.get(`ROLLUP#${agencyId}#${year}#${edition}`);
    return kept === undefined ? undefined : copy(kept);
  }

  async publishRollUp(
    agencyId: string,
    year: number,
    edition: { content: ReportContent; seal: Seal; seals: readonly Seal[] },
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void> {
    const key = `ROLLUP#${agencyId}#${year}`;
    const kept = this.rollUps.get(key);
    if ((kept?.version ?? 'new') !== expectedVersion) throw conflict();
    this.rollUps.set(key, {
      seals: copy([...edition.seals]),
      version: expectedVersion === 'new' ? 1 : expectedVersion + 1,
      chain: headAfter(event),
    });
    this.editions.set(
      `${key}#${edition.seal.edition}`,
      copy({ content: edition.content, seal: edition.seal }),
    );
  }

  async get(agencyId: string, year: number) {
    const kept = this.reports.get(reportCase(agencyId, year));
    return kept === undefined ? undefined : copy(kept);
  }

  async edition(agencyId: string, year: number, edition: number) {
    const kept = this.editions.get(`${reportCase(agencyId, year)}#${edition}`);
    return kept === undefined ? undefined : copy(kept);
  }

  async figures(agencyId: string, year: number): Promise<Figures | undefined> {
    const kept = this.figureSets.get(reportCase(agencyId, year));
    return kept === undefined ? undefined : copy(kept);
  }

  async setFigures(
    agencyId: string,
    year: number,
    figures: Figures,
    counterCells: Readonly<Record<string, number | null>>,
  ): Promise<void> {
    const kept = this.figureSets.get(reportCase(agencyId, year));
    if ((kept?.version ?? 0) !== figures.version)
      throw new VersionConflictError('The figures changed since you read them; read them again.');
    this.figureSets.set(reportCase(agencyId, year), copy({ ...figures, version: figures.version + 1 }));
    this.records.setCells(agencyId, 'applications', year, counterCells);
  }

  async counters(agencyId: string): Promise<YearCounters[]> {
    return this.records.counters(agencyId);
  }

  async save(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void> {
    this.checkReport(agencyId, year, expectedVersion, event);
    this.writeReport(report, agencyId, year, expectedVersion, event);
  }

  async publish(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number,
    event: TimelineEvent,
    publication: Publication,
  ): Promise<void> {
    const { seal, publishedOn, previous } = publication;
    this.checkReport(agencyId, year, expectedVersion, event);
    const editionKey = `${reportCase(agencyId, year)}#${seal.edition}`;
    if (this.editions.has(editionKey)) throw new AlreadyExistsError('This edition exists.');

    this.writeReport(report, agencyId, year, expectedVersion, event);
    this.editions.set(editionKey, copy({ content: report.content, seal }));
    this.published.set(reportCase(agencyId, year), {
      agencyId,
      year,
      edition: seal.edition,
      sha256: seal.sha256,
      publishedOn,
    });
    const entry = {
      publicationId: `annual-report-${year}`,
      url: `/v1/agencies/${agencyId}/annual-reports/${year}`,
      title: `${report.content.agencyName}${year}年政府信息公开工作年度报告`,
      documentNumber: null,
      category: 'annual_reports',
      publishedOn,
      version: seal.edition,
    };
    // One entry per report: a corrected edition replaces the earlier edition's.
    if (previous !== undefined)
      this.records.deleteListing(agencyId, 'public', {
        ...entry,
        publishedOn: previous.publishedAt.slice(0, 10),
      });
    this.records.putListing(agencyId, 'public', entry);
  }

  async publishedReports(agencyId: string): Promise<PublishedReport[]> {
    return [...this.published.values()]
      .filter((mark) => mark.agencyId === agencyId)
      .sort((a, b) => b.year - a.year)
      .map(({ year, edition, publishedOn }) => ({ year, edition, publishedOn }));
  }

  async challenge(id: string): Promise<{ challenge: LegalChallenge; chain: ChainHead } | undefined> {
    const kept = this.challenges.get(id);
    return kept === undefined ? undefined : copy(kept);
  }

  async saveChallenge(
    challenge: LegalChallenge,
    previous: ChallengeFacts | null,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void> {
    const kept = this.challenges.get(challenge.id);
    if (expectedVersion === 'new' && kept !== undefined)
      throw new AlreadyExistsError('The record already exists.');
    if (expectedVersion !== 'new' && kept?.challenge.version !== expectedVersion) throw conflict();
    this.records.checkEventFree(challengeCase(challenge.id), event);
    this.challenges.set(challenge.id, {
      challenge: copy({ ...challenge, version: expectedVersion === 'new' ? 1 : expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(challengeCase(challenge.id), event);
    for (const move of challengeCounterMoves(previous, challenge))
      this.records.count(challenge.agencyId, 'challenges', move.year, move.cell, move.delta);
  }

  async listChallenges(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    const entries = [...this.challenges.values()]
      .filter(({ challenge }) => challenge.agencyId === agencyId)
      .map(({ challenge }) => ({ sortKey: `${challenge.filedOn}#${challenge.id}`, item: copy(challenge) }));
    return pageOf(`challenges#${agencyId}`, entries, { ...page, ascending: false });
  }

  private checkReport(agencyId: string, year: number, expectedVersion: number | 'new', event: TimelineEvent) {
    const kept = this.reports.get(reportCase(agencyId, year));
    if (expectedVersion === 'new' && kept !== undefined)
      throw new AlreadyExistsError('The record already exists.');
    if (expectedVersion !== 'new' && kept?.report.version !== expectedVersion) throw conflict();
    this.records.checkEventFree(reportCase(agencyId, year), event);
  }

  private writeReport(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ) {
    this.reports.set(reportCase(agencyId, year), {
      report: copy({ ...report, version: expectedVersion === 'new' ? 1 : expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(reportCase(agencyId, year), event);
  }
}
