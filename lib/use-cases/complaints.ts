import { randomBytes } from 'node:crypto';
import { chinaDateOf } from '#lib/domain/china-time';
import {
  answerComplaint,
  receiveComplaint,
  type ComplaintInput,
  type ComplaintReply,
} from '#lib/domain/complaint';
import { NotFoundError } from '#lib/domain/errors';
import { assertAgencyStaff, type Principal } from '#lib/domain/staff';
import { EMPTY_CHAIN, nextEvent, staffActor } from '#lib/domain/timeline';
import type { DynamoComplaintStore } from '#lib/adapters/complaint-store';
import type { AgencyStore } from './agencies';
import { currentCalendar, type CalendarStore } from './calendar';

export type ComplaintDeps = {
  store: Pick<DynamoComplaintStore, 'get' | 'create' | 'answer' | 'list'>;
  agencies: AgencyStore;
  calendars: CalendarStore;
};

const ref = (complaint: { agencyId: string; id: string }) =>
  ({ agencyId: complaint.agencyId, kind: 'complaint', id: complaint.id }) as const;

/** Anyone may complain about an agency's disclosure work; the answer is due in 30 days. */
export async function fileComplaint(deps: ComplaintDeps, agencyId: string, input: ComplaintInput, now: Date) {
  if ((await deps.agencies.get(agencyId)) === undefined)
    throw new NotFoundError(`There is no agency ${agencyId}.`);
  const calendar = await currentCalendar(deps.calendars);
  const { complaint, clock } = receiveComplaint(
    input,
    { id: `cmp_${randomBytes(6).toString('hex')}`, agencyId },
    chinaDateOf(now),
    calendar,
  );
  const event = nextEvent(ref(complaint), EMPTY_CHAIN, {
    type: 'complaint_received',
    now,
    actor: { kind: 'applicant' },
    data: { subject: complaint.subject, answerDueDate: complaint.answerDueDate },
  });
  await deps.store.create(complaint, clock, event);
  return {
    complaintId: complaint.id,
    receivedOn: complaint.receivedOn,
    answerDueDate: complaint.answerDueDate,
  };
}

export async function listComplaints(
  deps: ComplaintDeps,
  principal: Principal,
  agencyId: string,
  query: { status: 'open' | 'answered'; limit: number; nextToken?: string | undefined },
) {
  assertAgencyStaff(principal, agencyId, 'supervisor', 'agency_admin');
  return deps.store.list(agencyId, query.status, query);
}

export async function replyToComplaint(
  deps: ComplaintDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  reply: ComplaintReply,
  now: Date,
) {
  assertAgencyStaff(principal, agencyId, 'supervisor');
  const found = await deps.store.get(id);
  if (found?.complaint.agencyId !== agencyId)
    throw new NotFoundError(`There is no complaint ${id} in this agency.`);
  const answered = answerComplaint(found.complaint, reply, principal.staffId, chinaDateOf(now));
  const event = nextEvent(ref(answered), found.chain, {
    type: 'complaint_answered',
    now,
    actor: staffActor(principal),
    data: { upheld: reply.upheld, onTime: chinaDateOf(now) <= found.complaint.answerDueDate },
  });
  await deps.store.answer(answered, found.complaint.version, event);
  return answered;
}
