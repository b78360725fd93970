import { beforeAll, describe, expect, it } from 'vitest';
import {
  aDocument,
  anAgencyWithStaff,
  anUpload,
  api,
  archivedObjects,
  aStaffMember,
  drainStream,
} from '#test/support/api';

type Staff = Awaited<ReturnType<typeof anAgencyWithStaff>>;
let agency: Staff;
/** 初审 and 复审 are both signed by reviewers, never the same one. */
let secondReviewer: string;
beforeAll(async () => {
  agency = await anAgencyWithStaff();
  secondReviewer = (await aStaffMember(agency.agencyId, ['reviewer'])).token;
});

const at = (date: string) => `${date}T02:00:00Z`;
const base = () => `/v1/agencies/${agency.agencyId}`;
const submit = async (token: string, document: Record<string, unknown>, date = '2026-09-02') => {
  const created = await api('POST', `${base()}/submissions`, { token, body: document, now: at(date) });
  if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
  return created.json;
};
const send = (token: string, id: string, date = '2026-09-02') =>
  api('POST', `${base()}/submissions/${id}/submission`, { token, body: {}, now: at(date) });
const sign = (token: string, id: string, body: Record<string, unknown>, date = '2026-09-03') =>
  api('POST', `${base()}/submissions/${id}/reviews`, { token, body, now: at(date) });
const clearSecrecy = {
  risks: {
    state_secret: 'none',
    work_secret: 'none',
    commercial_secret: 'none',
    personal_privacy: 'none',
    security_stability: 'none',
  },
  outcome: 'clear',
};

/** Takes a submission through the default chain (初审 → 复审 → 保密审查 → 终审) with the agency's staff. */
async function throughTheChain(id: string, date = '2026-09-03') {
  expect(
    (
      await sign(
        agency.tokens.reviewer,
        id,
        { step: 'first_review', verdict: 'approve', opinion: '内容准确，同意' },
        date,
      )
    ).status,
  ).toBe(200);
  expect(
    (await sign(secondReviewer, id, { step: 'second_review', verdict: 'approve', opinion: '同意' }, date))
      .status,
  ).toBe(200);
  expect(
    (
      await sign(
        agency.tokens.secrecy_reviewer,
        id,
        { step: 'secrecy_review', verdict: 'approve', opinion: '不涉密', secrecy: clearSecrecy },
        date,
      )
    ).status,
  ).toBe(200);
  const approved = await sign(
    agency.tokens.approver,
    id,
    { step: 'approval', verdict: 'approve', opinion: '同意公开' },
    date,
  );
  expect(approved.status).toBe(200);
  return approved.json;
}

describe('the default chain to publication', () => {
  it('初审 → 复审 → 保密审查 → 终审 publishes, with a stable public address, archived', async () => {
    const interpretation = await anUpload('政策解读.pdf', '%PDF-1.4 解读');
    const created = await submit(
      agency.tokens.clerk,
      aDocument({
        policyDocument: true,
        interpretation: { uploadKey: interpretation, name: '政策解读.pdf' },
        documentKind: 'normative_document',
      }),
    );
    expect(created).toMatchObject({
      status: 'draft',
      publicationDueDate: (await api('GET', '/v1/deadlines?from=2026-09-01&workingDays=20')).json.dueDate,
    });
    const sent = await send(agency.tokens.clerk, created.id);
    expect(sent.json).toMatchObject({
      status: 'in_review',
      currentStepName: 'first_review',
      currentStepLabel: '初审',
      round: 1,
    });

    const queue = await api('GET', `${base()}/reviews/queue`, { token: agency.tokens.reviewer });
    expect(queue.json).toMatchObject({ step: 'first_review', stepLabel: '初审' });
    expect(queue.json.items.map((item: { id: string }) => item.id)).toContain(created.id);

    const published = await throughTheChain(created.id);
    expect(published).toMatchObject({
      status: 'published',
      publication: expect.stringMatching(/^\/v1\/publications\/pub_[0-9a-f]{12}$/),
    });
    expect(
      published.signatures.map(
        (signature: { step: string; verdict: string }) => `${signature.step}:${signature.verdict}`,
      ),
    ).toEqual([
      'first_review:approve',
      'second_review:approve',
      'secrecy_review:approve',
      'approval:approve',
    ]);

    const page = await api('GET', published.publication);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({
      title: '关于2026年城市道路维修计划的通知',
      version: 1,
      publishedOn: '2026-09-03',
      displayUntil: null,
      interpretation: { name: '政策解读.pdf' },
    });
    const listing = await api('GET', `${base()}/publications?category=plans&year=2026`);
    expect(listing.json.items.map((item: { publicationId: string }) => item.publicationId)).toContain(
      page.json.publicationId,
    );
    expect((await api('GET', `${base()}/publications?year=2025`)).json.items).toEqual([]);
    expect(
      (await api('GET', `${base()}/publications?q=${encodeURIComponent('道路维修')}`)).json.items.length,
    ).toBeGreaterThan(0);

    await drainStream();
    const archived = await archivedObjects(
      `agency=${agency.agencyId}/year=2026/publication/${page.json.publicationId}/`,
    );
    const keys = archived.map((object) => object.key);
    expect(keys.some((key) => key.endsWith('/v1/document.json'))).toBe(true);
    expect(archived.find((object) => object.key.includes('/v1/interpretation-'))?.body).toBe('%PDF-1.4 解读');
    const document = JSON.parse(
      archived.find((object) => object.key.endsWith('/v1/document.json'))?.body ?? '{}',
    );
    expect(document.signatures.map((signature: { label: string }) => signature.label)).toEqual([
      '初审',
      '复审',
      '保密审查',
      '终审',
    ]);
  });

  it('on-request and not-disclosed items are recorded, not published', async () => {
    const created = await submit(
      agency.tokens.clerk,
      aDocument({
        attribute: 'not_disclosed',
        attributeReason: '涉及国家秘密，依据《保守国家秘密法》不予公开',
      }),
    );
    // Reg. 26's deadline binds only what is to be proactively disclosed: none here.
    expect(created.publicationDueDate).toBeNull();
    await send(agency.tokens.clerk, created.id);
    const done = await throughTheChain(created.id);
    expect(done.status).toBe('recorded');
    expect(done.publication).toBeUndefined();
  });

  it('an on-request item and an internal one have no publication deadline; a proactive public one has', async () => {
    const onRequest = await submit(
      agency.tokens.clerk,
      aDocument({ attribute: 'on_request', attributeReason: '属于内部事务信息（条例第十六条）' }),
    );
    const internal = await submit(agency.tokens.clerk, aDocument({ audience: 'internal' }));
    const proactive = await submit(agency.tokens.clerk, aDocument());
    expect([onRequest, internal, proactive].map((item) => item.publicationDueDate)).toEqual([
      null,
      null,
      (await api('GET', '/v1/deadlines?from=2026-09-01&workingDays=20')).json.dueDate,
    ]);
    expect(proactive.publicationPeriod).toEqual({
      days: 20,
      unit: 'working_days',
      basis: '《政府信息公开条例》第二十六条',
    });
  });

  it('budgets are published within 20 natural days of approval (预算法 Art. 14), as the catalogue says', async () => {
    const budget = await submit(
      agency.tokens.clerk,
      aDocument({ category: 'budgets', title: '2026年部门预算', formedOn: '2026-09-01' }),
    );
    expect(budget).toMatchObject({
      publicationDueDate: '2026-09-21',
      publicationPeriod: { days: 20, unit: 'natural_days', basis: expect.stringContaining('预算法') },
    });
    const catalogue = await api('GET', `${base()}/catalogue`);
    expect(
      catalogue.json.entries.find((entry: { code: string }) => entry.code === 'budgets').deadline,
    ).toMatchObject({ days: 20, unit: 'natural_days' });
  });
});

describe('automatic return (退文)', () => {
  it.each([
    [{ attribute: 'on_request' }, 'attributeReason'],
    [{ attribute: 'not_disclosed' }, 'attributeReason'],
    [{ policyDocument: true }, 'interpretation'],
    [{ majorDecision: true }, 'participationEvidence'],
    [{ display: { kind: 'until', endsOn: '2026-09-10' } }, 'display.endsOn'],
  ])('%j is returned at once, naming what is missing', async (override, named) => {
    const created = await submit(agency.tokens.clerk, aDocument(override));
    const sent = await send(agency.tokens.clerk, created.id);
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe('returned');
    expect(sent.json.returnReasons.join(' ')).toContain(named);
  });

  it('lists every missing item together', async () => {
    const created = await submit(
      agency.tokens.clerk,
      aDocument({ attribute: 'on_request', policyDocument: true, majorDecision: true }),
    );
    const sent = await send(agency.tokens.clerk, created.id);
    expect(sent.json.returnReasons).toHaveLength(3);
  });
});

describe('signatures (签名把关)', () => {
  it('a reviewer may not sign their own submission', async () => {
    const both = await aStaffMember(agency.agencyId, ['clerk', 'reviewer']);
    const created = await submit(both.token, aDocument());
    await send(both.token, created.id);
    const own = await sign(both.token, created.id, {
      step: 'first_review',
      verdict: 'approve',
      opinion: '同意',
    });
    expect(own.status).toBe(403);
    expect(own.json.detail).toContain('own submission');
  });

  it('the same person may not sign two steps', async () => {
    const twoHats = await aStaffMember(agency.agencyId, ['reviewer', 'secrecy_reviewer']);
    const created = await submit(agency.tokens.clerk, aDocument());
    await send(agency.tokens.clerk, created.id);
    expect(
      (await sign(twoHats.token, created.id, { step: 'first_review', verdict: 'approve', opinion: '同意' }))
        .status,
    ).toBe(200);
    const second = await sign(twoHats.token, created.id, {
      step: 'second_review',
      verdict: 'approve',
      opinion: '同意',
    });
    expect(second.status).toBe(403);
    expect(second.json.detail).toContain('two steps');
    await sign(secondReviewer, created.id, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    const third = await sign(twoHats.token, created.id, {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '不涉密',
      secrecy: clearSecrecy,
    });
    expect(third.status).toBe(403);
  });

  it('only the current step, only by its role; the secrecy review states a conclusion per risk', async () => {
    const created = await submit(agency.tokens.clerk, aDocument());
    await send(agency.tokens.clerk, created.id);
    expect(
      (
        await sign(agency.tokens.approver, created.id, {
          step: 'approval',
          verdict: 'approve',
          opinion: '同意',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await sign(agency.tokens.approver, created.id, {
          step: 'first_review',
          verdict: 'approve',
          opinion: '同意',
        })
      ).status,
    ).toBe(403);
    await sign(agency.tokens.reviewer, created.id, {
      step: 'first_review',
      verdict: 'approve',
      opinion: '同意',
    });
    await sign(secondReviewer, created.id, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    const noConclusion = await sign(agency.tokens.secrecy_reviewer, created.id, {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '不涉密',
    });
    expect(noConclusion.status).toBe(422);
    const unsure = await sign(agency.tokens.secrecy_reviewer, created.id, {
      step: 'secrecy_review',
      verdict: 'approve',
      opinion: '可能涉及个人隐私',
      secrecy: { ...clearSecrecy, risks: { ...clearSecrecy.risks, personal_privacy: 'unsure' } },
    });
    expect(unsure.status).toBe(422);
  });

  it('a return goes back with reasons; resubmission starts the chain again and the history stays', async () => {
    const created = await submit(agency.tokens.clerk, aDocument());
    await send(agency.tokens.clerk, created.id);
    await sign(agency.tokens.reviewer, created.id, {
      step: 'first_review',
      verdict: 'approve',
      opinion: '同意',
    });
    await sign(secondReviewer, created.id, { step: 'second_review', verdict: 'approve', opinion: '同意' });
    const returned = await sign(agency.tokens.secrecy_reviewer, created.id, {
      step: 'secrecy_review',
      verdict: 'return',
      opinion: '第三段含个人电话，请删除后再报',
      secrecy: {
        ...clearSecrecy,
        risks: { ...clearSecrecy.risks, personal_privacy: 'present' },
        outcome: 'redact',
      },
    });
    expect(returned.json).toMatchObject({
      status: 'returned',
      returnReasons: ['第三段含个人电话，请删除后再报'],
    });
    const edited = await api('PUT', `${base()}/submissions/${created.id}`, {
      token: agency.tokens.clerk,
      body: { version: returned.json.version, content: aDocument({ body: '已删除个人信息的正文。' }) },
    });
    expect(edited.status).toBe(200);
    const resent = await send(agency.tokens.clerk, edited.json.id);
    expect(resent.json).toMatchObject({ status: 'in_review', currentStepName: 'first_review', round: 2 });
    const published = await throughTheChain(created.id, '2026-09-04');
    expect(
      published.signatures.map(
        (signature: { round: number; step: string; verdict: string }) =>
          `${signature.round}:${signature.step}:${signature.verdict}`,
      ),
    ).toEqual([
      '1:first_review:approve',
      '1:second_review:approve',
      '1:secrecy_review:return',
      '2:first_review:approve',
      '2:second_review:approve',
      '2:secrecy_review:approve',
      '2:approval:approve',
    ]);
  });
});

describe('audience, withdrawal and updates', () => {
  it('an internal item is invisible to the public and to other agencies, visible to the agency’s staff', async () => {
    const created = await submit(
      agency.tokens.clerk,
      aDocument({ audience: 'internal', title: '内部：干部考核办法' }),
    );
    await send(agency.tokens.clerk, created.id);
    const published = await throughTheChain(created.id);
    const id = published.publication.split('/').pop();
    expect((await api('GET', published.publication)).status).toBe(404);
    expect(
      (await api('GET', `${base()}/publications`)).json.items.some(
        (item: { publicationId: string }) => item.publicationId === id,
      ),
    ).toBe(false);
    const mine = await api('GET', `${base()}/internal-publications/${id}`, { token: agency.tokens.clerk });
    expect(mine.json).toMatchObject({ title: '内部：干部考核办法', audience: 'internal' });
    expect(
      (
        await api('GET', `${base()}/internal-publications`, { token: agency.tokens.supervisor })
      ).json.items.map((item: { publicationId: string }) => item.publicationId),
    ).toContain(id);
    const other = await anAgencyWithStaff();
    expect(
      (await api('GET', `${base()}/internal-publications/${id}`, { token: other.tokens.agency_admin }))
        .status,
    ).toBe(403);
    expect(
      (
        await api('GET', `/v1/agencies/${other.agencyId}/internal-publications/${id}`, {
          token: other.tokens.agency_admin,
        })
      ).status,
    ).toBe(404);
  });

  it('a withdrawal inside the display period needs a legal basis (422 without); after it the item is gone', async () => {
    const created = await submit(
      agency.tokens.clerk,
      aDocument({ display: { kind: 'until', endsOn: '2026-12-31' } }),
    );
    await send(agency.tokens.clerk, created.id);
    const published = await throughTheChain(created.id);
    const id = published.publication.split('/').pop();
    const url = `${base()}/publications/${id}/withdrawal`;
    const early = await api('POST', url, {
      token: agency.tokens.approver,
      body: { reason: '内容需更正' },
      now: at('2026-10-01'),
    });
    expect(early.status).toBe(422);
    expect(early.json.errors[0].path).toBe('body.legalBasis');
    expect(
      (
        await api('POST', url, {
          token: agency.tokens.clerk,
          body: { reason: 'x', legalBasis: 'y' },
          now: at('2026-10-01'),
        })
      ).status,
    ).toBe(403);
    const withdrawn = await api('POST', url, {
      token: agency.tokens.approver,
      body: { reason: '经复核涉及第三方权益', legalBasis: '《条例》第十五条' },
      now: at('2026-10-01'),
    });
    expect(withdrawn.status).toBe(200);
    expect((await api('GET', published.publication)).status).toBe(410);
    expect(
      (await api('GET', `${base()}/publications`)).json.items.some(
        (item: { publicationId: string }) => item.publicationId === id,
      ),
    ).toBe(false);
  });

  it('a display shorter than 15 days stands on its legal basis; after it, a reason is enough to withdraw', async () => {
    const legalBasis = '《某市政府投资项目管理办法》第十二条：公示期为5日';
    const created = await submit(
      agency.tokens.clerk,
      aDocument({
        title: '某项目审批结果公示',
        display: { kind: 'until', endsOn: '2026-09-08', legalBasis },
      }),
    );
    expect((await send(agency.tokens.clerk, created.id, '2026-09-03')).json.status).toBe('in_review');
    const published = await throughTheChain(created.id, '2026-09-03');
    const page = await api('GET', published.publication);
    expect(page.json).toMatchObject({ displayUntil: '2026-09-08', displayBasis: legalBasis });
    const withdrawn = await api('POST', `${base()}/publications/${page.json.publicationId}/withdrawal`, {
      token: agency.tokens.approver,
      body: { reason: '公示期满' },
      now: at('2026-09-09'),
    });
    expect(withdrawn.status).toBe(200);
  });

  it('an update goes through the chain again; the new version is current and the old one stays reachable', async () => {
    const created = await submit(agency.tokens.clerk, aDocument({ title: '道路维修计划（第一版）' }));
    await send(agency.tokens.clerk, created.id);
    const first = await throughTheChain(created.id);
    const edit = (changedOn?: string) =>
      api('PUT', `${base()}/submissions/${created.id}`, {
        token: agency.tokens.clerk,
        now: at('2026-09-10'),
        body: {
          version: first.version,
          content: aDocument({ title: '道路维修计划（更正版）' }),
          ...(changedOn === undefined ? {} : { changedOn }),
        },
      });
    // Reg. 26 (变更): the revision carries its date of change, and its deadline runs from it.
    const undated = await edit();
    expect(undated.status).toBe(422);
    expect(undated.json).toMatchObject({
      type: expect.stringContaining('invalid-change-date'),
      errors: [{ path: 'body.changedOn' }],
    });
    expect((await edit('2026-09-11')).json.errors).toEqual([
      { path: 'body.changedOn', message: 'must not be after today (2026-09-10)' },
    ]);
    const revised = await edit('2026-09-09');
    expect(revised.json).toMatchObject({
      status: 'draft',
      changedOn: '2026-09-09',
      publicationDueDate: (await api('GET', '/v1/deadlines?from=2026-09-09&workingDays=20')).json.dueDate,
    });
    await send(agency.tokens.clerk, created.id, '2026-09-10');
    const second = await throughTheChain(created.id, '2026-09-11');
    expect(second.publication).toBe(first.publication);
    const current = await api('GET', first.publication);
    expect(current.json).toMatchObject({
      title: '道路维修计划（更正版）',
      version: 2,
      latestVersion: 2,
      firstPublishedOn: '2026-09-03',
      publishedOn: '2026-09-11',
      formedOn: '2026-09-01',
      changedOn: '2026-09-09',
    });
    const old = await api('GET', `${first.publication}?version=1`);
    expect(old.json).toMatchObject({ title: '道路维修计划（第一版）', version: 1, latestVersion: 2 });
    expect((await api('GET', `${first.publication}?version=3`)).status).toBe(404);
  });
});

describe('catalogue and periodic obligations', () => {
  it('the public catalogue lists the defaults; an administrator edits it; a submission must use a catalogue code', async () => {
    const fresh = await anAgencyWithStaff();
    const catalogue = await api('GET', `/v1/agencies/${fresh.agencyId}/catalogue`);
    expect(catalogue.json.entries.map((entry: { code: string }) => entry.code)).toContain(
      'three_public_expenses',
    );
    const edited = await api('PUT', `/v1/agencies/${fresh.agencyId}/catalogue`, {
      token: fresh.tokens.agency_admin,
      body: {
        version: catalogue.json.version,
        entries: [
          { code: 'notices', name: '通知公告' },
          { code: 'budgets', name: '财政预决算' },
        ],
      },
    });
    expect(edited.status).toBe(200);
    const refused = await api('POST', `/v1/agencies/${fresh.agencyId}/submissions`, {
      token: fresh.tokens.clerk,
      body: aDocument({ category: 'plans' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].path).toBe('body.category');
  });

  it('a submission names the period of an obligation it fulfils; the period must fit the cadence', async () => {
    const read = await api('GET', `${base()}/periodic-obligations`, { token: agency.tokens.agency_admin });
    const declared = await api('POST', `${base()}/periodic-obligations`, {
      token: agency.tokens.agency_admin,
      body: {
        version: read.json.version,
        title: '月度财政收支情况',
        category: 'budgets',
        cadence: 'monthly',
        publishWithinWorkingDays: 15,
      },
    });
    expect(declared.status).toBe(201);
    const obligation = declared.json.obligations.at(-1);
    expect(obligation).toMatchObject({ cadence: 'monthly', id: expect.stringMatching(/^ob_/) });
    const wrong = await api('POST', `${base()}/submissions`, {
      token: agency.tokens.clerk,
      body: aDocument({ category: 'budgets', periodic: { obligationId: obligation.id, period: '2026-Q3' } }),
    });
    expect(wrong.status).toBe(422);
    const right = await submit(
      agency.tokens.clerk,
      aDocument({ category: 'budgets', periodic: { obligationId: obligation.id, period: '2026-08' } }),
    );
    await send(agency.tokens.clerk, right.id);
    expect((await throughTheChain(right.id)).status).toBe('published');
  });

  it('an agency names its own chain (三级审核 with 印前复核); a chain without 复审 or 保密审查 is refused', async () => {
    const fresh = await anAgencyWithStaff();
    const chain = await api('GET', `/v1/agencies/${fresh.agencyId}/review-chain`, {
      token: fresh.tokens.clerk,
    });
    expect(chain.json).toMatchObject({
      configured: false,
      issues: [],
      steps: [
        { id: 'first_review', label: '初审', role: 'reviewer', kind: 'review' },
        { id: 'second_review', label: '复审', role: 'reviewer', kind: 'review' },
        { id: 'secrecy_review', label: '保密审查', role: 'secrecy_reviewer', kind: 'secrecy_review' },
        { id: 'approval', label: '终审', role: 'approver', kind: 'final_approval' },
      ],
    });
    const put = (steps: unknown[]) =>
      api('PUT', `/v1/agencies/${fresh.agencyId}/review-chain`, {
        token: fresh.tokens.agency_admin,
        body: { version: chain.json.version, steps },
      });
    const withoutSecondReview = await put([
      { id: 'keshi', label: '科室初审', role: 'reviewer', kind: 'review' },
      { id: 'baomi', label: '保密审查', role: 'secrecy_reviewer', kind: 'secrecy_review' },
      { id: 'zhongshen', label: '终审', role: 'approver', kind: 'final_approval' },
      { id: 'fuhe', label: '印前复核', role: 'reviewer', kind: 'pre_publication_check' },
    ]);
    expect(withoutSecondReview.status).toBe(400);
    expect(JSON.stringify(withoutSecondReview.json.errors)).toContain('三级审核');
    const set = await put([
      { id: 'keshi', label: '科室初审', role: 'reviewer', kind: 'review' },
      { id: 'yusuanke', label: '预算科复审', role: 'reviewer', kind: 'review' },
      { id: 'baomi', label: '保密审查', role: 'secrecy_reviewer', kind: 'secrecy_review' },
      { id: 'zhongshen', label: '领导小组办公室终审', role: 'approver', kind: 'final_approval' },
      { id: 'fuhe', label: '印前复核', role: 'reviewer', kind: 'pre_publication_check' },
    ]);
    expect(set.status).toBe(200);
    const created = await api('POST', `/v1/agencies/${fresh.agencyId}/submissions`, {
      token: fresh.tokens.clerk,
      body: aDocument(),
    });
    await api('POST', `/v1/agencies/${fresh.agencyId}/submissions/${created.json.id}/submission`, {
      token: fresh.tokens.clerk,
      body: {},
    });
    const queue = await api('GET', `/v1/agencies/${fresh.agencyId}/reviews/queue?step=keshi`, {
      token: fresh.tokens.reviewer,
    });
    expect(queue.json).toMatchObject({
      step: 'keshi',
      stepLabel: '科室初审',
      items: [{ id: created.json.id }],
    });
    const path = `/v1/agencies/${fresh.agencyId}/submissions/${created.json.id}/reviews`;
    const [second, checker] = await Promise.all([
      aStaffMember(fresh.agencyId, ['reviewer']),
      aStaffMember(fresh.agencyId, ['reviewer']),
    ]);
    const steps = [
      [fresh.tokens.reviewer, { step: 'keshi' }],
      [second.token, { step: 'yusuanke' }],
      [fresh.tokens.secrecy_reviewer, { step: 'baomi', secrecy: clearSecrecy }],
      [fresh.tokens.approver, { step: 'zhongshen' }],
    ] as const;
    for (const [token, step] of steps) {
      const signed = await api('POST', path, {
        token,
        body: { ...step, verdict: 'approve', opinion: '同意' },
      });
      expect(signed.json).toMatchObject({ status: 'in_review' });
    }
    const done = await api('POST', path, {
      token: checker.token,
      body: { step: 'fuhe', verdict: 'approve', opinion: '复核无误' },
    });
    expect(done.json.status).toBe('published');
    expect(done.json.signatures.map((signature: { label: string }) => signature.label)).toEqual([
      '科室初审',
      '预算科复审',
      '保密审查',
      '领导小组办公室终审',
      '印前复核',
    ]);
  });
});

describe('reading-room listings', () => {
  it('a page token reused with other filters answers 400 naming it, never 500', async () => {
    for (const title of ['关于甲项目的通知', '关于乙项目的通知']) {
      const created = await submit(agency.tokens.clerk, aDocument({ title }));
      await send(agency.tokens.clerk, created.id);
      await throughTheChain(created.id);
    }
    const first = await api('GET', `${base()}/publications?limit=1&year=2026`);
    expect(first.json.nextToken).toEqual(expect.any(String));
    const token = encodeURIComponent(first.json.nextToken);
    const same = await api('GET', `${base()}/publications?limit=1&year=2026&nextToken=${token}`);
    expect(same.status).toBe(200);
    expect(same.json.items[0].publicationId).not.toBe(first.json.items[0].publicationId);
    for (const filters of ['year=2020', 'year=2027', 'year=2026&category=plans', 'year=2026&q=甲', '']) {
      const reused = await api(
        'GET',
        `${base()}/publications?limit=1&${encodeURI(filters)}&nextToken=${token}`,
      );
      expect([filters, reused.status]).toEqual([filters, 400]);
      expect(reused.json.errors).toEqual([
        { path: 'query.nextToken', message: 'is not a token this listing issued' },
      ]);
    }
  });
});
