import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  complaintAnswerMoves,
  complianceRow,
  DAY_CELLS,
  decisionMoves,
  EXPORT_HEADER,
  exportRows,
  publicationMoves,
  receiptMoves,
  replyDaysCell,
  sortRows,
  withdrawalMoves,
  type DayCounters,
} from '#lib/domain/compliance';

const calendar = new WorkingCalendar();
const agency = (agencyId: string, agencyName = agencyId) => ({ agencyId, agencyName, parentAgencyId: null });
const range = { from: '2046-03-01', to: '2046-03-31' };

describe('the day counters a step moves', () => {
  it('a receipt on its day of receipt', () => {
    expect(receiptMoves('2046-03-05')).toEqual([{ day: '2046-03-05', cell: DAY_CELLS.received }]);
  });

  it('a decision with its working days since receipt, late only after the due date', () => {
    // Mon 03-05 → Mon 03-12: 5 working days; due that day: on time.
    expect(
      decisionMoves(calendar, { receivedOn: '2046-03-05', decidedOn: '2046-03-12', dueDate: '2046-03-12' }),
    ).toEqual([
      { day: '2046-03-12', cell: DAY_CELLS.decided },
      { day: '2046-03-12', cell: DAY_CELLS.replyDays, by: 5 },
      { day: '2046-03-12', cell: replyDaysCell(5) },
    ]);
    const late = decisionMoves(calendar, {
      receivedOn: '2046-03-05',
      decidedOn: '2046-03-12',
      dueDate: '2046-03-09',
    });
    expect(late).toContainEqual({ day: '2046-03-12', cell: DAY_CELLS.decidedLate });
    // An application never received (decided while awaiting confirmation) has no reply time.
    expect(decisionMoves(calendar, { receivedOn: null, decidedOn: '2046-03-12', dueDate: null })).toEqual([
      { day: '2046-03-12', cell: DAY_CELLS.decided },
    ]);
  });

  it('a publication, late after its deadline; an item with none is never late', () => {
    expect(publicationMoves('2046-03-20', '2046-03-08')).toEqual([
      { day: '2046-03-20', cell: DAY_CELLS.published },
      { day: '2046-03-20', cell: DAY_CELLS.publishedLate },
    ]);
    expect(publicationMoves('2046-03-08', '2046-03-08')).toHaveLength(1);
    expect(publicationMoves('2046-03-20', null)).toHaveLength(1);
  });
});

describe('an agency’s row', () => {
  const days: DayCounters[] = [
    { day: '2046-02-28', cells: { [DAY_CELLS.received]: 7 } },
    {
      day: '2046-03-02',
      cells: {
        [DAY_CELLS.decided]: 2,
        [DAY_CELLS.replyDays]: 9,
        [replyDaysCell(4)]: 1,
        [replyDaysCell(5)]: 1,
      },
    },
    {
      day: '2046-03-31',
      cells: {
        [DAY_CELLS.received]: 1,
        [DAY_CELLS.decided]: 1,
        [DAY_CELLS.decidedLate]: 1,
        [DAY_CELLS.replyDays]: 21,
        [replyDaysCell(21)]: 1,
      },
    },
    {
      day: '2046-04-01',
      cells: { [DAY_CELLS.decided]: 1, [DAY_CELLS.replyDays]: 40, [replyDaysCell(40)]: 1 },
    },
  ];

  it('sums the days of the range only; the worst is the longest reply in it', () => {
    const row = complianceRow(agency('a'), range, days, []);
    expect(row).toMatchObject({
      received: 1,
      decided: 3,
      overdue: 1,
      averageReplyDays: 10,
      worstReplyDays: 21,
    });
    expect(complianceRow(agency('a'), range, [], [])).toMatchObject({
      decided: 0,
      averageReplyDays: null,
      worstReplyDays: null,
    });
    // One decimal: 10 days over 3 decisions.
    const third = complianceRow(
      agency('a'),
      range,
      [{ day: '2046-03-02', cells: { [DAY_CELLS.decided]: 3, [DAY_CELLS.replyDays]: 10 } }],
      [],
    );
    expect(third.averageReplyDays).toBe(3.3);
  });

  it('counts breaches recorded in the range by kind and standing; reports missing are the open ones', () => {
    const row = complianceRow(
      agency('a'),
      range,
      [],
      [
        { kind: 'reply_overdue', status: 'open', recordedOn: '2046-03-01' },
        { kind: 'reply_overdue', status: 'resolved', recordedOn: '2046-03-31' },
        { kind: 'reply_overdue', status: 'open', recordedOn: '2046-04-01' },
        { kind: 'annual_report_missing', status: 'open', recordedOn: '2046-03-15' },
        { kind: 'annual_report_missing', status: 'resolved', recordedOn: '2046-03-16' },
      ],
    );
    expect(row.breaches.reply_overdue).toEqual({ open: 1, resolved: 1 });
    expect(row.breaches.annual_report_missing).toEqual({ open: 1, resolved: 1 });
    expect(row).toMatchObject({ breachesOpen: 2, breachesResolved: 2, reportsMissing: 1 });
  });
});

describe('the table', () => {
  const rows = [
    complianceRow(agency('p', '省政府'), range, [], []),
    complianceRow(
      agency('b', '乙局'),
      range,
      [{ day: '2046-03-02', cells: { [DAY_CELLS.received]: 2 } }],
      [],
    ),
    complianceRow(
      agency('a', '甲局'),
      range,
      [
        {
          day: '2046-03-02',
          cells: {
            [DAY_CELLS.received]: 2,
            [DAY_CELLS.decided]: 1,
            [DAY_CELLS.replyDays]: 3,
            [replyDaysCell(3)]: 1,
          },
        },
      ],
      [],
    ),
  ];

  it('sorts stably, blanks last either way', () => {
    expect(sortRows(rows, 'received', 'desc').map((row) => row.agencyId)).toEqual(['b', 'a', 'p']);
    expect(sortRows(rows, 'received', 'asc').map((row) => row.agencyId)).toEqual(['p', 'b', 'a']);
    expect(sortRows(rows, 'worstReplyDays', 'asc').map((row) => row.agencyId)).toEqual(['a', 'p', 'b']);
    expect(sortRows(rows, 'worstReplyDays', 'desc').map((row) => row.agencyId)).toEqual(['a', 'p', 'b']);
    expect(sortRows(rows, 'agencyName', 'asc').map((row) => row.agencyName)).toEqual(
      ['省政府', '乙局', '甲局'].sort((x, y) => x.localeCompare(y, 'zh-CN')),
    );
  });

  it('exports every column, breach kinds spelled out, blanks empty', () => {
    const [quiet, , busy] = exportRows(rows);
    expect(busy).toHaveLength(EXPORT_HEADER.length);
    expect(EXPORT_HEADER).toContain('breaches.reply_overdue.open');
    expect(busy?.[EXPORT_HEADER.indexOf('averageReplyDays')]).toBe(3);
    expect(busy?.[EXPORT_HEADER.indexOf('worstReplyDays')]).toBe(3);
    expect(quiet?.[EXPORT_HEADER.indexOf('averageReplyDays')]).toBeNull();
  });
});

describe('withdrawals and complaint answers', () => {
  it('a withdrawal inside the display period (long-term: always) is early', () => {
    const withdrawal = { on: '2046-05-02', reason: '', legalBasis: '条例', by: 's' };
    expect(withdrawalMoves({ withdrawal, displayUntil: null })).toEqual([
      { day: '2046-05-02', cell: DAY_CELLS.withdrawn },
      { day: '2046-05-02', cell: DAY_CELLS.withdrawnEarly },
    ]);
    expect(withdrawalMoves({ withdrawal, displayUntil: '2046-05-02' })).toHaveLength(2);
    expect(withdrawalMoves({ withdrawal, displayUntil: '2046-05-01' })).toEqual([
      { day: '2046-05-02', cell: DAY_CELLS.withdrawn },
    ]);
    expect(withdrawalMoves({ withdrawal: null, displayUntil: null })).toEqual([]);
  });

  it('a complaint answered after its answer date is late', () => {
    const answer = { text: '', upheld: true, on: '2046-04-01', by: 's' };
    expect(complaintAnswerMoves({ answer, answerDueDate: '2046-03-31' })).toEqual([
      { day: '2046-04-01', cell: DAY_CELLS.complaintsAnswered },
      { day: '2046-04-01', cell: DAY_CELLS.complaintsLate },
    ]);
    expect(complaintAnswerMoves({ answer, answerDueDate: '2046-04-01' })).toHaveLength(1);
    expect(complaintAnswerMoves({ answer: null, answerDueDate: '2046-04-01' })).toEqual([]);
  });
});
