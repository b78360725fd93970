import * as z from 'zod';
import { advanceClock, startClock, type ClockState } from '../calendar/clock';
import { RuleViolationError, WrongStateError } from '../errors';
import { freeText } from '../free-text';
import {
  ConsultationAnswer,
  consultationClock,
  ConsultedParty,
  policyOf,
  requireReply,
  requireStatus,
  withClock,
  type Application,
  type Change,
  type Consultation,
  type Context,
} from './application';
import { deliveredBy, deliveryOf } from './notice-delivery';

/**
 * Consultation (征求意见, Reg. 32, 34): a third party whose rights disclosure may harm, or an agency that
 * made the information jointly, is asked in writing and has 15 working days from receiving the letter
 * (notice-delivery.ts); the time is not counted in the reply period (Reg. 33 ¶2). Silence is a system
 * step (`consultationLapsed`, taken by the sweep).
 */
export const ConsultationInput = z.strictObject({
  party: ConsultedParty,
  name: freeText(200),
  contact: freeText(300),
  matter: freeText(2000),
  deliveredBy,
});
export type ConsultationInput = z.infer<typeof ConsultationInput>;

export const ConsultationReplyInput = z.strictObject({
  answer: ConsultationAnswer.exclude(['no_answer']),
  summary: freeText(2000),
});
export type ConsultationReplyInput = z.infer<typeof ConsultationReplyInput>;

/** What the agency will disclose against the third party's objection, and why (Reg. 32). */
export const DisclosureNoticeInput = z.strictObject({
  content: freeText(2000),
  reasons: freeText(4000),
});
export type DisclosureNoticeInput = z.infer<typeof DisclosureNoticeInput>;

/** 征求意见: a third party or co-producing agency is consulted; the time is not counted (Reg. 33 ¶2). */
export function consult(
  current: Application,
  replyClock: ClockState | null,
  input: ConsultationInput,
  consultationId: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress', 'consulting');
  const reply =
    current.status === 'in_progress'
      ? advanceClock(context.calendar, requireReply(replyClock), {
          type: 'suspend',
          on: context.today,
          reason: 'consultation',
        })
      : requireReply(replyClock);
  const period = policyOf(current).consultationWorkingDays;
  const { deliveredBy: method, ...letter } = input;
  const delivery = deliveryOf(method, context.today);
  const answerClock =
    delivery.deliveredOn === null ? null : startClock(context.calendar, delivery.deliveredOn, period);
  const consultation: Consultation = {
    id: consultationId,
    ...letter,
    sentOn: context.today,
    dueDate: answerClock?.dueDate ?? null,
    delivery,
    repliedOn: null,
    answer: null,
    summary: null,
    disclosureNotice: null,
  };
  return {
    application: {
      ...withClock(current, reply),
      status: 'consulting',
      consultations: [...current.consultations, consultation],
    },
    reply,
    replyOpen: true,
    clocks:
      answerClock === null
        ? []
        : [{ name: consultationClock(consultationId), state: answerClock, open: true }],
    event: {
      type: 'consultation_sent',
      data: {
        consultationId,
        party: input.party,
        name: input.name,
        answerBy: consultation.dueDate,
        deliveredBy: delivery.method,
      },
    },
    statistics: [],
  };
}

/**
 * Records a consultation's answer (or its silence); when it was the last one open, the reply clock runs
 * again from where it stopped.
 */
function closeConsultation(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  answer: Pick<Consultation, 'answer' | 'summary'>,
  context: Context,
): { application: Application; reply: ClockState; stillOpen: boolean } {
  const consultations = current.consultations.map((candidate) =>
    candidate.id === consultationId ? { ...candidate, repliedOn: context.today, ...answer } : candidate,
  );
  const stillOpen = consultations.some((candidate) => candidate.repliedOn === null);
  const reply = stillOpen
    ? requireReply(replyClock)
    : advanceClock(context.calendar, requireReply(replyClock), {
        type: 'resume',
        on: context.today,
        restart: false,
      });
  return {
    application: {
      ...withClock(current, reply),
      status: stillOpen ? 'consulting' : 'in_progress',
      consultations,
    },
    reply,
    stillOpen,
  };
}

/** The consulted party answers; when no consultation is left open, the clock runs again. */
export function consultationReply(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  input: ConsultationReplyInput,
  context: Context,
): Change {
  requireStatus(current, 'consulting');
  const consultation = current.consultations.find((candidate) => candidate.id === consultationId);
  if (consultation === undefined)
    throw new RuleViolationError(
      'no-such-consultation',
      `There is no consultation ${consultationId} on this application.`,
    );
  if (consultation.repliedOn !== null)
    throw new WrongStateError('This consultation has already been answered.');
  const { application, reply, stillOpen } = closeConsultation(
    current,
    replyClock,
    consultationId,
    input,
    context,
  );
  return {
    application,
    reply,
    replyOpen: true,
    // An answer before the letter's delivery was entered: its period never started.
    clocks: consultation.dueDate === null ? [] : [{ name: consultationClock(consultationId), open: false }],
    event: {
      type: 'consultation_answered',
      data: { consultationId, answer: input.answer, resumed: !stillOpen, dueDate: reply.dueDate },
    },
    statistics: [],
  };
}

/** The sweep: the consulted party let its period pass in silence; the reply clock runs again. */
export function consultationLapsed(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  context: Context,
): Change {
  requireStatus(current, 'consulting');
  const consultation = current.consultations.find((candidate) => candidate.id === consultationId);
  if (consultation === undefined || consultation.repliedOn !== null)
    throw new WrongStateError('The consultation is answered or unknown.');
  const { application, reply, stillOpen } = closeConsultation(
    current,
    replyClock,
    consultationId,
    { answer: 'no_answer', summary: null },
    context,
  );
  return {
    application,
    reply,
    replyOpen: true,
    clocks: [{ name: consultationClock(consultationId), open: false }],
    event: {
      type: 'consultation_lapsed',
      data: {
        consultationId,
        answerWasDue: consultation.dueDate,
        resumed: !stillOpen,
        dueDate: reply.dueDate,
      },
    },
    statistics: [],
  };
}

/** Third parties that objected and have not been told in writing that the agency will disclose anyway. */
export const unnotifiedObjections = (application: Pick<Application, 'consultations'>): Consultation[] =>
  application.consultations.filter(
    (consultation) =>
      consultation.party === 'third_party' &&
      consultation.answer === 'objection' &&
      consultation.disclosureNotice === null,
  );

/**
 * 书面告知第三方: the agency decides to disclose although a consulted third party objected (for the public
 * interest, Reg. 32), and tells the third party in writing what it will disclose and why — before the
 * decision letter goes out (issueDecision refuses a disclosure until it is recorded). `letterKey`: where
 * the notice is archived.
 */
export function notifyThirdParty(
  current: Application,
  replyClock: ClockState | null,
  consultationId: string,
  input: DisclosureNoticeInput,
  letterKey: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress', 'awaiting_clarification', 'consulting', 'awaiting_fee', 'suspended');
  const consultation = current.consultations.find((candidate) => candidate.id === consultationId);
  if (consultation === undefined)
    throw new RuleViolationError(
      'no-such-consultation',
      `There is no consultation ${consultationId} on this application.`,
    );
  if (consultation.party !== 'third_party' || consultation.answer !== 'objection')
    throw new RuleViolationError(
      'notice-without-objection',
      'A written notice of disclosure goes to a consulted third party that objected (Reg. 32).',
      [
        {
          path: 'params.cid',
          message:
            consultation.party !== 'third_party'
              ? 'is a consultation of a co-producing agency (Reg. 34), not of a third party'
              : consultation.answer === null
                ? 'has not been answered'
                : `was answered “${consultation.answer}”, not with an objection`,
        },
      ],
    );
  if (consultation.disclosureNotice !== null)
    throw new WrongStateError(
      `The third party was told on ${consultation.disclosureNotice.sentOn}; the notice is sent once.`,
    );
  const notice = { sentOn: context.today, ...input, letterKey };
  return {
    application: {
      ...current,
      consultations: current.consultations.map((candidate) =>
        candidate.id === consultationId ? { ...candidate, disclosureNotice: notice } : candidate,
      ),
    },
    reply: requireReply(replyClock),
    replyOpen: true,
    clocks: [],
    event: {
      type: 'third_party_notified',
      data: { consultationId, name: consultation.name, sentOn: context.today, letterKey },
    },
    statistics: [],
  };
}
