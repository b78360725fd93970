import { createHash } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import type { StaffAccount } from '#lib/domain/staff';
import { CLAIM } from '#lib/platform/identity-claims';
import { sessionGate } from '#lib/web/console/session-gate';
import { safeReturn, signInPath } from '#lib/web/console/session';
import { localIdentityProvider } from '#infra/local/identity-provider.tsx';

const account: StaffAccount = {
  staffId: 'stf_000000000001',
  agencyId: 'agency-a',
  email: 'clerk@a.example.cn',
  name: '张三',
  roles: ['clerk'],
  enabled: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as StaffAccount;

async function anIdentity() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    issuer: 'https://gongkai.local/issuer',
    audience: 'console-client',
    privateJwk: { ...(await exportJWK(privateKey)), kid: 'k1', alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' },
  };
}

const CALLBACK = 'http://127.0.0.1:3000/console/signed-in';
const verifier = 'v'.repeat(43);
const challenge = createHash('sha256').update(verifier).digest('base64url');

async function aProvider(accounts: Map<string, StaffAccount> = new Map([[account.staffId, account]])) {
  const identity = await anIdentity();
  const provider = localIdentityProvider({
    identity,
    listed: async () => [...accounts.values()],
    findByEmail: async (email) => [...accounts.values()].find((candidate) => candidate.email === email),
    account: async (staffId) => accounts.get(staffId),
  });
  const authorize = (overrides: Record<string, string> = {}) =>
    provider({
      method: 'POST',
      path: '/_local/identity/authorize',
      query: new URLSearchParams(),
      body: new URLSearchParams({
        response_type: 'code',
        client_id: identity.audience,
        redirect_uri: CALLBACK,
        state: 'the-state',
        nonce: 'the-nonce',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        email: account.email,
        ...overrides,
      }).toString(),
    });
  const token = (form: Record<string, string>) =>
    provider({
      method: 'POST',
      path: '/_local/identity/token',
      query: new URLSearchParams(),
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: identity.audience,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
        ...form,
      }).toString(),
    });
  const codeOf = async (overrides: Record<string, string> = {}) => {
    const answer = await authorize(overrides);
    const location = new URL(answer?.headers.location ?? 'http://x/');
    return { status: answer?.status, code: location.searchParams.get('code'), location };
  };
  return { identity, provider, authorize, token, codeOf };
}

describe('the local identity’s authorization code flow', () => {
  it('redirects back with a code and the state; the code and its verifier give an ID token with the nonce', async () => {
    const { token, codeOf, identity } = await aProvider();
    const { status, code, location } = await codeOf();
    expect(status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe('the-state');
    const answer = await token({ code: code ?? '' });
    expect(answer?.status).toBe(200);
    const body = JSON.parse(answer?.body ?? '{}') as { id_token: string; token_type: string };
    expect(body.token_type).toBe('Bearer');
    const claims = decodeJwt(body.id_token);
    expect(claims).toMatchObject({
      iss: identity.issuer,
      aud: identity.audience,
      nonce: 'the-nonce',
      token_use: 'id',
      [CLAIM.staffId]: account.staffId,
      [CLAIM.agencyId]: account.agencyId,
    });
  });

  it('refuses a wrong verifier (PKCE), a code used twice, and another redirect URI', async () => {
    const { token, codeOf } = await aProvider();
    const first = await codeOf();
    expect((await token({ code: first.code ?? '', code_verifier: 'w'.repeat(43) }))?.status).toBe(400);
    // A code is spent by any attempt, right or wrong.
    expect((await token({ code: first.code ?? '' }))?.status).toBe(400);
    const second = await codeOf();
    expect(
      (await token({ code: second.code ?? '', redirect_uri: 'http://localhost:1/console/signed-in' }))
        ?.status,
    ).toBe(400);
    const third = await codeOf();
    expect((await token({ code: third.code ?? '' }))?.status).toBe(200);
    expect((await token({ code: third.code ?? '' }))?.status).toBe(400);
  });

  it('never redirects to a callback that is not the console’s on this machine, nor for an unknown client', async () => {
    const { authorize } = await aProvider();
    for (const uri of [
      'https://evil.example/console/signed-in',
      'http://127.0.0.1:3000/elsewhere',
      'http://127.0.0.1:3000/console/signed-in?next=x',
    ]) {
      const answer = await authorize({ redirect_uri: uri });
      expect(answer?.status, uri).toBe(400);
      expect(answer?.headers.location, uri).toBeUndefined();
    }
    expect((await authorize({ client_id: 'other' }))?.status).toBe(400);
  });

  it('sends a plain challenge or a missing state back as an OAuth error, and a disabled account as access_denied', async () => {
    const disabled = { ...account, enabled: false } as StaffAccount;
    const { codeOf } = await aProvider(new Map([[account.staffId, disabled]]));
    const plain = await codeOf({ code_challenge_method: 'plain' });
    expect(plain.location.searchParams.get('error')).toBe('invalid_request');
    const refused = await codeOf();
    expect(refused.code).toBeNull();
    expect(refused.location.searchParams.get('error')).toBe('access_denied');
  });

  it('a code is not exchanged once its account is disabled in between', async () => {
    const accounts = new Map([[account.staffId, account]]);
    const { token, codeOf } = await aProvider(accounts);
    const { code } = await codeOf();
    accounts.set(account.staffId, { ...account, enabled: false });
    expect((await token({ code: code ?? '' }))?.status).toBe(400);
  });
});

describe('the console’s session gate', () => {
  const claims = (overrides: Record<string, unknown> = {}): JWTPayload => ({
    [CLAIM.staffId]: account.staffId,
    [CLAIM.agencyId]: account.agencyId,
    [CLAIM.groups]: ['clerk', 'approver'],
    iat: Math.floor(Date.parse('2026-12-01T08:00:00Z') / 1000),
    ...overrides,
  });
  class Expired extends Error {
    constructor(readonly payload: JWTPayload) {
      super('expired');
    }
  }
  const gate = (verify: () => Promise<JWTPayload>, ...records: [StaffAccount | undefined] | []) =>
    sessionGate({
      verify,
      isExpired: (error) => (error instanceof Expired ? error.payload : undefined),
      staffAccountOf: async () => (records.length === 0 ? account : records[0]),
      agencyNameOf: async () => '甲局',
      heldForms: { hold: async () => 'id', held: async () => undefined },
    });
  const wallClock = new Date('2026-12-01T09:00:00Z');

  it('gives the roles of the staff record, not of the token', async () => {
    const checked = await gate(async () => claims()).check('token', wallClock);
    expect(checked.kind).toBe('signed-in');
    if (checked.kind !== 'signed-in') return;
    expect([...checked.session.principal.roles]).toEqual(['clerk']);
    expect(checked.session.agencyName).toBe('甲局');
  });

  it('says whose session expired (so their form can be kept for them), and nothing for a bad token', async () => {
    expect(await gate(() => Promise.reject(new Expired(claims()))).check('t', wallClock)).toEqual({
      kind: 'expired',
      staffId: account.staffId,
    });
    expect(await gate(() => Promise.reject(new Error('bad signature'))).check('t', wallClock)).toEqual({
      kind: 'none',
    });
    expect(await gate(async () => claims()).check(undefined, wallClock)).toEqual({ kind: 'none' });
  });

  it('refuses a token issued in the future, platform_admin claimed for an agency, and a disabled or other-agency record', async () => {
    const ahead = claims({ iat: Math.floor(wallClock.getTime() / 1000) + 3600 });
    expect((await gate(async () => ahead).check('t', wallClock)).kind).toBe('none');
    const grab = claims({ [CLAIM.groups]: ['platform_admin'] });
    expect((await gate(async () => grab).check('t', wallClock)).kind).toBe('none');
    const off = { ...account, enabled: false } as StaffAccount;
    expect((await gate(async () => claims(), off).check('t', wallClock)).kind).toBe('disabled');
    expect((await gate(async () => claims(), undefined).check('t', wallClock)).kind).toBe('disabled');
    const moved = { ...account, agencyId: 'agency-b' } as StaffAccount;
    expect((await gate(async () => claims(), moved).check('t', wallClock)).kind).toBe('disabled');
  });
});

describe('where signing in returns to', () => {
  it('only ever to a console path of ours', () => {
    expect(safeReturn('/console/applications?state=open')).toBe('/console/applications?state=open');
    for (const elsewhere of [
      '//evil.example/console',
      'https://evil.example/',
      '/consolex',
      '/',
      '/console\\@x',
      undefined,
    ])
      expect(safeReturn(elsewhere), String(elsewhere)).toBe('/console');
    expect(signInPath('/console/a?b=1')).toBe('/console/sign-in?return=%2Fconsole%2Fa%3Fb%3D1');
  });
});
