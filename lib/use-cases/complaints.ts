import { randomBytes } from 'node:crypto';
import type { ClockState } from '#lib/domain/calendar/clock';
import { hashToken, newAccessToken } from '#lib/domain/application/secrets';
import { chinaDateOf } from '#lib/domain/china-time';
import {
  answerComplaint,
  complainantView,
  complaintCodeMatches,
  receiveComplaint,
  staffComplaintView,
  type Complaint,
  type ComplaintInput,
  type ComplaintReply,
} from '#lib/domain/complaint';
import { NotFoundError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { EMPTY_CHAIN, nextEvent, staffActor, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from './agencies';
import { currentCalendar, type CalendarStore } from './calendar';

/** Port: where complaints are kept, each with its answer clock (which the sweep watches). */
export interface ComplaintStore {
  get(id: string): Promise<{ complaint: Complaint; chain: ChainHead } | undefined>;
  /** Records a new complaint, its first timeline event, and starts its answer clock. */
  create(complaint: Complaint, clock: ClockState, event: TimelineEvent): Promise<void>;
  /** Saves the answered complaint if it is still at `expectedVersion`, and stops its answer clock. */
  answer(complaint: Complaint, expectedVersion: number, event: TimelineEvent): Promise<void>;
  /** The agency's open complaints (by answer due date) or answered ones. */
  list(
    agencyId: string,
    status: Complaint['status'],
    page: { limit: number; nextToken?: string | undefined },
  ): Promise<{ items: Complaint[]; nextToken: string | null }>;
}

export type ComplaintDeps = {
  store: ComplaintStore;
  agencies: AgencyStore;
  calendars: CalendarStore;
};

const ref = (complaint: { agencyId: string; id: string }) =>
  ({ agencyId: complaint.agencyId, kind: 'complaint', id: complaint.id }) as const;

/**
 * Anyone may complain about an agency's disclosure work; the answer is due in 30 days. The receipt carries
 * the complaint's access code, once: it is kept only hashed.
 */
export async function fileComplaint(deps: ComplaintDeps, agencyId: string, input: ComplaintInput, now: Date) {
  if ((await deps.agencies.get(agencyId)) === undefined)
    throw new NotFoundError(`There is no agency ${agencyId}.`);
  const calendar = await currentCalendar(deps.calendars);
  const accessCode = newAccessToken();
  const { complaint, clock } = receiveComplaint(
    input,
    { id: `cmp_${randomBytes(6).toString('hex')}`, agencyId, accessCodeHash: hashToken(accessCode) },
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
    accessCode,
  };
}

/**
 * The complaint as its complainant reads it back. An unknown id, another agency's complaint, a wrong or
 * missing code: all answered alike, so nobody learns which complaints exist.
 */
export async function complaintStatus(
  deps: Pick<ComplaintDeps, 'store'>,
  agencyId: string,
  complaintId: string,
  accessCode: string | undefined,
) {
  const found = accessCode === undefined ? undefined : await deps.store.get(complaintId);
  if (
    found === undefined ||
    accessCode === undefined ||
    found.complaint.agencyId !== agencyId ||
    !complaintCodeMatches(found.complaint, accessCode)
  )
    throw new NotFoundError('There is no complaint with this id and access code.');
  return complainantView(found.complaint);
}

export async function listComplaints(
  deps: ComplaintDeps,
  agencyId: string,
  query: { status: 'open' | 'answered'; limit: number; nextToken?: string | undefined },
) {
  const page = await deps.store.list(agencyId, query.status, query);
  return { items: page.items.map(staffComplaintView), nextToken: page.nextToken };
}

export async function replyToComplaint(
  deps: ComplaintDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  reply: ComplaintReply,
  now: Date,
) {
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
  return staffComplaintView(answered);
}
