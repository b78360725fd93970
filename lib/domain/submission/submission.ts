import * as z from 'zod';
import { addDays, CivilDate, type IsoDate } from '../calendar/civil-date';
import { evaluateClock, type ClockState } from '../calendar/clock';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { ForbiddenError, RuleViolationError, WrongStateError, type FieldError } from '../errors';
import { Role, type Principal } from '../staff';
import { UploadKey } from '../upload-key';
import { PublicationPeriod, type CatalogueEntry } from './catalogue';
import { fixedStepLabel, ReviewChain, ReviewStepId, SecrecyConclusion } from './review-chain';
import { freeText, optionalText } from '../free-text';

/**
 * A document registered for proactive disclosure (主动公开): its disclosure attribute, audience and
 * display, the flags that require material (policy interpretation 政策解读, evidence of public
 * participation), and its way through the signed review chain to publication (or, for on-request and
 * not-disclosed items, to the record).
 */
const text = freeText;
export const AttachedFile = z.strictObject({
  uploadKey: UploadKey,
  name: text(200),
});
export type AttachedFile = z.infer<typeof AttachedFile>;

/** A submission's id, as `createSubmission` draws it. */
export const SubmissionId = z.string().regex(/^sub_[0-9a-f]{12}$/, 'must be a submission id');

export const DisclosureAttribute = z.enum(['proactive', 'on_request', 'not_disclosed']); // 主动公开 / 依申请公开 / 不公开
export const DocumentKind = z.enum(['rule', 'normative_document', 'other']); // 规章 / 行政规范性文件 / 其他
export const Audience = z.enum(['public', 'internal']);
/** The period of a periodic obligation that an item fulfils. */
export const ObligationPeriod = z.strictObject({
  obligationId: z.string().regex(/^ob_[0-9a-z]{8}$/, 'must be an obligation id'),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'must be YYYY, YYYY-MM or YYYY-Qn'),
});
/**
 * A rule or normative document that an item ends (table 二 本年废止件数, counted under the kind of the
 * document ended): repealed by the item (废止), or recorded by it as expired at the end of its validity
 * period (有效期届满失效), on the last day of that period.
 */
export const RepealedDocument = z
  .strictObject({
    kind: z.enum(['rule', 'normative_document']), // 规章 / 行政规范性文件
    documentNumber: text(100),
    title: text(300),
    ground: z.enum(['repealed', 'expired']).default('repealed'), // 废止 / 有效期届满失效
    expiredOn: CivilDate.optional(),
  })
  .superRefine((value, context) => {
    if (value.ground === 'expired' && value.expiredOn === undefined)
      context.addIssue({ code: 'custom', path: ['expiredOn'], message: 'is required for an expiry' });
    if (value.ground === 'repealed' && value.expiredOn !== undefined)
      context.addIssue({ code: 'custom', path: ['expiredOn'], message: 'is only for an expiry' });
  });
export type RepealedDocument = z.infer<typeof RepealedDocument>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Items kept before a repeal could name several documents carry `repeals` as one document without its
 * kind (a rule or normative document repealed one of its own kind): read as a list of that one.
 */
export const readLegacyRepeals = (value: unknown): unknown => {
  if (!isRecord(value)) return value;
  if (value.repeals === null) return { ...value, repeals: [] };
  if (isRecord(value.repeals)) return { ...value, repeals: [{ kind: value.documentKind, ...value.repeals }] };
  return value;
};

export const SubmissionInput = z.strictObject({
  title: text(300),
  documentNumber: optionalText(100), // 文号
  issuingOffice: text(200),
  category: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a catalogue code'),
  formedOn: CivilDate,
  /** The day it takes effect (施行日期), where it says; not before it was formed. */
  effectiveOn: CivilDate.optional(),
  attribute: DisclosureAttribute,
  attributeReason: optionalText(1000),
  audience: Audience,
  display: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('long_term') }),
    // At least 15 days (seed 003), unless a law, regulation or rule sets another period: its provision.
    z.strictObject({ kind: z.literal('until'), endsOn: CivilDate, legalBasis: optionalText(300) }),
  ]),
  policyDocument: z.boolean().default(false),
  interpretation: AttachedFile.optional(),
  majorDecision: z.boolean().default(false),
  participationEvidence: AttachedFile.optional(),
  periodic: ObligationPeriod.optional(),
  documentKind: DocumentKind.default('other'), // for a rule or normative document, formedOn is its date of issue
  repeals: z.array(RepealedDocument).max(100).default([]),
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

/**
 * A signature of the review chain (签名把关): who signed which step of which round, and what they said.
 * Signatures kept before steps had labels carry the step's fixed name only: its label is read from it.
 */
export const Signature = z.preprocess(
  (value) =>
    isRecord(value) && value.label === undefined && typeof value.step === 'string'
      ? { ...value, label: fixedStepLabel(value.step) }
      : value,
  z
    .object({
      round: z.int(),
      step: ReviewStepId,
      label: z.string(),
      role: Role,
      staffId: z.string(),
      name: z.string().nullable(),
      at: z.string(),
      verdict: Verdict,
      opinion: z.string(),
      secrecy: SecrecyConclusion.nullable(),
    })
    .readonly(),
);
export type Signature = z.infer<typeof Signature>;

/**
 * The redacted version a secrecy review concluding "redact" gives (删除、遮盖涉密或不宜公开的内容): the
 * text and files to publish. The original stays internal, archived beside the publication.
 */
export const RedactedVersion = z.strictObject({
  body: text(200_000),
  attachments: z.array(AttachedFile).max(20).default([]),
});
export type RedactedVersion = z.infer<typeof RedactedVersion>;

/**
 * The submission as kept and shown: its content as registered (or last edited), where it stands in its
 * review chain, every signature of every round, and its publication deadline.
 */
export const Submission = z.preprocess(
  (value) =>
    isRecord(value) && value.handledBy === undefined && isRecord(value.submittedBy)
      ? { ...value, handledBy: [value.submittedBy.staffId] }
      : value,
  z
    .object({
      id: z.string(),
      agencyId: z.string(),
      status: SubmissionStatus,
      content: z.preprocess(readLegacyRepeals, SubmissionInput),
      submittedBy: z.object({ staffId: z.string(), name: z.string().nullable() }).readonly(),
      createdAt: z.string(),
      round: z.int(),
      chain: ReviewChain,
      currentStep: z.int().nullable(),
      returnReasons: z.array(z.string()).readonly(),
      signatures: z.array(Signature).readonly(),
      /** Null when no publication clock runs for the item (Reg. 26 binds proactive, public items only). */
      publicationDueDate: CivilDate.nullable(),
      /** The period its clock counts; items kept before it was recorded lack it: 20 working days or the policy's. */
      publicationPeriod: PublicationPeriod.nullable().default(null),
      /** A revision's date of change (Reg. 26: 变更), from which its clock runs; null for a first version. */
      changedOn: CivilDate.nullable().default(null),
      publicationId: z.string().nullable(),
      /**
       * Who registered, edited or sent the item into the chain: none of them signs its review steps. Items
       * kept before it was recorded lack it: their submitter is the one known.
       */
      handledBy: z.array(z.string()).readonly(),
      /** The redacted version to publish, from this round's secrecy review; older items lack it: none. */
      redacted: RedactedVersion.nullable().default(null),
      version: z.int(),
    })
    .readonly(),
);
export type Submission = z.infer<typeof Submission>;

/** The staff who handled the item, with `staffId` added. */
const handled = (current: Submission, staffId: string): readonly string[] =>
  current.handledBy.includes(staffId) ? current.handledBy : [...current.handledBy, staffId];

export const ReviewInput = z.strictObject({
  step: ReviewStepId,
  verdict: Verdict,
  opinion: text(4000),
  secrecy: SecrecyConclusion.optional(),
  redacted: RedactedVersion.optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export type SubmissionChange = {
  readonly submission: Submission;
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
  /** The publication clock when it starts or restarts (`open`), `close` when it stops; null: untouched. */
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
  const errors: FieldError[] = [];
  if (!catalogue.some((entry) => entry.code === content.category))
    errors.push({ path: 'body.category', message: 'is not in this agency’s catalogue' });
  if (content.periodic !== undefined) {
    const obligation = obligations.find((candidate) => candidate.id === content.periodic?.obligationId);
    if (obligation === undefined)
      errors.push({ path: 'body.periodic.obligationId', message: 'is not an obligation of this agency' });
    else if (!periodFits(obligation.cadence, content.periodic.period))
      errors.push({ path: 'body.periodic.period', message: `must be a ${obligation.cadence} period` });
  }
  if (content.effectiveOn !== undefined && content.effectiveOn < content.formedOn)
    errors.push({ path: 'body.effectiveOn', message: 'must not be before the day it was formed (formedOn)' });
  const seen = new Set<string>();
  content.repeals.forEach((repealed, index) => {
    const key = `${repealed.kind}#${repealed.documentNumber}`;
    if (seen.has(key))
      errors.push({
        path: `body.repeals.${index}.documentNumber`,
        message: 'names a document already listed',
      });
    seen.add(key);
  });
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

/**
 * Whether Reg. 26's publication deadline binds the item: only information to be proactively disclosed
 * (主动公开) to the public does. Items on request (依申请公开) or not disclosed (不予公开) are recorded, not
 * published; internal items (内部公开) are shown to the agency's staff only, which is no disclosure to
 * the public.
 */
export const hasPublicationDeadline = (content: SubmissionInput): boolean =>
  content.attribute === 'proactive' && content.audience === 'public';

/**
 * The period an item must be published in (Reg. 26): its category's own deadline where another law sets
 * one (the proviso), otherwise 20 working days or the agency's stricter policy.
 */
export function publicationPeriod(
  category: CatalogueEntry | undefined,
  policyWorkingDays: number,
): PublicationPeriod {
  if (category?.deadline !== undefined) return category.deadline;
  return {
    days: policyWorkingDays,
    unit: 'working_days',
    basis: policyWorkingDays < 20 ? '本机关规定（严于条例第二十六条）' : '《政府信息公开条例》第二十六条',
  };
}

/** The publication clock: the period counted from the day the item was formed or changed. */
const publicationClock = (calendar: WorkingCalendar, from: IsoDate, period: PublicationPeriod): ClockState =>
  evaluateClock(calendar, [
    period.unit === 'working_days'
      ? { type: 'start', on: from, workingDays: period.days }
      : { type: 'start', on: from, workingDays: 0, naturalDays: period.days },
  ]);

/** Whether the item's publication clock is running now (it stops at publication or recording). */
const clockRunning = (submission: Submission): boolean =>
  submission.publicationDueDate !== null &&
  (submission.status === 'draft' || submission.status === 'returned' || submission.status === 'in_review');

export function createSubmission(
  content: SubmissionInput,
  ids: { id: string; agencyId: string },
  by: Principal,
  createdAt: string,
  chain: ReviewChain,
  calendar: WorkingCalendar,
  period: PublicationPeriod,
): SubmissionChange {
  const clock = hasPublicationDeadline(content) ? publicationClock(calendar, content.formedOn, period) : null;
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
    publicationDueDate: clock?.dueDate ?? null,
    publicationPeriod: clock === null ? null : period,
    changedOn: null,
    publicationId: null,
    handledBy: [by.staffId],
    redacted: null,
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
        publishBy: submission.publicationDueDate,
        publishWithin: submission.publicationPeriod,
      },
    },
    clock: clock === null ? null : { state: clock, open: true },
    outcome: null,
  };
}

/**
 * A revision's date of change (Reg. 26: 变更): required when a published item is edited, kept (or
 * replaced) while the revision is edited again, refused for an item never published; not after today,
 * not before the document was formed.
 */
function dateOfChange(
  current: Submission,
  content: SubmissionInput,
  changedOn: IsoDate | undefined,
  today: IsoDate,
): IsoDate | null {
  const revising =
    current.status === 'published' || current.publicationId !== null || current.changedOn !== null;
  const fail = (message: string): never => {
    throw new RuleViolationError('invalid-change-date', 'A revision carries its date of change (Reg. 26).', [
      { path: 'body.changedOn', message },
    ]);
  };
  if (!revising) return changedOn === undefined ? null : fail('is only for the revision of a published item');
  const date = changedOn ?? (current.status === 'published' ? undefined : current.changedOn) ?? null;
  if (date === null)
    return current.status === 'published'
      ? fail('is required: the revision’s publication deadline runs from its date of change')
      : null;
  if (date > today) fail(`must not be after today (${today})`);
  const formed = current.content.formedOn > content.formedOn ? current.content.formedOn : content.formedOn;
  if (date < formed) fail(`must not be before the document was formed (${formed})`);
  return date;
}

/**
 * Edits a draft or returned item; editing a published one starts its revision (更新), whose publication
 * clock runs from its date of change.
 */
export function editSubmission(
  current: Submission,
  edit: { content: SubmissionInput; changedOn?: IsoDate | undefined },
  calendar: WorkingCalendar,
  period: PublicationPeriod,
  today: IsoDate,
  by: Principal,
): SubmissionChange {
  if (!isEditable(current)) throw new WrongStateError(`A ${current.status} item cannot be edited.`);
  const { content } = edit;
  const changedOn = dateOfChange(current, content, edit.changedOn, today);
  const clock = hasPublicationDeadline(content)
    ? publicationClock(calendar, changedOn ?? content.formedOn, period)
    : null;
  return {
    submission: {
      ...current,
      status: 'draft',
      content,
      currentStep: null,
      returnReasons: [],
      publicationDueDate: clock?.dueDate ?? null,
      publicationPeriod: clock === null ? null : period,
      changedOn,
      handledBy: handled(current, by.staffId),
      redacted: null,
    },
    event: {
      type: current.status === 'published' ? 'revision_started' : 'submission_edited',
      data: {
        title: content.title,
        formedOn: content.formedOn,
        ...(changedOn === null ? {} : { changedOn }),
        publishBy: clock?.dueDate ?? null,
      },
    },
    clock: clock !== null ? { state: clock, open: true } : clockRunning(current) ? { open: false } : null,
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
  if (content.display.kind === 'until') {
    if (content.display.legalBasis === undefined && content.display.endsOn < addDays(today, 15))
      reasons.push(
        '公开期限自公开之日起不得少于15日（display.endsOn）；法律、法规、规章另有规定的，注明其依据（display.legalBasis）',
      );
    else if (content.display.endsOn < today)
      reasons.push('公开期限的截止日期不得早于公开之日（display.endsOn）');
  }
  return reasons;
}

/** Sends the item into the chain, from the first step — or returns it at once when something is missing. */
export function submitForReview(current: Submission, today: IsoDate, by: Principal): SubmissionChange {
  if (!canBeSentForReview(current))
    throw new WrongStateError(`A ${current.status} item cannot be sent for review.`);
  const reasons = returnReasons(current.content, today);
  if (reasons.length > 0) {
    return {
      submission: {
        ...current,
        status: 'returned',
        returnReasons: reasons,
        currentStep: null,
        handledBy: handled(current, by.staffId),
      },
      event: { type: 'auto_returned', data: { reasons } },
      clock: null,
      outcome: null,
    };
  }
  const round = current.round + 1;
  return {
    submission: {
      ...current,
      status: 'in_review',
      round,
      currentStep: 0,
      returnReasons: [],
      handledBy: handled(current, by.staffId),
      redacted: null,
    },
    event: { type: 'sent_for_review', data: { round, step: current.chain[0]?.id } },
    clock: null,
    outcome: null,
  };
}

/**
 * A signature at the current step (签名把关): only that step's role; never the submitter nor anyone who
 * edited the item or sent it into the chain (separation of duties); never someone who signed another
 * step of the same item. Approval of the last step publishes or records the item.
 */
/**
 * Why `staffId` may not sign the step an item waits at, whatever their roles: it is their own item, they
 * edited it or sent it for review, or they signed another step of it. Null: nothing stands in the way.
 */
export type SigningConflict = 'own' | 'handled' | 'other_step';
export function signingConflict(current: Submission, staffId: string): SigningConflict | null {
  if (staffId === current.submittedBy.staffId) return 'own';
  if (current.handledBy.includes(staffId)) return 'handled';
  const step = waitingStep(current);
  if (current.signatures.some((signature) => signature.staffId === staffId && signature.step !== step?.id))
    return 'other_step';
  return null;
}

export function review(current: Submission, input: ReviewInput, by: Principal, at: string): SubmissionChange {
  const step = waitingStep(current);
  if (step === undefined || current.currentStep === null)
    throw new WrongStateError(
      current.status === 'in_review'
        ? 'The review chain has no such step.'
        : `The item is ${current.status}, not in review.`,
    );
  if (input.step !== step.id)
    throw new WrongStateError(`The item waits at ${step.label} (${step.id}), not ${input.step}.`);
  const refusal = reviewRefusal(current, by);
  // Not in review was answered above (the step it waits at exists).
  if (refusal !== undefined && refusal !== 'not_in_review')
    throw new ForbiddenError(REVIEW_REFUSALS[refusal](step));
  if (step.kind === 'secrecy_review') {
    if (input.secrecy === undefined) {
      throw new RuleViolationError(
        'secrecy-conclusion-missing',
        'The secrecy review gives a conclusion per risk and an outcome.',
        [{ path: 'body.secrecy', message: 'is required at the secrecy review' }],
      );
    }
    if (
      Object.values(input.secrecy.risks).includes('unsure') &&
      (input.secrecy.outcome !== 'refer_upward' || input.verdict === 'approve')
    ) {
      throw new RuleViolationError(
        'secrecy-unsure-refers-upward',
        'A risk marked unsure is referred upward (报上级机关或保密工作部门确定): the item is returned with the referral.',
        [
          input.secrecy.outcome === 'refer_upward'
            ? { path: 'body.verdict', message: 'must be return when a risk is unsure' }
            : { path: 'body.secrecy.outcome', message: 'must be refer_upward when a risk is unsure' },
        ],
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
    const redacting = input.verdict === 'approve' && input.secrecy.outcome === 'redact';
    if (redacting && input.redacted === undefined) {
      throw new RuleViolationError(
        'redacted-version-missing',
        'A secrecy review that concludes "redact" gives the redacted version (text and files) to publish.',
        [{ path: 'body.redacted', message: 'is required when the conclusion is redact' }],
      );
    }
    if (!redacting && input.redacted !== undefined) {
      throw new RuleViolationError(
        'secrecy-conclusion-misplaced',
        'Only a secrecy review approving with "redact" gives a redacted version.',
        [{ path: 'body.redacted', message: 'belongs to a secrecy review that concludes redact' }],
      );
    }
  } else if (input.redacted !== undefined) {
    throw new RuleViolationError(
      'secrecy-conclusion-misplaced',
      'Only the secrecy review gives a redacted version.',
      [{ path: 'body.redacted', message: 'belongs to the secrecy review' }],
    );
  } else if (input.secrecy !== undefined) {
    throw new RuleViolationError(
      'secrecy-conclusion-misplaced',
      'Only the secrecy review gives a secrecy conclusion.',
      [{ path: 'body.secrecy', message: 'belongs to the secrecy review' }],
    );
  }
  const signature: Signature = {
    round: current.round,
    step: step.id,
    label: step.label,
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
    step: step.id,
    label: step.label,
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
  const redacted = input.redacted ?? current.redacted;
  if (next < current.chain.length) {
    return {
      submission: { ...current, currentStep: next, signatures, redacted },
      event: { type: 'review_signed', data: { ...signed, next: current.chain[next]?.id } },
      clock: null,
      outcome: null,
    };
  }
  const publish = current.content.attribute === 'proactive';
  return {
    submission: {
      ...current,
      status: publish ? 'published' : 'recorded',
      currentStep: null,
      signatures,
      redacted,
    },
    event: { type: publish ? 'published' : 'recorded', data: signed },
    clock: clockRunning(current) ? { open: false } : null,
    outcome: publish ? 'publish' : 'record',
  };
}

/**
 * Why `by` may not sign the step the item waits at (签名把关, separation of duties), or undefined when
 * they may: it is in review at a step their role signs, they neither submitted, edited nor sent it, and
 * they signed no other step of it.
 */
export type ReviewRefusal = 'not_in_review' | 'role' | 'own_submission' | 'handled' | 'signed_another_step';
export function reviewRefusal(current: Submission, by: Principal): ReviewRefusal | undefined {
  const step = waitingStep(current);
  if (step === undefined) return 'not_in_review';
  if (!by.roles.has(step.role)) return 'role';
  const conflict = signingConflict(current, by.staffId);
  return conflict === null ? undefined : CONFLICT_REFUSAL[conflict];
}
const CONFLICT_REFUSAL = {
  own: 'own_submission',
  handled: 'handled',
  other_step: 'signed_another_step',
} as const satisfies Record<SigningConflict, ReviewRefusal>;

const REVIEW_REFUSALS: Readonly<
  Record<
    Exclude<ReviewRefusal, 'not_in_review'>,
    (step: { id: string; label: string; role: string }) => string
  >
> = {
  role: (step) => `The ${step.label} (${step.id}) step is signed by a ${step.role}.`,
  own_submission: () => 'Nobody reviews their own submission.',
  handled: () => 'Nobody signs a review step of an item they edited or sent for review.',
  signed_another_step: () => 'Nobody signs two steps of the same item.',
};

/** Whether the item may be edited now (a published one: its revision starts). */
export const isEditable = (submission: Pick<Submission, 'status'>): boolean =>
  EDITABLE.includes(submission.status);

/** Whether the item may be sent into the review chain now. */
export const canBeSentForReview = (submission: Pick<Submission, 'status'>): boolean =>
  submission.status === 'draft' || submission.status === 'returned';

/** The step of the chain an item is waiting at, if it is in review. */
export const waitingStep = (submission: Submission) =>
  submission.status === 'in_review' && submission.currentStep !== null
    ? submission.chain[submission.currentStep]
    : undefined;

/**
 * The leader's approval that answers for a publication (RULES §3): the last approving signature at a
 * final-approval step of the item's chain.
 */
export const approvalSignature = (submission: Submission): Signature | undefined =>
  submission.signatures
    .filter(
      (signature) =>
        signature.verdict === 'approve' &&
        submission.chain.find((step) => step.id === signature.step)?.kind === 'final_approval',
    )
    .at(-1);

/**
 * How long a publication stays displayed: long term; or until its end date, at least 15 days (seed 003)
 * unless a law, regulation or rule sets a shorter period (its provision recorded), and never before it
 * is published.
 */
export function displayUntil(content: SubmissionInput, publishedOn: IsoDate): IsoDate | null {
  if (content.display.kind === 'long_term') return null;
  const minimum = content.display.legalBasis === undefined ? addDays(publishedOn, 15) : publishedOn;
  return content.display.endsOn > minimum ? content.display.endsOn : minimum;
}
