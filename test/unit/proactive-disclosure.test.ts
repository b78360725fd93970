import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/calendar/civil-date';
import { ForbiddenError, RuleViolationError, WrongStateError } from '#lib/domain/errors';
import { CatalogueUpdate, DEFAULT_CATALOGUE, CatalogueEntry } from '#lib/domain/submission/catalogue';
import {
  DEFAULT_REVIEW_CHAIN,
  ReviewChain,
  ReviewChainUpdate,
  SecrecyConclusion,
  type ReviewChain as Chain,
} from '#lib/domain/submission/review-chain';
import {
  archivedDocument,
  publish,
  PublicationQuery,
  VersionQuery,
  withdrawPublication,
  WithdrawalOfPublication,
  type Publication,
} from '#lib/domain/submission/publication';
import {
  checkContent,
  createSubmission,
  displayUntil,
  editSubmission,
  periodFits,
  returnReasons,
  review,
  submitForReview,
  SubmissionInput,
  type Submission,
  type SubmissionStatus,
} from '#lib/domain/submission/submission';
import {
  aReview,
  aSecrecyConclusion,
  aSubmission,
  aSubmissionInput,
  calendar,
  people,
  staffWith,
  UPLOAD,
} from '#test/support/domain';

const AT = '2026-09-29T10:00:00.000+08:00';
const TODAY = '2026-09-29';

/** Sends a draft into the chain and returns the item waiting at its first step. */
const inReview = (submission: Submission = aSubmission()): Submission => {
  const sent = submitForReview(submission, TODAY).submission;
  expect(sent.status).toBe('in_review');
  return sent;
};

/** The default chain's steps, each with the person who signs it. */
const signers = [
  ['first_review', people.firstReviewer],
  ['secrecy_review', people.secrecyReviewer],
  ['approval', people.approver],
] as const;

/** Approves the first `steps` steps of the default chain. */
const approvedThrough = (submission: Submission, steps: number): Submission =>
  signers
    .slice(0, steps)
    .reduce((item, [step, by]) => review(item, aReview(step), by, AT).submission, submission);

describe('registering a document for proactive disclosure', () => {
  it('a document formed on Monday 2026-09-28 must be published by 2026-10-30 (20 working days, Reg. 26)', () => {
    const change = createSubmission(
      aSubmissionInput(),
      { id: 'sub_1', agencyId: 'demo-city' },
      people.submitter,
      '2026-09-28T09:00:00.000+08:00',
      DEFAULT_REVIEW_CHAIN,
      calendar,
      20,
    );
    expect(change.submission).toEqual({
      id: 'sub_1',
      agencyId: 'demo-city',
      status: 'draft',
      content: aSubmissionInput(),
      submittedBy: { staffId: people.submitter.staffId, name: '王芳' },
      createdAt: '2026-09-28T09:00:00.000+08:00',
      round: 0,
      chain: DEFAULT_REVIEW_CHAIN,
      currentStep: null,
      returnReasons: [],
      signatures: [],
      publicationDueDate: '2026-10-30',
      publicationId: null,
      version: 1,
    });
    expect(change.event).toEqual({
      type: 'submission_registered',
      data: {
        title: '示例市财政局2026年部门预算',
        category: 'budgets',
        formedOn: '2026-09-28',
        attribute: 'proactive',
        publishBy: '2026-10-30',
      },
    });
    expect(change.clock).toMatchObject({ open: true, state: { status: 'running', dueDate: '2026-10-30' } });
    expect(change.outcome).toBeNull();
  });

  it('under a 5-working-day agency policy (seed 000) the deadline counts the adjusted Saturday 10-10', () => {
    const change = createSubmission(
      aSubmissionInput(),
      { id: 'sub_1', agencyId: 'demo-city' },
      staffWith('clerk', { name: undefined }),
      AT,
      DEFAULT_REVIEW_CHAIN,
      calendar,
      5,
    );
    expect(change.submission.publicationDueDate).toBe('2026-10-10');
    expect(change.submission.submittedBy.name).toBeNull();
  });

  it('a submission takes the defaults: not a policy document, no repeal, kind "other", no attachments', () => {
    expect(aSubmissionInput()).toMatchObject({
      policyDocument: false,
      majorDecision: false,
      documentKind: 'other',
      attachments: [],
    });
    expect(SubmissionInput.safeParse({ ...aSubmissionInput(), title: '   ' }).success).toBe(false);
    expect(SubmissionInput.safeParse({ ...aSubmissionInput(), formedOn: '2026-02-30' }).success).toBe(false);
    expect(
      SubmissionInput.safeParse({
        ...aSubmissionInput(),
        attachments: [{ uploadKey: 'elsewhere/x', name: 'a.pdf' }],
      }).error?.issues[0]?.path,
    ).toEqual(['attachments', 0, 'uploadKey']);
  });
});

describe('checking content against the agency’s catalogue and obligations', () => {
  const obligations = [
    { id: 'ob_monthly1', cadence: 'monthly' },
    { id: 'ob_quarter1', cadence: 'quarterly' },
    { id: 'ob_yearly01', cadence: 'yearly' },
  ];

  it('content in the catalogue, for a declared obligation and period, passes', () => {
    expect(() =>
      checkContent(
        aSubmissionInput({ periodic: { obligationId: 'ob_quarter1', period: '2026-Q3' } }),
        DEFAULT_CATALOGUE,
        obligations,
      ),
    ).not.toThrow();
  });

  it('a category outside the catalogue is 422 invalid-submission at body.category', () => {
    expect(() => checkContent(aSubmissionInput({ category: 'weather' }), DEFAULT_CATALOGUE, [])).toThrow(
      expect.objectContaining({
        constructor: RuleViolationError,
        code: 'invalid-submission',
        status: 422,
        errors: [{ path: 'body.category', message: 'is not in this agency’s catalogue' }],
      }),
    );
  });

  it('names every problem at once: unknown obligation, and a repeal by a document that is not a rule', () => {
    expect(() =>
      checkContent(
        aSubmissionInput({
          category: 'weather',
          periodic: { obligationId: 'ob_unknown1', period: '2026-09' },
          repeals: { documentNumber: '示财〔2020〕1号', title: '旧办法' },
        }),
        DEFAULT_CATALOGUE,
        obligations,
      ),
    ).toThrow(
      expect.objectContaining({
        errors: [
          { path: 'body.category', message: 'is not in this agency’s catalogue' },
          { path: 'body.periodic.obligationId', message: 'is not an obligation of this agency' },
          { path: 'body.repeals', message: 'only a rule or normative document repeals one' },
        ],
      }),
    );
  });

  it('a rule or normative document may record what it repeals', () => {
    for (const documentKind of ['rule', 'normative_document'] as const)
      expect(() =>
        checkContent(
          aSubmissionInput({ documentKind, repeals: { documentNumber: '示财〔2020〕1号', title: '旧办法' } }),
          DEFAULT_CATALOGUE,
          [],
        ),
      ).not.toThrow();
  });

  it('a monthly obligation takes a month, not a quarter', () => {
    expect(() =>
      checkContent(
        aSubmissionInput({ periodic: { obligationId: 'ob_monthly1', period: '2026-Q3' } }),
        DEFAULT_CATALOGUE,
        obligations,
      ),
    ).toThrow(
      expect.objectContaining({
        errors: [{ path: 'body.periodic.period', message: 'must be a monthly period' }],
      }),
    );
  });

  it.each([
    ['monthly', '2026-09', true],
    ['monthly', '2026', false],
    ['quarterly', '2026-Q4', true],
    ['quarterly', '2026-10', false],
    ['yearly', '2026', true],
    ['yearly', '2026-Q1', false],
  ])('a %s obligation %s → fits: %s', (cadence, period, fits) => {
    expect(periodFits(cadence, period)).toBe(fits);
  });
});

describe('returning an incomplete item at once (退文)', () => {
  it('a complete proactive item has nothing missing', () => {
    expect(returnReasons(aSubmissionInput(), TODAY)).toEqual([]);
  });

  it('names each missing piece in the words of the rules', () => {
    expect(
      returnReasons(
        aSubmissionInput({
          attribute: 'on_request',
          policyDocument: true,
          majorDecision: true,
          display: { kind: 'until', endsOn: '2026-10-01' },
        }),
        TODAY,
      ),
    ).toEqual([
      '依申请公开或不公开的，须说明法律依据和理由（attributeReason）',
      '政策性文件须同步附政策解读材料（interpretation）',
      '重大决策须附公众参与的证明材料（participationEvidence）',
      '公开期限自公开之日起不得少于15日（display.endsOn）',
    ]);
  });

  it('an on-request or not-disclosed item with its legal reason, and material attached, passes', () => {
    const interpretation = { uploadKey: UPLOAD.interpretation, name: '政策解读.pdf' };
    const participationEvidence = { uploadKey: UPLOAD.evidence, name: '征求意见情况.pdf' };
    for (const attribute of ['on_request', 'not_disclosed'] as const)
      expect(
        returnReasons(
          aSubmissionInput({
            attribute,
            attributeReason: '涉及个人隐私（条例第十五条）',
            policyDocument: true,
            interpretation,
            majorDecision: true,
            participationEvidence,
          }),
          TODAY,
        ),
      ).toEqual([]);
  });

  it('a display period of exactly 15 days from today is enough; 14 is not (seed 003)', () => {
    const until = (days: number) =>
      returnReasons(aSubmissionInput({ display: { kind: 'until', endsOn: addDays(TODAY, days) } }), TODAY);
    expect(until(15)).toEqual([]);
    expect(until(14)).toEqual(['公开期限自公开之日起不得少于15日（display.endsOn）']);
  });

  it('sending an item that lacks its reason returns it automatically, in the same round', () => {
    const change = submitForReview(aSubmission({ attribute: 'not_disclosed' }), TODAY);
    expect(change.submission).toMatchObject({
      status: 'returned',
      round: 0,
      currentStep: null,
      returnReasons: ['依申请公开或不公开的，须说明法律依据和理由（attributeReason）'],
    });
    expect(change.event).toEqual({
      type: 'auto_returned',
      data: { reasons: ['依申请公开或不公开的，须说明法律依据和理由（attributeReason）'] },
    });
    expect(change.clock).toBeNull();
    expect(change.outcome).toBeNull();
  });
});

describe('sending for review', () => {
  it('a complete draft enters round 1 at the first step of the chain', () => {
    const change = submitForReview(aSubmission(), TODAY);
    expect(change.submission).toMatchObject({
      status: 'in_review',
      round: 1,
      currentStep: 0,
      returnReasons: [],
    });
    expect(change.event).toEqual({ type: 'sent_for_review', data: { round: 1, step: 'first_review' } });
    expect(change.clock).toBeNull();
  });

  it.each<SubmissionStatus>(['in_review', 'published', 'recorded', 'withdrawn'])(
    'a %s item cannot be sent for review (409)',
    (status) => {
      expect(() => submitForReview(aSubmission({}, { status }), TODAY)).toThrow(
        expect.objectContaining({
          constructor: WrongStateError,
          code: 'wrong-state',
          status: 409,
          message: `A ${status} item cannot be sent for review.`,
        }),
      );
    },
  );
});

describe('editing', () => {
  it('editing a draft restarts the publication clock from the new date of formation', () => {
    const change = editSubmission(
      aSubmission(),
      aSubmissionInput({ formedOn: '2026-10-09', title: '修订稿' }),
      calendar,
      5,
    );
    // 10-10 (adjusted Saturday), 10-12, 10-13, 10-14, 10-15.
    expect(change.submission).toMatchObject({
      status: 'draft',
      publicationDueDate: '2026-10-15',
      content: { title: '修订稿' },
    });
    expect(change.event).toEqual({
      type: 'submission_edited',
      data: { title: '修订稿', formedOn: '2026-10-09', publishBy: '2026-10-15' },
    });
    expect(change.clock).toMatchObject({ open: true, state: { dueDate: '2026-10-15' } });
    expect(change.outcome).toBeNull();
  });

  it('editing a returned item makes it a draft again and clears the reasons; the signatures stay', () => {
    const returned = review(
      inReview(),
      aReview('first_review', { verdict: 'return', opinion: '请补充预算说明' }),
      people.firstReviewer,
      AT,
    ).submission;
    const edited = editSubmission(returned, aSubmissionInput(), calendar, 20).submission;
    expect(edited).toMatchObject({ status: 'draft', returnReasons: [], currentStep: null, round: 1 });
    expect(edited.signatures).toHaveLength(1);
  });

  it('editing a published item starts its revision (更新)', () => {
    const published = approvedThrough(inReview(), 3);
    expect(published.status).toBe('published');
    const change = editSubmission(published, aSubmissionInput({ title: '更正' }), calendar, 20);
    expect(change.submission.status).toBe('draft');
    expect(change.event.type).toBe('revision_started');
  });

  it.each<SubmissionStatus>(['in_review', 'recorded', 'withdrawn'])(
    'a %s item cannot be edited (409)',
    (status) => {
      expect(() => editSubmission(aSubmission({}, { status }), aSubmissionInput(), calendar, 20)).toThrow(
        expect.objectContaining({
          constructor: WrongStateError,
          message: `A ${status} item cannot be edited.`,
        }),
      );
    },
  );
});

describe('the signed review chain (签名把关)', () => {
  it('each approval records a signature and moves the item to the next step', () => {
    const change = review(
      inReview(),
      aReview('first_review', { opinion: '内容属实' }),
      people.firstReviewer,
      AT,
    );
    expect(change.submission).toMatchObject({ status: 'in_review', currentStep: 1 });
    expect(change.submission.signatures).toEqual([
      {
        round: 1,
        step: 'first_review',
        role: 'reviewer',
        staffId: people.firstReviewer.staffId,
        name: '李明',
        at: AT,
        verdict: 'approve',
        opinion: '内容属实',
        secrecy: null,
      },
    ]);
    expect(change.event).toEqual({
      type: 'review_signed',
      data: {
        step: 'first_review',
        verdict: 'approve',
        opinion: '内容属实',
        round: 1,
        secrecy: null,
        next: 'secrecy_review',
      },
    });
    expect(change.clock).toBeNull();
    expect(change.outcome).toBeNull();
  });

  it('the approval of the last step publishes a proactive item and closes its clock', () => {
    const atApproval = approvedThrough(inReview(), 2);
    const change = review(atApproval, aReview('approval'), people.approver, AT);
    expect(change.submission).toMatchObject({ status: 'published', currentStep: null });
    expect(change.submission.signatures.map((signature) => [signature.step, signature.staffId])).toEqual([
      ['first_review', people.firstReviewer.staffId],
      ['secrecy_review', people.secrecyReviewer.staffId],
      ['approval', people.approver.staffId],
    ]);
    expect(change.submission.signatures[1]?.secrecy).toEqual(aSecrecyConclusion());
    expect(change.event).toEqual({
      type: 'published',
      data: { step: 'approval', verdict: 'approve', opinion: '同意', round: 1, secrecy: null },
    });
    expect(change.clock).toEqual({ open: false });
    expect(change.outcome).toBe('publish');
  });

  it('an on-request item, once approved, is recorded, not published', () => {
    const item = inReview(aSubmission({ attribute: 'on_request', attributeReason: '条例第十六条' }));
    const change = review(approvedThrough(item, 2), aReview('approval'), people.approver, AT);
    expect(change.submission.status).toBe('recorded');
    expect(change.event.type).toBe('recorded');
    expect(change.outcome).toBe('record');
    expect(change.clock).toEqual({ open: false });
  });

  it('a chain with the pre-publication recheck (印前复核) publishes only after it', () => {
    const chain: Chain = [...DEFAULT_REVIEW_CHAIN, { step: 'pre_publication_check', role: 'supervisor' }];
    const checker = staffWith('supervisor', { staffId: 'stf_checker00000000000' });
    const atCheck = approvedThrough(inReview(aSubmission({}, { chain })), 3);
    expect(atCheck).toMatchObject({ status: 'in_review', currentStep: 3 });
    const change = review(atCheck, aReview('pre_publication_check'), checker, AT);
    expect(change.submission.status).toBe('published');
    expect(change.outcome).toBe('publish');
  });

  it('a return sends the item back with the reviewer’s reasons; the signature stays in the history', () => {
    const change = review(
      approvedThrough(inReview(), 1),
      aReview('secrecy_review', {
        verdict: 'return',
        opinion: '附件含个人身份证号，请删除后再报',
        secrecy: aSecrecyConclusion({ personal_privacy: 'present' }, 'redact'),
      }),
      people.secrecyReviewer,
      AT,
    );
    expect(change.submission).toMatchObject({
      status: 'returned',
      currentStep: null,
      returnReasons: ['附件含个人身份证号，请删除后再报'],
    });
    expect(change.submission.signatures.map((signature) => signature.verdict)).toEqual(['approve', 'return']);
    expect(change.event).toMatchObject({ type: 'review_returned', data: { step: 'secrecy_review' } });
    expect(change.outcome).toBeNull();
  });

  it('a returned item, fixed and sent again, starts round 2 from the first step', () => {
    const returned = review(
      inReview(),
      aReview('first_review', { verdict: 'return', opinion: '补充文号' }),
      people.firstReviewer,
      AT,
    ).submission;
    const again = submitForReview(returned, TODAY);
    expect(again.submission).toMatchObject({ status: 'in_review', round: 2, currentStep: 0 });
    // The first reviewer signs the same step again in the new round.
    const signed = review(again.submission, aReview('first_review'), people.firstReviewer, AT).submission;
    expect(signed.signatures.map((signature) => [signature.round, signature.step])).toEqual([
      [1, 'first_review'],
      [2, 'first_review'],
    ]);
  });

  it('an item not in review cannot be signed (409)', () => {
    expect(() => review(aSubmission(), aReview('first_review'), people.firstReviewer, AT)).toThrow(
      expect.objectContaining({ constructor: WrongStateError, message: 'The item is draft, not in review.' }),
    );
  });

  it('an item pointing past the end of its chain cannot be signed (409)', () => {
    expect(() =>
      review(
        aSubmission({}, { status: 'in_review', currentStep: 3 }),
        aReview('approval'),
        people.approver,
        AT,
      ),
    ).toThrow(
      expect.objectContaining({
        constructor: WrongStateError,
        message: 'The review chain has no such step.',
      }),
    );
  });

  it('a signature for another step than the one the item waits at is 409', () => {
    expect(() => review(inReview(), aReview('approval'), people.approver, AT)).toThrow(
      expect.objectContaining({
        constructor: WrongStateError,
        status: 409,
        message: 'The item waits at first_review, not approval.',
      }),
    );
  });

  it('only the step’s role signs it (403)', () => {
    expect(() => review(inReview(), aReview('first_review'), people.approver, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        code: 'forbidden',
        status: 403,
        message: 'The first_review step is signed by a reviewer.',
      }),
    );
  });

  it('nobody reviews their own submission, whatever roles they hold (403)', () => {
    const author = staffWith(['clerk', 'reviewer'], { staffId: people.submitter.staffId });
    expect(() => review(inReview(), aReview('first_review'), author, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        message: 'Nobody reviews their own submission.',
      }),
    );
  });

  it('nobody signs two steps of the same item, even in a later round (403)', () => {
    const both = staffWith(['reviewer', 'secrecy_reviewer'], { staffId: 'stf_both00000000000000' });
    const atSecrecy = review(inReview(), aReview('first_review'), both, AT).submission;
    expect(() => review(atSecrecy, aReview('secrecy_review'), both, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        message: 'Nobody signs two steps of the same item.',
      }),
    );
    // Returned at the secrecy review by someone else, and sent again: the first signature still counts.
    const returned = review(
      atSecrecy,
      aReview('secrecy_review', { verdict: 'return', opinion: '需脱敏' }),
      people.secrecyReviewer,
      AT,
    ).submission;
    const round2 = review(
      submitForReview(returned, TODAY).submission,
      aReview('first_review'),
      people.firstReviewer,
      AT,
    ).submission;
    expect(() => review(round2, aReview('secrecy_review'), both, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        message: 'Nobody signs two steps of the same item.',
      }),
    );
  });
});

describe('the secrecy review (保密审查)', () => {
  const atSecrecy = () => approvedThrough(inReview(), 1);

  it('gives a conclusion per risk: without one it is 422 secrecy-conclusion-missing', () => {
    expect(() =>
      review(atSecrecy(), aReview('secrecy_review', { secrecy: undefined }), people.secrecyReviewer, AT),
    ).toThrow(
      expect.objectContaining({
        constructor: RuleViolationError,
        code: 'secrecy-conclusion-missing',
        status: 422,
        errors: [{ path: 'body.secrecy', message: 'is required at the secrecy review' }],
      }),
    );
  });

  it('an item referred upward is not approved: approve + refer_upward is 422 refer-upward-holds', () => {
    expect(() =>
      review(
        atSecrecy(),
        aReview('secrecy_review', {
          secrecy: aSecrecyConclusion({ state_secret: 'unsure' }, 'refer_upward'),
        }),
        people.secrecyReviewer,
        AT,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'refer-upward-holds',
        errors: [{ path: 'body.verdict', message: 'must be return when referring upward' }],
      }),
    );
  });

  it('a referral upward returns the item, its conclusion signed', () => {
    const secrecy = aSecrecyConclusion({ state_secret: 'unsure' }, 'refer_upward');
    const change = review(
      atSecrecy(),
      aReview('secrecy_review', { verdict: 'return', opinion: '报上级保密部门确定', secrecy }),
      people.secrecyReviewer,
      AT,
    );
    expect(change.submission.status).toBe('returned');
    expect(change.submission.signatures[1]?.secrecy).toEqual(secrecy);
    expect(change.event.data).toMatchObject({ secrecy });
  });

  it.each(['present', 'unsure'] as const)(
    'a risk %s cannot be cleared: 422 secrecy-unresolved at body.secrecy.outcome',
    (level) => {
      expect(() =>
        review(
          atSecrecy(),
          aReview('secrecy_review', { secrecy: aSecrecyConclusion({ commercial_secret: level }, 'clear') }),
          people.secrecyReviewer,
          AT,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'secrecy-unresolved',
          errors: [{ path: 'body.secrecy.outcome', message: 'must be redact or refer_upward' }],
        }),
      );
    },
  );

  it('a risk present and redacted may be approved', () => {
    const change = review(
      atSecrecy(),
      aReview('secrecy_review', { secrecy: aSecrecyConclusion({ personal_privacy: 'present' }, 'redact') }),
      people.secrecyReviewer,
      AT,
    );
    expect(change.submission.currentStep).toBe(2);
    expect(change.event.data).toMatchObject({ next: 'approval' });
  });

  it('only the secrecy review gives a secrecy conclusion: elsewhere it is 422 secrecy-conclusion-misplaced', () => {
    expect(() =>
      review(
        inReview(),
        aReview('first_review', { secrecy: aSecrecyConclusion() }),
        people.firstReviewer,
        AT,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'secrecy-conclusion-misplaced',
        errors: [{ path: 'body.secrecy', message: 'belongs to the secrecy review' }],
      }),
    );
  });

  it('an approval at the secrecy review passes exactly when no risk is left unresolved (property)', () => {
    const level = fc.constantFrom('none', 'present', 'unsure');
    const risks = fc.record({
      state_secret: level,
      work_secret: level,
      commercial_secret: level,
      personal_privacy: level,
      security_stability: level,
    });
    fc.assert(
      fc.property(risks, fc.constantFrom('clear', 'redact', 'refer_upward'), (risks, outcome) => {
        const secrecy = SecrecyConclusion.parse({ risks, outcome });
        const unresolved = Object.values(risks).some((risk) => risk !== 'none');
        const allowed = outcome === 'redact' || (outcome === 'clear' && !unresolved);
        const attempt = () =>
          review(atSecrecy(), aReview('secrecy_review', { secrecy }), people.secrecyReviewer, AT);
        if (allowed) expect(attempt().submission.currentStep).toBe(2);
        else expect(attempt).toThrow(RuleViolationError);
      }),
    );
  });
});

describe('how long a publication stays displayed (seed 003: at least 15 days)', () => {
  it('a long-term item has no end', () => {
    expect(displayUntil(aSubmissionInput(), '2026-10-12')).toBeNull();
  });
  it('an end date later than 15 days is kept', () => {
    expect(
      displayUntil(aSubmissionInput({ display: { kind: 'until', endsOn: '2026-12-31' } }), '2026-10-12'),
    ).toBe('2026-12-31');
  });
  it('an end date sooner than 15 days after publication is pushed to the 15th day', () => {
    expect(
      displayUntil(aSubmissionInput({ display: { kind: 'until', endsOn: '2026-10-20' } }), '2026-10-12'),
    ).toBe('2026-10-27');
  });
});

describe('the review chain an agency configures', () => {
  it('the default chain is first review, secrecy review, approval', () => {
    expect(ReviewChain.parse(DEFAULT_REVIEW_CHAIN)).toEqual([
      { step: 'first_review', role: 'reviewer' },
      { step: 'secrecy_review', role: 'secrecy_reviewer' },
      { step: 'approval', role: 'approver' },
    ]);
  });

  it.each([
    [
      'without the secrecy review',
      [{ step: 'approval', role: 'approver' }],
      'must include the secrecy review (保密审查)',
    ],
    [
      'without the approval',
      [{ step: 'secrecy_review', role: 'secrecy_reviewer' }],
      'must include the approval (审批)',
    ],
    [
      'with a step twice',
      [
        { step: 'secrecy_review', role: 'secrecy_reviewer' },
        { step: 'secrecy_review', role: 'supervisor' },
        { step: 'approval', role: 'approver' },
      ],
      'must not repeat a step',
    ],
  ])('a chain %s is refused', (_name, steps, message) => {
    expect(ReviewChain.safeParse(steps).error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it('platform administrators sign no step; an empty chain is refused', () => {
    expect(
      ReviewChain.safeParse([
        { step: 'secrecy_review', role: 'platform_admin' },
        { step: 'approval', role: 'approver' },
      ]).success,
    ).toBe(false);
    expect(ReviewChain.safeParse([]).success).toBe(false);
  });

  it('an update carries the version it was read at', () => {
    expect(ReviewChainUpdate.safeParse({ version: 0, steps: DEFAULT_REVIEW_CHAIN }).success).toBe(false);
    expect(ReviewChainUpdate.parse({ version: 3, steps: DEFAULT_REVIEW_CHAIN }).steps).toHaveLength(3);
  });
});

describe('the disclosure catalogue (政府信息公开目录)', () => {
  it('the defaults are the 15 categories of Reg. 20 and the agency items, each a valid entry', () => {
    expect(DEFAULT_CATALOGUE.map((entry) => CatalogueEntry.parse(entry))).toEqual(DEFAULT_CATALOGUE);
    expect(DEFAULT_CATALOGUE.filter((entry) => entry.basis?.startsWith('条例第二十条'))).toHaveLength(15);
    expect(new Set(DEFAULT_CATALOGUE.map((entry) => entry.code)).size).toBe(DEFAULT_CATALOGUE.length);
  });

  it('an edited catalogue must not repeat a code', () => {
    const entry = { code: 'budgets', name: '预算' };
    expect(CatalogueUpdate.safeParse({ version: 1, entries: [entry, entry] }).error?.issues[0]?.message).toBe(
      'must not repeat a code',
    );
    expect(CatalogueUpdate.parse({ version: 1, entries: [entry] }).entries).toEqual([entry]);
  });

  it('a code is 2–40 lower-case letters, digits or underscores, starting with a letter', () => {
    expect(CatalogueEntry.safeParse({ code: 'Budgets', name: '预算' }).success).toBe(false);
    expect(CatalogueEntry.safeParse({ code: '1budgets', name: '预算' }).success).toBe(false);
    expect(CatalogueEntry.safeParse({ code: 'b', name: '预算' }).success).toBe(false);
  });
});

describe('publication in the reading room, with every version kept', () => {
  const PUBLISHED_ON = '2026-10-12';
  const PUBLISHED_AT = '2026-10-12T15:00:00.000+08:00';
  const prefix = 'agency=demo-city/year=2026/publication/pub_1';
  const withFiles = {
    attachments: [
      { uploadKey: UPLOAD.body, name: '预算表.xlsx' },
      { uploadKey: UPLOAD.table, name: '说明.pdf' },
    ],
    policyDocument: true,
    interpretation: { uploadKey: UPLOAD.interpretation, name: '政策解读.pdf' },
  };
  /** A submission approved through the whole default chain. */
  const approved = (content: Partial<SubmissionInput> = {}) =>
    approvedThrough(inReview(aSubmission(content)), 3);
  const firstPublication = (content: Partial<SubmissionInput> = {}): Publication =>
    publish(approved(content), undefined, 'pub_1', PUBLISHED_ON, PUBLISHED_AT);

  it('the first publication is version 1, its files archived under the agency, year and version', () => {
    expect(firstPublication(withFiles)).toEqual({
      publicationId: 'pub_1',
      agencyId: 'demo-city',
      audience: 'public',
      status: 'published',
      current: {
        version: 1,
        submissionId: 'sub_00000001',
        publishedOn: PUBLISHED_ON,
        publishedAt: PUBLISHED_AT,
        title: '示例市财政局2026年部门预算',
        documentNumber: '示财〔2026〕12号',
        issuingOffice: '示例市财政局',
        category: 'budgets',
        formedOn: '2026-09-28',
        body: '2026年部门预算及说明。',
        attachments: [
          {
            uploadKey: UPLOAD.body,
            name: '预算表.xlsx',
            archiveKey: `${prefix}/v1/attachment-1-00000000-0000-4000-8000-000000000001`,
          },
          {
            uploadKey: UPLOAD.table,
            name: '说明.pdf',
            archiveKey: `${prefix}/v1/attachment-2-00000000-0000-4000-8000-000000000002`,
          },
        ],
        interpretation: {
          uploadKey: UPLOAD.interpretation,
          name: '政策解读.pdf',
          archiveKey: `${prefix}/v1/interpretation-1-00000000-0000-4000-8000-000000000003`,
        },
        documentKind: 'other',
        repeals: null,
        archiveKey: `${prefix}/v1/document.json`,
      },
      firstPublishedOn: PUBLISHED_ON,
      displayUntil: null,
      periodic: null,
      withdrawal: null,
      version: 1,
    });
  });

  it('an internal item is published to staff only; a periodic item names its obligation and period', () => {
    const publication = firstPublication({
      audience: 'internal',
      documentNumber: undefined,
      periodic: { obligationId: 'ob_monthly1', period: '2026-09' },
      documentKind: 'normative_document',
      repeals: { documentNumber: '示财〔2020〕1号', title: '旧办法' },
      display: { kind: 'until', endsOn: '2026-10-20' },
    });
    expect(publication).toMatchObject({
      audience: 'internal',
      periodic: { obligationId: 'ob_monthly1', period: '2026-09' },
      displayUntil: '2026-10-27',
      current: {
        documentNumber: null,
        interpretation: null,
        attachments: [],
        documentKind: 'normative_document',
        repeals: { documentNumber: '示财〔2020〕1号', title: '旧办法' },
      },
    });
  });

  it('a revision, reviewed again, becomes version 2 at the same address; the first publication date stays', () => {
    const first = firstPublication();
    const published = approved();
    const revised = editSubmission(
      published,
      aSubmissionInput({ title: '更正：2026年部门预算' }),
      calendar,
      20,
    );
    const reviewed = approvedThrough(inReview(revised.submission), 3);
    const second = publish(reviewed, first, 'pub_1', '2027-01-05', '2027-01-05T09:00:00.000+08:00');
    expect(second).toMatchObject({
      publicationId: 'pub_1',
      status: 'published',
      firstPublishedOn: PUBLISHED_ON,
      version: 2,
      current: {
        version: 2,
        publishedOn: '2027-01-05',
        title: '更正：2026年部门预算',
        archiveKey: 'agency=demo-city/year=2027/publication/pub_1/v2/document.json',
      },
    });
    // The archived document carries the signatures of the round that let this version through.
    const archived = archivedDocument(second, reviewed);
    expect(archived.signatures.map((signature) => [signature.round, signature.step])).toEqual([
      [2, 'first_review'],
      [2, 'secrecy_review'],
      [2, 'approval'],
    ]);
    expect(reviewed.signatures).toHaveLength(6);
    expect(archived).toMatchObject({
      publicationId: 'pub_1',
      agencyId: 'demo-city',
      audience: 'public',
      attribute: 'proactive',
      version: 2,
      title: '更正：2026年部门预算',
    });
  });

  it('a withdrawn publication is not republished (409)', () => {
    const withdrawn = withdrawPublication(
      firstPublication(),
      { reason: '文件已废止', legalBasis: '示政发〔2026〕3号' },
      people.approver.staffId,
      '2026-11-02',
    );
    expect(() => publish(approved(), withdrawn, 'pub_1', '2026-11-03', AT)).toThrow(
      expect.objectContaining({
        constructor: WrongStateError,
        message: 'A withdrawn publication is not republished; register a new document.',
      }),
    );
  });
});

describe('withdrawal of a publication (撤回)', () => {
  const displayedUntilYearEnd = () =>
    publish(
      approvedThrough(inReview(aSubmission({ display: { kind: 'until', endsOn: '2026-12-31' } })), 3),
      undefined,
      'pub_1',
      '2026-10-12',
      AT,
    );
  const longTerm = () => publish(approvedThrough(inReview(), 3), undefined, 'pub_1', '2026-10-12', AT);

  it('inside the display period, up to its last day, it needs a recorded legal basis (422)', () => {
    expect(displayedUntilYearEnd().displayUntil).toBe('2026-12-31');
    expect(() =>
      withdrawPublication(
        displayedUntilYearEnd(),
        { reason: '内容有误' },
        people.approver.staffId,
        '2026-12-31',
      ),
    ).toThrow(
      expect.objectContaining({
        constructor: RuleViolationError,
        code: 'inside-display-period',
        status: 422,
        message:
          'The publication is displayed until 2026-12-31; withdrawing it earlier needs a recorded legal basis.',
        errors: [{ path: 'body.legalBasis', message: 'is required inside the display period' }],
      }),
    );
  });

  it('a long-term publication is always inside its display period', () => {
    expect(() =>
      withdrawPublication(longTerm(), { reason: '内容有误' }, people.approver.staffId, '2030-01-01'),
    ).toThrow(
      expect.objectContaining({
        code: 'inside-display-period',
        message: 'A long-term publication is withdrawn only on a recorded legal basis.',
      }),
    );
  });

  it('inside the display period, with a legal basis, it is withdrawn and the basis recorded', () => {
    const withdrawn = withdrawPublication(
      longTerm(),
      { reason: '文件已废止', legalBasis: '示政发〔2026〕3号' },
      people.approver.staffId,
      '2026-11-02',
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      version: 2,
      withdrawal: {
        on: '2026-11-02',
        reason: '文件已废止',
        legalBasis: '示政发〔2026〕3号',
        by: people.approver.staffId,
      },
    });
  });

  it('after the display period the reason suffices', () => {
    const withdrawn = withdrawPublication(
      displayedUntilYearEnd(),
      { reason: '公开期满' },
      people.approver.staffId,
      '2027-01-01',
    );
    expect(withdrawn.withdrawal).toEqual({
      on: '2027-01-01',
      reason: '公开期满',
      legalBasis: null,
      by: people.approver.staffId,
    });
    expect(withdrawn.current).toEqual(displayedUntilYearEnd().current);
  });

  it('a withdrawn publication cannot be withdrawn again (409)', () => {
    const withdrawn = withdrawPublication(
      displayedUntilYearEnd(),
      { reason: '公开期满' },
      people.approver.staffId,
      '2027-01-01',
    );
    expect(() =>
      withdrawPublication(withdrawn, { reason: '再撤' }, people.approver.staffId, '2027-01-02'),
    ).toThrow(
      expect.objectContaining({
        constructor: WrongStateError,
        message: 'The publication is already withdrawn.',
      }),
    );
  });

  it('the request needs a reason; the reading-room queries have bounded pages', () => {
    expect(WithdrawalOfPublication.safeParse({ reason: '  ' }).success).toBe(false);
    expect(WithdrawalOfPublication.safeParse({ reason: 'x', extra: 1 }).success).toBe(false);
    expect(PublicationQuery.parse({})).toEqual({ limit: 20 });
    expect(PublicationQuery.parse({ year: '2026', limit: '50', category: 'budgets' })).toEqual({
      year: 2026,
      limit: 50,
      category: 'budgets',
    });
    expect(PublicationQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(VersionQuery.parse({ version: '2' })).toEqual({ version: 2 });
    expect(VersionQuery.safeParse({ version: '0' }).success).toBe(false);
  });
});
