import type { IsoDate } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import type { Complaint } from './complaint';
import type { Publication } from './submission/publication';
import { BREACH_KINDS, type Breach, type BreachKind } from './sweep';

/**
 * Compliance (依法履职情况) of the agencies of a tree over any date range: what they received, decided
 * and published, how fast and how late, and the breaches the sweep recorded. Summed from day counters
 * (one item per agency and day with activity) that each receipt, decision and publication moves in its
 * own transaction — never by reading cases.
 */

/** The day counters' cells. */
export const DAY_CELLS = {
  received: 'applications.received', // 收到申请
  decided: 'applications.decided', // 作出答复
  decidedLate: 'applications.late', // 逾期答复
  replyDays: 'applications.replyDays', // working days from receipt to decision, summed
  published: 'publications.published', // 主动公开
  publishedLate: 'publications.late', // 逾期公开
  withdrawn: 'publications.withdrawn', // 撤回
  withdrawnEarly: 'publications.withdrawnEarly', // inside the display period (on a recorded legal basis)
  complaintsAnswered: 'complaints.answered', // 投诉答复
  complaintsLate: 'complaints.late', // answered after the 30 days
} as const;
/** How many decisions took exactly `days` working days (the worst of a range is the largest such). */
export const replyDaysCell = (days: number): string => `${DAY_CELLS.replyDays}.${days}`;

/** A move of an agency's day counters: +`by` (1 unless told) in `cell` of day `day`. */
export type DayMove = { readonly day: IsoDate; readonly cell: string; readonly by?: number };

/** An application received on `receivedOn`. */
export const receiptMoves = (receivedOn: IsoDate): DayMove[] => [
  { day: receivedOn, cell: DAY_CELLS.received },
];

/**
 * A decision made on `decidedOn`: counted with the working days since receipt (Reg. 33 counts the reply
 * time in working days; time the clock stood still counts here, as the applicant waited it), and as late
 * when made after the reply was due.
 */
export function decisionMoves(
  calendar: WorkingCalendar,
  decision: { receivedOn: IsoDate | null; decidedOn: IsoDate; dueDate: IsoDate | null },
): DayMove[] {
  const day = decision.decidedOn;
  const moves: DayMove[] = [{ day, cell: DAY_CELLS.decided }];
  if (decision.dueDate !== null && decision.decidedOn > decision.dueDate)
    moves.push({ day, cell: DAY_CELLS.decidedLate });
  if (decision.receivedOn !== null) {
    const days = calendar.workingDaysBetween(decision.receivedOn, decision.decidedOn);
    moves.push({ day, cell: DAY_CELLS.replyDays, by: days }, { day, cell: replyDaysCell(days) });
  }
  return moves;
}

/** A version published on `publishedOn`, late when after its deadline (Reg. 26; none: never late). */
export function publicationMoves(publishedOn: IsoDate, dueDate: IsoDate | null): DayMove[] {
  const moves: DayMove[] = [{ day: publishedOn, cell: DAY_CELLS.published }];
  if (dueDate !== null && publishedOn > dueDate)
    moves.push({ day: publishedOn, cell: DAY_CELLS.publishedLate });
  return moves;
}

/** A withdrawal (撤回), early when inside the display period (long-term items always are). */
export function withdrawalMoves(publication: Pick<Publication, 'withdrawal' | 'displayUntil'>): DayMove[] {
  const on = publication.withdrawal?.on;
  if (on === undefined) return [];
  const early = publication.displayUntil === null || on <= publication.displayUntil;
  return [
    { day: on, cell: DAY_CELLS.withdrawn },
    ...(early ? [{ day: on, cell: DAY_CELLS.withdrawnEarly }] : []),
  ];
}

/** A complaint answered, late when after its answer date (Reg. 51: 30 days). */
export function complaintAnswerMoves(complaint: Pick<Complaint, 'answer' | 'answerDueDate'>): DayMove[] {
  const on = complaint.answer?.on;
  if (on === undefined) return [];
  return [
    { day: on, cell: DAY_CELLS.complaintsAnswered },
    ...(on > complaint.answerDueDate ? [{ day: on, cell: DAY_CELLS.complaintsLate }] : []),
  ];
}

/** One day's counters of an agency, as kept. */
export type DayCounters = Readonly<{ day: IsoDate; cells: Readonly<Record<string, number>> }>;

export type BreachCount = Readonly<{ open: number; resolved: number }>;

/** One agency's line of the compliance table. */
export type ComplianceRow = Readonly<{
  agencyId: string;
  agencyName: string;
  parentAgencyId: string | null;
  received: number;
  decided: number;
  /** Decided after the reply was due. */
  overdue: number;
  /** Working days from receipt to decision, on average (one decimal); null with no decision. */
  averageReplyDays: number | null;
  worstReplyDays: number | null;
  published: number;
  publishedLate: number;
  /** Breaches recorded in the range, by kind, as they stand now. */
  breaches: Readonly<Record<BreachKind, BreachCount>>;
  breachesOpen: number;
  breachesResolved: number;
  /** Annual reports found missing in the range and still not published. */
  reportsMissing: number;
}>;

export type DateRange = Readonly<{ from: IsoDate; to: IsoDate }>;

/** The period asked for: to today unless `to` is given, from January 1 of `to`'s year unless `from` is. */
export function periodOf(
  asked: { from?: IsoDate | undefined; to?: IsoDate | undefined },
  today: IsoDate,
): DateRange {
  const to = asked.to ?? today;
  return { from: asked.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** An agency's line, from its day counters and breaches (those outside the range are left out). */
export function complianceRow(
  agency: { agencyId: string; agencyName: string; parentAgencyId: string | null },
  range: DateRange,
  days: readonly DayCounters[],
  breaches: readonly Pick<Breach, 'kind' | 'status' | 'recordedOn'>[],
): ComplianceRow {
  const inRange = (day: IsoDate) => day >= range.from && day <= range.to;
  const sums = new Map<string, number>();
  for (const { day, cells } of days)
    if (inRange(day))
      for (const [cell, value] of Object.entries(cells)) sums.set(cell, (sums.get(cell) ?? 0) + value);
  const sum = (cell: string) => sums.get(cell) ?? 0;
  const decided = sum(DAY_CELLS.decided);
  let worst: number | null = null;
  const prefix = `${DAY_CELLS.replyDays}.`;
  for (const [cell, count] of sums)
    if (cell.startsWith(prefix) && count > 0) worst = Math.max(worst ?? 0, Number(cell.slice(prefix.length)));
  const byKind = Object.fromEntries(BREACH_KINDS.map((kind) => [kind, { open: 0, resolved: 0 }])) as Record<
    BreachKind,
    { open: number; resolved: number }
  >;
  for (const breach of breaches) if (inRange(breach.recordedOn)) byKind[breach.kind][breach.status] += 1;
  const counts = Object.values(byKind);
  return {
    ...agency,
    received: sum(DAY_CELLS.received),
    decided,
    overdue: sum(DAY_CELLS.decidedLate),
    averageReplyDays: decided === 0 ? null : Math.round((sum(DAY_CELLS.replyDays) / decided) * 10) / 10,
    worstReplyDays: worst,
    published: sum(DAY_CELLS.published),
    publishedLate: sum(DAY_CELLS.publishedLate),
    breaches: byKind,
    breachesOpen: counts.reduce((total, count) => total + count.open, 0),
    breachesResolved: counts.reduce((total, count) => total + count.resolved, 0),
    reportsMissing: byKind.annual_report_missing.open,
  };
}

/** The columns the table sorts by. */
export const COMPLIANCE_COLUMNS = [
  'agencyName',
  'received',
  'decided',
  'overdue',
  'averageReplyDays',
  'worstReplyDays',
  'published',
  'publishedLate',
  'breachesOpen',
  'breachesResolved',
  'reportsMissing',
] as const;
export type ComplianceColumn = (typeof COMPLIANCE_COLUMNS)[number];

/**
 * The rows by a column (a stable sort: equal rows keep the tree's order); a blank (no decision) sorts
 * after every figure, whichever the order.
 */
export function sortRows(
  rows: readonly ComplianceRow[],
  column: ComplianceColumn,
  order: 'asc' | 'desc',
): ComplianceRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (typeof x === 'string' ? x.localeCompare(y as string, 'zh-CN') : x - (y as number));
  });
}

/** The export's columns: the table's, then every breach kind's open and resolved counts. */
export const EXPORT_HEADER: readonly string[] = [
  'agencyId',
  'parentAgencyId',
  ...COMPLIANCE_COLUMNS,
  ...BREACH_KINDS.flatMap((kind) => [`breaches.${kind}.open`, `breaches.${kind}.resolved`]),
];

/** The table's rows for a spreadsheet, in `EXPORT_HEADER`'s columns (a blank: no figure). */
export const exportRows = (rows: readonly ComplianceRow[]): (string | number | null)[][] =>
  rows.map((row) => [
    row.agencyId,
    row.parentAgencyId,
    ...COMPLIANCE_COLUMNS.map((column) => row[column]),
    ...BREACH_KINDS.flatMap((kind) => [row.breaches[kind].open, row.breaches[kind].resolved]),
  ]);
