import { describe, expect, it } from 'vitest';
import { abandonmentPending } from '#lib/domain/application/abandonment';
import type { Application, Change } from '#lib/domain/application/application';
import { assign } from '#lib/domain/application/assignment';
import { requestClarification } from '#lib/domain/application/clarification';
import { consult, consultationReply, notifyThirdParty } from '#lib/domain/application/consultation';
import { issueDecision } from '#lib/domain/application/decision';
import { recordDelivery } from '#lib/domain/application/delivery';
import { feeNotice, feePayment } from '#lib/domain/application/fee-notice';
import { confirm, submitOnline } from '#lib/domain/application/intake';
import { DEFAULT_POLICY } from '#lib/domain/application/policy';
import { extend, resume, suspend } from '#lib/domain/application/reply-clock';
import { openSteps, STAFF_STEPS, type StaffStep } from '#lib/domain/application/staff-steps';
import { askForReasons, recordReasons, setLaterReplyDate } from '#lib/domain/application/volume-review';
import { reopenAbandoned } from '#lib/domain/application/abandonment';
import type { ClockState } from '#lib/domain/calendar/clock';
import { DomainError } from '#lib/domain/errors';
import {
  aReceivedApplication,
  anOnlineApplication,
  anUploadKey,
  decisions,
  ids,
  on,
  staffIdOf,
} from '#test/support/factories';

/**
 * `openSteps` says which steps a case admits; the step functions decide. On cases in every state the
 * machine reaches, each step taken with a valid input succeeds exactly when `openSteps` says it is open.
 */
type Case = { application: Application; reply: ClockState | null; today: string };
const then = (change: Change, today: string, before: ClockState | null = null): Case => ({
  application: change.application,
  // A step that leaves the reply clock alone answers none (the use case keeps the one it had).
  reply: change.reply ?? before,
  today,
});

const RECEIVED = '2026-11-02';
const received = (): Case => ({ ...aReceivedApplication(RECEIVED), today: '2026-11-04' });
const step = (state: Case, change: (c: Case) => Change, today = state.today) =>
  then(change(state), today, state.reply);

const cases: Record<string, () => Case> = {
  'awaiting confirmation': () => {
    const change = submitOnline(
      anOnlineApplication(),
      ids(),
      '2026-11-02T02:00:00Z',
      DEFAULT_POLICY,
      on(RECEIVED),
    );
    return then(change, '2026-11-03');
  },
  'in progress': received,
  'in progress, late for a clarification': () => ({ ...received(), today: '2026-11-20' }),
  'in progress, past its due date': () => ({ ...received(), today: '2026-12-15' }),
  'extended to the maximum': () =>
    step(received(), (c) =>
      extend(
        c.application,
        c.reply,
        { workingDays: 20, reason: '档案多' },
        staffIdOf('approver'),
        on(c.today),
      ),
    ),
  'awaiting a clarification': () =>
    step(received(), (c) =>
      requestClarification(c.application, c.reply, { items: ['写明年份'] }, on(c.today)),
    ),
  'a clarification sent by post': () =>
    step(received(), (c) =>
      requestClarification(c.application, c.reply, { items: ['写明年份'], deliveredBy: 'post' }, on(c.today)),
    ),
  'a lapsed clarification': () => {
    const asked = step(received(), (c) =>
      requestClarification(
        c.application,
        c.reply,
        { items: ['写明年份'], periodWorkingDays: 2 },
        on(c.today),
      ),
    );
    return step(asked, (c) => abandonmentPending(c.application, c.reply, on('2026-11-20')), '2026-11-20');
  },
  consulting: () =>
    step(received(), (c) =>
      consult(
        c.application,
        c.reply,
        { party: 'third_party', name: '某公司', contact: '电话', matter: '报价' },
        'c00000001',
        on(c.today),
      ),
    ),
  'a third party objected': () => {
    const asked = cases.consulting?.() ?? received();
    return step(asked, (c) =>
      consultationReply(
        c.application,
        c.reply,
        'c00000001',
        { answer: 'objection', summary: '不同意' },
        on(c.today),
      ),
    );
  },
  'awaiting the fee': () =>
    step(received(), (c) =>
      feeNotice(
        c.application,
        c.reply,
        { basis: { method: 'by_volume', pages: 100 }, explanation: '页数多' },
        1,
        on(c.today),
      ),
    ),
  suspended: () => step(received(), (c) => suspend(c.application, c.reply, { reason: '洪水' }, on(c.today))),
  'asked for reasons': () =>
    step(received(), (c) => askForReasons(c.application, { question: '为何申请这么多' }, on(c.today))),
  'reasons recorded': () => {
    const asked = cases['asked for reasons']?.() ?? received();
    return step(asked, (c) => recordReasons(c.application, { reasons: '研究需要' }, on(c.today)));
  },
  decided: () =>
    step(received(), (c) =>
      issueDecision(
        c.application,
        c.reply,
        decisions.notDisclosed(),
        { staffId: staffIdOf('clerk') },
        'letter',
        on(c.today),
      ),
    ),
};

/** Each step with a valid input, as the use cases take it. */
const take: Record<StaffStep, (c: Case) => Change> = {
  confirmation: (c) => confirm(c.application, DEFAULT_POLICY, on(c.today)),
  assignment: (c) =>
    assign(c.application, { staffId: staffIdOf('clerk'), name: '李四', email: null }, on(c.today)),
  'clarification-request': (c) =>
    requestClarification(c.application, c.reply, { items: ['写明年份'] }, on(c.today)),
  consultation: (c) =>
    consult(
      c.application,
      c.reply,
      { party: 'co_producing_agency', name: '某局', contact: '电话', matter: '会签' },
      'c00000002',
      on(c.today),
    ),
  'consultation-reply': (c) =>
    consultationReply(
      c.application,
      c.reply,
      c.application.consultations.find((consultation) => consultation.repliedOn === null)?.id ?? 'none',
      { answer: 'consent', summary: '同意' },
      on(c.today),
    ),
  'disclosure-notice': (c) =>
    notifyThirdParty(
      c.application,
      c.reply,
      'c00000001',
      { content: '合同金额', reasons: '公共利益' },
      'notice',
      on(c.today),
    ),
  extension: (c) =>
    extend(c.application, c.reply, { workingDays: 1, reason: '档案多' }, staffIdOf('approver'), on(c.today)),
  suspension: (c) => suspend(c.application, c.reply, { reason: '洪水' }, on(c.today)),
  resumption: (c) => resume(c.application, c.reply, {}, on(c.today)),
  'fee-notice': (c) =>
    feeNotice(
      c.application,
      c.reply,
      { basis: { method: 'by_volume', pages: 100 }, explanation: '页数多' },
      1,
      on(c.today),
    ),
  'fee-payment': (c) => feePayment(c.application, c.reply, {}, on(c.today)),
  'reasons-request': (c) => askForReasons(c.application, { question: '为何' }, on(c.today)),
  reasons: (c) => recordReasons(c.application, { reasons: '研究' }, on(c.today)),
  'later-reply-date': (c) =>
    setLaterReplyDate(
      c.application,
      c.reply,
      { dueDate: '2027-06-30', reason: '量大' },
      staffIdOf('approver'),
      on(c.today),
    ),
  delivery: (c) =>
    recordDelivery(c.application, c.reply, { notice: 'clarification', deliveredOn: c.today }, on(c.today)),
  'abandonment-review': (c) =>
    reopenAbandoned(c.application, c.reply, { verdict: 'reopened', reason: '住院' }, on(c.today)),
  decision: (c) =>
    issueDecision(
      c.application,
      c.reply,
      decisions.partiallyDisclosed(anUploadKey(1)),
      { staffId: staffIdOf('clerk') },
      'letter',
      on(c.today),
    ),
};

/** Whether the step succeeds: a refusal is a domain error (never anything else). */
function succeeds(state: Case, stepName: StaffStep): boolean {
  try {
    take[stepName](state);
    return true;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return false;
  }
}

describe('the steps a case admits (openSteps)', () => {
  for (const [name, build] of Object.entries(cases))
    it(`on a case ${name}, exactly the steps said open succeed`, () => {
      const state = build();
      const open = openSteps(state.application, on(state.today));
      const disclosure = state.application.consultations.some(
        (consultation) => consultation.answer === 'objection',
      );
      // A disclosure after an objection needs the written notice first: the decision form is still
      // offered (another outcome may be chosen), the domain refuses the disclosure until then.
      const checked = STAFF_STEPS.filter((stepName) => !(stepName === 'decision' && disclosure));
      expect(checked.filter((stepName) => succeeds(state, stepName))).toEqual(
        checked.filter((stepName) => open.has(stepName)),
      );
    });

  it('offers a decision after an objection, and the other outcomes go through', () => {
    const state = cases['a third party objected']?.() ?? received();
    expect(openSteps(state.application, on(state.today)).has('decision')).toBe(true);
    expect(() =>
      issueDecision(
        state.application,
        state.reply,
        decisions.notDisclosed(),
        { staffId: staffIdOf('clerk') },
        'letter',
        on(state.today),
      ),
    ).not.toThrow();
  });
});
