import { describe, expect, it } from 'vitest';
import { measureAgencyYear, type AgencyYearRecords } from '#lib/domain/assessment-measures';
import { DAY_CELLS } from '#lib/domain/compliance';
import type { Breach, BreachKind } from '#lib/domain/sweep';

const office = {
  officeName: '某局政务公开办公室',
  head: '李华',
  address: '某市中山路1号',
  openingHours: '工作日 9:00–17:00',
  phone: '0591-87654321',
  fax: '0591-87654322',
  email: 'gongkai@example.cn',
  website: null,
};

const breach = (kind: BreachKind, breachKey: string, recordedOn: string, caseId: string | null): Breach => ({
  breachKey,
  agencyId: 'a',
  kind,
  case: caseId === null ? null : { agencyId: 'a', kind: 'application', id: caseId },
  clock: null,
  subject: '',
  dueDate: '2046-03-31',
  recordedOn,
  accountable: { primary: null, secondary: null },
  level: 'a',
  escalations: [],
  escalateOn: null,
  status: 'open',
  version: 1,
});

const quietYear: AgencyYearRecords = {
  year: 2046,
  profile: office,
  days: [],
  breaches: [],
  lastYearReport: { published: false },
  challengeCells: {},
};

describe('the measures of an agency’s year', () => {
  it('a quiet year: nothing late anywhere scores full; last year’s report waits for its cutoff', () => {
    const measured = measureAgencyYear(quietYear);
    for (const measure of [
      'office_details_published',
      'publications_on_time',
      'display_periods_kept',
      'complaints_answered_in_time',
      'replies_on_time',
      'challenges_not_corrected',
    ] as const)
      expect(measured[measure]?.rate, measure).toBe(1);
    expect(measured.annual_report_on_time).toBeUndefined();
    expect(measured.replies_on_time?.basis).toBe(
      '0 of 0 applications answered within the statutory period in 2046',
    );
  });

  it('office details: the share of the seven published, naming those missing', () => {
    const measured = measureAgencyYear({ ...quietYear, profile: { ...office, fax: null, head: '' } });
    expect(measured.office_details_published).toMatchObject({
      rate: 5 / 7,
      basis: '5 of 7 office details published; missing: head, fax',
    });
    expect(measureAgencyYear({ ...quietYear, profile: null }).office_details_published?.rate).toBe(0);
  });

  it('replies: on time of decided, with the cases the year’s reply breaches name', () => {
    const measured = measureAgencyYear({
      ...quietYear,
      days: [
        { day: '2046-03-02', cells: { [DAY_CELLS.decided]: 3, [DAY_CELLS.decidedLate]: 1 } },
        { day: '2046-11-02', cells: { [DAY_CELLS.decided]: 1 } },
      ],
      breaches: [
        breach('reply_overdue', '2046#reply_overdue#application#A1#reply', '2046-04-01', 'A1'),
        breach('extension_overdue', '2046#extension_overdue#application#A2#reply', '2046-05-01', 'A2'),
        // Recorded the year before, and another kind: not this measure's records.
        breach('reply_overdue', '2045#reply_overdue#application#A0#reply', '2045-12-30', 'A0'),
        breach(
          'publication_overdue',
          '2046#publication_overdue#submission#S1#publication',
          '2046-04-01',
          'S1',
        ),
      ],
    });
    expect(measured.replies_on_time).toEqual({
      rate: 3 / 4,
      basis: '3 of 4 applications answered within the statutory period in 2046',
      records: ['A1', 'A2'],
      counts: { good: 3, total: 4 },
    });
    expect(measured.publications_on_time?.records).toEqual(['S1']);
  });

  it('last year’s report: 0 when the sweep found it missing (even if published later), 1 when published in time', () => {
    const missing = breach(
      'annual_report_missing',
      '2045#annual_report_missing#annual_report#2045#report',
      '2046-04-01',
      null,
    );
    expect(measureAgencyYear({ ...quietYear, breaches: [missing] }).annual_report_on_time).toEqual({
      rate: 0,
      basis: 'the 2045 annual report was not published by 2046-03-31',
      records: [missing.breachKey],
      counts: { good: 0, total: 1 },
    });
    expect(
      measureAgencyYear({ ...quietYear, breaches: [missing], lastYearReport: { published: true } })
        .annual_report_on_time?.basis,
    ).toBe('the 2045 annual report was not published by 2046-03-31 (published later)');
    expect(
      measureAgencyYear({ ...quietYear, lastYearReport: { published: true } }).annual_report_on_time?.rate,
    ).toBe(1);
    // The year before's missing report is not this year's.
    const older = breach(
      'annual_report_missing',
      '2044#annual_report_missing#annual_report#2044#report',
      '2045-04-01',
      null,
    );
    expect(measureAgencyYear({ ...quietYear, breaches: [older] }).annual_report_on_time).toBeUndefined();
  });

  it('challenges: the share of concluded ones that did not correct the decision, every kind', () => {
    const measured = measureAgencyYear({
      ...quietYear,
      challengeCells: {
        'reconsideration.upheld': 3,
        'reconsideration.corrected': 1,
        'litigation_direct.corrected': 1,
        'litigation_after_reconsideration.other': 1,
        'reconsideration.filed': 9,
      },
    });
    expect(measured.challenges_not_corrected).toMatchObject({
      rate: 4 / 6,
      basis: '2 of 6 reconsiderations and lawsuits concluded in 2046 corrected the decision',
    });
  });

  it('display periods and complaints from their day counters', () => {
    const measured = measureAgencyYear({
      ...quietYear,
      days: [
        {
          day: '2046-05-02',
          cells: {
            [DAY_CELLS.withdrawn]: 4,
            [DAY_CELLS.withdrawnEarly]: 1,
            [DAY_CELLS.complaintsAnswered]: 5,
            [DAY_CELLS.complaintsLate]: 2,
          },
        },
      ],
    });
    expect(measured.display_periods_kept?.rate).toBe(3 / 4);
    expect(measured.display_periods_kept?.basis).toContain('(1 inside it, each on a recorded legal basis)');
    expect(measured.complaints_answered_in_time?.rate).toBe(3 / 5);
  });
});
