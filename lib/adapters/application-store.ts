import { dayCounterOps } from './day-counters';
import * as z from 'zod';
import { Application, isOpen, withClockDueDate, type Change } from '#lib/domain/application/application';
import { IdempotencyRecord } from '#lib/domain/application/secrets';
import { CaseClock, type ClockContext } from '#lib/domain/case-clock';
import type { ApplicationStore, LoadedApplication, ReceiptPlace } from '#lib/use-cases/applications/ports';
import { AlreadyExistsError } from '#lib/domain/errors';
import type { TimelineEvent } from '#lib/domain/timeline';
import { clockOps, closeClockOp, type CaseFieldsFromClock } from './clock-store';
import { keys, UNDATED_QUEUE_DATE } from './keys';
import {
  caseChange,
  chainHeadOf,
  keepIdempotencyOp,
  type RecordsTable,
  type TransactOp,
} from './records-table';

/** An entry of an applicant's receipts: which application, and how many pieces it counts for. */
const ReceiptEntry = z.object({ applicationId: z.string(), pieces: z.int() });
/** An entry of an applicant's history; `receivedOn` is absent on entries written before receipts were kept. */
const HistoryEntry = z.object({
  applicationId: z.string(),
  submittedAt: z.string(),
  receivedOn: z.string().nullable().optional(),
});

/**
 * Applications in the Records table: the case item (`APP#<tracking number>`, read back with the domain's
 * `Application` schema), its clocks, its timeline, an entry in the applicant's history and, once
 * received, in the applicant's receipts (both by keyed hash), and the annual-report counters — all
 * written in one transaction per action.
 */
export class DynamoApplicationStore implements ApplicationStore {
  constructor(private readonly table: RecordsTable) {}

  async get(id: string): Promise<LoadedApplication | undefined> {
    const [item, replyItem] = await Promise.all([
      this.table.get(keys.application(id)),
      this.table.get(keys.clock(keys.application(id).pk, 'reply')),
    ]);
    if (item === undefined) return undefined;
    const application = Application.parse(item);
    const reply = replyItem === undefined ? null : CaseClock.parse(replyItem).state;
    return { application, reply, chain: chainHeadOf(item) };
  }

  async create(change: Change, event: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void> {
    const { application } = change;
    const ops: TransactOp[] = [
      ...caseChange(this.table, {
        item: applicationItem(application),
        expectedVersion: 'new',
        event,
        onExists: () => new AlreadyExistsError('This application already exists.'),
      }),
      ...this.sideOps(change, event),
      ...this.applicantOps(application),
    ];
    if (idempotency !== undefined)
      ops.push(
        keepIdempotencyOp(
          this.table,
          keys.idempotency(application.agencyId, idempotency.keyHash),
          idempotency,
        ),
      );
    await this.table.transact(ops);
  }

  /** `previousReplyYears`: the provisional years of the reply clock as it was read, so stale markers go. */
  async save(
    change: Change,
    expectedVersion: number,
    event: TimelineEvent,
    previousReplyYears: readonly number[] = [],
  ): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, { item: applicationItem(change.application), expectedVersion, event }),
      ...this.sideOps(change, event, previousReplyYears),
      // Once received, its entries say so (a confirmation, a count in pieces; older cases as they move).
      ...(change.application.receivedOn === null ? [] : this.applicantOps(change.application)),
    ]);
  }

  /**
   * The application's entry in the applicant's history (with its date of receipt, null until received)
   * and, once received, in the applicant's receipts, with the pieces it counts for.
   */
  private applicantOps(application: Application): TransactOp[] {
    const { agencyId, applicantKey, id, submittedAt, receivedOn } = application;
    const put = (item: Record<string, unknown>): TransactOp => ({
      item: { Put: { TableName: this.table.tableName, Item: item } },
    });
    const ops = [
      put({
        ...keys.applicantHistory(agencyId, applicantKey, submittedAt, id),
        entity: 'applicant_history',
        applicationId: id,
        submittedAt,
        receivedOn,
      }),
    ];
    if (receivedOn !== null)
      ops.push(
        put({
          ...keys.applicantReceipt(agencyId, applicantKey, { receivedOn, submittedAt, id }),
          entity: 'applicant_receipt',
          applicationId: id,
          receivedOn,
          pieces: application.fee?.pieces?.count ?? 1,
        }),
      );
    return ops;
  }

  async idempotency(agencyId: string, keyHash: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.table.get(keys.idempotency(agencyId, keyHash));
    if (item === undefined) return undefined;
    return IdempotencyRecord.parse(item);
  }

  async markTokenShown(id: string, expiresAt: number): Promise<boolean> {
    return this.table.putOnce(keys.tokenShown(id), { entity: 'token_shown', expiresAt });
  }

  async tokenShown(id: string): Promise<boolean> {
    return (await this.table.get(keys.tokenShown(id), { consistent: true })) !== undefined;
  }

  /** The applicant's earlier applications to this agency, newest first (by keyed hash, never the number). */
  async applicantHistory(
    agencyId: string,
    applicantKey: string,
    limit = 50,
  ): Promise<{ applicationId: string; submittedAt: string }[]> {
    const page = await this.table.queryPartition(keys.applicantHistoryPartition(agencyId, applicantKey), {
      limit,
      ascending: false,
    });
    return page.items.map((item) => {
      const { applicationId, submittedAt } = HistoryEntry.parse(item);
      return { applicationId, submittedAt };
    });
  }

  /**
   * The pieces of the applicant's applications received in a natural month (`YYYY-MM`, CST) — all of them,
   * or those received before one (`before`). Applications whose history entry predates the receipts (no
   * `receivedOn` on it) count as one piece in the month they were submitted, as they always did.
   */
  async piecesInMonth(
    agencyId: string,
    applicantKey: string,
    month: string,
    before?: ReceiptPlace,
  ): Promise<number> {
    let pieces = 0;
    const receipts = await this.all(keys.applicantReceiptsPartition(agencyId, applicantKey), {
      ...(before === undefined
        ? { sortKeyPrefix: month }
        : {
            sortKeyBetween: [month, keys.applicantReceipt(agencyId, applicantKey, before).sk] as [
              string,
              string,
            ],
          }),
    });
    for (const item of receipts) {
      const entry = ReceiptEntry.parse(item);
      if (entry.applicationId !== before?.id) pieces += entry.pieces;
    }
    const history = await this.all(keys.applicantHistoryPartition(agencyId, applicantKey), {
      sortKeyPrefix: month,
    });
    for (const item of history) {
      const entry = HistoryEntry.parse(item);
      if (entry.receivedOn !== undefined || entry.applicationId === before?.id) continue;
      if (before === undefined || entry.submittedAt < before.submittedAt) pieces += 1;
    }
    return pieces;
  }

  /** Every item of a partition's key range, page by page. */
  private async all(
    pk: string,
    range: { sortKeyPrefix?: string; sortKeyBetween?: [string, string] },
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.table.queryPartition(pk, { limit: 100, nextToken, ...range });
      items.push(...page.items);
      nextToken = page.nextToken ?? undefined;
    } while (nextToken !== undefined);
    return items;
  }

  /** The work queue: open applications by due date (or closed ones, newest first). */
  async list(
    agencyId: string,
    options: {
      open: boolean;
      dueFrom?: string | undefined;
      dueBefore?: string | undefined;
      limit: number;
      nextToken?: string | undefined;
    },
  ) {
    const partition = keys.applicationsByAgency(agencyId, options.open);
    const ranged = options.dueFrom !== undefined || options.dueBefore !== undefined;
    const page = await this.table.queryIndex('byAgencyState', partition, {
      limit: options.limit,
      nextToken: options.nextToken,
      ascending: options.open,
      ...(ranged
        ? {
            sortKeyBetween: [options.dueFrom ?? '0000', `${options.dueBefore ?? '9999'}#~`] as [
              string,
              string,
            ],
          }
        : {}),
    });
    return { items: page.items.map((item) => Application.parse(item)), nextToken: page.nextToken };
  }

  /** Unconfirmed applications have no reply due date: they are among the open queue's undated entries. */
  async listAwaitingConfirmation(agencyId: string, page: { limit: number; nextToken?: string | undefined }) {
    const found = await this.table.queryIndex('byAgencyState', keys.applicationsByAgency(agencyId, true), {
      limit: page.limit,
      nextToken: page.nextToken,
      sortKeyPrefix: keys.undatedQueuePrefix,
    });
    return {
      items: found.items
        .map((item) => Application.parse(item))
        .filter((application) => application.status === 'awaiting_confirmation'),
      nextToken: found.nextToken,
    };
  }

  async events(id: string): Promise<Record<string, unknown>[]> {
    return this.table.events(keys.application(id).pk);
  }

  /** The reply clock, side clocks and statistics of a change. */
  private sideOps(
    change: Change,
    event: TimelineEvent,
    previousReplyYears: readonly number[] = [],
  ): TransactOp[] {
    const { application } = change;
    const casePk = keys.application(application.id).pk;
    const ref = { agencyId: application.agencyId, kind: 'application', id: application.id } as const;
    const lastExtension = application.extensions.at(-1);
    // Who answers for the clocks, for the sweep (RULES §3): the handler, or the leader who extended.
    const context: ClockContext = {
      subject: `${application.id} ${application.request.description.slice(0, 60)}`,
      handler:
        application.assignee === null
          ? null
          : {
              staffId: application.assignee.staffId,
              name: application.assignee.name,
              email: application.assignee.email,
            },
      leader: lastExtension === undefined ? null : { staffId: lastExtension.approvedBy, name: null },
      extended: lastExtension !== undefined,
    };
    const ops: TransactOp[] = [];
    if (change.reply !== null) {
      ops.push(
        ...clockOps(
          this.table,
          { name: 'reply', case: ref, open: change.replyOpen, state: change.reply, context },
          event,
          previousReplyYears,
        ),
      );
    }
    for (const clock of change.clocks) {
      if (clock.open)
        ops.push(
          ...clockOps(
            this.table,
            { name: clock.name, case: ref, open: true, state: clock.state, context },
            event,
          ),
        );
      else ops.push(closeClockOp(this.table, casePk, clock.name));
    }
    ops.push(...dayCounterOps(this.table, application.agencyId, change.days ?? []));
    // One update per year's counter item: a transaction may touch an item only once.
    const byYear = new Map<number, Map<string, number>>();
    for (const move of change.statistics) {
      const cells = byYear.get(move.year) ?? new Map<string, number>();
      cells.set(move.cell, (cells.get(move.cell) ?? 0) + (move.by ?? 1));
      byYear.set(move.year, cells);
    }
    for (const [year, cells] of byYear) {
      const moves = [...cells];
      ops.push({
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: keys.statistics(application.agencyId, year),
            UpdateExpression: `ADD ${moves.map((_, i) => `#c${i} :d${i}`).join(', ')} SET entity = :entity`,
            ExpressionAttributeNames: Object.fromEntries(moves.map(([cell], i) => [`#c${i}`, cell])),
            ExpressionAttributeValues: {
              ...Object.fromEntries(moves.map(([, by], i) => [`:d${i}`, by])),
              ':entity': 'application_statistics',
            },
          },
        },
      });
    }
    return ops;
  }
}

function applicationItem(application: Application) {
  const open = isOpen(application.status);
  const gsi1sk = open
    ? application.dueDate === null
      ? keys.undatedQueueSort(application.submittedAt, application.id)
      : keys.applicationQueueSort(application.dueDate, application.id)
    : keys.applicationQueueSort(
        application.decision?.decidedOn ?? application.withdrawal?.on ?? UNDATED_QUEUE_DATE,
        application.id,
      );
  return {
    ...keys.application(application.id),
    gsi1pk: keys.applicationsByAgency(application.agencyId, open),
    gsi1sk,
    entity: 'application',
    ...application,
  };
}

/** An application's copies of its clocks' due dates, and its place in the work queue. */
export const applicationFieldsFromClock: CaseFieldsFromClock = (caseItem, clockName, next) => {
  const item = applicationItem(
    withClockDueDate(Application.parse(caseItem), clockName, next.dueDate, next.provisional),
  );
  return {
    dueDate: item.dueDate,
    provisional: item.provisional,
    gsi1sk: item.gsi1sk,
    clarification: item.clarification,
    confirmation: item.confirmation,
    fee: item.fee,
    consultations: item.consultations,
  };
};
