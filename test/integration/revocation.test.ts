import { describe, expect, it } from 'vitest';
import { aNewAgency, aRegisteredApplication, aStaffMember, api } from '#test/support/api';

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
