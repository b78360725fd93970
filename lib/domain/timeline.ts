import { createHash } from 'node:crypto';
import * as z from 'zod';
import { chinaIsoOf } from './china-time';
import type { Principal } from './staff';

/**
 * The timeline (audit trail) of a case. Every state change appends one event, written in the same
 * transaction as the change. Events form a hash chain: each carries the SHA-256 of the previous one, so
 * a missing or altered record is detectable by anyone who holds the chain (the archive keeps it).
 */
export const CASE_KINDS = [
  'agency',
  'staff',
  'calendar',
  'application',
  'submission',
  'publication',
  'annual_report',
  'roll_up',
  'breach',
  'complaint',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A case as its events (and its clocks) name it: its agency, its kind and its id. */
export const CaseRef = z
  .object({ agencyId: z.string(), kind: z.enum(CASE_KINDS), id: z.string() })
  .readonly();
export type CaseRef = z.infer<typeof CaseRef>;

/** Who acted: a staff member (as the token said), the applicant, or one of the platform's processes. */
export const Actor = z.union([
  z
    .object({
      kind: z.literal('staff'),
      staffId: z.string(),
      agencyId: z.string(),
      roles: z.array(z.string()).readonly(),
      name: z.string().optional(),
    })
    .readonly(),
  z.object({ kind: z.literal('applicant') }).readonly(),
  z.object({ kind: z.literal('system'), process: z.string() }).readonly(),
]);
export type Actor = z.infer<typeof Actor>;

/** One event of a case's timeline, as written beside the change and as the archive receives it. */
export const TimelineEvent = z
  .object({
    case: CaseRef,
    seq: z.int().min(1),
    type: z.string(),
    at: z.string(),
    actor: Actor,
    data: z.record(z.string(), z.unknown()).readonly(),
    prevHash: z.string().nullable(),
    hash: z.string(),
  })
  .readonly();
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const staffActor = (principal: Principal): Actor => ({
  kind: 'staff',
  staffId: principal.staffId,
  agencyId: principal.agencyId,
  roles: [...principal.roles].sort(),
  name: principal.name,
});

/** JSON with object keys sorted at every level and undefined members dropped: the form we hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The chain position of a case: how many events it has and the hash of the last one. */
export type ChainHead = { readonly seq: number; readonly hash: string | null };
export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: null };

/** The next event of a case's timeline, chained to `head`. */
export function nextEvent(
  caseRef: CaseRef,
  head: ChainHead,
  draft: { type: string; now: Date; actor: Actor; data?: Record<string, unknown> },
): TimelineEvent {
  const body = {
    case: caseRef,
    seq: head.seq + 1,
    type: draft.type,
    at: chinaIsoOf(draft.now),
    actor: draft.actor,
    data: draft.data ?? {},
    prevHash: head.hash,
  };
  return { ...body, hash: sha256Hex(canonicalJson(body)) };
}

/** Whether `event` is intact: its hash matches its content. */
export function eventIsIntact(event: TimelineEvent): boolean {
  const { hash, ...body } = event;
  return sha256Hex(canonicalJson(body)) === hash;
}

/** Checks a whole chain, in order: each event intact, numbered in sequence, linked to its predecessor. */
export function verifyChain(
  events: readonly TimelineEvent[],
): { ok: true } | { ok: false; brokenAt: number } {
  let previous: string | null = null;
  for (const [index, event] of events.entries()) {
    if (!eventIsIntact(event) || event.prevHash !== previous || event.seq !== index + 1) {
      return { ok: false, brokenAt: index + 1 };
    }
    previous = event.hash;
  }
  return { ok: true };
}
