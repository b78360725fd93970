import type { ClockState, StoredClockState } from '#lib/domain/calendar/clock';
import { VersionConflictError } from '#lib/domain/errors';
import type { CaseRef, ChainHead, TimelineEvent } from '#lib/domain/timeline';
import type { YearCounters } from '#lib/use-cases/annual-reports';
import type { ClockContext } from '#lib/domain/case-clock';

/** A clock as the Records table keeps it in its case's item collection (`CLOCK#<name>`). */
export type KeptClock = {
  readonly case: CaseRef;
  readonly open: boolean;
  readonly state: StoredClockState;
  readonly context: ClockContext | undefined;
};

/** A reading-room entry (proactive publications and published annual reports share the listing). */
export type ListingEntry = {
  readonly publicationId: string;
  readonly url: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly category: string;
  readonly publishedOn: string;
  readonly version: number;
};

/** What storage keeps of a clock: its history and what was last derived from it, never the steps. */
export const storedClockState = (state: ClockState | StoredClockState): StoredClockState => ({
  status: state.status,
  period: state.period,
  dueDate: state.dueDate,
  remainingWorkingDays: state.remainingWorkingDays,
  provisional: state.provisional,
  provisionalYears: [...state.provisionalYears],
  events: [...state.events],
});

/** Storage round-trips values: nothing a caller holds aliases what is kept. */
export const copy = <T>(value: T): T => structuredClone(value);

/** A copy no one can change: what is written once (a timeline event) is handed out without copying again. */
function frozenCopy<T>(value: T): T {
  const freeze = (item: unknown): void => {
    if (item === null || typeof item !== 'object' || Object.isFrozen(item)) return;
    Object.freeze(item);
    for (const member of Object.values(item)) freeze(member);
  };
  const kept = copy(value);
  freeze(kept);
  return kept;
}

/**
 * What the in-memory stores share, as the Dynamo stores share the Records table: each case's timeline
 * (in order), each case's clocks, the annual-report counters (per agency, kind and year) and the reading
 * room. A store checks every condition of a change before it applies any of it, so a change is written
 * whole or not at all, like a `TransactWriteItems`.
 */
export class InMemoryRecords {
  private readonly timelines = new Map<string, TimelineEvent[]>();
  private readonly clocksByCase = new Map<string, Map<string, KeptClock>>();
  private readonly counterCells = new Map<string, Map<string, number>>();
  private readonly listings = new Map<string, ListingEntry>();

  // --- timelines ---------------------------------------------------------------------------------------

  /** Throws as the conditional put of `EVENT#<seq>` does when that position of the timeline is taken. */
  checkEventFree(caseKey: string, event: TimelineEvent): void {
    if ((this.timelines.get(caseKey) ?? []).some((kept) => kept.seq === event.seq))
      throw new VersionConflictError('The record changed since you read it; read it again and retry.');
  }

  appendEvent(caseKey: string, event: TimelineEvent): void {
    const timeline = this.timelines.get(caseKey) ?? [];
    timeline.push(frozenCopy(event));
    timeline.sort((a, b) => a.seq - b.seq);
    this.timelines.set(caseKey, timeline);
  }

  /** The case's timeline, oldest first (events are written once: they come frozen). */
  timeline(caseKey: string): TimelineEvent[] {
    return [...(this.timelines.get(caseKey) ?? [])];
  }

  /** How many events each case's timeline holds, by case key. */
  eventCounts(): Map<string, number> {
    return new Map([...this.timelines].map(([key, events]) => [key, events.length]));
  }

  /** Every timeline kept, by case key. */
  allTimelines(): Map<string, TimelineEvent[]> {
    return new Map([...this.timelines].map(([key, events]) => [key, [...events]]));
  }

  // --- clocks ------------------------------------------------------------------------------------------

  /** A clock as kept (frozen: a change replaces it, never edits it). */
  clock(caseKey: string, name: string): KeptClock | undefined {
    return this.clocksByCase.get(caseKey)?.get(name);
  }

  clocks(caseKey: string): Map<string, KeptClock> {
    return new Map(this.clocksByCase.get(caseKey) ?? []);
  }

  putClock(caseKey: string, name: string, clock: KeptClock): void {
    const clocks = this.clocksByCase.get(caseKey) ?? new Map<string, KeptClock>();
    clocks.set(name, frozenCopy({ ...clock, state: storedClockState(clock.state) }));
    this.clocksByCase.set(caseKey, clocks);
  }

  /** Closing a clock that was never opened fails, as the conditional update of `closeClockOp` does. */
  checkClockExists(caseKey: string, name: string): void {
    if (this.clocksByCase.get(caseKey)?.get(name) === undefined)
      throw new VersionConflictError(`The clock ${name} is missing.`);
  }

  closeClock(caseKey: string, name: string): void {
    const clocks = this.clocksByCase.get(caseKey);
    const kept = clocks?.get(name);
    if (clocks === undefined || kept === undefined)
      throw new VersionConflictError(`The clock ${name} is missing.`);
    clocks.set(name, Object.freeze({ ...kept, open: false }));
  }

  // --- counters ----------------------------------------------------------------------------------------

  /** `ADD #cell :delta` on the agency's counter item of that kind and year. */
  count(agencyId: string, kind: YearCounters['kind'], year: number, cell: string, delta = 1): void {
    const key = `${agencyId}#${kind}#${year}`;
    const cells = this.counterCells.get(key) ?? new Map<string, number>();
    cells.set(cell, (cells.get(cell) ?? 0) + delta);
    this.counterCells.set(key, cells);
  }

  /** `SET #cell = :value` (`REMOVE #cell` for null) on the agency's counter item of that kind and year. */
  setCells(
    agencyId: string,
    kind: YearCounters['kind'],
    year: number,
    cells: Readonly<Record<string, number | null>>,
  ): void {
    const key = `${agencyId}#${kind}#${year}`;
    const kept = this.counterCells.get(key) ?? new Map<string, number>();
    for (const [cell, value] of Object.entries(cells))
      if (value === null) kept.delete(cell);
      else kept.set(cell, value);
    this.counterCells.set(key, kept);
  }

  /** Every counter item of the agency. */
  counters(agencyId: string): YearCounters[] {
    const found: YearCounters[] = [];
    for (const [key, cells] of this.counterCells) {
      const [owner, kind, year] = key.split('#');
      if (owner !== agencyId) continue;
      if (kind !== 'applications' && kind !== 'publications' && kind !== 'challenges') continue;
      found.push({ kind, year: Number(year), cells: Object.fromEntries(cells) });
    }
    return found.sort((a, b) => a.kind.localeCompare(b.kind) || a.year - b.year);
  }

  // --- the reading room --------------------------------------------------------------------------------

  private listingKey = (agencyId: string, audience: string, entry: ListingEntry) =>
    `${agencyId}#${audience}#${entry.publishedOn}#${entry.publicationId}`;

  putListing(agencyId: string, audience: 'public' | 'internal', entry: ListingEntry): void {
    this.listings.set(this.listingKey(agencyId, audience, entry), copy(entry));
  }

  deleteListing(agencyId: string, audience: 'public' | 'internal', entry: ListingEntry): void {
    this.listings.delete(this.listingKey(agencyId, audience, entry));
  }

  /** The agency's listing for an audience, newest first (by day published, then id, descending). */
  listing(agencyId: string, audience: 'public' | 'internal'): ListingEntry[] {
    const prefix = `${agencyId}#${audience}#`;
    return [...this.listings]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .map(([, entry]) => copy(entry));
  }
}

/** The chain head a case item carries after `event` was written with it. */
export const headAfter = (event: TimelineEvent): ChainHead => ({ seq: event.seq, hash: event.hash });
