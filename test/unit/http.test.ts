import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { matchRoute } from '#lib/api/route-match';
import { healthRoutes } from '#lib/api/routes/health';
import { staffRoutes } from '#lib/api/routes/staff';
import { claimsAsAuthorizerPassesThem, parseGroupsClaim, principalFromClaims } from '#lib/http/claims';
import { httpFunction, ok } from '#lib/http/handler';
import { logger } from '#lib/http/logger';
import { VersionConflictError } from '#lib/domain/errors';
import type { HttpEvent, StaffAccountOf } from '#lib/http/request';
import type { Role, StaffAccount } from '#lib/domain/staff';
import { decodePageToken, encodePageToken, pageScope } from '#lib/adapters/records-table';
import { loadConfig } from '#lib/config';
import { undeclaredAnswer } from '#test/support/declared-answers';

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
  let fail: 'conflict' | 'boom' | undefined;
  const handler = httpFunction(healthRoutes, {
    'GET /v1/health': async ({ now }) => {
      if (fail === 'conflict') throw new VersionConflictError('changed');
      if (fail === 'boom') throw new Error('secret internals');
      return ok({ now: now.toISOString() });
    },
  });

  it('now is the event time, not a clock read', async () => {
    fail = undefined;
    const result = await handler(anEvent());
    expect(JSON.parse(result.body ?? '')).toEqual({ now: '2026-09-28T01:30:00.000Z' });
  });

  it('a domain error becomes its problem; an unknown error a generic 500 that hides its message', async () => {
    fail = 'conflict';
    const conflict = await handler(anEvent());
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(conflict.body ?? '')).toMatchObject({
      type: 'urn:gongkai:problem:version-conflict',
      detail: 'changed',
      requestId: 'req-1',
    });

    fail = 'boom';
    const boom = await handler(anEvent());
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret internals');
  });

  it('a route key the function does not serve is 404', async () => {
    const result = await handler(anEvent({ routeKey: 'GET /v1/agencies' }));
    expect(result.statusCode).toBe(404);
  });

  it('a request still running a second before the Lambda timeout is answered 503: outcome unknown, retry with the same Idempotency-Key', async () => {
    vi.useFakeTimers();
    try {
      let finish: (() => void) | undefined;
      const slow = httpFunction(healthRoutes, {
        'GET /v1/health': async () => {
          await new Promise<void>((resolve) => (finish = resolve));
          return ok({ late: true });
        },
      });
      const context = { getRemainingTimeInMillis: () => 10_000 } as Context;
      let settled: Awaited<ReturnType<typeof slow>> | undefined;
      const answered = slow(anEvent(), context).then((result) => (settled = result));
      await vi.advanceTimersByTimeAsync(8_999);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await answered;
      expect(settled?.statusCode).toBe(503);
      expect(settled?.headers?.['retry-after']).toBe('2');
      const problem = JSON.parse(settled?.body ?? '') as { type: string; detail: string; requestId: string };
      expect(problem.type).toBe('urn:gongkai:problem:timeout');
      expect(problem.requestId).toBe('req-1');
      expect(problem.detail).toContain('outcome is unknown');
      expect(problem.detail).toContain('Retry it with the same Idempotency-Key');
      finish?.();
    } finally {
      vi.useRealTimers();
    }
  });

  it('an answer in time clears the deadline', async () => {
    fail = undefined;
    const result = await handler(anEvent(), { getRemainingTimeInMillis: () => 10_000 } as Context);
    expect(result.statusCode).toBe(200);
  });
});

/** The staff records a function reads before each staff request: set per call by the test. */
const anAccount = (staffId: string, agencyId: string, roles: Role[], enabled = true): StaffAccount => ({
  staffId,
  agencyId,
  roles,
  enabled,
  email: 'x@y.cn',
  name: '王五',
  createdAt: '2026-09-01T09:00:00+08:00',
  version: 1,
});

describe('the route definition drives parsing and access', () => {
  const reached: unknown[] = [];
  const records = new Map<string, StaffAccount>();
  const lookups: string[] = [];
  const staffAccountOf: StaffAccountOf = async (staffId) => {
    lookups.push(staffId);
    return records.get(staffId);
  };
  const staff = httpFunction(
    staffRoutes,
    {
      'POST /v1/agencies/{agencyId}/staff': async (input) => {
        reached.push({ params: input.params, body: input.body, staffId: input.principal.staffId });
        return ok({});
      },
      'GET /v1/agencies/{agencyId}/staff': async (input) => {
        reached.push({ query: input.query });
        return ok({});
      },
      'PATCH /v1/agencies/{agencyId}/staff/{staffId}': async () => ok({}),
    },
    staffAccountOf,
  );
  const call = (
    routeKey: string,
    claims: Record<string, string> | undefined,
    overrides: Partial<HttpEvent> = {},
  ) => staff(anEvent({ routeKey, pathParameters: { agencyId: 'agency-a' }, ...overrides }, claims));
  /** A token, and (unless told otherwise) the account it names as it stands now, with the same roles. */
  const staffOf = (agencyId: string, groups: string, account?: StaffAccount | 'none') => {
    records.clear();
    const roles = groups
      .slice(1, -1)
      .split(' ')
      .filter((role) => role !== '') as Role[];
    if (account !== 'none') records.set('stf_1', account ?? anAccount('stf_1', agencyId, roles));
    return tokenOf(agencyId, groups);
  };
  const tokenOf = (agencyId: string, groups: string, issuedAt = Math.floor(Date.now() / 1000)) => ({
    'cognito:username': 'stf_1',
    'custom:agencyId': agencyId,
    'cognito:groups': groups,
    iat: String(issuedAt),
  });
  const aNewAccount = {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'A@x.cn', name: '王五', roles: ['clerk'] }),
  };
  const problemOf = (result: { body?: string | undefined }) => JSON.parse(result.body ?? '');

  it('a staff route without claims is 401 even if the authorizer was bypassed', async () => {
    reached.length = 0;
    const result = await call('GET /v1/agencies/{agencyId}/staff', undefined);
    expect(result.statusCode).toBe(401);
    expect(reached).toEqual([]);
  });

  it('the handler receives the path, query and body parsed with the route’s schemas', async () => {
    reached.length = 0;
    const listed = await call('GET /v1/agencies/{agencyId}/staff', staffOf('agency-a', '[agency_admin]'));
    expect(listed.statusCode).toBe(200);
    const createdOne = await call(
      'POST /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[agency_admin]'),
      aNewAccount,
    );
    expect(createdOne.statusCode).toBe(200);
    expect(reached).toEqual([
      { query: { limit: 50 } },
      {
        params: { agencyId: 'agency-a' },
        body: { email: 'a@x.cn', name: '王五', roles: ['clerk'] },
        staffId: 'stf_1',
      },
    ]);
  });

  it('staff of another agency are refused (403) before the body is read', async () => {
    reached.length = 0;
    const result = await call('POST /v1/agencies/{agencyId}/staff', staffOf('agency-b', '[agency_admin]'), {
      body: 'not json',
    });
    expect(result.statusCode).toBe(403);
    expect(problemOf(result).detail).toBe('This staff account belongs to another agency.');
    expect(reached).toEqual([]);
  });

  it('a role the route does not list is refused (403), naming the roles it needs', async () => {
    const result = await call(
      'POST /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[clerk approver]'),
      aNewAccount,
    );
    expect(result.statusCode).toBe(403);
    expect(problemOf(result).detail).toBe('This action needs the role agency_admin or platform_admin.');
  });

  it('a platform administrator reaches any agency on the routes that list the role', async () => {
    reached.length = 0;
    const result = await call(
      'POST /v1/agencies/{agencyId}/staff',
      staffOf('platform', '[platform_admin]'),
      aNewAccount,
    );
    expect(result.statusCode).toBe(200);
    expect(reached).toHaveLength(1);
  });

  it('a body that fails the route’s schema is 400 naming the field', async () => {
    const result = await call('POST /v1/agencies/{agencyId}/staff', staffOf('agency-a', '[agency_admin]'), {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-address', name: '王五', roles: ['clerk'] }),
    });
    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors).toEqual([{ path: 'body.email', message: 'must be an e-mail address' }]);
  });

  it('every staff request reads the account it names, once, by its staff id', async () => {
    lookups.length = 0;
    await call('GET /v1/agencies/{agencyId}/staff', staffOf('agency-a', '[agency_admin]'));
    expect(lookups).toEqual(['stf_1']);
  });

  it('a disabled account’s still-valid token is 401 at once, before any handler runs', async () => {
    reached.length = 0;
    const disabled = anAccount('stf_1', 'agency-a', ['agency_admin'], false);
    const result = await call(
      'GET /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[agency_admin]', disabled),
    );
    expect(result.statusCode).toBe(401);
    expect(problemOf(result).detail).toBe('This staff account is disabled.');
    expect(reached).toEqual([]);
  });

  it('a demoted account acts with its current roles, not its token’s groups (403)', async () => {
    reached.length = 0;
    const demoted = anAccount('stf_1', 'agency-a', ['clerk']);
    const result = await call(
      'GET /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[agency_admin]', demoted),
    );
    expect(result.statusCode).toBe(403);
    expect(problemOf(result).detail).toBe('This action needs the role agency_admin or platform_admin.');
    expect(reached).toEqual([]);
  });

  it('a token for an account that does not exist, or of another agency than its account, is 401', async () => {
    const gone = await call(
      'GET /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[agency_admin]', 'none'),
    );
    expect(gone.statusCode).toBe(401);
    expect(problemOf(gone).detail).toBe('This staff account does not exist.');
    const moved = anAccount('stf_1', 'agency-b', ['agency_admin']);
    const elsewhere = await call(
      'GET /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[agency_admin]', moved),
    );
    expect(elsewhere.statusCode).toBe(401);
    expect(problemOf(elsewhere).detail).toBe('The token names another agency than its account.');
  });

  it('a token issued more than 5 minutes ahead of the wall clock, or without iat, is 401', async () => {
    reached.length = 0;
    staffOf('agency-a', '[agency_admin]');
    const seconds = Math.floor(Date.now() / 1000);
    const ahead = await call(
      'GET /v1/agencies/{agencyId}/staff',
      tokenOf('agency-a', '[agency_admin]', seconds + 600),
    );
    expect(ahead.statusCode).toBe(401);
    expect(problemOf(ahead).detail).toBe('The staff token is issued in the future (iat).');
    const { iat: _iat, ...withoutIat } = tokenOf('agency-a', '[agency_admin]');
    const missing = await call('GET /v1/agencies/{agencyId}/staff', withoutIat);
    expect(missing.statusCode).toBe(401);
    expect(problemOf(missing).detail).toBe('The staff token has no valid issue time (iat).');
    expect(reached).toEqual([]);
    // Within the 5 minutes of skew: accepted.
    const skewed = await call(
      'GET /v1/agencies/{agencyId}/staff',
      tokenOf('agency-a', '[agency_admin]', seconds + 240),
    );
    expect(skewed.statusCode).toBe(200);
  });

  it('a platform_admin group on an account of an agency is refused (403), whatever its record says', async () => {
    reached.length = 0;
    const admin = anAccount('stf_1', 'agency-a', ['agency_admin']);
    const result = await call(
      'POST /v1/agencies/{agencyId}/staff',
      staffOf('agency-a', '[agency_admin platform_admin]', admin),
      aNewAccount,
    );
    expect(result.statusCode).toBe(403);
    expect(problemOf(result).detail).toBe('platform_admin is for platform accounts only.');
    expect(reached).toEqual([]);
  });

  it('a token in the query string is refused (400 naming the parameter), even where the query is not read', async () => {
    reached.length = 0;
    const result = await call('GET /v1/agencies/{agencyId}/staff', staffOf('agency-a', '[agency_admin]'), {
      queryStringParameters: { limit: '5', accessToken: 'secret-1', id_token: 'eyJ.x.y' },
    });
    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors).toEqual([
      { path: 'query.accessToken', message: 'must not carry a token; use the header' },
      { path: 'query.id_token', message: 'must not carry a token; use the header' },
    ]);
    expect(result.body).not.toContain('secret-1');
    expect(reached).toEqual([]);
  });

  it('a path parameter that fails its schema is 400 before anything else', async () => {
    const result = await call('GET /v1/agencies/{agencyId}/staff', staffOf('agency-a', '[agency_admin]'), {
      pathParameters: { agencyId: '../etc' },
    });
    expect(result.statusCode).toBe(400);
    expect(problemOf(result).errors[0].path).toBe('path.agencyId');
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
    const tokenOf = (key: unknown) => Buffer.from(JSON.stringify({ key, scope: '' })).toString('base64url');
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

  it('are bound to the query that issued them: reused with other filters they are refused (400)', () => {
    const key = { pk: 'READING#a#public', sk: '2026-05-01#pub_1' };
    const year2026 = pageScope(['pk = :pk AND sk BETWEEN :from AND :to', { ':from': '2026-01-01' }, false]);
    const year2020 = pageScope(['pk = :pk AND sk BETWEEN :from AND :to', { ':from': '2020-01-01' }, false]);
    expect(year2026).not.toBe(year2020);
    const token = encodePageToken(key, year2026) ?? '';
    const decode = (scope: string) => decodePageToken(token, ['pk', 'sk'], 'pk', key.pk, scope);
    expect(decode(year2026)).toEqual(key);
    expect(() => decode(year2020)).toThrow(/page token/);
    expect(() => decode('')).toThrow(/page token/);
  });
});

describe('configuration', () => {
  it('a missing variable fails with its name', () => {
    expect(() => loadConfig({ AWS_REGION: 'cn-north-1' }, 'agencies')).toThrow(
      'Missing environment variable TABLE_NAME',
    );
    expect(() => loadConfig({ AWS_REGION: 'cn-north-1', TABLE_NAME: 't' }, 'staff')).toThrow(/USER_POOL_ID/);
    expect(() =>
      loadConfig({ AWS_REGION: 'cn-north-1', TABLE_NAME: 't', ARCHIVE_BUCKET: 'a' }, 'intake'),
    ).toThrow('Missing environment variable UPLOADS_BUCKET');
    expect(() => loadConfig({}, 'openapi')).toThrow(/AWS_REGION/);
  });

  it('a function gets what its definition grants, and nothing else', () => {
    const env = {
      AWS_REGION: 'cn-north-1',
      TABLE_NAME: 't',
      ARCHIVE_BUCKET: 'a',
      UPLOADS_BUCKET: 'u',
      USER_POOL_ID: 'pool',
      APPLICANT_KEY: 'ab'.repeat(32),
    };
    const staff = loadConfig(env, 'staff');
    expect(Object.isFrozen(staff)).toBe(true);
    expect(staff.staffDirectory).toEqual({ kind: 'cognito', userPoolId: 'pool' });
    expect(staff).not.toHaveProperty('uploadsBucket');
    expect(loadConfig(env, 'intake')).toMatchObject({
      tableName: 't',
      archiveBucket: 'a',
      uploadsBucket: 'u',
      applicantKey: { kind: 'inline', hex: 'ab'.repeat(32) },
    });
    expect(loadConfig(env, 'uploads')).not.toHaveProperty('tableName');
    // The function that needs nothing starts without any resource variable.
    expect(loadConfig({ AWS_REGION: 'cn-north-1' }, 'openapi')).toMatchObject({ region: 'cn-north-1' });
  });
});

describe('declared answers (the OpenAPI completeness check every integration call runs)', () => {
  const decision = '/v1/agencies/agency-a/applications/2026-000001/decision';
  const problem = (code: string) => ({ type: `urn:gongkai:problem:${code}` });

  it('a status or problem type the route declares passes', () => {
    expect(undeclaredAnswer('POST', decision, { status: 200, json: {} })).toBeUndefined();
    expect(
      undeclaredAnswer('POST', decision, { status: 422, json: problem('decision-incomplete') }),
    ).toBeUndefined();
    expect(undeclaredAnswer('POST', decision, { status: 409, json: problem('wrong-state') })).toBeUndefined();
    // What every staff route can answer.
    expect(undeclaredAnswer('POST', decision, { status: 403, json: problem('forbidden') })).toBeUndefined();
  });

  it('an undeclared problem type, or an undeclared status, is named', () => {
    expect(undeclaredAnswer('POST', decision, { status: 422, json: problem('fee-once') })).toBe(
      'POST /v1/agencies/{agencyId}/applications/{id}/decision answered 422 urn:gongkai:problem:fee-once, which its route does not declare',
    );
    expect(undeclaredAnswer('POST', decision, { status: 201, json: {} })).toMatch(/answered 201/);
    // A public route answers no 403.
    expect(undeclaredAnswer('GET', '/v1/agencies', { status: 403, json: problem('forbidden') })).toMatch(
      /forbidden/,
    );
  });

  it('requests that match no route are the fallback’s and are not checked', () => {
    expect(
      undeclaredAnswer('GET', '/v1/nothing', { status: 404, json: problem('not-found') }),
    ).toBeUndefined();
  });
});

describe('logs per request', () => {
  it('two requests handled at once each log with their own request id and route', async () => {
    logger.setLogLevel('INFO');
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      let releaseFirst: () => void = () => undefined;
      const firstWaits = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      const staff = httpFunction(
        staffRoutes,
        {
          'GET /v1/agencies/{agencyId}/staff': async () => {
            await firstWaits;
            throw new VersionConflictError('first');
          },
          'PATCH /v1/agencies/{agencyId}/staff/{staffId}': async () => {
            throw new VersionConflictError('second');
          },
          'POST /v1/agencies/{agencyId}/staff': async () => ok({}),
        },
        async (staffId) => anAccount(staffId, 'agency-a', ['agency_admin']),
      );
      const claims = {
        'cognito:username': 'stf_1',
        'custom:agencyId': 'agency-a',
        'cognito:groups': '[agency_admin]',
        iat: String(Math.floor(Date.now() / 1000)),
      };
      const context = (requestId: string, routeKey: string) => ({
        ...anEvent({}, claims).requestContext,
        requestId,
        routeKey,
      });
      const first = staff(
        anEvent({
          routeKey: 'GET /v1/agencies/{agencyId}/staff',
          pathParameters: { agencyId: 'agency-a' },
          requestContext: context('req-first', 'GET /v1/agencies/{agencyId}/staff'),
        }),
      );
      // The second request starts and ends while the first is still in its handler.
      const second = await staff(
        anEvent({
          routeKey: 'PATCH /v1/agencies/{agencyId}/staff/{staffId}',
          pathParameters: { agencyId: 'agency-a', staffId: 'stf_aaaaaaaaaaaaaaaaaaaa' },
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ version: 1, enabled: false }),
          requestContext: context('req-second', 'PATCH /v1/agencies/{agencyId}/staff/{staffId}'),
        }),
      );
      releaseFirst();
      expect(second.statusCode).toBe(409);
      expect((await first).statusCode).toBe(409);
    } finally {
      write.mockRestore();
      logger.setLogLevel('SILENT');
    }
    const refused = lines
      .flatMap((line) => line.split('\n'))
      .filter((line) => line.includes('Request refused'))
      .map((line) => JSON.parse(line));
    expect(refused.map((line) => [line.requestId, line.routeKey])).toEqual([
      ['req-second', 'PATCH /v1/agencies/{agencyId}/staff/{staffId}'],
      ['req-first', 'GET /v1/agencies/{agencyId}/staff'],
    ]);
  });
});
