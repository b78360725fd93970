import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  GoneError,
  NotFoundError,
  VersionConflictError,
  WrongStateError,
} from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import type { SecrecyConclusion } from '#lib/domain/submission/review-chain';
import type { ReviewInput, SubmissionInput } from '#lib/domain/submission/submission';
import { verifyChain } from '#lib/domain/timeline';
import {
  catalogue,
  createSubmission,
  editSubmission,
  getSubmission,
  listPublications,
  listSubmissions,
  readInternalPublication,
  readPublication,
  reviewQueue,
  reviewSubmission,
  sendForReview,
  withdraw,
} from '#lib/use-cases/proactive';
import { aPrincipal, aSubmission, anAgency, anUploadKey, cst, staffIdOf } from '#test/support/factories';
import {
  givenAgency,
  inMemoryWorld,
  publicationCase,
  submissionCase,
  type InMemoryWorld,
} from '#test/support/fakes';

/**
 * Proactive disclosure (主动公开) through in-memory ports: a clerk registers a document, it passes the
 * signed review chain (初审 → 复审 → 保密审查 → 终审), and the last approval publishes it in the reading room.
 */

const AGENCY = 'ag-city';
const clerk = aPrincipal(['clerk']);
const reviewer = aPrincipal(['reviewer']);
const secondReviewer = aPrincipal(['reviewer'], { staffId: staffIdOf('secondreviewer') });
const secrecyReviewer = aPrincipal(['secrecy_reviewer']);
const approver = aPrincipal(['approver']);

const noRisk: SecrecyConclusion = {
  risks: {
    state_secret: 'none',
    work_secret: 'none',
    commercial_secret: 'none',
    personal_privacy: 'none',
    security_stability: 'none',
  },
  outcome: 'clear',
};

async function aWorld(agency = anAgency()): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, agency);
  await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
  return world;
}

const register = (world: InMemoryWorld, content: SubmissionInput = aSubmission(), today = '2026-09-29') =>
  createSubmission(world.proactiveDeps, clerk, AGENCY, content, cst(today));
const send = (world: InMemoryWorld, id: string, today = '2026-09-29') =>
  sendForReview(world.proactiveDeps, clerk, AGENCY, id, cst(today));
const sign = (world: InMemoryWorld, id: string, by: Principal, input: ReviewInput, today = '2026-09-30') =>
  reviewSubmission(world.proactiveDeps, by, AGENCY, id, input, cst(today));

/** Through the default chain, each step signed by its own role. */
async function throughTheChain(world: InMemoryWorld, id: string, today = '2026-09-30') {
  await sign(world, id, reviewer, { step: 'first_review', verdict: 'approve', opinion: '内容准确' }, today);
  await sign(
    world,
    id,
    secondReviewer,
    { step: 'second_review', verdict: 'approve', opinion: '同意' },
    today,
  );
  await sign(
    world,
    id,
    secrecyReviewer,
    { step: 'secrecy_review', verdict: 'approve', opinion: '不涉密', secrecy: noRisk },
    today,
  );
  return sign(world, id, approver, { step: 'approval', verdict: 'approve', opinion: '同意公开' }, today);
}

async function aPublished(world: InMemoryWorld, content = aSubmission()) {
  const { id } = await register(world, content);
  await send(world, id);
  const published = await throughTheChain(world, id);
  const publicationId = published.publicationId;
  if (publicationId === null) throw new Error('the approval publishes');
  return { id, publicationId, published };
}

describe('registering a document for disclosure', () => {
  it('starts the publication clock: 20 working days from when it was formed (Reg. 26)', async () => {
    const world = await aWorld();
    const view = await register(world);
    expect(view).toMatchObject({
      agencyId: AGENCY,
      status: 'draft',
      currentStepName: null,
      round: 0,
      publicationDueDate: '2026-10-30',
      submittedBy: { staffId: clerk.staffId, name: '王五' },
      version: 1,
    });
    expect(world.records.clock(submissionCase(view.id), 'publication')).toMatchObject({
      open: true,
      state: { dueDate: '2026-10-30' },
    });
    expect(world.records.timeline(submissionCase(view.id))).toMatchObject([
      { type: 'submission_registered', data: { publishBy: '2026-10-30', attribute: 'proactive' } },
    ]);
  });

  it('an agency’s stricter deadline applies (seed 000: 5 working days)', async () => {
    const world = await aWorld(
      anAgency({
        policies: [
          {
            effectiveFrom: '2026-01-01',
            replyWorkingDays: 7,
            maxExtensionWorkingDays: 15,
            feePaymentWorkingDays: 20,
            clarificationPeriodWorkingDays: 15,
            consultationWorkingDays: 15,
            publicationWorkingDays: 5,
            confirmationWorkingDays: 3,
          },
        ],
      }),
    );
    // 09-29, 09-30, 10-08, 10-09, and Saturday 10-10, which is worked.
    expect((await register(world)).publicationDueDate).toBe('2026-10-10');
  });

  it('refuses a category outside the agency’s catalogue, and files never uploaded', async () => {
    const world = await aWorld();
    await expect(register(world, aSubmission({ category: 'not_a_category' }))).rejects.toMatchObject({
      code: 'invalid-submission',
      errors: [{ path: 'body.category', message: 'is not in this agency’s catalogue' }],
    });
    const interpretation = { uploadKey: anUploadKey(2), name: '解读.pdf' };
    await expect(
      register(
        world,
        aSubmission({ attachments: [{ uploadKey: anUploadKey(1), name: '规划.pdf' }], interpretation }),
      ),
    ).rejects.toMatchObject({
      code: 'unknown-upload',
      errors: [{ path: 'body.attachments.0.uploadKey' }, { path: 'body.interpretation.uploadKey' }],
    });
    await expect(
      createSubmission(world.proactiveDeps, clerk, 'ag-none', aSubmission(), cst('2026-09-29')),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (await listSubmissions(world.proactiveDeps, AGENCY, { status: 'draft', limit: 10 })).items,
    ).toEqual([]);
  });
});

describe('the review chain (签名把关)', () => {
  it('an item lacking what the rules require is returned at once, with the reasons (退文)', async () => {
    const world = await aWorld();
    const { id } = await register(world, aSubmission({ policyDocument: true }));
    const returned = await send(world, id);
    expect(returned).toMatchObject({
      status: 'returned',
      currentStep: null,
      returnReasons: ['政策性文件须同步附政策解读材料（interpretation）'],
    });
    const interpretation = { uploadKey: world.uploads.put(anUploadKey(5)), name: '政策解读.pdf' };
    const edited = await editSubmission(
      world.proactiveDeps,
      clerk,
      AGENCY,
      id,
      { version: returned.version, content: aSubmission({ policyDocument: true, interpretation }) },
      cst('2026-09-29'),
    );
    expect(edited).toMatchObject({ status: 'draft', returnReasons: [] });
    expect(await send(world, id)).toMatchObject({
      status: 'in_review',
      round: 1,
      currentStepName: 'first_review',
    });
  });

  it('each step is signed by its role; the approval publishes in the reading room, archived with its files', async () => {
    const world = await aWorld();
    const attachment = world.uploads.put(anUploadKey(1));
    const { id } = await register(
      world,
      aSubmission({ attachments: [{ uploadKey: attachment, name: '规划全文.pdf' }] }),
    );
    await send(world, id);
    const firstReview = await sign(world, id, reviewer, {
      step: 'first_review',
      verdict: 'approve',
      opinion: '内容准确',
    });
    expect(firstReview).toMatchObject({ currentStepName: 'second_review', currentStepLabel: '复审' });
    const secondReview = await sign(world, id, secondReviewer, {
      step: 'second_review',
      verdict: 'approve',
      opinion: '同意',
    });
    expect(secondReview.currentStepName).toBe('secrecy_review');
    const queue = await reviewQueue(world.proactiveDeps, secrecyReviewer, AGENCY, { limit: 10 });
    expect(queue).toMatchObject({
      step: 'secrecy_review',
      stepLabel: '保密审查',
      items: [{ id, currentStepName: 'secrecy_review', currentStepLabel: '保密审查' }],
      nextToken: null,
    });
    await sign(world, id, secrecyReviewer, {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '不涉密',
      secrecy: noRisk,
    });
    const approved = await sign(world, id, approver, {
      step: 'approval',
      verdict: 'approve',
      opinion: '同意公开',
    });

    const publicationId = approved.publicationId ?? '';
    expect(approved).toMatchObject({ status: 'published', publication: `/v1/publications/${publicationId}` });
    expect(approved.signatures.map((signature) => [signature.step, signature.staffId])).toEqual([
      ['first_review', reviewer.staffId],
      ['second_review', secondReviewer.staffId],
      ['secrecy_review', secrecyReviewer.staffId],
      ['approval', approver.staffId],
    ]);
    expect(world.records.clock(submissionCase(id), 'publication')?.open).toBe(false);
    const shown = await readPublication(world.proactiveDeps, publicationId, undefined);
    expect(shown).toMatchObject({
      status: 'published',
      version: 1,
      title: '关于印发《某市生态环境保护规划》的通知',
      publishedOn: '2026-09-30',
      displayUntil: null,
      attachments: [{ name: '规划全文.pdf' }],
    });
    expect((await listPublications(world.proactiveDeps, AGENCY, 'public', { limit: 20 })).items).toEqual([
      expect.objectContaining({ publicationId, version: 1, category: 'plans', publishedOn: '2026-09-30' }),
    ]);
    const [created] = world.records.timeline(publicationCase(publicationId));
    const stored = await world.proactive.getPublication(publicationId);
    expect(created).toMatchObject({
      type: 'publication_created',
      data: {
        archiveObjects: [
          { key: stored?.publication.current.archiveKey, contentType: 'application/json; charset=utf-8' },
        ],
        uploadCopies: [
          { uploadKey: attachment, archiveKey: stored?.publication.current.attachments[0]?.archiveKey },
        ],
      },
    });
    expect(stored?.publication.current.archiveKey).toBe(
      `agency=${AGENCY}/year=2026/publication/${publicationId}/v1/document.json`,
    );
    expect(world.uploads.referenced.has(attachment)).toBe(true);
    // Reg. 20(1): the normative documents issued this year, in the annual report.
    expect(world.records.counters(AGENCY)).toEqual([
      { kind: 'publications', year: 2026, cells: { 'issued.normative_document': 1 } },
    ]);
    expect(verifyChain(world.records.timeline(submissionCase(id)))).toEqual({ ok: true });
  });

  it('a step is signed only by its role, never by the submitter, never twice by one person', async () => {
    const world = await aWorld();
    const { id } = await register(world);
    await send(world, id);
    await expect(
      sign(world, id, secrecyReviewer, { step: 'first_review', verdict: 'approve', opinion: '同意' }),
    ).rejects.toThrow(new ForbiddenError('The 初审 (first_review) step is signed by a reviewer.'));
    const submitterWhoReviews = aPrincipal(['clerk', 'reviewer'], { staffId: clerk.staffId });
    await expect(
      sign(world, id, submitterWhoReviews, { step: 'first_review', verdict: 'approve', opinion: '同意' }),
    ).rejects.toThrow(new ForbiddenError('Nobody reviews their own submission.'));
    const both = aPrincipal(['reviewer', 'secrecy_reviewer']);
    await sign(world, id, both, { step: 'first_review', verdict: 'approve', opinion: '同意' });
    await expect(
      sign(world, id, both, { step: 'second_review', verdict: 'approve', opinion: '同意' }),
    ).rejects.toThrow(new ForbiddenError('Nobody signs two steps of the same item.'));
    await sign(world, id, secondReviewer, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    await expect(
      sign(world, id, both, {
        step: 'secrecy_review',
        verdict: 'approve',
        opinion: '不涉密',
        secrecy: noRisk,
      }),
    ).rejects.toThrow(new ForbiddenError('Nobody signs two steps of the same item.'));
    await expect(
      sign(world, id, approver, { step: 'approval', verdict: 'approve', opinion: '同意' }),
    ).rejects.toBeInstanceOf(WrongStateError);
    expect(world.records.timeline(submissionCase(id)).map((event) => event.type)).toEqual([
      'submission_registered',
      'sent_for_review',
      'review_signed',
      'review_signed',
    ]);
  });

  it('whoever edited the item or sent it into the chain signs none of its steps (separation of duties)', async () => {
    const world = await aWorld();
    const { id, version } = await register(world);
    const editor = aPrincipal(['clerk', 'reviewer'], { staffId: staffIdOf('editor') });
    const sender = aPrincipal(['clerk', 'reviewer'], { staffId: staffIdOf('sender') });
    await editSubmission(
      world.proactiveDeps,
      editor,
      AGENCY,
      id,
      { version, content: aSubmission({ title: '改题' }) },
      cst('2026-09-29'),
    );
    const sent = await sendForReview(world.proactiveDeps, sender, AGENCY, id, cst('2026-09-29'));
    expect(sent.handledBy).toEqual([clerk.staffId, editor.staffId, sender.staffId]);
    for (const who of [editor, sender])
      await expect(
        sign(world, id, who, { step: 'first_review', verdict: 'approve', opinion: '同意' }),
      ).rejects.toThrow(
        new ForbiddenError('Nobody signs a review step of an item they edited or sent for review.'),
      );
    expect(
      await sign(world, id, reviewer, { step: 'first_review', verdict: 'approve', opinion: '同意' }),
    ).toMatchObject({ currentStepName: 'second_review' });
  });

  it('the secrecy review concludes on each risk, and clears only what carries none', async () => {
    const world = await aWorld();
    const { id } = await register(world);
    await send(world, id);
    await sign(world, id, reviewer, { step: 'first_review', verdict: 'approve', opinion: '同意' });
    await sign(world, id, secondReviewer, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    const secrecy = (input: Omit<ReviewInput, 'step'>) =>
      sign(world, id, secrecyReviewer, { step: 'secrecy_review', ...input });
    await expect(secrecy({ verdict: 'approve', opinion: '不涉密' })).rejects.toMatchObject({
      code: 'secrecy-conclusion-missing',
    });
    await expect(
      secrecy({ verdict: 'approve', opinion: '报上级', secrecy: { ...noRisk, outcome: 'refer_upward' } }),
    ).rejects.toMatchObject({ code: 'refer-upward-holds' });
    await expect(
      secrecy({
        verdict: 'approve',
        opinion: '有隐私',
        secrecy: { ...noRisk, risks: { ...noRisk.risks, personal_privacy: 'present' } },
      }),
    ).rejects.toMatchObject({ code: 'secrecy-unresolved' });
    const redact = { risks: { ...noRisk.risks, personal_privacy: 'present' }, outcome: 'redact' } as const;
    await expect(
      secrecy({ verdict: 'approve', opinion: '个人信息已删除', secrecy: redact }),
    ).rejects.toMatchObject({ code: 'redacted-version-missing' });
    const file = world.uploads.put(anUploadKey(7));
    const redacted = await secrecy({
      verdict: 'approve',
      opinion: '个人信息已删除',
      secrecy: redact,
      redacted: { body: '删除个人信息后的正文', attachments: [{ uploadKey: file, name: '删除后.pdf' }] },
    });
    expect(redacted.currentStepName).toBe('approval');
    await expect(
      sign(world, id, approver, { step: 'approval', verdict: 'approve', opinion: '同意', secrecy: noRisk }),
    ).rejects.toMatchObject({ code: 'secrecy-conclusion-misplaced' });
    // What is published is the redacted version; the original is archived beside it, internal.
    const published = await sign(world, id, approver, {
      step: 'approval',
      verdict: 'approve',
      opinion: '同意',
    });
    const publicationId = published.publicationId ?? '';
    expect(await readPublication(world.proactiveDeps, publicationId, undefined)).toMatchObject({
      body: '删除个人信息后的正文',
      attachments: [{ name: '删除后.pdf' }],
    });
    const [created] = world.records.timeline(publicationCase(publicationId));
    const archived = JSON.parse(
      String((created?.data.archiveObjects as { body: string }[] | undefined)?.[0]?.body),
    ) as { body: string; original: { body: string } };
    expect(archived.body).toBe('删除个人信息后的正文');
    expect(archived.original.body).toBe(aSubmission().body);
    expect(world.uploads.referenced.has(file)).toBe(true);
  });

  it('a secrecy review with any risk unsure approves nothing: it refers the item upward (422 otherwise)', async () => {
    const world = await aWorld();
    const { id } = await register(world);
    await send(world, id);
    await sign(world, id, reviewer, { step: 'first_review', verdict: 'approve', opinion: '同意' });
    await sign(world, id, secondReviewer, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    const unsure = { ...noRisk.risks, work_secret: 'unsure' } as const;
    const secrecy = (verdict: 'approve' | 'return', outcome: SecrecyConclusion['outcome']) =>
      sign(world, id, secrecyReviewer, {
        step: 'secrecy_review',
        verdict,
        opinion: '是否涉密不确定',
        secrecy: { risks: unsure, outcome },
      });
    for (const [verdict, outcome, path] of [
      ['approve', 'redact', 'body.secrecy.outcome'],
      ['approve', 'clear', 'body.secrecy.outcome'],
      ['return', 'redact', 'body.secrecy.outcome'],
      ['approve', 'refer_upward', 'body.verdict'],
    ] as const)
      await expect(secrecy(verdict, outcome)).rejects.toMatchObject({
        code: 'secrecy-unsure-refers-upward',
        errors: [{ path }],
      });
    expect(await secrecy('return', 'refer_upward')).toMatchObject({ status: 'returned' });
  });

  it('a return sends the item back with its reasons; sent again, it starts a new round from the first step', async () => {
    const world = await aWorld();
    const { id } = await register(world);
    await send(world, id);
    await sign(world, id, reviewer, { step: 'first_review', verdict: 'approve', opinion: '同意' });
    await sign(world, id, secondReviewer, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    await sign(world, id, secrecyReviewer, {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '不涉密',
      secrecy: noRisk,
    });
    const returned = await sign(world, id, approver, {
      step: 'approval',
      verdict: 'return',
      opinion: '请补充实施时间',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      returnReasons: ['请补充实施时间'],
      currentStep: null,
    });
    expect(
      (await listSubmissions(world.proactiveDeps, AGENCY, { status: 'returned', limit: 10 })).items,
    ).toMatchObject([{ id }]);
    const again = await send(world, id, '2026-10-08');
    expect(again).toMatchObject({ status: 'in_review', round: 2, currentStepName: 'first_review' });
    // The history stays.
    expect(again.signatures).toHaveLength(4);
    const published = await throughTheChain(world, id, '2026-10-09');
    expect(published.status).toBe('published');
  });

  it('an item disclosed only on request is recorded, not published', async () => {
    const world = await aWorld();
    const { id } = await register(
      world,
      aSubmission({ attribute: 'on_request', attributeReason: '涉及内部管理事项' }),
    );
    await send(world, id);
    const recorded = await throughTheChain(world, id);
    expect(recorded).toMatchObject({ status: 'recorded', publicationId: null });
    expect(recorded).not.toHaveProperty('publication');
    expect((await listPublications(world.proactiveDeps, AGENCY, 'public', { limit: 20 })).items).toEqual([]);
    // Reg. 26's clock binds proactive items only: this one never had one (and no overdue breach).
    expect(recorded.publicationDueDate).toBeNull();
    expect(world.records.clock(submissionCase(id), 'publication')).toBeUndefined();
  });

  it('a published item fulfils its period of a recurring obligation', async () => {
    const obligation = {
      id: 'ob_0000abcd',
      title: '月度财政收支',
      category: 'budgets',
      cadence: 'monthly' as const,
      publishWithinWorkingDays: 10,
      declaredOn: '2026-01-05',
    };
    const world = await aWorld(anAgency({ obligations: [obligation] }));
    const { publicationId } = await aPublished(
      world,
      aSubmission({
        category: 'budgets',
        documentKind: 'other',
        periodic: { obligationId: obligation.id, period: '2026-08' },
      }),
    );
    expect(world.proactive.fulfilled.get(`${AGENCY}#${obligation.id}#2026-08`)).toBe(publicationId);
    expect(world.records.counters(AGENCY)).toEqual([]);
  });
});

describe('revising and withdrawing a publication', () => {
  it('editing a published item starts a revision; its approval adds version 2 at the same address', async () => {
    const world = await aWorld();
    const { id, publicationId, published } = await aPublished(world);
    const revising = await editSubmission(
      world.proactiveDeps,
      clerk,
      AGENCY,
      id,
      {
        version: published.version,
        content: aSubmission({ title: '关于印发《某市生态环境保护规划（修订）》的通知' }),
        changedOn: '2026-10-09',
      },
      cst('2026-10-12'),
    );
    // Reg. 26: within 20 working days of its change (10-09; Saturday 10-10 is worked), not of the formation.
    expect(revising).toMatchObject({
      status: 'draft',
      changedOn: '2026-10-09',
      publicationDueDate: '2026-11-05',
    });
    expect(world.records.clock(submissionCase(id), 'publication')).toMatchObject({
      open: true,
      state: { dueDate: '2026-11-05' },
    });
    expect(world.records.timeline(submissionCase(id)).at(-1)?.type).toBe('revision_started');
    await send(world, id, '2026-10-12');
    const revised = await throughTheChain(world, id, '2026-10-13');
    expect(revised.publicationId).toBe(publicationId);
    const latest = await readPublication(world.proactiveDeps, publicationId, undefined);
    expect(latest).toMatchObject({
      version: 2,
      latestVersion: 2,
      publishedOn: '2026-10-13',
      title: expect.stringContaining('修订'),
    });
    const earlier = await readPublication(world.proactiveDeps, publicationId, 1);
    expect(earlier).toMatchObject({ version: 1, latestVersion: 2, publishedOn: '2026-09-30' });
    await expect(readPublication(world.proactiveDeps, publicationId, 3)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // One entry per publication in the reading room, and the document counted once.
    expect((await listPublications(world.proactiveDeps, AGENCY, 'public', { limit: 20 })).items).toEqual([
      expect.objectContaining({ publicationId, version: 2 }),
    ]);
    expect(world.records.counters(AGENCY)[0]?.cells).toEqual({ 'issued.normative_document': 1 });
    expect(world.records.timeline(publicationCase(publicationId)).map((event) => event.type)).toEqual([
      'publication_created',
      'publication_revised',
    ]);
  });

  it('an edit on a stale version is a conflict', async () => {
    const world = await aWorld();
    const { id } = await register(world);
    await expect(
      editSubmission(
        world.proactiveDeps,
        clerk,
        AGENCY,
        id,
        { version: 2, content: aSubmission() },
        cst('2026-09-29'),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('a long-term publication is withdrawn only on a recorded legal basis; then it is gone from the reading room', async () => {
    const world = await aWorld();
    const { publicationId } = await aPublished(world);
    const withdrawal = (input: { reason: string; legalBasis?: string }) =>
      withdraw(world.proactiveDeps, approver, AGENCY, publicationId, input, cst('2026-10-12'));
    await expect(withdrawal({ reason: '规划已废止' })).rejects.toMatchObject({
      code: 'inside-display-period',
      errors: [{ path: 'body.legalBasis', message: 'is required inside the display period' }],
    });
    const withdrawn = await withdrawal({ reason: '规划已废止', legalBasis: '某市人民政府关于废止的决定' });
    expect(withdrawn).toEqual({
      publicationId,
      status: 'withdrawn',
      withdrawal: {
        on: '2026-10-12',
        reason: '规划已废止',
        legalBasis: '某市人民政府关于废止的决定',
        by: approver.staffId,
      },
    });
    await expect(readPublication(world.proactiveDeps, publicationId, undefined)).rejects.toBeInstanceOf(
      GoneError,
    );
    expect((await listPublications(world.proactiveDeps, AGENCY, 'public', { limit: 20 })).items).toEqual([]);
    await expect(withdrawal({ reason: '再次撤回', legalBasis: '同上' })).rejects.toBeInstanceOf(
      WrongStateError,
    );
  });

  it('after its display period, a reason is enough', async () => {
    const world = await aWorld();
    const { publicationId } = await aPublished(
      world,
      aSubmission({ display: { kind: 'until', endsOn: '2026-10-31' } }),
    );
    const withdrawn = await withdraw(
      world.proactiveDeps,
      approver,
      AGENCY,
      publicationId,
      { reason: '公示期满' },
      cst('2026-11-02'),
    );
    expect(withdrawn.withdrawal).toMatchObject({ on: '2026-11-02', legalBasis: null });
  });
});

describe('what each agency sees', () => {
  it('another agency’s submissions and publications are not found', async () => {
    const world = await aWorld();
    const { id, publicationId } = await aPublished(world);
    await expect(getSubmission(world.proactiveDeps, 'ag-other', id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      sendForReview(world.proactiveDeps, clerk, 'ag-other', id, cst('2026-10-08')),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      withdraw(
        world.proactiveDeps,
        approver,
        'ag-other',
        publicationId,
        { reason: '误发', legalBasis: '无' },
        cst('2026-10-08'),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      readInternalPublication(world.proactiveDeps, 'ag-other', publicationId, undefined),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an internal publication is shown to its agency’s staff, never to the public', async () => {
    const world = await aWorld();
    const { publicationId } = await aPublished(world, aSubmission({ audience: 'internal' }));
    await expect(readPublication(world.proactiveDeps, publicationId, undefined)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      readInternalPublication(world.proactiveDeps, AGENCY, publicationId, undefined),
    ).resolves.toMatchObject({
      audience: 'internal',
    });
    expect((await listPublications(world.proactiveDeps, AGENCY, 'public', { limit: 20 })).items).toEqual([]);
    expect(
      (await listPublications(world.proactiveDeps, AGENCY, 'internal', { limit: 20 })).items,
    ).toHaveLength(1);
  });

  it('the review queue is the caller’s step; roles that sign several steps must name one to page', async () => {
    const world = await aWorld();
    expect(await reviewQueue(world.proactiveDeps, clerk, AGENCY, { limit: 10 })).toEqual({
      step: null,
      stepLabel: null,
      items: [],
      nextToken: null,
    });
    const both = aPrincipal(['reviewer', 'approver']);
    await expect(
      reviewQueue(world.proactiveDeps, both, AGENCY, { limit: 10, nextToken: 'x' }),
    ).rejects.toMatchObject({
      code: 'step-required',
    });
    const { id } = await register(world);
    await send(world, id);
    expect(await reviewQueue(world.proactiveDeps, both, AGENCY, { step: 'approval', limit: 10 })).toEqual({
      step: 'approval',
      stepLabel: '终审',
      items: [],
      nextToken: null,
    });
    expect((await reviewQueue(world.proactiveDeps, both, AGENCY, { limit: 10 })).items).toMatchObject([
      { id },
    ]);
  });

  it('the catalogue is the agency’s own, or the Reg. 20 defaults', async () => {
    const world = await aWorld();
    const shown = await catalogue(world.proactiveDeps, AGENCY);
    expect(shown.entries.map((entry) => entry.code)).toContain('annual_reports');
    expect(shown).toMatchObject({ agencyId: AGENCY, name: '某市生态环境局', version: 1 });
  });
});
