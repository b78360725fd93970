import { describe, expect, it } from 'vitest';
import { Application } from '#lib/domain/application/application';
import { askForReasons, recordReasons, setLaterReplyDate } from '#lib/domain/application/volume-review';
import { suspend } from '#lib/domain/application/reply-clock';
import { evaluateClock } from '#lib/domain/calendar/clock';
import { WrongStateError } from '#lib/domain/errors';
import { applicationStatus, reasonsByApplicant } from '#lib/use-cases/applications/applicant';
import { act, registerApplication, type StaffAction } from '#lib/use-cases/applications/casework';
import {
  aPrincipal,
  aReceivedApplication,
  aRegistration,
  anAgency,
  anApplication,
  calendar,
  cst,
  on,
} from '#test/support/factories';
import { applicationCase, givenAgency, inMemoryWorld } from '#test/support/fakes';

/**
 * Reg. 35: a request whose number or frequency is clearly beyond reason. The agency may ask the applicant
 * for reasons; on reasonable reasons that cannot be answered within the period, it sets a reasonable later
 * reply date and tells the applicant. The running example is a letter received on 2026-09-28, due
 * 2026-10-30.
 */

const question = '您本月已提交37件申请，请说明申请的用途和理由';
const reasons = '为撰写本市河道治理研究报告，需要逐年核对各区的环评批复';
const laterDate = { dueDate: '2026-11-30', reason: '涉及十年间的档案，需要调卷核对' };
const head = 'stf_head0000000000000000';

/** Asked on 10-09, answered on 10-12. */
function answered() {
  const received = aReceivedApplication('2026-09-28');
  const asked = askForReasons(received.application, { question }, on('2026-10-09'));
  return {
    ...received,
    application: recordReasons(asked.application, { reasons }, on('2026-10-12')).application,
  };
}

describe('asking for reasons (Reg. 35)', () => {
  it('records the question and the day; the reply clock runs on', () => {
    const received = aReceivedApplication('2026-09-28');
    const asked = askForReasons(received.application, { question }, on('2026-10-09'));
    expect(asked.application).toMatchObject({
      status: 'in_progress',
      dueDate: '2026-10-30',
      volumeReview: {
        requestedOn: '2026-10-09',
        question,
        answeredOn: null,
        reasons: null,
        laterReply: null,
      },
    });
    // Nothing stops: the reply clock is left as it is.
    expect(asked.reply).toBeNull();
    expect(asked.replyOpen).toBe(true);
    expect(asked.event).toEqual({ type: 'reasons_requested', data: { question, applicantTold: true } });
  });

  it('asks once, and only while the application is being handled', () => {
    const received = aReceivedApplication('2026-09-28');
    const asked = askForReasons(received.application, { question }, on('2026-10-09'));
    expect(() => askForReasons(asked.application, { question }, on('2026-10-10'))).toThrow(WrongStateError);
    expect(() =>
      askForReasons(anApplication({ status: 'awaiting_clarification' }), { question }, on('2026-10-09')),
    ).toThrow(WrongStateError);
  });

  it('records the applicant’s reasons once, and not before they were asked for', () => {
    const received = aReceivedApplication('2026-09-28');
    expect(() => recordReasons(received.application, { reasons }, on('2026-10-12'))).toThrow(
      /was not asked for reasons/,
    );
    const { application } = answered();
    expect(application.volumeReview).toMatchObject({ answeredOn: '2026-10-12', reasons });
    expect(() => recordReasons(application, { reasons }, on('2026-10-13'))).toThrow(WrongStateError);
  });

  it('applications stored before Reg. 35 was recorded read as never asked', () => {
    const { volumeReview: _none, ...older } = anApplication();
    expect(Application.parse(older).volumeReview).toBeNull();
  });
});

describe('a reasonable later reply date (Reg. 35)', () => {
  it('moves the reply clock to the date set, records it and tells the applicant', () => {
    const { application, reply } = answered();
    const set = setLaterReplyDate(application, reply, laterDate, head, on('2026-10-20'));
    expect(set.application).toMatchObject({
      dueDate: '2026-11-30',
      volumeReview: {
        laterReply: {
          setOn: '2026-10-20',
          dueDate: '2026-11-30',
          reason: laterDate.reason,
          approvedBy: head,
        },
      },
    });
    expect(set.reply).toMatchObject({ status: 'running', dueDate: '2026-11-30' });
    expect(set.reply?.steps.at(-1)).toMatchObject({
      event: { type: 'reschedule', dueDate: '2026-11-30' },
      dueDate: '2026-11-30',
    });
    expect(set.event).toEqual({
      type: 'reply_date_set',
      data: {
        reason: laterDate.reason,
        previousDueDate: '2026-10-30',
        dueDate: '2026-11-30',
        applicantTold: true,
      },
    });
    // Once.
    expect(() => setLaterReplyDate(set.application, set.reply, laterDate, head, on('2026-10-21'))).toThrow(
      WrongStateError,
    );
  });

  it('a date that falls on a day off ends on the next working day', () => {
    const { application, reply } = answered();
    // Saturday 2026-11-28 → Monday 2026-11-30.
    const set = setLaterReplyDate(
      application,
      reply,
      { ...laterDate, dueDate: '2026-11-28' },
      head,
      on('2026-10-20'),
    );
    expect(set.application.dueDate).toBe('2026-11-30');
  });

  it('rests on the applicant’s reasons: without them it is 422', () => {
    const received = aReceivedApplication('2026-09-28');
    const asked = askForReasons(received.application, { question }, on('2026-10-09'));
    for (const application of [received.application, asked.application])
      expect(() => setLaterReplyDate(application, received.reply, laterDate, head, on('2026-10-20'))).toThrow(
        expect.objectContaining({ code: 'later-reply-date' }),
      );
  });

  it('comes after the current due date, and is set before it passes', () => {
    const { application, reply } = answered();
    expect(() =>
      setLaterReplyDate(application, reply, { ...laterDate, dueDate: '2026-10-30' }, head, on('2026-10-20')),
    ).toThrow(
      expect.objectContaining({
        code: 'later-reply-date',
        errors: [{ path: 'body.dueDate', message: 'must be after 2026-10-30' }],
      }),
    );
    expect(() => setLaterReplyDate(application, reply, laterDate, head, on('2026-11-02'))).toThrow(
      expect.objectContaining({ code: 'deadline-passed' }),
    );
    // On the due date itself it can still be set.
    expect(setLaterReplyDate(application, reply, laterDate, head, on('2026-10-30')).application.dueDate).toBe(
      '2026-11-30',
    );
  });

  it('is not set on a stopped clock', () => {
    const { application, reply } = answered();
    const stopped = suspend(application, reply, { reason: '台风' }, on('2026-10-13'));
    expect(() =>
      setLaterReplyDate(
        { ...application, status: 'in_progress' },
        stopped.reply,
        laterDate,
        head,
        on('2026-10-20'),
      ),
    ).toThrow(WrongStateError);
    expect(() =>
      evaluateClock(calendar, [
        ...(stopped.reply?.events ?? []),
        { type: 'reschedule', on: '2026-10-20', dueDate: '2026-11-30' },
      ]),
    ).toThrow(WrongStateError);
  });

  it('never ends the period earlier than it would end by itself (a clock replayed on a changed calendar)', () => {
    const replayed = evaluateClock(calendar, [
      { type: 'start', on: '2026-09-28', workingDays: 20 },
      { type: 'reschedule', on: '2026-10-20', dueDate: '2026-10-29' },
    ]);
    expect(replayed.dueDate).toBe('2026-10-30');
    expect(replayed.steps.at(-1)).toMatchObject({ event: { type: 'reschedule' }, dueDate: '2026-10-30' });
  });

  it('is refused when the application is not being handled', () => {
    const { reply } = answered();
    expect(() =>
      setLaterReplyDate(anApplication({ status: 'consulting' }), reply, laterDate, head, on('2026-10-20')),
    ).toThrow(WrongStateError);
    expect(() => setLaterReplyDate(anApplication(), null, laterDate, head, on('2026-10-20'))).toThrow(
      WrongStateError,
    );
  });
});

describe('the whole exchange, and what the applicant sees (use cases)', () => {
  it('the question, the reasons and the later reply date are recorded and shown on the status page', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    const { trackingNumber } = await registerApplication(
      world.applicationDeps,
      aPrincipal(['clerk']),
      'ag-city',
      aRegistration({ receivedOn: '2026-09-28' }),
      cst('2026-09-28'),
    );
    const staffAct = (action: StaffAction, today: string) =>
      act(world.applicationDeps, aPrincipal(['clerk']), 'ag-city', trackingNumber, action, cst(today));
    await staffAct({ kind: 'reasons-request', input: { question } }, '2026-10-09');
    const asked = await applicationStatus(world.applicationDeps, trackingNumber, 'token-1');
    expect(asked.requests).toEqual([
      { kind: 'reasons', question, sentOn: '2026-10-09', answered: false, answeredOn: null },
    ]);
    expect(asked.dueDate).toBe('2026-10-30');

    const given = await reasonsByApplicant(
      world.applicationDeps,
      trackingNumber,
      'token-1',
      { reasons },
      cst('2026-10-12'),
    );
    expect(given.requests).toEqual([
      { kind: 'reasons', question, sentOn: '2026-10-09', answered: true, answeredOn: '2026-10-12' },
    ]);
    const view = await act(
      world.applicationDeps,
      aPrincipal(['approver'], { staffId: head }),
      'ag-city',
      trackingNumber,
      { kind: 'later-reply-date', input: laterDate },
      cst('2026-10-20'),
    );
    expect(view).toMatchObject({
      dueDate: '2026-11-30',
      volumeReview: { reasons, laterReply: { approvedBy: head } },
    });
    // The sweep reads the clock: it is due on the later date.
    expect(world.records.clock(applicationCase(trackingNumber), 'reply')?.state.dueDate).toBe('2026-11-30');

    const page = await applicationStatus(world.applicationDeps, trackingNumber, 'token-1');
    expect(page.laterReplyDate).toEqual({
      dueDate: '2026-11-30',
      setOn: '2026-10-20',
      reason: laterDate.reason,
    });
    expect(page.dueDate).toBe('2026-11-30');
    expect(page.dueDateExplained.at(-1)).toMatchObject({
      step: 'reschedule',
      setTo: '2026-11-30',
      dueDate: '2026-11-30',
    });
    expect(page.timeline.map((entry) => entry.type)).toEqual([
      'application_registered',
      'reasons_requested',
      'reasons_received',
      'reply_date_set',
    ]);
    expect(page.timeline.at(-1)).toMatchObject({
      description: '申请理由合理，但无法在规定期限内答复，已确定延迟答复的合理期限',
      dueDate: '2026-11-30',
    });
  });
});
