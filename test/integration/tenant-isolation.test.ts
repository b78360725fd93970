import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteDefinition } from '#lib/api/routes';
import { DEFAULT_REVIEW_CHAIN } from '#lib/domain/submission/review-chain';
import {
  aDocument,
  aPublishedDocument,
  ALL_AGENCY_ROLES,
  aNewAgency,
  anApplicant,
  anInformationRequest,
  aRegisteredApplication,
  aSchedule2027,
  aStaffMember,
  anOffice,
  api,
} from '#test/support/api';

/**
 * Every staff route, called by staff of another agency who hold every agency role, is 403 and reveals
 * nothing of the victim's records. The list of routes comes from the route table, so a new staff route
 * is covered the day it is added. The victim sits in a tree (a government above it, a sibling beside it,
 * a unit below it): the supervisor of the government above reads every staff `GET` route of the victim
 * and changes nothing; the supervisors beside and below see nothing.
 */
const staffRoutes = (routes as readonly RouteDefinition[]).filter((route) => route.access === 'staff');

/** A plausible, valid request for each route, so that only the tenant check can refuse it. */
const validBodies: Record<string, unknown> = {
  'PUT /v1/agencies/{agencyId}/profile': { version: 1, profile: anOffice() },
  'POST /v1/agencies/{agencyId}/staff': { email: 'intruder@x.cn', name: 'intruder', roles: ['clerk'] },
  'PATCH /v1/agencies/{agencyId}/staff/{staffId}': { version: 1, enabled: false },
  'POST /v1/agencies': { agencyId: 'intruder-made', name: 'x', level: 'government' },
  'PUT /v1/calendars/{year}': aSchedule2027(),
  'PUT /v1/agencies/{agencyId}/policy': {
    version: 1,
    policy: {
      effectiveFrom: '2030-01-01',
      replyWorkingDays: 15,
      maxExtensionWorkingDays: 15,
      feePaymentWorkingDays: 20,
      clarificationPeriodWorkingDays: 15,
      consultationWorkingDays: 15,
    },
  },
  'POST /v1/agencies/{agencyId}/applications/registrations': {
    channel: 'letter_registered',
    receivedOn: '2026-09-28',
    applicant: anApplicant(),
    request: anInformationRequest(),
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/confirmation': {},
  'POST /v1/agencies/{agencyId}/applications/{id}/clarification-request': { items: ['请说明时间范围'] },
  'POST /v1/agencies/{agencyId}/applications/{id}/consultations': {
    party: 'third_party',
    name: '某公司',
    contact: '010-1234567',
    matter: '商业秘密',
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/consultations/{cid}/reply': {
    answer: 'consent',
    summary: '同意',
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/consultations/{cid}/disclosure-notice': {
    content: '合同金额',
    reasons: '公共利益',
  },
  'PUT /v1/agencies/{agencyId}/reconsideration': { version: 1, reconsideration: { bodyName: '入侵' } },
  'POST /v1/agencies/{agencyId}/applications/{id}/extension': { workingDays: 5, reason: '延期' },
  'POST /v1/agencies/{agencyId}/applications/{id}/suspension': { reason: '不可抗力' },
  'POST /v1/agencies/{agencyId}/applications/{id}/resumption': {},
  'POST /v1/agencies/{agencyId}/applications/{id}/fee-notice': {
    basis: { method: 'by_volume', pages: 100 },
    explanation: '页数较多',
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/fee-payment': {},
  'POST /v1/agencies/{agencyId}/applications/{id}/abandonment-review': {
    verdict: 'reopened',
    reason: '申请人住院',
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/decision': {
    outcome: 'disclosed',
    published: { where: '门户网站', publishedOn: '2026-01-05' },
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/delivery': {
    notice: 'clarification',
    deliveredOn: '2026-09-29',
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/reasons-request': { question: '请说明理由' },
  'POST /v1/agencies/{agencyId}/applications/{id}/reasons': { reasons: '研究需要' },
  'POST /v1/agencies/{agencyId}/applications/{id}/later-reply-date': {
    dueDate: '2026-11-30',
    reason: '调卷核对',
  },
  'POST /v1/agencies/{agencyId}/applications/{id}/assignment': { staffId: 'stf_00000000000000000000' },
  'PUT /v1/agencies/{agencyId}/catalogue': { version: 1, entries: [{ code: 'notices', name: '通知公告' }] },
  'PUT /v1/agencies/{agencyId}/review-chain': { version: 1, steps: [...DEFAULT_REVIEW_CHAIN] },
  'POST /v1/agencies/{agencyId}/periodic-obligations': {
    version: 1,
    title: '月报',
    category: 'budgets',
    cadence: 'monthly',
    publishWithinWorkingDays: 10,
  },
  'POST /v1/agencies/{agencyId}/submissions': aDocument(),
  'PUT /v1/agencies/{agencyId}/submissions/{submissionId}': { version: 1, content: aDocument() },
  'POST /v1/agencies/{agencyId}/submissions/{submissionId}/submission': {},
  'POST /v1/agencies/{agencyId}/submissions/{submissionId}/reviews': {
    step: 'first_review',
    verdict: 'approve',
    opinion: '同意',
  },
  'POST /v1/agencies/{agencyId}/publications/{publicationId}/withdrawal': {
    reason: '撤回',
    legalBasis: '依据',
  },
  'POST /v1/agencies/{agencyId}/complaints/{complaintId}/reply': { reply: '已整改', upheld: true },
  'PUT /v1/agencies/{agencyId}/annual-reports/{year}/figures': {
    version: 0,
    licensing: 1,
    penalties: 1,
    enforcement: 1,
    feeIncomeTenThousandYuan: 1,
  },
  'POST /v1/agencies/{agencyId}/annual-reports/{year}/draft': {},
  'PUT /v1/agencies/{agencyId}/annual-reports/{year}': {
    version: 1,
    general: '入侵',
    problems: '入侵',
    other: '入侵',
  },
  'POST /v1/agencies/{agencyId}/annual-reports/{year}/publication': { version: 1 },
  'POST /v1/agencies/{agencyId}/roll-ups/{year}/publication': { version: 0 },
  'POST /v1/agencies/{agencyId}/legal-challenges': { kind: 'reconsideration', filedOn: '2026-03-01' },
  'PUT /v1/agencies/{agencyId}/legal-challenges/{challengeId}': {
    version: 1,
    outcome: 'corrected',
    concludedOn: '2026-10-01',
  },
};

describe('tenant isolation on every staff route', () => {
  let victim: { agencyId: string };
  let victimStaffId: string;
  let victimClerk: string;
  let victimApplication: { trackingNumber: string; version: number };
  let victimConsultation: string;
  let intruderToken: string;
  let victimSubmission: string;
  let victimPublication: string;
  let victimComplaint: string;
  let victimChallenge: string;
  /** Supervisors of the agency above the victim, of its sibling and of the unit below it. */
  let above: string;
  let beside: string;
  let below: string;

  beforeAll(async () => {
    const government = await aNewAgency({ level: 'government' });
    victim = await aNewAgency({ parentAgencyId: government.agencyId });
    const clerk = await aStaffMember(victim.agencyId, ['clerk']);
    victimStaffId = clerk.staffId;
    victimClerk = clerk.token;
    const registered = await aRegisteredApplication(victim.agencyId, clerk.token);
    const consulted = await api(
      'POST',
      `/v1/agencies/${victim.agencyId}/applications/${registered.trackingNumber}/consultations`,
      {
        token: clerk.token,
        now: '2026-09-29T02:00:00Z',
        body: { party: 'third_party', name: '某公司', contact: '010-1234567', matter: '商业秘密' },
      },
    );
    victimConsultation = consulted.json.consultations[0].id;
    victimApplication = { trackingNumber: registered.trackingNumber, version: consulted.json.version };
    const submission = await api('POST', `/v1/agencies/${victim.agencyId}/submissions`, {
      token: clerk.token,
      body: aDocument({ audience: 'internal', title: '内部：张三的考核' }),
    });
    victimSubmission = submission.json.id;
    // A published internal item, to probe the publication routes with.
    const published = await aPublishedDocument(
      victim.agencyId,
      aDocument({ audience: 'internal', title: '内部：张三的考核' }),
    );
    victimPublication = published.publicationId;
    victimComplaint = (
      await api('POST', `/v1/agencies/${victim.agencyId}/complaints`, {
        body: { complainant: { name: '张三', contact: '010-1234567' }, subject: '投诉', details: '答复逾期' },
      })
    ).json.complaintId;
    const admin = await aStaffMember(victim.agencyId, ['agency_admin']);
    const challenge = await api('POST', `/v1/agencies/${victim.agencyId}/legal-challenges`, {
      token: admin.token,
      body: { kind: 'reconsideration', filedOn: '2026-02-01', caseNumber: '张三复〔2027〕1号' },
    });
    victimChallenge = challenge.json.id;
    const drafted = await api('POST', `/v1/agencies/${victim.agencyId}/annual-reports/2027/draft`, {
      token: admin.token,
      body: {},
    });
    expect(drafted.status).toBe(200);
    const other = await aNewAgency();
    intruderToken = (await aStaffMember(other.agencyId, ALL_AGENCY_ROLES)).token;
    const sibling = await aNewAgency({ parentAgencyId: government.agencyId });
    const unit = await aNewAgency({ parentAgencyId: victim.agencyId });
    above = (await aStaffMember(government.agencyId, ['supervisor'])).token;
    beside = (await aStaffMember(sibling.agencyId, ALL_AGENCY_ROLES)).token;
    below = (await aStaffMember(unit.agencyId, ALL_AGENCY_ROLES)).token;
  });

  const pathOf = (route: RouteDefinition) =>
    route.path
      .replace('{agencyId}', victim.agencyId)
      .replace('{staffId}', victimStaffId)
      .replace('{year}', '2027')
      .replace('{id}', victimApplication.trackingNumber)
      .replace('{cid}', victimConsultation)
      .replace('{submissionId}', victimSubmission)
      .replace('{publicationId}', victimPublication)
      .replace('{complaintId}', victimComplaint)
      .replace('{challengeId}', victimChallenge);

  it('covers every staff route of the route table', () => {
    for (const route of staffRoutes)
      expect(Object.keys(validBodies).concat(readOnly)).toContain(`${route.method} ${route.path}`);
  });

  const readOnly = staffRoutes
    .filter((route) => route.method === 'GET')
    .map((route) => `${route.method} ${route.path}`);

  it.each(staffRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s → 403 for another agency',
    async (key, route) => {
      const response = await api(route.method, pathOf(route), {
        token: intruderToken,
        body: validBodies[key],
      });
      expect(response.status).toBe(403);
      expect(response.contentType).toBe('application/problem+json');
      expect(response.text).not.toContain(victimStaffId);
      expect(response.text).not.toContain('李华');
      expect(response.text).not.toContain('张三');
    },
  );

  it.each(staffRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s → read by the supervisor above (GET only); 403 beside and below',
    async (key, route) => {
      const call = (token: string) => api(route.method, pathOf(route), { token, body: validBodies[key] });
      const fromAbove = await call(above);
      // Reads only, on routes a supervisor may call, and not what only the agency's own staff may see.
      const readable =
        route.method === 'GET' &&
        route.path.includes('{agencyId}') &&
        (route.supervision ?? 'read') === 'read' &&
        (route.roles === undefined || route.roles.includes('supervisor'));
      if (readable) {
        expect(fromAbove.status, fromAbove.text).not.toBe(403);
        expect(fromAbove.status, fromAbove.text).toBeLessThan(500);
      } else {
        expect(fromAbove.status, fromAbove.text).toBe(403);
      }
      for (const token of [beside, below]) {
        const refused = await call(token);
        expect(refused.status, refused.text).toBe(403);
        expect(refused.text).not.toContain('张三');
      }
    },
  );

  it('the supervisor above reads the work queue, identities masked; the case itself stays the agency’s', async () => {
    const queue = await api('GET', `/v1/agencies/${victim.agencyId}/applications`, { token: above });
    expect(queue.status).toBe(200);
    expect(queue.text).not.toContain('110101');
    expect(queue.json.items.map((item: { trackingNumber: string }) => item.trackingNumber)).toContain(
      victimApplication.trackingNumber,
    );
    const application = await api(
      'GET',
      `/v1/agencies/${victim.agencyId}/applications/${victimApplication.trackingNumber}`,
      { token: above },
    );
    expect(application.status).toBe(403);
    expect((await api('GET', `/v1/agencies/${victim.agencyId}/staff`, { token: above })).status).toBe(403);
  });

  it('the victim’s records are unchanged', async () => {
    const admin = await aStaffMember(victim.agencyId, ['agency_admin']);
    const profile = await api('GET', `/v1/agencies/${victim.agencyId}/profile`, { token: admin.token });
    expect(profile.json.version).toBe(1);
    const staff = await api('GET', `/v1/agencies/${victim.agencyId}/staff`, { token: admin.token });
    expect(
      staff.json.items.find((item: { staffId: string }) => item.staffId === victimStaffId),
    ).toMatchObject({ enabled: true, version: 1 });
    expect(staff.json.items.some((item: { email: string }) => item.email === 'intruder@x.cn')).toBe(false);
    const application = await api(
      'GET',
      `/v1/agencies/${victim.agencyId}/applications/${victimApplication.trackingNumber}`,
      { token: victimClerk },
    );
    expect(application.json).toMatchObject({
      version: victimApplication.version,
      status: 'consulting',
      assignee: null,
      decision: null,
    });
    const queue = await api('GET', `/v1/agencies/${victim.agencyId}/applications`, { token: victimClerk });
    expect(queue.json.items).toHaveLength(1);
    const submission = await api('GET', `/v1/agencies/${victim.agencyId}/submissions/${victimSubmission}`, {
      token: victimClerk,
    });
    expect(submission.json).toMatchObject({ version: 1, status: 'draft', signatures: [] });
    const publication = await api(
      'GET',
      `/v1/agencies/${victim.agencyId}/internal-publications/${victimPublication}`,
      { token: victimClerk },
    );
    expect(publication.json).toMatchObject({ status: 'published' });
    const report = await api('GET', `/v1/agencies/${victim.agencyId}/annual-reports/2027/draft`, {
      token: admin.token,
    });
    expect(report.json).toMatchObject({
      version: 1,
      status: 'draft',
      content: { narrative: { general: '' } },
    });
    const challenges = await api('GET', `/v1/agencies/${victim.agencyId}/legal-challenges`, {
      token: admin.token,
    });
    expect(challenges.json.items).toEqual([
      expect.objectContaining({ id: victimChallenge, version: 1, outcome: 'pending' }),
    ]);
    expect((await api('GET', `/v1/agencies/${victim.agencyId}/annual-reports/2027`)).status).toBe(404);
  });
});
