import type { ClockState } from '#lib/domain/calendar/clock';
import type { ComplaintIdempotencyRecord } from '#lib/domain/application/secrets';
import { Complaint } from '#lib/domain/complaint';
import { AlreadyExistsError, VersionConflictError } from '#lib/domain/errors';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { ComplaintStore } from '#lib/use-cases/complaints';
import { pageOf } from './paging';
import { copy, headAfter, storedClockState, type InMemoryRecords } from './records';

export const complaintCase = (id: string): string => `COMPLAINT#${id}`;

/**
 * Complaints in memory, with the contract of `DynamoComplaintStore`: a new complaint starts its 30-day
 * answer clock (with its Idempotency-Key, once per key and agency); the answer (at the version read, else `VersionConflictError`) stops it; the agency's
 * complaints are listed open or answered, by answer due date.
 */
export class InMemoryComplaintStore implements ComplaintStore {
  private readonly complaints = new Map<string, { complaint: Complaint; chain: ChainHead }>();
  private readonly idempotencyRecords = new Map<string, ComplaintIdempotencyRecord>();
  private readonly codesShown = new Set<string>();

  constructor(private readonly records: InMemoryRecords) {}

  async get(id: string): Promise<{ complaint: Complaint; chain: ChainHead } | undefined> {
    const kept = this.complaints.get(id);
    return kept === undefined
      ? undefined
      : { complaint: Complaint.parse(copy(kept.complaint)), chain: kept.chain };
  }

  async create(
    complaint: Complaint,
    clock: ClockState,
    event: TimelineEvent,
    idempotency?: ComplaintIdempotencyRecord,
  ): Promise<void> {
    if (this.complaints.has(complaint.id)) throw new AlreadyExistsError('The record already exists.');
    const keyed = idempotency === undefined ? undefined : `${complaint.agencyId}#${idempotency.keyHash}`;
    if (keyed !== undefined && this.idempotencyRecords.has(keyed))
      throw new AlreadyExistsError('This Idempotency-Key has been used.');
    this.records.checkEventFree(complaintCase(complaint.id), event);
    if (keyed !== undefined && idempotency !== undefined)
      this.idempotencyRecords.set(keyed, copy(idempotency));
    this.complaints.set(complaint.id, {
      complaint: copy({ ...complaint, version: 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(complaintCase(complaint.id), event);
    this.records.putClock(complaintCase(complaint.id), 'answer', {
      case: { agencyId: complaint.agencyId, kind: 'complaint', id: complaint.id },
      open: true,
      state: storedClockState(clock),
      context: { subject: complaint.subject, handler: null, leader: null, extended: false },
    });
  }

  async idempotency(agencyId: string, keyHash: string): Promise<ComplaintIdempotencyRecord | undefined> {
    const record = this.idempotencyRecords.get(`${agencyId}#${keyHash}`);
    return record === undefined ? undefined : copy(record);
  }

  async markCodeShown(id: string, _expiresAt: number): Promise<boolean> {
    if (this.codesShown.has(id)) return false;
    this.codesShown.add(id);
    return true;
  }

  async codeShown(id: string): Promise<boolean> {
    return this.codesShown.has(id);
  }

  async answer(complaint: Complaint, expectedVersion: number, event: TimelineEvent): Promise<void> {
    if (this.complaints.get(complaint.id)?.complaint.version !== expectedVersion)
      throw new VersionConflictError('The record changed since you read it; read it again and retry.');
    this.records.checkEventFree(complaintCase(complaint.id), event);
    this.records.checkClockExists(complaintCase(complaint.id), 'answer');
    this.complaints.set(complaint.id, {
      complaint: copy({ ...complaint, version: expectedVersion + 1 }),
      chain: headAfter(event),
    });
    this.records.appendEvent(complaintCase(complaint.id), event);
    this.records.closeClock(complaintCase(complaint.id), 'answer');
  }

  async list(
    agencyId: string,
    status: Complaint['status'],
    page: { limit: number; nextToken?: string | undefined },
    dueBefore?: string,
  ) {
    const entries = [...this.complaints.values()]
      .filter(({ complaint }) => complaint.agencyId === agencyId && complaint.status === status)
      .filter(({ complaint }) => dueBefore === undefined || complaint.answerDueDate < dueBefore)
      .map(({ complaint }) => ({
        sortKey: `${complaint.answerDueDate}#${complaint.id}`,
        item: copy(complaint),
      }));
    return pageOf(`complaints#${agencyId}#${status}#${dueBefore ?? ''}`, entries, page);
  }
}
