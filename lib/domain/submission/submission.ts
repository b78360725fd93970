import { z } from 'zod';
import { addDays, CivilDate, type IsoDate } from '../calendar/civil-date';
import { startClock, type ClockState } from '../calendar/clock';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { ForbiddenError, RuleViolationError, WrongStateError } from '../errors';
import { Role, type Principal } from '../staff';
import { UploadKey } from '../upload-key';
import type { CatalogueEntry } from './catalogue';
import { ReviewChain, ReviewStepName, SecrecyConclusion } from './review-chain';

/**
 * A document registered for proactive disclosure (主动公开): its disclosure attribute, audience and
 * display, the flags that require material (policy interpretation 政策解读, evidence of public
 * participation), and its way through the signed review chain to publication (or, for on-request and
 * not-disclosed items, to the record).
 */
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const AttachedFile = z.strictObject({
  uploadKey: UploadKey,
  name: text(200),
});
export type AttachedFile = z.infer<typeof AttachedFile>;

export const DisclosureAttribute = z.enum(['proactive', 'on_request', 'not_disclosed']); // 主动公开 / 依申请公开 / 不公开
export const DocumentKind = z.enum(['rule', 'normative_document', 'other']); // 规章 / 行政规范性文件 / 其他
export const Audience = z.enum(['public', 'internal']);
/** The period of a periodic obligation that an item fulfils. */
export const ObligationPeriod = z.strictObject({
  obligationId: z.string().regex(/^ob_[0-9a-z]{8}$/, 'must be an obligation id'),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'must be YYYY, YYYY-MM or YYYY-Qn'),
});
/** A rule or normative document that an item repeals (本年废止件数). */
export const RepealedDocument = z.strictObject({ documentNumber: text(100), title: text(300) });

export const SubmissionInput = z.strictObject({
  title: text(300),
  documentNumber: text(100).optional(), // 文号
  issuingOffice: text(200),
  category: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a catalogue code'),
  formedOn: CivilDate,
  attribute: DisclosureAttribute,
  attributeReason: text(1000).optional(),
  audience: Audience,
  display: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('long_term') }),
    z.strictObject({ kind: z.literal('until'), endsOn: CivilDate }),
  ]),
  policyDocument: z.boolean().default(false),
  interpretation: AttachedFile.optional(),
  majorDecision: z.boolean().default(false),
  participationEvidence: AttachedFile.optional(),
  periodic: ObligationPeriod.optional(),
  documentKind: DocumentKind.default('other'),
  repeals: RepealedDocument.optional(),
  attachments: z.array(AttachedFile).max(20).default([]),
  body: text(200_000),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const SubmissionStatus = z.enum([
  'draft',
  'in_review',
  'returned',
  'published',
  'recorded',
  'withdrawn',
]);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const Verdict = z.enum(['approve', 'return']);

/** A signature of the review chain (签名把关): who signed which step of which round, and what they said. */
export const Signature = z
  .object({
    round: z.int(),
    step: ReviewStepName,
    role: Role,
    staffId: z.string(),
    name: z.string().nullable(),
    at: z.string(),
    verdict: Verdict,
    opinion: z.string(),
    secrecy: SecrecyConclusion.nullable(),
  })
  .readonly();
export type Signature = z.infer<typeof Signature>;

/**
 * The submission as kept and shown: its content as registered (or last edited), where it stands in its
 * review chain, every signature of every round, and its publication deadline.
 */
export const Submission = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    status: SubmissionStatus,
    content: SubmissionInput,
    submittedBy: z.object({ staffId: z.string(), name: z.string().nullable() }).readonly(),
    createdAt: z.string(),
    round: z.int(),
    chain: ReviewChain,
    currentStep: z.int().nullable(),
    returnReasons: z.array(z.string()).readonly(),
    signatures: z.array(Signature).readonly(),
    publicationDueDate: CivilDate.nullable(),
    publicationId: z.string().nullable(),
    version: z.int(),
  })
  .readonly();
export type Submission = z.infer<typeof Submission>;

export const ReviewInput = z.strictObject({
  step: ReviewStepName,
  verdict: Verdict,
  opinion: text(4000),
  secrecy: SecrecyConclusion.optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export type SubmissionChange = {
  readonly submission: Submission;
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
  /** The publication clock (formedOn + policy), when it starts or restarts; `close` when done. */
  readonly clock: { readonly state: ClockState; readonly open: true } | { readonly open: false } | null;
  /** Set when this step publishes or records the item. */
  readonly outcome: 'publish' | 'record' | null;
};

const EDITABLE: readonly SubmissionStatus[] = ['draft', 'returned', 'published'];

/** Content checks that are errors of the request (400/422), not grounds for a return. */
export function checkContent(
  content: SubmissionInput,
  catalogue: readonly CatalogueEntry[],
  obligations: readonly { id: string; cadence: string }[],
) {
  const errors: { path: string; message: string }[] = [];
  if (!catalogue.some((entry) => entry.code === content.category))
    errors.push({ path: 'body.category', message: 'is not in this agency’s catalogue' });
  if (content.periodic !== undefined) {
    const obligation = obligations.find((candidate) => candidate.id === content.periodic?.obligationId);
    if (obligation === undefined)
      errors.push({ path: 'body.periodic.obligationId', message: 'is not an obligation of this agency' });
    else if (!periodFits(obligation.cadence, content.periodic.period))
      errors.push({ path: 'body.periodic.period', message: `must be a ${obligation.cadence} period` });
  }
  if (content.repeals !== undefined && content.documentKind === 'other')
    errors.push({ path: 'body.repeals', message: 'only a rule or normative document repeals one' });
  if (errors.length > 0)
    throw new RuleViolationError(
      'invalid-submission',
      'The submission does not fit this agency’s catalogue or obligations.',
      errors,
    );
}

export const periodFits = (cadence: string, period: string): boolean =>
  cadence === 'monthly'
    ? /^\d{4}-\d{2}$/.test(period)
    : cadence === 'quarterly'
      ? /^\d{4}-Q[1-4]$/.test(period)
      : /^\d{4}$/.test(period);

/** The publication deadline (Reg. 26): formed or changed + the policy's working days. */
const publicationClock = (
  calendar: WorkingCalendar,
  content: SubmissionInput,
  workingDays: number,
): ClockState => startClock(calendar, content.formedOn, workingDays);

export function createSubmission(
  content: SubmissionInput,
  ids: { id: string; agencyId: string },
  by: Principal,
  createdAt: string,
  chain: ReviewChain,
  calendar: WorkingCalendar,
  publicationWorkingDays: number,
): SubmissionChange {
  const clock = publicationClock(calendar, content, publicationWorkingDays);
  const submission: Submission = {
    id: ids.id,
    agencyId: ids.agencyId,
    status: 'draft',
    content,
    submittedBy: { staffId: by.staffId, name: by.name ?? null },
    createdAt,
    round: 0,
    chain,
    currentStep: null,
    returnReasons: [],
    signatures: [],
    publicationDueDate: clock.dueDate,
    publicationId: null,
    version: 1,
  };
  return {
    submission,
    event: {
      type: 'submission_registered',
      data: {
        title: content.title,
        category: content.category,
        formedOn: content.formedOn,
        attribute: content.attribute,
        publishBy: clock.dueDate,
      },
    },
    clock: { state: clock, open: true },
    outcome: null,
  };
}

/** Edits a draft or returned item; editing a published one starts its revision (更新). */
export function editSubmission(
  current: Submission,
  content: SubmissionInput,
  calendar: WorkingCalendar,
  publicationWorkingDays: number,
): SubmissionChange {
  if (!EDITABLE.includes(current.status))
    throw new WrongStateError(`A ${current.status} item cannot be edited.`);
  const revising = current.status === 'published';
  const clock = publicationClock(calendar, content, publicationWorkingDays);
  return {
    submission: {
      ...current,
      status: 'draft',
      content,
      currentStep: null,
      returnReasons: [],
      publicationDueDate: clock.dueDate,
    },
    event: {
      type: revising ? 'revision_started' : 'submission_edited',
      data: { title: content.title, formedOn: content.formedOn, publishBy: clock.dueDate },
    },
    clock: { state: clock, open: true },
    outcome: null,
  };
}

/** What is missing for the chain to take the item (退文 reasons), in the words of the rules. */
export function returnReasons(content: SubmissionInput, today: IsoDate): string[] {
  const reasons: string[] = [];
  if (content.attribute !== 'proactive' && content.attributeReason === undefined) {
    reasons.push('依申请公开或不公开的，须说明法律依据和理由（attributeReason）');
  }
  if (content.policyDocument && content.interpretation === undefined)
    reasons.push('政策性文件须同步附政策解读材料（interpretation）');
  if (content.majorDecision && content.participationEvidence === undefined)
    reasons.push('重大决策须附公众参与的证明材料（participationEvidence）');
  if (content.display.kind === 'until' && content.display.endsOn < addDays(today, 15))
    reasons.push('公开期限自公开之日起不得少于15日（display.endsOn）');
  return reasons;
}

/** Sends the item into the chain, from the first step — or returns it at once when something is missing. */
export function submitForReview(current: Submission, today: IsoDate): SubmissionChange {
  if (current.status !== 'draft' && current.status !== 'returned')
    throw new WrongStateError(`A ${current.status} item cannot be sent for review.`);
  const reasons = returnReasons(current.content, today);
  if (reasons.length > 0) {
    return {
      submission: { ...current, status: 'returned', returnReasons: reasons, currentStep: null },
      event: { type: 'auto_returned', data: { reasons } },
      clock: null,
      outcome: null,
    };
  }
  const round = current.round + 1;
  return {
    submission: { ...current, status: 'in_review', round, currentStep: 0, returnReasons: [] },
    event: { type: 'sent_for_review', data: { round, step: current.chain[0]?.step } },
    clock: null,
    outcome: null,
  };
}

/**
 * A signature at the current step (签名把关): only that step's role; never the submitter; never someone
 * who signed another step of the same item. Approval of the last step publishes or records the item.
 */
export function review(current: Submission, input: ReviewInput, by: Principal, at: string): SubmissionChange {
  if (current.status !== 'in_review' || current.currentStep === null)
    throw new WrongStateError(`The item is ${current.status}, not in review.`);
  const step = current.chain[current.currentStep];
  if (step === undefined) throw new WrongStateError('The review chain has no such step.');
  if (input.step !== step.step)
    throw new WrongStateError(`The item waits at ${step.step}, not ${input.step}.`);
  if (!by.roles.has(step.role))
    throw new ForbiddenError(`The ${step.step} step is signed by a ${step.role}.`);
  if (by.staffId === current.submittedBy.staffId)
    throw new ForbiddenError('Nobody reviews their own submission.');
  if (
    current.signatures.some((signature) => signature.staffId === by.staffId && signature.step !== step.step)
  ) {
    throw new ForbiddenError('Nobody signs two steps of the same item.');
  }
  if (step.step === 'secrecy_review') {
    if (input.secrecy === undefined) {
      throw new RuleViolationError(
        'secrecy-conclusion-missing',
        'The secrecy review gives a conclusion per risk and an outcome.',
        [{ path: 'body.secrecy', message: 'is required at the secrecy review' }],
      );
    }
    if (input.secrecy.outcome === 'refer_upward' && input.verdict === 'approve') {
      throw new RuleViolationError(
        'refer-upward-holds',
        'An item referred upward is not approved until the superior office answers: return it with the referral.',
        [{ path: 'body.verdict', message: 'must be return when referring upward' }],
      );
    }
    const unresolved = Object.values(input.secrecy.risks).some((risk) => risk !== 'none');
    if (input.verdict === 'approve' && input.secrecy.outcome === 'clear' && unresolved) {
      throw new RuleViolationError(
        'secrecy-unresolved',
        'A risk present or unsure cannot be cleared without redaction or referral.',
        [{ path: 'body.secrecy.outcome', message: 'must be redact or refer_upward' }],
      );
    }
  } else if (input.secrecy !== undefined) {
    throw new RuleViolationError(
      'secrecy-conclusion-misplaced',
      'Only the secrecy review gives a secrecy conclusion.',
      [{ path: 'body.secrecy', message: 'belongs to the secrecy review' }],
    );
  }
  const signature: Signature = {
    round: current.round,
    step: step.step,
    role: step.role,
    staffId: by.staffId,
    name: by.name ?? null,
    at,
    verdict: input.verdict,
    opinion: input.opinion,
    secrecy: input.secrecy ?? null,
  };
  const signatures = [...current.signatures, signature];
  const signed = {
    step: step.step,
    verdict: input.verdict,
    opinion: input.opinion,
    round: current.round,
    secrecy: input.secrecy ?? null,
  };
  if (input.verdict === 'return') {
    return {
      submission: {
        ...current,
        status: 'returned',
        currentStep: null,
        signatures,
        returnReasons: [input.opinion],
      },
      event: { type: 'review_returned', data: signed },
      clock: null,
      outcome: null,
    };
  }
  const next = current.currentStep + 1;
  if (next < current.chain.length) {
    return {
      submission: { ...current, currentStep: next, signatures },
      event: { type: 'review_signed', data: { ...signed, next: current.chain[next]?.step } },
      clock: null,
      outcome: null,
    };
  }
  const publish = current.content.attribute === 'proactive';
  return {
    submission: { ...current, status: publish ? 'published' : 'recorded', currentStep: null, signatures },
    event: { type: publish ? 'published' : 'recorded', data: signed },
    clock: { open: false },
    outcome: publish ? 'publish' : 'record',
  };
}

/** How long a publication stays displayed: long term, or the later of its end date and 15 days (seed 003). */
export function displayUntil(content: SubmissionInput, publishedOn: IsoDate): IsoDate | null {
  if (content.display.kind === 'long_term') return null;
  const minimum = addDays(publishedOn, 15);
  return content.display.endsOn > minimum ? content.display.endsOn : minimum;
}
