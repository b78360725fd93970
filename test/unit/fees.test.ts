import { describe, expect, it } from 'vitest';
import { annualReportHtml } from '#lib/domain/annual-report-html';
import { feeNotice, feePayment } from '#lib/domain/application/fee-notice';
import { chargeableByVolume, FeeBasis, feeFor } from '#lib/domain/application/fees';
import { draftReport } from '#lib/use-cases/annual-reports';
import { act, getCase, registerApplication, type StaffAction } from '#lib/use-cases/applications/casework';
import { aPrincipal, aReceivedApplication, aRegistration, anAgency, cst, on } from '#test/support/factories';
import { givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * Processing fees under the 2020 rules (《政府信息公开信息处理费管理办法》): one application counted as
 * several pieces (一事一申请, Art. 4), by volume only for paper, e-mail or copied data (Art. 5), the natural
 * month of receipt, and the fees sent and collected in the annual report's section 六.
 */

const AGENCY = 'ag-city';
const clerk = aPrincipal(['clerk']);
const explanation = '申请数量明显超过合理范围';
const threeMatters = { count: 3, reason: '一份申请包含三个项目的环评批复，按“一事一申请”拆分为3件' };

describe('one application counted as several pieces (一事一申请, Art. 4)', () => {
  it('charges each piece at its place in the month: pieces 9, 10 and 11 cost 0 + 0 + 100 yuan', () => {
    expect(feeFor({ method: 'by_piece', pieces: threeMatters }, 9)).toEqual({ amountYuan: 100, units: 11 });
    expect(feeFor({ method: 'by_piece', pieces: threeMatters }, 30)).toEqual({ amountYuan: 500, units: 32 });
    expect(feeFor({ method: 'by_piece' }, 9)).toEqual({ amountYuan: 0, units: 9 });
  });

  it('needs at least 2 pieces and a reason', () => {
    expect(FeeBasis.safeParse({ method: 'by_piece', pieces: { count: 1, reason: '一件' } }).success).toBe(
      false,
    );
    expect(FeeBasis.safeParse({ method: 'by_piece', pieces: { count: 3 } }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume', pages: 40, pieces: threeMatters }).success).toBe(false);
  });

  it('the notice records the pieces and their reason, and says so on the timeline', () => {
    const received = aReceivedApplication('2026-09-28');
    const change = feeNotice(
      received.application,
      received.reply,
      { basis: { method: 'by_piece', pieces: threeMatters }, explanation },
      9,
      on('2026-09-30'),
    );
    expect(change.application.fee).toMatchObject({
      method: 'by_piece',
      units: 11,
      pieces: threeMatters,
      amountYuan: 100,
    });
    expect(change.event.data).toMatchObject({ units: 11, pieces: threeMatters, amountYuan: 100 });
    expect(() =>
      feeNotice(
        received.application,
        received.reply,
        { basis: { method: 'by_piece', pieces: { count: 2, reason: '两项' } }, explanation },
        9,
        on('2026-09-30'),
      ),
    ).toThrow(expect.objectContaining({ code: 'no-fee', message: expect.stringContaining('no. 10') }));
  });
});

describe('by volume only for paper, e-mail or copied electronic data (Art. 5)', () => {
  it('applies to paper, e-mail, and electronic data collected or posted on a medium, not to information given online', () => {
    expect(chargeableByVolume({ form: 'paper', delivery: 'collect_in_person' })).toBe(true);
    expect(chargeableByVolume({ form: 'paper', delivery: 'post' })).toBe(true);
    expect(chargeableByVolume({ form: 'electronic', delivery: 'email' })).toBe(true);
    expect(chargeableByVolume({ form: 'electronic', delivery: 'collect_in_person' })).toBe(true);
    expect(chargeableByVolume({ form: 'electronic', delivery: 'post' })).toBe(true);
    expect(chargeableByVolume({ form: 'electronic', delivery: 'online' })).toBe(false);
  });

  it('a fee by volume for information given online is 422, pointing at the method', () => {
    const received = aReceivedApplication('2026-09-28');
    const online = {
      ...received.application,
      request: { description: '某项目的环评批复', form: 'electronic', delivery: 'online' },
    } as const;
    expect(() =>
      feeNotice(
        online,
        received.reply,
        { basis: { method: 'by_volume', pages: 120 }, explanation },
        1,
        on('2026-09-30'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'fee-by-volume-not-applicable',
        errors: [{ path: 'body.basis.method', message: 'must be by_piece for information given online' }],
      }),
    );
    // By piece stays open to it.
    expect(
      feeNotice(online, received.reply, { basis: { method: 'by_piece' }, explanation }, 11, on('2026-09-30'))
        .application.fee,
    ).toMatchObject({ method: 'by_piece', amountYuan: 100 });
  });
});

describe('the fees in the report’s counters', () => {
  it('a notice counts in the year sent with its amount; a payment in the year paid with what was collected', () => {
    const received = aReceivedApplication('2026-12-21');
    const noticed = feeNotice(
      received.application,
      received.reply,
      { basis: { method: 'by_volume', pages: 120 }, explanation },
      1,
      on('2026-12-30'),
    );
    expect(noticed.statistics).toEqual([
      { year: 2026, cell: 'fees.noticed' },
      { year: 2026, cell: 'fees.noticedYuan', by: 1100 },
    ]);
    const paid = feePayment(noticed.application, noticed.reply, {}, on('2027-01-05'));
    expect(paid.statistics).toEqual([
      { year: 2027, cell: 'fees.collected' },
      { year: 2027, cell: 'fees.collectedYuan', by: 1100 },
    ]);
  });
});

async function aWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency({ agencyId: 'ag-gov', name: '某市人民政府', level: 'government' }));
  await givenAgency(world, anAgency({ parentAgencyId: 'ag-gov' }));
  return world;
}

/** A letter received on `receivedOn` and registered on `registeredOn`: tracking numbers count up from 0001. */
const letter = (world: InMemoryWorld, receivedOn: string, registeredOn = receivedOn, time = '10:00') =>
  registerApplication(
    world.applicationDeps,
    clerk,
    AGENCY,
    aRegistration({ receivedOn }),
    cst(registeredOn, time),
  );
const staffAct = (world: InMemoryWorld, id: string, action: StaffAction, today: string) =>
  act(world.applicationDeps, clerk, AGENCY, id, action, cst(today));
const byPiece = (pieces?: typeof threeMatters): StaffAction => ({
  kind: 'fee-notice',
  input: {
    basis: pieces === undefined ? { method: 'by_piece' } : { method: 'by_piece', pieces },
    explanation,
    deliveredBy: 'online',
  },
});
const id = (n: number) => `2026-TEST-${String(n).padStart(4, '0')}`;

describe('the applicant’s pieces in a natural month (use cases)', () => {
  it('counts a letter in the month it was received, not the month it was registered', async () => {
    const world = await aWorld();
    // Received on August 31, registered on September 1, before any of September's letters.
    await letter(world, '2026-08-31', '2026-09-01', '09:00');
    for (let day = 1; day <= 10; day += 1) {
      const date = `2026-09-${String(day).padStart(2, '0')}`;
      await letter(world, date, date, '11:00');
    }
    // September's 10th is the applicant's 10th of September: free.
    await expect(staffAct(world, id(11), byPiece(), '2026-09-11')).rejects.toMatchObject({ code: 'no-fee' });
    expect((await getCase(world.applicationDeps, AGENCY, id(11))).applicationsThisMonth).toBe(10);
    expect((await getCase(world.applicationDeps, AGENCY, id(1))).applicationsThisMonth).toBe(1);
  });

  it('an application counted as several pieces moves the place of those after it', async () => {
    const world = await aWorld();
    for (let day = 1; day <= 11; day += 1) {
      const date = `2026-09-${String(day).padStart(2, '0')}`;
      await letter(world, date);
    }
    // The 10th, three matters: pieces 10, 11, 12 (0 + 100 + 100 yuan).
    const tenth = await staffAct(world, id(10), byPiece(threeMatters), '2026-09-14');
    expect(tenth.fee).toMatchObject({ units: 12, amountYuan: 200, pieces: threeMatters });
    // The 11th is now piece 13 of the month.
    const eleventh = await staffAct(world, id(11), byPiece(), '2026-09-14');
    expect(eleventh.fee).toMatchObject({ units: 13, amountYuan: 100 });
    expect((await getCase(world.applicationDeps, AGENCY, id(1))).applicationsThisMonth).toBe(13);
  });

  it('history kept before receipts were recorded counts one piece in the month submitted', async () => {
    const world = await aWorld();
    const first = await letter(world, '2026-09-01');
    const applicantKey = (await world.applications.get(first.trackingNumber))?.application.applicantKey ?? '';
    for (let n = 1; n <= 9; n += 1)
      world.applications.givenLegacyHistory(
        AGENCY,
        applicantKey,
        `2026-08-31T0${n}:00:00.000+08:00`,
        `old-${n}`,
      );
    for (let n = 1; n <= 9; n += 1)
      world.applications.givenLegacyHistory(
        AGENCY,
        applicantKey,
        `2026-09-01T0${n}:00:00.000+08:00`,
        `old-9${n}`,
      );
    // Nine older ones earlier in September, then this one: the 10th, free; the next letter is the 11th.
    await expect(staffAct(world, first.trackingNumber, byPiece(), '2026-09-02')).rejects.toMatchObject({
      code: 'no-fee',
    });
    await letter(world, '2026-09-02');
    expect(await staffAct(world, id(2), byPiece(), '2026-09-03')).toMatchObject({ fee: { units: 11 } });
  });
});

describe('section 六 of the annual report: fee notices sent and fees collected', () => {
  it('drafts them from the fee records and prints them under 六', async () => {
    const world = await aWorld();
    await letter(world, '2026-11-02');
    await letter(world, '2026-11-03');
    const byVolume = (pages: number): StaffAction => ({
      kind: 'fee-notice',
      input: { basis: { method: 'by_volume', pages }, explanation, deliveredBy: 'online' },
    });
    await staffAct(world, id(1), byVolume(120), '2026-11-04'); // 1100 yuan, paid
    await staffAct(world, id(1), { kind: 'fee-payment', input: { reference: 'POS-1' } }, '2026-11-10');
    await staffAct(world, id(2), byVolume(40), '2026-11-04'); // 100 yuan, not paid
    const draft = await draftReport(
      world.reportDeps,
      aPrincipal(['agency_admin']),
      AGENCY,
      2026,
      cst('2027-01-05'),
    );
    expect(draft.content.fees).toEqual({ notices: 2, noticedYuan: 1200, collectedYuan: 1100 });
    expect(annualReportHtml(draft.content, null)).toContain(
      '<p id="fees">本年度依据《政府信息公开信息处理费管理办法》发出收费通知2件，总金额1200元；实际收取信息处理费1100元。</p>',
    );
  });

  it('a report sealed before fees were counted has no fee line', () => {
    const html = annualReportHtml(
      {
        agencyId: AGENCY,
        agencyName: '某市生态环境局',
        year: 2025,
        narrative: { general: '总体', problems: '问题', other: '无。' },
        proactive: {
          rules: { issued: 0, repealed: 0, valid: 0 },
          normativeDocuments: { issued: 0, repealed: 0, valid: 0 },
          licensing: 0,
          penalties: 0,
          enforcement: 0,
          feeIncomeTenThousandYuan: 0,
        },
        applications: {},
        challenges: {
          reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
          litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
          litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
        },
      },
      null,
    );
    expect(html).toContain('<h2>六、其他需要报告的事项</h2>\n<p>无。</p>\n<p class="seal">');
    expect(html).not.toContain('id="fees"');
  });
});
