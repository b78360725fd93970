import { z } from 'zod';
import { CivilDate } from '../calendar/civil-date';

/**
 * An agency's time policy for applications. The Regulations set the outer limits (Reg. 33: reply in 20
 * working days, extend by at most 20); an agency may be stricter (seed 000: 7 + 15), never looser.
 * The policy in force on the date of receipt applies to an application for its whole life.
 */
export const REGULATION_LIMITS = {
  replyWorkingDays: 20,
  maxExtensionWorkingDays: 20,
  clarificationWindowWorkingDays: 7,
} as const;

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
  /** The applicant's time to pay a fee notice (provincial rules: 20 working days). */
  feePaymentWorkingDays: z.int().min(1).max(60),
  /** The default period given to the applicant to supplement an unclear request. */
  clarificationPeriodWorkingDays: z.int().min(1).max(60),
  /** Days the consulted third party or agency has to answer (Reg. 32, 34: 15 working days). */
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

/** The policy in force on `date`: the latest one effective on or before it. */
export function policyOn(policies: readonly DisclosurePolicy[], date: string): DisclosurePolicy {
  let chosen = DEFAULT_POLICY;
  for (const policy of policies)
    if (policy.effectiveFrom <= date && policy.effectiveFrom >= chosen.effectiveFrom) chosen = policy;
  return chosen;
}
