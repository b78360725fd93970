import { randomBytes } from 'node:crypto';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import type { ClockState } from '#lib/domain/calendar/clock';
import {
  formIdempotencyKey,
  hashToken,
  idempotencyKeyHash,
  newAccessToken,
  requestHash,
  sealToken,
  unsealToken,
  type ComplaintIdempotencyRecord,
} from '#lib/domain/application/secrets';
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
import { AlreadyExistsError, NotFoundError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { EMPTY_CHAIN, nextEvent, staffActor, type ChainHead, type TimelineEvent } from '#lib/domain/timeline';
import type { AgencyStore } from './agencies';
import { currentCalendar, type CalendarStore } from './calendar';
import { idempotencyExpiry, refuseOtherRequest } from './idempotency';

/** Port: where complaints are kept, each with its answer clock (which the sweep watches). */
export interface ComplaintStore {
  get(id: string): Promise<{ complaint: Complaint; chain: ChainHead } | undefined>;
  /**
   * Records a new complaint, its first timeline event, and starts its answer clock; with `idempotency`,
   * keeps its Idempotency-Key in the same write, which fails (`AlreadyExistsError`) if the key is kept.
   */
  create(
    complaint: Complaint,
    clock: ClockState,
    event: TimelineEvent,
    idempotency?: ComplaintIdempotencyRecord,
  ): Promise<void>;
  /** The complaint filed with this (hashed) Idempotency-Key, within the day it is kept. */
  idempotency(agencyId: string, keyHash: string): Promise<ComplaintIdempotencyRecord | undefined>;
  /** Marks the portal's receipt as having shown the access code; false if it was marked already. */
  markCodeShown(id: string, expiresAt: number): Promise<boolean>;
  /** Whether the portal has shown the complaint's access code (`markCodeShown`). */
  codeShown(id: string): Promise<boolean>;
  /** Saves the answered complaint if it is still at `expectedVersion`, and stops its answer clock. */
  answer(complaint: Complaint, expectedVersion: number, event: TimelineEvent): Promise<void>;
  /**
   * The agency's open complaints (by answer due date) or answered ones; with `dueBefore`, only those whose
   * answer was due before that day (the overdue ones, asked on the day after their last day).
   */
  list(
    agencyId: string,
    status: Complaint['status'],
    page: { limit: number; nextToken?: string | undefined },
    dueBefore?: IsoDate,
  ): Promise<{ items: Complaint[]; nextToken: string | null }>;
}

export type ComplaintDeps = {
  store: ComplaintStore;
  agencies: AgencyStore;
  calendars: CalendarStore;
};
/** The portal's: its forms' keys are bound to the platform secret (`formIdempotencyKey`). */
export type ComplaintFormDeps = ComplaintDeps & { readonly formSecret: Uint8Array };

const ref = (complaint: { agencyId: string; id: string }) =>
  ({ agencyId: complaint.agencyId, kind: 'complaint', id: complaint.id }) as const;

/**
 * Anyone may complain about an agency's disclosure work; the answer is due in 30 days. The receipt carries
 * the complaint's access code, once: it is kept only hashed. With an Idempotency-Key, a retry of the same
 * complaint within a day files nothing and answers as the first time (the code kept sealed under the key,
 * as `submitApplication` keeps an application's token); the key with another complaint is refused.
 */
export async function fileComplaint(
  deps: ComplaintDeps,
  agencyId: string,
  input: ComplaintInput,
  idempotencyKey: string | undefined,
  now: Date,
) {
  if ((await deps.agencies.get(agencyId)) === undefined)
    throw new NotFoundError(`There is no agency ${agencyId}.`);
  const keyed =
    idempotencyKey === undefined
      ? undefined
      : {
          key: idempotencyKey,
          hash: idempotencyKeyHash(agencyId, idempotencyKey),
          fingerprint: requestHash(input),
        };
  if (keyed !== undefined) {
    const replay = await replayComplaint(deps, agencyId, keyed);
    if (replay !== undefined) return replay;
  }
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
  try {
    await deps.store.create(
      complaint,
      clock,
      event,
      keyed === undefined
        ? undefined
        : {
            keyHash: keyed.hash,
            requestHash: keyed.fingerprint,
            complaintId: complaint.id,
            sealedToken: sealToken(accessCode, keyed.key, agencyId),
            expiresAt: idempotencyExpiry(now),
          },
    );
  } catch (error) {
    // A concurrent retry with the same key won: answer as it did.
    if (error instanceof AlreadyExistsError && keyed !== undefined) {
      const replay = await replayComplaint(deps, agencyId, keyed);
      if (replay !== undefined) return replay;
    }
    throw error;
  }
  return receiptOf(complaint, accessCode);
}

const receiptOf = (complaint: Complaint, accessCode: string) => ({
  complaintId: complaint.id,
  receivedOn: complaint.receivedOn,
  answerDueDate: complaint.answerDueDate,
  accessCode,
});

async function replayComplaint(
  deps: ComplaintDeps,
  agencyId: string,
  keyed: { key: string; hash: string; fingerprint: string },
) {
  const record = await deps.store.idempotency(agencyId, keyed.hash);
  if (record === undefined) return undefined;
  refuseOtherRequest(record, keyed.fingerprint);
  const found = await deps.store.get(record.complaintId);
  if (found === undefined) throw new NotFoundError('The complaint of this Idempotency-Key is gone.');
  return receiptOf(found.complaint, unsealToken(record.sealedToken, keyed.key, agencyId));
}

/**
 * Complaining with the portal's form, which carries a random key of its own drawn when it was rendered: the
 * same form posted twice (a double click, a retry) is one complaint. The code is shown once: a replay
 * answers it again only until the receipt has shown it (`markComplaintCodeShown`), then null, so nothing
 * shows it or opens the complaint in the browser again (as `applyWithForm` does for an application).
 */
export async function fileComplaintWithForm(
  deps: ComplaintFormDeps,
  agencyId: string,
  input: ComplaintInput,
  formKey: string,
  now: Date,
): Promise<Omit<Awaited<ReturnType<typeof fileComplaint>>, 'accessCode'> & { accessCode: string | null }> {
  const filed = await fileComplaint(deps, agencyId, input, formIdempotencyKey(deps.formSecret, formKey), now);
  return (await deps.store.codeShown(filed.complaintId)) ? { ...filed, accessCode: null } : filed;
}

/** The receipt shows the access code only the first time it is asked to: true then, false ever after. */
export const markComplaintCodeShown = (
  deps: Pick<ComplaintDeps, 'store'>,
  complaintId: string,
  now: Date,
): Promise<boolean> => deps.store.markCodeShown(complaintId, idempotencyExpiry(now));

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

/**
 * The agency's complaints, open (by answer date) or answered. `dueBefore`: only the open ones whose answer
 * is due before that day — the overdue ones, asked with today; those due within n days, with today + n + 1
 * (one Query: the list is ordered by answer date).
 */
export async function listComplaints(
  deps: ComplaintDeps,
  agencyId: string,
  query: {
    status: 'open' | 'answered';
    limit: number;
    nextToken?: string | undefined;
    dueBefore?: IsoDate | undefined;
  },
) {
  const page = await deps.store.list(
    agencyId,
    query.status,
    { limit: query.limit, nextToken: query.nextToken },
    query.status === 'open' ? query.dueBefore : undefined,
  );
  return { items: page.items.map(staffComplaintView), nextToken: page.nextToken };
}

/** A complaint of the agency as its staff read it (another agency's, or none: not found alike). */
export async function getComplaint(deps: Pick<ComplaintDeps, 'store'>, agencyId: string, id: string) {
  const found = await deps.store.get(id);
  if (found?.complaint.agencyId !== agencyId)
    throw new NotFoundError(`There is no complaint ${id} in this agency.`);
  return staffComplaintView(found.complaint);
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
