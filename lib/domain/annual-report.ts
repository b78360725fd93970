import * as z from 'zod';
import { TrackingNumber } from './application/secrets';
import { ORGANISATION_TYPES, type ApplicantColumn } from './application/applicant';
import { FEE_CELLS } from './application/fees';
import {
  CANNOT_PROVIDE_REASONS,
  NOT_DISCLOSED_REASONS,
  NOT_PROCESSED_REASONS,
  OTHERWISE_HANDLED_REASONS,
} from './application/outcomes';
import { RuleViolationError, WrongStateError, type FieldError } from './errors';
import { canonicalJson, sha256Hex } from './timeline';
import { draftText, optionalText } from './free-text';

/**
 * The annual report on government information disclosure (政府信息公开工作年度报告), in the national
 * uniform format (State Council General Office, 2021), drafted from Gongkai's own counters.
 */
export const COLUMNS: readonly ApplicantColumn[] = [
  'natural_person',
  ...(Object.keys(ORGANISATION_TYPES) as (keyof typeof ORGANISATION_TYPES)[]),
];
export const COLUMN_LABELS: Record<ApplicantColumn, string> = {
  natural_person: '自然人',
  ...ORGANISATION_TYPES,
};

/** The rows of 三、(三) 本年度办理结果, with the format's labels, in order; `key` is the counter's row. */
export type ResultRow = { readonly key: string; readonly group: string; readonly label: string };
const numbered = (record: Record<string, string>, group: string, prefix: string): ResultRow[] =>
  Object.entries(record).map(([reason, label], index) => ({
    key: `${prefix}.${reason}`,
    group,
    label: `${index + 1}.${label}`,
  }));
export const RESULT_ROWS: readonly ResultRow[] = [
  { key: 'disclosed', group: '（一）予以公开', label: '（一）予以公开' },
  {
    key: 'partially_disclosed',
    group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  },
  ...numbered(NOT_DISCLOSED_REASONS, '（三）不予公开', 'not_disclosed'),
  ...numbered(CANNOT_PROVIDE_REASONS, '（四）无法提供', 'cannot_provide'),
  ...numbered(NOT_PROCESSED_REASONS, '（五）不予处理', 'not_processed'),
  ...numbered(OTHERWISE_HANDLED_REASONS, '（六）其他处理', 'otherwise_handled'),
];

/** One column of 三、本年度办理结果 and the rows around it, for one kind of applicant (or the total). */
export const ColumnFigures = z
  .object({
    received: z.int(), // 一、本年新收
    carriedIn: z.int(), // 二、上年结转
    results: z.record(z.string(), z.int()).readonly(), // 三、本年度办理结果, by row key
    resultsTotal: z.int(), // （七）总计
    carriedOut: z.int(), // 四、结转下年度继续办理
  })
  .readonly();
export type ColumnFigures = z.infer<typeof ColumnFigures>;

/** Reconsiderations or lawsuits of the year, by result (四、政府信息公开行政复议、行政诉讼情况). */
export const ChallengeFigures = z
  .object({
    upheld: z.int(),
    corrected: z.int(),
    other: z.int(),
    pending: z.int(),
    total: z.int(),
  })
  .readonly();
export type ChallengeFigures = z.infer<typeof ChallengeFigures>;

/**
 * Applications pending on January 1 by applicant column (二、上年结转), as an agency enters them for its
 * first year in Gongkai: those received before its records here begin. A column left out is 0.
 */
const pendingCount = z.int().min(0).max(1_000_000).default(0);
export const PendingByColumn = z.strictObject({
  natural_person: pendingCount,
  commercial_enterprise: pendingCount,
  research_institution: pendingCount,
  social_welfare_organization: pendingCount,
  legal_service_agency: pendingCount,
  other: pendingCount,
} satisfies Record<ApplicantColumn, typeof pendingCount>);
export type PendingByColumn = z.infer<typeof PendingByColumn>;

export const Figures = z.strictObject({
  version: z.int().min(0, 'must be the version you read (0 for none yet)'),
  licensing: z.int().min(0), // 行政许可 本年处理决定数量
  penalties: z.int().min(0), // 行政处罚
  enforcement: z.int().min(0), // 行政强制
  feeIncomeTenThousandYuan: z.number().min(0).max(1e9), // 行政事业性收费 本年收费金额（万元）
  // Rules and normative documents in force on January 1, for an agency whose earlier documents are not
  // in Gongkai (its first year here); later years follow from last year's published report.
  inForceAtStartOfYear: z
    .strictObject({ rules: z.int().min(0), normativeDocuments: z.int().min(0) })
    .nullable()
    .default(null),
  // Applications pending on January 1, for an agency whose earlier applications are not in Gongkai: 二
  // counts from them and from what Gongkai records from that year on. Figures entered before it have none.
  pendingAtStartOfYear: PendingByColumn.nullable().default(null),
});
export type Figures = z.infer<typeof Figures>;

export const Narrative = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  general: draftText(20000), // 一、总体情况
  problems: draftText(20000), // 五、存在的主要问题及改进情况
  other: draftText(20000), // 六、其他需要报告的事项
});

/**
 * 六、其他需要报告的事项 — the format asks for the fee notices sent (件数, 总金额) and the total actually
 * collected (实际收取的总金额), in yuan: notices in the year sent, payments in the year paid.
 */
export const FeeFigures = z
  .object({ notices: z.int(), noticedYuan: z.number(), collectedYuan: z.number() })
  .readonly();
export type FeeFigures = z.infer<typeof FeeFigures>;

const DocumentFigures = z.object({ issued: z.int(), repealed: z.int(), valid: z.int() }).readonly();

/** The report's text and tables, as drafted and as sealed (the seal is the hash of exactly this). */
export const ReportContent = z
  .object({
    agencyId: z.string(),
    agencyName: z.string(),
    year: z.int(),
    narrative: z.object({ general: z.string(), problems: z.string(), other: z.string() }).readonly(),
    proactive: z
      .object({
        rules: DocumentFigures,
        normativeDocuments: DocumentFigures,
        licensing: z.int(),
        penalties: z.int(),
        enforcement: z.int(),
        feeIncomeTenThousandYuan: z.number(),
      })
      .readonly(),
    applications: z.record(z.string(), ColumnFigures).readonly(), // by column, plus 'total'
    challenges: z
      .object({
        reconsideration: ChallengeFigures,
        litigationDirect: ChallengeFigures,
        litigationAfterReconsideration: ChallengeFigures,
      })
      .readonly(),
    // 六: the processing fees of the 2020 rules, from the fee records. Optional, not defaulted: a report
    // sealed before fees were counted holds none, and its seal is over exactly what it holds.
    fees: FeeFigures.optional(),
  })
  .readonly();
export type ReportContent = z.infer<typeof ReportContent>;

/** A published edition's seal: the SHA-256 of its canonical form, when, and where it is archived. */
export const Seal = z
  .object({
    edition: z.int(),
    sha256: z.string(),
    publishedAt: z.string(),
    archiveKey: z.string(),
  })
  .readonly();
export type Seal = z.infer<typeof Seal>;

/** The year's report: its current content, draft or published, and the seal of every edition so far. */
export const AnnualReport = z
  .object({
    content: ReportContent,
    status: z.enum(['draft', 'published']),
    draftedAt: z.string(),
    seals: z.array(Seal).readonly(),
    version: z.int(),
  })
  .readonly();
export type AnnualReport = z.infer<typeof AnnualReport>;

/** Counter cells as the stores keep them (`received.<column>`, `decided.<row>.<column>`, …). */
export type Cells = Readonly<Record<string, number>>;

const cell = (cells: Cells, name: string): number => (typeof cells[name] === 'number' ? cells[name] : 0);

/** The counter cell that keeps a year's opening figure of pending applications, by column. */
export const pendingAtStartCell = (column: ApplicantColumn): string => `pendingAtStart.${column}`;

/**
 * The counter cells an opening figure sets in its year's application counters, where drafts of that and
 * later years find it (null: the figure was taken away, and the cells with it).
 */
export function openingCells(pending: PendingByColumn | null): Record<string, number | null> {
  return Object.fromEntries(
    COLUMNS.map((column) => [pendingAtStartCell(column), pending === null ? null : pending[column]]),
  );
}

/**
 * What 二 (上年结转) of `year` counts from: the receipts and decisions of every earlier year — or, where an
 * opening figure was entered for `year` or an earlier year (the latest counts), that figure and what
 * Gongkai recorded from its year on: it stands for everything received before its year, so receipts
 * dated earlier (an old letter registered late) are not counted twice.
 */
export function applicationsBefore(
  applicationCounters: readonly { year: number; cells: Cells }[],
  year: number,
): Cells {
  const opening = applicationCounters
    .filter((entry) => entry.year <= year)
    .filter((entry) => COLUMNS.some((column) => typeof entry.cells[pendingAtStartCell(column)] === 'number'))
    .reduce<{ year: number; cells: Cells } | undefined>(
      (latest, entry) => (latest === undefined || entry.year > latest.year ? entry : latest),
      undefined,
    );
  const before: Record<string, number> = {};
  for (const entry of applicationCounters) {
    if (entry.year >= year || (opening !== undefined && entry.year < opening.year)) continue;
    for (const [name, value] of Object.entries(entry.cells)) before[name] = (before[name] ?? 0) + value;
  }
  if (opening !== undefined)
    for (const column of COLUMNS)
      before[pendingAtStartCell(column)] = cell(opening.cells, pendingAtStartCell(column));
  return before;
}

/**
 * Drafts the tables from the counters: this year's receipts and decisions, the carry-over from earlier
 * years (everything received and not decided before January 1), and what carries into next year. The
 * carry-over is counted, not copied from last year's report, so that the check against last year's 四
 * catches a report published before a late registration or correction changed last year's figures.
 */
export function draftContent(input: {
  agencyId: string;
  agencyName: string;
  year: number;
  narrative: ReportContent['narrative'];
  applicationsThisYear: Cells;
  applicationsBefore: Cells; // see `applicationsBefore`: earlier years, or an opening figure and the years since
  publicationsUpToYear: readonly { year: number; cells: Cells }[];
  /** In force on January 1 if known (entered, or last year's published report); else counted from Gongkai's records. */
  inForceAtStartOfYear: { rules: number; normativeDocuments: number } | null;
  challengesUpToYear: readonly { year: number; cells: Cells }[];
  figures: Omit<Figures, 'version' | 'inForceAtStartOfYear' | 'pendingAtStartOfYear'>;
}): ReportContent {
  const applications: Record<string, ColumnFigures> = {};
  const totals = {
    received: 0,
    carriedIn: 0,
    results: {} as Record<string, number>,
    resultsTotal: 0,
    carriedOut: 0,
  };
  for (const column of COLUMNS) {
    const received = cell(input.applicationsThisYear, `received.${column}`);
    const results = Object.fromEntries(
      RESULT_ROWS.map((row) => [row.key, cell(input.applicationsThisYear, `decided.${row.key}.${column}`)]),
    );
    const resultsTotal = Object.values(results).reduce((sum, n) => sum + n, 0);
    const decidedBefore = RESULT_ROWS.reduce(
      (sum, row) => sum + cell(input.applicationsBefore, `decided.${row.key}.${column}`),
      0,
    );
    const carriedIn =
      cell(input.applicationsBefore, pendingAtStartCell(column)) +
      cell(input.applicationsBefore, `received.${column}`) -
      decidedBefore;
    const carriedOut = carriedIn + received - resultsTotal;
    applications[column] = { received, carriedIn, results, resultsTotal, carriedOut };
    totals.received += received;
    totals.carriedIn += carriedIn;
    totals.resultsTotal += resultsTotal;
    totals.carriedOut += carriedOut;
    for (const row of RESULT_ROWS)
      totals.results[row.key] = (totals.results[row.key] ?? 0) + (results[row.key] ?? 0);
  }
  applications.total = totals;
  const documents = (kind: 'rule' | 'normative_document', opening: number | undefined) => {
    const thisYear = input.publicationsUpToYear.find((entry) => entry.year === input.year)?.cells ?? {};
    const issued = cell(thisYear, `issued.${kind}`);
    const repealed = cell(thisYear, `repealed.${kind}`);
    const counted = input.publicationsUpToYear
      .filter((entry) => entry.year < input.year)
      .reduce(
        (sum, entry) => sum + cell(entry.cells, `issued.${kind}`) - cell(entry.cells, `repealed.${kind}`),
        0,
      );
    return { issued, repealed, valid: (opening ?? counted) + issued - repealed };
  };
  // Concluded this year, by result; pending: filed by December 31 and not concluded by then.
  const challenge = (kind: string): ChallengeFigures => {
    const thisYear = input.challengesUpToYear.find((entry) => entry.year === input.year)?.cells ?? {};
    const concluded = (cells: Cells) =>
      cell(cells, `${kind}.upheld`) + cell(cells, `${kind}.corrected`) + cell(cells, `${kind}.other`);
    const pending = input.challengesUpToYear.reduce(
      (sum, entry) => sum + cell(entry.cells, `${kind}.filed`) - concluded(entry.cells),
      0,
    );
    const figures = {
      upheld: cell(thisYear, `${kind}.upheld`),
      corrected: cell(thisYear, `${kind}.corrected`),
      other: cell(thisYear, `${kind}.other`),
      pending,
    };
    return { ...figures, total: figures.upheld + figures.corrected + figures.other + figures.pending };
  };
  return {
    agencyId: input.agencyId,
    agencyName: input.agencyName,
    year: input.year,
    narrative: input.narrative,
    proactive: {
      rules: documents('rule', input.inForceAtStartOfYear?.rules),
      normativeDocuments: documents('normative_document', input.inForceAtStartOfYear?.normativeDocuments),
      licensing: input.figures.licensing,
      penalties: input.figures.penalties,
      enforcement: input.figures.enforcement,
      feeIncomeTenThousandYuan: input.figures.feeIncomeTenThousandYuan,
    },
    applications,
    challenges: {
      reconsideration: challenge('reconsideration'),
      litigationDirect: challenge('litigation_direct'),
      litigationAfterReconsideration: challenge('litigation_after_reconsideration'),
    },
    fees: {
      notices: cell(input.applicationsThisYear, FEE_CELLS.noticed),
      noticedYuan: cell(input.applicationsThisYear, FEE_CELLS.noticedYuan),
      collectedYuan: cell(input.applicationsThisYear, FEE_CELLS.collectedYuan),
    },
  };
}

/**
 * Table 二's 现行有效 on January 1, from last year's published report: its 现行有效, moved by what was
 * counted for last year after it was drafted — a document issued in December and published after the
 * report, an expiry recorded by a later clean-up — so that those are not lost from every year's figure.
 */
export function inForceFromLastYear(
  lastYear: ReportContent['proactive'],
  lastYearCells: Cells,
): { rules: number; normativeDocuments: number } {
  const moved = (figures: { issued: number; repealed: number; valid: number }, kind: string) =>
    figures.valid +
    (cell(lastYearCells, `issued.${kind}`) - cell(lastYearCells, `repealed.${kind}`)) -
    (figures.issued - figures.repealed);
  return {
    rules: moved(lastYear.rules, 'rule'),
    normativeDocuments: moved(lastYear.normativeDocuments, 'normative_document'),
  };
}

/** The checks before publication, each failure named (RULES §4; the national format's arithmetic). */
export function checkReport(
  content: ReportContent,
  lastYearCarriedOut: Readonly<Record<string, number>> | null,
): FieldError[] {
  const failures: FieldError[] = [];
  for (const column of [...COLUMNS, 'total']) {
    const figures = content.applications[column];
    if (figures === undefined) {
      failures.push({ path: `applications.${column}`, message: 'is missing' });
      continue;
    }
    if (figures.received + figures.carriedIn !== figures.resultsTotal + figures.carriedOut) {
      failures.push({ path: `applications.${column}`, message: '一 + 二 must equal 三（七）总计 + 四' });
    }
    const sum = Object.values(figures.results).reduce((total, n) => total + n, 0);
    if (sum !== figures.resultsTotal)
      failures.push({
        path: `applications.${column}.resultsTotal`,
        message: '总计 must be the sum of its rows',
      });
    if (
      lastYearCarriedOut !== null &&
      column !== 'total' &&
      lastYearCarriedOut[column] !== undefined &&
      lastYearCarriedOut[column] !== figures.carriedIn
    ) {
      failures.push({
        path: `applications.${column}.carriedIn`,
        message: `二 must equal last year's 四 (${lastYearCarriedOut[column]})`,
      });
    }
  }
  for (const column of ['received', 'carriedIn', 'resultsTotal', 'carriedOut'] as const) {
    const sum = COLUMNS.reduce((total, name) => total + (content.applications[name]?.[column] ?? 0), 0);
    if (sum !== content.applications.total?.[column])
      failures.push({ path: `applications.total.${column}`, message: '总计 must be the sum of the columns' });
  }
  for (const kind of ['rules', 'normativeDocuments'] as const) {
    if (content.proactive[kind].valid < 0)
      failures.push({
        path: `proactive.${kind}.valid`,
        message:
          '现行有效件数 must not be negative: enter the documents in force on January 1 (figures.inForceAtStartOfYear)',
      });
  }
  for (const [kind, figures] of Object.entries(content.challenges)) {
    if (figures.total !== figures.upheld + figures.corrected + figures.other + figures.pending) {
      failures.push({
        path: `challenges.${kind}.total`,
        message: '总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
      });
    }
  }
  for (const [section, label] of [
    ['general', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
    ['other', '六、其他需要报告的事项'],
  ] as const) {
    if (content.narrative[section].trim() === '')
      failures.push({ path: `narrative.${section}`, message: `${label} must not be empty` });
  }
  return failures;
}

/** The seal: SHA-256 of the report's canonical JSON. */
export const sealOf = (content: ReportContent): string => sha256Hex(canonicalJson(content));

/**
 * Whether a year's figures are complete on `on` (a China date or date-time): its report can be published
 * from January 1 of the next year.
 */
export const reportYearHasEnded = (year: number, on: string): boolean => Number(on.slice(0, 4)) > year;

/** Seals the report as its next edition, once the year has ended and every check passes. */
export function publishReport(
  report: AnnualReport,
  lastYearCarriedOut: Readonly<Record<string, number>> | null,
  at: string, // ISO date-time in China time
  archiveKeyOf: (edition: number) => string,
): AnnualReport {
  if (report.status === 'published')
    throw new WrongStateError('This edition is already published; edit it to start a correction.');
  if (!reportYearHasEnded(report.content.year, at))
    throw new RuleViolationError(
      'report-year-not-ended',
      `The ${report.content.year} report can be published from January 1, ${report.content.year + 1}: its figures are for the whole year.`,
      [{ path: 'year', message: `must be a year that has ended (it is ${at.slice(0, 4)} in China)` }],
    );
  const failures = checkReport(report.content, lastYearCarriedOut);
  if (failures.length > 0)
    throw new RuleViolationError(
      'report-checks-failed',
      `The report fails ${failures.length} check(s).`,
      failures,
    );
  const edition = report.seals.length + 1;
  return {
    ...report,
    status: 'published',
    seals: [
      ...report.seals,
      { edition, sha256: sealOf(report.content), publishedAt: at, archiveKey: archiveKeyOf(edition) },
    ],
  };
}

const CHALLENGE_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
const CHALLENGE_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;

/** An outcome other than 尚未审结 needs the day it was reached, not before the filing. */
const concludedConsistently = <T extends { outcome: string; concludedOn?: string | undefined }>(
  value: T,
  context: z.core.$RefinementCtx<T>,
) => {
  if (value.outcome === 'pending' && value.concludedOn !== undefined)
    context.addIssue({
      code: 'custom',
      path: ['concludedOn'],
      message: 'must be absent while the case is pending',
    });
  if (value.outcome !== 'pending' && value.concludedOn === undefined)
    context.addIssue({ code: 'custom', path: ['concludedOn'], message: 'is required with an outcome' });
};

/** A reconsideration or lawsuit about the agency's disclosure work (政府信息公开行政复议、行政诉讼). */
export const LegalChallengeInput = z
  .strictObject({
    kind: z.enum(CHALLENGE_KINDS), // 行政复议 / 未经复议直接起诉 / 复议后起诉
    filedOn: z.iso.date(),
    caseNumber: optionalText(100),
    trackingNumber: TrackingNumber.optional(),
    outcome: z.enum(CHALLENGE_OUTCOMES).default('pending'), // 结果维持 / 结果纠正 / 其他结果 / 尚未审结
    concludedOn: z.iso.date().optional(),
  })
  .superRefine(concludedConsistently);
export type LegalChallengeInput = z.infer<typeof LegalChallengeInput>;
export const LegalChallengeOutcome = z
  .strictObject({
    version: z.int().min(1),
    outcome: z.enum(CHALLENGE_OUTCOMES),
    concludedOn: z.iso.date().optional(),
  })
  .superRefine(concludedConsistently);

/** A challenge as kept: its facts, its outcome once reached, and its version. */
export const LegalChallenge = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind: z.enum(CHALLENGE_KINDS),
  filedOn: z.string(),
  caseNumber: z.string().optional(),
  trackingNumber: z.string().optional(),
  outcome: z.enum(CHALLENGE_OUTCOMES),
  concludedOn: z.string().optional(),
  version: z.int(),
});
export type LegalChallenge = z.infer<typeof LegalChallenge>;

export type ChallengeFacts = {
  readonly kind: LegalChallengeInput['kind'];
  readonly filedOn: string;
  readonly outcome: LegalChallengeInput['outcome'];
  readonly concludedOn?: string | undefined;
};

/** The dates of a challenge are not in the future, and it is not concluded before it was filed. */
export function checkChallengeDates(facts: ChallengeFacts, today: string): void {
  const errors: FieldError[] = [];
  if (facts.filedOn > today)
    errors.push({ path: 'body.filedOn', message: `must not be after today (${today})` });
  if (facts.concludedOn !== undefined && facts.concludedOn > today)
    errors.push({ path: 'body.concludedOn', message: `must not be after today (${today})` });
  if (facts.concludedOn !== undefined && facts.concludedOn < facts.filedOn)
    errors.push({ path: 'body.concludedOn', message: `must not be before the filing (${facts.filedOn})` });
  if (errors.length > 0)
    throw new RuleViolationError('challenge-dates', 'The dates of the case do not hold together.', errors);
}

/**
 * How a challenge moves the counters (\`LEGAL#<year>\` cells): filed in its filing year; concluded, by
 * outcome, in the year it was concluded. A year's table then shows the cases concluded that year by
 * result, and as 尚未审结 every case filed by December 31 and not concluded by then.
 */
export function challengeCounterMoves(
  previous: ChallengeFacts | null,
  next: ChallengeFacts,
): { year: number; cell: string; delta: number }[] {
  const moves: { year: number; cell: string; delta: number }[] = [];
  const concluded = (facts: ChallengeFacts, delta: number) => {
    if (facts.outcome !== 'pending' && facts.concludedOn !== undefined)
      moves.push({
        year: Number(facts.concludedOn.slice(0, 4)),
        cell: `${facts.kind}.${facts.outcome}`,
        delta,
      });
  };
  if (previous === null)
    moves.push({ year: Number(next.filedOn.slice(0, 4)), cell: `${next.kind}.filed`, delta: 1 });
  else concluded(previous, -1);
  concluded(next, 1);
  // A correction within the same year and cell cancels out.
  const net = new Map<string, { year: number; cell: string; delta: number }>();
  for (const move of moves) {
    const key = `${move.year}#${move.cell}`;
    const found = net.get(key);
    net.set(key, { ...move, delta: (found?.delta ?? 0) + move.delta });
  }
  return [...net.values()].filter((move) => move.delta !== 0);
}
