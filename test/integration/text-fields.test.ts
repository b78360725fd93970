import { beforeAll, describe, expect, it } from 'vitest';
import {
  aDocument,
  aRegisteredApplication,
  anAgencyWithStaff,
  anApplicant,
  anInformationRequest,
  api,
  platformToken,
  uniqueId,
} from '#test/support/api';

/**
 * Issue 12, point 5: every typed text field refuses hidden characters (controls, bidi controls, lone
 * surrogates, noncharacters) with a 400 naming the field; long text keeps its tabs and line breaks.
 */
describe('text fields refuse characters nobody types', () => {
  let agency: Awaited<ReturnType<typeof anAgencyWithStaff>>;
  beforeAll(async () => {
    agency = await anAgencyWithStaff();
  });

  const register = (applicant: Record<string, unknown>, request: Record<string, unknown> = {}) =>
    api('POST', `/v1/agencies/${agency.agencyId}/applications/registrations`, {
      token: agency.tokens.clerk,
      now: '2026-09-28T02:00:00Z',
      body: {
        channel: 'letter_registered',
        receivedOn: '2026-09-28',
        applicant: anApplicant(applicant),
        request: anInformationRequest(request),
      },
    });

  it.each([
    ['a bidi override', { name: '张\u202e三' }, 'body.applicant.name', 'a bidi control (U+202E)'],
    ['a bidi isolate', { name: '张\u2066三' }, 'body.applicant.name', 'a bidi control (U+2066)'],
    ['a NUL', { address: '北京\u0000市' }, 'body.applicant.address', 'a control character (U+0000)'],
    ['a C1 control', { name: '张\u0085三' }, 'body.applicant.name', 'a control character (U+0085)'],
    ['a lone surrogate', { name: '张\ud800三' }, 'body.applicant.name', 'a lone surrogate (U+D800)'],
    ['a noncharacter', { name: '张\ufffe三' }, 'body.applicant.name', 'a noncharacter (U+FFFE)'],
    ['a tab in a short field', { name: '张\t三' }, 'body.applicant.name', 'a control character (U+0009)'],
    [
      'a newline in a short field',
      { address: '北京\n市' },
      'body.applicant.address',
      'a control character (U+000A)',
    ],
  ])('%s in an applicant field is 400 naming it', async (_, applicant, path, found) => {
    const response = await register(applicant);
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([{ path, message: `must not contain ${found}` }]);
  });

  it('a supplementary-plane noncharacter or a lone surrogate in long text is 400 too', async () => {
    const response = await register({}, { description: '预算\u{1fffe}情况\udc00' });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      { path: 'body.request.description', message: 'must not contain a noncharacter (U+1FFFE)' },
    ]);
  });

  it('long text keeps tabs and line breaks (CRLF too); a bare carriage return is refused', async () => {
    const kept = await register({}, { description: '一、预算\t情况\n二、使用\r\n情况' });
    expect(kept.status).toBe(201);
    const bare = await register({}, { description: '一、预算\r二、使用' });
    expect(bare.status).toBe(400);
    expect(bare.json.errors).toEqual([
      { path: 'body.request.description', message: 'must not contain a control character (U+000D)' },
    ]);
  });

  it('the same check guards the fields of other routes: a document title, a staff name, an agency name', async () => {
    const document = await api('POST', `/v1/agencies/${agency.agencyId}/submissions`, {
      token: agency.tokens.clerk,
      body: aDocument({ title: '通知\u202e' }),
    });
    expect(document.status).toBe(400);
    expect(document.json.errors).toEqual([
      { path: 'body.title', message: 'must not contain a bidi control (U+202E)' },
    ]);
    const staff = await api('POST', `/v1/agencies/${agency.agencyId}/staff`, {
      token: platformToken(),
      body: { email: `${uniqueId('s')}@test.example.cn`, name: '职员\u0007', roles: ['clerk'] },
    });
    expect(staff.status).toBe(400);
    expect(staff.json.errors).toEqual([
      { path: 'body.name', message: 'must not contain a control character (U+0007)' },
    ]);
    const created = await api('POST', '/v1/agencies', {
      token: platformToken(),
      body: { agencyId: uniqueId('agency'), name: '测试\u2067机关', level: 'department' },
    });
    expect(created.status).toBe(400);
    expect(created.json.errors).toContainEqual({
      path: 'body.name',
      message: 'must not contain a bidi control (U+2067)',
    });
  });
});

/** Issue 12, point 20: what people type is taken as they mean it. */
describe('tracking numbers and blank fields as people type them', () => {
  let agency: Awaited<ReturnType<typeof anAgencyWithStaff>>;
  beforeAll(async () => {
    agency = await anAgencyWithStaff();
  });

  it('a tracking number typed in lower case finds the application, for the applicant and for staff', async () => {
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
    );
    const lower = trackingNumber.toLowerCase();
    expect(lower).not.toBe(trackingNumber);
    const page = await api('GET', `/v1/applications/${lower}`, {
      headers: { 'x-access-token': accessToken },
    });
    expect(page.status).toBe(200);
    expect(page.json.trackingNumber).toBe(trackingNumber);
    const staffView = await api('GET', `/v1/agencies/${agency.agencyId}/applications/${lower}`, {
      token: agency.tokens.clerk,
    });
    expect(staffView.status).toBe(200);
    expect(staffView.json.trackingNumber).toBe(trackingNumber);
  });

  it('a field a rule requires answers the same problem whether it is missing or blank', async () => {
    const decide = async (reasons: Record<string, string>) => {
      const { trackingNumber } = await aRegisteredApplication(agency.agencyId, agency.tokens.clerk);
      return api('POST', `/v1/agencies/${agency.agencyId}/applications/${trackingNumber}/decision`, {
        token: agency.tokens.clerk,
        now: '2026-10-09T02:00:00Z',
        body: {
          outcome: 'not_disclosed',
          reason: 'state_secret',
          legalBasis: '《条例》第十四条',
          ...reasons,
        },
      });
    };
    const missing = await decide({});
    const blank = await decide({ reasons: '   ' });
    expect(missing.status).toBe(422);
    expect(blank.status).toBe(422);
    expect(blank.json.type).toBe(missing.json.type);
    expect(blank.json.errors).toEqual(missing.json.errors);
    expect(missing.json.errors).toEqual([{ path: 'body.reasons', message: 'is required for this outcome' }]);
  });

  it('a field the form requires answers the same problem type whether it is missing or blank', async () => {
    const register = (applicant: Record<string, unknown>) =>
      api('POST', `/v1/agencies/${agency.agencyId}/applications/registrations`, {
        token: agency.tokens.clerk,
        now: '2026-09-28T02:00:00Z',
        body: {
          channel: 'letter_registered',
          receivedOn: '2026-09-28',
          applicant,
          request: anInformationRequest(),
        },
      });
    const { name: _name, ...nameless } = anApplicant();
    const missing = await register(nameless);
    const blank = await register({ ...nameless, name: '  ' });
    expect(missing.status).toBe(400);
    expect(blank.status).toBe(400);
    expect(blank.json.type).toBe(missing.json.type);
    expect(missing.json.errors.map((error: { path: string }) => error.path)).toEqual(['body.applicant.name']);
    expect(blank.json.errors.map((error: { path: string }) => error.path)).toEqual(['body.applicant.name']);
  });
});
