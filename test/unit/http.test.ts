import { describe, expect, it } from 'vitest';
import { matchRoute } from '#lib/api/route-match';
import { claimsAsAuthorizerPassesThem, parseGroupsClaim, principalFromClaims } from '#lib/http/claims';
import { httpFunction, ok } from '#lib/http/handler';
import { VersionConflictError } from '#lib/domain/errors';
import type { HttpEvent } from '#lib/http/request';
import { decodePageToken, encodePageToken } from '#lib/adapters/records-table';
import { loadConfig } from '#lib/config';

const anEvent = (overrides: Partial<HttpEvent> = {}, claims?: Record<string, string>): HttpEvent => ({
  version: '2.0',
  routeKey: 'GET /v1/health',
  rawPath: '/v1/health',
  rawQueryString: '',
  headers: {},
  isBase64Encoded: false,
  requestContext: {
    accountId: '0',
    apiId: 'x',
    domainName: 'x',
    domainPrefix: 'x',
    http: { method: 'GET', path: '/v1/health', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' },
    requestId: 'req-1',
    routeKey: 'GET /v1/health',
    stage: '$default',
    time: '',
    timeEpoch: Date.UTC(2026, 8, 28, 1, 30),
    ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
  },
  ...overrides,
});

describe('claims, as the HTTP API JWT authorizer passes them', () => {
  it('cognito:groups arrives as "[a b]" and becomes roles; unknown groups are ignored', () => {
    expect(parseGroupsClaim('[clerk reviewer]')).toEqual(['clerk', 'reviewer']);
    expect(parseGroupsClaim('clerk')).toEqual(['clerk']);
    expect(parseGroupsClaim(['approver'])).toEqual(['approver']);
    expect(parseGroupsClaim('[]')).toEqual([]);
    const principal = principalFromClaims({
      'cognito:username': 'stf_1',
      'custom:agencyId': 'a1',
      'cognito:groups': '[clerk wizard approver]',
    });
    expect(principal && [...principal.roles].sort()).toEqual(['approver', 'clerk']);
  });

  it('claims without a staff id or agency are no principal', () => {
    expect(principalFromClaims({ 'custom:agencyId': 'a1' })).toBeUndefined();
    expect(principalFromClaims({ 'cognito:username': 'stf_1', 'custom:agencyId': '' })).toBeUndefined();
  });

  it('the local gateway stringifies claims the same way', () => {
    expect(
      claimsAsAuthorizerPassesThem({
        'cognito:groups': ['clerk', 'reviewer'],
        exp: 12,
        ok: true,
        nested: { a: 1 },
      }),
    ).toEqual({
      'cognito:groups': '[clerk reviewer]',
      exp: '12',
      ok: 'true',
      nested: '{"a":1}',
    });
  });
});

describe('route matching', () => {
  it('a literal segment wins over a parameter, parameters are decoded', () => {
    const match = matchRoute('PATCH', '/v1/agencies/a%2Db/staff/stf_1');
    expect(match).toMatchObject({
      kind: 'matched',
      routeKey: 'PATCH /v1/agencies/{agencyId}/staff/{staffId}',
      pathParameters: { agencyId: 'a-b', staffId: 'stf_1' },
    });
  });
  it('unknown paths, wrong methods and broken encodings are told apart', () => {
    expect(matchRoute('GET', '/v1/nothing')).toEqual({ kind: 'not-found' });
    expect(matchRoute('DELETE', '/v1/agencies')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'POST'],
    });
    expect(matchRoute('GET', '/v1/agencies/%E0%A4%A/profile')).toEqual({ kind: 'bad-path' });
    expect(matchRoute('GET', '/v1/agencies//profile')).toEqual({ kind: 'not-found' });
  });
});

describe('the handler wrapper', () => {
  const handler = httpFunction('health', {
    'GET /v1/health': async (request) => {
      if (request.header('x-fail') === 'conflict') throw new VersionConflictError('changed');
      if (request.header('x-fail') === 'boom') throw new Error('secret internals');
      return ok({ now: request.now.toISOString() });
    },
  });

  it('now is the event time, not a clock read', async () => {
    const result = await handler(anEvent());
    expect(JSON.parse(result.body ?? '')).toEqual({ now: '2026-09-28T01:30:00.000Z' });
  });

  it('a domain error becomes its problem; an unknown error a generic 500 that hides its message', async () => {
    const conflict = await handler(anEvent({ headers: { 'x-fail': 'conflict' } }));
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(conflict.body ?? '')).toMatchObject({
      type: 'urn:gongkai:problem:version-conflict',
      detail: 'changed',
      requestId: 'req-1',
    });

    const boom = await handler(anEvent({ headers: { 'x-fail': 'boom' } }));
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret internals');
  });

  it('a route key the function does not serve is 404', async () => {
    const result = await handler(anEvent({ routeKey: 'GET /v1/agencies' }));
    expect(result.statusCode).toBe(404);
  });

  it('a staff route without claims is 401 even if the authorizer was bypassed', async () => {
    const reached: string[] = [];
    const stub = async () => {
      reached.push('handler');
      return ok({});
    };
    const agencies = httpFunction('staff', {
      'POST /v1/agencies/{agencyId}/staff': stub,
      'GET /v1/agencies/{agencyId}/staff': stub,
      'PATCH /v1/agencies/{agencyId}/staff/{staffId}': stub,
    });
    const result = await agencies(
      anEvent({ routeKey: 'GET /v1/agencies/{agencyId}/staff', pathParameters: { agencyId: 'a1' } }),
    );
    expect(result.statusCode).toBe(401);
    expect(reached).toEqual([]);
    const withClaims = await agencies(
      anEvent(
        { routeKey: 'GET /v1/agencies/{agencyId}/staff' },
        { 'cognito:username': 'stf_1', 'custom:agencyId': 'a1', 'cognito:groups': '[clerk]' },
      ),
    );
    expect(withClaims.statusCode).toBe(200);
    expect(reached).toEqual(['handler']);
  });
});

describe('page tokens', () => {
  it('round-trip, and refuse tokens of another listing or malformed ones', () => {
    const token = encodePageToken({
      pk: 'AGENCY#a',
      sk: 'CASE',
      gsi1pk: 'DIRECTORY#AGENCY',
      gsi1sk: 'AGENCY#a',
    });
    expect(token).not.toBeNull();
    const keys = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
    const decode = (value: string, partition = 'DIRECTORY#AGENCY') =>
      decodePageToken(value, keys, 'gsi1pk', partition);
    const tokenOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    expect(decode(token ?? '')).toMatchObject({ gsi1sk: 'AGENCY#a' });
    expect(() => decode(token ?? '', 'AGENCY#b#STAFF')).toThrow(/page token/);
    expect(() => decode('!!!')).toThrow(/page token/);
    expect(() => decode(tokenOf([1]))).toThrow(/page token/);
    // Missing, extra or empty key attributes would make DynamoDB fail: refused here with a 400.
    expect(() => decode(tokenOf({ pk: 'AGENCY#a', gsi1pk: 'DIRECTORY#AGENCY', gsi1sk: 'AGENCY#a' }))).toThrow(
      /page token/,
    );
    expect(() =>
      decode(tokenOf({ pk: '', sk: 'CASE', gsi1pk: 'DIRECTORY#AGENCY', gsi1sk: 'AGENCY#a' })),
    ).toThrow(/page token/);
    expect(() =>
      decode(tokenOf({ pk: 'a', sk: 'b', gsi1pk: 'DIRECTORY#AGENCY', gsi1sk: 'c', x: 'd' })),
    ).toThrow(/page token/);
  });
});

describe('configuration', () => {
  it('a missing variable fails with its name', () => {
    expect(() => loadConfig({ AWS_REGION: 'cn-north-1' }, { records: true })).toThrow(
      'Missing environment variable TABLE_NAME',
    );
    expect(() =>
      loadConfig({ AWS_REGION: 'cn-north-1', TABLE_NAME: 't' }, { records: true, staffDirectory: true }),
    ).toThrow(/USER_POOL_ID/);
    expect(() => loadConfig({}, {})).toThrow(/AWS_REGION/);
  });
  it('is frozen and picks the Cognito directory when USER_POOL_ID is set', () => {
    const config = loadConfig(
      { AWS_REGION: 'cn-north-1', TABLE_NAME: 't', USER_POOL_ID: 'pool' },
      { records: true, staffDirectory: true },
    );
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.staffDirectory).toEqual({ kind: 'cognito', userPoolId: 'pool' });
  });
});
