import { describe, expect, it } from 'vitest';
import {
  challengeCounterMoves,
  checkChallengeDates,
  checkReport,
  COLUMN_LABELS,
  COLUMNS,
  draftContent,
  inForceFromLastYear,
  publishReport,
  RESULT_ROWS,
  sealOf,
  type AnnualReport,
  type Cells,
  type ReportContent,
} from '#lib/domain/annual-report';
import { RuleViolationError, WrongStateError } from '#lib/domain/errors';

/** A year's counters as the stores keep them, for 2030: receipts, decisions, documents, challenges. */
const thisYear = {
  'received.natural_person': 10,
  'received.commercial_enterprise': 4,
  'decided.disclosed.natural_person': 6,
  'decided.not_disclosed.state_secret.natural_person': 1,
  'decided.otherwise_handled.other.commercial_enterprise': 3,
  'decided.cannot_provide.not_held.natural_person': 2,
};
const before = {
  'received.natural_person': 7,
  'decided.disclosed.natural_person': 5, // two carried into 2030
  'received.other': 1, // one carried into 2030
};

const drafted = (overrides: Partial<Parameters<typeof draftContent>[0]> = {}): ReportContent =>
  draftContent({
    agencyId: 'a',
    agencyName: '示例市人民政府',
    year: 2030,
    narrative: { general: '总体', problems: '问题', other: '其他' },
    applicationsThisYear: thisYear,
    applicationsBefore: before,
    publicationsUpToYear: [
      { year: 2028, cells: { 'issued.rule': 3, 'issued.normative_document': 5 } },
      { year: 2030, cells: { 'issued.rule': 1, 'repealed.rule': 2, 'repealed.normative_document': 1 } },
    ],
    challengesUpToYear: [
      // 2029: three reconsiderations filed, one concluded then; 2030: two filed, three concluded.
      { year: 2029, cells: { 'reconsideration.filed': 3, 'reconsideration.upheld': 1 } },
      {
        year: 2030,
        cells: {
          'reconsideration.filed': 1,
          'reconsideration.upheld': 2,
          'litigation_direct.filed': 1,
          'litigation_direct.corrected': 1,
        },
      },
    ],
    inForceAtStartOfYear: null,
    figures: { licensing: 10, penalties: 2, enforcement: 0, feeIncomeTenThousandYuan: 1.25 },
    ...overrides,
  });

/** Changes one figure of one column, as a hand edit or a bug would. */
const withColumn = (
  content: ReportContent,
  column: string,
  change: Record<string, unknown>,
): ReportContent => ({
  ...content,
  applications: {
    ...content.applications,
    [column]: {
      ...(content.applications[column] as object),
      ...change,
    } as ReportContent['applications'][string],
  },
});

describe('drafting the tables from the counters', () => {
  it('fills each applicant column: received, carried in, results by row, carried out', () => {
    const content = drafted();
    expect(content.applications.natural_person).toMatchObject({
      received: 10,
      carriedIn: 2,
      resultsTotal: 9,
      carriedOut: 3,
    });
    expect(content.applications.natural_person?.results).toMatchObject({
      disclosed: 6,
      'not_disclosed.state_secret': 1,
      'cannot_provide.not_held': 2,
      partially_disclosed: 0,
    });
    expect(content.applications.commercial_enterprise).toMatchObject({
      received: 4,
      carriedIn: 0,
      resultsTotal: 3,
      carriedOut: 1,
    });
    expect(content.applications.other).toMatchObject({
      received: 0,
      carriedIn: 1,
      resultsTotal: 0,
      carriedOut: 1,
    });
    expect(content.applications.total).toMatchObject({
      received: 14,
      carriedIn: 3,
      resultsTotal: 12,
      carriedOut: 5,
    });
    expect(Object.keys(content.applications.total?.results ?? {})).toEqual(RESULT_ROWS.map((row) => row.key));
    expect(checkReport(content, null)).toEqual([]);
  });

  it('counts rules and normative documents made, repealed and in force; the agency’s own figures; challenges', () => {
    expect(drafted().proactive).toEqual({
      rules: { issued: 1, repealed: 2, valid: 2 },
      normativeDocuments: { issued: 0, repealed: 1, valid: 4 },
      licensing: 10,
      penalties: 2,
      enforcement: 0,
      feeIncomeTenThousandYuan: 1.25,
    });
    // Reconsiderations: 2 concluded in 2030 (upheld); pending at the end of 2030: 4 filed − 3 concluded.
    expect(drafted().challenges).toEqual({
      reconsideration: { upheld: 2, corrected: 0, other: 0, pending: 1, total: 3 },
      litigationDirect: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    });
  });

  it('现行有效件数 starts from the documents in force on January 1 when known, else from Gongkai’s records', () => {
    const content = drafted({ inForceAtStartOfYear: { rules: 40, normativeDocuments: 0 } });
    expect(content.proactive.rules).toEqual({ issued: 1, repealed: 2, valid: 39 });
    // Repealing a document issued before Gongkai, with no opening figure: negative, and the check says what to do.
    expect(content.proactive.normativeDocuments).toEqual({ issued: 0, repealed: 1, valid: -1 });
    expect(checkReport(content, null)).toEqual([
      {
        path: 'proactive.normativeDocuments.valid',
        message:
          '现行有效件数 must not be negative: enter the documents in force on January 1 (figures.inForceAtStartOfYear)',
      },
    ]);
  });

  it('现行有效 on January 1 follows last year’s published report, moved by what was counted for last year later', () => {
    const published2029 = drafted({ year: 2029, inForceAtStartOfYear: { rules: 5, normativeDocuments: 9 } });
    // As drafted: nothing counted for 2029 yet, so 现行有效 stays at the opening.
    expect(published2029.proactive.normativeDocuments).toEqual({ issued: 0, repealed: 0, valid: 9 });
    expect(inForceFromLastYear(published2029.proactive, {})).toEqual({ rules: 5, normativeDocuments: 9 });
    // Then a normative document issued in December 2029 is published, and an expiry in 2029 recorded, late.
    const late = { 'issued.normative_document': 1, 'repealed.rule': 1 };
    expect(inForceFromLastYear(published2029.proactive, late)).toEqual({ rules: 4, normativeDocuments: 10 });
    const content = drafted({ inForceAtStartOfYear: inForceFromLastYear(published2029.proactive, late) });
    expect(content.proactive.normativeDocuments).toEqual({ issued: 0, repealed: 1, valid: 9 });
  });

  it('has every applicant column of the national format, in order', () => {
    expect(COLUMNS.map((column) => COLUMN_LABELS[column])).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
  });
});

describe('the checks before publication, each named', () => {
  const good = drafted();
  const paths = (content: ReportContent, lastYear: Record<string, number> | null = null) =>
    checkReport(content, lastYear).map((failure) => failure.path);

  it('一 + 二 = 三（七）总计 + 四 for each column', () => {
    expect(paths(withColumn(good, 'natural_person', { carriedOut: 4 }))).toContain(
      'applications.natural_person',
    );
  });

  it('三（七）总计 is the sum of its rows', () => {
    const natural = good.applications.natural_person;
    const tampered = withColumn(good, 'natural_person', {
      results: { ...natural?.results, disclosed: 7 },
    });
    expect(paths(tampered)).toContain('applications.natural_person.resultsTotal');
  });

  it('the 总计 column is the sum of the applicant columns', () => {
    const tampered = withColumn(good, 'total', { received: 15, carriedOut: 6 });
    expect(paths(tampered)).toEqual(['applications.total.received', 'applications.total.carriedOut']);
  });

  it('二 equals last year’s 四, column by column', () => {
    expect(paths(good, { natural_person: 2, other: 1 })).toEqual([]);
    expect(paths(good, { natural_person: 3, other: 1 })).toEqual(['applications.natural_person.carriedIn']);
    expect(checkReport(good, { natural_person: 3 })[0]?.message).toContain("last year's 四 (3)");
  });

  it('every 行政复议 / 行政诉讼 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', () => {
    const tampered: ReportContent = {
      ...good,
      challenges: {
        ...good.challenges,
        litigationAfterReconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 0 },
      },
    };
    expect(paths(tampered)).toEqual(['challenges.litigationAfterReconsideration.total']);
  });

  it('every narrative section is non-empty (blank space is empty)', () => {
    const tampered = { ...good, narrative: { general: ' \n\u3000 ', problems: '', other: '有' } };
    expect(paths(tampered)).toEqual(['narrative.general', 'narrative.problems']);
  });

  it('a missing column is named, not a crash', () => {
    const { other: _other, ...rest } = good.applications;
    expect(paths({ ...good, applications: rest })).toContain('applications.other');
  });
});

describe('publishing seals an edition', () => {
  const report: AnnualReport = {
    content: drafted(),
    status: 'draft',
    draftedAt: '2031-01-05T10:00:00.000+08:00',
    seals: [],
    version: 3,
  };
  const keyOf = (edition: number) => `a/2030/edition-${edition}`;

  it('seals with the SHA-256 of the canonical content, edition after edition', () => {
    const first = publishReport(report, null, '2031-01-20T10:00:00.000+08:00', keyOf);
    expect(first.status).toBe('published');
    expect(first.seals).toEqual([
      {
        edition: 1,
        sha256: sealOf(report.content),
        publishedAt: '2031-01-20T10:00:00.000+08:00',
        archiveKey: 'a/2030/edition-1',
      },
    ]);
    expect(sealOf(report.content)).toMatch(/^[0-9a-f]{64}$/);
    const corrected = {
      ...first,
      status: 'draft' as const,
      content: { ...first.content, narrative: { ...first.content.narrative, other: '更正' } },
    };
    const second = publishReport(corrected, null, '2031-02-01T10:00:00.000+08:00', keyOf);
    expect(second.seals.map((seal) => seal.edition)).toEqual([1, 2]);
    expect(second.seals[1]?.sha256).not.toBe(second.seals[0]?.sha256);
  });

  it('refuses a published edition, a year not yet ended, and a report failing its checks', () => {
    const published = publishReport(report, null, '2031-01-20T10:00:00.000+08:00', keyOf);
    expect(() => publishReport(published, null, '2031-01-21T10:00:00.000+08:00', keyOf)).toThrow(
      WrongStateError,
    );
    expect(() => publishReport(report, null, '2030-12-31T23:59:00.000+08:00', keyOf)).toThrow(
      /from January 1, 2031/,
    );
    const failing = {
      ...report,
      content: { ...report.content, narrative: { general: '', problems: '', other: '' } },
    };
    try {
      publishReport(failing, null, '2031-01-20T10:00:00.000+08:00', keyOf);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).code).toBe('report-checks-failed');
    }
  });
});

describe('legal challenges in the counters', () => {
  const filed = { kind: 'reconsideration', filedOn: '2030-11-02', outcome: 'pending' } as const;

  it('a new case counts as filed in its filing year; one known concluded also counts its result in that year', () => {
    expect(challengeCounterMoves(null, filed)).toEqual([
      { year: 2030, cell: 'reconsideration.filed', delta: 1 },
    ]);
    expect(challengeCounterMoves(null, { ...filed, outcome: 'upheld', concludedOn: '2031-01-15' })).toEqual([
      { year: 2030, cell: 'reconsideration.filed', delta: 1 },
      { year: 2031, cell: 'reconsideration.upheld', delta: 1 },
    ]);
  });

  it('an outcome recorded later counts in its own year; a corrected outcome moves the count', () => {
    const concluded = { ...filed, outcome: 'corrected', concludedOn: '2031-02-01' } as const;
    expect(challengeCounterMoves(filed, concluded)).toEqual([
      { year: 2031, cell: 'reconsideration.corrected', delta: 1 },
    ]);
    expect(challengeCounterMoves(concluded, { ...concluded, outcome: 'other' })).toEqual([
      { year: 2031, cell: 'reconsideration.corrected', delta: -1 },
      { year: 2031, cell: 'reconsideration.other', delta: 1 },
    ]);
    expect(challengeCounterMoves(concluded, filed)).toEqual([
      { year: 2031, cell: 'reconsideration.corrected', delta: -1 },
    ]);
    expect(challengeCounterMoves(concluded, concluded)).toEqual([]);
  });

  it('a case filed in 2030 and concluded in 2031 is 尚未审结 in 2030 and 结果纠正 in 2031', () => {
    const counters: { year: number; cells: Cells }[] = [
      { year: 2030, cells: { 'reconsideration.filed': 1 } },
      { year: 2031, cells: { 'reconsideration.corrected': 1 } },
    ];
    const for2030 = drafted({ year: 2030, challengesUpToYear: counters.slice(0, 1) });
    const for2031 = drafted({ year: 2031, challengesUpToYear: counters });
    expect(for2030.challenges.reconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    expect(for2031.challenges.reconsideration).toEqual({
      upheld: 0,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 1,
    });
  });

  it('refuses dates in the future and a conclusion before the filing', () => {
    expect(() => checkChallengeDates(filed, '2030-11-01')).toThrow(RuleViolationError);
    expect(() =>
      checkChallengeDates({ ...filed, outcome: 'upheld', concludedOn: '2030-11-01' }, '2030-12-01'),
    ).toThrow(/do not hold together/);
    expect(() =>
      checkChallengeDates({ ...filed, outcome: 'upheld', concludedOn: '2030-12-02' }, '2030-12-01'),
    ).toThrow(RuleViolationError);
    expect(() =>
      checkChallengeDates({ ...filed, outcome: 'upheld', concludedOn: '2030-11-20' }, '2030-12-01'),
    ).not.toThrow();
  });
});
