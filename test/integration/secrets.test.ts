import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { anAgencyWithStaff, aRegisteredApplication, api } from '#test/support/api';

/** Issue 12, point 6: secrets never reach a log, and a token sent in a query string is refused. */
describe('secrets stay out of query strings and logs', () => {
  it('an access token in a query string is refused (400 naming it), and the log holds neither it nor any JWT', async () => {
    const agency = await anAgencyWithStaff();
    const { trackingNumber, accessToken } = await aRegisteredApplication(
      agency.agencyId,
      agency.tokens.clerk,
    );

    const inQuery = await api(
      'GET',
      `/v1/applications/${trackingNumber}?accessToken=${encodeURIComponent(accessToken)}`,
    );
    expect(inQuery.status).toBe(400);
    expect(inQuery.json.errors).toEqual([
      { path: 'query.accessToken', message: 'must not carry a token; use the header' },
    ]);
    expect(inQuery.text).not.toContain(accessToken);
    // The header still works.
    const inHeader = await api('GET', `/v1/applications/${trackingNumber}`, {
      headers: { 'x-access-token': accessToken },
    });
    expect(inHeader.status).toBe(200);
    // A staff token in the query string is refused too, with or without a valid Authorization header.
    const staffInQuery = await api(
      'GET',
      `/v1/agencies/${agency.agencyId}/profile?access_token=${agency.tokens.clerk}`,
      { token: agency.tokens.clerk },
    );
    expect(staffInQuery.status).toBe(400);
    expect(staffInQuery.json.errors[0].path).toBe('query.access_token');

    const log = await readFile(inject('localCloudLog'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(accessToken);
    expect(log).not.toContain(agency.tokens.clerk);
    // No JWT of anyone, from any test so far: a signed token starts with a base64url JSON header.
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});
