/**
 * The pure domain (lib/domain, except the application state machine, which is tested with its split), in
 * the domain's words. One file on purpose: on the 2-core runner vitest runs one worker and re-imports zod
 * and the calendar for every test file, about 0.3 s a file in each of the three time zones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '#test/support/depth';
import {
  Agency,
  AgencyId,
  catalogueOf,
  changedProfileFields,
  checkReconsiderationSettings,
  DEFAULT_RECONSIDERATION,
  defaultAnnualReportCutoff,
  ReconsiderationSettings,
  ReconsiderationUpdate,
  NewAgency,
  OfficeProfile,
  PeriodicObligationInput,
  PolicyUpdate,
  ProfileUpdate,
  reviewChainOf,
} from '#lib/domain/agency';
import {
  draftContent,
  LegalChallengeInput,
  LegalChallengeOutcome,
  RESULT_ROWS,
  type ReportContent,
} from '#lib/domain/annual-report';
import { annualReportHtml } from '#lib/domain/annual-report-html';
import {
  Applicant,
  applicantIdentity,
  columnOf,
  InformationRequest,
  maskedApplicant,
  maskIdNumber,
  maskPhone,
} from '#lib/domain/application/applicant';
import type { Application, Consultation, Decision } from '#lib/domain/application/application';
import {
  decisionLetterHtml,
  type LetterParties,
  type PublishedPublication,
} from '#lib/domain/application/decision-letter';
import {
  bodyInLetter,
  reconsiderationBodyOf,
  remedyRouteOf,
  remedySentence,
} from '#lib/domain/application/remedies';
import { thirdPartyNoticeHtml } from '#lib/domain/application/third-party-notice';
import { archiveKeys } from '#lib/domain/archive-keys';
import { FeeBasis, feeByPiece, feeByVolume, feeFor } from '#lib/domain/application/fees';
import {
  CANNOT_PROVIDE_REASONS,
  DecisionInput,
  NOT_DISCLOSED_REASONS,
  NOT_PROCESSED_REASONS,
  OTHERWISE_HANDLED_REASONS,
  outcomeLabel,
  outcomeRow,
} from '#lib/domain/application/outcomes';
import {
  DEFAULT_POLICY,
  DisclosurePolicy,
  lawful,
  othersTimeCut,
  policyOn,
  REGULATION_LIMITS,
  requireOthersTimeKept,
} from '#lib/domain/application/policy';
import {
  applicantKeyOf,
  hashToken,
  idempotencyKeyHash,
  newAccessToken,
  newTrackingNumber,
  requestHash,
  sealToken,
  tokenMatches,
  TRACKING_NUMBER,
  TrackingNumber,
  unsealToken,
} from '#lib/domain/application/secrets';
import { addDays, dayNumberOf, isoDateOfDayNumber, isValidIsoDate } from '#lib/domain/calendar/civil-date';
import { advanceClock, evaluateClock, startClock } from '#lib/domain/calendar/clock';
import { CALENDAR_RANGE, CalendarRangeError, WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import {
  checkPublishedSchedule,
  loadedYear,
  PublishedSchedule,
  statutoryHolidays,
} from '#lib/domain/calendar/year-schedule';
import { chinaYearOf } from '#lib/domain/china-time';
import {
  answerComplaint,
  complainantView,
  complaintCodeMatches,
  COMPLAINT_ANSWER_DAYS,
  ComplaintInput,
  ComplaintReply,
  receiveComplaint,
  staffComplaintView,
  Complaint,
} from '#lib/domain/complaint';
import {
  AlreadyExistsError,
  DependencyUnavailableError,
  DomainError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
  ValidationError,
  VersionConflictError,
  WrongStateError,
} from '#lib/domain/errors';
import { assertRolesFitAgency, PLATFORM_AGENCY_ID, StaffId, StaffUpdate } from '#lib/domain/staff';
import { CatalogueEntry, CatalogueUpdate, DEFAULT_CATALOGUE } from '#lib/domain/submission/catalogue';
import {
  archivedDocument,
  documentCounterMoves,
  Publication,
  PublicationQuery,
  PublicationVersion,
  publish,
  VersionQuery,
  WithdrawalOfPublication,
  withdrawPublication,
} from '#lib/domain/submission/publication';
import {
  chainIssues,
  DEFAULT_REVIEW_CHAIN,
  fixedStepLabel,
  ReviewChain,
  ReviewChainInput,
  ReviewChainUpdate,
  SecrecyConclusion,
  type ReviewChain as Chain,
} from '#lib/domain/submission/review-chain';
import {
  approvalSignature,
  checkContent,
  createSubmission,
  displayUntil,
  editSubmission,
  hasPublicationDeadline,
  periodFits,
  publicationPeriod,
  RepealedDocument,
  returnReasons,
  review,
  Signature,
  Submission,
  SubmissionInput,
  submitForReview,
  type SubmissionStatus,
} from '#lib/domain/submission/submission';
import {
  aDecision,
  AGENCY_ID,
  anApplicant,
  anApplication,
  aReview,
  aSecrecyConclusion,
  aSubmission,
  aSubmissionInput,
  calendar,
  people,
  REG_26_PERIOD,
  staffWith,
  UPLOAD,
} from '#test/support/domain';

const AT = '2026-09-29T10:00:00.000+08:00';
const TODAY = '2026-09-29';

/** Sends a draft into the chain and returns the item waiting at its first step. */
const inReview = (submission: Submission = aSubmission()): Submission => {
  const sent = submitForReview(submission, TODAY, people.submitter).submission;
  expect(sent.status).toBe('in_review');
  return sent;
};

/** The default chain's steps, each with the person who signs it. */
const signers = [
  ['first_review', people.firstReviewer],
  ['second_review', people.secondReviewer],
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
      REG_26_PERIOD,
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
      publicationPeriod: REG_26_PERIOD,
      changedOn: null,
      publicationId: null,
      handledBy: [people.submitter.staffId],
      redacted: null,
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
        publishWithin: REG_26_PERIOD,
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
      { ...REG_26_PERIOD, days: 5 },
    );
    expect(change.submission.publicationDueDate).toBe('2026-10-10');
    expect(change.submission.submittedBy.name).toBeNull();
  });

  it('a submission takes the defaults: not a policy document, no repeal, kind "other", no attachments', () => {
    expect(aSubmissionInput()).toMatchObject({
      policyDocument: false,
      majorDecision: false,
      documentKind: 'other',
      repeals: [],
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

  it('names every problem at once: unknown obligation, and a document repealed twice', () => {
    const repealed = { kind: 'normative_document', documentNumber: '示财〔2020〕1号', title: '旧办法' };
    expect(() =>
      checkContent(
        aSubmissionInput({
          category: 'weather',
          periodic: { obligationId: 'ob_unknown1', period: '2026-09' },
          repeals: [RepealedDocument.parse(repealed), RepealedDocument.parse(repealed)],
        }),
        DEFAULT_CATALOGUE,
        obligations,
      ),
    ).toThrow(
      expect.objectContaining({
        errors: [
          { path: 'body.category', message: 'is not in this agency’s catalogue' },
          { path: 'body.periodic.obligationId', message: 'is not an obligation of this agency' },
          { path: 'body.repeals.1.documentNumber', message: 'names a document already listed' },
        ],
      }),
    );
  });

  it('any document may end rules and normative documents: a rule, a normative document, a decision to repeal', () => {
    const repeals = [
      RepealedDocument.parse({ kind: 'rule', documentNumber: '示政令第3号', title: '旧规章' }),
      RepealedDocument.parse({
        kind: 'normative_document',
        documentNumber: '示财〔2020〕1号',
        title: '旧办法',
      }),
    ];
    for (const documentKind of ['rule', 'normative_document', 'other'] as const)
      expect(() =>
        checkContent(aSubmissionInput({ documentKind, repeals }), DEFAULT_CATALOGUE, []),
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
    ['quarterly', '2026-Q5', false],
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
      '公开期限自公开之日起不得少于15日（display.endsOn）；法律、法规、规章另有规定的，注明其依据（display.legalBasis）',
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
    expect(until(14)).toEqual([
      '公开期限自公开之日起不得少于15日（display.endsOn）；法律、法规、规章另有规定的，注明其依据（display.legalBasis）',
    ]);
  });

  it('sending an item that lacks its reason returns it automatically, in the same round', () => {
    const change = submitForReview(aSubmission({ attribute: 'not_disclosed' }), TODAY, people.submitter);
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
    const change = submitForReview(aSubmission(), TODAY, people.submitter);
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
      expect(() => submitForReview(aSubmission({}, { status }), TODAY, people.submitter)).toThrow(
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
  /** An edit under Reg. 26's 20 working days (or `period`), today being 2026-09-29 unless given. */
  const edit = (
    current: Submission,
    content: SubmissionInput,
    changedOn?: string,
    period = REG_26_PERIOD,
    today = TODAY,
  ) => editSubmission(current, { content, changedOn }, calendar, period, today, people.submitter);

  it('editing a draft restarts the publication clock from the new date of formation', () => {
    const change = edit(
      aSubmission(),
      aSubmissionInput({ formedOn: '2026-10-09', title: '修订稿' }),
      undefined,
      { ...REG_26_PERIOD, days: 5 },
      '2026-10-09',
    );
    // 10-10 (adjusted Saturday), 10-12, 10-13, 10-14, 10-15.
    expect(change.submission).toMatchObject({
      status: 'draft',
      publicationDueDate: '2026-10-15',
      content: { title: '修订稿' },
      changedOn: null,
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
    const edited = edit(returned, aSubmissionInput()).submission;
    expect(edited).toMatchObject({ status: 'draft', returnReasons: [], currentStep: null, round: 1 });
    expect(edited.signatures).toHaveLength(1);
  });

  it('editing a published item starts its revision (更新)', () => {
    const published = approvedThrough(inReview(), 4);
    expect(published.status).toBe('published');
    const change = edit(published, aSubmissionInput({ title: '更正' }), '2026-09-29');
    expect(change.submission.status).toBe('draft');
    expect(change.event.type).toBe('revision_started');
  });

  it.each<SubmissionStatus>(['in_review', 'recorded', 'withdrawn'])(
    'a %s item cannot be edited (409)',
    (status) => {
      expect(() => edit(aSubmission({}, { status }), aSubmissionInput())).toThrow(
        expect.objectContaining({
          constructor: WrongStateError,
          message: `A ${status} item cannot be edited.`,
        }),
      );
    },
  );
});

describe('a revision runs from its date of change (Reg. 26: 变更)', () => {
  const edit = (current: Submission, changedOn: string | undefined, today = '2026-11-20') =>
    editSubmission(
      current,
      { content: aSubmissionInput({ title: '更正' }), changedOn },
      calendar,
      REG_26_PERIOD,
      today,
      people.submitter,
    );
  const published = () => approvedThrough(inReview(), 4);

  it('the revision of a published item carries its date of change; its clock runs from it, not from the formation', () => {
    const change = edit(published(), '2026-11-16');
    // Monday 2026-11-16 + 20 working days = Monday 2026-12-14 (from the formation on 09-28 it was 10-30).
    expect(change.submission).toMatchObject({
      status: 'draft',
      changedOn: '2026-11-16',
      publicationDueDate: '2026-12-14',
    });
    expect(change.clock).toMatchObject({ open: true, state: { dueDate: '2026-12-14' } });
    expect(change.event).toEqual({
      type: 'revision_started',
      data: { title: '更正', formedOn: '2026-09-28', changedOn: '2026-11-16', publishBy: '2026-12-14' },
    });
  });

  it('editing the revision again keeps its date of change, or takes a new one', () => {
    const revising = edit(published(), '2026-11-16').submission;
    expect(edit(revising, undefined).submission).toMatchObject({
      changedOn: '2026-11-16',
      publicationDueDate: '2026-12-14',
    });
    expect(edit(revising, '2026-11-18').submission).toMatchObject({
      changedOn: '2026-11-18',
      publicationDueDate: '2026-12-16',
    });
  });

  it.each([
    ['missing', undefined, 'is required: the revision’s publication deadline runs from its date of change'],
    ['after today', '2026-11-21', 'must not be after today (2026-11-20)'],
    ['before the formation', '2026-09-27', 'must not be before the document was formed (2026-09-28)'],
  ])('a date of change %s is 422 invalid-change-date', (_case, changedOn, message) => {
    expect(() => edit(published(), changedOn)).toThrow(
      expect.objectContaining({
        constructor: RuleViolationError,
        code: 'invalid-change-date',
        errors: [{ path: 'body.changedOn', message }],
      }),
    );
  });

  it('a date of change on the first formation day is accepted; an item never published has none', () => {
    expect(edit(published(), '2026-09-28').submission.changedOn).toBe('2026-09-28');
    expect(() => edit(aSubmission(), '2026-10-01')).toThrow(
      expect.objectContaining({
        code: 'invalid-change-date',
        errors: [{ path: 'body.changedOn', message: 'is only for the revision of a published item' }],
      }),
    );
  });

  it('the published version records its date of change', () => {
    const first = publish(published(), undefined, 'pub_1', '2026-10-12', AT);
    const revised = approvedThrough(inReview(edit(published(), '2026-11-16').submission), 4);
    expect(first.current.changedOn).toBeNull();
    expect(publish(revised, first, 'pub_1', '2026-11-20', AT).current).toMatchObject({
      version: 2,
      formedOn: '2026-09-28',
      changedOn: '2026-11-16',
    });
  });
});

describe('the publication clock binds proactive, public items only (Reg. 26)', () => {
  const register = (content: Partial<SubmissionInput>) =>
    createSubmission(
      aSubmissionInput(content),
      { id: 'sub_1', agencyId: AGENCY_ID },
      people.submitter,
      AT,
      DEFAULT_REVIEW_CHAIN,
      calendar,
      REG_26_PERIOD,
    );
  const onRequest = { attribute: 'on_request', attributeReason: '条例第十六条' } as const;
  const notDisclosed = { attribute: 'not_disclosed', attributeReason: '条例第十四条' } as const;
  const internal = { audience: 'internal' } as const;

  it.each([
    ['on request (依申请公开)', onRequest],
    ['not disclosed (不予公开)', notDisclosed],
    ['for the agency’s staff only (内部)', internal],
  ])('an item %s gets no deadline and no clock', (_case, content) => {
    const change = register(content);
    expect(change.submission).toMatchObject({ publicationDueDate: null, publicationPeriod: null });
    expect(change.clock).toBeNull();
    expect(change.event.data).toMatchObject({ publishBy: null, publishWithin: null });
    expect(hasPublicationDeadline(aSubmissionInput(content))).toBe(false);
  });

  it('a proactive, public item has its deadline', () => {
    expect(hasPublicationDeadline(aSubmissionInput())).toBe(true);
    expect(register({}).clock).toMatchObject({ open: true, state: { dueDate: '2026-10-30' } });
  });

  it('approving an item without a clock closes none; the item is recorded or published all the same', () => {
    const recorded = review(
      approvedThrough(inReview(aSubmission(onRequest)), 3),
      aReview('approval'),
      people.approver,
      AT,
    );
    expect(recorded).toMatchObject({ outcome: 'record', clock: null, submission: { status: 'recorded' } });
    const internalItem = review(
      approvedThrough(inReview(aSubmission(internal)), 3),
      aReview('approval'),
      people.approver,
      AT,
    );
    expect(internalItem).toMatchObject({
      outcome: 'publish',
      clock: null,
      submission: { status: 'published' },
    });
  });

  it('an item kept with a running clock before this rule still has it closed at its approval', () => {
    const legacy = aSubmission(onRequest, { publicationDueDate: '2026-10-30' });
    const change = review(approvedThrough(inReview(legacy), 3), aReview('approval'), people.approver, AT);
    expect(change.clock).toEqual({ open: false });
  });

  it('an edit that makes an item on-request stops its clock; one that makes it proactive starts it', () => {
    const toOnRequest = editSubmission(
      aSubmission(),
      { content: aSubmissionInput(onRequest) },
      calendar,
      REG_26_PERIOD,
      TODAY,
      people.submitter,
    );
    expect(toOnRequest.clock).toEqual({ open: false });
    expect(toOnRequest.submission.publicationDueDate).toBeNull();
    const back = editSubmission(
      toOnRequest.submission,
      { content: aSubmissionInput() },
      calendar,
      REG_26_PERIOD,
      TODAY,
      people.submitter,
    );
    expect(back.clock).toMatchObject({ open: true, state: { dueDate: '2026-10-30' } });
    const stillOnRequest = editSubmission(
      toOnRequest.submission,
      { content: aSubmissionInput({ ...onRequest, title: '改题' }) },
      calendar,
      REG_26_PERIOD,
      TODAY,
      people.submitter,
    );
    expect(stillOnRequest.clock).toBeNull();
  });

  it('the revision of an internal publication starts no clock', () => {
    const published = approvedThrough(inReview(aSubmission(internal)), 4);
    const change = editSubmission(
      published,
      { content: aSubmissionInput(internal), changedOn: TODAY },
      calendar,
      REG_26_PERIOD,
      TODAY,
      people.submitter,
    );
    expect(change).toMatchObject({ clock: null, submission: { publicationDueDate: null, changedOn: TODAY } });
  });
});

describe('another law’s deadline for a category (Reg. 26 proviso)', () => {
  const budgets = DEFAULT_CATALOGUE.find((entry) => entry.code === 'budgets');

  it('budgets and final accounts: 20 natural days, 预算法 Art. 14, in the default catalogue', () => {
    expect(budgets?.deadline).toEqual({
      days: 20,
      unit: 'natural_days',
      basis: '《中华人民共和国预算法》第十四条：批准（批复）后二十日内公开',
    });
    expect(publicationPeriod(budgets, 5)).toBe(budgets?.deadline);
  });

  it('a category without one takes 20 working days, or the agency’s stricter policy, with its basis', () => {
    const plans = DEFAULT_CATALOGUE.find((entry) => entry.code === 'plans');
    expect(publicationPeriod(plans, 20)).toEqual(REG_26_PERIOD);
    expect(publicationPeriod(undefined, 5)).toEqual({
      days: 5,
      unit: 'working_days',
      basis: '本机关规定（严于条例第二十六条）',
    });
  });

  it('the clock counts natural days; a last day off moves to the next working day (民法典 Art. 203)', () => {
    const period = publicationPeriod(budgets, 20);
    const register = (formedOn: string) =>
      createSubmission(
        aSubmissionInput({ formedOn }),
        { id: 'sub_1', agencyId: AGENCY_ID },
        people.submitter,
        AT,
        DEFAULT_REVIEW_CHAIN,
        calendar,
        period,
      );
    // 2026-09-01 + 20 days = Monday 09-21, a working day.
    expect(register('2026-09-01').submission).toMatchObject({
      publicationDueDate: '2026-09-21',
      publicationPeriod: period,
    });
    // 2026-09-28 + 20 days = Sunday 10-18: the next working day is Monday 10-19.
    expect(register('2026-09-28').submission.publicationDueDate).toBe('2026-10-19');
  });

  it('a category’s deadline is kept with the catalogue: days, unit and the provision', () => {
    const entry = {
      code: 'budgets',
      name: '预算',
      deadline: { days: 20, unit: 'natural_days', basis: '预算法第十四条' },
    };
    expect(CatalogueEntry.parse(entry)).toEqual(entry);
    expect(CatalogueEntry.safeParse({ ...entry, deadline: { ...entry.deadline, basis: ' ' } }).success).toBe(
      false,
    );
    expect(CatalogueEntry.safeParse({ ...entry, deadline: { ...entry.deadline, days: 0 } }).success).toBe(
      false,
    );
  });
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
        label: '初审',
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
        label: '初审',
        verdict: 'approve',
        opinion: '内容属实',
        round: 1,
        secrecy: null,
        next: 'second_review',
      },
    });
    expect(change.clock).toBeNull();
    expect(change.outcome).toBeNull();
  });

  it('the approval of the last step publishes a proactive item and closes its clock', () => {
    const atApproval = approvedThrough(inReview(), 3);
    const change = review(atApproval, aReview('approval'), people.approver, AT);
    expect(change.submission).toMatchObject({ status: 'published', currentStep: null });
    expect(change.submission.signatures.map((signature) => [signature.step, signature.staffId])).toEqual([
      ['first_review', people.firstReviewer.staffId],
      ['second_review', people.secondReviewer.staffId],
      ['secrecy_review', people.secrecyReviewer.staffId],
      ['approval', people.approver.staffId],
    ]);
    expect(change.submission.signatures[2]?.secrecy).toEqual(aSecrecyConclusion());
    expect(change.event).toEqual({
      type: 'published',
      data: { step: 'approval', label: '终审', verdict: 'approve', opinion: '同意', round: 1, secrecy: null },
    });
    expect(change.clock).toEqual({ open: false });
    expect(change.outcome).toBe('publish');
  });

  it('an on-request item, once approved, is recorded, not published', () => {
    const item = inReview(aSubmission({ attribute: 'on_request', attributeReason: '条例第十六条' }));
    const change = review(approvedThrough(item, 3), aReview('approval'), people.approver, AT);
    expect(change.submission.status).toBe('recorded');
    expect(change.event.type).toBe('recorded');
    expect(change.outcome).toBe('record');
    // It never had a publication clock (Reg. 26 binds proactive items only): there is none to close.
    expect(change.clock).toBeNull();
  });

  it('a chain with the pre-publication recheck (印前复核) publishes only after it', () => {
    const chain: Chain = [
      ...DEFAULT_REVIEW_CHAIN,
      { id: 'pre_publication_check', label: '印前复核', role: 'reviewer', kind: 'pre_publication_check' },
    ];
    const checker = staffWith('reviewer', { staffId: 'stf_checker00000000000' });
    const atCheck = approvedThrough(inReview(aSubmission({}, { chain })), 4);
    expect(atCheck).toMatchObject({ status: 'in_review', currentStep: 4 });
    const change = review(atCheck, aReview('pre_publication_check'), checker, AT);
    expect(change.submission.status).toBe('published');
    expect(change.outcome).toBe('publish');
  });

  it('a return sends the item back with the reviewer’s reasons; the signature stays in the history', () => {
    const change = review(
      approvedThrough(inReview(), 2),
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
    expect(change.submission.signatures.map((signature) => signature.verdict)).toEqual([
      'approve',
      'approve',
      'return',
    ]);
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
    const again = submitForReview(returned, TODAY, people.submitter);
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
        aSubmission({}, { status: 'in_review', currentStep: 4 }),
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
        message: 'The item waits at 初审 (first_review), not approval.',
      }),
    );
  });

  it('only the step’s role signs it (403)', () => {
    expect(() => review(inReview(), aReview('first_review'), people.approver, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        code: 'forbidden',
        status: 403,
        message: 'The 初审 (first_review) step is signed by a reviewer.',
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

  it('an item kept before its handlers were recorded is read as handled by its submitter', () => {
    const { handledBy: _dropped, ...kept } = inReview();
    expect(Submission.parse(kept).handledBy).toEqual([people.submitter.staffId]);
  });

  it('nobody signs two steps of the same item, even in a later round (403)', () => {
    const both = staffWith(['reviewer', 'secrecy_reviewer'], { staffId: 'stf_both00000000000000' });
    const atSecondReview = review(inReview(), aReview('first_review'), both, AT).submission;
    // 初审 and 复审 share a role: one reviewer signs one of them.
    expect(() => review(atSecondReview, aReview('second_review'), both, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        message: 'Nobody signs two steps of the same item.',
      }),
    );
    const atSecrecy = review(atSecondReview, aReview('second_review'), people.secondReviewer, AT).submission;
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
    const round2 = [
      ['first_review', people.firstReviewer],
      ['second_review', people.secondReviewer],
    ] as const;
    const atSecrecyAgain = round2.reduce(
      (item, [step, by]) => review(item, aReview(step), by, AT).submission,
      submitForReview(returned, TODAY, people.submitter).submission,
    );
    expect(() => review(atSecrecyAgain, aReview('secrecy_review'), both, AT)).toThrow(
      expect.objectContaining({
        constructor: ForbiddenError,
        message: 'Nobody signs two steps of the same item.',
      }),
    );
  });
});

describe('the secrecy review (保密审查)', () => {
  const atSecrecy = () => approvedThrough(inReview(), 2);

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
          secrecy: aSecrecyConclusion({ state_secret: 'present' }, 'refer_upward'),
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
    expect(change.submission.signatures[2]?.secrecy).toEqual(secrecy);
    expect(change.event.data).toMatchObject({ secrecy });
  });

  it('a risk present cannot be cleared: 422 secrecy-unresolved at body.secrecy.outcome', () => {
    expect(() =>
      review(
        atSecrecy(),
        aReview('secrecy_review', { secrecy: aSecrecyConclusion({ commercial_secret: 'present' }, 'clear') }),
        people.secrecyReviewer,
        AT,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'secrecy-unresolved',
        errors: [{ path: 'body.secrecy.outcome', message: 'must be redact or refer_upward' }],
      }),
    );
  });

  it.each(['clear', 'redact'] as const)(
    'a risk unsure is neither cleared nor redacted (%s): 422 secrecy-unsure-refers-upward',
    (outcome) => {
      expect(() =>
        review(
          atSecrecy(),
          aReview('secrecy_review', {
            secrecy: aSecrecyConclusion(
              { personal_privacy: 'present', commercial_secret: 'unsure' },
              outcome,
            ),
          }),
          people.secrecyReviewer,
          AT,
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'secrecy-unsure-refers-upward',
          status: 422,
          errors: [{ path: 'body.secrecy.outcome', message: 'must be refer_upward when a risk is unsure' }],
        }),
      );
    },
  );

  it('a risk present and redacted may be approved, with the redacted version (422 without it)', () => {
    const secrecy = aSecrecyConclusion({ personal_privacy: 'present' }, 'redact');
    expect(() =>
      review(atSecrecy(), aReview('secrecy_review', { secrecy }), people.secrecyReviewer, AT),
    ).toThrow(
      expect.objectContaining({
        code: 'redacted-version-missing',
        errors: [{ path: 'body.redacted', message: 'is required when the conclusion is redact' }],
      }),
    );
    const redacted = { body: '2026年部门预算及说明（个人信息已删除）。', attachments: [] };
    const change = review(
      atSecrecy(),
      aReview('secrecy_review', { secrecy, redacted }),
      people.secrecyReviewer,
      AT,
    );
    expect(change.submission.currentStep).toBe(3);
    expect(change.submission.redacted).toEqual(redacted);
    expect(change.event.data).toMatchObject({ next: 'approval' });
    // Published, the redacted version is what the reading room shows; the original is archived, internal.
    const approved = review(change.submission, aReview('approval'), people.approver, AT).submission;
    const publication = publish(approved, undefined, 'pub_1', TODAY, AT);
    expect(publication.current.body).toBe(redacted.body);
    expect(archivedDocument(publication, approved).original).toEqual({
      body: '2026年部门预算及说明。',
      attachments: [],
    });
    const withFile = {
      ...approved,
      content: { ...approved.content, attachments: [{ uploadKey: UPLOAD.table, name: '原表.xlsx' }] },
    };
    expect(archivedDocument(publication, withFile).original?.attachments).toEqual([
      {
        uploadKey: UPLOAD.table,
        name: '原表.xlsx',
        archiveKey: `agency=${AGENCY_ID}/year=2026/publication/pub_1/v1/original-1-00000000-0000-4000-8000-000000000002`,
      },
    ]);
    // Sent again, a new round is reviewed anew: the redaction goes.
    expect(
      submitForReview({ ...change.submission, status: 'returned' }, TODAY, people.submitter).submission
        .redacted,
    ).toBeNull();
    // A redacted version belongs to a secrecy review concluding redact only.
    expect(() =>
      review(atSecrecy(), aReview('secrecy_review', { redacted }), people.secrecyReviewer, AT),
    ).toThrow(expect.objectContaining({ code: 'secrecy-conclusion-misplaced' }));
    expect(() => review(inReview(), aReview('first_review', { redacted }), people.firstReviewer, AT)).toThrow(
      expect.objectContaining({ code: 'secrecy-conclusion-misplaced' }),
    );
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
    const waiting = atSecrecy();
    fc.assert(
      fc.property(risks, fc.constantFrom('clear', 'redact', 'refer_upward'), (risks, outcome) => {
        const secrecy = SecrecyConclusion.parse({ risks, outcome });
        const unresolved = Object.values(risks).some((risk) => risk !== 'none');
        const unsure = Object.values(risks).includes('unsure');
        const allowed = !unsure && (outcome === 'redact' || (outcome === 'clear' && !unresolved));
        const attempt = () =>
          review(
            waiting,
            aReview('secrecy_review', {
              secrecy,
              ...(outcome === 'redact' ? { redacted: { body: '已删除', attachments: [] } } : {}),
            }),
            people.secrecyReviewer,
            AT,
          );
        if (allowed) expect(attempt().submission.currentStep).toBe(3);
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

describe('a shorter display set by a law, regulation or rule (an exception with its legal basis)', () => {
  const basis = '《某省建设工程招标投标管理办法》第二十条：中标候选人公示期不得少于3日';
  const shorter = (endsOn: string) =>
    aSubmissionInput({ display: { kind: 'until', endsOn, legalBasis: basis } });

  it('with its legal basis, a display shorter than 15 days is kept as set, and goes through the chain', () => {
    expect(returnReasons(shorter(addDays(TODAY, 3)), TODAY)).toEqual([]);
    expect(displayUntil(shorter('2026-10-15'), '2026-10-12')).toBe('2026-10-15');
    expect(
      submitForReview(
        aSubmission({ display: { kind: 'until', endsOn: '2026-10-02', legalBasis: basis } }),
        TODAY,
        people.submitter,
      ).submission.status,
    ).toBe('in_review');
  });

  it('without one, the same end date is returned (退文) with the rule and the way to state the exception', () => {
    expect(
      returnReasons(aSubmissionInput({ display: { kind: 'until', endsOn: addDays(TODAY, 3) } }), TODAY),
    ).toEqual([
      '公开期限自公开之日起不得少于15日（display.endsOn）；法律、法规、规章另有规定的，注明其依据（display.legalBasis）',
    ]);
  });

  it('an end date before today is returned even with a basis; before publication it is never shown shorter', () => {
    expect(returnReasons(shorter(addDays(TODAY, -1)), TODAY)).toEqual([
      '公开期限的截止日期不得早于公开之日（display.endsOn）',
    ]);
    expect(displayUntil(shorter('2026-10-10'), '2026-10-12')).toBe('2026-10-12');
  });

  it('the publication records the basis; after the shorter period a reason suffices to withdraw it', () => {
    const publication = publish(
      approvedThrough(
        inReview(aSubmission({ display: { kind: 'until', endsOn: '2026-10-05', legalBasis: basis } })),
        4,
      ),
      undefined,
      'pub_1',
      '2026-10-02',
      AT,
    );
    expect(publication).toMatchObject({ displayUntil: '2026-10-05', displayBasis: basis });
    expect(() =>
      withdrawPublication(publication, { reason: '公示期满' }, people.approver.staffId, '2026-10-05'),
    ).toThrow(expect.objectContaining({ code: 'inside-display-period' }));
    expect(
      withdrawPublication(publication, { reason: '公示期满' }, people.approver.staffId, '2026-10-06').status,
    ).toBe('withdrawn');
  });

  it('the basis is stated in words (a blank one is none, issue 12 point 20); a long-term item takes none', () => {
    expect(
      SubmissionInput.parse({
        ...aSubmissionInput(),
        display: { kind: 'until', endsOn: '2026-10-05', legalBasis: ' ' },
      }).display,
    ).toEqual({ kind: 'until', endsOn: '2026-10-05' });
    expect(
      SubmissionInput.safeParse({ ...aSubmissionInput(), display: { kind: 'long_term', legalBasis: basis } })
        .success,
    ).toBe(false);
    expect(
      Publication.parse({
        ...publish(approvedThrough(inReview(), 4), undefined, 'pub_1', '2026-10-12', AT),
        displayBasis: undefined,
      }).displayBasis,
    ).toBeNull();
  });
});

describe('the review chain an agency configures', () => {
  const step = (id: string, label: string, role: string, kind: string) => ({ id, label, role, kind });
  const first = step('first_review', '初审', 'reviewer', 'review');
  const second = step('second_review', '复审', 'reviewer', 'review');
  const secrecy = step('secrecy_review', '保密审查', 'secrecy_reviewer', 'secrecy_review');
  const final = step('approval', '终审', 'approver', 'final_approval');
  const recheck = step('recheck', '印前复核', 'reviewer', 'pre_publication_check');
  const messages = (steps: unknown[]) =>
    ReviewChainInput.safeParse(steps).error?.issues.map((issue) => issue.message) ?? [];

  it('the default chain is 初审, 复审, 保密审查, 终审 (seed 002: 三级审核), and meets the rules', () => {
    expect(DEFAULT_REVIEW_CHAIN).toEqual([first, second, secrecy, final]);
    expect(ReviewChainInput.parse(DEFAULT_REVIEW_CHAIN)).toEqual(DEFAULT_REVIEW_CHAIN);
    expect(chainIssues(DEFAULT_REVIEW_CHAIN)).toEqual([]);
  });

  it('an agency names its own steps: three content reviews, the secrecy review, 终审 and 印前复核', () => {
    const own = [
      step('keshi', '科室初审', 'reviewer', 'review'),
      step('yusuan', '预算科复审', 'reviewer', 'review'),
      secrecy,
      step('fenguan', '分管领导审核', 'approver', 'review'),
      step('zhuyao', '主要领导终审', 'approver', 'final_approval'),
      recheck,
    ];
    expect(ReviewChainInput.parse(own)).toEqual(own);
  });

  it.each([
    ['without the secrecy review', [first, second, final], 'must include the secrecy review (保密审查) once'],
    [
      'with two secrecy reviews',
      [first, second, secrecy, { ...secrecy, id: 's2', label: '再审' }, final],
      'must include the secrecy review (保密审查) once',
    ],
    [
      'without the final approval',
      [first, second, secrecy, recheck],
      'must include the final approval (终审) once',
    ],
    [
      'with one content review (no 复审)',
      [first, secrecy, final, recheck],
      'must have at least two content reviews (初审, 复审) before the final approval (三级审核)',
    ],
    [
      'starting with the secrecy review',
      [secrecy, first, second, final],
      'must start with a content review (初审)',
    ],
    [
      'with the secrecy review after 终审',
      [first, second, final, secrecy],
      'must put the secrecy review before the final approval',
    ],
    [
      'with a content review after 终审',
      [first, secrecy, final, second],
      'must have only pre-publication rechecks (印前复核) after the final approval',
    ],
    [
      'with 印前复核 before 终审',
      [first, second, recheck, secrecy, final],
      'must put pre-publication rechecks (印前复核) after the final approval',
    ],
    [
      'with a step id twice',
      [first, { ...second, id: 'first_review' }, secrecy, final],
      'must not repeat a step id',
    ],
    ['with a label twice', [first, { ...second, label: '初审' }, secrecy, final], 'must not repeat a label'],
    [
      'with the secrecy review signed by a reviewer',
      [first, second, { ...secrecy, role: 'reviewer' }, final],
      'step secrecy_review: a secrecy_review step is signed by secrecy_reviewer',
    ],
    [
      'with 终审 signed by a reviewer',
      [first, second, secrecy, { ...final, role: 'reviewer' }],
      'step approval: a final_approval step is signed by approver',
    ],
    [
      'with fewer than four steps',
      [first, secrecy, final],
      'must have at least 初审, 复审, 保密审查 and 终审',
    ],
  ])('a chain %s is refused', (_name, steps, message) => {
    expect(messages(steps)).toContain(message);
  });

  it('steps are signed by the roles the review route admits; ids are codes; labels are short', () => {
    expect(messages([first, { ...second, role: 'supervisor' }, secrecy, final])).not.toEqual([]);
    expect(messages([first, { ...second, role: 'platform_admin' }, secrecy, final])).not.toEqual([]);
    expect(messages([first, { ...second, id: 'Second' }, secrecy, final])).not.toEqual([]);
    expect(messages([first, { ...second, label: '复'.repeat(21) }, secrecy, final])).not.toEqual([]);
    expect(messages([first, { ...second, label: ' ' }, secrecy, final])).not.toEqual([]);
    expect(
      messages([first, second, secrecy, final, recheck, recheck, recheck, recheck, recheck]),
    ).not.toEqual([]);
    expect(messages([])).not.toEqual([]);
  });

  it('an update carries the version it was read at', () => {
    expect(ReviewChainUpdate.safeParse({ version: 0, steps: DEFAULT_REVIEW_CHAIN }).success).toBe(false);
    expect(ReviewChainUpdate.parse({ version: 3, steps: DEFAULT_REVIEW_CHAIN }).steps).toHaveLength(4);
  });

  it('a chain kept with the fixed step names is read with those names as ids, with labels and kinds', () => {
    const kept = [
      { step: 'first_review', role: 'reviewer' },
      { step: 'secrecy_review', role: 'secrecy_reviewer' },
      { step: 'approval', role: 'approver' },
      { step: 'pre_publication_check', role: 'supervisor' },
    ];
    expect(ReviewChain.parse(kept)).toEqual([
      first,
      secrecy,
      final,
      step('pre_publication_check', '印前复核', 'supervisor', 'pre_publication_check'),
    ]);
    // It keeps working for the items in flight; the agency is told what it lacks under today's rules.
    expect(chainIssues(ReviewChain.parse(kept))).toEqual([
      'must have at least two content reviews (初审, 复审) before the final approval (三级审核)',
      'step pre_publication_check: a pre_publication_check step is signed by reviewer or approver',
    ]);
    expect(ReviewChain.safeParse([]).success).toBe(false);
    expect(ReviewChain.safeParse([{ step: 'first_review', role: 'platform_admin' }]).success).toBe(false);
  });

  it('a signature kept with a fixed step name is read with its label', () => {
    const signature = {
      round: 1,
      step: 'approval',
      role: 'approver',
      staffId: people.approver.staffId,
      name: '陈刚',
      at: AT,
      verdict: 'approve',
      opinion: '同意',
      secrecy: null,
    };
    expect(Signature.parse(signature)).toEqual({ ...signature, label: '终审' });
    expect(Signature.parse({ ...signature, step: 'zhuyao', label: '主要领导终审' }).label).toBe(
      '主要领导终审',
    );
    expect(fixedStepLabel('zhuyao')).toBe('zhuyao');
  });

  it('a submission kept in flight with the fixed chain is reviewed by it, step ids as before', () => {
    const kept = Submission.parse({
      ...aSubmission(),
      status: 'in_review',
      round: 1,
      currentStep: 1,
      chain: [
        { step: 'first_review', role: 'reviewer' },
        { step: 'secrecy_review', role: 'secrecy_reviewer' },
        { step: 'approval', role: 'approver' },
      ],
      signatures: [
        {
          round: 1,
          step: 'first_review',
          role: 'reviewer',
          staffId: people.firstReviewer.staffId,
          name: '李明',
          at: AT,
          verdict: 'approve',
          opinion: '同意',
          secrecy: null,
        },
      ],
    });
    const atApproval = review(kept, aReview('secrecy_review'), people.secrecyReviewer, AT).submission;
    const done = review(atApproval, aReview('approval'), people.approver, AT);
    expect(done.outcome).toBe('publish');
    expect(approvalSignature(done.submission)).toMatchObject({ step: 'approval', label: '终审' });
    expect(done.submission.signatures.map((signature) => signature.label)).toEqual([
      '初审',
      '保密审查',
      '终审',
    ]);
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
    approvedThrough(inReview(aSubmission(content)), 4);
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
        changedOn: null,
        effectiveOn: null,
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
        repeals: [],
        archiveKey: `${prefix}/v1/document.json`,
      },
      firstPublishedOn: PUBLISHED_ON,
      displayUntil: null,
      displayBasis: null,
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
      repeals: [
        RepealedDocument.parse({
          kind: 'normative_document',
          documentNumber: '示财〔2020〕1号',
          title: '旧办法',
        }),
      ],
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
        repeals: [
          {
            kind: 'normative_document',
            documentNumber: '示财〔2020〕1号',
            title: '旧办法',
            ground: 'repealed',
          },
        ],
      },
    });
  });

  it('a revision, reviewed again, becomes version 2 at the same address; the first publication date stays', () => {
    const first = firstPublication();
    const published = approved();
    const revised = editSubmission(
      published,
      { content: aSubmissionInput({ title: '更正：2026年部门预算' }), changedOn: '2027-01-04' },
      calendar,
      REG_26_PERIOD,
      '2027-01-04',
      people.submitter,
    );
    const reviewed = approvedThrough(inReview(revised.submission), 4);
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
      [2, 'second_review'],
      [2, 'secrecy_review'],
      [2, 'approval'],
    ]);
    expect(reviewed.signatures).toHaveLength(8);
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

describe('table 二: rules and normative documents issued, ended (废止/失效) and in force', () => {
  const published = (content: Partial<SubmissionInput>, publishedOn = '2027-01-05') =>
    publish(approvedThrough(inReview(aSubmission(content)), 4), undefined, 'pub_1', publishedOn, AT);
  const ended = (kind: string, documentNumber: string, more: Record<string, unknown> = {}) =>
    RepealedDocument.parse({ kind, documentNumber, title: '旧文件', ...more });

  it('a document issued in December and published in January counts in December’s year (本年制发)', () => {
    const version = published({ documentKind: 'normative_document', formedOn: '2026-12-28' }).current;
    expect(documentCounterMoves(undefined, version)).toEqual([
      { year: 2026, cell: 'issued.normative_document', delta: 1 },
    ]);
  });

  it('a repeal counts under the kind of the document repealed: a rule repeals a normative document', () => {
    const version = published({
      documentKind: 'rule',
      formedOn: '2026-06-01',
      repeals: [ended('normative_document', '示政发〔2019〕3号')],
    }).current;
    expect(documentCounterMoves(undefined, version)).toEqual([
      { year: 2026, cell: 'issued.rule', delta: 1 },
      { year: 2026, cell: 'repealed.normative_document', delta: 1 },
    ]);
  });

  it('one document repeals several, of both kinds; a decision that only repeals issues nothing', () => {
    const version = published({
      documentKind: 'other',
      formedOn: '2026-06-01',
      repeals: [
        ended('normative_document', '示政发〔2019〕3号'),
        ended('normative_document', '示政发〔2020〕8号'),
        ended('rule', '示政令第12号'),
      ],
    }).current;
    expect(documentCounterMoves(undefined, version)).toEqual([
      { year: 2026, cell: 'repealed.normative_document', delta: 2 },
      { year: 2026, cell: 'repealed.rule', delta: 1 },
    ]);
  });

  it('an expiry (有效期届满) counts as 废止/失效 in the year the validity ended, whenever it is recorded', () => {
    const version = published({
      documentKind: 'other',
      title: '关于公布规范性文件清理结果的通知',
      formedOn: '2026-01-10',
      repeals: [
        ended('normative_document', '示政规〔2020〕1号', { ground: 'expired', expiredOn: '2025-12-31' }),
        ended('normative_document', '示政规〔2021〕2号', { ground: 'expired', expiredOn: '2026-01-09' }),
      ],
    }).current;
    expect(documentCounterMoves(undefined, version)).toEqual([
      { year: 2025, cell: 'repealed.normative_document', delta: 1 },
      { year: 2026, cell: 'repealed.normative_document', delta: 1 },
    ]);
  });

  it('an expiry names the last day of validity; a repeal does not', () => {
    expect(
      RepealedDocument.safeParse({ kind: 'rule', documentNumber: 'x', title: 'y', ground: 'expired' }).error
        ?.issues,
    ).toMatchObject([{ path: ['expiredOn'], message: 'is required for an expiry' }]);
    expect(
      RepealedDocument.safeParse({ kind: 'rule', documentNumber: 'x', title: 'y', expiredOn: '2026-01-01' })
        .error?.issues,
    ).toMatchObject([{ path: ['expiredOn'], message: 'is only for an expiry' }]);
    expect(RepealedDocument.safeParse({ kind: 'other', documentNumber: 'x', title: 'y' }).success).toBe(
      false,
    );
  });

  it('a revision moves only what it changes: nothing, a corrected date of issue, a document added', () => {
    const first = published({ documentKind: 'normative_document', formedOn: '2026-12-28' });
    const again = published({ documentKind: 'normative_document', formedOn: '2026-12-28', title: '更正' });
    expect(documentCounterMoves(first.current, again.current)).toEqual([]);
    const redated = published({ documentKind: 'normative_document', formedOn: '2027-01-04' });
    expect(documentCounterMoves(first.current, redated.current)).toEqual([
      { year: 2026, cell: 'issued.normative_document', delta: -1 },
      { year: 2027, cell: 'issued.normative_document', delta: 1 },
    ]);
    const withRepeal = published({
      documentKind: 'normative_document',
      formedOn: '2026-12-28',
      repeals: [ended('normative_document', '示政发〔2019〕3号')],
    });
    expect(documentCounterMoves(first.current, withRepeal.current)).toEqual([
      { year: 2026, cell: 'repealed.normative_document', delta: 1 },
    ]);
  });

  it('a version kept with one repealed document (and none as null) is read as a list of its own kind', () => {
    const version = published({ documentKind: 'rule', formedOn: '2026-06-01' }).current;
    const legacy = { ...version, repeals: { documentNumber: '示政令第3号', title: '旧规章' } };
    expect(PublicationVersion.parse(legacy).repeals).toEqual([
      { kind: 'rule', documentNumber: '示政令第3号', title: '旧规章', ground: 'repealed' },
    ]);
    expect(PublicationVersion.parse({ ...version, repeals: null }).repeals).toEqual([]);
    const { changedOn: _changedOn, ...withoutChange } = version;
    expect(PublicationVersion.parse(withoutChange).changedOn).toBeNull();
    expect(
      Submission.parse({
        ...aSubmission({ documentKind: 'normative_document' }),
        content: {
          ...aSubmissionInput({ documentKind: 'normative_document' }),
          repeals: { documentNumber: 'a', title: 'b' },
        },
      }).content.repeals,
    ).toEqual([{ kind: 'normative_document', documentNumber: 'a', title: 'b', ground: 'repealed' }]);
  });
});

describe('withdrawal of a publication (撤回)', () => {
  const displayedUntilYearEnd = () =>
    publish(
      approvedThrough(inReview(aSubmission({ display: { kind: 'until', endsOn: '2026-12-31' } })), 4),
      undefined,
      'pub_1',
      '2026-10-12',
      AT,
    );
  const longTerm = () => publish(approvedThrough(inReview(), 4), undefined, 'pub_1', '2026-10-12', AT);

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

describe('processing fees by piece (《政府信息公开信息处理费管理办法》: per applicant per natural month)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('the application no. %i of the month costs %i yuan', (ordinal, yuan) => {
    expect(feeByPiece(ordinal)).toBe(yuan);
  });

  it('the first 30 applications of a month cost 2000 yuan in all (10 free, 20 at 100)', () => {
    const total = Array.from({ length: 30 }, (_, index) => feeByPiece(index + 1)).reduce((a, b) => a + b, 0);
    expect(total).toBe(2000);
  });

  it('the price per piece rises by 100 yuan only after the 10th, the 30th, and each further 10th (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (ordinal) => {
        const step = ordinal === 10 || (ordinal >= 30 && ordinal % 10 === 0) ? 100 : 0;
        expect(feeByPiece(ordinal + 1) - feeByPiece(ordinal)).toBe(step);
      }),
    );
  });
});

describe('processing fees by volume (per application)', () => {
  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%i pages cost %i yuan', (pages, yuan) => {
    expect(feeByVolume(pages)).toBe(yuan);
  });

  it('each page costs the rate of its band: 0 up to 30, 10 to 100, 20 to 200, then 40 (property)', () => {
    const rate = (page: number) => (page <= 30 ? 0 : page <= 100 ? 10 : page <= 200 ? 20 : 40);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (pages) => {
        expect(feeByVolume(pages) - feeByVolume(pages - 1)).toBe(rate(pages));
      }),
    );
  });

  it('both fees are monotone in their units (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, more) => {
        expect(feeByVolume(a + more)).toBeGreaterThanOrEqual(feeByVolume(a));
        expect(feeByPiece(a + more)).toBeGreaterThanOrEqual(feeByPiece(a));
      }),
    );
  });
});

describe('one fee method per application, never both', () => {
  it('by piece, the fee depends on the application’s rank in the month', () => {
    expect(feeFor({ method: 'by_piece' }, 11)).toEqual({ amountYuan: 100, units: 11 });
    expect(feeFor({ method: 'by_piece' }, 3)).toEqual({ amountYuan: 0, units: 3 });
  });

  it('by volume, only the pages count, whatever the rank in the month', () => {
    expect(feeFor({ method: 'by_volume', pages: 120 }, 45)).toEqual({ amountYuan: 1100, units: 120 });
  });

  it('a basis naming pages for a piece fee, or a volume fee without whole pages, is refused', () => {
    expect(FeeBasis.safeParse({ method: 'by_piece', pages: 40 }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume' }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume', pages: 0 }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_volume', pages: 1.5 }).success).toBe(false);
    expect(FeeBasis.safeParse({ method: 'by_size' }).success).toBe(false);
  });
});

describe('outcomes of an application (Reg. 36–39) and the annual report’s rows', () => {
  const keys = <T extends object>(record: T) => Object.keys(record) as (keyof T & string)[];
  /** One decision per outcome and reason the national format counts. */
  const everyDecision = [
    { outcome: 'disclosed' as const },
    ...keys(NOT_DISCLOSED_REASONS).map((reason) => ({ outcome: 'partially_disclosed' as const, reason })),
    ...keys(NOT_DISCLOSED_REASONS).map((reason) => ({ outcome: 'not_disclosed' as const, reason })),
    ...keys(CANNOT_PROVIDE_REASONS).map((reason) => ({ outcome: 'cannot_provide' as const, reason })),
    ...keys(NOT_PROCESSED_REASONS).map((reason) => ({ outcome: 'not_processed' as const, reason })),
    ...keys(OTHERWISE_HANDLED_REASONS).map((reason) => ({ outcome: 'otherwise_handled' as const, reason })),
  ];

  it('every outcome and reason falls in exactly one of the 21 result rows of 三、(三), in the format’s order', () => {
    const rows = [...new Set(everyDecision.map((decision) => outcomeRow(decision)))];
    expect(rows).toEqual(RESULT_ROWS.map((row) => row.key));
    expect(rows).toHaveLength(21);
  });

  it('a partial disclosure counts only as 部分公开, whatever was withheld', () => {
    expect(outcomeRow({ outcome: 'partially_disclosed', reason: 'third_party_rights' })).toBe(
      'partially_disclosed',
    );
    expect(outcomeRow({ outcome: 'not_disclosed', reason: 'third_party_rights' })).toBe(
      'not_disclosed.third_party_rights',
    );
    expect(outcomeRow({ outcome: 'disclosed' })).toBe('disclosed');
  });

  it.each([
    [{ outcome: 'disclosed' as const }, '予以公开'],
    [{ outcome: 'partially_disclosed' as const }, '部分公开'],
    [{ outcome: 'partially_disclosed' as const, reason: 'state_secret' }, '部分公开（属于国家秘密）'],
    [{ outcome: 'not_disclosed' as const, reason: 'process_information' }, '不予公开（属于四类过程性信息）'],
    [{ outcome: 'cannot_provide' as const, reason: 'not_held' }, '无法提供（本机关不掌握相关政府信息）'],
    [{ outcome: 'not_processed' as const, reason: 'repeated_application' }, '不予处理（重复申请）'],
    [{ outcome: 'otherwise_handled' as const, reason: 'other' }, '其他处理（其他）'],
    [{ outcome: 'not_processed' as const, reason: 'no_such_reason' }, '不予处理'],
  ])('%o reads “%s”', (decision, label) => {
    expect(outcomeLabel(decision)).toBe(label);
  });

  it('the 三安全一稳定 row is written with Chinese quotation marks, as the national format writes it', () => {
    expect(NOT_DISCLOSED_REASONS.security_stability).toBe('危及“三安全一稳定”');
    expect(outcomeLabel({ outcome: 'not_disclosed', reason: 'security_stability' })).toBe(
      '不予公开（危及“三安全一稳定”）',
    );
    expect(RESULT_ROWS.find((row) => row.key === 'not_disclosed.security_stability')?.label).toBe(
      '3.危及“三安全一稳定”',
    );
  });

  it('a decision names a reason of its own outcome, and nothing else', () => {
    expect(DecisionInput.safeParse({ outcome: 'not_disclosed', reason: 'not_held' }).success).toBe(false);
    expect(DecisionInput.safeParse({ outcome: 'partially_disclosed' }).success).toBe(false);
    expect(DecisionInput.safeParse({ outcome: 'disclosed', reason: 'state_secret' }).success).toBe(false);
    expect(DecisionInput.parse({ outcome: 'disclosed' })).toEqual({
      outcome: 'disclosed',
      releasedFiles: [],
    });
    expect(
      DecisionInput.parse({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: null,
        reasons: ' 不掌握 ',
      }),
    ).toEqual({ outcome: 'cannot_provide', reason: 'not_held', heldBy: null, reasons: '不掌握' });
    expect(
      DecisionInput.safeParse({
        outcome: 'disclosed',
        releasedFiles: [{ uploadKey: 'elsewhere/file', name: 'a.pdf' }],
      }).error?.issues[0]?.path,
    ).toEqual(['releasedFiles', 0, 'uploadKey']);
  });
});

describe('an agency’s time policy: stricter than the Regulations, never looser', () => {
  const seed000 = {
    ...DEFAULT_POLICY,
    effectiveFrom: '2026-01-01',
    replyWorkingDays: 7,
    maxExtensionWorkingDays: 15,
  };

  it('the default policy is the Regulations’ own limits', () => {
    expect(DisclosurePolicy.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({
      replyWorkingDays: REGULATION_LIMITS.replyWorkingDays,
      maxExtensionWorkingDays: REGULATION_LIMITS.maxExtensionWorkingDays,
      consultationWorkingDays: 15,
      publicationWorkingDays: 20,
    });
  });

  it('seed 000’s stricter policy (reply in 7, extend by at most 15) is accepted', () => {
    expect(DisclosurePolicy.parse(seed000)).toEqual(seed000);
  });

  it.each([
    ['replyWorkingDays', 21, 'must be at most 20 (Reg. 33)'],
    ['maxExtensionWorkingDays', 21, 'must be at most 20 (Reg. 33)'],
    ['consultationWorkingDays', 16, 'must be at most 15 (Reg. 32)'],
    ['publicationWorkingDays', 21, 'must be at most 20 (Reg. 26)'],
  ])('a %s of %i is looser than the law and refused', (field, value, message) => {
    const issues = DisclosurePolicy.safeParse({ ...DEFAULT_POLICY, [field]: value }).error?.issues;
    expect(issues?.map((issue) => [issue.path, issue.message])).toEqual([[[field], message]]);
  });

  it('the other side’s time is not the agency’s to cut: 15 working days to answer a consultation, 20 to pay', () => {
    expect(() =>
      requireOthersTimeKept({ ...seed000, consultationWorkingDays: 10, feePaymentWorkingDays: 15 }),
    ).toThrow(
      expect.objectContaining({
        code: 'policy-shortens-period',
        status: 422,
        errors: [
          {
            path: 'body.policy.consultationWorkingDays',
            message: "must be 15: the consulted party's time (Reg. 32, 34)",
          },
          {
            path: 'body.policy.feePaymentWorkingDays',
            message: "must be at least 20: the applicant's time to pay (fee rules)",
          },
        ],
      }),
    );
    // More time to pay is the applicant's gain, and allowed.
    expect(() => requireOthersTimeKept({ ...seed000, feePaymentWorkingDays: 30 })).not.toThrow();
    expect(othersTimeCut(DEFAULT_POLICY)).toEqual([]);
  });

  it('a policy set before that still reads, and applies with the other side’s full time', () => {
    const older = DisclosurePolicy.parse({
      ...seed000,
      consultationWorkingDays: 10,
      feePaymentWorkingDays: 10,
    });
    expect(policyOn([older], '2026-05-01')).toEqual({
      ...older,
      consultationWorkingDays: 15,
      feePaymentWorkingDays: 20,
    });
    expect(lawful({ ...older, feePaymentWorkingDays: 30 }).feePaymentWorkingDays).toBe(30);
    expect(lawful(seed000)).toBe(seed000);
  });

  it('the publication deadline defaults to the law’s 20 working days', () => {
    const { publicationWorkingDays: _omitted, ...withoutPublication } = DEFAULT_POLICY;
    expect(DisclosurePolicy.parse(withoutPublication).publicationWorkingDays).toBe(20);
  });

  it('any policy that parses is never looser than the Regulations (property)', () => {
    const days = fc.integer({ min: -5, max: 80 });
    fc.assert(
      fc.property(fc.record({ reply: days, extension: days, consultation: days, publication: days }), (n) => {
        const parsed = DisclosurePolicy.safeParse({
          ...DEFAULT_POLICY,
          replyWorkingDays: n.reply,
          maxExtensionWorkingDays: n.extension,
          consultationWorkingDays: n.consultation,
          publicationWorkingDays: n.publication,
        });
        const withinLaw =
          n.reply >= 1 &&
          n.reply <= REGULATION_LIMITS.replyWorkingDays &&
          n.extension >= 0 &&
          n.extension <= REGULATION_LIMITS.maxExtensionWorkingDays &&
          n.consultation >= 1 &&
          n.consultation <= 15 &&
          n.publication >= 1 &&
          n.publication <= 20;
        expect(parsed.success).toBe(withinLaw);
      }),
    );
  });

  it('the policy in force on a date is the latest effective on or before it; before any, the default', () => {
    const later = { ...seed000, effectiveFrom: '2027-01-01', replyWorkingDays: 10 };
    expect(policyOn([], '2026-05-01')).toBe(DEFAULT_POLICY);
    expect(policyOn([later, seed000], '2025-12-31')).toBe(DEFAULT_POLICY);
    expect(policyOn([later, seed000], '2026-01-01')).toBe(seed000);
    expect(policyOn([later, seed000], '2026-12-31')).toBe(seed000);
    expect(policyOn([seed000, later], '2027-01-01')).toBe(later);
    const fromTheStart = { ...seed000, effectiveFrom: '2004-01-01' };
    expect(policyOn([fromTheStart], '2004-01-01')).toBe(fromTheStart);
  });

  it('whatever the order of the list, the latest policy effective by the date applies (property)', () => {
    const first = dayNumberOf('2004-01-02');
    const last = dayNumberOf('2040-12-31');
    const date = fc.integer({ min: first, max: last }).map(isoDateOfDayNumber);
    fc.assert(
      fc.property(fc.uniqueArray(date, { maxLength: 6 }), date, (effectiveDates, on) => {
        const policies = effectiveDates.map((effectiveFrom, index) => ({
          ...DEFAULT_POLICY,
          effectiveFrom,
          replyWorkingDays: 1 + index,
        }));
        const inForce = policies
          .filter((policy) => policy.effectiveFrom <= on)
          .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
        expect(policyOn(policies, on)).toBe(inForce ?? DEFAULT_POLICY);
        expect(policyOn([...policies].reverse(), on)).toBe(inForce ?? DEFAULT_POLICY);
      }),
    );
  });
});

describe('the applicant’s key, access tokens and their sealing', () => {
  const secret = new Uint8Array(32).fill(7);

  it('the applicant key is 40 hex characters, the same however the number is written', () => {
    const key = applicantKeyOf(secret, anApplicant());
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    const x = anApplicant({ idDocument: { type: 'resident_id_card', number: '11010519491231002X' } });
    const dashed = anApplicant({ idDocument: { type: 'resident_id_card', number: '110105-19491231-002x' } });
    expect(applicantKeyOf(secret, dashed)).toBe(applicantKeyOf(secret, x));
    expect(applicantIdentity(dashed)).toBe('resident_id_card:11010519491231002X');
  });

  it('the applicant key depends on the platform secret and the kind of document', () => {
    const key = applicantKeyOf(secret, anApplicant());
    expect(applicantKeyOf(new Uint8Array(32).fill(8), anApplicant())).not.toBe(key);
    const passport = anApplicant({ idDocument: { type: 'passport', number: '110105194912310021' } });
    expect(applicantKeyOf(secret, passport)).not.toBe(key);
  });

  it('an access token is 256 random bits, stored only as its SHA-256', () => {
    const token = newAccessToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessToken()).not.toBe(token);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(tokenMatches(token, hashToken(token))).toBe(true);
    expect(tokenMatches(newAccessToken(), hashToken(token))).toBe(false);
  });

  it('a stored hash that is not 64 hex digits matches no token', () => {
    const token = newAccessToken();
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, hashToken(token).slice(0, 62))).toBe(false);
    expect(tokenMatches(token, 'z'.repeat(64))).toBe(false);
  });

  it('an idempotency key is stored hashed, per agency; a request hash ignores key order', () => {
    expect(idempotencyKeyHash('demo-city', 'key-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyHash('demo-city', 'key-1')).toBe(idempotencyKeyHash('demo-city', 'key-1'));
    expect(idempotencyKeyHash('other-city', 'key-1')).not.toBe(idempotencyKeyHash('demo-city', 'key-1'));
    expect(requestHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });

  it('sealing uses a fresh nonce: the same token sealed twice reads differently', () => {
    const token = newAccessToken();
    expect(sealToken(token, 'key-1', 'demo-city')).not.toBe(sealToken(token, 'key-1', 'demo-city'));
  });

  it('sealing then unsealing under the same key and agency returns the token (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('demo-city', 'other-city'),
        (token, key, agency) => {
          expect(unsealToken(sealToken(token, key, agency), key, agency)).toBe(token);
        },
      ),
      { numRuns: runs(50) },
    );
  });

  it('a sealed token is refused under another idempotency key or another agency (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (a, b) => {
          fc.pre(a !== b);
          const sealed = sealToken(newAccessToken(), a, 'demo-city');
          expect(() => unsealToken(sealed, b, 'demo-city')).toThrow();
          expect(() => unsealToken(sealed, a, 'other-city')).toThrow();
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('any sealed token with one bit flipped is refused (property)', () => {
    const sealed = Buffer.from(sealToken(newAccessToken(), 'key-1', 'demo-city'), 'base64url');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sealed.length * 8 - 1 }), (bit) => {
        const tampered = Buffer.from(sealed);
        tampered[bit >> 3] = (tampered[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect(() => unsealToken(tampered.toString('base64url'), 'key-1', 'demo-city')).toThrow();
      }),
      { numRuns: runs(100) },
    );
  });

  it('random bytes of any length never unseal (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        expect(() => unsealToken(Buffer.from(bytes).toString('base64url'), 'key-1', 'demo-city')).toThrow();
      }),
      { numRuns: runs(50) },
    );
  });

  it('a tracking number is the year and 8 Crockford base-32 characters (no I, L, O, U)', () => {
    for (let i = 0; i < 200; i += 1) {
      const number = newTrackingNumber(2026);
      expect(number).toMatch(TRACKING_NUMBER);
      expect(number.startsWith('2026-')).toBe(true);
    }
    expect(TrackingNumber.safeParse('2026-K7QX-3M9P').success).toBe(true);
    // As people type it: lower case is the same number (issue 12, point 20).
    expect(TrackingNumber.parse(' 2026-k7qx-3m9p ')).toBe('2026-K7QX-3M9P');
    for (const wrong of [
      '2026-K7QX-3M9I',
      '2026-K7QX-3M9L',
      '2026-k7qx-3m9i',
      '26-K7QX-3M9P',
      '2026-K7QX3M9P',
    ])
      expect(TrackingNumber.safeParse(wrong).success).toBe(false);
  });
});

describe('the applicant (Reg. 27–29) and how listings show them', () => {
  it('an identity number shows only its end: at most its last 4 characters, never more than 40 % of it', () => {
    expect(maskIdNumber('110105194912310021')).toBe('**************0021');
    expect(maskIdNumber('E12345678')).toBe('******678');
    expect(maskIdNumber('E1234567')).toBe('*****567');
    expect(maskIdNumber('1234567')).toBe('*****67');
    expect(maskIdNumber('1234')).toBe('***4');
    expect(maskIdNumber('12345')).toBe('***45');
    expect(maskIdNumber('123456')).toBe('****56');
  });

  it('a masked number keeps its length and shows only its end, at most 4 and at most 40 % (property)', () => {
    const idNumber = fc.stringMatching(/^[0-9A-Za-z-]{4,40}$/);
    fc.assert(
      fc.property(idNumber, (number) => {
        const masked = maskIdNumber(number);
        expect(masked).toHaveLength(number.length);
        const shown = masked.replace(/^\*+/, '');
        expect(number.endsWith(shown)).toBe(true);
        expect(shown.length).toBeLessThanOrEqual(4);
        expect(shown.length).toBeLessThanOrEqual(number.length * 0.4);
      }),
      { numRuns: runs(200) },
    );
  });

  it('a phone number shows at most its last 4 digits and at most 40 % of them', () => {
    expect(maskPhone('13812345678')).toBe('*******5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('*********5678');
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('listings mask the identity number and phone and keep the rest', () => {
    const organisation = anApplicant({
      type: 'organisation',
      organisationType: 'legal_service_agency',
      name: '示例律师事务所',
      idDocument: { type: 'unified_social_credit_code', number: '91110000100000000X' },
      phone: '010-65123456',
      email: 'office@example.cn',
    });
    expect(maskedApplicant(organisation)).toEqual({
      ...organisation,
      idDocument: { type: 'unified_social_credit_code', number: '**************000X' },
      phone: '*******3456',
    });
    expect(organisation.idDocument.number).toBe('91110000100000000X');
  });

  it('one means of contact is enough (Reg. 29): an address, a phone number or an e-mail', () => {
    const { address: _address, phone: _phone, ...withoutContact } = anApplicant();
    expect(Applicant.parse({ ...withoutContact, address: '示例市人民路1号' })).not.toHaveProperty('phone');
    expect(Applicant.parse({ ...withoutContact, phone: '13812345678' })).not.toHaveProperty('address');
    const byEmail = Applicant.parse({ ...withoutContact, email: 'liu@example.cn' });
    expect(maskedApplicant(byEmail)).toMatchObject({ email: 'liu@example.cn', phone: undefined });
    const none = Applicant.safeParse(withoutContact);
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [[], 'must give a means of contact: an address, a phone number or an e-mail (Reg. 29)'],
    ]);
  });

  it('the annual report counts a person as 自然人 and an organisation by its type', () => {
    expect(columnOf(anApplicant())).toBe('natural_person');
    expect(columnOf(anApplicant({ type: 'organisation', organisationType: 'research_institution' }))).toBe(
      'research_institution',
    );
  });

  it('an organisation names its type; a person has none; identity numbers are letters, digits, hyphens', () => {
    expect(Applicant.safeParse({ ...anApplicant(), type: 'organisation' }).success).toBe(false);
    expect(Applicant.safeParse({ ...anApplicant(), organisationType: 'other' }).success).toBe(false);
    const withNumber = (number: string) =>
      Applicant.safeParse({ ...anApplicant(), idDocument: { type: 'passport', number } });
    expect(withNumber('E 1234567').success).toBe(false);
    expect(withNumber('123').success).toBe(false);
    expect(withNumber('  E1234567  ').data?.idDocument.number).toBe('E1234567');
    expect(Applicant.safeParse({ ...anApplicant(), phone: 'call me' }).success).toBe(false);
    expect(InformationRequest.safeParse({ description: 'x', form: 'paper', delivery: 'fax' }).success).toBe(
      false,
    );
  });
});

/** 示例市财政局, a department of 示例市人民政府, as its letters are signed. */
const letterParties: LetterParties = {
  agencyName: '示例市财政局',
  officeName: '示例市财政局政务公开办公室',
  officePhone: '010-65123456',
  officeAddress: '示例市人民路2号',
  reconsiderationBody: {
    designation: '本级人民政府',
    basis: '《中华人民共和国行政复议法》第二十四条第一款第一项',
    name: '示例市人民政府',
    source: 'parent',
    gap: null,
  },
};

describe('the decision letter (政府信息公开申请答复告知书)', () => {
  const parties = letterParties;
  const letter = (decision: Decision, application: Application = anApplication(), letterParties = parties) =>
    decisionLetterHtml(application, decision, letterParties);

  it('tells the applicant what was received when, the outcome, what is given, and where to seek remedy', () => {
    const html = letter(aDecision());
    expect(html).toContain('<title>政府信息公开申请答复告知书 2026-K7QX-3M9P</title>');
    expect(html).toContain('<p class="meta">编号：2026-K7QX-3M9P</p>');
    expect(html).toContain('<p>刘洋（居民身份证）：</p>');
    expect(html).toContain(
      '<p>本机关于2026年9月28日收到您的政府信息公开申请，申请获取：“2025年度本机关“三公”经费决算明细”。</p>',
    );
    expect(html).toContain('<p>经审查，答复如下：<strong>予以公开</strong>。</p>');
    expect(html).toContain('<p>随本告知书提供：三公经费决算表.pdf。</p>');
    expect(html).toContain('自收到本告知书之日起六十日内向示例市人民政府申请行政复议');
    expect(html).toContain(
      '<p class="sign">示例市财政局<br>示例市财政局政务公开办公室<br>2026年10月30日</p>',
    );
    expect(html).toContain('<p class="meta">联系地址：示例市人民路2号\u3000联系电话：010-65123456</p>');
    expect(html).not.toContain('理由：');
  });

  it('an item already published says where to find it (Reg. 36(1)); the document number is quoted', () => {
    const html = letter(
      aDecision({ outcome: 'disclosed', publishedAt: '本机关门户网站“政府信息公开”栏目' }),
      anApplication({
        request: { description: '预算', documentNumber: '示财〔2026〕12号', form: 'paper', delivery: 'post' },
      }),
    );
    expect(html).toContain('<p>该信息已经主动公开，获取方式：本机关门户网站“政府信息公开”栏目。</p>');
    expect(html).toContain('申请获取：“预算”（文号：示财〔2026〕12号）。');
    expect(html).not.toContain('随本告知书提供');
  });

  it('a refusal states its category, reasons and legal basis', () => {
    const html = letter(
      aDecision({
        outcome: 'not_disclosed',
        reason: 'state_secret',
        reasons: '经保密审查，属于国家秘密',
        legalBasis: '《政府信息公开条例》第十四条',
      }),
    );
    expect(html).toContain('<strong>不予公开（属于国家秘密）</strong>');
    expect(html).toContain('<p>理由：经保密审查，属于国家秘密</p>');
    expect(html).toContain('<p>依据：《政府信息公开条例》第十四条</p>');
  });

  it('a partial disclosure names what was withheld and lists what is given', () => {
    const html = letter(
      aDecision({
        outcome: 'partially_disclosed',
        withheldBecause: 'third_party_rights',
        releasedFiles: [
          { uploadKey: UPLOAD.body, name: '合同（删除页）.pdf' },
          { uploadKey: UPLOAD.table, name: '附件二.pdf' },
        ],
      }),
    );
    expect(html).toContain('<strong>部分公开（保护第三方合法权益）</strong>');
    expect(html).toContain('<p>随本告知书提供：合同（删除页）.pdf、附件二.pdf。</p>');
  });

  it('“not held here” names the agency that holds it, when known (Reg. 36(5))', () => {
    const heldElsewhere = letter(
      aDecision({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: { name: '示例市统计局', contact: '010-66666666' },
      }),
    );
    expect(heldElsewhere).toContain('<strong>无法提供（本机关不掌握相关政府信息）</strong>');
    expect(heldElsewhere).toContain('<p>该信息由示例市统计局负责公开，联系方式：010-66666666。</p>');
    const unknown = letter(aDecision({ outcome: 'cannot_provide', reason: 'not_held', heldBy: null }));
    expect(unknown).not.toContain('负责公开');
  });

  it('without an office name or contacts, the letter is signed by the agency alone', () => {
    const html = letter(aDecision(), anApplication(), {
      ...parties,
      officeName: null,
      officePhone: null,
      officeAddress: null,
    });
    expect(html).toContain('<p class="sign">示例市财政局<br>2026年10月30日</p>');
    expect(html).not.toContain('联系地址');
    const phoneOnly = letter(aDecision(), anApplication(), { ...parties, officeAddress: null });
    expect(phoneOnly).toContain('<p class="meta">联系地址：\u3000联系电话：010-65123456</p>');
  });

  it('escapes every piece of text that users or staff typed', () => {
    const evil = `<script>alert("x")</script> & 'q'`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
    const html = letter(
      aDecision({
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: { name: evil, contact: evil },
        reasons: evil,
        legalBasis: evil,
      }),
      anApplication({
        applicant: { ...anApplicant(), name: evil },
        request: { description: evil, documentNumber: evil, form: 'paper', delivery: 'post' },
      }),
      {
        agencyName: evil,
        officeName: evil,
        officePhone: evil,
        officeAddress: evil,
        reconsiderationBody: { ...parties.reconsiderationBody, name: evil },
      },
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(`'q'`);
    // applicant, description, document number, held by ×2, reasons, basis, body, agency, office, address, phone
    expect(html.split(escaped)).toHaveLength(13);
  });

  it('whatever text users type, the letter has exactly the template’s tags (property)', () => {
    const tags = (html: string) => html.match(/<\/?[A-Za-z!][^>]*>/g);
    const build = (text: string) =>
      letter(
        {
          outcome: 'disclosed',
          releasedFiles: [{ uploadKey: UPLOAD.body, name: text }],
          publishedAt: text,
          reasons: text,
          legalBasis: text,
          decidedOn: '2026-10-30',
          decidedBy: { staffId: 'stf_approver0000000000' },
          letterKey: 'letter.html',
        },
        anApplication({
          id: text,
          applicant: { ...anApplicant(), name: text },
          request: { description: text, documentNumber: text, form: 'paper', delivery: 'post' },
        }),
        {
          agencyName: text,
          officeName: text,
          officePhone: text,
          officeAddress: text,
          reconsiderationBody: { ...parties.reconsiderationBody, name: text },
        },
      );
    const template = tags(build('x'));
    // Markup characters, entity fragments and ordinary text, mixed.
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ';', '#', '!', '-', 'a', '中', ' '),
        maxLength: 60,
      }),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (text) => {
        expect(tags(build(text))).toEqual(template);
      }),
      { numRuns: runs(50) },
    );
  });
});

describe('remedies since 2024 (行政复议法 2023 Arts. 23–27; 行政诉讼法 Arts. 45–46)', () => {
  const LAW = '《中华人民共和国行政复议法》';
  const settings = (overrides: Partial<ReconsiderationSettings> = {}): ReconsiderationSettings => ({
    ...DEFAULT_RECONSIDERATION,
    ...overrides,
  });
  const cityGovernment = { name: '示例市人民政府', level: 'government' } as const;
  const provinceTaxBureau = { name: '国家税务总局示例省税务局', level: 'department' } as const;
  const financeBureau = { name: '示例市财政局', level: 'department' } as const;

  it.each([
    [
      'a department of a local government → 本级人民政府, named by its parent government',
      { ...financeBureau, reconsideration: settings() },
      cityGovernment,
      { designation: '本级人民政府', basis: `${LAW}第二十四条第一款第一项`, name: '示例市人民政府' },
      'parent',
    ],
    [
      'a local government → 上一级人民政府',
      { name: '示例市某区人民政府', level: 'government' as const, reconsideration: settings() },
      cityGovernment,
      { designation: '上一级人民政府', basis: `${LAW}第二十四条第一款第二项`, name: '示例市人民政府' },
      'parent',
    ],
    [
      'a vertically led body (税务) → 上一级主管部门',
      {
        name: '国家税务总局示例市税务局',
        level: 'department' as const,
        reconsideration: settings({ vertical: true }),
      },
      provinceTaxBureau,
      { designation: '上一级主管部门', basis: `${LAW}第二十七条`, name: '国家税务总局示例省税务局' },
      'parent',
    ],
    [
      'a State Council department → itself',
      {
        name: '国家示例局',
        level: 'department' as const,
        reconsideration: settings({ reconsidersOwnDecisions: true }),
      },
      undefined,
      { designation: '本机关', basis: `${LAW}第二十五条第一项`, name: '国家示例局' },
      'itself',
    ],
    [
      'a province-level government → itself',
      {
        name: '示例省人民政府',
        level: 'government' as const,
        reconsideration: settings({ reconsidersOwnDecisions: true }),
      },
      undefined,
      { designation: '本机关', basis: `${LAW}第二十四条第二款`, name: '示例省人民政府' },
      'itself',
    ],
    [
      'the agency’s own name for the body wins over its parent',
      { ...financeBureau, reconsideration: settings({ bodyName: '示例市人民政府（示例市司法局承办）' }) },
      cityGovernment,
      {
        designation: '本级人民政府',
        basis: `${LAW}第二十四条第一款第一项`,
        name: '示例市人民政府（示例市司法局承办）',
      },
      'setting',
    ],
  ] as const)('%s', (_, agency, parent, expected, source) => {
    const body = reconsiderationBodyOf(agency, parent);
    expect(body).toEqual({ ...expected, source, gap: null });
    // The letter names it in the remedy sentence, once, and never as a choice of bodies.
    const html = decisionLetterHtml(anApplication(), aDecision(), {
      ...letterParties,
      reconsiderationBody: body,
    });
    expect(html).toContain(`自收到本告知书之日起六十日内向${expected.name}申请行政复议`);
    expect(html).not.toContain('上一级主管部门或者本级人民政府');
  });

  it.each([
    [
      { ...financeBureau, reconsideration: settings() },
      undefined,
      '本级人民政府',
      '本机关所属的本级人民政府',
      'no parent agency is on record',
    ],
    [
      { name: '示例市某区人民政府', level: 'government' as const, reconsideration: settings() },
      undefined,
      '上一级人民政府',
      '本机关的上一级人民政府',
      'no parent agency is on record',
    ],
    [
      {
        name: '国家税务总局示例市税务局',
        level: 'department' as const,
        reconsideration: settings({ vertical: true }),
      },
      cityGovernment,
      '上一级主管部门',
      '本机关的上一级主管部门',
      'the parent on record (示例市人民政府) is a government, not the 上一级主管部门',
    ],
    [
      { name: '示例市财政局国库支付中心', level: 'department' as const, reconsideration: settings() },
      financeBureau,
      '本级人民政府',
      '本机关所属的本级人民政府',
      'the parent on record (示例市财政局) is a department, not the 本级人民政府',
    ],
  ] as const)(
    'when Gongkai cannot name the body (%#), the letter gives the one designation the law gives and the gap is told',
    (agency, parent, designation, words, why) => {
      const body = reconsiderationBodyOf(agency, parent);
      expect(body).toMatchObject({ designation, name: null, source: null });
      expect(body.gap).toBe(
        `Gongkai cannot name the ${designation}: ${why}. Letters say “${words}” until the parent is recorded or the body’s name is set (PUT /v1/agencies/{agencyId}/reconsideration).`,
      );
      expect(bodyInLetter(body)).toBe(words);
      expect(remedySentence('reconsideration_or_lawsuit', body)).toContain(`六十日内向${words}申请行政复议`);
    },
  );

  it('whatever the agency states and its parent is, the letter names exactly one body (property)', () => {
    const parent = fc.option(
      fc.record({ name: fc.constant('上级机关'), level: fc.constantFrom('government', 'department') }),
      {
        nil: undefined,
      },
    );
    const agency = fc.record({
      name: fc.constant('本机关名称'),
      level: fc.constantFrom('government' as const, 'department' as const),
      reconsideration: fc
        .record({
          vertical: fc.boolean(),
          reconsidersOwnDecisions: fc.boolean(),
          bodyName: fc.option(fc.constant('指定机关'), { nil: null }),
        })
        .filter((stated) => !(stated.vertical && stated.reconsidersOwnDecisions)),
    });
    fc.assert(
      fc.property(agency, parent, (agency, parent) => {
        const named = bodyInLetter(reconsiderationBodyOf(agency, parent));
        expect(named).not.toContain('或者');
        expect([
          '上级机关',
          '本机关名称',
          '指定机关',
          '本机关所属的本级人民政府',
          '本机关的上一级人民政府',
          '本机关的上一级主管部门',
        ]).toContain(named);
      }),
      { numRuns: runs(100) },
    );
  });

  it('a refusal, and the refused part of a partial disclosure, go to reconsideration first (Art. 23(1)(4)); the rest may choose', () => {
    expect(remedyRouteOf('not_disclosed')).toBe('reconsideration_first');
    expect(remedyRouteOf('partially_disclosed')).toBe('reconsideration_first');
    for (const outcome of ['disclosed', 'cannot_provide', 'not_processed', 'otherwise_handled'] as const)
      expect(remedyRouteOf(outcome)).toBe('reconsideration_or_lawsuit');
  });

  const FIRST =
    '<p>如对本答复不服，依照《中华人民共和国行政复议法》第二十三条的规定，应当先申请行政复议：可以自收到本告知书之日起六十日内向示例市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼；行政复议机关逾期不作决定的，可以自复议期满之日起十五日内依法向人民法院提起行政诉讼。</p>';
  const EITHER =
    '<p>如对本答复不服，可以自收到本告知书之日起六十日内向示例市人民政府申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。</p>';

  it.each<[Parameters<typeof aDecision>[0], string]>([
    [{ outcome: 'not_disclosed', reason: 'state_secret', reasons: '涉密', legalBasis: '第十四条' }, FIRST],
    [
      {
        outcome: 'partially_disclosed',
        withheldBecause: 'third_party_rights',
        releasedFiles: [{ uploadKey: UPLOAD.body, name: '合同（删除页）.pdf' }],
        reasons: '区分处理',
        legalBasis: '第三十七条',
      },
      FIRST,
    ],
    [{ outcome: 'disclosed', releasedFiles: [{ uploadKey: UPLOAD.body, name: '决算表.pdf' }] }, EITHER],
    [
      {
        outcome: 'cannot_provide',
        reason: 'not_held',
        heldBy: null,
        reasons: '不掌握',
        legalBasis: '第三十六条',
      },
      EITHER,
    ],
    [
      { outcome: 'not_processed', reason: 'repeated_application', reasons: '重复', legalBasis: '第三十六条' },
      EITHER,
    ],
    [{ outcome: 'otherwise_handled', reason: 'fee_unpaid' }, EITHER],
  ])('the letter of %o tells its remedy', (input, sentence) => {
    const html = decisionLetterHtml(anApplication(), aDecision(input), letterParties);
    expect(html).toContain(sentence);
    // A refusal never offers a direct lawsuit.
    expect(html.includes('六个月内')).toBe(sentence === EITHER);
  });

  it('the settings: stated by the agency, validated, and read as "a local agency" when an older agency lacks them', () => {
    expect(ReconsiderationSettings.parse({})).toEqual(DEFAULT_RECONSIDERATION);
    expect(
      ReconsiderationSettings.safeParse({ vertical: true, reconsidersOwnDecisions: true }).error?.issues.map(
        (issue) => issue.path,
      ),
    ).toEqual([['reconsidersOwnDecisions']]);
    expect(ReconsiderationSettings.safeParse({ bodyName: ' ' }).success).toBe(false);
    expect(ReconsiderationSettings.safeParse({ vertical: 'yes' }).success).toBe(false);
    expect(ReconsiderationUpdate.safeParse({ version: 0, reconsideration: {} }).success).toBe(false);
    expect(
      checkReconsiderationSettings('government', settings({ vertical: true }), 'body.reconsideration'),
    ).toEqual([
      {
        path: 'body.reconsideration.vertical',
        message: 'a people’s government is not vertically led (行政复议法 Art. 27)',
      },
    ]);
    expect(
      checkReconsiderationSettings('department', settings({ vertical: true }), 'body.reconsideration'),
    ).toEqual([]);
    const stored = {
      pk: 'AGENCY#demo-city',
      agencyId: 'demo-city',
      name: '示例市财政局',
      level: 'department',
      parentAgencyId: null,
      annualReportCutoff: '01-31',
      profile: null,
      policies: [],
      catalogue: null,
      reviewChain: null,
      obligations: [],
      createdAt: '2024-01-02T09:00:00.000+08:00',
      version: 3,
    };
    expect(Agency.parse(stored).reconsideration).toEqual(DEFAULT_RECONSIDERATION);
    expect(
      NewAgency.parse({
        agencyId: 'sz-tax',
        name: '国家税务总局示例市税务局',
        level: 'department',
        reconsideration: { vertical: true },
      }).reconsideration,
    ).toEqual({ vertical: true, reconsidersOwnDecisions: false, bodyName: null });
  });
});

describe('how the applicant obtains what is disclosed (Reg. 36(1)–(2), 40)', () => {
  const letter = (input: Parameters<typeof aDecision>[0], publication: PublishedPublication | null = null) =>
    decisionLetterHtml(anApplication(), aDecision(input), letterParties, publication);

  it('without files, the letter says how, where and when: inspection, copying, post, electronic data', () => {
    const html = letter({
      outcome: 'disclosed',
      access: [
        {
          method: 'inspection',
          place: '示例市人民路2号政务公开办公室',
          from: '2026-11-02',
          until: '2026-11-13',
          hours: '工作日 9:00–17:00',
        },
        { method: 'copying', place: '示例市档案馆', from: '2026-11-03', until: '2026-11-03' },
        { method: 'post', sendBy: '2026-11-06' },
        { method: 'electronic', sendBy: '2026-11-04', to: 'liuyang@example.cn' },
      ],
    });
    expect(html).toContain(
      '<p>您可于2026年11月2日至2026年11月13日期间（工作日 9:00–17:00）到示例市人民路2号政务公开办公室查阅该信息。</p>\n' +
        '<p>您可于2026年11月3日到示例市档案馆抄录、复制该信息。</p>\n' +
        '<p>本机关将于2026年11月6日前将该信息邮寄至您在申请中提供的地址。</p>\n' +
        '<p>本机关将于2026年11月4日前将该信息以电子数据形式发送至liuyang@example.cn。</p>',
    );
    expect(html).not.toContain('已经主动公开');
    expect(html).not.toContain('随本告知书提供');
    expect(
      letter({
        outcome: 'disclosed',
        access: [{ method: 'post', sendBy: '2026-11-06', address: '示例市人民路1号' }],
      }),
    ).toContain('<p>本机关将于2026年11月6日前将该信息邮寄至示例市人民路1号。</p>');
  });

  it('a partial disclosure may be inspected too, instead of sent', () => {
    const html = letter({
      outcome: 'partially_disclosed',
      withheldBecause: 'third_party_rights',
      access: [{ method: 'inspection', place: '本机关档案室', from: '2026-11-02', until: '2026-11-06' }],
      reasons: '区分处理',
      legalBasis: '第三十七条',
    });
    expect(html).toContain('<p>您可于2026年11月2日至2026年11月6日期间到本机关档案室查阅该信息。</p>');
  });

  const publication: PublishedPublication = {
    publicationId: 'pub_0123456789ab',
    title: '关于2025年度“三公”经费决算的公告',
    documentNumber: '示财〔2026〕3号',
    publishedOn: '2026-03-02',
    publisher: null,
  };

  it('“已经主动公开” names the reading-room publication: where, when, its title, number and id', () => {
    const published = { outcome: 'disclosed', published: { publicationId: 'pub_0123456789ab' } } as const;
    expect(letter(published, publication)).toContain(
      '<p>该信息已于2026年3月2日在本机关的政府信息公开目录中主动公开，题为“关于2025年度“三公”经费决算的公告”（示财〔2026〕3号），公开编号pub_0123456789ab，请在该目录中查阅。</p>',
    );
    expect(
      letter(published, { ...publication, publisher: '示例市人民政府', documentNumber: null }),
    ).toContain(
      '<p>该信息已于2026年3月2日在示例市人民政府的政府信息公开目录中主动公开，题为“关于2025年度“三公”经费决算的公告”，公开编号pub_0123456789ab，请在该目录中查阅。</p>',
    );
    // The letter never says "published" of a publication it was not shown.
    expect(() => letter(published)).toThrow('The letter needs publication pub_0123456789ab to name it.');
    expect(() => letter(published, { ...publication, publicationId: 'pub_ffffffffffff' })).toThrow(Error);
  });

  it('a publication elsewhere is named with its place and date (and its address, if it has one)', () => {
    const html = letter({
      outcome: 'disclosed',
      published: {
        where: '《示例市人民政府公报》2025年第12期',
        publishedOn: '2025-12-15',
        url: 'https://www.example.gov.cn/gb/2025-12.html',
      },
    });
    expect(html).toContain(
      '<p>该信息已于2025年12月15日主动公开，载于《示例市人民政府公报》2025年第12期（网址：https://www.example.gov.cn/gb/2025-12.html），请从该处获取。</p>',
    );
    expect(
      letter({
        outcome: 'disclosed',
        published: { where: '本机关门户网站“财政预决算”栏目', publishedOn: '2026-01-20' },
      }),
    ).toContain('<p>该信息已于2026年1月20日主动公开，载于本机关门户网站“财政预决算”栏目，请从该处获取。</p>');
  });

  it('escapes what staff typed into the ways and places', () => {
    const evil = `<b>"x"</b> & 'y'`;
    const html = letter(
      {
        outcome: 'disclosed',
        published: { publicationId: 'pub_0123456789ab' },
        access: [
          { method: 'inspection', place: evil, from: '2026-11-02', until: '2026-11-03', hours: evil },
          { method: 'post', sendBy: '2026-11-06', address: evil },
          { method: 'electronic', sendBy: '2026-11-06', to: evil },
        ],
      },
      { ...publication, title: evil, documentNumber: evil, publisher: evil },
    );
    expect(html).not.toContain('<b>');
    expect(html.split('&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39;')).toHaveLength(8);
  });
});

describe('the written notice to a third party that objected (Reg. 32)', () => {
  const objected: Consultation = {
    id: 'c0a1b2c3d',
    party: 'third_party',
    name: '示例建设有限公司',
    contact: '010-66001234',
    matter: '合同中的报价明细是否同意公开',
    sentOn: '2026-10-08',
    dueDate: '2026-10-29',
    delivery: { method: 'online', deliveredOn: '2026-10-08' },
    repliedOn: '2026-10-15',
    answer: 'objection',
    summary: '涉及商业秘密',
    disclosureNotice: null,
  };
  const notice = {
    sentOn: '2026-10-20',
    content: '合同金额及履约期限',
    reasons: '该项目使用财政资金，公开合同金额有利于公众监督，不公开可能对公共利益造成重大影响。',
  };

  it('tells the third party what will be disclosed, why, and its own remedies; it never names the applicant', () => {
    const html = thirdPartyNoticeHtml(anApplication(), objected, notice, letterParties);
    expect(html).toContain('<title>政府信息公开决定告知书（第三方） 2026-K7QX-3M9P-c0a1b2c3d</title>');
    expect(html).toContain(
      '<p>示例建设有限公司：</p>\n' +
        '<p>本机关于2026年10月8日就“合同中的报价明细是否同意公开”书面征求你方意见，你方于2026年10月15日答复不同意公开。</p>\n' +
        '<p>经审查，本机关决定予以公开。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现将决定公开的政府信息内容和理由告知如下：</p>\n' +
        '<p>公开内容：合同金额及履约期限</p>\n' +
        '<p>理由：该项目使用财政资金，公开合同金额有利于公众监督，不公开可能对公共利益造成重大影响。</p>\n' +
        // A decision to disclose is no refusal: the third party chooses reconsideration or a lawsuit.
        '<p>如对本决定不服，可以自收到本告知书之日起六十日内向示例市人民政府申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。</p>\n' +
        '<p class="sign">示例市财政局<br>示例市财政局政务公开办公室<br>2026年10月20日</p>',
    );
    expect(html).not.toContain(anApplication().applicant.name);
    expect(html).not.toContain(anApplication().applicant.idDocument.number);
  });

  it('escapes the names and words typed into it', () => {
    const evil = `<i>'z'</i> & "w"`;
    const html = thirdPartyNoticeHtml(
      anApplication(),
      { ...objected, name: evil, matter: evil },
      { ...notice, content: evil, reasons: evil },
      { ...letterParties, agencyName: evil },
    );
    expect(html).not.toContain('<i>');
    expect(html.split('&lt;i&gt;&#39;z&#39;&lt;/i&gt; &amp; &quot;w&quot;')).toHaveLength(6);
  });

  it('is archived with its application, under the year it was sent, by consultation and version', () => {
    expect(
      archiveKeys.thirdPartyNotice(
        { agencyId: 'demo-city', id: '2026-K7QX-3M9P', sentOn: '2026-10-20' },
        'c0a1b2c3d',
        4,
      ),
    ).toBe('agency=demo-city/year=2026/application/2026-K7QX-3M9P/third-party-notice-c0a1b2c3d-v4.html');
  });
});

describe('domain errors: a stable code and the HTTP status each maps to', () => {
  it.each([
    [new ValidationError('bad'), 'validation-error', 400, 'Invalid request'],
    [new UnauthenticatedError('who?'), 'unauthenticated', 401, 'Authentication required'],
    [new ForbiddenError('no'), 'forbidden', 403, 'Forbidden'],
    [new NotFoundError('none'), 'not-found', 404, 'Not found'],
    [new VersionConflictError('stale'), 'version-conflict', 409, 'Version conflict'],
    [new AlreadyExistsError('dup'), 'already-exists', 409, 'Already exists'],
    [new WrongStateError('state'), 'wrong-state', 409, 'Not allowed in the current state'],
    [new GoneError('withdrawn'), 'gone', 410, 'Gone'],
    [new RuleViolationError('deadline-passed', 'late'), 'deadline-passed', 422, 'Rule violation'],
    [new CalendarRangeError('2101'), 'outside-calendar', 422, 'Rule violation'],
    [new DependencyUnavailableError('down'), 'dependency-unavailable', 503, 'Service unavailable'],
  ])('%s is %s, %i', (error, code, status, title) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect({ code: error.code, status: error.status, title: error.title, name: error.name }).toEqual({
      code,
      status,
      title,
      name: error.constructor.name,
    });
    expect(error.errors).toEqual([]);
  });

  it('a validation error carries its field errors and keeps its cause', () => {
    const cause = new SyntaxError('Unexpected token');
    const error = new ValidationError(
      'The body is not JSON.',
      [{ path: 'body', message: 'must be JSON' }],
      cause,
    );
    expect(error).toMatchObject({
      message: 'The body is not JSON.',
      errors: [{ path: 'body', message: 'must be JSON' }],
    });
    expect(error.cause).toBe(cause);
  });

  it('a dependency failure keeps its cause; without one, there is none', () => {
    const cause = new Error('ECONNREFUSED');
    expect(new DependencyUnavailableError('DynamoDB is down', { cause }).cause).toBe(cause);
    expect('cause' in new DependencyUnavailableError('DynamoDB is down')).toBe(false);
  });

  it('a rule violation names its rule and the fields that break it', () => {
    const error = new RuleViolationError(
      'decision-incomplete',
      'The decision lacks what the rules require.',
      [{ path: 'body.legalBasis', message: 'is required for this outcome' }],
    );
    expect(error).toMatchObject({
      code: 'decision-incomplete',
      status: 422,
      errors: [{ path: 'body.legalBasis', message: 'is required for this outcome' }],
    });
  });
});

describe('staff: tenants and roles', () => {
  it('platform accounts hold only platform_admin; agency accounts never do (422 at body.roles)', () => {
    expect(() => assertRolesFitAgency(PLATFORM_AGENCY_ID, ['platform_admin', 'clerk'])).toThrow(
      expect.objectContaining({
        constructor: RuleViolationError,
        code: 'roles-do-not-fit-account',
        message: 'Platform accounts hold only platform_admin.',
        errors: [{ path: 'body.roles', message: 'must be [platform_admin]' }],
      }),
    );
    expect(() => assertRolesFitAgency(AGENCY_ID, ['platform_admin'])).toThrow(
      expect.objectContaining({
        message: 'platform_admin is for platform accounts only.',
        errors: [{ path: 'body.roles', message: 'must not include platform_admin' }],
      }),
    );
    expect(() => assertRolesFitAgency(AGENCY_ID, ['clerk', 'approver'])).not.toThrow();
  });

  it('a staff update changes enabled or roles, and says so at enabled when it changes neither', () => {
    expect(StaffUpdate.parse({ version: 2, enabled: false })).toEqual({ version: 2, enabled: false });
    expect(StaffUpdate.parse({ version: 2, roles: ['reviewer'] })).toEqual({
      version: 2,
      roles: ['reviewer'],
    });
    expect(
      StaffUpdate.safeParse({ version: 2 }).error?.issues.map((issue) => [issue.path, issue.message]),
    ).toEqual([[['enabled'], 'must change enabled or roles']]);
    expect(StaffUpdate.safeParse({ version: 2, roles: [] }).success).toBe(false);
    expect(StaffId.safeParse('stf_0123456789abcdefghij').success).toBe(true);
    expect(StaffId.safeParse('stf_0123456789ABCDEFGHIJ').success).toBe(false);
  });
});

describe('an agency (tenant) and its settings', () => {
  it('a government department reports by January 31; a people’s government by March 31 (RULES §4)', () => {
    expect(defaultAnnualReportCutoff('department')).toBe('01-31');
    expect(defaultAnnualReportCutoff('government')).toBe('03-31');
  });

  it('until edited, the agency uses the default catalogue and review chain', () => {
    expect(catalogueOf({ catalogue: null })).toBe(DEFAULT_CATALOGUE);
    expect(reviewChainOf({ reviewChain: null })).toBe(DEFAULT_REVIEW_CHAIN);
    const own = [{ code: 'budgets', name: '预算' }];
    const chain = [...DEFAULT_REVIEW_CHAIN].reverse();
    expect(catalogueOf({ catalogue: own })).toBe(own);
    expect(reviewChainOf({ reviewChain: chain })).toBe(chain);
  });

  it('an agency id is 3–40 lower-case letters, digits or hyphens, not starting or ending with a hyphen', () => {
    for (const good of ['abc', 'demo-city', 'a1-b2']) expect(AgencyId.safeParse(good).success).toBe(true);
    for (const bad of ['ab', '-abc', 'abc-', 'Demo', 'a'.repeat(41)])
      expect(AgencyId.safeParse(bad).success).toBe(false);
    expect(NewAgency.parse({ agencyId: 'demo-city', name: '示例市', level: 'government' })).toEqual({
      agencyId: 'demo-city',
      name: '示例市',
      level: 'government',
      parentAgencyId: null,
      profile: null,
    });
  });

  it('the office profile takes phone numbers, an e-mail and an http(s) website only', () => {
    const profile = {
      officeName: '示例市政务公开办公室',
      head: '李华',
      address: '示例市人民路1号',
      openingHours: '工作日 9:00–17:00',
      phone: '010-6512 3456',
      fax: null,
      email: 'gongkai@example.cn',
      website: 'https://www.example.cn',
    };
    expect(OfficeProfile.parse(profile)).toEqual(profile);
    expect(OfficeProfile.safeParse({ ...profile, website: 'ftp://example.cn' }).success).toBe(false);
    expect(OfficeProfile.safeParse({ ...profile, phone: 'ask the porter' }).success).toBe(false);
    expect(OfficeProfile.safeParse({ ...profile, postcode: '1000' }).success).toBe(false);
    expect(ProfileUpdate.safeParse({ version: 0, profile }).success).toBe(false);
    expect(changedProfileFields(profile, profile)).toEqual([]);
  });

  it('a policy update that is looser than the Regulations is refused at policy.replyWorkingDays', () => {
    const update = PolicyUpdate.safeParse({
      version: 1,
      policy: { ...DEFAULT_POLICY, replyWorkingDays: 30 },
    });
    expect(update.error?.issues.map((issue) => issue.path)).toEqual([['policy', 'replyWorkingDays']]);
  });

  it('a recurring obligation is monthly, quarterly or yearly, published within 1–60 working days', () => {
    const obligation = {
      title: '月度财政收支',
      category: 'budgets',
      cadence: 'monthly',
      publishWithinWorkingDays: 10,
    };
    expect(PeriodicObligationInput.parse(obligation)).toEqual(obligation);
    expect(PeriodicObligationInput.safeParse({ ...obligation, cadence: 'weekly' }).success).toBe(false);
    expect(PeriodicObligationInput.safeParse({ ...obligation, publishWithinWorkingDays: 61 }).success).toBe(
      false,
    );
  });

  it('the China year of an instant turns at midnight China time', () => {
    expect(chinaYearOf(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(chinaYearOf(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
  });
});

describe('complaints about disclosure work (Reg. 51): answered within 30 days', () => {
  const input = ComplaintInput.parse({
    complainant: { name: '周杰', contact: '13900001111', email: 'zhou@example.cn' },
    subject: '申请逾期未答复',
    details: '2026年8月提交的申请至今未收到答复。',
    trackingNumber: '2026-K7QX-3M9P',
  });
  const received = (today: string, overrides: Partial<ComplaintInput> = {}) =>
    receiveComplaint(
      { ...input, ...overrides },
      { id: 'cmp_1', agencyId: AGENCY_ID, accessCodeHash: hashToken('the-code') },
      today,
      calendar,
    );

  it('a complaint received on 2026-09-28 is answered by 2026-10-28', () => {
    const { complaint, clock } = received('2026-09-28');
    expect(COMPLAINT_ANSWER_DAYS).toBe(30);
    expect(complaint).toEqual({
      id: 'cmp_1',
      agencyId: AGENCY_ID,
      status: 'open',
      receivedOn: '2026-09-28',
      answerDueDate: '2026-10-28',
      complainant: { name: '周杰', contact: '13900001111', email: 'zhou@example.cn' },
      subject: '申请逾期未答复',
      details: '2026年8月提交的申请至今未收到答复。',
      trackingNumber: '2026-K7QX-3M9P',
      answer: null,
      accessCodeHash: hashToken('the-code'),
      version: 1,
    });
    expect(clock).toMatchObject({ status: 'running', dueDate: '2026-10-28', provisional: false });
    expect(clock.events).toEqual([{ type: 'start', on: '2026-09-28', workingDays: 0, naturalDays: 30 }]);
  });

  it('a 30th day in the National Day holiday moves to the next working day (民法典 Art. 203)', () => {
    expect(received('2026-09-05').complaint.answerDueDate).toBe('2026-10-08');
  });

  it('a 30th day on a Sunday moves to Monday', () => {
    expect(received('2026-10-02').complaint.answerDueDate).toBe('2026-11-02');
  });

  it('a complaint about no particular application has no tracking number', () => {
    expect(received('2026-09-28', { trackingNumber: undefined }).complaint.trackingNumber).toBeNull();
  });

  it('an answer records its text, whether the complaint is upheld, the day and who answered', () => {
    const { complaint } = received('2026-09-28');
    const answered = answerComplaint(
      complaint,
      { reply: '已督促办理', upheld: true },
      'stf_supervisor',
      '2026-10-20',
    );
    expect(answered).toEqual({
      ...complaint,
      status: 'answered',
      answer: { text: '已督促办理', upheld: true, on: '2026-10-20', by: 'stf_supervisor' },
      version: 2,
    });
  });

  it('an answered complaint cannot be answered again (409)', () => {
    const answered: Complaint = answerComplaint(
      received('2026-09-28').complaint,
      { reply: '已督促办理', upheld: false },
      'stf_supervisor',
      '2026-10-20',
    );
    expect(() =>
      answerComplaint(answered, { reply: '再答复', upheld: true }, 'stf_supervisor', '2026-10-21'),
    ).toThrow(
      expect.objectContaining({
        constructor: WrongStateError,
        status: 409,
        message: 'The complaint has been answered.',
      }),
    );
  });

  it('its access code opens it, any other code does not, and a complaint filed without a code opens to no one', () => {
    const { complaint } = received('2026-09-28');
    expect(complaintCodeMatches(complaint, 'the-code')).toBe(true);
    expect(complaintCodeMatches(complaint, 'the-code ')).toBe(false);
    expect(complaintCodeMatches(complaint, '')).toBe(false);
    const older = Complaint.parse({ ...complaint, accessCodeHash: undefined });
    expect(older.accessCodeHash).toBeNull();
    expect(complaintCodeMatches(older, 'the-code')).toBe(false);
  });

  it('staff see everything but the code’s hash; the complainant sees what was received and the answer, not who answered', () => {
    const { complaint } = received('2026-09-28');
    expect(staffComplaintView(complaint)).not.toHaveProperty('accessCodeHash');
    expect(staffComplaintView(complaint)).toMatchObject({ id: 'cmp_1', subject: '申请逾期未答复' });
    expect(complainantView(complaint)).toEqual({
      complaintId: 'cmp_1',
      agencyId: AGENCY_ID,
      status: 'open',
      receivedOn: '2026-09-28',
      answerDueDate: '2026-10-28',
      complainant: { name: '周杰', contact: '13900001111', email: 'zhou@example.cn' },
      subject: '申请逾期未答复',
      details: '2026年8月提交的申请至今未收到答复。',
      trackingNumber: '2026-K7QX-3M9P',
      answer: null,
    });
    const answered = answerComplaint(complaint, { reply: '已督促办理', upheld: true }, 'stf_9', '2026-10-20');
    expect(complainantView(answered).answer).toEqual({ text: '已督促办理', upheld: true, on: '2026-10-20' });
    expect(JSON.stringify(complainantView(answered))).not.toContain('stf_9');
  });

  it('a complaint names who complains and how to reach them; a tracking number must be one', () => {
    expect(
      ComplaintInput.safeParse({ ...input, trackingNumber: '2026-0000' }).error?.issues[0]?.path,
    ).toEqual(['trackingNumber']);
    expect(
      ComplaintInput.safeParse({ ...input, complainant: { ...input.complainant, email: 'not-mail' } }).error
        ?.issues[0]?.path,
    ).toEqual(['complainant', 'email']);
    expect(ComplaintInput.safeParse({ ...input, subject: ' ' }).success).toBe(false);
    expect(ComplaintReply.safeParse({ reply: '已处理' }).success).toBe(false);
  });
});

/** 2030: four applications received (three by people, one by a company), three decided. */
const content = (overrides: Partial<ReportContent> = {}): ReportContent => ({
  ...draftContent({
    agencyId: 'demo-city',
    agencyName: '示例市人民政府',
    year: 2030,
    narrative: { general: '总体情况第一段。\n\n  \n总体情况第二段。', problems: '问题。', other: '无。' },
    applicationsThisYear: {
      'received.natural_person': 3,
      'received.commercial_enterprise': 1,
      'decided.disclosed.natural_person': 2,
      'decided.not_disclosed.state_secret.commercial_enterprise': 1,
    },
    applicationsBefore: {},
    publicationsUpToYear: [{ year: 2030, cells: { 'issued.rule': 2, 'repealed.rule': 1 } }],
    inForceAtStartOfYear: { rules: 5, normativeDocuments: 3 },
    challengesUpToYear: [{ year: 2030, cells: { 'reconsideration.filed': 2, 'reconsideration.upheld': 1 } }],
    figures: { licensing: 12, penalties: 4, enforcement: 1, feeIncomeTenThousandYuan: 1.25 },
  }),
  ...overrides,
});
const cells = (...values: number[]) => values.map((n) => `<td>${n}</td>`).join('');
const tableOf = (html: string, id: string) => {
  const start = html.indexOf(`<table id="${id}">`);
  return html.slice(start, html.indexOf('</table>', start));
};

describe('the printable annual report, in the national format', () => {
  const html = annualReportHtml(content(), null);

  it('is titled with the agency and the year', () => {
    expect(html).toContain('<title>示例市人民政府2030年政府信息公开工作年度报告</title>');
    expect(html).toContain('<h1>示例市人民政府2030年政府信息公开工作年度报告</h1>');
  });

  it('writes each narrative line as a paragraph, dropping blank lines', () => {
    expect(html).toContain('<h2>一、总体情况</h2>\n<p>总体情况第一段。</p>\n<p>总体情况第二段。</p>\n<h2>');
    expect(html).toContain('<h2>五、存在的主要问题及改进情况</h2>\n<p>问题。</p>');
    expect(html).toContain('<h2>六、其他需要报告的事项</h2>\n<p>无。</p>');
  });

  it('table 二: documents issued, repealed and in force; decisions; fee income', () => {
    const table = tableOf(html, 'table-2');
    expect(table).toContain(`<tr><th>规章</th>${cells(2, 1, 6)}</tr>`);
    expect(table).toContain(`<tr><th>行政规范性文件</th>${cells(0, 0, 3)}</tr>`);
    expect(table).toContain('<tr><th>行政许可</th><td colspan="3">12</td></tr>');
    expect(table).toContain('<tr><th>行政处罚</th><td colspan="3">4</td></tr>');
    expect(table).toContain('<tr><th>行政强制</th><td colspan="3">1</td></tr>');
    expect(table).toContain('<tr><th>行政事业性收费</th><td colspan="3">1.25</td></tr>');
  });

  it('table 三: one column per applicant type and a total, one row per result, rows that add up', () => {
    const table = tableOf(html, 'table-3');
    expect(table).toContain(
      '<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>',
    );
    expect(table).toContain(
      `<tr><th colspan="3">一、本年新收政府信息公开申请数量</th>${cells(3, 1, 0, 0, 0, 0, 4)}</tr>`,
    );
    expect(table).toContain(
      `<tr><th colspan="3">二、上年结转政府信息公开申请数量</th>${cells(0, 0, 0, 0, 0, 0, 0)}</tr>`,
    );
    // The first result row shares its <tr> with the section heading that spans every result row and the total.
    expect(table).toContain(
      `<tr><th rowspan="22">三、本年度办理结果</th>\n<th colspan="2" class="sub">（一）予以公开</th>${cells(2, 0, 0, 0, 0, 0, 2)}</tr>`,
    );
    expect(table).toContain(
      `<tr><th rowspan="8" class="sub">（三）不予公开</th><th class="item">1.属于国家秘密</th>${cells(0, 1, 0, 0, 0, 0, 1)}</tr>`,
    );
    expect(table).toContain(
      `<tr><th class="item">2.其他法律行政法规禁止公开</th>${cells(0, 0, 0, 0, 0, 0, 0)}</tr>`,
    );
    expect(table).toContain(
      `<tr><th colspan="2" class="sub">（七）总计</th>${cells(2, 1, 0, 0, 0, 0, 3)}</tr>`,
    );
    expect(table).toContain(
      `<tr><th colspan="3">四、结转下年度继续办理</th>${cells(1, 0, 0, 0, 0, 0, 1)}</tr>`,
    );
    for (const row of RESULT_ROWS) expect(table).toContain(row.label.replace(/"/g, '&quot;'));
    // 3 heading rows; 一, 二, 21 result rows, 七, 四.
    expect(table.match(/<tr>/g)).toHaveLength(3 + 2 + RESULT_ROWS.length + 2);
    expect(table.match(/<\/tr>/g)).toHaveLength(3 + 2 + RESULT_ROWS.length + 2);
  });

  it('table 四: reconsideration and litigation, five figures each', () => {
    expect(tableOf(html, 'table-4')).toContain(
      `<tr>${cells(1, 0, 0, 1, 2)}${cells(0, 0, 0, 0, 0)}${cells(0, 0, 0, 0, 0)}</tr>`,
    );
  });

  it('a draft says so; a published edition shows its number, date and seal', () => {
    expect(html).toContain('<p class="seal">草稿（未公布）</p>');
    const sealed = annualReportHtml(content(), {
      edition: 2,
      sha256: 'ab'.repeat(32),
      publishedAt: '2031-01-15T10:00:00.000+08:00',
      archiveKey: 'agency=demo-city/annual-report/2030/edition-2.json',
    });
    expect(sealed).toContain(
      `<p class="seal">第2版，公布于2031-01-15T10:00:00.000+08:00；SHA-256：${'ab'.repeat(32)}</p>`,
    );
    expect(sealed).not.toContain('草稿');
  });

  it('escapes the agency name and the narrative', () => {
    const page = annualReportHtml(
      content({
        agencyName: '<img src=x onerror="alert(1)">&',
        narrative: { general: '<script>x</script>', problems: 'a & b', other: '"quoted"' },
      }),
      null,
    );
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script>');
    expect(page).toContain(
      '<h1>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;2030年政府信息公开工作年度报告</h1>',
    );
    expect(page).toContain('<p>&lt;script&gt;x&lt;/script&gt;</p>');
    expect(page).toContain('<p>a &amp; b</p>');
    expect(page).toContain('<p>&quot;quoted&quot;</p>');
  });
});

describe('reconsiderations and lawsuits about disclosure (政府信息公开行政复议、行政诉讼)', () => {
  it('a case is pending until it has an outcome', () => {
    expect(LegalChallengeInput.parse({ kind: 'reconsideration', filedOn: '2030-03-01' })).toEqual({
      kind: 'reconsideration',
      filedOn: '2030-03-01',
      outcome: 'pending',
    });
  });

  it('a pending case has no conclusion date', () => {
    expect(
      LegalChallengeInput.safeParse({
        kind: 'litigation_direct',
        filedOn: '2030-03-01',
        concludedOn: '2030-05-01',
      }).error?.issues,
    ).toEqual([
      expect.objectContaining({ path: ['concludedOn'], message: 'must be absent while the case is pending' }),
    ]);
  });

  it('an outcome needs the day it was reached', () => {
    expect(LegalChallengeOutcome.safeParse({ version: 1, outcome: 'corrected' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['concludedOn'], message: 'is required with an outcome' }),
    ]);
    expect(
      LegalChallengeOutcome.parse({ version: 1, outcome: 'corrected', concludedOn: '2030-06-01' }),
    ).toEqual({
      version: 1,
      outcome: 'corrected',
      concludedOn: '2030-06-01',
    });
  });
});

const outside = (message: string) =>
  expect.objectContaining({
    constructor: CalendarRangeError,
    code: 'outside-calendar',
    status: 422,
    message,
  });

describe('the calendar’s range: 2004 to 2100', () => {
  it('knows where each year’s schedule comes from, and no year outside the range', () => {
    expect(CALENDAR_RANGE).toEqual({ first: '2004-01-01', last: '2100-12-31' });
    expect(calendar.sourceOf(2026)).toBe('bundled');
    expect(calendar.sourceOf(2027)).toBe('provisional');
    expect(() => calendar.sourceOf(2003)).toThrow(outside('2003 is outside 2004–2100'));
    expect(() => calendar.scheduleOf(2101)).toThrow(outside('2101 is outside 2004–2100'));
  });

  it('a provisional year’s schedule is the 13 statutory holidays of the law, nothing more', () => {
    const schedule = calendar.scheduleOf(2027);
    expect(schedule).toMatchObject({ year: 2027, source: 'provisional', adjustedWorkdays: [] });
    expect(schedule.holidays).toEqual(statutoryHolidays(2027));
    expect(schedule.holidays).toHaveLength(13);
    expect(calendar.scheduleOf(2026).source).toBe('bundled');
  });

  it('the law’s holidays are known only for the years of the lunar table (2025 on)', () => {
    expect(() => statutoryHolidays(2024)).toThrow(new RangeError('No lunar dates for 2024'));
  });

  it('refuses dates that do not exist or lie outside the range', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(
      outside('2026-02-30 is not a date that exists'),
    );
    expect(() => calendar.isWorkingDay('2026-ab-01')).toThrow(
      outside('2026-ab-01 is not a date from 2004 to 2100'),
    );
    expect(() => calendar.isWorkingDay('2003-12-31')).toThrow(
      outside('2003-12-31 is not a date from 2004 to 2100'),
    );
    expect(() => calendar.isWorkingDay('2026-10-1')).toThrow(CalendarRangeError);
    expect(isValidIsoDate('2026/10/01')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
  });

  it('a period that runs past 2100 is refused', () => {
    expect(() => calendar.addWorkingDays('2100-12-20', 20)).toThrow(outside('the period runs past 2100'));
    expect(() => calendar.addNaturalDays('2100-12-20', 30)).toThrow(outside('the period runs past 2100'));
  });

  it('there is no working day before the first day of the calendar', () => {
    expect(() => calendar.previousWorkingDay('2004-01-01')).toThrow(
      outside('no working day before 2004-01-01 in the calendar'),
    );
    expect(calendar.previousWorkingDay('2026-10-08')).toBe('2026-09-30');
  });

  it('periods are whole numbers of days, at least one', () => {
    for (const days of [0, -1, 1.5]) {
      expect(() => calendar.addWorkingDays('2026-09-28', days)).toThrow(
        new RangeError('workingDays must be a whole number ≥ 1'),
      );
      expect(() => calendar.addNaturalDays('2026-09-28', days)).toThrow(
        new RangeError('naturalDays must be a whole number ≥ 1'),
      );
    }
  });

  it('no working days run between a date and an earlier or the same one', () => {
    expect(calendar.workingDaysBetween('2026-10-30', '2026-09-28')).toBe(0);
    expect(calendar.workingDaysBetween('2026-09-28', '2026-09-28')).toBe(0);
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-30')).toBe(20);
  });
});

describe('loading a year’s published notice', () => {
  const notice2027 = PublishedSchedule.parse({
    holidays: [
      { date: '2027-01-01', festival: '元旦' },
      { date: '2026-12-31', festival: '元旦' },
    ],
    adjustedWorkdays: [{ date: '2027-01-09', festival: '元旦' }],
    notice: { title: '国务院办公厅关于2027年部分节假日安排的通知' },
  });

  it('keeps the days in date order and the notice it came from', () => {
    expect(loadedYear(2027, notice2027)).toEqual({
      year: 2027,
      source: 'loaded',
      holidays: [
        { date: '2026-12-31', festival: '元旦' },
        { date: '2027-01-01', festival: '元旦' },
      ],
      adjustedWorkdays: [{ date: '2027-01-09', festival: '元旦' }],
      notice: { title: '国务院办公厅关于2027年部分节假日安排的通知' },
    });
  });

  it('a calendar with the notice loaded counts the year exactly, reaching back into December', () => {
    const loaded = new WorkingCalendar([loadedYear(2027, notice2027)]);
    expect(loaded.sourceOf(2027)).toBe('loaded');
    expect(loaded.isWorkingDay('2026-12-31')).toBe(false);
    expect(loaded.isWorkingDay('2027-01-09')).toBe(true);
    expect(loaded.adjustedWorkdaysBetween('2027-01-01', '2027-01-10')).toEqual([
      { date: '2027-01-09', reason: '元旦调休上班' },
    ]);
  });

  it('a notice that reaches before 2004 is applied as far as the calendar goes', () => {
    const loaded = new WorkingCalendar([
      {
        year: 2004,
        source: 'loaded',
        holidays: [
          { date: '2003-12-31', festival: '元旦' },
          { date: '2004-01-02', festival: '元旦' },
        ],
        adjustedWorkdays: [],
      },
    ]);
    expect(loaded.isWorkingDay('2004-01-02')).toBe(false);
    expect(loaded.isWorkingDay('2004-01-01')).toBe(true);
  });

  it('a date that does not exist is left to the schema, which refuses it', () => {
    const schedule = {
      holidays: [...statutoryHolidays(2027), { date: '2027-02-30', festival: '春节' }],
      adjustedWorkdays: [],
    };
    expect(PublishedSchedule.safeParse(schedule).error?.issues[0]?.path).toEqual(['holidays', 13, 'date']);
    expect(checkPublishedSchedule(2027, schedule).map((error) => error.path)).not.toContain(
      'body.holidays.13.date',
    );
  });
});

describe('a legal clock at its limits', () => {
  it('starts once: a second start is 409', () => {
    expect(() =>
      evaluateClock(calendar, [
        { type: 'start', on: '2026-09-28', workingDays: 20 },
        { type: 'start', on: '2026-09-29', workingDays: 20 },
      ]),
    ).toThrow(
      expect.objectContaining({ constructor: WrongStateError, message: 'The clock is already started.' }),
    );
  });

  it('names the rule an out-of-order or late suspension breaks (422)', () => {
    const started = startClock(calendar, '2026-09-28', 20);
    expect(() =>
      advanceClock(calendar, started, { type: 'suspend', on: '2026-09-27', reason: 'fee' }),
    ).toThrow(expect.objectContaining({ constructor: RuleViolationError, code: 'clock-out-of-order' }));
    expect(() =>
      advanceClock(calendar, started, { type: 'suspend', on: '2026-10-31', reason: 'fee' }),
    ).toThrow(expect.objectContaining({ constructor: RuleViolationError, code: 'deadline-passed' }));
  });

  it('a clock suspended, resumed and extended across an unpublished year stays provisional', () => {
    const started = startClock(calendar, '2026-12-15', 20);
    expect(started).toMatchObject({ dueDate: '2027-01-13', provisionalYears: [2027] });
    // Used by Friday 12-18: 12-16, 12-17, 12-18; 17 left.
    const suspended = advanceClock(calendar, started, {
      type: 'suspend',
      on: '2026-12-18',
      reason: 'consultation',
    });
    expect(suspended).toMatchObject({
      status: 'suspended',
      remainingWorkingDays: 17,
      provisional: true,
      provisionalYears: [2027],
    });
    const resumed = advanceClock(calendar, suspended, { type: 'resume', on: '2027-01-04', restart: false });
    expect(resumed).toMatchObject({ status: 'running', dueDate: '2027-01-27', provisionalYears: [2027] });
    const extended = advanceClock(calendar, resumed, { type: 'extend', on: '2027-01-20', workingDays: 5 });
    expect(extended).toMatchObject({ dueDate: '2027-02-03', period: 25, provisional: true });
    expect(extended.steps.map((step) => [step.event.type, step.dueDate, step.provisional])).toEqual([
      ['start', '2027-01-13', true],
      ['suspend', null, true],
      ['resume', '2027-01-27', true],
      ['extend', '2027-02-03', true],
    ]);
  });
});
