import { importJWK, SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM } from '#lib/platform/identity-claims';
import { aNewAgency, aStaffMember, api, localCloud, platformToken } from '#test/support/api';
import { checkPage, launchBrowser, newPerson, screenshots } from '#test/support/browser';
import { signIn, staffAtConsole } from '#test/support/console';

/**
 * Signing in to the console, as the issue asks: the OpenID Connect authorization-code flow with PKCE
 * against the local identity (the same endpoints as the cloud's), a `__Host-` session cookie verified
 * on every click against the issuer's keys and the staff record, sign-out, and an expired session that
 * returns to the same page after signing in again.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser.close();
});

const base = () => localCloud().baseUrl;
const WALK_MS = 180_000;

async function aClerk() {
  const { agencyId } = await aNewAgency();
  const clerk = await aStaffMember(agencyId, ['clerk']);
  return { agencyId, ...clerk };
}

/** Disables a staff account through the API, as an administrator would. */
async function disable(account: { agencyId: string; staffId: string; version: number }): Promise<void> {
  const off = await api('PATCH', `/v1/agencies/${account.agencyId}/staff/${account.staffId}`, {
    token: platformToken(),
    body: { version: account.version, enabled: false },
  });
  expect(off.status).toBe(200);
}

/** An ID token as the local issuer signs them, for `staffId`, with what a test wants changed. */
async function anIdToken(
  account: { staffId: string; agencyId: string; email: string },
  times: { issuedAt: number; expiresAt: number },
  key = localCloud().issuer?.privateJwk,
  audience = localCloud().issuer?.audience ?? '',
): Promise<string> {
  if (key === undefined) throw new Error('the local cloud does not share its issuer with tests');
  return new SignJWT({
    [CLAIM.staffId]: account.staffId,
    [CLAIM.agencyId]: account.agencyId,
    [CLAIM.groups]: ['clerk'],
    [CLAIM.email]: account.email,
    [CLAIM.name]: '职员 clerk',
    token_use: 'id',
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? 'local' })
    .setIssuer(localCloud().issuer?.issuer ?? '')
    .setAudience(audience)
    .setSubject(account.staffId)
    .setIssuedAt(times.issuedAt)
    .setExpirationTime(times.expiresAt)
    .sign(await importJWK(key, 'RS256'));
}

describe('signing in', () => {
  it(
    'goes to the identity provider with PKCE and comes back to the page asked for, with a __Host- session cookie',
    async () => {
      const clerk = await aClerk();
      const context = await newPerson(browser, { javaScript: false });
      const page = await context.newPage();
      await page.goto(`${base()}/console?from=bookmark`);
      const authorize = new URL(page.url());
      expect(authorize.pathname).toBe('/_local/identity/authorize');
      expect(authorize.searchParams.get('response_type')).toBe('code');
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.get('redirect_uri')).toBe(`${base()}/console/signed-in`);
      expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The local identity's page lists the demo accounts and takes any other account's e-mail.
      await expect.poll(() => page.getByText('clerk@demo-city.example.cn').count()).toBeGreaterThan(0);
      await checkPage(page);
      await screenshots(page, 'console-sign-in');

      await page.getByLabel('电子邮箱').fill(clerk.email);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForLoadState('load');
      expect(page.url()).toBe(`${base()}/console?from=bookmark`);
      await expect.poll(() => page.locator('header').innerText()).toContain('职员 clerk');

      const cookies = await context.cookies();
      const session = cookies.find((cookie) => cookie.name === '__Host-gk-session');
      expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
      expect(session?.domain).toBe('127.0.0.1'); // host-only, as __Host- requires
      // The sign-in's own cookie (state, nonce, verifier) is gone once used.
      expect(cookies.filter((cookie) => cookie.name.startsWith('__Host-gk-signin-'))).toEqual([]);
      // The ID token is verified, never trusted: a session cookie the issuer did not sign is no session.
      if (session === undefined) throw new Error('no session cookie');
      await context.addCookies([{ ...session, value: `${session.value.slice(0, -4)}AAAA` }]);
      await page.goto(`${base()}/console`);
      expect(new URL(page.url()).pathname).toBe('/_local/identity/authorize');
      await context.close();
    },
    WALK_MS,
  );

  it(
    'an unknown e-mail is told so on the identity page; a disabled account is refused and told why',
    async () => {
      const clerk = await aClerk();
      const context = await newPerson(browser, { javaScript: false });
      const page = await context.newPage();
      await page.goto(`${base()}/console`);
      await page.getByLabel('电子邮箱').fill('nobody@test.example.cn');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await expect.poll(() => page.getByText('没有这个电子邮箱的账号').count()).toBe(1);
      await checkPage(page);

      await disable(clerk);
      await page.getByLabel('电子邮箱').fill(clerk.email);
      const answer = page.waitForResponse((response) => response.url().includes('/console/signed-in'));
      await page.getByRole('button', { name: '登录', exact: true }).click();
      expect((await answer).status()).toBe(401);
      await expect.poll(() => page.locator('h1').innerText()).toBe('登录未完成');
      await expect.poll(() => page.locator('main').innerText()).toContain('This account is disabled.');
      await checkPage(page);
      expect((await context.cookies()).some((cookie) => cookie.name === '__Host-gk-session')).toBe(false);
      await context.close();
    },
    WALK_MS,
  );

  it('a redirect back without the sign-in it started (forged, or too late) is refused with a page', async () => {
    const response = await fetch(`${base()}/console/signed-in?code=abc&state=${'x'.repeat(43)}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('set-cookie') ?? '').not.toContain('__Host-gk-session=ey');
  });

  it('the identity refuses a client or callback it does not know, without redirecting anywhere', async () => {
    const authorize = `${base()}/_local/identity/authorize`;
    const common = `response_type=code&state=s&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`;
    const foreign = await fetch(
      `${authorize}?${common}&client_id=${localCloud().issuer?.audience ?? ''}&redirect_uri=${encodeURIComponent('https://evil.example/console/signed-in')}`,
      { redirect: 'manual' },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
    const stranger = await fetch(
      `${authorize}?${common}&client_id=someone-else&redirect_uri=${encodeURIComponent(`${base()}/console/signed-in`)}`,
      { redirect: 'manual' },
    );
    expect(stranger.status).toBe(400);
    // A token request with a code nobody was given is refused as OAuth says.
    const token = await fetch(`${base()}/_local/identity/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'made-up', code_verifier: 'v' }),
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toEqual({ error: 'invalid_grant' });
  });
});

describe('a session', () => {
  it(
    'ends with sign-out (the cookie cleared, then the identity’s logout), and the next page asks to sign in',
    async () => {
      const clerk = await aClerk();
      const { context, page } = await staffAtConsole(browser, clerk.email);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe('/console/signed-out');
      await expect.poll(() => page.locator('h1').innerText()).toBe('您已退出工作台');
      await checkPage(page);
      await screenshots(page, 'console-signed-out');
      expect((await context.cookies()).some((cookie) => cookie.name === '__Host-gk-session')).toBe(false);
      await page.goto(`${base()}/console`);
      expect(new URL(page.url()).pathname).toBe('/_local/identity/authorize');
      await context.close();
    },
    WALK_MS,
  );

  it(
    'that has expired sends the person to sign in and back to the same page',
    async () => {
      const clerk = await aClerk();
      const { context, page } = await staffAtConsole(browser, clerk.email);
      const now = Math.floor(Date.now() / 1000);
      // The person's own session, an hour past its expiry (as if they came back after lunch).
      const expired = await anIdToken(clerk, { issuedAt: now - 7200, expiresAt: now - 3600 });
      await context.addCookies([
        {
          name: '__Host-gk-session',
          value: expired,
          domain: '127.0.0.1',
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      await page.goto(`${base()}/console?view=mine`);
      // The identity provider (no session of its own locally) asks again; then back where they were.
      expect(new URL(page.url()).pathname).toBe('/_local/identity/authorize');
      await page.getByLabel('电子邮箱').fill(clerk.email);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForLoadState('load');
      expect(page.url()).toBe(`${base()}/console?view=mine`);
      await context.close();
    },
    WALK_MS,
  );

  it(
    'keeps a form posted after the session expired for its author, and gives it back after signing in',
    async () => {
      const { agencyId } = await aNewAgency();
      const supervisor = await aStaffMember(agencyId, ['supervisor']);
      const complaint = await api('POST', `/v1/agencies/${agencyId}/complaints`, {
        body: {
          complainant: { name: '张三', contact: '010-1234567' },
          subject: '答复逾期',
          details: '至今未答复',
        },
      });
      expect(complaint.status, complaint.text).toBe(201);
      const path = `/console/complaints/${complaint.json.complaintId as string}`;
      const { context, page } = await staffAtConsole(browser, supervisor.email, { startAt: path });
      const answer = '经核查，该申请确已逾期，已责成经办科室限期答复。';
      await page.getByLabel('答复内容').fill(answer);
      // Lunch: the session expires while the form is open.
      const now = Math.floor(Date.now() / 1000);
      const expired = await anIdToken(
        { ...supervisor, agencyId },
        { issuedAt: now - 7200, expiresAt: now - 60 },
      );
      await context.addCookies([
        {
          name: '__Host-gk-session',
          value: expired,
          domain: '127.0.0.1',
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      await page.getByLabel('投诉属实').check();
      await page.getByRole('button', { name: '提交答复' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe('/_local/identity/authorize');
      await page.getByLabel('电子邮箱').fill(supervisor.email);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForLoadState('load');
      const back = new URL(page.url());
      expect(back.pathname).toBe(path);
      expect(back.searchParams.get('held')).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(await page.getByLabel('答复内容').inputValue()).toBe(answer);
      expect(await page.getByLabel('投诉属实').isChecked()).toBe(true);
      await expect.poll(() => page.locator('main').innerText()).toContain('您刚才填写的内容已为您保留');
      // Nothing was answered while signed out: the kept form is sent now, by the person.
      const stored = await api(
        'GET',
        `/v1/agencies/${agencyId}/complaints/${complaint.json.complaintId as string}`,
        {
          headers: { 'x-access-token': complaint.json.accessCode as string },
        },
      );
      expect(stored.status).toBe(200);
      expect(stored.text).not.toContain(answer);
      await checkPage(page);
      await screenshots(page, 'console-held-form');
      // Kept for its author only: another person of the agency opening the same address gets nothing.
      const colleague = await aStaffMember(agencyId, ['supervisor']);
      const other = await staffAtConsole(browser, colleague.email, {
        startAt: `${back.pathname}${back.search}`,
      });
      expect(await other.page.getByLabel('答复内容').inputValue()).toBe('');
      await expect.poll(() => other.page.locator('main').innerText()).toContain('不再保留');
      await other.context.close();
      await context.close();
    },
    WALK_MS,
  );

  it(
    'stops at the next click once the account is disabled, with the page that says so',
    async () => {
      const clerk = await aClerk();
      const { context, page } = await staffAtConsole(browser, clerk.email);
      await disable(clerk);
      const answer = await page.goto(`${base()}/console`);
      expect(answer?.status()).toBe(403);
      await expect.poll(() => page.locator('h1').innerText()).toBe('您的账号已停用');
      await checkPage(page);
      expect((await context.cookies()).some((cookie) => cookie.name === '__Host-gk-session')).toBe(false);
      await context.close();
    },
    WALK_MS,
  );

  it('a token signed by another key, or for another audience, is no session', async () => {
    const clerk = await aClerk();
    const now = Math.floor(Date.now() / 1000);
    const { generateKeyPair, exportJWK } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const forged = await anIdToken(
      clerk,
      { issuedAt: now, expiresAt: now + 3600 },
      { ...(await exportJWK(privateKey)), kid: localCloud().issuer?.privateJwk.kid ?? 'local' },
    );
    const response = await fetch(`${base()}/console`, {
      headers: { cookie: `__Host-gk-session=${forged}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console/sign-in?return=%2Fconsole');
    const elsewhere = await anIdToken(
      clerk,
      { issuedAt: now, expiresAt: now + 3600 },
      undefined,
      'another-application',
    );
    const refused = await fetch(`${base()}/console`, {
      headers: { cookie: `__Host-gk-session=${elsewhere}` },
      redirect: 'manual',
    });
    expect(refused.status).toBe(303);
    const genuine = await anIdToken(clerk, { issuedAt: now, expiresAt: now + 3600 });
    const accepted = await fetch(`${base()}/console`, {
      headers: { cookie: `__Host-gk-session=${genuine}` },
      redirect: 'manual',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('cache-control')).toBe('no-store');
  });

  it('signing out from another site is refused (CSRF), and so is a sign-in page in a frame', async () => {
    const clerk = await aClerk();
    const { context, page } = await staffAtConsole(browser, clerk.email);
    const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const csrf = (await context.cookies()).find((cookie) => cookie.name === '__Host-gk-csrf')?.value ?? '';
    const response = await fetch(`${base()}/console/sign-out`, {
      method: 'POST',
      headers: {
        cookie: cookies,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf }),
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    await page.reload();
    await expect.poll(() => page.locator('header').innerText()).toContain('职员 clerk');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    await context.close();
  });
});

// Keeps the helper honest: signing in again on an open page works as the first time did.
describe('the helper', () => {
  it(
    'signs in twice in one browser as two different people, one after the other',
    async () => {
      const first = await aClerk();
      const second = await aClerk();
      const { context, page } = await staffAtConsole(browser, first.email);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForLoadState('load');
      await signIn(page, second.email);
      await expect.poll(() => page.locator('header').innerText()).toContain(second.agencyId);
      await context.close();
    },
    WALK_MS,
  );
});
