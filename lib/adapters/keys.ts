import type { CaseRef } from '#lib/domain/timeline';

/**
 * The key module: every key of the Records table is built here, named by the access pattern it serves.
 * Generic attributes (`pk`, `sk`, `gsi1pk`/`gsi1sk` for `byAgencyState`, `gsi2pk`/`gsi2sk` for
 * `byDueDay`) carry entity-prefixed values.
 */
export type Key = { pk: string; sk: string };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** The queue date of an application that has none (no running reply clock, or closed without a date). */
export const UNDATED_QUEUE_DATE = '0000-00-00';

export const CASE_SK = 'CASE';

export const keys = {
  agency: (agencyId: string): Key => ({ pk: `AGENCY#${agencyId}`, sk: CASE_SK }),
  /** The public directory lists every agency in one index partition, by id. */
  agencyDirectory: (agencyId: string) => ({ gsi1pk: 'DIRECTORY#AGENCY', gsi1sk: `AGENCY#${agencyId}` }),
  agencyDirectoryPartition: 'DIRECTORY#AGENCY',

  /** An agency's child in the tree of agencies (parentAgencyId), found by key. */
  agencyChild: (parentId: string, childId: string): Key => ({
    pk: `AGENCY#${parentId}`,
    sk: `CHILD#${childId}`,
  }),
  agencyChildPrefix: 'CHILD#',

  /** The sweep: its watermark (the last day swept). */
  sweepWatermark: { pk: 'SYSTEM', sk: 'SWEEP' } satisfies Key,
  /** A breach of a deadline: a case of its own (it escalates), listed per agency by year and kind. */
  breach: (agencyId: string, breachKey: string): Key => ({
    pk: `BREACH#${agencyId}#${breachKey}`,
    sk: CASE_SK,
  }),
  breachesOfAgency: (agencyId: string, breachKey: string) => ({
    gsi1pk: `AGENCY#${agencyId}#BREACHES`,
    gsi1sk: breachKey,
  }),
  breachesPartition: (agencyId: string): string => `AGENCY#${agencyId}#BREACHES`,
  /** Open breaches by the day they escalate (sparse, in the due-day index). */
  breachEscalation: (escalateOn: string, agencyId: string, sk: string) => ({
    gsi2pk: keys.escalationMonth(escalateOn),
    gsi2sk: `${escalateOn}#${agencyId}#${sk}`,
  }),
  escalationMonth: (date: string): string => `ESCALATE#${date.slice(0, 7)}`,
  reminder: (agencyId: string, key: string): Key => ({ pk: `REMINDER#${agencyId}`, sk: key }),
  reminderPartition: (agencyId: string): string => `REMINDER#${agencyId}`,
  /** A reminder in its agency's list, by the day it was sent (listed newest first). */
  reminderOfAgency: (agencyId: string, day: string, key: string) => ({
    gsi1pk: `AGENCY#${agencyId}#REMINDERS`,
    gsi1sk: `${day}#${key}`,
  }),
  remindersPartition: (agencyId: string): string => `AGENCY#${agencyId}#REMINDERS`,
  /** Notifications, per agency (the local cloud's outbox; in AWS they are also e-mailed). */
  outbox: (agencyId: string, key: string): Key => ({ pk: `OUTBOX#${agencyId}`, sk: key }),
  outboxPartition: (agencyId: string): string => `OUTBOX#${agencyId}`,
  /** An agency's annual report for a year: the case, each published edition, the figures entered for it. */
  annualReport: (agencyId: string, year: number): Key => ({ pk: `REPORT#${agencyId}#${year}`, sk: CASE_SK }),
  annualReportEdition: (agencyId: string, year: number, edition: number): Key => ({
    pk: `REPORT#${agencyId}#${year}`,
    sk: `EDITION#${pad(edition, 4)}`,
  }),
  annualReportFigures: (agencyId: string, year: number): Key => ({
    pk: `REPORT#${agencyId}#${year}`,
    sk: 'FIGURES',
  }),
  /** A government's roll-up (汇总) of a year's reports, as it publishes it: the case, and each sealed edition. */
  rollUp: (agencyId: string, year: number): Key => ({ pk: `ROLLUP#${agencyId}#${year}`, sk: CASE_SK }),
  rollUpEdition: (agencyId: string, year: number, edition: number): Key => ({
    pk: `ROLLUP#${agencyId}#${year}`,
    sk: `EDITION#${pad(edition, 4)}`,
  }),
  /** Every counter item of an agency (applications, publications, legal challenges, by year). */
  statisticsPartition: (agencyId: string): string => `STATS#${agencyId}`,
  legalStatistics: (agencyId: string, year: number): Key => ({
    pk: `STATS#${agencyId}`,
    sk: `LEGAL#${year}`,
  }),
  legalChallenge: (id: string): Key => ({ pk: `CHALLENGE#${id}`, sk: CASE_SK }),
  legalChallengesOfAgency: (agencyId: string): string => `AGENCY#${agencyId}#CHALLENGES`,
  /** A published annual report of an agency for a year (written by the annual-report publication). */
  annualReportPublished: (agencyId: string, year: number): Key => ({
    pk: keys.annualReportsPublishedPartition(agencyId),
    sk: `${keys.annualReportPublishedPrefix}${year}`,
  }),
  /** The agency's published annual reports, every year, in one partition (the portal lists them). */
  annualReportsPublishedPartition: (agencyId: string): string => `REPORT#${agencyId}`,
  annualReportPublishedPrefix: 'PUBLISHED#',

  staff: (staffId: string): Key => ({ pk: `STAFF#${staffId}`, sk: CASE_SK }),
  staffByAgency: (agencyId: string, staffId: string) => ({
    gsi1pk: `AGENCY#${agencyId}#STAFF`,
    gsi1sk: `STAFF#${staffId}`,
  }),
  staffByAgencyPartition: (agencyId: string): string => `AGENCY#${agencyId}#STAFF`,
  /** Claims an e-mail address platform-wide (the user pool signs in by e-mail). */
  staffEmail: (email: string): Key => ({ pk: `STAFFEMAIL#${email}`, sk: 'STAFFEMAIL' }),
  /** A console form kept for its author across an expired session (expires by TTL). */
  heldForm: (staffId: string, id: string): Key => ({ pk: `STAFF#${staffId}`, sk: `HELD#${id}` }),

  /** A timeline event of the case whose item collection is `casePk`. */
  event: (casePk: string, seq: number): Key => ({ pk: casePk, sk: `EVENT#${pad(seq, 8)}` }),
  eventPrefix: 'EVENT#',

  /** An application, by its tracking number (agency-independent, so a citizen's link needs nothing else). */
  application: (id: string): Key => ({ pk: `APP#${id}`, sk: CASE_SK }),
  /** An application's place in its work queue: by the date that orders it, then its number. */
  applicationQueueSort: (date: string, id: string): string => `${date}#${id}`,
  /**
   * An open application with no due date (an online one waiting for confirmation, a stopped clock with
   * none): ahead of the dated ones, oldest submission first — tracking numbers are random.
   */
  undatedQueueSort: (submittedAt: string, id: string): string => `${UNDATED_QUEUE_DATE}#${submittedAt}#${id}`,
  undatedQueuePrefix: `${UNDATED_QUEUE_DATE}#`,
  /** Work queues: open applications by due date; closed ones by the day they closed. */
  applicationsByAgency: (agencyId: string, open: boolean): string =>
    `AGENCY#${agencyId}#APP#${open ? 'OPEN' : 'CLOSED'}`,
  /** An applicant's applications to one agency, by the keyed hash of their identity number. */
  applicantHistory: (agencyId: string, applicantKey: string, submittedAt: string, id: string): Key => ({
    pk: `APPLICANT#${agencyId}#${applicantKey}`,
    sk: `${submittedAt}#${id}`,
  }),
  applicantHistoryPartition: (agencyId: string, applicantKey: string): string =>
    `APPLICANT#${agencyId}#${applicantKey}`,
  /**
   * The fee rules count an applicant's applications per natural month of receipt (Reg. 31), not of
   * registration: one entry per received application, by date of receipt, then submission time.
   */
  applicantReceipt: (
    agencyId: string,
    applicantKey: string,
    place: { receivedOn: string; submittedAt: string; id: string },
  ): Key => ({
    pk: keys.applicantReceiptsPartition(agencyId, applicantKey),
    sk: `${place.receivedOn}#${place.submittedAt}#${place.id}`,
  }),
  applicantReceiptsPartition: (agencyId: string, applicantKey: string): string =>
    `RECEIPTS#${agencyId}#${applicantKey}`,
  /** A public POST's Idempotency-Key (hashed). */
  idempotency: (agencyId: string, keyHash: string): Key => ({
    pk: `IDEMPOTENCY#${agencyId}#${keyHash}`,
    sk: 'IDEMPOTENCY',
  }),
  /** A complaint's Idempotency-Key (hashed): apart from applications', so one key cannot stand for both. */
  complaintIdempotency: (agencyId: string, keyHash: string): Key => ({
    pk: `IDEMPOTENCY#${agencyId}#COMPLAINT#${keyHash}`,
    sk: 'IDEMPOTENCY',
  }),
  /**
   * The mark that the portal's receipt has shown an application's access token, or a complaint's access
   * code (their ids never meet: `cmp_…` is no tracking number), kept a while, then TTL.
   */
  tokenShown: (id: string): Key => ({ pk: `TOKEN_SHOWN#${id}`, sk: 'TOKEN_SHOWN' }),
  /** An agency's day counters (compliance over any date range): one item per day with activity. */
  dayCounters: (agencyId: string, day: string): Key => ({ pk: keys.dayCountersPartition(agencyId), sk: day }),
  dayCountersPartition: (agencyId: string): string => `DAYS#${agencyId}`,
  /** The annual-report counters of an agency for a year. */
  statistics: (agencyId: string, year: number): Key => ({
    pk: `STATS#${agencyId}`,
    sk: `APPLICATIONS#${year}`,
  }),

  /** A document registered for proactive disclosure. */
  submission: (id: string): Key => ({ pk: `SUB#${id}`, sk: CASE_SK }),
  /** Submissions by state; those in review by step, oldest publication deadline first. */
  submissionsByState: (agencyId: string, state: string): string => `AGENCY#${agencyId}#SUB#${state}`,
  reviewQueue: (agencyId: string, step: string): string => `AGENCY#${agencyId}#REVIEW#${step}`,
  publication: (id: string): Key => ({ pk: `PUB#${id}`, sk: CASE_SK }),
  publicationVersion: (id: string, version: number): Key => ({
    pk: `PUB#${id}`,
    sk: `VERSION#${pad(version, 4)}`,
  }),
  /** The reading room: one listing entry per publication in its audience's "all" and category partitions. */
  readingRoom: (agencyId: string, audience: string, category?: string): string =>
    category === undefined
      ? `LIST#${agencyId}#${audience}#ALL`
      : `LIST#${agencyId}#${audience}#CAT#${category}`,
  readingRoomEntry: (publishedOn: string, publicationId: string): string => `${publishedOn}#${publicationId}`,
  /** Which publication fulfilled a periodic obligation's period. */
  obligationPeriod: (agencyId: string, obligationId: string, period: string): Key => ({
    pk: `OBLIGATION#${agencyId}#${obligationId}`,
    sk: period,
  }),
  publicationStatistics: (agencyId: string, year: number): Key => ({
    pk: `STATS#${agencyId}`,
    sk: `PUBLICATIONS#${year}`,
  }),

  /** A complaint about the agency's disclosure work (Reg. 51). */
  complaint: (id: string): Key => ({ pk: `COMPLAINT#${id}`, sk: CASE_SK }),
  complaintsByAgency: (agencyId: string, status: string): string => `AGENCY#${agencyId}#COMPLAINTS#${status}`,

  /** The platform's loaded calendar years, and their timeline. */
  calendar: { pk: 'CALENDAR', sk: CASE_SK } satisfies Key,

  /** The case item of any case, from the reference its events and clocks carry. */
  caseItem: (ref: CaseRef): Key => {
    switch (ref.kind) {
      case 'agency':
        return keys.agency(ref.id);
      case 'staff':
        return keys.staff(ref.id);
      case 'calendar':
        return keys.calendar;
      case 'application':
        return keys.application(ref.id);
      case 'submission':
        return keys.submission(ref.id);
      case 'publication':
        return keys.publication(ref.id);
      case 'annual_report':
        return keys.annualReport(ref.agencyId, Number(ref.id));
      case 'roll_up':
        return keys.rollUp(ref.agencyId, Number(ref.id));
      case 'breach':
        return keys.breach(ref.agencyId, ref.id);
      case 'complaint':
        return keys.complaint(ref.id);
    }
  },
  /** A running legal deadline of a case, in the case's item collection. */
  clock: (casePk: string, name: string): Key => ({ pk: casePk, sk: `CLOCK#${name}` }),
  clockPrefix: 'CLOCK#',
  /** The sweep's index: running clocks by the CST month and day they run out (sparse). */
  clockDue: (dueDate: string, ref: { agencyId: string; kind: string; id: string }, name: string) => ({
    gsi2pk: keys.clockDueMonth(dueDate),
    gsi2sk: `${dueDate}#${ref.agencyId}#${ref.kind}#${ref.id}#${name}`,
  }),
  clockDueMonth: (date: string): string => `DUE#${date.slice(0, 7)}`,
  /** Marks a clock whose due date depends on `year` being provisional, so loading the year finds it by key. */
  provisionalClock: (year: number, casePk: string, name: string): Key => ({
    pk: `PROVISIONAL#${year}`,
    sk: `${casePk}#${name}`,
  }),
  provisionalClocksPartition: (year: number): string => `PROVISIONAL#${year}`,

  healthProbe: { pk: 'SYSTEM', sk: 'HEALTH' } satisfies Key,

  // An upload taken by a record (one record per upload): written once, conditionally.
  uploadClaim: (uploadId: string): Key => ({ pk: `UPLOAD#${uploadId}`, sk: 'CLAIM' }),
} as const;
