import type { ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import { maskContact, maskEmail } from '#lib/domain/complaint';
import { getComplaint, listComplaints, fileComplaint, replyToComplaint } from '#lib/use-cases/complaints';
import { ComplaintPage } from '#lib/web/console/complaints/complaint.tsx';
import { ComplaintList, complaintCsvRows, dueBeforeOf, listHref } from '#lib/web/console/complaints/list.tsx';
import { answerClock, type StaffComplaint } from '#lib/web/console/complaints/words';
import { toCsv } from '#lib/web/console/csv';
import { translator } from '#lib/web/messages/catalogue';
import { pageHtml } from '../support/page-html.tsx';
import { aComplaint, aPrincipal, anAgency, cst } from '#test/support/factories';
import { givenAgency, inMemoryWorld } from '#test/support/fakes';

/**
 * The console's complaints on their HTML and words: the answer clock in words and colour, contacts
 * masked unless the person answers, the answer form only for them, the CSV without the complainant's
 * data; and the use case's overdue list and staff read.
 */
const zh = translator('zh-CN');

const html = (children: ComponentChildren): string => pageHtml(children, { path: '/console/complaints' });

const aStaffComplaint = (overrides: Partial<StaffComplaint> = {}): StaffComplaint => ({
  id: 'cmp_0123456789ab',
  agencyId: 'ag-city',
  status: 'open',
  receivedOn: '2026-11-20',
  answerDueDate: '2026-12-21',
  complainant: { name: '赵六', contact: '13900001111', email: 'zhao.liu@example.cn' },
  subject: '=HYPERLINK("http://evil")',
  details: '申请逾期未答复。',
  trackingNumber: '2026-K7QX-3M9P',
  answer: null,
  version: 1,
  ...overrides,
});

describe('the answer clock', () => {
  const due = aStaffComplaint();
  it('counts natural days to the answer date, amber within five, red on the day and after', () => {
    expect(answerClock(due, '2026-12-01')).toEqual({ tone: 'green', words: 'cCmp.clock.left', days: 20 });
    expect(answerClock(due, '2026-12-16')).toEqual({ tone: 'amber', words: 'cCmp.clock.left', days: 5 });
    expect(answerClock(due, '2026-12-21')).toEqual({ tone: 'red', words: 'cCmp.clock.dueToday', days: 0 });
    expect(answerClock(due, '2026-12-24')).toEqual({ tone: 'red', words: 'cCmp.clock.overdue', days: 3 });
  });

  it('once answered, says whether on time', () => {
    const answer = { text: '已整改', upheld: true, on: '2026-12-21', by: 'stf_x' };
    expect(answerClock(aStaffComplaint({ status: 'answered', answer }), '2027-01-30').words).toBe(
      'cCmp.clock.answeredOnTime',
    );
    expect(
      answerClock(
        aStaffComplaint({ status: 'answered', answer: { ...answer, on: '2026-12-23' } }),
        '2027-01-30',
      ),
    ).toEqual({ tone: 'red', words: 'cCmp.clock.answeredLate', days: 2 });
  });
});

describe('the complaint page', () => {
  const page = (answer: boolean, complaint = aStaffComplaint()) =>
    html(
      <ComplaintPage
        complaint={complaint}
        today="2026-12-01"
        powers={{ answer }}
        answeredBy={undefined}
        form={{}}
        held={undefined}
        query={{}}
      />,
    );

  it('masks the contacts of whoever does not answer, and offers them no form', () => {
    const clerk = page(false);
    expect(clerk).not.toContain('13900001111');
    expect(clerk).not.toContain('zhao.liu@');
    expect(clerk).toContain('*******1111');
    expect(clerk).toContain('z***@example.cn');
    expect(clerk).not.toContain('<form method="post" action="/console/complaints/cmp_0123456789ab/answer"');
    expect(clerk).toContain('尚未答复');
  });

  it('shows the supervisor the contacts whole, and the answer form', () => {
    const supervisor = page(true);
    expect(supervisor).toContain('13900001111');
    expect(supervisor).toContain('action="/console/complaints/cmp_0123456789ab/answer"');
    expect(supervisor).toContain('<strong class="tag green nowrap">还剩20天</strong>');
  });

  it('shows an answer given, and no form, to anyone', () => {
    const answered = page(
      true,
      aStaffComplaint({
        status: 'answered',
        answer: { text: '已责成整改。', upheld: false, on: '2026-11-30', by: 'stf_x' },
      }),
    );
    expect(answered).toContain('已责成整改。');
    expect(answered).toContain('投诉不属实');
    expect(answered).not.toContain('<textarea');
  });

  it('masks any contact to its end only', () => {
    expect(maskContact('北京市朝阳区某街道1号')).toBe('*******街道1号');
    expect(maskContact('12345')).toBe('***45');
    expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
  });
});

describe('the list and its CSV', () => {
  it('links each complaint, keeps the filters in the next page’s address, and colours never alone', () => {
    const page = html(
      <ComplaintList
        query={{ status: 'open', due: 'overdue' }}
        items={[aStaffComplaint({ answerDueDate: '2026-11-28' })]}
        nextToken="abc"
        today="2026-12-01"
      />,
    );
    expect(page).toContain('<a href="/console/complaints/cmp_0123456789ab">');
    expect(page).toContain('<strong class="tag red nowrap">已逾期3天</strong>');
    expect(page).toContain('href="/console/complaints?due=overdue&amp;nextToken=abc"');
    expect(page).toContain('href="/console/complaints?due=overdue&amp;format=csv"');
    expect(listHref({ status: 'answered', due: 'overdue' })).toBe('/console/complaints?status=answered');
    // Due within five days, or past: before the sixth day from today.
    expect(dueBeforeOf('soon', '2026-12-01')).toBe('2026-12-07');
    expect(dueBeforeOf('overdue', '2026-12-01')).toBe('2026-12-01');
    expect(dueBeforeOf(undefined, '2026-12-01')).toBeUndefined();
  });

  it('exports what the list shows, formula-safe, without the complainant', () => {
    const csv = toCsv(complaintCsvRows([aStaffComplaint()], '2026-12-01', zh));
    expect(csv.split('\r\n')[1]).toBe(
      `"cmp_0123456789ab","待答复","'=HYPERLINK(""http://evil"")","2026-11-20","2026-12-21","还剩20天","","","2026-K7QX-3M9P"`,
    );
    expect(csv).not.toContain('赵六');
    expect(csv).not.toContain('13900001111');
  });
});

describe('the staff’s use cases', () => {
  it('lists only the open complaints past their answer date as overdue, and reads one of its own agency only', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
    const early = await fileComplaint(
      world.complaintDeps,
      'ag-city',
      aComplaint(),
      undefined,
      cst('2026-09-04'),
    );
    const late = await fileComplaint(
      world.complaintDeps,
      'ag-city',
      aComplaint(),
      undefined,
      cst('2026-11-20'),
    );
    const answered = await fileComplaint(
      world.complaintDeps,
      'ag-city',
      aComplaint(),
      undefined,
      cst('2026-09-07'),
    );
    await replyToComplaint(
      world.complaintDeps,
      aPrincipal(['supervisor']),
      'ag-city',
      answered.complaintId,
      { reply: '已答复', upheld: false },
      cst('2026-10-01'),
    );
    const ids = async (query: Parameters<typeof listComplaints>[2]) =>
      (await listComplaints(world.complaintDeps, 'ag-city', query)).items.map((item) => item.id);
    // The early one was due 2026-10-08: overdue from the 9th, not on the 8th.
    expect(await ids({ status: 'open', limit: 10, dueBefore: '2026-10-08' })).toEqual([]);
    expect(await ids({ status: 'open', limit: 10, dueBefore: '2026-10-09' })).toEqual([early.complaintId]);
    expect(await ids({ status: 'open', limit: 10 })).toEqual([early.complaintId, late.complaintId]);
    expect(await ids({ status: 'answered', limit: 10, dueBefore: '2026-12-01' })).toEqual([
      answered.complaintId,
    ]);

    expect((await getComplaint(world.complaintDeps, 'ag-city', early.complaintId)).id).toBe(
      early.complaintId,
    );
    expect(await getComplaint(world.complaintDeps, 'ag-city', early.complaintId)).not.toHaveProperty(
      'accessCodeHash',
    );
    await expect(getComplaint(world.complaintDeps, 'ag-other', early.complaintId)).rejects.toThrow(
      /no complaint/,
    );
  });
});
