import { describe, expect, it } from 'vitest';
import { signLocalIdToken } from '#lib/adapters/local-staff-directory';
import type { Role } from '#lib/domain/staff';
import {
  aNewAgency,
  aRegisteredApplication,
  aStaffMember,
  anOffice,
  api,
  localCloud,
  uniqueId,
} from '#test/support/api';

/** Issue 12, point 1: disabling or demoting staff bites at the next request, not when the token expires. */
describe('revocation at once', () => {
  const change = (agencyId: string, adminToken: string, staffId: string, body: Record<string, unknown>) =>
    api('PATCH', `/v1/agencies/${agencyId}/staff/${staffId}`, { token: adminToken, body });

  it('a disabled clerk’s still-valid token is refused at its next request (401)', async () => {
    const { agencyId } = await aNewAgency();
    const admin = await aStaffMember(agencyId, ['agency_admin']);
    const clerk = await aStaffMember(agencyId, ['clerk']);
    await aRegisteredApplication(agencyId, clerk.token);

    expect((await change(agencyId, admin.token, clerk.staffId, { version: 1, enabled: false })).status).toBe(
      200,
    );
    const after = await api('POST', `/v1/agencies/${agencyId}/applications/registrations`, {
      token: clerk.token,
      now: '2026-09-28T02:00:00Z',
      body: {},
    });
    expect(after.status).toBe(401);
    expect(after.json.detail).toBe('This staff account is disabled.');
    // Any staff route, not only the clerk's.
    expect((await api('GET', `/v1/agencies/${agencyId}/profile`, { token: clerk.token })).status).toBe(401);
  });

  it('a demoted clerk loses clerk powers at its next request (403), and stays a staff member', async () => {
    const { agencyId } = await aNewAgency();
    const admin = await aStaffMember(agencyId, ['agency_admin']);
    const clerk = await aStaffMember(agencyId, ['clerk', 'reviewer']);
    await aRegisteredApplication(agencyId, clerk.token);

    expect(
      (await change(agencyId, admin.token, clerk.staffId, { version: 1, roles: ['reviewer'] })).status,
    ).toBe(200);
    const after = await api('POST', `/v1/agencies/${agencyId}/applications/registrations`, {
      token: clerk.token,
      now: '2026-09-28T02:00:00Z',
      body: {},
    });
    expect(after.status).toBe(403);
    expect(after.json.detail).toBe('This action needs the role clerk.');
    expect((await api('GET', `/v1/agencies/${agencyId}/profile`, { token: clerk.token })).status).toBe(200);
  });
});

/** Issue 12, point 2: tokens dated ahead, and platform_admin outside the platform, are refused. */
describe('tokens the identity provider would not issue', () => {
  const mint = async (
    account: { staffId: string; email: string },
    agencyId: string,
    roles: Role[],
    issuedAt: Date,
  ) => {
    const issuer = localCloud().issuer;
    if (issuer === undefined) throw new Error('the test cloud hands out its issuer');
    return signLocalIdToken(issuer, { ...account, agencyId, roles, name: '职员' }, issuedAt);
  };

  it('a token issued 10 minutes ahead is refused (401); 4 minutes ahead is within the skew', async () => {
    const { agencyId } = await aNewAgency();
    const clerk = await aStaffMember(agencyId, ['clerk']);
    const ahead = await mint(clerk, agencyId, ['clerk'], new Date(Date.now() + 10 * 60_000));
    const refused = await api('GET', `/v1/agencies/${agencyId}/profile`, { token: ahead });
    expect(refused.status).toBe(401);
    expect(refused.json.detail).toBe('The staff token is issued in the future (iat).');
    const skewed = await mint(clerk, agencyId, ['clerk'], new Date(Date.now() + 4 * 60_000));
    expect((await api('GET', `/v1/agencies/${agencyId}/profile`, { token: skewed })).status).toBe(200);
  });

  it('a platform_admin group member whose account’s agency is not platform is refused (403)', async () => {
    const { agencyId } = await aNewAgency();
    const admin = await aStaffMember(agencyId, ['agency_admin']);
    const forged = await mint(admin, agencyId, ['agency_admin', 'platform_admin'], new Date());
    const created = await api('POST', '/v1/agencies', {
      token: forged,
      body: { agencyId: uniqueId('agency'), name: '伪造', level: 'department', profile: anOffice() },
    });
    expect(created.status).toBe(403);
    expect(created.json.detail).toBe('platform_admin is for platform accounts only.');
    // Even on its own agency's routes, the forged group is refused outright.
    expect((await api('GET', `/v1/agencies/${agencyId}/staff`, { token: forged })).status).toBe(403);
  });
});
