import * as z from 'zod';
import { StoredClockState } from './calendar/clock';
import { CaseRef } from './timeline';

export const Party = z.object({ staffId: z.string(), name: z.string().nullable() });
export type Party = z.infer<typeof Party>;

/**
 * The head of the agency's disclosure office (负责人), as its published profile names them: a name, not a
 * staff account (null while the profile names nobody — the office is still named by its role).
 */
export const OfficeHead = z.object({
  role: z.literal('office_head'),
  agencyId: z.string(),
  name: z.string().nullable(),
});
export type OfficeHead = z.infer<typeof OfficeHead>;

/** Who answers for a breach: a member of staff, or the office head. */
export const Accountable = z.union([Party, OfficeHead]);
export type Accountable = z.infer<typeof Accountable>;

/**
 * Who answers for a running clock and whom to tell, carried on the clock so the sweep acts on what falls
 * due without reading every case (RULES §3 "Accountability": the handler, or the leader who approved).
 */
export const ClockContext = z.object({
  subject: z.string(),
  handler: Party.extend({ email: z.string().nullable() }).nullable(),
  leader: Party.nullable(),
  extended: z.boolean(),
});
export type ClockContext = z.infer<typeof ClockContext>;

/**
 * A legal deadline of a case (its reply, a clarification period, a consultation, a fee, a publication,
 * a complaint's answer): the case it belongs to, its name there, whether it still runs, its state, and
 * who answers for it. One schema: the case stores write it, the sweep and the calendar read it.
 */
export const CaseClock = z.object({
  name: z.string(),
  case: CaseRef,
  open: z.boolean(),
  state: StoredClockState,
  context: ClockContext.optional(),
});
export type CaseClock = z.infer<typeof CaseClock>;

/** A clock as found by the sweep on the day it falls due (the due-day index holds only running ones). */
export type DueClock = Omit<CaseClock, 'open'>;

/** Which clock of which case. */
export type ClockRef = Pick<CaseClock, 'case' | 'name'>;
