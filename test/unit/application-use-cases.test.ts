import { describe, expect, it, vi } from 'vitest';
import { DecisionInput } from '#lib/domain/application/outcomes';
import { hashToken } from '#lib/domain/application/secrets';
import { SWEEP_SIGNATURE } from '#lib/domain/application/system-steps';
import { archiveKeys } from '#lib/domain/archive-keys';
import { DEFAULT_POLICY } from '#lib/domain/application/policy';
import {
  AlreadyExistsError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  VersionConflictError,
  WrongStateError,
} from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import type { ReviewInput } from '#lib/domain/submission/submission';
import { verifyChain, type TimelineEvent } from '#lib/domain/timeline';
import { keptKeyOf } from '#lib/domain/upload-key';
import {
  applicationStatus,
  submitApplication,
  supplementByApplicant,
  withdrawByApplicant,
} from '#lib/use-cases/applications/applicant';
import {
  act,
  getCase,
  listApplications,
  registerApplication,
  type StaffAction,
} from '#lib/use-cases/applications/casework';
import { runStep } from '#lib/use-cases/applications/step-runner';
import { systemStep } from '#lib/use-cases/applications/system-steps';
import { createAgency, getReconsideration, setReconsideration } from '#lib/use-cases/agencies';
import { createSubmission, reviewSubmission, sendForReview, withdraw } from '#lib/use-cases/proactive';
import {
  CONFIRMATION_LIMIT_BASIS,
  listAwaitingConfirmation,
  type OversightDeps,
} from '#lib/use-cases/oversight';
import {
  aPrincipal,
  aRegistration,
  aStaffAccount,
  anAgency,
  anApplicant,
  anOnlineApplication,
  anOrganisation,
  anUploadKey,
  aSubmission,
  cst,
  decisions,
  staffIdOf,
} from '#test/support/factories';
import {
  agencyCase,
  applicationCase,
  archiveUrl,
  givenAgency,
  givenStaff,
  inMemoryWorld,
  type InMemoryWorld,
} from '#test/support/fakes';

/**
 * The application use cases through in-memory ports: what the citizen and the staff do, what is written
 * (case, timeline, clocks, counters) and what each is answered. The agency is 某市生态环境局 (`ag-city`),
 * a department of 某市人民政府 (`ag-gov`).
 */

const AGENCY = 'ag-city';
const FIRST = '2026-TEST-0001';
const clerk = aPrincipal(['clerk'], { staffId: staffIdOf('clerk'), name: '刘备' });
const head = aPrincipal(['approver'], { staffId: staffIdOf('head'), name: '李华' });

async function aWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency({ agencyId: 'ag-gov', name: '某市人民政府', level: 'government' }));
  await givenAgency(world, anAgency({ parentAgencyId: 'ag-gov' }));
  return world;
}

const timelineOf = (world: InMemoryWorld, id = FIRST): TimelineEvent[] =>
  world.records.timeline(applicationCase(id));
const typesOf = (world: InMemoryWorld, id = FIRST) => timelineOf(world, id).map((event) => event.type);
const countersOf = (world: InMemoryWorld, year: number) =>
  world.records.counters(AGENCY).find((counter) => counter.kind === 'applications' && counter.year === year)
    ?.cells ?? {};

/** A letter received on Monday 2026-09-28, registered that day: due 2026-10-30. */
const registerLetter = (
  world: InMemoryWorld,
  overrides: Record<string, unknown> = {},
  today = '2026-09-28',
) => registerApplication(world.applicationDeps, clerk, AGENCY, aRegistration(overrides), cst(today));

const staffAct = (
  world: InMemoryWorld,
  action: StaffAction,
  today: string,
  principal: Principal = clerk,
  id = FIRST,
) => act(world.applicationDeps, principal, AGENCY, id, action, cst(today));

describe('applying online', () => {
  it('keeps the application unconfirmed and answers with its tracking number and an access token shown once', async () => {
    const world = await aWorld();
    const answer = await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      undefined,
      cst('2026-09-27', '20:00'),
    );
    expect(answer).toEqual({
      trackingNumber: FIRST,
      accessToken: 'token-1',
      status: 'awaiting_confirmation',
      submittedAt: '2026-09-27T20:00:00.000+08:00',
      statusUrl: `/v1/applications/${FIRST}`,
    });
    const kept = await world.applications.get(FIRST);
    expect(kept?.application).toMatchObject({ status: 'awaiting_confirmation', receivedOn: null });
    // Only the token's hash is kept.
    expect(kept?.application.accessTokenHash).toBe(hashToken('token-1'));
    expect(kept?.reply).toBeNull();
    expect(timelineOf(world)).toMatchObject([
      { seq: 1, type: 'application_submitted', actor: { kind: 'applicant' }, prevHash: null },
    ]);
    expect(world.records.counters(AGENCY)).toEqual([]);
  });

  it('the agency’s limit to confirm (its policy of the day of submission) runs from submission, and stops at confirmation', async () => {
    const world = inMemoryWorld();
    await givenAgency(
      world,
      anAgency({
        policies: [{ ...DEFAULT_POLICY, effectiveFrom: '2026-09-01', confirmationWorkingDays: 5 }],
      }),
    );
    await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      undefined,
      cst('2026-09-21'),
    );
    // Monday 09-21: five working days end on 09-29 (Mid-Autumn on Friday 09-25 and the weekend are off).
    expect((await world.applications.get(FIRST))?.application.confirmation).toEqual({
      dueDate: '2026-09-29',
      workingDays: 5,
    });
    const clocks = () =>
      [...world.records.clocks(applicationCase(FIRST))].map(([name, clock]) => [
        name,
        clock.open,
        clock.state.dueDate,
      ]);
    expect(clocks()).toEqual([
      ['confirmation', true, '2026-09-29'],
      ['confirmation-reminder', true, '2026-09-22'],
    ]);
    await staffAct(world, { kind: 'confirmation' }, '2026-09-23');
    expect(clocks()).toEqual([
      ['confirmation', false, '2026-09-29'],
      ['confirmation-reminder', false, '2026-09-22'],
      ['reply', true, '2026-10-28'],
    ]);
  });

  it('oversight lists the applications still waiting for confirmation, oldest first, with the limit as agency policy', async () => {
    const world = await aWorld();
    // Tracking numbers are random: drawn here in the reverse order of submission, the list still starts
    // with the oldest.
    const numbers = ['2026-TEST-0009', '2026-TEST-0008', '2026-TEST-0007'];
    const newTrackingNumber = () => {
      const next = numbers.shift();
      if (next === undefined) throw new Error('three submissions only');
      return next;
    };
    const applicationDeps = { ...world.applicationDeps, newTrackingNumber };
    for (const day of ['2026-09-21', '2026-09-22', '2026-09-23'])
      await submitApplication(applicationDeps, AGENCY, anOnlineApplication(), undefined, cst(day));
    await registerLetter(world);
    await staffAct(world, { kind: 'confirmation' }, '2026-09-24', clerk, '2026-TEST-0008');
    const unread = async (): Promise<never> => {
      throw new Error('not read by this listing');
    };
    const deps: OversightDeps = {
      store: { listBreaches: unread, listReminders: unread, listOutbox: unread },
      agencies: { get: (id: string) => world.agencies.get(id), children: async () => [] },
      applications: world.applications,
    };
    const supervisor = aPrincipal(['supervisor'], { agencyId: AGENCY });
    const listed = await listAwaitingConfirmation(deps, supervisor, AGENCY, { limit: 10 }, '2026-09-25');
    expect(listed).toEqual({
      agencyId: AGENCY,
      limitBasis: CONFIRMATION_LIMIT_BASIS,
      items: [
        {
          trackingNumber: '2026-TEST-0009',
          submittedAt: '2026-09-21T10:00:00.000+08:00',
          confirmBy: '2026-09-24',
          limitWorkingDays: 3,
          overdue: true,
          assignee: null,
        },
        {
          trackingNumber: '2026-TEST-0007',
          submittedAt: '2026-09-23T10:00:00.000+08:00',
          confirmBy: '2026-09-29',
          limitWorkingDays: 3,
          overdue: false,
          assignee: null,
        },
      ],
      nextToken: null,
    });
    expect(CONFIRMATION_LIMIT_BASIS).toContain('agency policy, not law');
    await expect(
      listAwaitingConfirmation(
        deps,
        aPrincipal(['supervisor'], { agencyId: 'ag-other' }),
        AGENCY,
        { limit: 10 },
        '2026-09-25',
      ),
    ).rejects.toThrow(ForbiddenError);
  });

  it('is refused for an agency that does not exist', async () => {
    const world = await aWorld();
    await expect(
      submitApplication(
        world.applicationDeps,
        'ag-none',
        anOnlineApplication(),
        undefined,
        cst('2026-09-27'),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an attachment that was never uploaded, and writes nothing', async () => {
    const world = await aWorld();
    const input = anOnlineApplication({ attachments: [anUploadKey(1)] });
    await expect(
      submitApplication(world.applicationDeps, AGENCY, input, undefined, cst('2026-09-27')),
    ).rejects.toMatchObject({
      code: 'unknown-upload',
      status: 422,
      errors: [{ path: 'body.attachments.0', message: 'was never uploaded (or has expired)' }],
    });
    expect(world.applications.ids()).toEqual([]);
  });

  it('keeps the attachments it references from expiring', async () => {
    const world = await aWorld();
    const key = world.uploads.put(anUploadKey(1));
    await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication({ attachments: [key] }),
      undefined,
      cst('2026-09-27'),
    );
    expect([...world.uploads.referenced]).toEqual([key]);
  });

  it('a retry with the same Idempotency-Key gets the first answer, token included, and writes nothing twice', async () => {
    const world = await aWorld();
    const first = await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      'key-1',
      cst('2026-09-27'),
    );
    const retry = await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      'key-1',
      cst('2026-09-27'),
    );
    expect(retry).toEqual(first);
    expect(retry.accessToken).toBe('token-1');
    expect(world.applications.ids()).toEqual([FIRST]);
  });

  it('the same Idempotency-Key with another request is refused (422)', async () => {
    const world = await aWorld();
    await submitApplication(world.applicationDeps, AGENCY, anOnlineApplication(), 'key-1', cst('2026-09-27'));
    const other = anOnlineApplication({
      request: { description: '另一项信息', form: 'paper', delivery: 'post' },
    });
    await expect(
      submitApplication(world.applicationDeps, AGENCY, other, 'key-1', cst('2026-09-27')),
    ).rejects.toMatchObject({
      code: 'idempotency-key-reused',
      status: 422,
      errors: [{ path: 'header.idempotency-key', message: 'was already used with another body' }],
    });
    expect(world.applications.ids()).toEqual([FIRST]);
  });

  it('an Idempotency-Key belongs to one agency: the same key elsewhere is another application', async () => {
    const world = await aWorld();
    await submitApplication(world.applicationDeps, AGENCY, anOnlineApplication(), 'key-1', cst('2026-09-27'));
    const elsewhere = await submitApplication(
      world.applicationDeps,
      'ag-gov',
      anOnlineApplication(),
      'key-1',
      cst('2026-09-27'),
    );
    expect(elsewhere.trackingNumber).toBe('2026-TEST-0002');
    expect(world.applications.ids()).toEqual([FIRST, '2026-TEST-0002']);
  });

  it('of two concurrent requests with one key, the one that loses the race answers as the winner did', async () => {
    const world = await aWorld();
    await submitApplication(world.applicationDeps, AGENCY, anOnlineApplication(), 'key-1', cst('2026-09-27'));
    // The second request looked before the first was written.
    vi.spyOn(world.applications, 'idempotency').mockResolvedValueOnce(undefined);
    const loser = await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      'key-1',
      cst('2026-09-27'),
    );
    expect(loser).toMatchObject({ trackingNumber: FIRST, accessToken: 'token-1' });
    expect(world.applications.ids()).toEqual([FIRST]);
  });

  it('a tracking number drawn twice is refused, never overwritten', async () => {
    const world = await aWorld();
    const deps = { ...world.applicationDeps, newTrackingNumber: () => FIRST };
    await submitApplication(deps, AGENCY, anOnlineApplication(), undefined, cst('2026-09-27'));
    await expect(
      submitApplication(
        deps,
        AGENCY,
        anOnlineApplication({ applicant: anApplicant({ name: '李四' }) }),
        undefined,
        cst('2026-09-27'),
      ),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
    expect((await world.applications.get(FIRST))?.application.applicant.name).toBe('张三');
  });
});

describe('the applicant’s status page and actions', () => {
  async function confirmed() {
    const world = await aWorld();
    await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      undefined,
      cst('2026-09-27', '20:00'),
    );
    await staffAct(world, { kind: 'confirmation' }, '2026-09-28');
    return world;
  }

  it('shows the status, the due date and how it was reached, and a timeline that names nobody', async () => {
    const world = await confirmed();
    const view = await applicationStatus(world.applicationDeps, FIRST, 'token-1');
    expect(view).toMatchObject({
      trackingNumber: FIRST,
      status: 'in_progress',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-30',
      provisional: false,
      requests: [],
      decision: null,
    });
    expect(view.dueDateExplained).toEqual([
      expect.objectContaining({ step: 'start', on: '2026-09-28', workingDays: 20, dueDate: '2026-10-30' }),
    ]);
    expect(view.timeline).toEqual([
      {
        at: '2026-09-27T20:00:00.000+08:00',
        type: 'application_submitted',
        description: '申请已提交，等待受理确认',
      },
      {
        at: '2026-09-28T10:00:00.000+08:00',
        type: 'application_confirmed',
        description: '申请已确认受理',
        dueDate: '2026-10-30',
      },
    ]);
    expect(JSON.stringify(view.timeline)).not.toContain(clerk.staffId);
  });

  it('a wrong or missing token is answered exactly like an unknown tracking number', async () => {
    const world = await confirmed();
    const notFound = 'There is no application with this tracking number and access token.';
    await expect(applicationStatus(world.applicationDeps, '2026-TEST-9999', 'token-1')).rejects.toThrow(
      new NotFoundError(notFound),
    );
    await expect(applicationStatus(world.applicationDeps, FIRST, 'token-2')).rejects.toThrow(
      new NotFoundError(notFound),
    );
    await expect(applicationStatus(world.applicationDeps, FIRST, undefined)).rejects.toThrow(
      new NotFoundError(notFound),
    );
    const supplement = { text: '补充', attachments: [] };
    await expect(
      supplementByApplicant(world.applicationDeps, FIRST, 'token-2', supplement, cst('2026-09-29')),
    ).rejects.toThrow(new NotFoundError(notFound));
    await expect(
      withdrawByApplicant(world.applicationDeps, FIRST, 'token-2', {}, cst('2026-09-29')),
    ).rejects.toThrow(new NotFoundError(notFound));
    expect(typesOf(world)).toEqual(['application_submitted', 'application_confirmed']);
  });

  it('a supplement restarts the period from its day and is kept with its files', async () => {
    const world = await confirmed();
    await staffAct(
      world,
      { kind: 'clarification-request', input: { items: ['请写明项目名称'] } },
      '2026-09-30',
    );
    const waiting = await applicationStatus(world.applicationDeps, FIRST, 'token-1');
    const asked = {
      kind: 'clarification',
      items: ['请写明项目名称'],
      sentOn: '2026-09-30',
      delivery: { method: 'online', deliveredOn: '2026-09-30' },
      respondBy: '2026-10-27',
    };
    expect(waiting.requests).toEqual([{ ...asked, answered: false }]);
    const file = world.uploads.put(anUploadKey(7));
    const view = await supplementByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { text: '项目为某化工厂扩建', attachments: [file] },
      cst('2026-10-20'),
    );
    expect(view).toMatchObject({ status: 'in_progress', dueDate: '2026-11-17', version: 4 });
    expect(view.requests).toEqual([{ ...asked, answered: true }]);
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'clarification_supplemented',
      description: '已收到补正，答复期限重新计算',
      dueDate: '2026-11-17',
    });
    expect(world.uploads.referenced.has(file)).toBe(true);
    expect(world.records.clock(applicationCase(FIRST), 'clarification')?.open).toBe(false);
    expect(timelineOf(world).at(-1)?.actor).toEqual({ kind: 'applicant' });
  });

  it('a withdrawal closes the case and counts it as otherwise handled', async () => {
    const world = await confirmed();
    const view = await withdrawByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { reason: '不再需要' },
      cst('2026-10-09'),
    );
    expect(view.status).toBe('withdrawn');
    expect(countersOf(world, 2026)).toEqual({
      'received.natural_person': 1,
      'decided.otherwise_handled.other.natural_person': 1,
    });
    expect(world.records.clock(applicationCase(FIRST), 'reply')?.open).toBe(false);
    await expect(
      withdrawByApplicant(world.applicationDeps, FIRST, 'token-1', {}, cst('2026-10-10')),
    ).rejects.toBeInstanceOf(WrongStateError);
  });
});

describe('registering a letter, fax, e-mail or visit', () => {
  it('receives it on its date of receipt, counts it, and hands the access token for the receipt', async () => {
    const world = await aWorld();
    const view = await registerLetter(world);
    expect(view).toMatchObject({
      trackingNumber: FIRST,
      accessToken: 'token-1',
      status: 'in_progress',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-30',
      version: 1,
    });
    expect(view).not.toHaveProperty('accessTokenHash');
    expect(view).not.toHaveProperty('applicantKey');
    expect(countersOf(world, 2026)).toEqual({ 'received.natural_person': 1 });
    expect(world.records.clock(applicationCase(FIRST), 'reply')).toMatchObject({
      open: true,
      state: { status: 'running', dueDate: '2026-10-30' },
    });
    expect(timelineOf(world)).toMatchObject([
      { type: 'application_registered', actor: { kind: 'staff', staffId: clerk.staffId, agencyId: AGENCY } },
    ]);
  });

  it('applies the agency’s time policy in force on the date of receipt', async () => {
    const world = inMemoryWorld();
    await givenAgency(
      world,
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
    const before = await registerLetter(world, { receivedOn: '2025-12-30' }, '2026-01-05');
    const after = await registerLetter(world, { receivedOn: '2026-09-28' });
    // 2025-12-30 + 20 working days (January 1 off) is 2026-01-28; 2026-09-28 + 7 is 2026-10-13.
    expect([before.dueDate, after.dueDate]).toEqual(['2026-01-28', '2026-10-13']);
    expect(countersOf(world, 2025)).toEqual({ 'received.natural_person': 1 });
  });

  it('is refused for an agency that does not exist', async () => {
    const world = await aWorld();
    await expect(
      registerApplication(world.applicationDeps, clerk, 'ag-none', aRegistration(), cst('2026-09-28')),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the work queue and the case', () => {
  it('lists open applications by due date, closed ones apart, each agency its own', async () => {
    const world = await aWorld();
    await registerLetter(world, { receivedOn: '2026-09-28' }, '2026-09-30'); // due 10-30
    await registerLetter(world, { receivedOn: '2026-09-25' }, '2026-09-30'); // due 10-29
    await registerLetter(world, { receivedOn: '2026-09-30' }, '2026-09-30'); // due 11-03
    await staffAct(
      world,
      { kind: 'decision', input: decisions.disclosed() },
      '2026-10-09',
      head,
      '2026-TEST-0003',
    );
    await registerApplication(world.applicationDeps, clerk, 'ag-gov', aRegistration(), cst('2026-09-30'));

    const open = await listApplications(world.applicationDeps, AGENCY, { limit: 10 });
    expect(open.items.map((item) => [item.trackingNumber, item.dueDate])).toEqual([
      ['2026-TEST-0002', '2026-10-29'],
      [FIRST, '2026-10-30'],
    ]);
    expect(open.items[0]?.applicant.idDocument.number).toBe('**************1234');
    expect(open.items[0]?.applicant.phone).toBe('*******0000');
    const closed = await listApplications(world.applicationDeps, AGENCY, { status: 'closed', limit: 10 });
    expect(closed.items.map((item) => [item.trackingNumber, item.outcome])).toEqual([
      ['2026-TEST-0003', 'disclosed'],
    ]);
    const due = await listApplications(world.applicationDeps, AGENCY, { dueBefore: '2026-10-29', limit: 10 });
    expect(due.items.map((item) => item.trackingNumber)).toEqual(['2026-TEST-0002']);
  });

  it('pages through the queue with an opaque token, and filters one status', async () => {
    const world = await aWorld();
    for (const receivedOn of ['2026-09-21', '2026-09-22', '2026-09-23'])
      await registerLetter(world, { receivedOn });
    await staffAct(
      world,
      { kind: 'suspension', input: { reason: '台风' } },
      '2026-09-29',
      clerk,
      '2026-TEST-0002',
    );
    const first = await listApplications(world.applicationDeps, AGENCY, { limit: 2 });
    // A suspended case has no due date: it heads the queue. (Friday 09-25 is the Mid-Autumn Festival.)
    expect(first.items.map((item) => [item.trackingNumber, item.dueDate])).toEqual([
      ['2026-TEST-0002', null],
      [FIRST, '2026-10-26'],
    ]);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await listApplications(world.applicationDeps, AGENCY, {
      limit: 2,
      nextToken: first.nextToken ?? undefined,
    });
    expect(second).toEqual({
      items: [expect.objectContaining({ trackingNumber: '2026-TEST-0003', dueDate: '2026-10-28' })],
      nextToken: null,
    });
    const suspended = await listApplications(world.applicationDeps, AGENCY, {
      status: 'suspended',
      limit: 10,
    });
    expect(suspended.items.map((item) => [item.trackingNumber, item.status])).toEqual([
      ['2026-TEST-0002', 'suspended'],
    ]);
  });

  it('a case shows its timeline, the applicant’s other applications and how many this month', async () => {
    const world = await aWorld();
    await registerLetter(world, { receivedOn: '2026-09-01' }, '2026-09-01');
    await registerLetter(world, { receivedOn: '2026-09-28' });
    await registerLetter(world, { applicant: anOrganisation('other') });
    const found = await getCase(world.applicationDeps, AGENCY, '2026-TEST-0002');
    expect(found.trackingNumber).toBe('2026-TEST-0002');
    expect(found.timeline).toMatchObject([{ type: 'application_registered', seq: 1 }]);
    expect(found.applicantHistory).toEqual([
      { applicationId: FIRST, submittedAt: '2026-09-01T10:00:00.000+08:00' },
    ]);
    expect(found.applicationsThisMonth).toBe(2);
  });

  it('another agency’s case is not found, and nothing can be done to it', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await expect(getCase(world.applicationDeps, 'ag-gov', FIRST)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      act(
        world.applicationDeps,
        aPrincipal(['clerk'], { agencyId: 'ag-gov' }),
        'ag-gov',
        FIRST,
        { kind: 'suspension', input: { reason: '台风' } },
        cst('2026-09-29'),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(typesOf(world)).toEqual(['application_registered']);
  });
});

describe('the staff’s steps on a case', () => {
  it('confirmation applies the policy in force on the day of confirmation', async () => {
    const world = inMemoryWorld();
    await givenAgency(
      world,
      anAgency({
        policies: [
          {
            effectiveFrom: '2026-09-28',
            replyWorkingDays: 7,
            maxExtensionWorkingDays: 15,
            feePaymentWorkingDays: 20,
            clarificationPeriodWorkingDays: 15,
            consultationWorkingDays: 15,
            publicationWorkingDays: 20,
            confirmationWorkingDays: 3,
          },
        ],
      }),
    );
    await submitApplication(
      world.applicationDeps,
      AGENCY,
      anOnlineApplication(),
      undefined,
      cst('2026-09-27'),
    );
    const view = await staffAct(world, { kind: 'confirmation' }, '2026-09-28');
    expect(view).toMatchObject({
      status: 'in_progress',
      receivedOn: '2026-09-28',
      dueDate: '2026-10-13',
      version: 2,
    });
    expect(countersOf(world, 2026)).toEqual({ 'received.natural_person': 1 });
  });

  it('a consultation and its answer: the clock stops, then runs on with the days that remained', async () => {
    const world = await aWorld();
    await registerLetter(world);
    const sent = await staffAct(
      world,
      {
        kind: 'consultation',
        input: {
          party: 'third_party',
          name: '某化工有限公司',
          contact: '010-12345678',
          matter: '是否同意公开',
        },
      },
      '2026-10-12',
    );
    expect(sent).toMatchObject({ status: 'consulting', dueDate: null });
    expect(sent.consultations).toMatchObject([{ id: 'c1', dueDate: '2026-11-02' }]);
    expect(world.records.clock(applicationCase(FIRST), 'consultation-c1')?.open).toBe(true);
    const answered = await staffAct(
      world,
      { kind: 'consultation-reply', consultationId: 'c1', input: { answer: 'consent', summary: '同意公开' } },
      '2026-10-26',
    );
    expect(answered).toMatchObject({ status: 'in_progress', dueDate: '2026-11-13' });
    expect(world.records.clock(applicationCase(FIRST), 'consultation-c1')?.open).toBe(false);
  });

  it('an extension is signed by the office head who approved it, and the sweep will hold them to it', async () => {
    const world = await aWorld();
    await registerLetter(world);
    const view = await staffAct(
      world,
      { kind: 'extension', input: { workingDays: 20, reason: '需调取档案' } },
      '2026-10-29',
      head,
    );
    expect(view.dueDate).toBe('2026-11-27');
    expect(view.extensions).toEqual([
      { on: '2026-10-29', workingDays: 20, reason: '需调取档案', approvedBy: head.staffId },
    ]);
    expect(world.records.clock(applicationCase(FIRST), 'reply')?.context).toMatchObject({
      leader: { staffId: head.staffId },
      extended: true,
    });
  });

  it('force majeure suspends and resumes the clock', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(world, { kind: 'suspension', input: { reason: '台风红色预警' } }, '2026-10-12');
    expect(world.records.clock(applicationCase(FIRST), 'reply')?.state).toMatchObject({
      status: 'suspended',
      remainingWorkingDays: 14,
    });
    const view = await staffAct(world, { kind: 'resumption', input: {} }, '2026-11-02');
    expect(view).toMatchObject({ status: 'in_progress', dueDate: '2026-11-20' });
  });

  it('a fee notice counts the application’s place among the applicant’s that month; later ones do not count', async () => {
    const world = await aWorld();
    for (let day = 1; day <= 12; day += 1) {
      const date = `2026-09-${String(day).padStart(2, '0')}`;
      await registerLetter(world, { receivedOn: date }, date);
    }
    const notice = {
      kind: 'fee-notice',
      input: { basis: { method: 'by_piece' }, explanation: '申请数量明显超过合理范围' },
    } as const;
    await expect(staffAct(world, notice, '2026-09-14', clerk, '2026-TEST-0010')).rejects.toMatchObject({
      code: 'no-fee',
    });
    const eleventh = await staffAct(world, notice, '2026-09-14', clerk, '2026-TEST-0011');
    expect(eleventh.fee).toMatchObject({ units: 11, amountYuan: 100, dueDate: '2026-10-16' });
    const paid = await staffAct(
      world,
      { kind: 'fee-payment', input: { reference: 'POS-1' } },
      '2026-09-15',
      clerk,
      '2026-TEST-0011',
    );
    expect(paid.status).toBe('in_progress');
    expect(world.records.clock(applicationCase('2026-TEST-0011'), 'fee')?.open).toBe(false);
  });

  it('a notice by post waits for the day it was signed for: the case and the status page say so', async () => {
    const world = await aWorld();
    const { accessToken } = await registerLetter(world);
    const sent = await staffAct(
      world,
      {
        kind: 'fee-notice',
        input: {
          basis: { method: 'by_volume', pages: 120 },
          explanation: '申请数量明显超过合理范围',
          deliveredBy: 'post',
        },
      },
      '2026-09-30',
    );
    const waits = '期限自送达之日起计算，等待登记送达日期';
    expect(sent.awaitingDelivery).toEqual([
      { notice: 'fee', sentOn: '2026-09-30', method: 'post', deliveredOn: null, says: waits },
    ]);
    expect(world.records.clock(applicationCase(FIRST), 'fee')).toBeUndefined();
    const page = await applicationStatus(world.applicationDeps, FIRST, accessToken);
    expect(page.requests).toMatchObject([{ kind: 'fee', payBy: null, waitsForDelivery: waits }]);

    const delivered = await staffAct(
      world,
      { kind: 'delivery', input: { notice: 'fee', deliveredOn: '2026-10-09' } },
      '2026-10-12',
    );
    expect(delivered.awaitingDelivery).toEqual([]);
    expect(delivered.fee).toMatchObject({ dueDate: '2026-11-05' });
    expect(world.records.clock(applicationCase(FIRST), 'fee')).toMatchObject({
      open: true,
      state: { dueDate: '2026-11-05' },
    });
    const after = await applicationStatus(world.applicationDeps, FIRST, accessToken);
    expect(after.requests[0]).not.toHaveProperty('waitsForDelivery');
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'fee_notice_delivered',
      description: '收费通知已送达，缴费期限自送达之日起计算',
    });
  });

  it('the handler must be an enabled clerk of this agency', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await givenStaff(world, aStaffAccount({ staffId: staffIdOf('clerk'), email: 'clerk@test.example.cn' }));
    await givenStaff(
      world,
      aStaffAccount({ staffId: staffIdOf('other'), agencyId: 'ag-gov', email: 'o@test.example.cn' }),
    );
    await givenStaff(
      world,
      aStaffAccount({ staffId: staffIdOf('off'), enabled: false, email: 'off@test.example.cn' }),
    );
    await givenStaff(
      world,
      aStaffAccount({ staffId: staffIdOf('rev'), roles: ['reviewer'], email: 'r@test.example.cn' }),
    );
    for (const staffId of ['other', 'off', 'rev', 'nobody'].map(staffIdOf))
      await expect(
        staffAct(world, { kind: 'assignment', input: { staffId } }, '2026-09-29', head),
      ).rejects.toMatchObject({
        code: 'not-a-handler',
        errors: [{ path: 'body.staffId', message: 'is not an enabled clerk of this agency' }],
      });
    const view = await staffAct(
      world,
      { kind: 'assignment', input: { staffId: staffIdOf('clerk') } },
      '2026-09-29',
      head,
    );
    expect(view.assignee).toEqual({
      staffId: staffIdOf('clerk'),
      name: '刘备',
      email: 'clerk@test.example.cn',
      assignedOn: '2026-09-29',
    });
    // The reply clock now names the handler who answers for it.
    expect(world.records.clock(applicationCase(FIRST), 'reply')).toMatchObject({
      open: true,
      context: { handler: { staffId: staffIdOf('clerk'), email: 'clerk@test.example.cn' } },
    });
  });

  it('a refused step writes nothing', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await expect(staffAct(world, { kind: 'resumption', input: {} }, '2026-09-29')).rejects.toBeInstanceOf(
      WrongStateError,
    );
    await expect(
      staffAct(
        world,
        { kind: 'decision', input: { outcome: 'not_disclosed', reason: 'state_secret' } },
        '2026-09-29',
      ),
    ).rejects.toBeInstanceOf(RuleViolationError);
    expect(typesOf(world)).toEqual(['application_registered']);
    expect((await world.applications.get(FIRST))?.application.version).toBe(1);
  });

  it('a step taken on a stale read is a version conflict', async () => {
    const world = await aWorld();
    await registerLetter(world);
    const stale = await world.applications.get(FIRST);
    if (stale === undefined) throw new Error('registered above');
    await staffAct(world, { kind: 'suspension', input: { reason: '台风' } }, '2026-09-29');
    await expect(
      runStep(
        world.applicationDeps,
        stale,
        cst('2026-09-29'),
        { kind: 'system', process: 'test' },
        (application) => ({
          application,
          reply: null,
          replyOpen: true,
          clocks: [],
          event: { type: 'noted', data: {} },
          statistics: [],
        }),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    expect(typesOf(world)).toEqual(['application_registered', 'reply_suspended']);
  });
});

describe('the decision and its letter', () => {
  it('is archived as a letter of the version it makes, naming the reconsideration body; released files are copied beside it', async () => {
    const world = await aWorld();
    await registerLetter(world);
    const file = world.uploads.put(anUploadKey(3));
    const view = await staffAct(
      world,
      { kind: 'decision', input: decisions.partiallyDisclosed(file) },
      '2026-10-20',
      head,
    );
    const where = { agencyId: AGENCY, id: FIRST, decidedOn: '2026-10-20' };
    const letterKey = archiveKeys.decisionLetter(where, 2);
    expect(letterKey).toBe(`agency=${AGENCY}/year=2026/application/${FIRST}/decision-letter-v2.html`);
    expect(view).toMatchObject({ status: 'decided', version: 2 });
    expect(view.decision).toMatchObject({
      outcome: 'partially_disclosed',
      decidedBy: { staffId: head.staffId, name: '李华' },
      letterKey,
      view: {
        letterUrl: archiveUrl(letterKey),
        files: [{ name: '批复（删减版）.pdf', url: expect.stringContaining(keptKeyOf(file)) }],
      },
    });
    const decided = timelineOf(world).at(-1);
    expect(decided).toMatchObject({
      type: 'decision_made',
      data: {
        outcome: 'partially_disclosed',
        row: 'partially_disclosed',
        onTime: true,
        letterKey,
        archiveObjects: [{ key: letterKey, contentType: 'text/html; charset=utf-8' }],
        uploadCopies: [{ uploadKey: file, archiveKey: archiveKeys.releasedFile(where, 0, file) }],
      },
    });
    const letter = String((decided?.data.archiveObjects as { body: string }[] | undefined)?.[0]?.body);
    expect(letter).toContain('某市生态环境局');
    expect(letter).toContain('向某市人民政府申请行政复议');
    // A partial disclosure refuses what it withholds: reconsideration first (行政复议法 Art. 23(1)(4)).
    expect(decided?.data.remedy).toEqual({
      route: 'reconsideration_first',
      body: '某市人民政府',
      named: true,
      gap: null,
    });
    expect(letter).toContain('应当先申请行政复议');
    expect(letter).not.toContain('六个月内');
    expect(letter).toContain('批复（删减版）.pdf');
    expect(world.uploads.referenced.has(file)).toBe(true);
    expect(countersOf(world, 2026)).toEqual({
      'received.natural_person': 1,
      'decided.partially_disclosed.natural_person': 1,
    });
    expect(world.records.clock(applicationCase(FIRST), 'reply')?.open).toBe(false);
  });

  it('a released file that was never uploaded is refused before anything is decided', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await expect(
      staffAct(
        world,
        { kind: 'decision', input: decisions.partiallyDisclosed(anUploadKey(4)) },
        '2026-10-20',
        head,
      ),
    ).rejects.toMatchObject({ code: 'unknown-upload', errors: [{ path: 'body.releasedFiles.0.uploadKey' }] });
    expect(typesOf(world)).toEqual(['application_registered']);
  });

  it('an agency with no parent on record: the letter gives the one designation the law gives, and the gap is recorded', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency({ parentAgencyId: null }));
    await registerLetter(world);
    await staffAct(world, { kind: 'decision', input: decisions.notHeld() }, '2026-10-20', head);
    const decided = timelineOf(world).at(-1);
    const letter = JSON.stringify(decided?.data.archiveObjects);
    expect(letter).toContain('该信息由某市自然资源局负责公开');
    expect(letter).toContain(
      '可以自收到本告知书之日起六十日内向本机关所属的本级人民政府申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。',
    );
    expect(letter).not.toContain('或者本级人民政府');
    expect(decided?.data.remedy).toEqual({
      route: 'reconsideration_or_lawsuit',
      body: '本机关所属的本级人民政府',
      named: false,
      gap: 'Gongkai cannot name the 本级人民政府: no parent agency is on record. Letters say “本机关所属的本级人民政府” until the parent is recorded or the body’s name is set (PUT /v1/agencies/{agencyId}/reconsideration).',
    });
  });

  it('a vertically led agency names its superior department; an agency’s own name for the body wins', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency({ agencyId: 'ag-tax-prov', name: '国家税务总局某省税务局' }));
    await givenAgency(
      world,
      anAgency({
        name: '国家税务总局某市税务局',
        parentAgencyId: 'ag-tax-prov',
        reconsideration: { vertical: true, reconsidersOwnDecisions: false, bodyName: null },
      }),
    );
    await registerLetter(world);
    await staffAct(world, { kind: 'decision', input: decisions.notDisclosed() }, '2026-10-20', head);
    const letterOf = (id: string) =>
      String(
        (timelineOf(world, id).at(-1)?.data.archiveObjects as { body: string }[] | undefined)?.[0]?.body,
      );
    expect(letterOf(FIRST)).toContain(
      '可以自收到本告知书之日起六十日内向国家税务总局某省税务局申请行政复议；',
    );
    const admin = aPrincipal(['agency_admin'], { staffId: staffIdOf('admin') });
    await setReconsideration(
      world.agencies,
      admin,
      AGENCY,
      {
        version: 1,
        reconsideration: {
          vertical: true,
          reconsidersOwnDecisions: false,
          bodyName: '国家税务总局某省税务局（复议）',
        },
      },
      cst('2026-10-21'),
    );
    await registerLetter(world, {}, '2026-10-21');
    await staffAct(
      world,
      { kind: 'decision', input: decisions.notDisclosed() },
      '2026-10-22',
      head,
      '2026-TEST-0002',
    );
    expect(letterOf('2026-TEST-0002')).toContain('向国家税务总局某省税务局（复议）申请行政复议');
  });

  it('a case is decided once', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(world, { kind: 'decision', input: decisions.disclosed() }, '2026-10-20', head);
    await expect(
      staffAct(world, { kind: 'decision', input: decisions.notDisclosed() }, '2026-10-21', head),
    ).rejects.toBeInstanceOf(WrongStateError);
    expect(typesOf(world).filter((type) => type === 'decision_made')).toHaveLength(1);
    expect(countersOf(world, 2026)).toEqual({
      'received.natural_person': 1,
      'decided.disclosed.natural_person': 1,
    });
  });
});

describe('disclosing against a third party’s objection (Reg. 32)', () => {
  const consultation = {
    party: 'third_party',
    name: '某化工有限公司',
    contact: '010-12345678',
    matter: '环评批复中的工艺参数是否同意公开',
  } as const;
  const notice = { content: '环评批复全文', reasons: '涉及公众环境权益，不公开可能对公共利益造成重大影响。' };

  it('waits for the answer, then needs the written notice, archived, before the decision letter', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(world, { kind: 'consultation', input: consultation }, '2026-10-12');
    await expect(
      staffAct(world, { kind: 'decision', input: decisions.disclosed() }, '2026-10-13', head),
    ).rejects.toBeInstanceOf(WrongStateError);
    await staffAct(
      world,
      {
        kind: 'consultation-reply',
        consultationId: 'c1',
        input: { answer: 'objection', summary: '涉及商业秘密' },
      },
      '2026-10-20',
    );
    await expect(
      staffAct(world, { kind: 'decision', input: decisions.disclosed() }, '2026-10-21', head),
    ).rejects.toMatchObject({ code: 'third-party-not-notified', errors: [{ path: 'consultations.c1' }] });
    const notified = await staffAct(
      world,
      { kind: 'disclosure-notice', consultationId: 'c1', input: notice },
      '2026-10-21',
    );
    const noticeKey = archiveKeys.thirdPartyNotice(
      { agencyId: AGENCY, id: FIRST, sentOn: '2026-10-21' },
      'c1',
      4,
    );
    expect(notified.consultations).toEqual([
      expect.objectContaining({
        id: 'c1',
        answer: 'objection',
        disclosureNotice: {
          sentOn: '2026-10-21',
          ...notice,
          letterKey: noticeKey,
          letterUrl: archiveUrl(noticeKey),
        },
      }),
    ]);
    const told = timelineOf(world).at(-1);
    expect(told).toMatchObject({
      type: 'third_party_notified',
      actor: { kind: 'staff', staffId: clerk.staffId },
      data: {
        consultationId: 'c1',
        letterKey: noticeKey,
        archiveObjects: [{ key: noticeKey, contentType: 'text/html; charset=utf-8' }],
      },
    });
    const letter = String((told?.data.archiveObjects as { body: string }[] | undefined)?.[0]?.body);
    expect(letter).toContain('<p>某化工有限公司：</p>');
    expect(letter).toContain('<p>公开内容：环评批复全文</p>');
    expect(letter).toContain('六十日内向某市人民政府申请行政复议，或者自收到本告知书之日起六个月内');
    // Not the applicant's name: the third party learns what is disclosed, not to whom.
    expect(letter).not.toContain('张三');
    await expect(
      staffAct(world, { kind: 'disclosure-notice', consultationId: 'c1', input: notice }, '2026-10-22'),
    ).rejects.toBeInstanceOf(WrongStateError);
    const decided = await staffAct(
      world,
      { kind: 'decision', input: decisions.disclosed() },
      '2026-10-22',
      head,
    );
    expect(decided.status).toBe('decided');
    expect(typesOf(world)).toEqual([
      'application_registered',
      'consultation_sent',
      'consultation_answered',
      'third_party_notified',
      'decision_made',
    ]);
  });
});

describe('a decision that names where the information is already published (Reg. 36(1))', () => {
  const reviewer = aPrincipal(['reviewer']);
  const secondReviewer = aPrincipal(['reviewer'], { staffId: staffIdOf('secondreviewer') });
  const secrecyReviewer = aPrincipal(['secrecy_reviewer']);
  const approver = aPrincipal(['approver']);
  const risks = {
    state_secret: 'none',
    work_secret: 'none',
    commercial_secret: 'none',
    personal_privacy: 'none',
    security_stability: 'none',
  } as const;

  /** A document of `agencyId` through the default chain (初审, 复审, 保密审查, 终审) into the reading room. */
  async function aPublication(world: InMemoryWorld, agencyId: string, audience: 'public' | 'internal') {
    const deps = world.proactiveDeps;
    const submitter = aPrincipal(['clerk'], { agencyId });
    const content = aSubmission({ audience, title: '关于印发《某市生态环境保护规划》的通知' });
    const { id } = await createSubmission(deps, submitter, agencyId, content, cst('2026-09-29'));
    await sendForReview(deps, submitter, agencyId, id, cst('2026-09-29'));
    const sign = (by: Principal, input: ReviewInput) =>
      reviewSubmission(deps, { ...by, agencyId }, agencyId, id, input, cst('2026-09-30'));
    await sign(reviewer, { step: 'first_review', verdict: 'approve', opinion: '准确' });
    await sign(secondReviewer, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    await sign(secrecyReviewer, {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '不涉密',
      secrecy: { risks, outcome: 'clear' },
    });
    const published = await sign(approver, { step: 'approval', verdict: 'approve', opinion: '同意' });
    if (published.publicationId === null) throw new Error('the approval publishes');
    return published.publicationId;
  }
  const disclosedAt = (publicationId: string) => ({
    kind: 'decision' as const,
    input: DecisionInput.parse({ outcome: 'disclosed', published: { publicationId } }),
  });

  it('a public publication of the reading room is named in the letter, by title, number, date and id', async () => {
    const world = await aWorld();
    const own = await aPublication(world, AGENCY, 'public');
    const parents = await aPublication(world, 'ag-gov', 'public');
    await registerLetter(world);
    await registerLetter(world);
    await staffAct(world, disclosedAt(own), '2026-10-20', head);
    await staffAct(world, disclosedAt(parents), '2026-10-20', head, '2026-TEST-0002');
    const letterOf = (id: string) =>
      String(
        (timelineOf(world, id).at(-1)?.data.archiveObjects as { body: string }[] | undefined)?.[0]?.body,
      );
    expect(letterOf(FIRST)).toContain(
      `<p>该信息已于2026年9月30日在本机关的政府信息公开目录中主动公开，题为“关于印发《某市生态环境保护规划》的通知”（某环发〔2026〕12号），公开编号${own}，请在该目录中查阅。</p>`,
    );
    expect(letterOf('2026-TEST-0002')).toContain('在某市人民政府的政府信息公开目录中主动公开');
    const page = await getCase(world.applicationDeps, AGENCY, FIRST);
    expect(page.decision?.view?.published).toEqual({ publicationId: own });
  });

  it('an internal, withdrawn or unknown publication is not "already published": 422 not-published, nothing decided', async () => {
    const world = await aWorld();
    const internal = await aPublication(world, AGENCY, 'internal');
    const gone = await aPublication(world, AGENCY, 'public');
    await withdraw(
      world.proactiveDeps,
      approver,
      AGENCY,
      gone,
      { reason: '内容有误', legalBasis: '《中华人民共和国政府信息公开条例》第二十六条' },
      cst('2026-10-09'),
    );
    await registerLetter(world);
    for (const [publicationId, message] of [
      [internal, 'is not a publication the public can read'],
      ['pub_000000000000', 'is not a publication the public can read'],
      [gone, 'was withdrawn: it is no longer published'],
    ] as const)
      await expect(staffAct(world, disclosedAt(publicationId), '2026-10-20', head)).rejects.toMatchObject({
        code: 'not-published',
        errors: [{ path: 'body.published.publicationId', message }],
      });
    expect(typesOf(world)).toEqual(['application_registered']);
  });
});

describe('the agency’s reconsideration settings', () => {
  const admin = aPrincipal(['agency_admin'], { staffId: staffIdOf('admin') });
  const platform = aPrincipal(['platform_admin'], { agencyId: 'platform', staffId: staffIdOf('platform') });

  it('shows the body its letters name and, when it cannot be named, why; an administrator states the rest', async () => {
    const world = await aWorld();
    expect(await getReconsideration(world.agencies, AGENCY)).toEqual({
      settings: { vertical: false, reconsidersOwnDecisions: false, bodyName: null },
      body: {
        designation: '本级人民政府',
        basis: '《中华人民共和国行政复议法》第二十四条第一款第一项',
        name: '某市人民政府',
        source: 'parent',
        gap: null,
      },
      version: 1,
    });
    const set = await setReconsideration(
      world.agencies,
      admin,
      AGENCY,
      { version: 1, reconsideration: { vertical: false, reconsidersOwnDecisions: true, bodyName: null } },
      cst('2026-10-20'),
    );
    expect(set).toMatchObject({
      body: { designation: '本机关', name: '某市生态环境局', source: 'itself' },
      version: 2,
    });
    expect(world.records.timeline(agencyCase(AGENCY)).at(-1)).toMatchObject({
      type: 'reconsideration_set',
      actor: { staffId: admin.staffId },
      data: { reconsideration: { reconsidersOwnDecisions: true } },
    });
    await expect(
      setReconsideration(
        world.agencies,
        admin,
        AGENCY,
        { version: 1, reconsideration: set.settings },
        cst('2026-10-20'),
      ),
    ).rejects.toBeInstanceOf(VersionConflictError);
    await expect(
      setReconsideration(
        world.agencies,
        admin,
        'ag-gov',
        { version: 1, reconsideration: { vertical: true, reconsidersOwnDecisions: false, bodyName: null } },
        cst('2026-10-20'),
      ),
    ).rejects.toMatchObject({
      code: 'reconsideration-settings',
      errors: [{ path: 'body.reconsideration.vertical' }],
    });
    await expect(getReconsideration(world.agencies, 'ag-none')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an agency is created with its settings, checked against its level', async () => {
    const world = inMemoryWorld();
    const created = await createAgency(
      world.agencies,
      platform,
      {
        agencyId: 'ag-customs',
        name: '某海关',
        level: 'department',
        parentAgencyId: null,
        profile: null,
        reconsideration: { vertical: true, reconsidersOwnDecisions: false, bodyName: '某直属海关' },
      },
      cst('2026-10-20'),
    );
    expect(created.reconsideration).toEqual({
      vertical: true,
      reconsidersOwnDecisions: false,
      bodyName: '某直属海关',
    });
    expect(
      (
        await createAgency(
          world.agencies,
          platform,
          { agencyId: 'ag-plain', name: '某局', level: 'department', parentAgencyId: null, profile: null },
          cst('2026-10-20'),
        )
      ).reconsideration,
    ).toEqual({ vertical: false, reconsidersOwnDecisions: false, bodyName: null });
    await expect(
      createAgency(
        world.agencies,
        platform,
        {
          agencyId: 'ag-gov2',
          name: '某县人民政府',
          level: 'government',
          parentAgencyId: null,
          profile: null,
          reconsideration: { vertical: true, reconsidersOwnDecisions: false, bodyName: null },
        },
        cst('2026-10-20'),
      ),
    ).rejects.toMatchObject({ code: 'reconsideration-settings' });
    expect(await world.agencies.get('ag-gov2')).toBeUndefined();
  });
});

describe('the steps the sweep takes when a period lapses', () => {
  async function waitingForSupplement() {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(
      world,
      { kind: 'clarification-request', input: { items: ['请写明项目名称'] } },
      '2026-09-30',
    );
    return world;
  }

  /** The clarification of 2026-09-30 is due 2026-10-27; the sweep finds it lapsed on 10-28. */
  async function abandonmentPending() {
    const world = await waitingForSupplement();
    const pending = await systemStep(
      world.applicationDeps,
      FIRST,
      { kind: 'no-supplement' },
      cst('2026-10-28', '08:30'),
    );
    return { world, pending };
  }

  it('no supplement in time: the case waits for its handler’s review, still open, nothing decided or counted', async () => {
    const { world, pending } = await abandonmentPending();
    expect(pending).toMatchObject({
      status: 'abandonment_pending',
      decision: null,
      clarification: { dueDate: '2026-10-27', lapsedOn: '2026-10-28', supplementedOn: null },
    });
    expect(timelineOf(world).at(-1)).toMatchObject({
      type: 'abandonment_pending',
      actor: { kind: 'system', process: 'sweep' },
      data: { supplementBy: '2026-10-27', lapsedOn: '2026-10-28' },
    });
    expect(world.records.clock(applicationCase(FIRST), 'clarification')?.open).toBe(false);
    expect(world.records.clock(applicationCase(FIRST), 'reply')).toMatchObject({
      open: true,
      state: { status: 'suspended' },
    });
    // Pending in the annual report: received, not yet decided.
    expect(countersOf(world, 2026)).toEqual({ 'received.natural_person': 1 });
    const queue = await listApplications(world.applicationDeps, AGENCY, { status: 'open', limit: 10 });
    expect(queue.items).toEqual([
      expect.objectContaining({ status: 'abandonment_pending', supplementLapsedOn: '2026-10-28' }),
    ]);
  });

  it('while the handler reviews, the applicant is told nothing final and cannot supplement', async () => {
    const { world } = await abandonmentPending();
    const page = await applicationStatus(world.applicationDeps, FIRST, 'token-1');
    expect(page).toMatchObject({
      status: 'abandonment_pending',
      statusText: '补正期限已届满，本机关正在审查；如有正当理由未能按期补正，请尽快与本机关联系说明',
      decision: null,
    });
    expect(page.timeline.at(-1)).toEqual({
      at: '2026-10-28T08:30:00.000+08:00',
      type: 'abandonment_pending',
      description: '补正期限已届满，本机关正在审查',
    });
    await expect(
      supplementByApplicant(
        world.applicationDeps,
        FIRST,
        'token-1',
        { text: '补充', attachments: [] },
        cst('2026-10-29'),
      ),
    ).rejects.toThrow(WrongStateError);
  });

  it('the handler finds no good reason: otherwise handled (no supplement) with its letter, signed by the handler', async () => {
    const { world } = await abandonmentPending();
    const decided = await staffAct(
      world,
      { kind: 'abandonment-review', input: { verdict: 'abandoned' } },
      '2026-10-29',
    );
    expect(decided).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'otherwise_handled',
        reason: 'no_supplement',
        legalBasis: '《中华人民共和国政府信息公开条例》第三十条',
        reasons: '申请人未在补正期限（2026-10-27）内补正，且无正当理由，视为放弃申请，行政机关不再处理。',
        decidedBy: { staffId: clerk.staffId, name: '刘备' },
        decidedOn: '2026-10-29',
      },
    });
    expect(timelineOf(world).at(-1)).toMatchObject({
      type: 'decision_made',
      actor: { kind: 'staff', staffId: clerk.staffId },
      data: {
        row: 'otherwise_handled.no_supplement',
        archiveObjects: [expect.objectContaining({ contentType: 'text/html; charset=utf-8' })],
      },
    });
    expect(countersOf(world, 2026)['decided.otherwise_handled.no_supplement.natural_person']).toBe(1);
  });

  it('the handler accepts the applicant’s reason: a new period to supplement, and the supplement restarts the reply period', async () => {
    const { world } = await abandonmentPending();
    const reopened = await staffAct(
      world,
      {
        kind: 'abandonment-review',
        input: { verdict: 'reopened', reason: '申请人住院治疗，提供了住院证明', periodWorkingDays: 5 },
      },
      '2026-10-29',
    );
    // Five working days from Thursday 10-29: 10-30, 11-02, 11-03, 11-04, 11-05.
    expect(reopened).toMatchObject({
      status: 'awaiting_clarification',
      clarification: {
        dueDate: '2026-11-05',
        lapsedOn: null,
        reopenings: [
          { on: '2026-10-29', reason: '申请人住院治疗，提供了住院证明', previousDueDate: '2026-10-27' },
        ],
      },
    });
    expect(world.records.clock(applicationCase(FIRST), 'clarification')).toMatchObject({
      open: true,
      state: { status: 'running', dueDate: '2026-11-05' },
    });
    const page = await applicationStatus(world.applicationDeps, FIRST, 'token-1');
    expect(page.timeline.at(-1)).toMatchObject({
      type: 'abandonment_reopened',
      description: '补正期限已重新确定',
      dueDate: '2026-11-05',
    });
    const supplemented = await supplementByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { text: '项目名称为某某工程', attachments: [] },
      cst('2026-11-02'),
    );
    expect(supplemented).toMatchObject({ status: 'in_progress', dueDate: '2026-11-30' });
  });

  it('a review is for a case whose period lapsed, and a lapsed case is closed only as abandoned', async () => {
    const world = await waitingForSupplement();
    await expect(
      staffAct(world, { kind: 'abandonment-review', input: { verdict: 'abandoned' } }, '2026-10-20'),
    ).rejects.toThrow(WrongStateError);
    await systemStep(world.applicationDeps, FIRST, { kind: 'no-supplement' }, cst('2026-10-28'));
    await expect(
      staffAct(world, { kind: 'decision', input: decisions.notDisclosed() }, '2026-10-29', head),
    ).rejects.toThrow(WrongStateError);
  });

  it('the sweep finds a period lapsed only after its last day', async () => {
    const world = await waitingForSupplement();
    await expect(
      systemStep(world.applicationDeps, FIRST, { kind: 'no-supplement' }, cst('2026-10-27')),
    ).rejects.toThrow(RuleViolationError);
    expect(typesOf(world).at(-1)).toBe('clarification_requested');
  });

  it('a fee unpaid in time: otherwise handled, fee not paid', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(
      world,
      {
        kind: 'fee-notice',
        input: { basis: { method: 'by_volume', pages: 120 }, explanation: '超出合理范围' },
      },
      '2026-09-30',
    );
    const decided = await systemStep(world.applicationDeps, FIRST, { kind: 'fee-unpaid' }, cst('2026-11-04'));
    expect(decided?.decision).toMatchObject({
      outcome: 'otherwise_handled',
      reason: 'fee_unpaid',
      decidedBy: SWEEP_SIGNATURE,
    });
    expect(world.records.clock(applicationCase(FIRST), 'fee')?.open).toBe(false);
  });

  it('a consulted party’s silence lets the reply clock run again', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(
      world,
      {
        kind: 'consultation',
        input: {
          party: 'co_producing_agency',
          name: '某市自然资源局',
          contact: '010-1',
          matter: '联合制作的信息',
        },
      },
      '2026-10-12',
    );
    const resumed = await systemStep(
      world.applicationDeps,
      FIRST,
      { kind: 'consultation-lapsed', consultationId: 'c1' },
      cst('2026-11-03'),
    );
    // 14 working days remained; counted from 11-04.
    expect(resumed).toMatchObject({ status: 'in_progress', dueDate: '2026-11-23' });
    expect(typesOf(world).at(-1)).toBe('consultation_lapsed');
  });

  it('does nothing when the case has moved on, or is unknown', async () => {
    const world = await waitingForSupplement();
    await supplementByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { text: '补充', attachments: [] },
      cst('2026-10-09'),
    );
    const before = typesOf(world);
    await expect(
      systemStep(world.applicationDeps, FIRST, { kind: 'no-supplement' }, cst('2026-10-28')),
    ).resolves.toBeNull();
    await expect(
      systemStep(world.applicationDeps, '2026-TEST-9999', { kind: 'fee-unpaid' }, cst('2026-10-28')),
    ).resolves.toBeNull();
    expect(typesOf(world)).toEqual(before);
  });
});

describe('what a decision may say about a clarification (Reg. 30)', () => {
  const noSupplement = { outcome: 'otherwise_handled', reason: 'no_supplement' } as const;
  const stillUnclear = {
    outcome: 'cannot_provide',
    reason: 'unclear_after_clarification',
    legalBasis: '《中华人民共和国政府信息公开条例》第三十条',
    reasons: '经补正，申请内容仍不明确。',
  } as const;
  const codeOf = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    return error instanceof RuleViolationError ? error.code : error;
  };

  it('no supplement is refused before the supplement deadline, and when there is nothing to supplement', async () => {
    const world = await aWorld();
    await registerLetter(world);
    expect(await codeOf(staffAct(world, { kind: 'decision', input: noSupplement }, '2026-09-29', head))).toBe(
      'no-supplement-not-lapsed',
    );
    await staffAct(
      world,
      { kind: 'clarification-request', input: { items: ['请写明项目名称'] } },
      '2026-09-30',
    );
    // Due 2026-10-27: the applicant may still supplement that day.
    expect(await codeOf(staffAct(world, { kind: 'decision', input: noSupplement }, '2026-10-27', head))).toBe(
      'no-supplement-not-lapsed',
    );
    expect(typesOf(world).at(-1)).toBe('clarification_requested');
    const decided = await staffAct(world, { kind: 'decision', input: noSupplement }, '2026-10-28', head);
    expect(decided.decision).toMatchObject({ outcome: 'otherwise_handled', reason: 'no_supplement' });
  });

  it('no supplement is refused once the applicant supplemented', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(
      world,
      { kind: 'clarification-request', input: { items: ['请写明项目名称'] } },
      '2026-09-30',
    );
    await supplementByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { text: '补充', attachments: [] },
      cst('2026-10-09'),
    );
    expect(await codeOf(staffAct(world, { kind: 'decision', input: noSupplement }, '2026-10-28', head))).toBe(
      'no-supplement-not-lapsed',
    );
  });

  it('“still unclear after clarification” needs a clarification the applicant answered', async () => {
    const world = await aWorld();
    await registerLetter(world);
    expect(await codeOf(staffAct(world, { kind: 'decision', input: stillUnclear }, '2026-09-29', head))).toBe(
      'not-clarified',
    );
    await staffAct(
      world,
      { kind: 'clarification-request', input: { items: ['请写明项目名称'] } },
      '2026-09-30',
    );
    expect(await codeOf(staffAct(world, { kind: 'decision', input: stillUnclear }, '2026-10-08', head))).toBe(
      'not-clarified',
    );
    await supplementByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { text: '某个项目', attachments: [] },
      cst('2026-10-09'),
    );
    const decided = await staffAct(world, { kind: 'decision', input: stillUnclear }, '2026-10-12', head);
    expect(decided.decision).toMatchObject({ reason: 'unclear_after_clarification' });
  });
});

describe('the audit trail of a case', () => {
  it('every step appends one event chained to the one before', async () => {
    const world = await aWorld();
    await registerLetter(world);
    await staffAct(
      world,
      { kind: 'clarification-request', input: { items: ['请写明项目名称'] } },
      '2026-09-30',
    );
    await supplementByApplicant(
      world.applicationDeps,
      FIRST,
      'token-1',
      { text: '补充', attachments: [] },
      cst('2026-10-09'),
    );
    await staffAct(
      world,
      { kind: 'extension', input: { workingDays: 5, reason: '需调取档案' } },
      '2026-10-20',
      head,
    );
    await staffAct(world, { kind: 'decision', input: decisions.disclosed() }, '2026-10-21', head);
    const timeline = timelineOf(world);
    expect(timeline.map((event) => event.type)).toEqual([
      'application_registered',
      'clarification_requested',
      'clarification_supplemented',
      'reply_extended',
      'decision_made',
    ]);
    expect(verifyChain(timeline)).toEqual({ ok: true });
    const kept = await world.applications.get(FIRST);
    expect(kept?.chain).toEqual({ seq: 5, hash: timeline.at(-1)?.hash });
    expect(kept?.application.version).toBe(5);
  });
});
