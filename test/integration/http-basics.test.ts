import { describe, expect, it } from 'vitest';
import { routeKeyOf, routes } from '#lib/api/routes';
import { api, localCloud } from '#test/support/api';

const PROBLEM = 'application/problem+json';

describe('the whole path, HTTP to DynamoDB and S3', () => {
  it('GET /v1/health reads the table and the archive and reports both up', async () => {
    const response = await api('GET', '/v1/health');
    expect(response.status).toBe(200);
    expect(response.json.status).toBe('ok');
    expect(response.json.dependencies.recordsTable).toMatchObject({
      status: 'up',
      detail: 'probe item read',
    });
    expect(response.json.dependencies.archiveBucket).toMatchObject({
      status: 'up',
      detail: 'probe object read',
    });
    expect(response.json.checkedAt).toMatch(/\+08:00$/);
  });

  it('an unknown route is 404 problem+json', async () => {
    const response = await api('GET', '/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.contentType).toBe(PROBLEM);
    expect(response.json).toMatchObject({
      status: 404,
      title: 'Not found',
      type: 'urn:gongkai:problem:not-found',
    });
  });

  it('a known path with the wrong method is 405 with Allow', async () => {
    const response = await api('DELETE', '/v1/agencies');
    expect(response.status).toBe(405);
    expect(response.contentType).toBe(PROBLEM);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('a malformed JSON body is 400 problem+json, never 500', async () => {
    const response = await api('POST', '/v1/agencies', {
      token: localCloud().tokens.platform_admin,
      rawBody: '{"agencyId": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.contentType).toBe(PROBLEM);
    expect(response.json.errors).toEqual([{ path: 'body', message: 'is not valid JSON' }]);
  });

  it('a body that is not JSON is 400 naming the content type', async () => {
    const response = await api('POST', '/v1/agencies', {
      token: localCloud().tokens.platform_admin,
      rawBody: 'agencyId=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].path).toBe('header.content-type');
  });

  it('a staff route without a token is 401 problem+json', async () => {
    const response = await api('GET', `/v1/agencies/${localCloud().agencyId}/profile`);
    expect(response.status).toBe(401);
    expect(response.contentType).toBe(PROBLEM);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('a forged or garbled token is 401', async () => {
    const real = localCloud().tokens.clerk;
    const [header, payload] = real.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    for (const token of [forged, 'not-a-jwt']) {
      const response = await api('GET', `/v1/agencies/${localCloud().agencyId}/profile`, { token });
      expect(response.status).toBe(401);
      expect(response.contentType).toBe(PROBLEM);
    }
  });

  it('GET /v1/openapi.json documents every route of the route table', async () => {
    const response = await api('GET', '/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    const documented = Object.entries(response.json.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map(routeKeyOf).sort());
    expect(
      response.json.paths['/v1/agencies'].post.requestBody.content['application/json'].schema,
    ).toBeDefined();
  });
});
