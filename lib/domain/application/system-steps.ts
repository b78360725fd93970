import { WrongStateError } from '../errors';
import type { Application, Decision } from './application';
import type { DecisionInput } from './outcomes';

/**
 * The steps the rules prescribe when the other side lets a period lapse, taken by the daily sweep:
 * - no supplement in time (Reg. 30): deemed abandoned only without a good reason (无正当理由), which is
 *   the handler's to judge — the case waits for their review (abandonment.ts, `abandonmentPending`);
 * - a fee notice unpaid in time (《政府信息公开信息处理费管理办法》 and the provincial rules): no longer
 *   handled — closed as "otherwise handled" (其他处理), with a decision letter;
 * - a consulted party silent for its 15 working days (Reg. 32: the agency decides; Reg. 34: silence is
 *   consent): the reply clock runs again (consultation.ts, `consultationLapsed`).
 */
export type SystemStep =
  | { kind: 'no-supplement' }
  | { kind: 'fee-unpaid' }
  | { kind: 'consultation-lapsed'; consultationId: string };

/** A lapse whose decision closes the application (no supplement: once the handler finds no good reason). */
export type LapseStep = Extract<SystemStep, { kind: 'no-supplement' | 'fee-unpaid' }>;

/** Who signs what the sweep decides, on the letter and in the timeline. */
export const SWEEP_SIGNATURE: Decision['decidedBy'] = { staffId: 'system', name: '合规巡查（自动）' };

/**
 * Whether the step still applies: the sweep acts on a lapsed clock, and the case may have moved on
 * meanwhile (supplemented, paid, answered, decided or withdrawn): then nothing is to be done.
 */
export function systemStepApplies(application: Application, step: SystemStep): boolean {
  switch (step.kind) {
    case 'no-supplement':
      return (
        application.status === 'awaiting_clarification' && application.clarification?.supplementedOn === null
      );
    case 'fee-unpaid':
      return application.status === 'awaiting_fee' && application.fee?.paidOn === null;
    case 'consultation-lapsed':
      return (
        application.status === 'consulting' &&
        application.consultations.some(
          (consultation) => consultation.id === step.consultationId && consultation.repliedOn === null,
        )
      );
  }
}

/** The decision a lapse makes: "otherwise handled", with its legal basis and reasons (RULES §2, outcome 6). */
export function lapseDecision(application: Application, step: LapseStep): DecisionInput {
  switch (step.kind) {
    case 'no-supplement': {
      // Reg. 30: no supplement within the period without a good reason = deemed abandoned.
      const dueDate = application.clarification?.dueDate;
      if (dueDate === undefined) throw new WrongStateError('No clarification was requested.');
      return {
        outcome: 'otherwise_handled',
        reason: 'no_supplement',
        legalBasis: '《中华人民共和国政府信息公开条例》第三十条',
        reasons: `申请人未在补正期限（${dueDate}）内补正，且无正当理由，视为放弃申请，行政机关不再处理。`,
      };
    }
    case 'fee-unpaid': {
      // 《政府信息公开信息处理费管理办法》 (2020): unpaid by the notice's deadline = no longer handled.
      const dueDate = application.fee?.dueDate;
      if (dueDate === undefined) throw new WrongStateError('No fee was asked for.');
      return {
        outcome: 'otherwise_handled',
        reason: 'fee_unpaid',
        legalBasis: '《政府信息公开信息处理费管理办法》',
        reasons: `申请人未在缴费期限（${dueDate}）内缴纳信息处理费，行政机关不再处理。`,
      };
    }
  }
}

/**
 * What the applicant is told once the step is taken: nothing when the period to supplement lapsed, as
 * nothing is final until the handler has reviewed it (their decision letter then says it).
 */
export function applicantNoticeOf(step: SystemStep): string | null {
  switch (step.kind) {
    case 'no-supplement':
      return null;
    case 'fee-unpaid':
      return '您未在缴费期限内缴纳信息处理费，本机关不再处理该申请。';
    case 'consultation-lapsed':
      return '征求意见期限已届满，本机关恢复办理您的申请。';
  }
}
