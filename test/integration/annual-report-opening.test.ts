import { describe, expect, it } from 'vitest';
import { anAgencyWithStaff, api, aRegisteredApplication } from '#test/support/api';

/**
 * An agency's first year in Gongkai: the applications pending on January 1 that Gongkai never received
 * are entered with the year's figures, and row 二 of the first report counts them.
 */
describe('the opening figure of pending applications (二、上年结转)', () => {
  it('is entered with the figures, counted in the draft, and taken away again', async () => {
    const agency = await anAgencyWithStaff();
    const url = `/v1/agencies/${agency.agencyId}/annual-reports/2026`;
    const asAdmin = { token: agency.tokens.agency_admin, now: '2027-01-05T02:00:00Z' };
    await aRegisteredApplication(agency.agencyId, agency.tokens.clerk, { receivedOn: '2026-09-28' });
    const figures = {
      licensing: 0,
      penalties: 0,
      enforcement: 0,
      feeIncomeTenThousandYuan: 0,
      pendingAtStartOfYear: { natural_person: 3, legal_service_agency: 1 },
    };
    const set = await api('PUT', `${url}/figures`, { ...asAdmin, body: { ...figures, version: 0 } });
    expect(set.status, set.text).toBe(200);
    const read = await api('GET', `${url}/figures`, { token: agency.tokens.clerk });
    expect(read.json.pendingAtStartOfYear).toEqual({
      natural_person: 3,
      commercial_enterprise: 0,
      research_institution: 0,
      social_welfare_organization: 0,
      legal_service_agency: 1,
      other: 0,
    });
    const drafted = await api('POST', `${url}/draft`, { ...asAdmin, body: {} });
    expect(drafted.status, drafted.text).toBe(200);
    expect(drafted.json.content.applications.natural_person).toMatchObject({
      carriedIn: 3,
      received: 1,
      carriedOut: 4,
    });
    expect(drafted.json.content.applications.legal_service_agency).toMatchObject({ carriedIn: 1 });
    expect(drafted.json.content.applications.total).toMatchObject({ carriedIn: 4 });

    const removed = await api('PUT', `${url}/figures`, {
      ...asAdmin,
      body: { ...figures, pendingAtStartOfYear: null, version: 1 },
    });
    expect(removed.status, removed.text).toBe(200);
    const redrafted = await api('POST', `${url}/draft`, { ...asAdmin, body: {} });
    expect(redrafted.json.content.applications.total).toMatchObject({ carriedIn: 0, carriedOut: 1 });
  });

  it('a negative count is 400 at the column', async () => {
    const agency = await anAgencyWithStaff();
    const refused = await api('PUT', `/v1/agencies/${agency.agencyId}/annual-reports/2026/figures`, {
      token: agency.tokens.agency_admin,
      body: {
        licensing: 0,
        penalties: 0,
        enforcement: 0,
        feeIncomeTenThousandYuan: 0,
        pendingAtStartOfYear: { natural_person: -1 },
        version: 0,
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toContainEqual(
      expect.objectContaining({ path: 'body.pendingAtStartOfYear.natural_person' }),
    );
  });
});
