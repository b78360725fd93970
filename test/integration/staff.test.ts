import { describe, expect, it } from 'vitest';
import { aNewAgency, aStaffMember, api, localCloud, platformToken, uniqueId } from '#test/support/api';

describe('staff accounts', () => {
  it('an agency admin creates an account; the new token works; the account is listed', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const email = `${uniqueId('new')}@Test.Example.cn`;
    const created = await api('POST', `/v1/agencies/${agency.agencyId}/staff`, {
      token: admin.token,
      body: { email, name: '新职员', roles: ['reviewer', 'clerk'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(
      `/v1/agencies/${agency.agencyId}/staff/${created.json.staffId}`,
    );
    expect(created.json).toMatchObject({
      email: email.toLowerCase(),
      roles: ['clerk', 'reviewer'],
      enabled: true,
      version: 1,
    });
    expect(typeof created.json.token).toBe('string');

    const profile = await api('GET', `/v1/agencies/${agency.agencyId}/profile`, {
      token: created.json.token,
    });
    expect(profile.status).toBe(200);

    const list = await api('GET', `/v1/agencies/${agency.agencyId}/staff`, { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.json.items.map((item: { staffId: string }) => item.staffId).sort()).toEqual(
      [admin.staffId, created.json.staffId].sort(),
    );
    expect(list.json.items.every((item: Record<string, unknown>) => !('token' in item))).toBe(true);
  });

  it('an e-mail address belongs to one account: a second claim is 422 email-refused', async () => {
    const agency = await aNewAgency();
    const first = await aStaffMember(agency.agencyId, ['clerk']);
    const again = await api('POST', `/v1/agencies/${agency.agencyId}/staff`, {
      token: platformToken(),
      body: { email: first.email, name: '重复', roles: ['clerk'] },
    });
    expect(again.status).toBe(422);
    expect(again.json.errors).toEqual([{ path: 'body.email', message: 'cannot be used' }]);
  });

  it('an e-mail used in another agency answers exactly like any refused address (issue 12, point 7)', async () => {
    const mine = await aNewAgency();
    const theirs = await aNewAgency();
    const admin = await aStaffMember(mine.agencyId, ['agency_admin']);
    const ownClerk = await aStaffMember(mine.agencyId, ['clerk']);
    const theirClerk = await aStaffMember(theirs.agencyId, ['clerk']);
    const create = (email: string) =>
      api('POST', `/v1/agencies/${mine.agencyId}/staff`, {
        token: admin.token,
        body: { email, name: '新职员', roles: ['clerk'] },
      });
    const answerOf = async (email: string) => {
      const response = await create(email);
      const { requestId: _requestId, instance: _instance, ...problem } = response.json;
      return { status: response.status, contentType: response.contentType, problem };
    };
    const inOwnAgency = await answerOf(ownClerk.email);
    const inAnotherAgency = await answerOf(theirClerk.email);
    const onThePlatform = await answerOf(localCloud().staff.platform_admin.email);
    expect(inOwnAgency).toEqual({
      status: 422,
      contentType: 'application/problem+json',
      problem: {
        type: 'urn:gongkai:problem:email-refused',
        title: expect.any(String),
        status: 422,
        detail: 'This e-mail address cannot be used for a new staff account.',
        errors: [{ path: 'body.email', message: 'cannot be used' }],
      },
    });
    expect(inAnotherAgency).toEqual(inOwnAgency);
    expect(onThePlatform).toEqual(inOwnAgency);
    expect(JSON.stringify(inAnotherAgency)).not.toContain(theirs.agencyId);
  });

  it('disabling an account stops its sign-in; enabling it again restores it', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const clerk = await aStaffMember(agency.agencyId, ['clerk']);
    const signIn = () => api('POST', '/_local/sign-in', { body: { email: clerk.email } });
    expect((await signIn()).status).toBe(200);

    const disabled = await api('PATCH', `/v1/agencies/${agency.agencyId}/staff/${clerk.staffId}`, {
      token: admin.token,
      body: { version: 1, enabled: false },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.json).toMatchObject({ enabled: false, version: 2 });
    expect((await signIn()).status).toBe(403);

    const enabled = await api('PATCH', `/v1/agencies/${agency.agencyId}/staff/${clerk.staffId}`, {
      token: admin.token,
      body: { version: 2, enabled: true },
    });
    expect(enabled.json.enabled).toBe(true);
    const token = (await signIn()).json.token;
    expect((await api('GET', `/v1/agencies/${agency.agencyId}/profile`, { token })).status).toBe(200);
  });

  it('changing roles takes effect at the next sign-in', async () => {
    const agency = await aNewAgency();
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const member = await aStaffMember(agency.agencyId, ['clerk']);
    const changed = await api('PATCH', `/v1/agencies/${agency.agencyId}/staff/${member.staffId}`, {
      token: admin.token,
      body: { version: 1, roles: ['agency_admin'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.roles).toEqual(['agency_admin']);
    const token = (await api('POST', '/_local/sign-in', { body: { email: member.email } })).json.token;
    const list = await api('GET', `/v1/agencies/${agency.agencyId}/staff`, { token });
    expect(list.status).toBe(200);
  });

  it('rules: only admins manage staff; platform_admin only on platform accounts; stale version 409; bad input 400', async () => {
    const agency = await aNewAgency();
    const clerk = await aStaffMember(agency.agencyId, ['clerk']);
    const admin = await aStaffMember(agency.agencyId, ['agency_admin']);
    const path = `/v1/agencies/${agency.agencyId}/staff`;

    expect(
      (
        await api('POST', path, {
          token: clerk.token,
          body: { email: `${uniqueId()}@x.cn`, name: 'x', roles: ['clerk'] },
        })
      ).status,
    ).toBe(403);
    expect((await api('GET', path, { token: clerk.token })).status).toBe(403);

    const escalate = await api('POST', path, {
      token: admin.token,
      body: { email: `${uniqueId()}@x.cn`, name: 'x', roles: ['platform_admin'] },
    });
    expect(escalate.status).toBe(422);
    expect(escalate.json.errors[0].path).toBe('body.roles');

    const stale = await api('PATCH', `${path}/${clerk.staffId}`, {
      token: admin.token,
      body: { version: 7, enabled: false },
    });
    expect(stale.status).toBe(409);

    const empty = await api('PATCH', `${path}/${clerk.staffId}`, {
      token: admin.token,
      body: { version: 1 },
    });
    expect(empty.status).toBe(400);

    const invalid = await api('POST', path, {
      token: admin.token,
      body: { email: 'nope', name: '', roles: ['clerk', 'clerk', 'wizard'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.name']),
    );

    const unknown = await api('PATCH', `${path}/stf_00000000000000000000`, {
      token: admin.token,
      body: { version: 1, enabled: false },
    });
    expect(unknown.status).toBe(404);
  });

  it('a platform administrator sets up a new agency’s first administrator', async () => {
    const agency = await aNewAgency();
    const response = await api('POST', `/v1/agencies/${agency.agencyId}/staff`, {
      token: platformToken(),
      body: { email: `${uniqueId('first')}@x.cn`, name: '首任管理员', roles: ['agency_admin'] },
    });
    expect(response.status).toBe(201);
    const missing = await api('POST', '/v1/agencies/no-such-agency/staff', {
      token: platformToken(),
      body: { email: `${uniqueId()}@x.cn`, name: 'x', roles: ['clerk'] },
    });
    expect(missing.status).toBe(404);
  });
});
