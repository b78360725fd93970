import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TOKEN_LIFETIME_SECONDS, signLocalIdToken } from '#lib/adapters/local-staff-directory';
import type { HttpEvent } from '#lib/http/request';
import { startGateway, type Gateway, type HttpHandler } from '#infra/local/gateway';
import { loadOrCreateIdentity, tokenVerifier, type LocalIdentity } from '#infra/local/identity';

/**
 * The local gateway on its own, with handlers that record the event they get: it must build the event
 * API Gateway builds (payload 2.0) and check tokens as the JWT authorizer does.
 */
describe('the local gateway', () => {
  const seen: HttpEvent[] = [];
  const requestLines: { method: string; path: string; status: number }[] = [];
  let gateway: Gateway;
  let identity: LocalIdentity;
  const fixedNow = new Date('2026-09-28T01:30:00Z');
  const recorder: HttpHandler = async (event) => {
    seen.push(event);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ok: true }),
    };
  };

  beforeAll(async () => {
    identity = await loadOrCreateIdentity('https://gongkai.local/issuer');
    gateway = await startGateway({
      port: 0,
      verifyToken: await tokenVerifier(identity),
      loadHandler: async () => recorder,
      clock: () => fixedNow,
      allowClockHeader: false,
      throttle: true,
      onRequest: ({ method, path, status }) => requestLines.push({ method, path, status }),
    });
  });
  afterAll(async () => gateway.close());

  const last = (): HttpEvent => {
    const event = seen.at(-1);
    if (event === undefined) throw new Error('no event');
    return event;
  };
  const tokenFor = (
    overrides: Partial<{ roles: ('clerk' | 'reviewer')[]; agencyId: string }> = {},
    now = new Date(),
    lifetime?: number,
  ) =>
    signLocalIdToken(
      identity,
      {
        staffId: 'stf_x',
        agencyId: overrides.agencyId ?? 'a1',
        roles: overrides.roles ?? ['clerk', 'reviewer'],
        email: 'x@y.cn',
        name: 'X',
      },
      now,
      lifetime,
    );

  it('builds a payload 2.0 event: route key, raw path and query, lower-cased joined headers, cookies, decoded path parameters, the clock', async () => {
    const token = await tokenFor();
    const response = await fetch(`${gateway.url}/v1/agencies/demo%2Dcity/staff/stf_1?b=2&a=1&a=3`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'X-Custom': 'v',
        cookie: 'c1=1; c2=2',
        'content-type': 'application/json',
      },
      body: '{"version":1,"enabled":false}',
    });
    expect(response.status).toBe(200);
    const event = last();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'PATCH /v1/agencies/{agencyId}/staff/{staffId}',
      rawPath: '/v1/agencies/demo%2Dcity/staff/stf_1',
      rawQueryString: 'b=2&a=1&a=3',
      queryStringParameters: { a: '1,3', b: '2' },
      pathParameters: { agencyId: 'demo-city', staffId: 'stf_1' },
      cookies: ['c1=1', 'c2=2'],
      body: '{"version":1,"enabled":false}',
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('v');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext).toMatchObject({
      routeKey: 'PATCH /v1/agencies/{agencyId}/staff/{staffId}',
      stage: '$default',
      timeEpoch: fixedNow.getTime(),
      time: '28/Sep/2026:01:30:00 +0000',
      http: { method: 'PATCH', path: '/v1/agencies/demo%2Dcity/staff/stf_1' },
    });
    expect(event.requestContext.authorizer?.jwt?.claims).toMatchObject({
      'cognito:username': 'stf_x',
      'custom:agencyId': 'a1',
      'cognito:groups': '[clerk reviewer]',
      token_use: 'id',
    });
    for (const value of Object.values(event.requestContext.authorizer?.jwt?.claims ?? {}))
      expect(typeof value).toBe('string');
  });

  it('public routes get no authorizer context, even with a token', async () => {
    await fetch(`${gateway.url}/v1/health`, { headers: { authorization: `Bearer ${await tokenFor()}` } });
    expect(last().requestContext.authorizer).toBeUndefined();
    expect(last().pathParameters).toBeUndefined();
    expect(last().queryStringParameters).toBeUndefined();
  });

  it('a binary body arrives base64-encoded', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251]);
    await fetch(`${gateway.url}/v1/agencies/a1/profile`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await tokenFor()}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(last()).toMatchObject({ isBase64Encoded: true, body: bytes.toString('base64') });
  });

  it('tokens: missing, expired, from another issuer or audience are 401 before any handler runs', async () => {
    const before = seen.length;
    const other = await loadOrCreateIdentity('https://elsewhere.example/issuer');
    const foreign = await signLocalIdToken(
      other,
      { staffId: 's', agencyId: 'a1', roles: ['clerk'], email: 'e@x.cn', name: 'n' },
      new Date(),
    );
    const expired = await tokenFor({}, new Date(Date.now() - 2 * LOCAL_TOKEN_LIFETIME_SECONDS * 1000));
    const wrongAudience = await signLocalIdToken(
      { ...identity, audience: 'another-client' },
      { staffId: 's', agencyId: 'a1', roles: ['clerk'], email: 'e@x.cn', name: 'n' },
      new Date(),
    );
    for (const authorization of [
      undefined,
      `Bearer ${foreign}`,
      `Bearer ${expired}`,
      `Bearer ${wrongAudience}`,
      'Bearer ',
    ]) {
      const response = await fetch(`${gateway.url}/v1/agencies/a1/profile`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(seen.length).toBe(before);
    // API Gateway takes the token with or without the Bearer prefix.
    expect(
      (await fetch(`${gateway.url}/v1/agencies/a1/profile`, { headers: { authorization: await tokenFor() } }))
        .status,
    ).toBe(200);
  });

  it('its request log lines hold the path without the query string, and never a token', async () => {
    requestLines.length = 0;
    const token = await tokenFor();
    await fetch(`${gateway.url}/v1/agencies/a1/profile?nextToken=page-secret&accessToken=query-secret`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(requestLines).toEqual([{ method: 'GET', path: '/v1/agencies/a1/profile', status: 200 }]);
    const logged = JSON.stringify(requestLines);
    for (const secret of ['page-secret', 'query-secret', token, '?']) expect(logged).not.toContain(secret);
  });

  it('unmatched requests go to the fallback function with route key $default', async () => {
    await fetch(`${gateway.url}/v1/nowhere`);
    expect(last().routeKey).toBe('$default');
  });

  it('throttles a public route beyond its burst with 429 problem+json', async () => {
    const responses = await Promise.all(
      Array.from({ length: 160 }, () => fetch(`${gateway.url}/v1/openapi.json`)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(100);
    const throttled = responses.find((response) => response.status === 429);
    expect(throttled?.headers.get('content-type')).toBe('application/problem+json');
  });

  it('a body over 10 MB is 413', async () => {
    const response = await fetch(`${gateway.url}/v1/agencies`, {
      method: 'POST',
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
  });
});
