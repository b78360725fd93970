import { withdrawalMoves } from '#lib/domain/compliance';
import { dayCounterOps } from './day-counters';
import {
  Publication,
  PublicationVersion,
  ReadingRoomEntry,
  type DocumentCounterMove,
  type PublicationQuery,
} from '#lib/domain/submission/publication';
import {
  approvalSignature,
  Submission,
  waitingStep,
  type SubmissionChange,
} from '#lib/domain/submission/submission';
import type { PublicationWrite } from '#lib/use-cases/proactive';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import { clockOps, closeClockOp, type CaseFieldsFromClock } from './clock-store';
import * as z from 'zod';
import { keys } from './keys';
import { caseChange, chainHeadOf, type RecordsTable, type TransactOp } from './records-table';

/**
 * Proactive disclosure in the Records table: submissions (with their publication clock and review
 * queue keys) and publications (the case, every version, the reading-room listing entries, the
 * periodic obligation it fulfils, the annual-report counters) — a final approval writes all of it in
 * one transaction.
 */
export class DynamoProactiveStore {
  constructor(private readonly table: RecordsTable) {}

  async getSubmission(id: string): Promise<{ submission: Submission; chain: ChainHead } | undefined> {
    const item = await this.table.get(keys.submission(id));
    return item === undefined ? undefined : { submission: Submission.parse(item), chain: chainHeadOf(item) };
  }

  async getPublication(id: string): Promise<{ publication: Publication; chain: ChainHead } | undefined> {
    const item = await this.table.get(keys.publication(id));
    return item === undefined
      ? undefined
      : { publication: Publication.parse(item), chain: chainHeadOf(item) };
  }

  async getPublicationVersion(id: string, version: number) {
    const item = await this.table.get(keys.publicationVersion(id, version));
    return item === undefined ? undefined : PublicationVersion.parse(item);
  }

  /** Writes a submission change; with `publication`, the publication it makes, atomically. */
  async saveSubmission(
    change: SubmissionChange,
    expectedVersion: number | 'new',
    event: TimelineEvent,
    publication?: PublicationWrite,
  ): Promise<void> {
    const { submission } = change;
    const ops: TransactOp[] = [
      ...caseChange(this.table, { item: submissionItem(submission), expectedVersion, event }),
    ];
    const casePk = keys.submission(submission.id).pk;
    const ref = { agencyId: submission.agencyId, kind: 'submission', id: submission.id } as const;
    if (change.clock !== null) {
      // Who answers for the publication deadline (RULES §3): the submitter, or the leader who approved.
      const approval = approvalSignature(submission);
      const context = {
        subject: submission.content.title,
        handler: { staffId: submission.submittedBy.staffId, name: submission.submittedBy.name, email: null },
        leader: approval === undefined ? null : { staffId: approval.staffId, name: approval.name },
        extended: false,
      };
      if (change.clock.open)
        ops.push(
          ...clockOps(
            this.table,
            { name: 'publication', case: ref, open: true, state: change.clock.state, context },
            event,
          ),
        );
      else ops.push(closeClockOp(this.table, casePk, 'publication'));
    }
    if (publication !== undefined) ops.push(...this.publicationOps(publication));
    await this.table.transact(ops);
  }

  async withdraw(next: Publication, previous: Publication, event: TimelineEvent): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, {
        item: this.publicationItem(next),
        expectedVersion: previous.version,
        event,
      }),
      ...this.listingOps(previous, 'delete'),
      ...dayCounterOps(this.table, next.agencyId, withdrawalMoves(next)),
    ]);
  }

  async listSubmissions(
    agencyId: string,
    state: string,
    page: { limit: number; nextToken?: string | undefined },
  ) {
    const result = await this.table.queryIndex(
      'byAgencyState',
      keys.submissionsByState(agencyId, state),
      page,
    );
    return { items: result.items.map((item) => Submission.parse(item)), nextToken: result.nextToken };
  }

  async reviewQueue(agencyId: string, step: string, page: { limit: number; nextToken?: string | undefined }) {
    const result = await this.table.queryIndex('byAgencyState', keys.reviewQueue(agencyId, step), page);
    return { items: result.items.map((item) => Submission.parse(item)), nextToken: result.nextToken };
  }

  /**
   * A page of the reading room, newest first; read cost follows the page, not the agency's size. A search
   * (`q`) is a filter on the page read: entries whose title or document number contain it.
   */
  async listPublications(agencyId: string, audience: 'public' | 'internal', query: PublicationQuery) {
    const partition = keys.readingRoom(agencyId, audience, query.category);
    const page = await this.table.queryPartition(partition, {
      limit: query.limit,
      nextToken: query.nextToken,
      ascending: false,
      ...(query.year === undefined
        ? {}
        : { sortKeyBetween: [`${query.year}-01-01`, `${query.year}-12-31#~`] as [string, string] }),
      ...(query.q === undefined
        ? {}
        : { contains: { attributes: ['title', 'documentNumber'], value: query.q } }),
    });
    return { items: page.items.map((item) => ReadingRoomEntry.parse(item)), nextToken: page.nextToken };
  }

  async periodFulfilment(agencyId: string, obligationId: string, period: string) {
    const item = await this.table.get(keys.obligationPeriod(agencyId, obligationId, period));
    return item === undefined ? undefined : FulfilledPeriod.parse(item);
  }

  private publicationItem(publication: Publication) {
    return { ...keys.publication(publication.publicationId), entity: 'publication', ...publication };
  }

  private listingOps(publication: Publication, mode: 'put' | 'delete'): TransactOp[] {
    const entry: ReadingRoomEntry = {
      publicationId: publication.publicationId,
      url: `/v1/publications/${publication.publicationId}`,
      title: publication.current.title,
      documentNumber: publication.current.documentNumber,
      category: publication.current.category,
      publishedOn: publication.current.publishedOn,
      version: publication.current.version,
    };
    const sk = keys.readingRoomEntry(publication.current.publishedOn, publication.publicationId);
    return [
      keys.readingRoom(publication.agencyId, publication.audience),
      keys.readingRoom(publication.agencyId, publication.audience, publication.current.category),
    ].map((pk): TransactOp =>
      mode === 'put'
        ? {
            item: {
              Put: {
                TableName: this.table.tableName,
                Item: { pk, sk, entity: 'reading_room_entry', ...entry },
              },
            },
          }
        : { item: { Delete: { TableName: this.table.tableName, Key: { pk, sk } } } },
    );
  }

  private publicationOps({ next, previous, event, counterMoves, days }: PublicationWrite): TransactOp[] {
    const ops: TransactOp[] = [
      ...caseChange(this.table, {
        item: this.publicationItem(next),
        expectedVersion: previous?.version ?? 'new',
        event,
      }),
      {
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...keys.publicationVersion(next.publicationId, next.current.version),
              entity: 'publication_version',
              ...next.current,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      ...(previous === undefined ? [] : this.listingOps(previous, 'delete')),
      ...this.listingOps(next, 'put'),
    ];
    if (next.periodic !== null) {
      ops.push({
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...keys.obligationPeriod(next.agencyId, next.periodic.obligationId, next.periodic.period),
              entity: 'obligation_period',
              publicationId: next.publicationId,
              publishedOn: next.current.publishedOn,
            },
          },
        },
      });
    }
    // Reg. 20(1) in the annual report (table 二): the moves the domain counted, one update per year.
    ops.push(...this.counterOps(next.agencyId, counterMoves));
    ops.push(...dayCounterOps(this.table, next.agencyId, days));
    return ops;
  }

  private counterOps(agencyId: string, moves: readonly DocumentCounterMove[]): TransactOp[] {
    const years = [...new Set(moves.map((move) => move.year))];
    return years.map((year): TransactOp => {
      const cells = moves.filter((move) => move.year === year);
      return {
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: keys.publicationStatistics(agencyId, year),
            UpdateExpression: `ADD ${cells.map((_, i) => `#c${i} :d${i}`).join(', ')} SET entity = :entity`,
            ExpressionAttributeNames: Object.fromEntries(cells.map((move, i) => [`#c${i}`, move.cell])),
            ExpressionAttributeValues: {
              ...Object.fromEntries(cells.map((move, i) => [`:d${i}`, move.delta])),
              ':entity': 'publication_statistics',
            },
          },
        },
      };
    });
  }
}

/** The marker a publication leaves on the period of the obligation it fulfils. */
const FulfilledPeriod = z.object({ publicationId: z.string(), publishedOn: z.string() });

function submissionItem(submission: Submission) {
  const step = waitingStep(submission)?.id;
  return {
    ...keys.submission(submission.id),
    gsi1pk:
      step !== undefined
        ? keys.reviewQueue(submission.agencyId, step)
        : keys.submissionsByState(submission.agencyId, submission.status),
    gsi1sk:
      step !== undefined
        ? `${submission.publicationDueDate ?? '9999-12-31'}#${submission.id}`
        : `${submission.createdAt}#${submission.id}`,
    entity: 'submission',
    ...submission,
  };
}

/** A submission's copy of its publication deadline, and its place in the review queue. */
export const submissionFieldsFromClock: CaseFieldsFromClock = (caseItem, clockName, next) => {
  if (clockName !== 'publication') return {};
  const item = submissionItem({ ...Submission.parse(caseItem), publicationDueDate: next.dueDate });
  return { publicationDueDate: item.publicationDueDate, gsi1sk: item.gsi1sk };
};
