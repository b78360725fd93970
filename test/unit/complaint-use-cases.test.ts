import { describe, expect, it } from 'vitest';
import { NotFoundError, RuleViolationError, WrongStateError } from '#lib/domain/errors';
import {
  complaintStatus,
  fileComplaint,
  fileComplaintWithForm,
  listComplaints,
  markComplaintCodeShown,
  replyToComplaint,
} from '#lib/use-cases/complaints';
import { aComplaint, aPrincipal, anAgency, cst } from '#test/support/factories';
import { complaintCase, givenAgency, inMemoryWorld, type InMemoryWorld } from '#test/support/fakes';

/**
 * Complaints about an agency's disclosure work (Reg. 51) through in-memory ports: answered within 30
 * natural days, a last day off moving to the next working day (民法典 Art. 203).
 */

const AGENCY = 'ag-city';
const supervisor = aPrincipal(['supervisor']);

async function aWorld(): Promise<InMemoryWorld> {
  const world = inMemoryWorld();
  await givenAgency(world, anAgency());
  await givenAgency(world, anAgency({ agencyId: 'ag-other', name: '某区人民政府', level: 'government' }));
  return world;
}

const file = (world: InMemoryWorld, today: string, overrides: Record<string, unknown> = {}) =>
  fileComplaint(world.complaintDeps, AGENCY, aComplaint(overrides), undefined, cst(today));

describe('filing a complaint', () => {
  it('is answered within 30 days: from Friday 2026-09-04 that is Sunday 10-04, in the holiday, so Thursday 10-08', async () => {
    const world = await aWorld();
    const filed = await file(world, '2026-09-04');
    expect(filed).toEqual({
      complaintId: expect.stringMatching(/^cmp_[0-9a-f]{12}$/),
      receivedOn: '2026-09-04',
      answerDueDate: '2026-10-08',
      accessCode: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(world.records.clock(complaintCase(filed.complaintId), 'answer')).toMatchObject({
      open: true,
      state: { status: 'running', dueDate: '2026-10-08' },
    });
    expect(world.records.timeline(complaintCase(filed.complaintId))).toMatchObject([
      {
        seq: 1,
        type: 'complaint_received',
        actor: { kind: 'applicant' },
        data: { subject: '申请逾期未答复', answerDueDate: '2026-10-08' },
        prevHash: null,
      },
    ]);
  });

  it('30 days that end on a working day end that day', async () => {
    const world = await aWorld();
    expect((await file(world, '2026-03-02')).answerDueDate).toBe('2026-04-01');
  });

  it('is refused for an agency that does not exist', async () => {
    const world = await aWorld();
    await expect(
      fileComplaint(world.complaintDeps, 'ag-none', aComplaint(), undefined, cst('2026-09-04')),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listing and answering complaints', () => {
  it('open complaints are listed by answer due date; answered ones apart', async () => {
    const world = await aWorld();
    const later = await file(world, '2026-03-10', { subject: '网站信息未更新' });
    const earlier = await file(world, '2026-03-02');
    await fileComplaint(world.complaintDeps, 'ag-other', aComplaint(), undefined, cst('2026-03-01'));
    const open = await listComplaints(world.complaintDeps, AGENCY, { status: 'open', limit: 10 });
    expect(open.items.map((complaint) => [complaint.id, complaint.answerDueDate])).toEqual([
      [earlier.complaintId, '2026-04-01'],
      [later.complaintId, '2026-04-09'],
    ]);
    await replyToComplaint(
      world.complaintDeps,
      supervisor,
      AGENCY,
      earlier.complaintId,
      { reply: '已督促答复', upheld: true },
      cst('2026-03-20'),
    );
    const answered = await listComplaints(world.complaintDeps, AGENCY, { status: 'answered', limit: 10 });
    expect(answered.items.map((complaint) => complaint.id)).toEqual([earlier.complaintId]);
    expect(
      (await listComplaints(world.complaintDeps, AGENCY, { status: 'open', limit: 10 })).items,
    ).toHaveLength(1);
  });

  it('the answer is recorded once, with who answered and whether on time; the answer clock stops', async () => {
    const world = await aWorld();
    const { complaintId } = await file(world, '2026-09-04');
    const answered = await replyToComplaint(
      world.complaintDeps,
      supervisor,
      AGENCY,
      complaintId,
      { reply: '经核查，已责令限期答复。', upheld: true },
      cst('2026-10-09'),
    );
    expect(answered).toMatchObject({
      status: 'answered',
      answer: { text: '经核查，已责令限期答复。', upheld: true, on: '2026-10-09', by: supervisor.staffId },
      version: 2,
    });
    expect(world.records.timeline(complaintCase(complaintId)).at(-1)).toMatchObject({
      seq: 2,
      type: 'complaint_answered',
      data: { upheld: true, onTime: false },
    });
    expect(world.records.clock(complaintCase(complaintId), 'answer')?.open).toBe(false);
    await expect(
      replyToComplaint(
        world.complaintDeps,
        supervisor,
        AGENCY,
        complaintId,
        { reply: '补充', upheld: false },
        cst('2026-10-10'),
      ),
    ).rejects.toBeInstanceOf(WrongStateError);
  });

  it('an answer on the due date is on time', async () => {
    const world = await aWorld();
    const { complaintId } = await file(world, '2026-09-04');
    await replyToComplaint(
      world.complaintDeps,
      supervisor,
      AGENCY,
      complaintId,
      { reply: '已处理', upheld: false },
      cst('2026-10-08'),
    );
    expect(world.records.timeline(complaintCase(complaintId)).at(-1)?.data).toEqual({
      upheld: false,
      onTime: true,
    });
  });

  it('another agency’s complaint is not found', async () => {
    const world = await aWorld();
    const { complaintId } = await file(world, '2026-09-04');
    await expect(
      replyToComplaint(
        world.complaintDeps,
        supervisor,
        'ag-other',
        complaintId,
        { reply: '已处理', upheld: false },
        cst('2026-09-10'),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(world.records.timeline(complaintCase(complaintId))).toHaveLength(1);
  });
});

describe('the complainant reads the complaint back with its access code', () => {
  it('shows what was received, the answer date and, once given, the answer', async () => {
    const world = await aWorld();
    const { complaintId, accessCode } = await file(world, '2026-09-04', { trackingNumber: '2026-k7qx-3m9p' });
    expect(await complaintStatus(world.complaintDeps, AGENCY, complaintId, accessCode)).toEqual({
      complaintId,
      agencyId: AGENCY,
      status: 'open',
      receivedOn: '2026-09-04',
      answerDueDate: '2026-10-08',
      complainant: { name: '赵六', contact: '13900000000' },
      subject: '申请逾期未答复',
      details: '本人于九月提交的政府信息公开申请至今未获答复。',
      trackingNumber: '2026-K7QX-3M9P',
      answer: null,
    });
    await replyToComplaint(
      world.complaintDeps,
      supervisor,
      AGENCY,
      complaintId,
      { reply: '已督促答复', upheld: true },
      cst('2026-09-20'),
    );
    expect((await complaintStatus(world.complaintDeps, AGENCY, complaintId, accessCode)).answer).toEqual({
      text: '已督促答复',
      upheld: true,
      on: '2026-09-20',
    });
  });

  it('a wrong or missing code, another agency, or an unknown id: one and the same "not found"', async () => {
    const world = await aWorld();
    const { complaintId, accessCode } = await file(world, '2026-09-04');
    const attempts = [
      complaintStatus(world.complaintDeps, AGENCY, complaintId, 'not-the-code'),
      complaintStatus(world.complaintDeps, AGENCY, complaintId, undefined),
      complaintStatus(world.complaintDeps, 'ag-other', complaintId, accessCode),
      complaintStatus(world.complaintDeps, AGENCY, 'cmp_000000000000', accessCode),
    ];
    for (const attempt of attempts)
      await expect(attempt).rejects.toThrow(
        expect.objectContaining({
          constructor: NotFoundError,
          message: 'There is no complaint with this id and access code.',
        }),
      );
  });

  it('staff never see the code’s hash, in the list or in the answer', async () => {
    const world = await aWorld();
    const { complaintId } = await file(world, '2026-09-04');
    const open = await listComplaints(world.complaintDeps, AGENCY, { status: 'open', limit: 10 });
    expect(open.items[0]).not.toHaveProperty('accessCodeHash');
    const answered = await replyToComplaint(
      world.complaintDeps,
      supervisor,
      AGENCY,
      complaintId,
      { reply: '已处理', upheld: false },
      cst('2026-09-10'),
    );
    expect(answered).not.toHaveProperty('accessCodeHash');
  });
});

describe('filing a complaint again (Idempotency-Key)', () => {
  const open = (world: InMemoryWorld) =>
    listComplaints(world.complaintDeps, AGENCY, { status: 'open', limit: 50 });

  it('the same complaint with the same key files one, and answers the same receipt with the same code', async () => {
    const world = await aWorld();
    const first = await fileComplaint(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      'key-1-abcdef',
      cst('2026-09-04'),
    );
    const retry = await fileComplaint(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      'key-1-abcdef',
      cst('2026-09-04'),
    );
    expect(retry).toEqual(first);
    expect((await open(world)).items).toHaveLength(1);
    expect(
      await complaintStatus(world.complaintDeps, AGENCY, first.complaintId, retry.accessCode),
    ).toMatchObject({
      complaintId: first.complaintId,
    });
  });

  it('the key with another complaint is refused; another agency or no key files anew', async () => {
    const world = await aWorld();
    await fileComplaint(world.complaintDeps, AGENCY, aComplaint(), 'key-1-abcdef', cst('2026-09-04'));
    const refused = fileComplaint(
      world.complaintDeps,
      AGENCY,
      aComplaint({ subject: '另一件事' }),
      'key-1-abcdef',
      cst('2026-09-04'),
    );
    await expect(refused).rejects.toBeInstanceOf(RuleViolationError);
    await expect(refused).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    await fileComplaint(world.complaintDeps, 'ag-other', aComplaint(), 'key-1-abcdef', cst('2026-09-04'));
    await file(world, '2026-09-04');
    expect((await open(world)).items).toHaveLength(2);
  });

  it('a retry racing the first (its key written meanwhile) answers as the first did', async () => {
    const world = await aWorld();
    const { store } = world.complaintDeps;
    const idempotency = store.idempotency.bind(store);
    let first: Awaited<ReturnType<typeof fileComplaint>> | undefined;
    // The racing retry reads no key, then the first one lands before it writes.
    store.idempotency = async () => {
      store.idempotency = idempotency;
      first = await fileComplaint(
        world.complaintDeps,
        AGENCY,
        aComplaint(),
        'key-2-abcdef',
        cst('2026-09-04'),
      );
      return undefined;
    };
    const loser = await fileComplaint(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      'key-2-abcdef',
      cst('2026-09-04'),
    );
    expect(loser).toEqual(first);
    expect((await open(world)).items).toHaveLength(1);
  });

  it("the portal's form key is bound to the platform secret: the same form files once, its code until the receipt showed it", async () => {
    const world = await aWorld();
    const formKey = '6f1c2a9e-2b1d-4c3e-9f00-0123456789ab';
    const first = await fileComplaintWithForm(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      formKey,
      cst('2026-09-04'),
    );
    expect(first.accessCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The form's key is no Idempotency-Key of the API: used there, it files another complaint.
    const api = await fileComplaint(world.complaintDeps, AGENCY, aComplaint(), formKey, cst('2026-09-04'));
    expect(api.complaintId).not.toBe(first.complaintId);
    const lostAnswer = await fileComplaintWithForm(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      formKey,
      cst('2026-09-04'),
    );
    expect(lostAnswer).toEqual(first);
    expect(await markComplaintCodeShown(world.complaintDeps, first.complaintId, cst('2026-09-04'))).toBe(
      true,
    );
    expect(await markComplaintCodeShown(world.complaintDeps, first.complaintId, cst('2026-09-04'))).toBe(
      false,
    );
    const afterShown = await fileComplaintWithForm(
      world.complaintDeps,
      AGENCY,
      aComplaint(),
      formKey,
      cst('2026-09-04'),
    );
    expect(afterShown).toEqual({ ...first, accessCode: null });
    expect((await open(world)).items).toHaveLength(2);
  });
});
