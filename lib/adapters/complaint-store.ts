import { complaintAnswerMoves } from '#lib/domain/compliance';
import { dayCounterOps } from './day-counters';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import type { ClockState } from '#lib/domain/calendar/clock';
import { ComplaintIdempotencyRecord } from '#lib/domain/application/secrets';
import { Complaint } from '#lib/domain/complaint';
import type { ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { ComplaintStore } from '#lib/use-cases/complaints';
import { clockOps, closeClockOp, type CaseFieldsFromClock } from './clock-store';
import { keys } from './keys';
import { caseChange, chainHeadOf, keepIdempotencyOp, type RecordsTable } from './records-table';

/** Complaints: the case, its 30-day answer clock (for the sweep), listed per agency open or answered. */
export class DynamoComplaintStore implements ComplaintStore {
  constructor(private readonly table: RecordsTable) {}

  async get(id: string): Promise<{ complaint: Complaint; chain: ChainHead } | undefined> {
    const item = await this.table.get(keys.complaint(id));
    return item === undefined ? undefined : { complaint: Complaint.parse(item), chain: chainHeadOf(item) };
  }

  async create(
    complaint: Complaint,
    clock: ClockState,
    event: TimelineEvent,
    idempotency?: ComplaintIdempotencyRecord,
  ): Promise<void> {
    const ref = { agencyId: complaint.agencyId, kind: 'complaint', id: complaint.id } as const;
    const keyOps =
      idempotency === undefined
        ? []
        : [
            keepIdempotencyOp(
              this.table,
              keys.complaintIdempotency(complaint.agencyId, idempotency.keyHash),
              idempotency,
            ),
          ];
    await this.table.transact([
      ...keyOps,
      ...caseChange(this.table, { item: complaintItem(complaint), expectedVersion: 'new', event }),
      ...clockOps(
        this.table,
        {
          name: 'answer',
          case: ref,
          open: true,
          state: clock,
          context: { subject: complaint.subject, handler: null, leader: null, extended: false },
        },
        event,
      ),
    ]);
  }

  async idempotency(agencyId: string, keyHash: string): Promise<ComplaintIdempotencyRecord | undefined> {
    const item = await this.table.get(keys.complaintIdempotency(agencyId, keyHash), { consistent: true });
    return item === undefined ? undefined : ComplaintIdempotencyRecord.parse(item);
  }

  async markCodeShown(id: string, expiresAt: number): Promise<boolean> {
    return this.table.putOnce(keys.tokenShown(id), { entity: 'token_shown', expiresAt });
  }

  async codeShown(id: string): Promise<boolean> {
    return (await this.table.get(keys.tokenShown(id), { consistent: true })) !== undefined;
  }

  async answer(complaint: Complaint, expectedVersion: number, event: TimelineEvent): Promise<void> {
    await this.table.transact([
      ...caseChange(this.table, { item: complaintItem(complaint), expectedVersion, event }),
      closeClockOp(this.table, keys.complaint(complaint.id).pk, 'answer'),
      ...dayCounterOps(this.table, complaint.agencyId, complaintAnswerMoves(complaint)),
    ]);
  }

  async list(
    agencyId: string,
    status: 'open' | 'answered',
    page: { limit: number; nextToken?: string | undefined },
    dueBefore?: IsoDate,
  ) {
    // The sort key starts with the answer date: `<date>#<id>` sorts after `<date>` itself, so the range
    // up to `dueBefore` holds exactly the complaints due before that day.
    const result = await this.table.queryIndex('byAgencyState', keys.complaintsByAgency(agencyId, status), {
      ...page,
      ...(dueBefore === undefined ? {} : { sortKeyBetween: ['0', dueBefore] as [string, string] }),
    });
    return { items: result.items.map((item) => Complaint.parse(item)), nextToken: result.nextToken };
  }
}

function complaintItem(complaint: Complaint) {
  return {
    ...keys.complaint(complaint.id),
    gsi1pk: keys.complaintsByAgency(complaint.agencyId, complaint.status),
    gsi1sk: `${complaint.answerDueDate}#${complaint.id}`,
    entity: 'complaint',
    ...complaint,
  };
}

/** A complaint's copy of its answer deadline, and its place in the list. */
export const complaintFieldsFromClock: CaseFieldsFromClock = (caseItem, clockName, next) => {
  if (clockName !== 'answer') return {};
  const item = complaintItem({ ...Complaint.parse(caseItem), answerDueDate: next.dueDate });
  return { answerDueDate: item.answerDueDate, gsi1sk: item.gsi1sk };
};
