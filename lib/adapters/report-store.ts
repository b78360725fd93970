import type { DayCounters } from '#lib/domain/compliance';
import { dayCountersBetween } from './day-counters';
import * as z from 'zod';
import {
  AnnualReport,
  challengeCounterMoves,
  Figures,
  LegalChallenge,
  ReportContent,
  Seal,
  type ChallengeFacts,
} from '#lib/domain/annual-report';
import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type {
  AgencyYear,
  Publication,
  PublishedReport,
  ReportStore,
  YearCounters,
} from '#lib/use-cases/annual-reports';
import { CivilDate } from '#lib/domain/calendar/civil-date';
import type { ReadingRoomEntry } from '#lib/domain/submission/publication';
import { keys } from './keys';
import { caseChange, chainHeadOf, type RecordsTable, type TransactOp } from './records-table';

// The domain's Figures, not strict (the item carries its keys), with version last as it is answered.
const { version: figuresVersion, ...figureFields } = Figures.shape;
const FiguresItem = z.object({ ...figureFields, version: figuresVersion });
/** A sealed edition: the content exactly as sealed, and its seal. */
const EditionItem = z.object({ content: ReportContent, seal: Seal });
/** The mark of a published report; marks written before the year and the day were kept read them from the key. */
const PublishedMark = z.preprocess(
  (item) =>
    typeof item === 'object' &&
    item !== null &&
    !('year' in item) &&
    'sk' in item &&
    typeof item.sk === 'string'
      ? { ...item, year: Number(item.sk.slice(keys.annualReportPublishedPrefix.length)) }
      : item,
  z.object({ year: z.int(), edition: z.int(), publishedOn: CivilDate.optional() }),
);
const RollUpItem = z.object({ seals: z.array(Seal), version: z.int() });

/** The counter items' sort keys (`keys.statistics`, `publicationStatistics`, `legalStatistics`) by kind. */
const COUNTER_KINDS = new Map<string, YearCounters['kind']>([
  ['APPLICATIONS', 'applications'],
  ['PUBLICATIONS', 'publications'],
  ['LEGAL', 'challenges'],
]);

/** Annual reports, their figures and editions, legal challenges, and the counters they are drafted from. */
export class DynamoReportStore implements ReportStore {
  constructor(private readonly table: RecordsTable) {}

  async get(agencyId: string, year: number): Promise<{ report: AnnualReport; chain: ChainHead } | undefined> {
    const item = await this.table.get(keys.annualReport(agencyId, year));
    return item === undefined ? undefined : { report: AnnualReport.parse(item), chain: chainHeadOf(item) };
  }

  /**
   * For each agency, what its tables of `year` need beside its counters — the year's figures and last
   * year's report — and its publication mark for `year`: three keys an agency, 100 keys a request.
   */
  async yearsOf(agencyIds: readonly string[], year: number): Promise<Map<string, AgencyYear>> {
    const wanted = agencyIds.flatMap((agencyId) => [
      keys.annualReportFigures(agencyId, year),
      keys.annualReport(agencyId, year - 1),
      keys.annualReportPublished(agencyId, year),
    ]);
    const byKey = new Map(
      (await this.table.getMany(wanted)).map((item) => [`${String(item.pk)}|${String(item.sk)}`, item]),
    );
    const at = (key: { pk: string; sk: string }) => byKey.get(`${key.pk}|${key.sk}`);
    return new Map(
      agencyIds.map((agencyId) => {
        const figures = at(keys.annualReportFigures(agencyId, year));
        const lastYear = at(keys.annualReport(agencyId, year - 1));
        const mark = at(keys.annualReportPublished(agencyId, year));
        return [
          agencyId,
          {
            figures: figures === undefined ? undefined : FiguresItem.parse(figures),
            lastYear: lastYear === undefined ? undefined : AnnualReport.parse(lastYear),
            publishedEdition: mark === undefined ? null : PublishedMark.parse(mark).edition,
          },
        ];
      }),
    );
  }

  async edition(
    agencyId: string,
    year: number,
    edition: number,
  ): Promise<{ content: ReportContent; seal: Seal } | undefined> {
    const item = await this.table.get(keys.annualReportEdition(agencyId, year, edition));
    return item === undefined ? undefined : EditionItem.parse(item);
  }

  /** A government's published roll-up of `year`: the seal of every edition, and where its case stands. */
  async rollUp(
    agencyId: string,
    year: number,
  ): Promise<{ seals: Seal[]; version: number; chain: ChainHead } | undefined> {
    const item = await this.table.get(keys.rollUp(agencyId, year));
    if (item === undefined) return undefined;
    const { seals, version } = RollUpItem.parse(item);
    return { seals, version, chain: chainHeadOf(item) };
  }

  async rollUpEdition(
    agencyId: string,
    year: number,
    edition: number,
  ): Promise<{ content: ReportContent; seal: Seal } | undefined> {
    const item = await this.table.get(keys.rollUpEdition(agencyId, year, edition));
    return item === undefined ? undefined : EditionItem.parse(item);
  }

  /** Publishes a sealed edition of the roll-up: the case (its seals), the edition, the event, at once. */
  async publishRollUp(
    agencyId: string,
    year: number,
    edition: { content: ReportContent; seal: Seal; seals: readonly Seal[] },
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, {
        item: { ...keys.rollUp(agencyId, year), entity: 'roll_up', agencyId, year, seals: edition.seals },
        expectedVersion,
        event,
        onExists: () => new VersionConflictError('Someone has just published this roll-up; read it again.'),
      }),
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...keys.rollUpEdition(agencyId, year, edition.seal.edition),
              entity: 'roll_up_edition',
              content: edition.content,
              seal: edition.seal,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () =>
          new VersionConflictError('Someone has just published this roll-up; read it again.'),
      },
    ]);
  }

  async figures(agencyId: string, year: number): Promise<Figures | undefined> {
    const item = await this.table.get(keys.annualReportFigures(agencyId, year));
    return item === undefined ? undefined : FiguresItem.parse(item);
  }

  async setFigures(
    agencyId: string,
    year: number,
    figures: Figures,
    counterCells: Readonly<Record<string, number | null>>,
  ): Promise<void> {
    const { version, ...values } = figures;
    const cells = Object.entries(counterCells);
    const set = cells.flatMap(([, value], i) => (value === null ? [] : [`#c${i} = :c${i}`]));
    const removed = cells.flatMap(([, value], i) => (value === null ? [`#c${i}`] : []));
    await this.table.transact([
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...keys.annualReportFigures(agencyId, year),
              entity: 'annual_report_figures',
              ...values,
              version: version + 1,
            },
            ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : '#version = :version',
            ...(version === 0
              ? {}
              : {
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':version': version },
                }),
          },
        },
        onConditionFailed: () =>
          new VersionConflictError('The figures changed since you read them; read them again.'),
      },
      // The cells the figures keep in the year's application counters (an opening figure), set or removed.
      {
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: keys.statistics(agencyId, year),
            UpdateExpression: `SET ${[...set, 'entity = :entity'].join(', ')}${removed.length > 0 ? ` REMOVE ${removed.join(', ')}` : ''}`,
            ExpressionAttributeNames: Object.fromEntries(cells.map(([name], i) => [`#c${i}`, name])),
            ExpressionAttributeValues: {
              ...Object.fromEntries(
                cells.flatMap(([, value], i) => (value === null ? [] : [[`:c${i}`, value]])),
              ),
              ':entity': 'application_statistics',
            },
          },
        },
      },
    ]);
  }

  /** The agency's day counters from `from` to `to` (both included): one Query, whatever the cases. */
  async daysBetween(agencyId: string, from: string, to: string): Promise<DayCounters[]> {
    return dayCountersBetween(this.table, agencyId, from, to);
  }

  /** Every counter item of the agency, by key: a handful of reads, whatever the number of cases. */
  async counters(agencyId: string): Promise<YearCounters[]> {
    const found: YearCounters[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.table.queryPartition(keys.statisticsPartition(agencyId), {
        limit: 100,
        nextToken,
      });
      for (const item of page.items) {
        if (typeof item.sk !== 'string') continue;
        const [prefix = '', year] = item.sk.split('#');
        const kind = COUNTER_KINDS.get(prefix);
        if (kind === undefined) continue;
        const cells: Record<string, number> = {};
        for (const [name, value] of Object.entries(item)) if (typeof value === 'number') cells[name] = value;
        found.push({ kind, year: Number(year), cells });
      }
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return found;
  }

  async save(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void> {
    await this.write(report, agencyId, year, expectedVersion, event);
  }

  async publish(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number,
    event: TimelineEvent,
    publication: Publication,
  ): Promise<void> {
    await this.write(
      report,
      agencyId,
      year,
      expectedVersion,
      event,
      this.publicationOps(agencyId, year, report.content, publication),
    );
  }

  private async write(
    report: AnnualReport,
    agencyId: string,
    year: number,
    expectedVersion: number | 'new',
    event: TimelineEvent,
    extra: TransactOp[] = [],
  ): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, {
        item: { ...keys.annualReport(agencyId, year), entity: 'annual_report', agencyId, year, ...report },
        expectedVersion,
        event,
      }),
      ...extra,
    ]);
  }

  /**
   * The writes of a publication: the sealed edition, the marker the sweep's cutoff check reads, and the
   * reading-room entries — one per report, so a corrected edition replaces the earlier edition's entry.
   */
  private publicationOps(
    agencyId: string,
    year: number,
    content: ReportContent,
    { seal, publishedOn, previous }: Publication,
  ): TransactOp[] {
    const entry: ReadingRoomEntry = {
      publicationId: `annual-report-${year}`,
      url: `/v1/agencies/${agencyId}/annual-reports/${year}`,
      title: `${content.agencyName}${year}年政府信息公开工作年度报告`,
      documentNumber: null,
      category: 'annual_reports',
      publishedOn,
      version: seal.edition,
    };
    const sk = keys.readingRoomEntry(publishedOn, `annual-report-${year}`);
    const previousOn = previous?.publishedAt.slice(0, 10); // China time: the offset is +08:00
    const previousSk =
      previousOn === undefined || previousOn === publishedOn
        ? undefined
        : keys.readingRoomEntry(previousOn, `annual-report-${year}`);
    const earlierEntries: TransactOp[] =
      previousSk === undefined
        ? []
        : [keys.readingRoom(agencyId, 'public'), keys.readingRoom(agencyId, 'public', 'annual_reports')].map(
            (pk) => ({ item: { Delete: { TableName: this.table.tableName, Key: { pk, sk: previousSk } } } }),
          );
    return [
      ...earlierEntries,
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...keys.annualReportEdition(agencyId, year, seal.edition),
              entity: 'annual_report_edition',
              content,
              seal,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConditionFailed: () => new AlreadyExistsError('This edition exists.'),
      },
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...keys.annualReportPublished(agencyId, year),
              entity: 'annual_report_published',
              year,
              edition: seal.edition,
              sha256: seal.sha256,
              publishedOn,
            },
          },
        },
      },
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { pk: keys.readingRoom(agencyId, 'public'), sk, entity: 'reading_room_entry', ...entry },
          },
        },
      },
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              pk: keys.readingRoom(agencyId, 'public', 'annual_reports'),
              sk,
              entity: 'reading_room_entry',
              ...entry,
            },
          },
        },
      },
    ];
  }

  /** The marks of the agency's published reports: one Query by its key (a page holds a century). */
  async publishedReports(agencyId: string): Promise<PublishedReport[]> {
    const found: PublishedReport[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.table.queryPartition(keys.annualReportsPublishedPartition(agencyId), {
        limit: 100,
        nextToken,
        sortKeyPrefix: keys.annualReportPublishedPrefix,
        ascending: false,
      });
      for (const item of page.items) {
        const mark = PublishedMark.parse(item);
        found.push({ year: mark.year, edition: mark.edition, publishedOn: mark.publishedOn ?? null });
      }
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return found;
  }

  async challenge(id: string): Promise<{ challenge: LegalChallenge; chain: ChainHead } | undefined> {
    const item = await this.table.get(keys.legalChallenge(id));
    return item === undefined
      ? undefined
      : { challenge: LegalChallenge.parse(item), chain: chainHeadOf(item) };
  }

  /**
   * Records a challenge (or its new outcome) and moves the counters — of its filing year, and of the year
   * it was concluded — in the same transaction.
   */
  async saveChallenge(
    challenge: LegalChallenge,
    previous: ChallengeFacts | null,
    expectedVersion: number | 'new',
    event: TimelineEvent,
  ): Promise<void> {
    const byYear = new Map<number, [string, number][]>();
    for (const move of challengeCounterMoves(previous, challenge))
      byYear.set(move.year, [...(byYear.get(move.year) ?? []), [move.cell, move.delta]]);
    await this.table.transact([
      ...caseChange(this.table, {
        item: {
          ...keys.legalChallenge(challenge.id),
          gsi1pk: keys.legalChallengesOfAgency(challenge.agencyId),
          gsi1sk: `${challenge.filedOn}#${challenge.id}`,
          entity: 'legal_challenge',
          ...challenge,
        },
        expectedVersion,
        event,
      }),
      ...[...byYear].map(([year, moves]) => ({
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: keys.legalStatistics(challenge.agencyId, year),
            UpdateExpression: `ADD ${moves.map((_, i) => `#c${i} :d${i}`).join(', ')} SET entity = :entity`,
            ExpressionAttributeNames: Object.fromEntries(moves.map(([name], i) => [`#c${i}`, name])),
            ExpressionAttributeValues: {
              ...Object.fromEntries(moves.map(([, delta], i) => [`:d${i}`, delta])),
              ':entity': 'legal_statistics',
            },
          },
        },
      })),
    ]);
  }

  async listChallenges(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    const result = await this.table.queryIndex('byAgencyState', keys.legalChallengesOfAgency(agencyId), {
      ...page,
      ascending: false,
    });
    return { items: result.items.map((item) => LegalChallenge.parse(item)), nextToken: result.nextToken };
  }
}
