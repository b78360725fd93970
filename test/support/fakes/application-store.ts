import { Application, isOpen, type Change } from '#lib/domain/application/application';
import type { IdempotencyRecord } from '#lib/domain/application/secrets';
import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { ApplicationStore, LoadedApplication, ReceiptPlace } from '#lib/use-cases/applications/ports';
import type { ClockContext } from '#lib/domain/case-clock';
import { pageOf } from './paging';
import { copy, headAfter, storedClockState, type InMemoryRecords } from './records';

/** The case key of an application, as its partition (`APP#<tracking number>`): agency-independent. */
export const applicationCase = (id: string): string => `APP#${id}`;

/**
 * Applications in memory, with the contract of `DynamoApplicationStore`: a create of an existing
 * tracking number or a used Idempotency-Key is `AlreadyExistsError`; a save at another version than the
 * one read is `VersionConflictError`; each change writes, whole, the case (version + 1, chain head), its
 * timeline event, its reply and side clocks, the applicant's history and receipts (once received, with the
 * pieces it counts for) and the annual-report counters.
 */
export class InMemoryApplicationStore implements ApplicationStore {
  private readonly cases = new Map<string, { item: Application; chain: ChainHead }>();
  private readonly idempotencyRecords = new Map<string, IdempotencyRecord>();
  /** `receivedOn` undefined: an entry written before receipts were kept (see `givenLegacyHistory`). */
  private readonly histories = new Map<
    string,
    { submittedAt: string; applicationId: string; receivedOn?: string | null }[]
  >();
  private readonly tokensShown = new Set<string>();
  private readonly receipts = new Map<string, Map<string, { applicationId: string; pieces: number }>>();

  constructor(private readonly records: InMemoryRecords) {}

  async get(id: string): Promise<LoadedApplication | undefined> {
    const kept = this.cases.get(id);
    if (kept === undefined) return undefined;
    const reply = this.records.clock(applicationCase(id), 'reply');
    // Read back through the one schema, as the Dynamo store does: a lost field fails here.
    return {
      application: Application.parse(copy(kept.item)),
      reply: reply?.state ?? null,
      chain: kept.chain,
    };
  }

  async create(change: Change, event: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void> {
    const { application } = change;
    if (this.cases.has(application.id)) throw new AlreadyExistsError('This application already exists.');
    const idempotencyKey =
      idempotency === undefined ? undefined : `${application.agencyId}#${idempotency.keyHash}`;
    if (idempotencyKey !== undefined && this.idempotencyRecords.has(idempotencyKey))
      throw new AlreadyExistsError('This Idempotency-Key has been used.');
    this.checkSideChanges(change, event);

    this.cases.set(application.id, { item: copy({ ...application, version: 1 }), chain: headAfter(event) });
    this.applySideChanges(change, event);
    this.keepApplicantEntries(application);
    if (idempotencyKey !== undefined && idempotency !== undefined)
      this.idempotencyRecords.set(idempotencyKey, copy(idempotency));
  }

  async save(
    change: Change,
    expectedVersion: number,
    event: TimelineEvent,
    _previousReplyYears: readonly number[] = [],
  ): Promise<void> {
    const { application } = change;
    const kept = this.cases.get(application.id);
    if (kept?.item.version !== expectedVersion)
      throw new VersionConflictError('The record changed since you read it; read it again and retry.');
    this.checkSideChanges(change, event);

    this.cases.set(application.id, {
      item: copy({ ...application, version: expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.applySideChanges(change, event);
    if (application.receivedOn !== null) this.keepApplicantEntries(application);
  }

  /** The history entry (replaced, with its date of receipt) and, once received, the receipt entry. */
  private keepApplicantEntries(application: Application): void {
    const historyKey = `${application.agencyId}#${application.applicantKey}`;
    const entry = {
      submittedAt: application.submittedAt,
      applicationId: application.id,
      receivedOn: application.receivedOn,
    };
    this.histories.set(historyKey, [
      ...(this.histories.get(historyKey) ?? []).filter((kept) => kept.applicationId !== application.id),
      entry,
    ]);
    if (application.receivedOn === null) return;
    const receipts = this.receipts.get(historyKey) ?? new Map();
    receipts.set(`${application.receivedOn}#${application.submittedAt}#${application.id}`, {
      applicationId: application.id,
      pieces: application.fee?.pieces?.count ?? 1,
    });
    this.receipts.set(historyKey, receipts);
  }

  /** An applicant's history entry as stores wrote them before receipts were kept: no date of receipt. */
  givenLegacyHistory(agencyId: string, applicantKey: string, submittedAt: string, applicationId: string) {
    const historyKey = `${agencyId}#${applicantKey}`;
    this.histories.set(historyKey, [
      ...(this.histories.get(historyKey) ?? []),
      { submittedAt, applicationId },
    ]);
  }

  async idempotency(agencyId: string, keyHash: string): Promise<IdempotencyRecord | undefined> {
    const record = this.idempotencyRecords.get(`${agencyId}#${keyHash}`);
    return record === undefined ? undefined : copy(record);
  }

  async markTokenShown(id: string, _expiresAt: number): Promise<boolean> {
    if (this.tokensShown.has(id)) return false;
    this.tokensShown.add(id);
    return true;
  }

  async tokenShown(id: string): Promise<boolean> {
    return this.tokensShown.has(id);
  }

  async applicantHistory(
    agencyId: string,
    applicantKey: string,
    limit = 50,
  ): Promise<{ applicationId: string; submittedAt: string }[]> {
    return this.historyOf(agencyId, applicantKey)
      .reverse()
      .slice(0, limit)
      .map(({ submittedAt, applicationId }) => ({ applicationId, submittedAt }));
  }

  async piecesInMonth(
    agencyId: string,
    applicantKey: string,
    month: string,
    before?: ReceiptPlace,
  ): Promise<number> {
    const last = before === undefined ? undefined : `${before.receivedOn}#${before.submittedAt}#${before.id}`;
    let pieces = 0;
    for (const [sortKey, entry] of this.receipts.get(`${agencyId}#${applicantKey}`) ?? [])
      if (sortKey.startsWith(month) && (last === undefined || sortKey < last)) pieces += entry.pieces;
    for (const entry of this.historyOf(agencyId, applicantKey))
      if (
        entry.receivedOn === undefined &&
        entry.submittedAt.startsWith(month) &&
        entry.applicationId !== before?.id &&
        (before === undefined || entry.submittedAt < before.submittedAt)
      )
        pieces += 1;
    return pieces;
  }

  async list(
    agencyId: string,
    options: {
      open: boolean;
      dueFrom?: string | undefined;
      dueBefore?: string | undefined;
      limit: number;
      nextToken?: string | undefined;
    },
  ): Promise<{ items: Application[]; nextToken: string | null }> {
    const entries = [...this.cases.values()]
      .map(({ item }) => item)
      .filter((item) => item.agencyId === agencyId && isOpen(item.status) === options.open)
      .map((item) => ({ sortKey: queueSortKey(item), item }))
      .filter((entry) => options.dueFrom === undefined || entry.sortKey >= options.dueFrom)
      .filter((entry) => options.dueBefore === undefined || entry.sortKey <= `${options.dueBefore}#~`);
    const page = pageOf(`applications#${agencyId}#${options.open}`, entries, {
      ...options,
      ascending: options.open,
    });
    return { items: page.items.map((item) => Application.parse(item)), nextToken: page.nextToken };
  }

  async listAwaitingConfirmation(
    agencyId: string,
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: Application[]; nextToken: string | null }> {
    // As the Dynamo store reads them: the open queue's undated entries, filtered after the page is read.
    const entries = [...this.cases.values()]
      .map(({ item }) => item)
      .filter((item) => item.agencyId === agencyId && isOpen(item.status) && item.dueDate === null)
      .map((item) => ({ sortKey: queueSortKey(item), item }));
    const found = pageOf(`applications#${agencyId}#true`, entries, page);
    return {
      items: found.items
        .filter((item) => item.status === 'awaiting_confirmation')
        .map((item) => Application.parse(item)),
      nextToken: found.nextToken,
    };
  }

  async events(id: string): Promise<Record<string, unknown>[]> {
    return this.records.timeline(applicationCase(id)).map((event) => ({ ...event }));
  }

  /** The status of an application, without reading it back (for tests that steer by state). */
  statusOf(id: string): Application['status'] | undefined {
    return this.cases.get(id)?.item.status;
  }

  /** Tracking numbers of every application kept (for tests that look across cases). */
  ids(): string[] {
    return [...this.cases.keys()];
  }

  private historyOf(agencyId: string, applicantKey: string) {
    return [...(this.histories.get(`${agencyId}#${applicantKey}`) ?? [])].sort((a, b) =>
      `${a.submittedAt}#${a.applicationId}` < `${b.submittedAt}#${b.applicationId}` ? -1 : 1,
    );
  }

  /** The conditions of the change's other writes: its event's place is free, the clocks it closes exist. */
  private checkSideChanges(change: Change, event: TimelineEvent): void {
    const caseKey = applicationCase(change.application.id);
    this.records.checkEventFree(caseKey, event);
    for (const clock of change.clocks) if (!clock.open) this.records.checkClockExists(caseKey, clock.name);
  }

  private applySideChanges(change: Change, event: TimelineEvent): void {
    const { application } = change;
    const caseKey = applicationCase(application.id);
    const ref = { agencyId: application.agencyId, kind: 'application', id: application.id } as const;
    this.records.appendEvent(caseKey, event);
    const context = clockContext(application);
    if (change.reply !== null)
      this.records.putClock(caseKey, 'reply', {
        case: ref,
        open: change.replyOpen,
        state: storedClockState(change.reply),
        context,
      });
    for (const clock of change.clocks) {
      if (clock.open)
        this.records.putClock(caseKey, clock.name, {
          case: ref,
          open: true,
          state: storedClockState(clock.state),
          context,
        });
      else this.records.closeClock(caseKey, clock.name);
    }
    for (const move of change.statistics)
      this.records.count(application.agencyId, 'applications', move.year, move.cell, move.by ?? 1);
  }
}

/**
 * What orders an application in its queue, as the Dynamo store's `gsi1sk`: open by due date (undated ones
 * first, oldest submission first), closed by the day it closed.
 */
function queueSortKey(application: Application): string {
  if (!isOpen(application.status))
    return `${application.decision?.decidedOn ?? application.withdrawal?.on ?? '0000-00-00'}#${application.id}`;
  return application.dueDate === null
    ? `0000-00-00#${application.submittedAt}#${application.id}`
    : `${application.dueDate}#${application.id}`;
}

/** Who answers for the case's clocks (RULES §3): the handler, or the leader who extended. */
function clockContext(application: Application): ClockContext {
  const lastExtension = application.extensions.at(-1);
  return {
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
}
