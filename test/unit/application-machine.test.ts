import { describe, expect, it } from 'vitest';
import {
  CLARIFICATION_CLOCK,
  CONFIRMATION_CLOCK,
  CONFIRMATION_REMINDER_CLOCK,
  closeSideClocks,
  FEE_CLOCK,
  isOpen,
  OPEN_STATUSES,
  policyOf,
  requireReply,
  withClockDueDate,
  type Application,
  type ApplicationStatus,
  Consultation,
} from '#lib/domain/application/application';
import { abandonmentPending } from '#lib/domain/application/abandonment';
import { assign } from '#lib/domain/application/assignment';
import { requestClarification, supplement } from '#lib/domain/application/clarification';
import {
  consult,
  consultationLapsed,
  consultationReply,
  notifyThirdParty,
} from '#lib/domain/application/consultation';
import { recordDelivery } from '#lib/domain/application/delivery';
import { checkDecision, issueDecision } from '#lib/domain/application/decision';
import { feeNotice, feePayment } from '#lib/domain/application/fee-notice';
import { confirm, register, submitOnline } from '#lib/domain/application/intake';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { DEFAULT_POLICY, type DisclosurePolicy } from '#lib/domain/application/policy';
import { extend, resume, suspend } from '#lib/domain/application/reply-clock';
import { lapseDecision, systemStepApplies } from '#lib/domain/application/system-steps';
import { withdraw } from '#lib/domain/application/withdrawal';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { evaluateClock } from '#lib/domain/calendar/clock';
import { RuleViolationError, WrongStateError } from '#lib/domain/errors';
import {
  aReceivedApplication,
  aRegistration,
  anApplication,
  anOnlineApplication,
  anOrganisation,
  anUploadKey,
  calendar,
  decisions,
  ids,
  on,
  staffIdOf,
} from '#test/support/factories';

/**
 * The application machine, step by step, against the official calendar. The running example is a letter
 * received on Monday 2026-09-28: 20 working days end on 2026-10-30 (October 1–7 are off, Saturday
 * October 10 is worked).
 */

const SEED_000_POLICY: DisclosurePolicy = {
  ...DEFAULT_POLICY,
  effectiveFrom: '2026-01-01',
  replyWorkingDays: 7,
  maxExtensionWorkingDays: 15,
};

const ALL_STATUSES = [...OPEN_STATUSES, 'decided', 'withdrawn'] as const satisfies ApplicationStatus[];

/** An online application submitted on `day` under the default policy, not yet confirmed. */
const anOnlineSubmission = (day: IsoDate): Application =>
  submitOnline(anOnlineApplication(), ids(), `${day}T20:00:00.000+08:00`, DEFAULT_POLICY, on(day))
    .application;
const statusesOtherThan = (...allowed: ApplicationStatus[]) =>
  ALL_STATUSES.filter((status) => !allowed.includes(status));

const aConsultation = (overrides: Partial<Consultation> = {}): Consultation => ({
  id: 'c1',
  party: 'third_party',
  name: '某化工有限公司',
  contact: '010-12345678',
  matter: '环评批复中的工艺参数是否同意公开',
  sentOn: '2026-10-12',
  dueDate: '2026-11-02',
  delivery: { method: 'online', deliveredOn: '2026-10-12' },
  repliedOn: null,
  answer: null,
  summary: null,
  disclosureNotice: null,
  ...overrides,
});
const consultationInput = {
  party: 'third_party',
  name: '某化工有限公司',
  contact: '010-12345678',
  matter: '环评批复中的工艺参数是否同意公开',
} as const;

describe('intake (Reg. 27–31)', () => {
  it('an online application waits for confirmation: not received, no reply clock, nothing counted', () => {
    const change = submitOnline(
      anOnlineApplication(),
      ids(),
      '2026-09-27T20:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-09-27'),
    );
    expect(change.application).toMatchObject({
      id: '2026-TEST-0001',
      agencyId: 'ag-city',
      status: 'awaiting_confirmation',
      channel: 'online',
      receivedOn: null,
      dueDate: null,
      policy: null,
      version: 1,
    });
    expect(change).toMatchObject({ reply: null, replyOpen: false, statistics: [] });
    expect(change.event).toEqual({
      type: 'application_submitted',
      data: {
        channel: 'online',
        request: { description: '某项目的环评批复', form: 'electronic', delivery: 'email' },
        attachments: [],
        confirmBy: '2026-09-30',
      },
    });
  });

  it('the agency’s limit to confirm (policy, not law: default 3 working days) and a reminder after 1 run from submission', () => {
    // Tuesday 2026-09-29: the 1st working day after is 09-30; October 1–7 are off, so the 3rd is 10-09.
    const change = submitOnline(
      anOnlineApplication(),
      ids(),
      '2026-09-29T20:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-09-29'),
    );
    expect(change.application.confirmation).toEqual({ dueDate: '2026-10-09', workingDays: 3 });
    expect(change.clocks.map((clock) => [clock.name, clock.open && clock.state.dueDate])).toEqual([
      [CONFIRMATION_CLOCK, '2026-10-09'],
      [CONFIRMATION_REMINDER_CLOCK, '2026-09-30'],
    ]);
    const stricter = submitOnline(
      anOnlineApplication(),
      ids(),
      '2026-09-29T20:00:00.000+08:00',
      { ...DEFAULT_POLICY, confirmationWorkingDays: 1 },
      on('2026-09-29'),
    );
    expect(stricter.application.confirmation).toEqual({ dueDate: '2026-09-30', workingDays: 1 });
  });

  it('a registered letter is received on its date of receipt and due 20 working days later', () => {
    const change = register(
      aRegistration({ receivedOn: '2026-09-28', notes: '挂号信，编号XA123' }),
      ids(),
      '2026-09-29T09:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-09-29'),
    );
    expect(change.application).toMatchObject({
      status: 'in_progress',
      channel: 'letter_registered',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-30',
      provisional: false,
      policy: DEFAULT_POLICY,
      notes: '挂号信，编号XA123',
    });
    expect(change.reply).toMatchObject({ status: 'running', dueDate: '2026-10-30', period: 20 });
    expect(change.replyOpen).toBe(true);
    expect(change.event).toMatchObject({
      type: 'application_registered',
      data: { channel: 'letter_registered', receivedOn: '2026-09-28', dueDate: '2026-10-30' },
    });
    expect(change.statistics).toEqual([{ year: 2026, cell: 'received.natural_person' }]);
  });

  it('the reply period is the agency policy in force, fixed on the application (seed 000: 7 working days)', () => {
    const change = register(aRegistration(), ids(), '2026-09-28', SEED_000_POLICY, on('2026-09-28'));
    expect(change.application.dueDate).toBe('2026-10-13');
    expect(change.application.policy).toEqual(SEED_000_POLICY);
    expect(policyOf(change.application)).toEqual(SEED_000_POLICY);
  });

  it('counts a receipt in the year of receipt, whatever day it is registered, by the applicant column', () => {
    const change = register(
      aRegistration({ receivedOn: '2025-12-31', applicant: anOrganisation('research_institution') }),
      ids(),
      '2026-01-04T09:00:00.000+08:00',
      DEFAULT_POLICY,
      on('2026-01-04'),
    );
    expect(change.statistics).toEqual([{ year: 2025, cell: 'received.research_institution' }]);
    // 2025-12-31 + 20 working days: January 1 is off, so 2026-01-29.
    expect(change.application.dueDate).toBe('2026-01-29');
  });

  it('a due date in a year whose holidays are not yet published is marked provisional', () => {
    const change = register(
      aRegistration({ receivedOn: '2026-12-15' }),
      ids(),
      '2026-12-15',
      DEFAULT_POLICY,
      on('2026-12-15'),
    );
    expect(change.application).toMatchObject({ dueDate: '2027-01-13', provisional: true });
  });

  it('refuses a date of receipt after today', () => {
    const attempt = () =>
      register(
        aRegistration({ receivedOn: '2026-09-29' }),
        ids(),
        '2026-09-28',
        DEFAULT_POLICY,
        on('2026-09-28'),
      );
    expect(attempt).toThrow(RuleViolationError);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'received-in-future',
        status: 422,
        errors: [{ path: 'body.receivedOn', message: 'must not be after today' }],
      }),
    );
  });

  it('confirming an online application makes the day of confirmation the date of receipt (Reg. 31(3))', () => {
    const submitted = anOnlineSubmission('2026-09-27');
    const change = confirm(submitted, DEFAULT_POLICY, on('2026-09-28'));
    expect(change.application).toMatchObject({
      status: 'in_progress',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-30',
      policy: DEFAULT_POLICY,
    });
    expect(change.event).toEqual({
      type: 'application_confirmed',
      data: { receivedOn: '2026-09-28', dueDate: '2026-10-30', replyWorkingDays: 20 },
    });
    expect(change.statistics).toEqual([{ year: 2026, cell: 'received.natural_person' }]);
    expect(change.replyOpen).toBe(true);
    // The confirmation limit and its reminder stop: the application is received.
    expect(change.clocks).toEqual([
      { name: CONFIRMATION_CLOCK, open: false },
      { name: CONFIRMATION_REMINDER_CLOCK, open: false },
    ]);
    expect(change.application.confirmation).toEqual({ dueDate: '2026-09-30', workingDays: 3 });
  });

  it('an application submitted before the limit existed has no confirmation clocks to stop', () => {
    const older = { ...anOnlineSubmission('2026-09-27'), confirmation: null };
    expect(confirm(older, DEFAULT_POLICY, on('2026-09-28')).clocks).toEqual([]);
    expect(withdraw(older, null, {}, on('2026-09-28')).clocks).toEqual([]);
  });

  it.each(statusesOtherThan('awaiting_confirmation'))('confirmation is refused when %s', (status) => {
    expect(() => confirm(anApplication({ status }), DEFAULT_POLICY, on('2026-09-29'))).toThrow(
      WrongStateError,
    );
  });
});

describe('clarification (补正, Reg. 30)', () => {
  const received = aReceivedApplication('2026-09-28');
  const input = { items: ['请写明项目名称', '请写明批复文号'] };

  it('stops the reply clock and gives the applicant the policy period to supplement', () => {
    const change = requestClarification(received.application, received.reply, input, on('2026-09-30'));
    expect(change.application).toMatchObject({
      status: 'awaiting_clarification',
      dueDate: null,
      clarification: {
        requestedOn: '2026-09-30',
        items: input.items,
        // 15 working days from 09-30, over the National Day holiday.
        dueDate: '2026-10-27',
        periodWorkingDays: 15,
        delivery: { method: 'online', deliveredOn: '2026-09-30' },
        supplementedOn: null,
        supplement: null,
        supplementAttachments: [],
      },
    });
    // Used: 09-29 and 09-30; 18 of 20 remain.
    expect(change.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 18, dueDate: null });
    expect(change.clocks).toEqual([
      { name: CLARIFICATION_CLOCK, open: true, state: expect.objectContaining({ dueDate: '2026-10-27' }) },
    ]);
    expect(change.event).toEqual({
      type: 'clarification_requested',
      data: {
        items: input.items,
        supplementBy: '2026-10-27',
        periodWorkingDays: 15,
        remainingWorkingDays: 18,
        deliveredBy: 'online',
      },
    });
    expect(change.statistics).toEqual([]);
  });

  it('may set a shorter period to supplement than the policy default', () => {
    const change = requestClarification(
      received.application,
      received.reply,
      { ...input, periodWorkingDays: 5 },
      on('2026-09-30'),
    );
    // 10-08, 10-09, 10-10 (worked Saturday), 10-12, 10-13.
    expect(change.application.clarification?.dueDate).toBe('2026-10-13');
  });

  it('is allowed on the 7th working day after receipt and refused on the day after', () => {
    const lastDay = requestClarification(received.application, received.reply, input, on('2026-10-13'));
    expect(lastDay.application.status).toBe('awaiting_clarification');
    expect(() => requestClarification(received.application, received.reply, input, on('2026-10-14'))).toThrow(
      expect.objectContaining({
        code: 'clarification-too-late',
        message: expect.stringContaining('2026-10-13'),
      }),
    );
  });

  it('is asked once: a second request after the supplement is refused', () => {
    const asked = requestClarification(received.application, received.reply, input, on('2026-09-30'));
    const answered = supplement(
      asked.application,
      asked.reply,
      { text: '项目为某化工厂扩建', attachments: [] },
      on('2026-10-09'),
    );
    expect(() => requestClarification(answered.application, answered.reply, input, on('2026-10-12'))).toThrow(
      expect.objectContaining({ code: 'clarification-once', status: 422 }),
    );
  });

  it.each(statusesOtherThan('in_progress'))('is refused when %s', (status) => {
    expect(() =>
      requestClarification(anApplication({ status }), received.reply, input, on('2026-09-30')),
    ).toThrow(WrongStateError);
  });

  it('needs a running reply clock', () => {
    expect(() => requestClarification(received.application, null, input, on('2026-09-30'))).toThrow(
      /no running reply clock/,
    );
  });

  it('the supplement restarts a full reply period from its day and closes the applicant’s period', () => {
    const asked = requestClarification(received.application, received.reply, input, on('2026-09-30'));
    const attachments = [anUploadKey(1)];
    const change = supplement(
      asked.application,
      asked.reply,
      { text: '项目为某化工厂扩建', attachments },
      on('2026-10-20'),
    );
    expect(change.application).toMatchObject({
      status: 'in_progress',
      dueDate: '2026-11-17',
      clarification: {
        requestedOn: '2026-09-30',
        supplementedOn: '2026-10-20',
        supplement: '项目为某化工厂扩建',
        supplementAttachments: attachments,
      },
    });
    expect(change.reply).toMatchObject({ status: 'running', dueDate: '2026-11-17', period: 20 });
    expect(change.clocks).toEqual([{ name: CLARIFICATION_CLOCK, open: false }]);
    expect(change.event).toEqual({
      type: 'clarification_supplemented',
      data: { supplementedOn: '2026-10-20', attachments, dueDate: '2026-11-17' },
    });
  });

  it.each(statusesOtherThan('awaiting_clarification'))('a supplement is refused when %s', (status) => {
    expect(() =>
      supplement(
        anApplication({ status }),
        received.reply,
        { text: '补充', attachments: [] },
        on('2026-10-09'),
      ),
    ).toThrow(WrongStateError);
  });

  it('a supplement with no clarification on record is refused', () => {
    const inconsistent = anApplication({ status: 'awaiting_clarification', clarification: null });
    expect(() =>
      supplement(inconsistent, received.reply, { text: '补充', attachments: [] }, on('2026-10-09')),
    ).toThrow(/No clarification was requested/);
  });
});

describe('consultation (征求意见, Reg. 32, 34; not counted, Reg. 33 ¶2)', () => {
  const received = aReceivedApplication('2026-09-28');
  const sent = consult(received.application, received.reply, consultationInput, 'c1', on('2026-10-12'));

  it('stops the reply clock and gives the consulted party 15 working days', () => {
    expect(sent.application).toMatchObject({
      status: 'consulting',
      dueDate: null,
      consultations: [aConsultation()],
    });
    // Used: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12; 14 remain.
    expect(sent.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 14 });
    expect(sent.clocks).toEqual([
      { name: 'consultation-c1', open: true, state: expect.objectContaining({ dueDate: '2026-11-02' }) },
    ]);
    expect(sent.event).toEqual({
      type: 'consultation_sent',
      data: {
        consultationId: 'c1',
        party: 'third_party',
        name: '某化工有限公司',
        answerBy: '2026-11-02',
        deliveredBy: 'online',
      },
    });
  });

  it('the answer resumes the clock with the days that remained, from the day after', () => {
    const change = consultationReply(
      sent.application,
      sent.reply,
      'c1',
      { answer: 'objection', summary: '涉及商业秘密，不同意公开' },
      on('2026-10-26'),
    );
    expect(change.application).toMatchObject({
      status: 'in_progress',
      dueDate: '2026-11-13',
      consultations: [
        aConsultation({ repliedOn: '2026-10-26', answer: 'objection', summary: '涉及商业秘密，不同意公开' }),
      ],
    });
    expect(change.clocks).toEqual([{ name: 'consultation-c1', open: false }]);
    expect(change.event).toEqual({
      type: 'consultation_answered',
      data: { consultationId: 'c1', answer: 'objection', resumed: true, dueDate: '2026-11-13' },
    });
  });

  it('with two parties consulted, the clock waits for the last of them, silent or not', () => {
    const second = consult(
      sent.application,
      sent.reply,
      { ...consultationInput, party: 'co_producing_agency', name: '某市自然资源局' },
      'c2',
      on('2026-10-14'),
    );
    expect(second.reply).toEqual(sent.reply);
    expect(second.application.consultations.map((c) => [c.id, c.dueDate])).toEqual([
      ['c1', '2026-11-02'],
      ['c2', '2026-11-04'],
    ]);
    const first = consultationReply(
      second.application,
      second.reply,
      'c1',
      { answer: 'consent', summary: '同意公开' },
      on('2026-10-20'),
    );
    expect(first.application.status).toBe('consulting');
    expect(first.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 14 });
    expect(first.event.data).toMatchObject({ resumed: false, dueDate: null });

    const lapsed = consultationLapsed(first.application, first.reply, 'c2', on('2026-11-05'));
    expect(lapsed.application).toMatchObject({ status: 'in_progress', dueDate: '2026-11-25' });
    expect(lapsed.application.consultations[1]).toMatchObject({
      repliedOn: '2026-11-05',
      answer: 'no_answer',
      summary: null,
    });
    expect(lapsed.clocks).toEqual([{ name: 'consultation-c2', open: false }]);
    expect(lapsed.event).toEqual({
      type: 'consultation_lapsed',
      data: { consultationId: 'c2', answerWasDue: '2026-11-04', resumed: true, dueDate: '2026-11-25' },
    });
  });

  it('a policy that gave the consulted party less still gives it its 15 working days (Reg. 32)', () => {
    const older = { ...DEFAULT_POLICY, consultationWorkingDays: 5, feePaymentWorkingDays: 10 };
    const underOlder = aReceivedApplication('2026-09-28', { policy: older });
    expect(policyOf(underOlder.application)).toMatchObject({
      consultationWorkingDays: 15,
      feePaymentWorkingDays: 20,
    });
    const consulted = consult(
      underOlder.application,
      underOlder.reply,
      consultationInput,
      'c1',
      on('2026-10-12'),
    );
    expect(consulted.application.consultations[0]?.dueDate).toBe('2026-11-02');
  });

  it('refuses an answer to a consultation that does not exist, or was answered', () => {
    const answer = { answer: 'consent', summary: '同意' } as const;
    expect(() => consultationReply(sent.application, sent.reply, 'c9', answer, on('2026-10-20'))).toThrow(
      expect.objectContaining({ code: 'no-such-consultation' }),
    );
    const answered = anApplication({
      status: 'consulting',
      consultations: [aConsultation({ repliedOn: '2026-10-20', answer: 'consent', summary: '同意' })],
    });
    expect(() => consultationReply(answered, sent.reply, 'c1', answer, on('2026-10-21'))).toThrow(
      /already been answered/,
    );
  });

  it('a lapse of a consultation answered or unknown is refused', () => {
    expect(() => consultationLapsed(sent.application, sent.reply, 'c9', on('2026-11-03'))).toThrow(
      WrongStateError,
    );
    const answered = anApplication({
      status: 'consulting',
      consultations: [aConsultation({ repliedOn: '2026-10-20' })],
    });
    expect(() => consultationLapsed(answered, sent.reply, 'c1', on('2026-11-03'))).toThrow(WrongStateError);
  });

  it.each(statusesOtherThan('in_progress', 'consulting'))('consulting is refused when %s', (status) => {
    expect(() =>
      consult(anApplication({ status }), received.reply, consultationInput, 'c1', on('2026-10-12')),
    ).toThrow(WrongStateError);
  });

  it.each(statusesOtherThan('consulting'))('an answer or a lapse is refused when %s', (status) => {
    const application = anApplication({ status, consultations: [aConsultation()] });
    expect(() =>
      consultationReply(
        application,
        sent.reply,
        'c1',
        { answer: 'consent', summary: '同意' },
        on('2026-10-20'),
      ),
    ).toThrow(WrongStateError);
    expect(() => consultationLapsed(application, sent.reply, 'c1', on('2026-11-03'))).toThrow(
      WrongStateError,
    );
  });
});

describe('notices to the other side count from their delivery (补正通知, 征求意见书, 收费通知)', () => {
  const received = aReceivedApplication('2026-09-28');
  const byPost = { items: ['请写明项目名称'], deliveredBy: 'post' as const };
  const feeByPost = {
    basis: { method: 'by_volume', pages: 120 },
    explanation: '申请数量明显超过合理范围',
    deliveredBy: 'post',
  } as const;

  it('online or in person, the period runs from the day sent', () => {
    const handed = requestClarification(
      received.application,
      received.reply,
      { items: ['请写明项目名称'], deliveredBy: 'in_person' },
      on('2026-09-30'),
    );
    expect(handed.application.clarification).toMatchObject({
      delivery: { method: 'in_person', deliveredOn: '2026-09-30' },
      dueDate: '2026-10-27',
    });
  });

  it('a request by post whose delivery is unknown has no period that could lapse: no deemed abandonment', () => {
    const sent = requestClarification(received.application, received.reply, byPost, on('2026-09-30'));
    expect(() => abandonmentPending(sent.application, sent.reply, on('2026-12-30'))).toThrow(
      expect.objectContaining({
        code: 'no-supplement-not-lapsed',
        message: expect.stringContaining('delivered'),
      }),
    );
  });

  it('by post, the reply clock stops the day sent and the applicant’s period waits for the day signed for', () => {
    const sent = requestClarification(received.application, received.reply, byPost, on('2026-09-30'));
    expect(sent.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 18 });
    expect(sent.application.clarification).toMatchObject({
      requestedOn: '2026-09-30',
      delivery: { method: 'post', deliveredOn: null },
      periodWorkingDays: 15,
      dueDate: null,
    });
    expect(sent.clocks).toEqual([]);
    expect(sent.event.data).toMatchObject({ supplementBy: null, deliveredBy: 'post' });

    const delivered = recordDelivery(
      sent.application,
      sent.reply,
      { notice: 'clarification', deliveredOn: '2026-10-09' },
      on('2026-10-12'),
    );
    // 15 working days from the day signed for, not from the day sent.
    expect(delivered.application.clarification).toMatchObject({
      delivery: { method: 'post', deliveredOn: '2026-10-09' },
      dueDate: '2026-10-29',
    });
    expect(delivered.clocks).toEqual([
      {
        name: CLARIFICATION_CLOCK,
        open: true,
        state: expect.objectContaining({
          dueDate: '2026-10-29',
          events: [{ type: 'start', on: '2026-10-09', workingDays: 15 }],
        }),
      },
    ]);
    expect(delivered.reply).toBe(sent.reply);
    expect(delivered.replyOpen).toBe(true);
    expect(delivered.event).toEqual({
      type: 'clarification_delivered',
      data: { method: 'post', sentOn: '2026-09-30', deliveredOn: '2026-10-09', supplementBy: '2026-10-29' },
    });
    // Recorded once; a notice known at once has its day already.
    expect(() =>
      recordDelivery(
        delivered.application,
        delivered.reply,
        { notice: 'clarification', deliveredOn: '2026-10-09' },
        on('2026-10-13'),
      ),
    ).toThrow(/already on record \(2026-10-09\)/);
    const online = requestClarification(
      received.application,
      received.reply,
      { items: ['请写明项目名称'] },
      on('2026-09-30'),
    );
    expect(() =>
      recordDelivery(
        online.application,
        online.reply,
        { notice: 'clarification', deliveredOn: '2026-10-09' },
        on('2026-10-12'),
      ),
    ).toThrow(WrongStateError);
  });

  it('the day of delivery lies between the day sent and today', () => {
    const sent = requestClarification(received.application, received.reply, byPost, on('2026-09-30'));
    for (const deliveredOn of ['2026-09-29', '2026-10-13'])
      expect(() =>
        recordDelivery(
          sent.application,
          sent.reply,
          { notice: 'clarification', deliveredOn },
          on('2026-10-12'),
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'delivery-date',
          errors: [{ path: 'body.deliveredOn', message: 'must be from 2026-09-30 to 2026-10-12' }],
        }),
      );
    // The day sent and today are both possible.
    for (const deliveredOn of ['2026-09-30', '2026-10-12'])
      expect(
        recordDelivery(
          sent.application,
          sent.reply,
          { notice: 'clarification', deliveredOn },
          on('2026-10-12'),
        ).application.clarification?.delivery?.deliveredOn,
      ).toBe(deliveredOn);
  });

  it('a supplement before the day is entered closes no period; the day is then recorded and starts nothing', () => {
    const sent = requestClarification(received.application, received.reply, byPost, on('2026-09-30'));
    const supplemented = supplement(
      sent.application,
      sent.reply,
      { text: '项目为某化工厂扩建', attachments: [] },
      on('2026-10-09'),
    );
    expect(supplemented.clocks).toEqual([]);
    const late = recordDelivery(
      supplemented.application,
      supplemented.reply,
      { notice: 'clarification', deliveredOn: '2026-10-08' },
      on('2026-10-12'),
    );
    expect(late.clocks).toEqual([]);
    expect(late.application.clarification).toMatchObject({
      delivery: { deliveredOn: '2026-10-08' },
      dueDate: null,
    });
    expect(late.event.data).toMatchObject({ supplementBy: null });
  });

  it('a consultation letter by post: the consulted party’s 15 working days run from the day signed for', () => {
    const sent = consult(
      received.application,
      received.reply,
      { ...consultationInput, deliveredBy: 'post' },
      'c1',
      on('2026-10-12'),
    );
    expect(sent.application.consultations[0]).toMatchObject({
      sentOn: '2026-10-12',
      delivery: { method: 'post', deliveredOn: null },
      dueDate: null,
    });
    expect(sent.clocks).toEqual([]);
    const delivered = recordDelivery(
      sent.application,
      sent.reply,
      { notice: 'consultation', consultationId: 'c1', deliveredOn: '2026-10-14' },
      on('2026-10-15'),
    );
    expect(delivered.application.consultations[0]?.dueDate).toBe('2026-11-04');
    expect(delivered.clocks).toEqual([
      { name: 'consultation-c1', open: true, state: expect.objectContaining({ dueDate: '2026-11-04' }) },
    ]);
    expect(delivered.event).toEqual({
      type: 'consultation_delivered',
      data: {
        consultationId: 'c1',
        method: 'post',
        sentOn: '2026-10-12',
        deliveredOn: '2026-10-14',
        answerBy: '2026-11-04',
      },
    });
    expect(() =>
      recordDelivery(
        sent.application,
        sent.reply,
        { notice: 'consultation', consultationId: 'c9', deliveredOn: '2026-10-14' },
        on('2026-10-15'),
      ),
    ).toThrow(expect.objectContaining({ code: 'no-such-consultation' }));
    // An answer that comes before the day is entered closes no period and resumes the reply clock.
    const answered = consultationReply(
      sent.application,
      sent.reply,
      'c1',
      { answer: 'consent', summary: '同意公开' },
      on('2026-10-16'),
    );
    expect(answered.clocks).toEqual([]);
    expect(answered.application.status).toBe('in_progress');
  });

  it('a fee notice by post: the applicant’s 20 working days to pay run from the day signed for', () => {
    const sent = feeNotice(received.application, received.reply, feeByPost, 1, on('2026-09-30'));
    expect(sent.application.fee).toMatchObject({ noticeOn: '2026-09-30', dueDate: null });
    expect(sent.clocks).toEqual([]);
    expect(sent.event.data).toMatchObject({ payBy: null, deliveredBy: 'post' });
    const delivered = recordDelivery(
      sent.application,
      sent.reply,
      { notice: 'fee', deliveredOn: '2026-10-09' },
      on('2026-10-09'),
    );
    expect(delivered.application.fee).toMatchObject({
      delivery: { method: 'post', deliveredOn: '2026-10-09' },
      dueDate: '2026-11-05',
    });
    expect(delivered.clocks).toEqual([
      { name: FEE_CLOCK, open: true, state: expect.objectContaining({ dueDate: '2026-11-05' }) },
    ]);
    // Paid before the day is entered: no period to close.
    expect(feePayment(sent.application, sent.reply, {}, on('2026-10-08')).clocks).toEqual([]);
  });

  it('a decision or withdrawal while a notice waits for its delivery closes no period that never started', () => {
    const sent = feeNotice(received.application, received.reply, feeByPost, 1, on('2026-09-30'));
    const asked = consult(
      { ...sent.application, status: 'in_progress' },
      received.reply,
      { ...consultationInput, deliveredBy: 'post' },
      'c1',
      on('2026-09-30'),
    );
    expect(closeSideClocks(asked.application)).toEqual([]);
    expect(withdraw(asked.application, asked.reply, {}, on('2026-10-09')).clocks).toEqual([]);
    const withdrawn = withdraw(sent.application, sent.reply, {}, on('2026-10-09'));
    // Recorded for the file afterwards; nobody waits any more, so nothing starts.
    const recorded = recordDelivery(
      withdrawn.application,
      withdrawn.reply,
      { notice: 'fee', deliveredOn: '2026-10-08' },
      on('2026-10-12'),
    );
    expect(recorded).toMatchObject({ clocks: [], replyOpen: false });
    expect(recorded.application.fee).toMatchObject({
      dueDate: null,
      delivery: { deliveredOn: '2026-10-08' },
    });
  });

  it('a delivery of a notice that was never sent is refused', () => {
    for (const notice of ['clarification', 'fee'] as const)
      expect(() =>
        recordDelivery(
          received.application,
          received.reply,
          { notice, deliveredOn: '2026-10-09' },
          on('2026-10-12'),
        ),
      ).toThrow(WrongStateError);
  });
});

describe('the reply period: extension (Reg. 33), force majeure (seed 002 §18)', () => {
  const received = aReceivedApplication('2026-09-28');
  const reason = '涉及档案调取，需要延长答复期限';

  it('an extension adds its working days to the due date, approved by the office head', () => {
    const change = extend(
      received.application,
      received.reply,
      { workingDays: 20, reason },
      staffIdOf('head'),
      on('2026-10-29'),
    );
    expect(change.application).toMatchObject({
      status: 'in_progress',
      dueDate: '2026-11-27',
      extensions: [{ on: '2026-10-29', workingDays: 20, reason, approvedBy: staffIdOf('head') }],
    });
    expect(change.reply).toMatchObject({ period: 40, dueDate: '2026-11-27' });
    expect(change.event).toEqual({
      type: 'reply_extended',
      data: {
        workingDays: 20,
        reason,
        previousDueDate: '2026-10-30',
        dueDate: '2026-11-27',
        applicantTold: true,
      },
    });
  });

  it('may be decided on the due date, never after it', () => {
    expect(
      extend(received.application, received.reply, { workingDays: 5, reason }, 'head', on('2026-10-30'))
        .application.dueDate,
    ).toBe('2026-11-06');
    expect(() =>
      extend(received.application, received.reply, { workingDays: 5, reason }, 'head', on('2026-10-31')),
    ).toThrow(expect.objectContaining({ code: 'deadline-passed', status: 422 }));
  });

  it('extensions together stay within the maximum, and the refusal says how many days are left', () => {
    const first = extend(
      received.application,
      received.reply,
      { workingDays: 15, reason },
      'head',
      on('2026-10-20'),
    );
    expect(() =>
      extend(first.application, first.reply, { workingDays: 10, reason }, 'head', on('2026-10-21')),
    ).toThrow(
      expect.objectContaining({
        code: 'extension-too-long',
        errors: [{ path: 'body.workingDays', message: 'must be at most 5' }],
      }),
    );
    const second = extend(
      first.application,
      first.reply,
      { workingDays: 5, reason },
      'head',
      on('2026-10-21'),
    );
    expect(second.application.extensions.map((e) => e.workingDays)).toEqual([15, 5]);
  });

  it('a stricter agency maximum applies (seed 000: 15 working days)', () => {
    const strict = aReceivedApplication('2026-09-28', { policy: SEED_000_POLICY });
    expect(() =>
      extend(strict.application, strict.reply, { workingDays: 16, reason }, 'head', on('2026-10-09')),
    ).toThrow(
      expect.objectContaining({ code: 'extension-too-long', message: expect.stringContaining('at most 15') }),
    );
  });

  it('force majeure suspends the clock and the resumption runs on from where it stopped', () => {
    const suspended = suspend(
      received.application,
      received.reply,
      { reason: '台风红色预警，机关停止办公' },
      on('2026-10-12'),
    );
    expect(suspended.application).toMatchObject({
      status: 'suspended',
      dueDate: null,
      suspension: { since: '2026-10-12', reason: '台风红色预警，机关停止办公' },
    });
    expect(suspended.event).toEqual({
      type: 'reply_suspended',
      data: { reason: '台风红色预警，机关停止办公', remainingWorkingDays: 14, applicantTold: true },
    });
    const resumed = resume(suspended.application, suspended.reply, { note: '预警解除' }, on('2026-11-02'));
    expect(resumed.application).toMatchObject({
      status: 'in_progress',
      dueDate: '2026-11-20',
      suspension: null,
    });
    expect(resumed.event).toEqual({
      type: 'reply_resumed',
      data: { note: '预警解除', since: '2026-10-12', dueDate: '2026-11-20', applicantTold: true },
    });
  });

  it('a reply stopped before an unpublished year still says its remaining days rest on that year', () => {
    // 2026-12-15 + 20 working days reaches into 2027, whose holiday notice is not published.
    const december = aReceivedApplication('2026-12-15');
    const suspended = suspend(december.application, december.reply, { reason: '停电' }, on('2026-12-16'));
    expect(suspended.application).toMatchObject({ status: 'suspended', dueDate: null, provisional: true });
    expect(suspended.reply).toMatchObject({ remainingWorkingDays: 19, provisionalYears: [2027] });
    const resumed = resume(suspended.application, suspended.reply, {}, on('2026-12-17'));
    // From 12-18: 10 working days to 12-31, January 1 off, 9 more to Thursday 2027-01-14.
    expect(resumed.application).toMatchObject({ dueDate: '2027-01-14', provisional: true });
  });

  it('a reply clock is started once', () => {
    expect(() =>
      evaluateClock(calendar, [
        ...aReceivedApplication().reply.events,
        { type: 'start', on: '2026-09-29', workingDays: 20 },
      ]),
    ).toThrow(new WrongStateError('The clock is already started.'));
  });

  it('a clock cannot be suspended after its due date', () => {
    expect(() => suspend(received.application, received.reply, { reason: '停电' }, on('2026-10-31'))).toThrow(
      expect.objectContaining({ code: 'deadline-passed' }),
    );
  });

  it('a consultation or a fee notice on the due date itself stops the clock with nothing left', () => {
    const consulted = consult(
      received.application,
      received.reply,
      consultationInput,
      'c1',
      on('2026-10-30'),
    );
    expect(consulted.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 0 });
    const answered = consultationReply(
      consulted.application,
      consulted.reply,
      'c1',
      { answer: 'consent', summary: '同意公开' },
      on('2026-11-04'),
    );
    expect(answered.application).toMatchObject({ status: 'in_progress', dueDate: '2026-11-04' });
    const noticed = feeNotice(
      received.application,
      received.reply,
      { basis: { method: 'by_volume', pages: 120 }, explanation: '申请数量明显超过合理范围' },
      1,
      on('2026-10-30'),
    );
    expect(noticed.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 0 });
    expect(noticed.application.status).toBe('awaiting_fee');
  });

  it.each(statusesOtherThan('in_progress'))('an extension or a suspension is refused when %s', (status) => {
    expect(() =>
      extend(anApplication({ status }), received.reply, { workingDays: 5, reason }, 'head', on('2026-10-09')),
    ).toThrow(WrongStateError);
    expect(() =>
      suspend(anApplication({ status }), received.reply, { reason: '停电' }, on('2026-10-09')),
    ).toThrow(WrongStateError);
  });

  it.each(statusesOtherThan('suspended'))('a resumption is refused when %s', (status) => {
    expect(() => resume(anApplication({ status }), received.reply, {}, on('2026-10-09'))).toThrow(
      WrongStateError,
    );
  });
});

describe('the fee notice (收费, Reg. 42 and the 2020 rules)', () => {
  const received = aReceivedApplication('2026-09-28');
  const explanation = '申请数量明显超过合理范围';

  it('by volume: 120 pages cost 70 × 10 + 20 × 20 yuan; the reply clock waits 20 working days for payment', () => {
    const change = feeNotice(
      received.application,
      received.reply,
      { basis: { method: 'by_volume', pages: 120 }, explanation },
      1,
      on('2026-09-30'),
    );
    expect(change.application).toMatchObject({
      status: 'awaiting_fee',
      dueDate: null,
      fee: {
        method: 'by_volume',
        units: 120,
        amountYuan: 1100,
        noticeOn: '2026-09-30',
        dueDate: '2026-11-03',
        explanation,
        paidOn: null,
      },
    });
    expect(change.reply).toMatchObject({ status: 'suspended', remainingWorkingDays: 18 });
    expect(change.clocks).toEqual([
      { name: FEE_CLOCK, open: true, state: expect.objectContaining({ dueDate: '2026-11-03' }) },
    ]);
    expect(change.event).toEqual({
      type: 'fee_notice_sent',
      data: { method: 'by_volume', units: 120, amountYuan: 1100, payBy: '2026-11-03', deliveredBy: 'online' },
    });
  });

  it('by piece: the applicant’s 11th application of the month costs 100 yuan, the 31st 200', () => {
    const notice = (ordinal: number) =>
      feeNotice(
        received.application,
        received.reply,
        { basis: { method: 'by_piece' }, explanation },
        ordinal,
        on('2026-09-30'),
      );
    expect(notice(11).application.fee).toMatchObject({ method: 'by_piece', units: 11, amountYuan: 100 });
    expect(notice(31).application.fee).toMatchObject({ units: 31, amountYuan: 200 });
  });

  it('refuses a notice that the rules make free: the first 10 a month, or 30 pages', () => {
    expect(() =>
      feeNotice(
        received.application,
        received.reply,
        { basis: { method: 'by_piece' }, explanation },
        10,
        on('2026-09-30'),
      ),
    ).toThrow(expect.objectContaining({ code: 'no-fee', message: expect.stringContaining('no. 10') }));
    expect(() =>
      feeNotice(
        received.application,
        received.reply,
        { basis: { method: 'by_volume', pages: 30 }, explanation },
        1,
        on('2026-09-30'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'no-fee',
        errors: [{ path: 'body.basis', message: 'gives no fee under the 2020 rules' }],
      }),
    );
  });

  it('payment resumes the clock from where it stopped and closes the payment period', () => {
    const noticed = feeNotice(
      received.application,
      received.reply,
      { basis: { method: 'by_volume', pages: 120 }, explanation },
      1,
      on('2026-09-30'),
    );
    const paid = feePayment(noticed.application, noticed.reply, { reference: 'POS-001' }, on('2026-10-15'));
    expect(paid.application).toMatchObject({ status: 'in_progress', dueDate: '2026-11-10' });
    expect(paid.application.fee?.paidOn).toBe('2026-10-15');
    expect(paid.clocks).toEqual([{ name: FEE_CLOCK, open: false }]);
    expect(paid.event).toEqual({
      type: 'fee_paid',
      data: { amountYuan: 1100, reference: 'POS-001', dueDate: '2026-11-10' },
    });
    // Once paid, no second notice for the same application.
    expect(() =>
      feeNotice(
        paid.application,
        paid.reply,
        { basis: { method: 'by_volume', pages: 200 }, explanation },
        1,
        on('2026-10-16'),
      ),
    ).toThrow(expect.objectContaining({ code: 'fee-once' }));
  });

  it.each(statusesOtherThan('in_progress'))('a notice is refused when %s', (status) => {
    expect(() =>
      feeNotice(
        anApplication({ status }),
        received.reply,
        { basis: { method: 'by_piece' }, explanation },
        11,
        on('2026-09-30'),
      ),
    ).toThrow(WrongStateError);
  });

  it.each(statusesOtherThan('awaiting_fee'))('a payment is refused when %s', (status) => {
    expect(() => feePayment(anApplication({ status }), received.reply, {}, on('2026-10-15'))).toThrow(
      WrongStateError,
    );
  });

  it('a payment with no fee on record is refused', () => {
    expect(() =>
      feePayment(anApplication({ status: 'awaiting_fee', fee: null }), received.reply, {}, on('2026-10-15')),
    ).toThrow(/No fee was asked for/);
  });
});

describe('deciding after a consultation (Reg. 32, 34)', () => {
  const received = aReceivedApplication('2026-09-28');
  const sent = consult(received.application, received.reply, consultationInput, 'c1', on('2026-10-12'));
  const by = { staffId: staffIdOf('approver'), name: '李华' };
  const letterKey = 'agency=ag-city/year=2026/application/2026-TEST-0001/decision-letter-v4.html';
  const noticeKey = 'agency=ag-city/year=2026/application/2026-TEST-0001/third-party-notice-c1-v3.html';
  const objected = consultationReply(
    sent.application,
    sent.reply,
    'c1',
    { answer: 'objection', summary: '涉及商业秘密' },
    on('2026-10-20'),
  );
  const notice = {
    content: '环评批复全文（含工艺参数）',
    reasons: '涉及公众环境权益，不公开可能对公共利益造成重大影响。',
  };
  const decide = (application: Application, input: DecisionInput, today = '2026-10-22') =>
    issueDecision(application, objected.reply, input, by, letterKey, on(today));

  it('no decision while a consultation is open: 409 naming it; once answered or lapsed, the agency decides', () => {
    for (const input of [decisions.notDisclosed(), decisions.notHeld(), decisions.disclosed()])
      expect(() => decide(sent.application, input, '2026-10-20')).toThrow(
        expect.objectContaining({
          status: 409,
          code: 'wrong-state',
          message:
            'No decision while a consultation is open: c1 (某化工有限公司, answer due 2026-11-02). Record the answer, or let the sweep record the lapse, first (Reg. 32).',
        }),
      );
    // Two parties asked, one answered: the decision still waits for the other, and names only it.
    const second = consult(
      objected.application,
      objected.reply,
      { ...consultationInput, party: 'co_producing_agency', name: '某市自然资源局' },
      'c2',
      on('2026-10-21'),
    );
    expect(() => decide(second.application, decisions.notDisclosed())).toThrow(
      /^No decision while a consultation is open: c2 \(某市自然资源局, answer due 2026-11-11\)\./,
    );
    const lapsed = consultationLapsed(second.application, second.reply, 'c2', on('2026-11-12'));
    expect(decide(lapsed.application, decisions.notDisclosed(), '2026-11-12').application.status).toBe(
      'decided',
    );
    expect(decide(objected.application, decisions.notDisclosed()).application.status).toBe('decided');
  });

  it('disclosing against a third party’s objection needs the written notice first: 422 naming the consultation', () => {
    for (const input of [decisions.disclosed(), decisions.partiallyDisclosed(anUploadKey(1))])
      expect(() => decide(objected.application, input)).toThrow(
        expect.objectContaining({
          status: 422,
          code: 'third-party-not-notified',
          errors: [
            {
              path: 'consultations.c1',
              message:
                '某化工有限公司 objected; record the notice (POST …/consultations/c1/disclosure-notice) first',
            },
          ],
        }),
      );
    const notified = notifyThirdParty(
      objected.application,
      objected.reply,
      'c1',
      notice,
      noticeKey,
      on('2026-10-21'),
    );
    expect(decide(notified.application, decisions.disclosed()).application.decision).toMatchObject({
      outcome: 'disclosed',
    });
    // A co-producing agency's objection, and a third party's consent, need no notice (Reg. 32 is about objections).
    const agencyObjected = anApplication({
      consultations: [
        aConsultation({ party: 'co_producing_agency', repliedOn: '2026-10-20', answer: 'objection' }),
      ],
    });
    expect(decide(agencyObjected, decisions.disclosed()).application.status).toBe('decided');
    const consented = anApplication({
      consultations: [aConsultation({ repliedOn: '2026-10-20', answer: 'consent' })],
    });
    expect(decide(consented, decisions.disclosed()).application.status).toBe('decided');
  });

  it('the notice is recorded on the consultation with where its letter is archived, once; the clock is left alone', () => {
    const change = notifyThirdParty(
      objected.application,
      objected.reply,
      'c1',
      notice,
      noticeKey,
      on('2026-10-21'),
    );
    expect(change.application.consultations).toEqual([
      {
        ...objected.application.consultations[0],
        disclosureNotice: { sentOn: '2026-10-21', ...notice, letterKey: noticeKey },
      },
    ]);
    expect(change.application.status).toBe('in_progress');
    expect(change.reply).toEqual(objected.reply);
    expect(change.replyOpen).toBe(true);
    expect(change.clocks).toEqual([]);
    expect(change.statistics).toEqual([]);
    expect(change.event).toEqual({
      type: 'third_party_notified',
      data: { consultationId: 'c1', name: '某化工有限公司', sentOn: '2026-10-21', letterKey: noticeKey },
    });
    expect(() =>
      notifyThirdParty(change.application, change.reply, 'c1', notice, noticeKey, on('2026-10-22')),
    ).toThrow(new WrongStateError('The third party was told on 2026-10-21; the notice is sent once.'));
  });

  it('a notice goes only to a consulted third party that objected (422)', () => {
    const refused = (application: Application, id = 'c1') => {
      try {
        notifyThirdParty(application, objected.reply, id, notice, noticeKey, on('2026-10-21'));
      } catch (error) {
        return error;
      }
      throw new Error('the notice was not refused');
    };
    const answeredWith = (overrides: Partial<Consultation>) =>
      anApplication({ consultations: [aConsultation({ repliedOn: '2026-10-20', ...overrides })] });
    expect(refused(answeredWith({ answer: 'consent' }))).toMatchObject({
      code: 'notice-without-objection',
      errors: [{ path: 'params.cid', message: 'was answered “consent”, not with an objection' }],
    });
    expect(refused(answeredWith({ answer: 'no_answer' }))).toMatchObject({
      errors: [{ path: 'params.cid', message: 'was answered “no_answer”, not with an objection' }],
    });
    expect(refused(sent.application)).toMatchObject({
      code: 'notice-without-objection',
      errors: [{ path: 'params.cid', message: 'has not been answered' }],
    });
    expect(refused(answeredWith({ party: 'co_producing_agency', answer: 'objection' }))).toMatchObject({
      code: 'notice-without-objection',
      errors: [
        {
          path: 'params.cid',
          message: 'is a consultation of a co-producing agency (Reg. 34), not of a third party',
        },
      ],
    });
    expect(refused(objected.application, 'c9')).toMatchObject({ code: 'no-such-consultation', status: 422 });
  });

  it.each(['awaiting_confirmation', 'decided', 'withdrawn'] as const)(
    'a notice is refused when %s',
    (status) => {
      const application = anApplication({
        status,
        consultations: [aConsultation({ repliedOn: '2026-10-20', answer: 'objection' })],
      });
      expect(() =>
        notifyThirdParty(application, objected.reply, 'c1', notice, noticeKey, on('2026-10-21')),
      ).toThrow(WrongStateError);
    },
  );

  it('a consultation stored before notices were kept reads as having none', () => {
    const { disclosureNotice: _none, ...stored } = aConsultation();
    expect(Consultation.parse(stored)).toEqual(aConsultation());
  });
});

describe('the decision (Reg. 36–39)', () => {
  const received = aReceivedApplication('2026-09-28');
  const by = { staffId: staffIdOf('approver'), name: '李华' };
  const letterKey = 'agency=ag-city/year=2026/application/2026-TEST-0001/decision-letter-v2.html';

  it('closes the case and its clocks, and counts in the row of its outcome and the applicant’s column', () => {
    const change = issueDecision(
      received.application,
      received.reply,
      decisions.notDisclosed(),
      by,
      letterKey,
      on('2026-10-20'),
    );
    expect(change.application).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'not_disclosed',
        reason: 'state_secret',
        decidedOn: '2026-10-20',
        decidedBy: by,
        letterKey,
      },
    });
    expect(change.replyOpen).toBe(false);
    expect(change.reply).toEqual(received.reply);
    expect(change.event).toEqual({
      type: 'decision_made',
      data: {
        outcome: 'not_disclosed',
        row: 'not_disclosed.state_secret',
        decidedOn: '2026-10-20',
        onTime: true,
        letterKey,
      },
    });
    expect(change.statistics).toEqual([
      { year: 2026, cell: 'decided.not_disclosed.state_secret.natural_person' },
    ]);
  });

  it('a decision after the due date is recorded as late', () => {
    const change = issueDecision(
      received.application,
      received.reply,
      decisions.disclosed(),
      by,
      letterKey,
      on('2026-11-02'),
    );
    expect(change.event.data).toMatchObject({ onTime: false, row: 'disclosed' });
  });

  it('a partial disclosure counts in its one row, whatever it withheld', () => {
    const change = issueDecision(
      aReceivedApplication('2026-09-28', { applicant: anOrganisation('legal_service_agency') }).application,
      received.reply,
      decisions.partiallyDisclosed(anUploadKey(1)),
      by,
      letterKey,
      on('2026-10-20'),
    );
    expect(change.statistics).toEqual([
      { year: 2026, cell: 'decided.partially_disclosed.legal_service_agency' },
    ]);
  });

  it('counts in the year decided, not the year received', () => {
    const december = aReceivedApplication('2025-12-29');
    const change = issueDecision(
      december.application,
      december.reply,
      decisions.disclosed(),
      by,
      letterKey,
      on('2026-01-05'),
    );
    expect(change.statistics).toEqual([{ year: 2026, cell: 'decided.disclosed.natural_person' }]);
  });

  it('stops every clock still waiting for someone: the supplement, the consulted parties, the fee', () => {
    const waiting = anApplication({
      status: 'consulting',
      clarification: {
        requestedOn: '2026-09-30',
        items: ['项目名称'],
        dueDate: '2026-10-27',
        periodWorkingDays: 15,
        delivery: { method: 'online', deliveredOn: '2026-09-30' },
        supplementedOn: null,
        supplement: null,
        supplementAttachments: [],
        lapsedOn: null,
        reopenings: [],
      },
      consultations: [aConsultation({ id: 'c1', repliedOn: '2026-10-20' }), aConsultation({ id: 'c2' })],
      fee: {
        method: 'by_piece',
        units: 11,
        pieces: null,
        amountYuan: 100,
        noticeOn: '2026-09-30',
        dueDate: '2026-11-03',
        delivery: { method: 'online', deliveredOn: '2026-09-30' },
        explanation: '超出合理范围',
        paidOn: null,
      },
    });
    expect(closeSideClocks(waiting)).toEqual([
      { name: CLARIFICATION_CLOCK, open: false },
      { name: 'consultation-c2', open: false },
      { name: FEE_CLOCK, open: false },
    ]);
    // The consultations answered (a decision waits for them), the supplement and the fee still owed.
    const answered = {
      ...waiting,
      status: 'awaiting_fee' as const,
      consultations: waiting.consultations.map((consultation) => ({
        ...consultation,
        repliedOn: '2026-10-20',
        answer: 'consent' as const,
      })),
    };
    expect(
      issueDecision(answered, received.reply, decisions.disclosed(), by, letterKey, on('2026-10-21')).clocks,
    ).toEqual([
      { name: CLARIFICATION_CLOCK, open: false },
      { name: FEE_CLOCK, open: false },
    ]);
  });

  it.each(['in_progress', 'awaiting_clarification', 'awaiting_fee', 'suspended'] as const)(
    'may be made while the application is %s',
    (status) => {
      const change = issueDecision(
        anApplication({ status }),
        received.reply,
        decisions.disclosed(),
        by,
        letterKey,
        on('2026-10-20'),
      );
      expect(change.application.status).toBe('decided');
    },
  );

  it.each(['awaiting_confirmation', 'decided', 'withdrawn'] as const)(
    'is refused when %s: a case is decided once',
    (status) => {
      expect(() =>
        issueDecision(
          anApplication({ status }),
          received.reply,
          decisions.disclosed(),
          by,
          letterKey,
          on('2026-10-20'),
        ),
      ).toThrow(WrongStateError);
    },
  );

  it('a refusal without its legal basis and reasons is a rule violation naming both (seed 002 §17(3))', () => {
    const bare = DecisionInput.parse({ outcome: 'not_disclosed', reason: 'process_information' });
    expect(() =>
      issueDecision(received.application, received.reply, bare, by, letterKey, on('2026-10-20')),
    ).toThrow(
      expect.objectContaining({
        code: 'decision-incomplete',
        status: 422,
        errors: [
          { path: 'body.legalBasis', message: 'is required for this outcome (seed 002 §17(3))' },
          { path: 'body.reasons', message: 'is required for this outcome' },
        ],
      }),
    );
  });

  it('a disclosure without files says where it is published, or how and when to obtain it (Reg. 36, 40)', () => {
    const problems = (input: unknown) => checkDecision(DecisionInput.parse(input), '2026-10-20');
    const inspection = {
      method: 'inspection',
      place: '本机关档案室',
      from: '2026-10-21',
      until: '2026-10-30',
    };
    expect(problems({ outcome: 'disclosed', access: [inspection] })).toEqual([]);
    expect(problems({ outcome: 'disclosed', published: { publicationId: 'pub_0123456789ab' } })).toEqual([]);
    expect(
      problems({ outcome: 'disclosed', published: { where: '市政府公报', publishedOn: '2026-10-20' } }),
    ).toEqual([]);
    expect(
      problems({ outcome: 'disclosed', published: { where: '市政府公报', publishedOn: '2026-10-21' } }),
    ).toEqual([
      {
        path: 'body.published.publishedOn',
        message:
          'must be on or before the decision (2026-10-20): information to be published later is not already published',
      },
    ]);
    expect(
      problems({
        outcome: 'disclosed',
        published: { publicationId: 'pub_0123456789ab' },
        publishedAt: '门户网站',
      }),
    ).toEqual([
      {
        path: 'body.publishedAt',
        message:
          'is no longer accepted: give published as {publicationId} for a reading-room publication, or {where, publishedOn} for one elsewhere (Reg. 36(1))',
      },
    ]);
    expect(
      problems({
        outcome: 'disclosed',
        access: [
          { ...inspection, from: '2026-10-19' },
          { ...inspection, method: 'copying', until: '2026-10-20' },
          { method: 'post', sendBy: '2026-10-19' },
          { method: 'electronic', sendBy: '2026-10-20', to: 'a@example.cn' },
        ],
      }),
    ).toEqual([
      { path: 'body.access.0.from', message: 'must be the day of the decision (2026-10-20) or later' },
      { path: 'body.access.1.until', message: 'must not be before from' },
      { path: 'body.access.2.sendBy', message: 'must be the day of the decision (2026-10-20) or later' },
    ]);
    const partial = {
      outcome: 'partially_disclosed',
      withheldBecause: 'state_secret',
      legalBasis: '第三十七条',
      reasons: '区分处理',
    };
    expect(problems({ ...partial, access: [inspection] })).toEqual([]);
    expect(problems({ ...partial, access: [{ method: 'post', sendBy: '2026-10-01' }] })).toEqual([
      { path: 'body.access.0.sendBy', message: 'must be the day of the decision (2026-10-20) or later' },
    ]);
    // The shapes: at least one way; each way with what it needs; a reference of one kind.
    for (const bad of [
      { outcome: 'disclosed', access: [] },
      { outcome: 'disclosed', access: [{ method: 'fax', sendBy: '2026-10-21' }] },
      { outcome: 'disclosed', access: [{ method: 'post' }] },
      { outcome: 'disclosed', access: [{ method: 'inspection', place: '档案室', from: '2026-10-21' }] },
      { outcome: 'disclosed', published: { publicationId: 'pub_0123456789ab', where: '公报' } },
      { outcome: 'disclosed', published: { where: '公报', publishedOn: '2026-10-20', url: 'ftp://x.cn' } },
      { outcome: 'disclosed', published: { publicationId: 'pub_1' } },
    ])
      expect(DecisionInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('what each outcome must carry', () => {
    const paths = (input: unknown) =>
      checkDecision(DecisionInput.parse(input), '2026-10-20').map((error) => error.path);
    expect(paths({ outcome: 'disclosed' })).toEqual(['body.releasedFiles']);
    expect(checkDecision(DecisionInput.parse({ outcome: 'disclosed' }), '2026-10-20')[0]?.message).toBe(
      'must list the released files, or published must say where it is published (Reg. 36(1)), or access how and when to obtain it (Reg. 36(2), 40)',
    );
    // A decision of old, in the staff's own words, is read and printed (decision-letter tests), never taken anew.
    expect(paths({ outcome: 'disclosed', publishedAt: '门户网站' })).toEqual(['body.publishedAt']);
    expect(
      paths({ outcome: 'disclosed', published: { where: '门户网站', publishedOn: '2026-10-20' } }),
    ).toEqual([]);
    expect(
      paths({
        outcome: 'partially_disclosed',
        withheldBecause: 'state_secret',
        legalBasis: '第三十七条',
        reasons: '区分处理',
      }),
    ).toEqual(['body.releasedFiles']);
    expect(
      paths({ outcome: 'cannot_provide', reason: 'not_held', legalBasis: '第三十六条', reasons: '不掌握' }),
    ).toEqual(['body.heldBy']);
    expect(
      paths({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: null,
        legalBasis: '第三十六条',
        reasons: '不掌握',
      }),
    ).toEqual([]);
    // A lapse the rules name is its own reason; "other" is not.
    expect(paths({ outcome: 'otherwise_handled', reason: 'fee_unpaid' })).toEqual([]);
    expect(paths({ outcome: 'otherwise_handled', reason: 'other' })).toEqual([
      'body.legalBasis',
      'body.reasons',
    ]);
    expect(
      paths({ outcome: 'not_processed', reason: 'repeated_application', legalBasis: '第三十六条第（六）项' }),
    ).toEqual(['body.reasons']);
  });
});

describe('withdrawal by the applicant', () => {
  const received = aReceivedApplication('2026-09-28');

  it('closes a received application and counts it as otherwise handled, in the year withdrawn', () => {
    const change = withdraw(
      received.application,
      received.reply,
      { reason: '已通过其他途径获取' },
      on('2027-01-04'),
    );
    expect(change.application).toMatchObject({
      status: 'withdrawn',
      withdrawal: { on: '2027-01-04', reason: '已通过其他途径获取' },
    });
    expect(change).toMatchObject({ replyOpen: false, clocks: [] });
    expect(change.reply).toEqual(received.reply);
    expect(change.event).toEqual({ type: 'application_withdrawn', data: { reason: '已通过其他途径获取' } });
    expect(change.statistics).toEqual([
      { year: 2027, cell: 'decided.otherwise_handled.other.natural_person' },
    ]);
  });

  it('an application never received is withdrawn without being counted', () => {
    const submitted = anOnlineSubmission('2026-09-27');
    const change = withdraw(submitted, null, {}, on('2026-09-28'));
    expect(change).toMatchObject({ reply: null, statistics: [] });
    expect(change.clocks).toEqual([
      { name: CONFIRMATION_CLOCK, open: false },
      { name: CONFIRMATION_REMINDER_CLOCK, open: false },
    ]);
    expect(change.application.withdrawal).toEqual({ on: '2026-09-28', reason: null });
    expect(change.event.data).toEqual({ reason: null });
  });

  it('stops the clocks waiting for the applicant', () => {
    const asked = requestClarification(
      received.application,
      received.reply,
      { items: ['项目名称'] },
      on('2026-09-30'),
    );
    expect(withdraw(asked.application, asked.reply, {}, on('2026-10-09')).clocks).toEqual([
      { name: CLARIFICATION_CLOCK, open: false },
    ]);
  });

  it.each(['decided', 'withdrawn'] as const)('is refused once the application is %s', (status) => {
    expect(() => withdraw(anApplication({ status }), received.reply, {}, on('2026-10-09'))).toThrow(
      WrongStateError,
    );
  });
});

describe('assignment of the handler (承办人)', () => {
  const received = aReceivedApplication('2026-09-28');
  const clerk = { staffId: staffIdOf('clerk1'), name: '刘备', email: 'liubei@test.example.cn' };

  it('names the handler, and the previous one on the timeline; the reply clock is left as it is', () => {
    const first = assign(received.application, clerk, on('2026-09-29'));
    expect(first.application.assignee).toEqual({ ...clerk, assignedOn: '2026-09-29' });
    expect(first).toMatchObject({ reply: null, replyOpen: true, clocks: [], statistics: [] });
    expect(first.event).toEqual({
      type: 'handler_assigned',
      data: { staffId: clerk.staffId, name: '刘备', previous: null },
    });
    const second = assign(
      first.application,
      { staffId: staffIdOf('clerk2'), name: '关羽', email: null },
      on('2026-10-09'),
    );
    expect(second.event.data).toEqual({
      staffId: staffIdOf('clerk2'),
      name: '关羽',
      previous: clerk.staffId,
    });
  });

  it('an application not yet received has no reply clock to keep open', () => {
    const submitted = anOnlineSubmission('2026-09-27');
    expect(assign(submitted, clerk, on('2026-09-28')).replyOpen).toBe(false);
  });

  it.each(['decided', 'withdrawn'] as const)('is refused once the application is %s', (status) => {
    expect(() => assign(anApplication({ status }), clerk, on('2026-10-09'))).toThrow(WrongStateError);
  });
});

describe('the system steps when a period lapses', () => {
  it('a lapse decision needs the period that lapsed', () => {
    expect(() => lapseDecision(anApplication({ clarification: null }), { kind: 'no-supplement' })).toThrow(
      /No clarification was requested/,
    );
    expect(() => lapseDecision(anApplication({ fee: null }), { kind: 'fee-unpaid' })).toThrow(
      /No fee was asked for/,
    );
  });

  it('no step applies to a case in another state', () => {
    const inProgress = anApplication();
    expect(systemStepApplies(inProgress, { kind: 'no-supplement' })).toBe(false);
    expect(systemStepApplies(inProgress, { kind: 'fee-unpaid' })).toBe(false);
    expect(systemStepApplies(inProgress, { kind: 'consultation-lapsed', consultationId: 'c1' })).toBe(false);
  });
});

describe('the case’s copies of its clocks’ due dates', () => {
  const base = anApplication({
    status: 'consulting',
    clarification: {
      requestedOn: '2026-09-30',
      items: ['项目名称'],
      dueDate: '2026-10-27',
      periodWorkingDays: 15,
      delivery: { method: 'online', deliveredOn: '2026-09-30' },
      supplementedOn: '2026-10-09',
      supplement: '补充',
      supplementAttachments: [],
      lapsedOn: null,
      reopenings: [],
    },
    consultations: [aConsultation({ id: 'c1' }), aConsultation({ id: 'c2' })],
    fee: {
      method: 'by_piece',
      units: 11,
      pieces: null,
      amountYuan: 100,
      noticeOn: '2026-09-30',
      dueDate: '2026-11-03',
      delivery: { method: 'online', deliveredOn: '2026-09-30' },
      explanation: '超出合理范围',
      paidOn: null,
    },
  });

  it('a recomputed clock updates the one date that shows it', () => {
    expect(withClockDueDate(base, 'reply', '2027-01-14', false)).toEqual({
      ...base,
      dueDate: '2027-01-14',
      provisional: false,
    });
    expect(withClockDueDate(base, CLARIFICATION_CLOCK, '2026-10-28', false).clarification?.dueDate).toBe(
      '2026-10-28',
    );
    expect(withClockDueDate(base, FEE_CLOCK, '2026-11-04', false).fee?.dueDate).toBe('2026-11-04');
    const unconfirmed = { ...base, confirmation: { dueDate: '2026-09-30', workingDays: 3 } };
    expect(withClockDueDate(unconfirmed, CONFIRMATION_CLOCK, '2026-10-08', false).confirmation).toEqual({
      dueDate: '2026-10-08',
      workingDays: 3,
    });
    const consulted = withClockDueDate(base, 'consultation-c2', '2026-11-05', false);
    expect(consulted.consultations.map((c) => c.dueDate)).toEqual(['2026-11-02', '2026-11-05']);
  });

  it('a clock the case does not show leaves it unchanged', () => {
    const bare: Application = { ...base, clarification: null, fee: null, confirmation: null };
    expect(withClockDueDate(bare, CLARIFICATION_CLOCK, '2026-10-28', false)).toEqual(bare);
    expect(withClockDueDate(bare, CONFIRMATION_CLOCK, '2026-10-28', false)).toEqual(bare);
    expect(withClockDueDate(bare, CONFIRMATION_REMINDER_CLOCK, '2026-10-28', false)).toEqual(bare);
    expect(withClockDueDate(bare, FEE_CLOCK, '2026-10-28', false)).toEqual(bare);
  });

  it('open and closed statuses', () => {
    expect(ALL_STATUSES.filter(isOpen)).toEqual(OPEN_STATUSES);
    expect(isOpen('decided')).toBe(false);
    expect(isOpen('withdrawn')).toBe(false);
  });

  it('an application read without a policy is handled under the Regulations’ defaults', () => {
    expect(policyOf(anApplication({ policy: null }))).toEqual(DEFAULT_POLICY);
    expect(() => requireReply(null)).toThrow(WrongStateError);
  });
});
