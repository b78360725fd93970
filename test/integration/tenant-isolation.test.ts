import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteDefinition } from '#lib/api/routes';
import { ALL_AGENCY_ROLES, aNewAgency, aSchedule2027, aStaffMember, anOffice, api } from '#test/support/api';

/**
 * Every staff route, called by staff of another agency who hold every agency role, is 403 and reveals
 * nothing of the victim's records. The list of routes comes from the route table, so a new staff route
 * is covered the day it is added.
 */
const staffRoutes = (routes as readonly RouteDefinition[]).filter((route) => route.access === 'staff');

/** A plausible, valid request for each route, so that only the tenant check can refuse it. */
const validBodies: Record<string, unknown> = {
  'PUT /v1/agencies/{agencyId}/profile': { version: 1, profile: anOffice() },
  'POST /v1/agencies/{agencyId}/staff': { email: 'intruder@x.cn', name: 'intruder', roles: ['clerk'] },
  'PATCH /v1/agencies/{agencyId}/staff/{staffId}': { version: 1, enabled: false },
  'POST /v1/agencies': { agencyId: 'intruder-made', name: 'x', level: 'government' },
  'PUT /v1/calendars/{year}': aSchedule2027(),
};

describe('tenant isolation on every staff route', () => {
  let victim: { agencyId: string };
  let victimStaffId: string;
  let intruderToken: string;

  beforeAll(async () => {
    victim = await aNewAgency();
    victimStaffId = (await aStaffMember(victim.agencyId, ['clerk'])).staffId;
    const other = await aNewAgency();
    intruderToken = (await aStaffMember(other.agencyId, ALL_AGENCY_ROLES)).token;
  });

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
      const path = route.path
        .replace('{agencyId}', victim.agencyId)
        .replace('{staffId}', victimStaffId)
        .replace('{year}', '2027');
      const response = await api(route.method, path, { token: intruderToken, body: validBodies[key] });
      expect(response.status).toBe(403);
      expect(response.contentType).toBe('application/problem+json');
      expect(response.text).not.toContain(victimStaffId);
      expect(response.text).not.toContain('李华');
    },
  );

  it('the victim’s records are unchanged', async () => {
    const admin = await aStaffMember(victim.agencyId, ['agency_admin']);
    const profile = await api('GET', `/v1/agencies/${victim.agencyId}/profile`, { token: admin.token });
    expect(profile.json.version).toBe(1);
    const staff = await api('GET', `/v1/agencies/${victim.agencyId}/staff`, { token: admin.token });
    expect(
      staff.json.items.find((item: { staffId: string }) => item.staffId === victimStaffId),
    ).toMatchObject({ enabled: true, version: 1 });
    expect(staff.json.items.some((item: { email: string }) => item.email === 'intruder@x.cn')).toBe(false);
  });
});
