import { z } from 'zod';
import { Role } from '../staff';

/**
 * The review chain (seed 001 §二; seed 002 §5–7; seed 000 §六(三)4–8): first review (初审), secrecy
 * review (保密审查), approval by the responsible leader (审批), an optional pre-publication recheck (印前
 * 复核). Each step is signed by a named person; nobody signs two steps of one item, or their own item.
 */
export const ReviewStepName = z.enum(['first_review', 'secrecy_review', 'approval', 'pre_publication_check']);
export type ReviewStepName = z.infer<typeof ReviewStepName>;

export const ReviewStep = z.strictObject({ step: ReviewStepName, role: Role.exclude(['platform_admin']) });
export type ReviewStep = z.infer<typeof ReviewStep>;

export const ReviewChain = z
  .array(ReviewStep)
  .min(1)
  .max(4)
  .refine((steps) => new Set(steps.map((step) => step.step)).size === steps.length, 'must not repeat a step')
  .refine(
    (steps) => steps.some((step) => step.step === 'secrecy_review'),
    'must include the secrecy review (保密审查)',
  )
  .refine((steps) => steps.some((step) => step.step === 'approval'), 'must include the approval (审批)');
export type ReviewChain = z.infer<typeof ReviewChain>;

export const DEFAULT_REVIEW_CHAIN: ReviewChain = [
  { step: 'first_review', role: 'reviewer' },
  { step: 'secrecy_review', role: 'secrecy_reviewer' },
  { step: 'approval', role: 'approver' },
];

export const ReviewChainUpdate = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  steps: ReviewChain,
});

/** The secrecy review's conclusion per risk, and its outcome. */
export const SECRECY_RISKS = [
  'state_secret',
  'work_secret',
  'commercial_secret',
  'personal_privacy',
  'security_stability',
] as const;
export const SecrecyConclusion = z.strictObject({
  risks: z.strictObject(
    Object.fromEntries(SECRECY_RISKS.map((risk) => [risk, z.enum(['none', 'present', 'unsure'])])) as Record<
      (typeof SECRECY_RISKS)[number],
      z.ZodEnum<{ none: 'none'; present: 'present'; unsure: 'unsure' }>
    >,
  ),
  outcome: z.enum(['clear', 'redact', 'refer_upward']),
});
export type SecrecyConclusion = z.infer<typeof SecrecyConclusion>;
