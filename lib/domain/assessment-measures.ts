import type { OfficeProfile } from './agency';
import type { Measure, MeasuredRate } from './assessment';
import { DAY_CELLS, type DayCounters } from './compliance';
import type { Breach, BreachKind } from './sweep';

/**
 * The measures of the assessment (考核), taken for one agency and one year from what Gongkai keeps by
 * key: the agency's office details, its day counters of the year, the breaches the sweep recorded, last
 * year's annual report, and the year's legal-challenge counters. Each rate comes with its basis in
 * words and the records behind it (the cases of the breaches that lowered it). A measure with nothing
 * to count (no decision in the year, no complaint answered) scores full: nothing was late.
 */
export type AgencyYearRecords = Readonly<{
  year: number;
  profile: OfficeProfile | null;
  /** The day counters of the year (January 1 to December 31). */
  days: readonly DayCounters[];
  /** The agency's breaches (at least those recorded in the year). */
  breaches: readonly Breach[];
  /** Last year's annual report: published (by now), and whether the sweep found it missing at its cutoff. */
  lastYearReport: Readonly<{ published: boolean }>;
  /** The year's legal-challenge counters (`LEGAL#<year>`: `<kind>.upheld|corrected|other`). */
  challengeCells: Readonly<Record<string, number>>;
}>;

/** The office details item 3 of seed 003 names: 名称、负责人、办公地址、办公时间、联系电话、传真号码、电子邮箱. */
const OFFICE_FIELDS = ['officeName', 'head', 'address', 'openingHours', 'phone', 'fax', 'email'] as const;
const CHALLENGE_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;

const yearOf = (date: string) => Number(date.slice(0, 4));

/** `good` of `total`, as a rate (a total of none: full). */
const share = (good: number, total: number) => (total === 0 ? 1 : Math.max(0, good) / total);

export function measureAgencyYear(records: AgencyYearRecords): Partial<Record<Measure, MeasuredRate>> {
  const sums = new Map<string, number>();
  for (const { cells } of records.days)
    for (const [cell, value] of Object.entries(cells)) sums.set(cell, (sums.get(cell) ?? 0) + value);
  const sum = (cell: string) => sums.get(cell) ?? 0;
  const recorded = (...kinds: BreachKind[]) =>
    records.breaches.filter(
      (breach) => kinds.includes(breach.kind) && yearOf(breach.recordedOn) === records.year,
    );
  const casesOf = (breaches: readonly Breach[]) => [
    ...new Set(breaches.flatMap((breach) => (breach.case === null ? [] : [breach.case.id]))),
  ];
  const measured: Partial<Record<Measure, MeasuredRate>> = {};

  const profile = records.profile;
  const missing = OFFICE_FIELDS.filter((field) => {
    const value = profile?.[field];
    return value === undefined || value === null || value === '';
  });
  measured.office_details_published = {
    rate: (OFFICE_FIELDS.length - missing.length) / OFFICE_FIELDS.length,
    basis:
      missing.length === 0
        ? `all ${OFFICE_FIELDS.length} office details published`
        : `${OFFICE_FIELDS.length - missing.length} of ${OFFICE_FIELDS.length} office details published; missing: ${missing.join(', ')}`,
    records: [],
    counts: { good: OFFICE_FIELDS.length - missing.length, total: OFFICE_FIELDS.length },
  };

  const published = sum(DAY_CELLS.published);
  const publishedLate = sum(DAY_CELLS.publishedLate);
  measured.publications_on_time = {
    rate: share(published - publishedLate, published),
    basis: `${published - publishedLate} of ${published} proactive items published within their deadline in ${records.year}`,
    records: casesOf(recorded('publication_overdue')),
    counts: { good: published - publishedLate, total: published },
  };

  const withdrawn = sum(DAY_CELLS.withdrawn);
  const early = sum(DAY_CELLS.withdrawnEarly);
  measured.display_periods_kept = {
    rate: share(withdrawn - early, withdrawn),
    basis: `${withdrawn - early} of ${withdrawn} items withdrawn in ${records.year} after their display period ended${
      early === 0 ? '' : ` (${early} inside it, each on a recorded legal basis)`
    }`,
    records: [],
    counts: { good: withdrawn - early, total: withdrawn },
  };

  const answered = sum(DAY_CELLS.complaintsAnswered);
  const answeredLate = sum(DAY_CELLS.complaintsLate);
  measured.complaints_answered_in_time = {
    rate: share(answered - answeredLate, answered),
    basis: `${answered - answeredLate} of ${answered} complaints answered within 30 days in ${records.year}`,
    records: casesOf(recorded('complaint_unanswered')),
    counts: { good: answered - answeredLate, total: answered },
  };

  const decided = sum(DAY_CELLS.decided);
  const late = sum(DAY_CELLS.decidedLate);
  measured.replies_on_time = {
    rate: share(decided - late, decided),
    basis: `${decided - late} of ${decided} applications answered within the statutory period in ${records.year}`,
    records: casesOf(recorded('reply_overdue', 'extension_overdue')),
    counts: { good: decided - late, total: decided },
  };

  // The report on last year, due by the cutoff of this year: late if the sweep found it missing.
  const lastYear = records.year - 1;
  const missingReport = records.breaches.find(
    (breach) =>
      breach.kind === 'annual_report_missing' &&
      breach.breachKey.startsWith(`${lastYear}#annual_report_missing#`),
  );
  if (missingReport !== undefined)
    measured.annual_report_on_time = {
      rate: 0,
      basis: `the ${lastYear} annual report was not published by ${missingReport.dueDate}${
        records.lastYearReport.published ? ' (published later)' : ''
      }`,
      records: [missingReport.breachKey],
      counts: { good: 0, total: 1 },
    };
  else if (records.lastYearReport.published)
    measured.annual_report_on_time = {
      rate: 1,
      basis: `the ${lastYear} annual report was published by its cutoff`,
      records: [],
      counts: { good: 1, total: 1 },
    };
  // Neither: the cutoff has not passed yet; the item waits (scored by hand, or later).

  let concluded = 0;
  let corrected = 0;
  for (const kind of CHALLENGE_KINDS) {
    const cell = (outcome: string) => records.challengeCells[`${kind}.${outcome}`] ?? 0;
    concluded += cell('upheld') + cell('corrected') + cell('other');
    corrected += cell('corrected');
  }
  measured.challenges_not_corrected = {
    rate: share(concluded - corrected, concluded),
    basis: `${corrected} of ${concluded} reconsiderations and lawsuits concluded in ${records.year} corrected the decision`,
    records: [],
    counts: { good: concluded - corrected, total: concluded },
  };
  return measured;
}
