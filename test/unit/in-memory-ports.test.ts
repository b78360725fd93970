import { describe, expect, it } from 'vitest';
import type { Change } from '#lib/domain/application/application';
import { register } from '#lib/domain/application/intake';
import { DEFAULT_POLICY } from '#lib/domain/application/policy';
import { AlreadyExistsError, ValidationError, VersionConflictError } from '#lib/domain/errors';
import { EMPTY_CHAIN, nextEvent, type TimelineEvent } from '#lib/domain/timeline';
import { draftReport } from '#lib/use-cases/annual-reports';
import { act, registerApplication } from '#lib/use-cases/applications/casework';
import { caseRef } from '#lib/use-cases/applications/step-runner';
import {
  aPrincipal,
  aRegistration,
  aStaffAccount,
  anAgency,
  cst,
  decisions,
  ids,
  on,
  staffIdOf,
} from '#test/support/factories';
import { applicationCase, givenAgency, givenStaff, inMemoryWorld } from '#test/support/fakes';

/**
 * The in-memory ports keep the Dynamo adapters' contracts, so that what the use-case tests prove holds
 * against the table too: optimistic concurrency, create-once, all-or-nothing changes, counters that
 * the report store reads, and page tokens bound to their listing.
 */

const clerk = aPrincipal(['clerk']);
const actor = { kind: 'system', process: 'test' } as const;

function aRegistrationChange(id = '2026-TEST-0001'): { change: Change; event: TimelineEvent } {
  const change = register(
    aRegistration(),
    ids({ id }),
    '2026-09-28T10:00:00.000+08:00',
    DEFAULT_POLICY,
    on('2026-09-28'),
  );
  const event = nextEvent(caseRef(change.application), EMPTY_CHAIN, {
    type: change.event.type,
    now: cst('2026-09-28'),
    actor,
    data: change.event.data,
  });
  return { change, event };
}

const idempotency = (keyHash: string, applicationId: string) => ({
  keyHash,
  requestHash: 'r',
  applicationId,
  sealedToken: 's',
  expiresAt: 0,
});

describe('the application store', () => {
  it('creates an application once', async () => {
    const world = inMemoryWorld();
    const { change, event } = aRegistrationChange();
    await world.applications.create(change, event);
    await expect(world.applications.create(change, event)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(world.records.timeline(applicationCase('2026-TEST-0001'))).toHaveLength(1);
  });

  it('an Idempotency-Key is used once per agency; the losing create writes nothing at all', async () => {
    const world = inMemoryWorld();
    const first = aRegistrationChange('2026-TEST-0001');
    const second = aRegistrationChange('2026-TEST-0002');
    await world.applications.create(first.change, first.event, idempotency('k', '2026-TEST-0001'));
    await expect(
      world.applications.create(second.change, second.event, idempotency('k', '2026-TEST-0002')),
    ).rejects.toThrow(new AlreadyExistsError('This Idempotency-Key has been used.'));
    expect(world.applications.ids()).toEqual(['2026-TEST-0001']);
    expect(world.records.timeline(applicationCase('2026-TEST-0002'))).toEqual([]);
    expect(world.records.counters('ag-city')[0]?.cells).toEqual({ 'received.natural_person': 1 });
    await expect(world.applications.idempotency('ag-city', 'k')).resolves.toMatchObject({
      applicationId: '2026-TEST-0001',
    });
    await expect(world.applications.idempotency('ag-other', 'k')).resolves.toBeUndefined();
  });

  it('a save at a version other than the one read is a conflict, and writes nothing', async () => {
    const world = inMemoryWorld();
    const { change, event } = aRegistrationChange();
    await world.applications.create(change, event);
    const next = nextEvent(
      caseRef(change.application),
      { seq: 1, hash: event.hash },
      { type: 'noted', now: cst('2026-09-29'), actor },
    );
    const noted = { ...change, statistics: [{ year: 2026, cell: 'received.natural_person' }] };
    await expect(world.applications.save(noted, 2, next)).rejects.toBeInstanceOf(VersionConflictError);
    // The same position of the timeline cannot be written twice either.
    await expect(world.applications.save(noted, 1, event)).rejects.toBeInstanceOf(VersionConflictError);
    expect(world.records.timeline(applicationCase('2026-TEST-0001'))).toHaveLength(1);
    expect(world.records.counters('ag-city')[0]?.cells).toEqual({ 'received.natural_person': 1 });
    await world.applications.save(noted, 1, next);
    expect((await world.applications.get('2026-TEST-0001'))?.application.version).toBe(2);
    expect(world.records.counters('ag-city')[0]?.cells).toEqual({ 'received.natural_person': 2 });
  });

  it('closing a clock that was never opened fails the whole change', async () => {
    const world = inMemoryWorld();
    const { change, event } = aRegistrationChange();
    await world.applications.create(change, event);
    const next = nextEvent(
      caseRef(change.application),
      { seq: 1, hash: event.hash },
      { type: 'noted', now: cst('2026-09-29'), actor },
    );
    await expect(
      world.applications.save({ ...change, clocks: [{ name: 'fee', open: false }] }, 1, next),
    ).rejects.toThrow(new VersionConflictError('The clock fee is missing.'));
    expect((await world.applications.get('2026-TEST-0001'))?.application.version).toBe(1);
  });

  it('keeps the reply clock as storage does: its history and due date, not the derived steps', async () => {
    const world = inMemoryWorld();
    const { change, event } = aRegistrationChange();
    await world.applications.create(change, event);
    const found = await world.applications.get('2026-TEST-0001');
    expect(found?.reply).toEqual({
      status: 'running',
      period: 20,
      dueDate: '2026-10-30',
      remainingWorkingDays: null,
      provisional: false,
      provisionalYears: [],
      events: [{ type: 'start', on: '2026-09-28', workingDays: 20 }],
    });
    expect(found?.chain).toEqual({ seq: 1, hash: event.hash });
  });

  it('refuses a page token it did not issue for that listing', async () => {
    const world = inMemoryWorld();
    await expect(
      world.applications.list('ag-city', { open: true, limit: 1, nextToken: 'garbage' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const forged = Buffer.from(
      JSON.stringify({ listing: 'applications#ag-other#true', after: 'x' }),
    ).toString('base64url');
    await expect(
      world.applications.list('ag-city', { open: true, limit: 1, nextToken: forged }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the other stores', () => {
  it('an agency is created once and updated only at the version read', async () => {
    const world = inMemoryWorld();
    const agency = await givenAgency(world, anAgency());
    await expect(givenAgency(world, agency)).rejects.toBeInstanceOf(AlreadyExistsError);
    const found = await world.agencies.get('ag-city');
    const event = nextEvent(
      { agencyId: 'ag-city', kind: 'agency', id: 'ag-city' },
      found?.chain ?? EMPTY_CHAIN,
      {
        type: 'renamed',
        now: cst('2026-09-28'),
        actor,
      },
    );
    await expect(world.agencies.update({ ...agency, name: '新名称' }, 2, event)).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await world.agencies.update({ ...agency, name: '新名称' }, 1, event);
    expect(await world.agencies.get('ag-city')).toMatchObject({
      name: '新名称',
      version: 2,
      chain: { seq: 2 },
    });
  });

  it('an e-mail address belongs to one staff account, platform-wide', async () => {
    const world = inMemoryWorld();
    await givenStaff(world, aStaffAccount());
    await expect(
      givenStaff(world, aStaffAccount({ staffId: staffIdOf('other'), agencyId: 'ag-other' })),
    ).rejects.toMatchObject({
      code: 'email-refused',
      errors: [{ path: 'body.email', message: 'cannot be used' }],
    });
    await expect(world.staff.emailTaken('clerk@test.example.cn')).resolves.toBe(true);
  });

  it('the report store counts what the application store moved', async () => {
    const world = inMemoryWorld();
    await givenAgency(world, anAgency());
    await registerApplication(
      world.applicationDeps,
      clerk,
      'ag-city',
      aRegistration({ receivedOn: '2025-12-29' }),
      cst('2025-12-29'),
    );
    await registerApplication(
      world.applicationDeps,
      clerk,
      'ag-city',
      aRegistration({ receivedOn: '2026-03-02' }),
      cst('2026-03-02'),
    );
    await act(
      world.applicationDeps,
      clerk,
      'ag-city',
      '2026-TEST-0002',
      { kind: 'decision', input: decisions.disclosed() },
      cst('2026-03-10'),
    );
    const draft = await draftReport(
      world.reportDeps,
      aPrincipal(['agency_admin']),
      'ag-city',
      2026,
      cst('2027-01-05'),
    );
    expect(draft.content.applications.total).toMatchObject({
      received: 1,
      carriedIn: 1,
      resultsTotal: 1,
      carriedOut: 1,
      results: expect.objectContaining({ disclosed: 1 }),
    });
    expect(draft.checks.filter((check) => check.path.startsWith('applications'))).toEqual([]);
    await expect(
      world.reports.save(
        { ...draft, version: 1 },
        'ag-city',
        2026,
        'new',
        nextEvent({ agencyId: 'ag-city', kind: 'annual_report', id: '2026' }, EMPTY_CHAIN, {
          type: 'x',
          now: cst('2027-01-05'),
          actor,
        }),
      ),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
  });
});
