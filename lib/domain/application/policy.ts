import * as z from 'zod';
import { CivilDate } from '../calendar/civil-date';
import { RuleViolationError, type FieldError } from '../errors';

/**
 * An agency's time policy for applications. The Regulations set the outer limits (Reg. 33: reply in 20
 * working days, extend by at most 20); an agency may be stricter (seed 000: 7 + 15), never looser.
 * The policy in force on the date of receipt applies to an application for its whole life.
 *
 * Stricter is about the agency's own time. The time the rules give the other side is theirs, and an
 * agency cannot shorten it: the consulted party's 15 working days (Reg. 32, 34), the applicant's 20 working
 * days to pay a fee notice (《政府信息公开信息处理费管理办法》, 2020, and the provincial rules).
 */
export const REGULATION_LIMITS = {
  replyWorkingDays: 20,
  maxExtensionWorkingDays: 20,
  clarificationWindowWorkingDays: 7,
  /** The consulted party's time (Reg. 32, 34): not shorter, and not longer at the applicant's cost (Reg. 33 ¶2). */
  consultationWorkingDays: 15,
  /** The applicant's time to pay, at least; an agency may give more. */
  minFeePaymentWorkingDays: 20,
} as const;

/**
 * The policy as set and as kept. Policies set before the other side's time was protected may hold fewer
 * days for it: they still read, and `lawful` gives the other side its time whatever they say.
 */
export const DisclosurePolicy = z.strictObject({
  effectiveFrom: CivilDate,
  replyWorkingDays: z
    .int()
    .min(1)
    .max(
      REGULATION_LIMITS.replyWorkingDays,
      `must be at most ${REGULATION_LIMITS.replyWorkingDays} (Reg. 33)`,
    ),
  maxExtensionWorkingDays: z
    .int()
    .min(0)
    .max(
      REGULATION_LIMITS.maxExtensionWorkingDays,
      `must be at most ${REGULATION_LIMITS.maxExtensionWorkingDays} (Reg. 33)`,
    ),
  /** The applicant's time to pay a fee notice, from its delivery (at least 20 working days). */
  feePaymentWorkingDays: z.int().min(1).max(60),
  /** The default period given to the applicant to supplement an unclear request. */
  clarificationPeriodWorkingDays: z.int().min(1).max(60),
  /** Days the consulted third party or agency has to answer, from delivery (Reg. 32, 34: 15 working days). */
  consultationWorkingDays: z.int().min(1).max(15, 'must be at most 15 (Reg. 32)'),
  /** Proactive disclosure: publish within this many working days of being formed or changed (Reg. 26: 20). */
  publicationWorkingDays: z.int().min(1).max(20, 'must be at most 20 (Reg. 26)').default(20),
  /**
   * Agency policy, not law: the working days within which the office confirms an online application.
   * Reg. 31(3) makes the day of confirmation the date of receipt and sets no limit; an unconfirmed
   * application is on no legal clock, so the sweep reminds after 1 working day and records
   * `confirmation_overdue` after this limit. Policies stored before it existed read the default.
   */
  confirmationWorkingDays: z
    .int()
    .min(1)
    .max(20, 'must be at most 20 (the platform bound: no longer than the reply period itself)')
    .default(3)
    .describe('Agency policy, not law (Reg. 31(3) sets no limit): confirm online applications within this'),
});
export type DisclosurePolicy = z.infer<typeof DisclosurePolicy>;

export const DEFAULT_POLICY: DisclosurePolicy = {
  effectiveFrom: '2004-01-01',
  replyWorkingDays: 20,
  maxExtensionWorkingDays: 20,
  feePaymentWorkingDays: 20,
  clarificationPeriodWorkingDays: 15,
  consultationWorkingDays: 15,
  publicationWorkingDays: 20,
  confirmationWorkingDays: 3,
};

/** Where a policy would cut the other side's time, field by field (empty when it does not). */
export function othersTimeCut(policy: DisclosurePolicy): FieldError[] {
  const cuts: FieldError[] = [];
  if (policy.consultationWorkingDays < REGULATION_LIMITS.consultationWorkingDays)
    cuts.push({
      path: 'body.policy.consultationWorkingDays',
      message: `must be ${REGULATION_LIMITS.consultationWorkingDays}: the consulted party's time (Reg. 32, 34)`,
    });
  if (policy.feePaymentWorkingDays < REGULATION_LIMITS.minFeePaymentWorkingDays)
    cuts.push({
      path: 'body.policy.feePaymentWorkingDays',
      message: `must be at least ${REGULATION_LIMITS.minFeePaymentWorkingDays}: the applicant's time to pay (fee rules)`,
    });
  return cuts;
}

/** A policy is set only if it leaves the other side its time. */
export function requireOthersTimeKept(policy: DisclosurePolicy): void {
  const cuts = othersTimeCut(policy);
  if (cuts.length > 0)
    throw new RuleViolationError(
      'policy-shortens-period',
      'An agency policy cannot shorten the time the rules give the consulted party or the applicant.',
      cuts,
    );
}

/** The policy as it applies: the other side keeps its time, whatever an older policy says. */
export function lawful(policy: DisclosurePolicy): DisclosurePolicy {
  if (othersTimeCut(policy).length === 0) return policy;
  return {
    ...policy,
    consultationWorkingDays: REGULATION_LIMITS.consultationWorkingDays,
    feePaymentWorkingDays: Math.max(policy.feePaymentWorkingDays, REGULATION_LIMITS.minFeePaymentWorkingDays),
  };
}

/** The policy in force on `date`: the latest one effective on or before it, as it lawfully applies. */
export function policyOn(policies: readonly DisclosurePolicy[], date: string): DisclosurePolicy {
  let chosen = DEFAULT_POLICY;
  for (const policy of policies)
    if (policy.effectiveFrom <= date && policy.effectiveFrom >= chosen.effectiveFrom) chosen = policy;
  return lawful(chosen);
}
