import * as z from 'zod';
import { Role } from '../staff';
import { freeText } from '../free-text';

/**
 * The review chain (seed 001 §二; seed 002 §5–7: 三级审核, 初审 → 复审 → 终审, each signed; seed 000
 * §六(三)4–8; seed 003 §三(五)): the agency names its steps and who signs each. Every chain has content
 * reviews (初审, 复审, …), the secrecy review (保密审查), the final approval (终审/审批) and, optionally, a
 * pre-publication recheck (印前复核) after it. Nobody signs two steps of one item, or their own item.
 */
export const ReviewStepKind = z.enum([
  'review', // 审核: 初审, 复审, …
  'secrecy_review', // 保密审查
  'final_approval', // 终审 / 审批
  'pre_publication_check', // 印前复核
]);
export type ReviewStepKind = z.infer<typeof ReviewStepKind>;

/** A step's id: it names the step in signatures, in the review queue and in `?step=`. */
export const ReviewStepId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2–40 lower-case letters, digits or underscores');
export type ReviewStepId = z.infer<typeof ReviewStepId>;

/**
 * Steps kept before steps had ids, labels and kinds were `{ step, role }` with `step` one of four fixed
 * names: those names became the ids of the default chain, with these labels and kinds.
 */
const FIXED_STEPS: Readonly<Record<string, { label: string; kind: ReviewStepKind }>> = {
  first_review: { label: '初审', kind: 'review' },
  secrecy_review: { label: '保密审查', kind: 'secrecy_review' },
  approval: { label: '终审', kind: 'final_approval' },
  pre_publication_check: { label: '印前复核', kind: 'pre_publication_check' },
};
/** The label of a step id kept before labels existed (signatures of items in flight carry only the id). */
export const fixedStepLabel = (id: string): string => FIXED_STEPS[id]?.label ?? id;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A step as kept: with its id, label and kind (older items carry `{ step, role }`, read as the fixed step). */
export const ReviewStep = z.preprocess(
  (value) =>
    isRecord(value) && typeof value.step === 'string' && value.id === undefined
      ? {
          id: value.step,
          label: fixedStepLabel(value.step),
          role: value.role,
          kind: FIXED_STEPS[value.step]?.kind ?? 'review',
        }
      : value,
  z.object({
    id: ReviewStepId,
    label: z.string(),
    role: Role.exclude(['platform_admin']),
    kind: ReviewStepKind,
  }),
);
export type ReviewStep = z.infer<typeof ReviewStep>;

/**
 * A chain as kept on an agency and on each submission (a submission keeps the chain it entered with, so
 * a later change of the agency's chain does not move items in flight). Kept chains are read as they
 * are; the rules below apply when an agency configures one.
 */
export const ReviewChain = z.array(ReviewStep).min(1).readonly();
export type ReviewChain = z.infer<typeof ReviewChain>;

/**
 * Who may sign a step of each kind: the roles the review route admits; the secrecy review and the final
 * approval only by their own roles.
 */
const SIGNERS: Readonly<Record<ReviewStepKind, readonly string[]>> = {
  review: ['reviewer', 'approver'],
  secrecy_review: ['secrecy_reviewer'],
  final_approval: ['approver'],
  pre_publication_check: ['reviewer', 'approver'],
};

/**
 * What a chain lacks under the rules an agency's configuration must meet, each in one sentence:
 * - it starts with a content review (初审), and has at least two content reviews before the final
 *   approval, which makes three levels with it (seed 002 §5: 三级审核, 初审 → 复审 → 终审);
 * - exactly one secrecy review (保密审查), before the final approval ("先审查、后公开");
 * - exactly one final approval (终审); after it only pre-publication rechecks (印前复核, seed 000 §六(三)7);
 * - ids and labels are not repeated; each step is signed by a role that may sign its kind.
 */
export function chainIssues(steps: readonly ReviewStep[]): string[] {
  const issues: string[] = [];
  const count = (kind: ReviewStepKind) => steps.filter((step) => step.kind === kind).length;
  const approvalAt = steps.findIndex((step) => step.kind === 'final_approval');
  const secrecyAt = steps.findIndex((step) => step.kind === 'secrecy_review');
  if (new Set(steps.map((step) => step.id)).size !== steps.length) issues.push('must not repeat a step id');
  if (new Set(steps.map((step) => step.label)).size !== steps.length) issues.push('must not repeat a label');
  if (steps[0]?.kind !== 'review') issues.push('must start with a content review (初审)');
  if (count('secrecy_review') !== 1) issues.push('must include the secrecy review (保密审查) once');
  if (count('final_approval') !== 1) issues.push('must include the final approval (终审) once');
  if (steps.slice(0, Math.max(approvalAt, 0)).filter((step) => step.kind === 'review').length < 2)
    issues.push('must have at least two content reviews (初审, 复审) before the final approval (三级审核)');
  if (approvalAt >= 0 && secrecyAt > approvalAt)
    issues.push('must put the secrecy review before the final approval');
  if (approvalAt >= 0 && steps.slice(approvalAt + 1).some((step) => step.kind !== 'pre_publication_check'))
    issues.push('must have only pre-publication rechecks (印前复核) after the final approval');
  if (steps.some((step, index) => step.kind === 'pre_publication_check' && index < approvalAt))
    issues.push('must put pre-publication rechecks (印前复核) after the final approval');
  for (const step of steps)
    if (!SIGNERS[step.kind].includes(step.role))
      issues.push(`step ${step.id}: a ${step.kind} step is signed by ${SIGNERS[step.kind].join(' or ')}`);
  return issues;
}

/** A step as an agency configures it. */
export const ReviewStepInput = z.strictObject({
  id: ReviewStepId,
  label: freeText(20),
  role: z.enum(['reviewer', 'secrecy_reviewer', 'approver']),
  kind: ReviewStepKind,
});

/** A chain as an agency configures it: 4 to 8 steps meeting `chainIssues`' rules. */
export const ReviewChainInput = z
  .array(ReviewStepInput)
  .min(4, 'must have at least 初审, 复审, 保密审查 and 终审')
  .max(8)
  .superRefine((steps, context) => {
    for (const message of chainIssues(steps)) context.addIssue({ code: 'custom', message });
  });

/** The chain of an agency that configured none (seed 002: 三级审核, with the secrecy review before 终审). */
export const DEFAULT_REVIEW_CHAIN: ReviewChain = [
  { id: 'first_review', label: '初审', role: 'reviewer', kind: 'review' },
  { id: 'second_review', label: '复审', role: 'reviewer', kind: 'review' },
  { id: 'secrecy_review', label: '保密审查', role: 'secrecy_reviewer', kind: 'secrecy_review' },
  { id: 'approval', label: '终审', role: 'approver', kind: 'final_approval' },
];

export const ReviewChainUpdate = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  steps: ReviewChainInput,
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
