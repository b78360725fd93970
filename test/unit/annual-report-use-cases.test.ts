import { describe, expect, it } from 'vitest';
import { LegalChallengeInput } from '#lib/domain/annual-report';
import { NotFoundError, VersionConflictError, WrongStateError } from '#lib/domain/errors';
import {
  draftReport,
  editNarrative,
  getDraft,
  getFigures,
  listChallenges,
  publish,
  readPublished,
  recordChallenge,
  setFigures,
  updateChallenge,
} from '#lib/use-cases/annual-reports';
import { act, registerApplication } from '#lib/use-cases/applications/casework';
import {
  createSubmission,
  listPublications,
  reviewSubmission,
  sendForReview,
} from '#lib/use-cases/proactive';
import {
  aPrincipal,
  aRegistration,
  aSubmission,
  anAgency,
  cst,
  decisions,
  staffIdOf,
} from '#test/support/factories';
import { givenAgency, inMemoryWorld, reportCase, type InMemoryWorld } from '#test/support/fakes';

/**
 * The annual report (Reg. 49–50) drafted through the in-memory ports from the counters that the
 * application, proactive and challenge writes moved, then checked, sealed, archived and published.
 */

const AGENCY = 'ag-city';
const admin = aPrincipal(['agency_admin']);
const clerk = aPrincipal(['clerk']);
const approver = aPrincipal(['approver']);
const narrative = { general: '本年度工作总体情况……', problems: '存在的主要问题……', other: '无' };

async function aWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency());
  await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
  return world;
}

const register = (world: InMemoryWorld, receivedOn: string, today = receivedOn) =>
  registerApplication(world.applicationDeps, clerk, AGENCY, aRegistration({ receivedOn }), cst(today));
const decide = (world: InMemoryWorld, id: string, today: string, input = decisions.disclosed()) =>
  act(world.applicationDeps, approver, AGENCY, id, { kind: 'decision', input }, cst(today));

/** A normative document (unless `content` says otherwise) published on `today`, through the default chain. */
async function publishDocument(world: InMemoryWorld, today: string, content: Record<string, unknown> = {}) {
  const { id } = await createSubmission(
    world.proactiveDeps,
    clerk,
    AGENCY,
    aSubmission({ formedOn: today, ...content }),
    cst(today),
  );
  await sendForReview(world.proactiveDeps, clerk, AGENCY, id, cst(today));
  const noRisk = {
    state_secret: 'none',
    work_secret: 'none',
    commercial_secret: 'none',
    personal_privacy: 'none',
    security_stability: 'none',
  } as const;
  for (const [by, input] of [
    [aPrincipal(['reviewer']), { step: 'first_review', verdict: 'approve', opinion: '同意' }],
    [
      aPrincipal(['reviewer'], { staffId: staffIdOf('secondreviewer') }),
      { step: 'second_review', verdict: 'approve', opinion: '同意' },
    ],
    [
      aPrincipal(['secrecy_reviewer']),
      {
        step: 'secrecy_review',
        verdict: 'approve',
        opinion: '不涉密',
        secrecy: { risks: noRisk, outcome: 'clear' },
      },
    ],
    [approver, { step: 'approval', verdict: 'approve', opinion: '同意' }],
  ] as const)
    await reviewSubmission(world.proactiveDeps, by, AGENCY, id, input, cst(today));
}

/** A year of work: one application carried in from 2025, two received in 2026 (one still open at the end). */
async function aYearOfWork(world: InMemoryWorld) {
  await register(world, '2025-12-29'); // 2025-TEST-0001, decided in 2026
  await register(world, '2026-03-02'); // 2026-TEST-0002, decided in 2026
  await register(world, '2026-12-28'); // 2026-TEST-0003, open on December 31
  await decide(world, '2025-TEST-0001', '2026-01-12');
  await decide(world, '2026-TEST-0002', '2026-03-20', decisions.notDisclosed());
  await publishDocument(world, '2026-05-11');
  await recordChallenge(
    world.reportDeps,
    admin,
    AGENCY,
    LegalChallengeInput.parse({ kind: 'reconsideration', filedOn: '2026-06-01' }),
    cst('2026-06-02'),
  );
}

describe('drafting the report from the counters', () => {
  it('fills the national tables from what happened: received, carried in, decided by row, carried out', async () => {
    const world = await aWorld();
    await aYearOfWork(world);
    const draft = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    expect(draft).toMatchObject({ status: 'draft', version: 1, seals: [] });
    expect(draft.content.applications.natural_person).toMatchObject({
      received: 2,
      carriedIn: 1,
      resultsTotal: 2,
      carriedOut: 1,
      results: expect.objectContaining({ disclosed: 1, 'not_disclosed.state_secret': 1 }),
    });
    expect(draft.content.applications.total).toMatchObject({
      received: 2,
      carriedIn: 1,
      resultsTotal: 2,
      carriedOut: 1,
    });
    expect(draft.content.proactive.normativeDocuments).toEqual({ issued: 1, repealed: 0, valid: 1 });
    expect(draft.content.challenges.reconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    // Only the narrative is missing.
    expect(draft.checks.map((check) => check.path)).toEqual([
      'narrative.general',
      'narrative.problems',
      'narrative.other',
    ]);
    expect(world.records.timeline(reportCase(AGENCY, 2026))).toMatchObject([
      { type: 'report_drafted', data: { figuresVersion: 0 } },
    ]);
  });

  it('uses the figures entered for the year, each version checked', async () => {
    const world = await aWorld();
    expect(await getFigures(world.reportDeps, AGENCY, 2026)).toEqual({
      licensing: 0,
      penalties: 0,
      enforcement: 0,
      feeIncomeTenThousandYuan: 0,
      inForceAtStartOfYear: null,
      pendingAtStartOfYear: null,
      version: 0,
    });
    const figures = {
      licensing: 120,
      penalties: 8,
      enforcement: 2,
      feeIncomeTenThousandYuan: 1.5,
      inForceAtStartOfYear: { rules: 0, normativeDocuments: 14 },
      pendingAtStartOfYear: null,
      version: 0,
    };
    expect(await setFigures(world.reportDeps, AGENCY, 2026, figures)).toMatchObject({ version: 1 });
    await expect(setFigures(world.reportDeps, AGENCY, 2026, figures)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await publishDocument(world, '2026-05-11');
    const draft = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    expect(draft.content.proactive).toMatchObject({
      licensing: 120,
      penalties: 8,
      feeIncomeTenThousandYuan: 1.5,
      normativeDocuments: { valid: 15 },
    });
  });

  it('table 二 counts by date of issue, each repeal under the kind repealed, and expiries as 失效', async () => {
    const world = await aWorld();
    await setFigures(world.reportDeps, AGENCY, 2026, {
      licensing: 0,
      penalties: 0,
      enforcement: 0,
      feeIncomeTenThousandYuan: 0,
      inForceAtStartOfYear: { rules: 3, normativeDocuments: 10 },
      pendingAtStartOfYear: null,
      version: 0,
    });
    // Issued on 12-28, published on 01-06: 2026's 本年制发, not 2027's.
    await publishDocument(world, '2027-01-06', { formedOn: '2026-12-28' });
    // A rule that repeals two normative documents and a rule.
    await publishDocument(world, '2026-06-01', {
      documentKind: 'rule',
      documentNumber: '某市人民政府令第5号',
      repeals: [
        { kind: 'normative_document', documentNumber: '某环发〔2018〕1号', title: '旧办法一' },
        { kind: 'normative_document', documentNumber: '某环发〔2019〕2号', title: '旧办法二' },
        { kind: 'rule', documentNumber: '某市人民政府令第1号', title: '旧规章' },
      ],
    });
    // The result of a clean-up (清理): one normative document expired at the end of its validity period.
    await publishDocument(world, '2026-03-02', {
      documentKind: 'other',
      title: '关于公布规范性文件清理结果的通知',
      repeals: [
        {
          kind: 'normative_document',
          documentNumber: '某环规〔2021〕3号',
          title: '有效期五年的办法',
          ground: 'expired',
          expiredOn: '2026-02-28',
        },
      ],
    });
    const draft = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-10'));
    expect(draft.content.proactive.rules).toEqual({ issued: 1, repealed: 1, valid: 3 });
    expect(draft.content.proactive.normativeDocuments).toEqual({ issued: 1, repealed: 3, valid: 8 });
    expect(draft.checks).not.toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(/^proactive/) }),
    );
    const next = await draftReport(world.reportDeps, admin, AGENCY, 2027, cst('2027-01-10'));
    expect(next.content.proactive.normativeDocuments).toMatchObject({ issued: 0, repealed: 0 });
  });

  it('a document issued last year but published after last year’s report still counts as in force', async () => {
    const world = await aWorld();
    await setFigures(world.reportDeps, AGENCY, 2026, {
      licensing: 0,
      penalties: 0,
      enforcement: 0,
      feeIncomeTenThousandYuan: 0,
      inForceAtStartOfYear: { rules: 0, normativeDocuments: 5 },
      pendingAtStartOfYear: null,
      version: 0,
    });
    await publishDocument(world, '2026-05-11');
    await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2026,
      { version: 1, ...narrative },
      cst('2027-01-05'),
    );
    const sealed = await publish(world.reportDeps, approver, AGENCY, 2026, { version: 2 }, cst('2027-01-08'));
    expect(sealed.content.proactive.normativeDocuments).toEqual({ issued: 1, repealed: 0, valid: 6 });
    // Issued on 2026-12-28, published in April 2027: it is 2026's, and in force on 2027-01-01.
    await publishDocument(world, '2027-04-06', { formedOn: '2026-12-28' });
    const next = await draftReport(world.reportDeps, admin, AGENCY, 2027, cst('2028-01-05'));
    expect(next.content.proactive.normativeDocuments).toEqual({ issued: 0, repealed: 0, valid: 7 });
  });

  it('is refused for an agency that does not exist', async () => {
    const world = await aWorld();
    await expect(
      draftReport(world.reportDeps, admin, 'ag-none', 2026, cst('2027-01-05')),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraft(world.reportDeps, AGENCY, 2026)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('publishing the report', () => {
  async function drafted() {
    const world = await aWorld();
    await aYearOfWork(world);
    await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    return world;
  }

  it('is refused until every check passes, and before the year has ended', async () => {
    const world = await drafted();
    await expect(
      publish(world.reportDeps, approver, AGENCY, 2026, { version: 1 }, cst('2027-01-06')),
    ).rejects.toMatchObject({
      code: 'report-checks-failed',
      errors: [{ path: 'narrative.general' }, { path: 'narrative.problems' }, { path: 'narrative.other' }],
    });
    const early = await aWorld();
    await draftReport(early.reportDeps, admin, AGENCY, 2026, cst('2026-12-20'));
    await editNarrative(
      early.reportDeps,
      admin,
      AGENCY,
      2026,
      { version: 1, ...narrative },
      cst('2026-12-20'),
    );
    await expect(
      publish(early.reportDeps, approver, AGENCY, 2026, { version: 2 }, cst('2026-12-31', '23:00')),
    ).rejects.toMatchObject({
      code: 'report-year-not-ended',
    });
  });

  it('seals, archives (JSON and the printable page) and lists the report in the reading room', async () => {
    const world = await drafted();
    await expect(
      editNarrative(world.reportDeps, admin, AGENCY, 2026, { version: 2, ...narrative }, cst('2027-01-06')),
    ).rejects.toBeInstanceOf(VersionConflictError);
    await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2026,
      { version: 1, ...narrative },
      cst('2027-01-06'),
    );
    const published = await publish(
      world.reportDeps,
      approver,
      AGENCY,
      2026,
      { version: 2 },
      cst('2027-01-08'),
    );
    expect(published).toMatchObject({
      status: 'published',
      version: 3,
      checks: [],
      seals: [
        {
          edition: 1,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          publishedAt: '2027-01-08T10:00:00.000+08:00',
        },
      ],
    });
    const archiveKey = `agency=${AGENCY}/year=2026/annual_report/2026/edition-1`;
    const event = world.records.timeline(reportCase(AGENCY, 2026)).at(-1);
    expect(event).toMatchObject({
      type: 'report_published',
      data: {
        edition: 1,
        archiveObjects: [
          { key: `${archiveKey}.json`, contentType: 'application/json; charset=utf-8' },
          { key: `${archiveKey}.html`, contentType: 'text/html; charset=utf-8' },
        ],
      },
    });
    expect(world.reports.published.get(reportCase(AGENCY, 2026))).toMatchObject({
      edition: 1,
      sha256: published.seals[0]?.sha256,
      publishedOn: '2027-01-08',
    });
    const listing = await listPublications(world.proactiveDeps, AGENCY, 'public', {
      category: 'annual_reports',
      limit: 10,
    });
    expect(listing.items).toEqual([
      expect.objectContaining({
        publicationId: 'annual-report-2026',
        title: '某市生态环境局2026年政府信息公开工作年度报告',
        publishedOn: '2027-01-08',
        version: 1,
      }),
    ]);
    const read = await readPublished(world.reportDeps, AGENCY, 2026, undefined);
    expect(read.seal.edition).toBe(1);
    const page = read.html();
    expect(page).toContain('某市生态环境局');
    expect(page).toContain('一、本年新收政府信息公开申请数量');
    expect(page).toContain('本年度工作总体情况……');
    await expect(
      publish(world.reportDeps, approver, AGENCY, 2026, { version: 3 }, cst('2027-01-09')),
    ).rejects.toBeInstanceOf(WrongStateError);
  });

  it('a correction is a new edition that replaces the reading-room entry; the first stays readable', async () => {
    const world = await drafted();
    await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2026,
      { version: 1, ...narrative },
      cst('2027-01-06'),
    );
    await publish(world.reportDeps, approver, AGENCY, 2026, { version: 2 }, cst('2027-01-08'));
    const correcting = await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2026,
      { version: 3, ...narrative, other: '更正：……' },
      cst('2027-02-02'),
    );
    expect(correcting.status).toBe('draft');
    expect(world.records.timeline(reportCase(AGENCY, 2026)).at(-1)?.type).toBe('report_correction_started');
    await publish(world.reportDeps, approver, AGENCY, 2026, { version: 4 }, cst('2027-02-03'));
    const listing = await listPublications(world.proactiveDeps, AGENCY, 'public', {
      category: 'annual_reports',
      limit: 10,
    });
    expect(listing.items).toEqual([expect.objectContaining({ publishedOn: '2027-02-03', version: 2 })]);
    const first = await readPublished(world.reportDeps, AGENCY, 2026, 1);
    expect(first.content.narrative.other).toBe('无');
    expect(first.editions.map((seal) => seal.edition)).toEqual([1, 2]);
    await expect(readPublished(world.reportDeps, AGENCY, 2026, 3)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readPublished(world.reportDeps, AGENCY, 2025, undefined)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('a late registration into a published year shows up as a carry-over that no longer matches last year’s', async () => {
    const world = await aWorld();
    await register(world, '2025-11-03');
    await draftReport(world.reportDeps, admin, AGENCY, 2025, cst('2026-01-05'));
    await editNarrative(
      world.reportDeps,
      admin,
      AGENCY,
      2025,
      { version: 1, ...narrative },
      cst('2026-01-05'),
    );
    await publish(world.reportDeps, approver, AGENCY, 2025, { version: 2 }, cst('2026-01-06'));
    await register(world, '2025-12-30', '2026-01-07'); // received in 2025, registered after the report
    const draft = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-01-05'));
    expect(draft.content.applications.natural_person?.carriedIn).toBe(2);
    expect(draft.checks).toContainEqual({
      path: 'applications.natural_person.carriedIn',
      message: "二 must equal last year's 四 (1)",
    });
  });
});

describe('reconsiderations and lawsuits', () => {
  it('a challenge counts as pending in its filing year, then by its outcome in the year concluded', async () => {
    const world = await aWorld();
    const filed = await recordChallenge(
      world.reportDeps,
      admin,
      AGENCY,
      LegalChallengeInput.parse({
        kind: 'litigation_direct',
        filedOn: '2026-11-02',
        caseNumber: '（2026）某行初12号',
      }),
      cst('2026-11-03'),
    );
    expect(filed).toMatchObject({ agencyId: AGENCY, outcome: 'pending', version: 1 });
    const concluded = await updateChallenge(
      world.reportDeps,
      admin,
      AGENCY,
      filed.id,
      { version: 1, outcome: 'corrected', concludedOn: '2027-02-10' },
      cst('2027-02-11'),
    );
    expect(concluded).toMatchObject({ outcome: 'corrected', concludedOn: '2027-02-10', version: 2 });
    expect(world.records.counters(AGENCY).filter((counter) => counter.kind === 'challenges')).toEqual([
      { kind: 'challenges', year: 2026, cells: { 'litigation_direct.filed': 1 } },
      { kind: 'challenges', year: 2027, cells: { 'litigation_direct.corrected': 1 } },
    ]);
    const for2026 = await draftReport(world.reportDeps, admin, AGENCY, 2026, cst('2027-02-12'));
    const for2027 = await draftReport(world.reportDeps, admin, AGENCY, 2027, cst('2027-02-12'));
    expect(for2026.content.challenges.litigationDirect).toMatchObject({ pending: 1, total: 1 });
    expect(for2027.content.challenges.litigationDirect).toMatchObject({ corrected: 1, pending: 0, total: 1 });
    await expect(
      updateChallenge(
        world.reportDeps,
        admin,
        AGENCY,
        filed.id,
        { version: 1, outcome: 'upheld', concludedOn: '2027-02-10' },
        cst('2027-02-11'),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    await expect(
      updateChallenge(
        world.reportDeps,
        admin,
        'ag-other',
        filed.id,
        { version: 2, outcome: 'upheld', concludedOn: '2027-02-10' },
        cst('2027-02-11'),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('dates that do not hold together are refused', async () => {
    const world = await aWorld();
    await expect(
      recordChallenge(
        world.reportDeps,
        admin,
        AGENCY,
        LegalChallengeInput.parse({ kind: 'reconsideration', filedOn: '2026-11-10' }),
        cst('2026-11-03'),
      ),
    ).rejects.toMatchObject({
      code: 'challenge-dates',
      errors: [{ path: 'body.filedOn', message: 'must not be after today (2026-11-03)' }],
    });
    expect(
      LegalChallengeInput.safeParse({ kind: 'reconsideration', filedOn: '2026-11-02', outcome: 'upheld' })
        .error?.issues,
    ).toMatchObject([{ path: ['concludedOn'], message: 'is required with an outcome' }]);
    expect(
      LegalChallengeInput.safeParse({
        kind: 'reconsideration',
        filedOn: '2026-11-02',
        concludedOn: '2026-11-03',
      }).error?.issues,
    ).toMatchObject([{ path: ['concludedOn'], message: 'must be absent while the case is pending' }]);
  });

  it('lists the agency’s challenges, latest filed first', async () => {
    const world = await aWorld();
    for (const filedOn of ['2026-03-02', '2026-09-01'])
      await recordChallenge(
        world.reportDeps,
        admin,
        AGENCY,
        LegalChallengeInput.parse({ kind: 'reconsideration', filedOn }),
        cst('2026-10-09'),
      );
    await recordChallenge(
      world.reportDeps,
      admin,
      'ag-other',
      LegalChallengeInput.parse({ kind: 'reconsideration', filedOn: '2026-05-06' }),
      cst('2026-10-09'),
    );
    const page = await listChallenges(world.reportDeps, AGENCY, { limit: 10 });
    expect(page.items.map((challenge) => challenge.filedOn)).toEqual(['2026-09-01', '2026-03-02']);
  });
});
