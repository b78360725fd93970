import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteDefinition } from '#lib/api/routes';
import { DEFAULT_REVIEW_CHAIN } from '#lib/domain/submission/review-chain';
import {
  aDocument,
  aPublishedDocument,
  ALL_AGENCY_ROLES,
  aNewAgency,
  aStaffMember,
  anApplicant,
  anInformationRequest,
  api,
  aRegisteredApplication,
  platformToken,
} from '#test/support/api';

/**
 * Generated malformed bodies — wrong types, missing fields, huge strings, impossible dates, unicode edge
 * cases — on every route that takes a body: only 4xx problem+json, and no record left behind.
 */
const routesWithBodies = (routes as readonly RouteDefinition[]).filter((route) => route.body !== undefined);

const nasty = fc.oneof(
  fc.constant(''),
  fc.constant('x'.repeat(20_000)),
  fc.constant('2026-02-30'),
  fc.constant('9999-99-99'),
  fc.constant('\u0000\u0001\u200b\u202e'),
  fc.constant('\ud800'),
  fc.constant('😀'.repeat(3000)),
  fc.constant('<script>alert(1)</script>'),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Replaces one path of a valid body with a nasty value, or drops it. */
function mutate(body: unknown, path: string[], value: unknown, drop: boolean): unknown {
  if (path.length === 0) return value;
  if (body === null || typeof body !== 'object') return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(body)
    ? ([...body] as unknown as Record<string, unknown>)
    : { ...(body as Record<string, unknown>) };
  if (head === undefined) return copy;
  if (rest.length === 0 && drop)
    return Object.fromEntries(Object.entries(copy).filter(([key]) => key !== head));
  copy[head] = mutate(copy[head], rest, value, drop);
  return copy;
}

function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

describe('fuzzing every route that takes a body', () => {
  let agencyId: string;
  let token: string;
  let application: { trackingNumber: string; accessToken: string; version: number };
  let staffId: string;
  let submissionId: string;
  let publicationId: string;
  const valid: Record<string, unknown> = {};

  beforeAll(async () => {
    agencyId = (await aNewAgency()).agencyId;
    const member = await aStaffMember(agencyId, ALL_AGENCY_ROLES);
    token = member.token;
    staffId = member.staffId;
    application = await aRegisteredApplication(agencyId, token);
    Object.assign(valid, {
      'POST /v1/agencies/{agencyId}/applications': {
        applicant: anApplicant(),
        request: anInformationRequest(),
      },
      'POST /v1/agencies/{agencyId}/applications/registrations': {
        channel: 'fax',
        receivedOn: '2026-09-28',
        applicant: anApplicant(),
        request: anInformationRequest(),
      },
      'POST /v1/agencies/{agencyId}/applications/{id}/decision': {
        outcome: 'not_disclosed',
        reason: 'state_secret',
        legalBasis: 'x',
        reasons: 'y',
      },
      'POST /v1/agencies/{agencyId}/applications/{id}/fee-notice': {
        basis: { method: 'by_volume', pages: 100 },
        explanation: 'x',
      },
      'POST /v1/agencies/{agencyId}/applications/{id}/extension': { workingDays: 5, reason: 'x' },
      'POST /v1/agencies/{agencyId}/applications/{id}/consultations/{cid}/disclosure-notice': {
        content: 'x',
        reasons: 'y',
      },
      'PUT /v1/agencies/{agencyId}/reconsideration': {
        version: 1,
        reconsideration: { vertical: false, reconsidersOwnDecisions: false, bodyName: 'x' },
      },
      'POST /v1/agencies/{agencyId}/applications/{id}/clarification-request': {
        items: ['x'],
        periodWorkingDays: 10,
      },
      'POST /v1/agencies/{agencyId}/staff': { email: 'fuzz@x.cn', name: 'fuzz', roles: ['clerk'] },
      'PUT /v1/agencies/{agencyId}/profile': {
        version: 1,
        profile: {
          officeName: 'o',
          head: 'h',
          address: 'a',
          openingHours: 'h',
          phone: '010-1234567',
          fax: null,
          email: 'a@b.cn',
          website: null,
        },
      },
      'POST /v1/uploads': { contentType: 'application/pdf', size: 10, fileName: 'a.pdf' },
      'POST /v1/agencies/{agencyId}/submissions': aDocument(),
      'POST /v1/agencies/{agencyId}/complaints': {
        complainant: { name: '张三', contact: '010-1234567' },
        subject: '投诉',
        details: '答复逾期',
      },
      'POST /v1/agencies/{agencyId}/complaints/{complaintId}/reply': { reply: 'x', upheld: false },
      'PUT /v1/agencies/{agencyId}/submissions/{submissionId}': { version: 1, content: aDocument() },
      'POST /v1/agencies/{agencyId}/submissions/{submissionId}/reviews': {
        step: 'first_review',
        verdict: 'approve',
        opinion: 'x',
      },
      'PUT /v1/agencies/{agencyId}/annual-reports/{year}/figures': {
        version: 0,
        licensing: 1,
        penalties: 2,
        enforcement: 3,
        feeIncomeTenThousandYuan: 4.5,
        inForceAtStartOfYear: { rules: 3, normativeDocuments: 4 },
      },
      'PUT /v1/agencies/{agencyId}/annual-reports/{year}': {
        version: 1,
        general: 'x',
        problems: 'y',
        other: 'z',
      },
      'POST /v1/agencies/{agencyId}/annual-reports/{year}/publication': { version: 1 },
      'POST /v1/agencies/{agencyId}/roll-ups/{year}/publication': { version: 0 },
      'POST /v1/agencies/{agencyId}/legal-challenges': {
        kind: 'litigation_direct',
        filedOn: '2026-03-01',
        caseNumber: '（2026）京01行初1号',
        outcome: 'pending',
      },
      'PUT /v1/agencies/{agencyId}/legal-challenges/{challengeId}': {
        version: 1,
        outcome: 'upheld',
        concludedOn: '2026-04-01',
      },
      'PUT /v1/agencies/{agencyId}/review-chain': { version: 1, steps: [...DEFAULT_REVIEW_CHAIN] },
      'POST /v1/agencies/{agencyId}/periodic-obligations': {
        version: 1,
        title: 'x',
        category: 'budgets',
        cadence: 'monthly',
        publishWithinWorkingDays: 10,
      },
    });
    submissionId = (await api('POST', `/v1/agencies/${agencyId}/submissions`, { token, body: aDocument() }))
      .json.id;
    publicationId = (await aPublishedDocument(agencyId)).publicationId;
  });

  it.each(routesWithBodies.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s',
    async (key, route) => {
      const schema = route.body;
      if (schema === undefined) throw new Error('no body schema');
      const path = route.path
        .replace('{agencyId}', agencyId)
        .replace('{id}', application.trackingNumber)
        .replace('{cid}', 'c00000000')
        .replace('{staffId}', staffId)
        .replace('{trackingNumber}', application.trackingNumber)
        .replace('{year}', '2099')
        .replace('{submissionId}', submissionId)
        .replace('{publicationId}', publicationId)
        .replace('{complaintId}', 'cmp_000000000000')
        .replace('{challengeId}', 'chl_000000000000');
      const base = valid[key] ?? {};
      const candidates = fc.sample(
        fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc
            .tuple(fc.constantFrom(...pathsOf(base)), nasty, fc.boolean())
            .map(([where, value, drop]) => mutate(base, where, value, drop)),
        ),
        { numRuns: 30, seed: 20261125 },
      );
      const invalid = candidates.filter((candidate) => !schema.safeParse(candidate).success);
      expect(invalid.length).toBeGreaterThan(10);
      for (const body of invalid) {
        const response = await api(route.method, path, {
          token:
            route.access === 'staff'
              ? route.path.startsWith('/v1/calendars') || route.path === '/v1/agencies'
                ? platformToken()
                : token
              : undefined,
          rawBody: JSON.stringify(body),
          headers: { 'content-type': 'application/json', 'x-access-token': application.accessToken },
        });
        expect(
          response.status,
          `${JSON.stringify(body).slice(0, 200)} → ${response.text.slice(0, 300)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.contentType).toBe('application/problem+json');
      }
    },
  );

  it('left no record behind', async () => {
    const queue = await api('GET', `/v1/agencies/${agencyId}/applications`, { token });
    expect(queue.json.items.map((item: { trackingNumber: string }) => item.trackingNumber)).toEqual([
      application.trackingNumber,
    ]);
    const view = await api('GET', `/v1/agencies/${agencyId}/applications/${application.trackingNumber}`, {
      token,
    });
    expect(view.json.version).toBe(application.version);
    const submission = await api('GET', `/v1/agencies/${agencyId}/submissions/${submissionId}`, { token });
    expect(submission.json).toMatchObject({ version: 1, status: 'draft' });
    const drafts = await api('GET', `/v1/agencies/${agencyId}/submissions?status=draft`, { token });
    expect(drafts.json.items).toHaveLength(1);
    expect((await api('GET', `/v1/agencies/${agencyId}/complaints`, { token })).json.items).toEqual([]);
    expect((await api('GET', `/v1/publications/${publicationId}`)).json.status).toBe('published');
    const profile = await api('GET', `/v1/agencies/${agencyId}/profile`, { token });
    // One change only: none of the fuzzed configuration requests went through.
    expect(profile.json).toMatchObject({ version: 1, reviewChain: null, obligations: [], catalogue: null });
    expect((await api('GET', '/v1/calendars/2099')).json.source).toBe('provisional');
    expect((await api('GET', `/v1/agencies/${agencyId}/legal-challenges`, { token })).json.items).toEqual([]);
    expect((await api('GET', `/v1/agencies/${agencyId}/annual-reports/2099/draft`, { token })).status).toBe(
      404,
    );
  });
});
