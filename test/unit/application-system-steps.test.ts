import { describe, expect, it } from 'vitest';
import { Application } from '#lib/domain/application/application';
import { submitOnline } from '#lib/domain/application/intake';
import { DEFAULT_POLICY, DisclosurePolicy } from '#lib/domain/application/policy';
import { abandonmentReviewNotice, reopenAbandoned } from '#lib/domain/application/abandonment';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { applicantNoticeOf, lapseDecision, systemStepApplies } from '#lib/domain/application/system-steps';

const anApplication = (overrides: Partial<Application> = {}): Application => ({
  ...submitOnline(
    {
      applicant: {
        type: 'natural_person',
        name: '张三',
        idDocument: { type: 'resident_id_card', number: '110101199001011234' },
        address: '北京市东城区某路1号',
        phone: '13800000000',
      },
      request: { description: '某项目的环评批复', form: 'electronic', delivery: 'email' },
      attachments: [],
    },
    { id: '2026-K7QX-3M9P', agencyId: 'ag1', applicantKey: 'k', accessTokenHash: 'h' },
    '2026-03-02T09:00:00+08:00',
    DEFAULT_POLICY,
    { calendar: new WorkingCalendar(), today: '2026-03-02' },
  ).application,
  ...overrides,
});

const clarification = {
  requestedOn: '2026-03-03',
  items: ['项目名称'],
  dueDate: '2026-03-24',
  periodWorkingDays: 15,
  delivery: { method: 'online' as const, deliveredOn: '2026-03-03' },
  supplementedOn: null,
  supplement: null,
  supplementAttachments: [],
  lapsedOn: null,
  reopenings: [],
};
const fee = {
  method: 'by_volume' as const,
  units: 120,
  pieces: null,
  amountYuan: 1100,
  noticeOn: '2026-03-03',
  dueDate: '2026-03-31',
  delivery: { method: 'online' as const, deliveredOn: '2026-03-03' },
  explanation: '超出合理范围',
  paidOn: null,
};
const consultation = {
  id: 'c1',
  party: 'third_party' as const,
  name: '某公司',
  contact: '010-12345678',
  matter: '是否同意公开',
  sentOn: '2026-03-03',
  dueDate: '2026-03-24',
  delivery: { method: 'post' as const, deliveredOn: '2026-03-03' },
  repliedOn: null,
  answer: null,
  summary: null,
  disclosureNotice: null,
};

describe('the steps the sweep takes when a period lapses', () => {
  it('no supplement applies only while the applicant still owes one', () => {
    const waiting = anApplication({ status: 'awaiting_clarification', clarification });
    expect(systemStepApplies(waiting, { kind: 'no-supplement' })).toBe(true);
    const supplemented = anApplication({
      status: 'in_progress',
      clarification: { ...clarification, supplementedOn: '2026-03-10', supplement: '补充' },
    });
    expect(systemStepApplies(supplemented, { kind: 'no-supplement' })).toBe(false);
  });

  it('an unpaid fee applies only while the fee is unpaid', () => {
    expect(systemStepApplies(anApplication({ status: 'awaiting_fee', fee }), { kind: 'fee-unpaid' })).toBe(
      true,
    );
    const paid = anApplication({ status: 'in_progress', fee: { ...fee, paidOn: '2026-03-05' } });
    expect(systemStepApplies(paid, { kind: 'fee-unpaid' })).toBe(false);
  });

  it('a lapsed consultation applies only to that consultation, while unanswered', () => {
    const consulting = anApplication({ status: 'consulting', consultations: [consultation] });
    expect(systemStepApplies(consulting, { kind: 'consultation-lapsed', consultationId: 'c1' })).toBe(true);
    expect(systemStepApplies(consulting, { kind: 'consultation-lapsed', consultationId: 'c2' })).toBe(false);
    const withdrawn = anApplication({ status: 'withdrawn', consultations: [consultation] });
    expect(systemStepApplies(withdrawn, { kind: 'consultation-lapsed', consultationId: 'c1' })).toBe(false);
  });

  it('no supplement in time is otherwise handled under Reg. 30, naming the missed date', () => {
    const waiting = anApplication({ status: 'awaiting_clarification', clarification });
    expect(lapseDecision(waiting, { kind: 'no-supplement' })).toEqual({
      outcome: 'otherwise_handled',
      reason: 'no_supplement',
      legalBasis: '《中华人民共和国政府信息公开条例》第三十条',
      reasons: '申请人未在补正期限（2026-03-24）内补正，且无正当理由，视为放弃申请，行政机关不再处理。',
    });
  });

  it('a fee unpaid in time is otherwise handled under the 2020 fee rules, naming the missed date', () => {
    expect(lapseDecision(anApplication({ status: 'awaiting_fee', fee }), { kind: 'fee-unpaid' })).toEqual({
      outcome: 'otherwise_handled',
      reason: 'fee_unpaid',
      legalBasis: '《政府信息公开信息处理费管理办法》',
      reasons: '申请人未在缴费期限（2026-03-31）内缴纳信息处理费，行政机关不再处理。',
    });
  });

  it('tells the applicant what happened — nothing final when the period to supplement lapsed', () => {
    expect(applicantNoticeOf({ kind: 'no-supplement' })).toBeNull();
    expect(applicantNoticeOf({ kind: 'fee-unpaid' })).toContain('缴纳信息处理费');
    expect(applicantNoticeOf({ kind: 'consultation-lapsed', consultationId: 'c1' })).toContain('恢复办理');
  });
});

describe('deemed abandonment (Reg. 30): the handler reviews a lapsed period', () => {
  it('tells the handler to judge whether the applicant had a good reason, and what each answer does', () => {
    const notice = abandonmentReviewNotice(anApplication(), '2026-03-24');
    expect(notice.subject).toBe('【待审查】申请 2026-K7QX-3M9P 补正期限（2026-03-24）已届满，申请人未补正');
    expect(notice.body).toContain('无正当理由');
    expect(notice.body).toContain('重新确定补正期限');
  });

  it('a review needs a lapsed period: no case without a clarification is pending', () => {
    const pending = anApplication({ status: 'abandonment_pending', clarification: null });
    expect(() =>
      reopenAbandoned(
        pending,
        null,
        { verdict: 'reopened', reason: '理由' },
        { calendar: new WorkingCalendar(), today: '2026-03-26' },
      ),
    ).toThrow(/No clarification was requested/);
  });
});

describe('the application schema', () => {
  it('reads an application stored before the confirmation limit and the review of lapsed periods', () => {
    const {
      confirmation: _none,
      clarification: _c,
      ...older
    } = anApplication({ status: 'awaiting_clarification', clarification });
    const { lapsedOn: _l, reopenings: _r, ...olderClarification } = clarification;
    expect(Application.parse({ ...older, clarification: olderClarification })).toMatchObject({
      confirmation: null,
      clarification: { lapsedOn: null, reopenings: [] },
    });
    const { confirmationWorkingDays: _limit, ...olderPolicy } = DEFAULT_POLICY;
    expect(DisclosurePolicy.parse(olderPolicy).confirmationWorkingDays).toBe(3);
  });

  it('reads a stored item back as the application, without what storage adds around it', () => {
    const application = anApplication({ status: 'consulting', consultations: [consultation], fee });
    const item = { pk: 'APP#2026-K7QX-3M9P', sk: 'CASE', gsi1pk: 'x', entity: 'application', ...application };
    expect(Application.parse(item)).toEqual(application);
  });

  it('reads an assignment stored before e-mail was recorded', () => {
    const assignee = { staffId: 'stf_00000000000000000001', name: '李四', assignedOn: '2026-03-03' };
    const parsed = Application.parse({ ...anApplication(), assignee });
    expect(parsed.assignee).toEqual({ ...assignee, email: null });
  });

  it('reads notices stored before their delivery and period were recorded: their periods ran from the day sent', () => {
    const { delivery: _c, periodWorkingDays: _p, ...olderClarification } = clarification;
    const { delivery: _f, pieces: _n, ...olderFee } = fee;
    const { delivery: _k, ...olderConsultation } = consultation;
    const parsed = Application.parse({
      ...anApplication(),
      clarification: olderClarification,
      fee: olderFee,
      consultations: [olderConsultation],
    });
    expect(parsed.clarification).toMatchObject({
      dueDate: '2026-03-24',
      delivery: null,
      periodWorkingDays: null,
    });
    expect(parsed.fee).toMatchObject({ dueDate: '2026-03-31', delivery: null, pieces: null });
    expect(parsed.consultations[0]).toMatchObject({ dueDate: '2026-03-24', delivery: null });
  });

  it('refuses an item that lost a field, rather than read a plausible application', () => {
    const { dueDate: _lost, ...item } = anApplication();
    expect(Application.safeParse(item).success).toBe(false);
  });
});
