import type { JWTPayload } from 'jose';
import { currentPrincipal, type StaffAccount } from '#lib/domain/staff';
import { claimsAsAuthorizerPassesThem, principalFromClaims } from '#lib/http/claims';
import { cookieHeader } from '../cookies';
import { usePage } from '../context';
import type { PageAnswer, PageHandler, PageRequest } from '../page-function';
import { clearedSessionCookie } from '../page-function';
import { safeReturn, SESSION_COOKIE } from './session';

/** The OpenID Connect client the sign-in pages use (`lib/adapters/oidc-client.ts`). */
export type SignInClient = {
  readonly start: () => { state: string; nonce: string; verifier: string };
  readonly authorizeUrl: (
    start: { state: string; nonce: string; verifier: string },
    redirectUri: string,
    locale: string,
  ) => string;
  readonly exchange: (code: string, redirectUri: string, verifier: string) => Promise<string>;
  readonly verify: (token: string, wallClock: Date, nonce?: string) => Promise<JWTPayload>;
  readonly logoutUrl: (returnTo: string) => string | undefined;
};

export type SignInDeps = {
  readonly client: SignInClient;
  readonly staffAccountOf: (staffId: string) => Promise<StaffAccount | undefined>;
};

/** One sign-in's state, nonce and PKCE verifier, kept for ten minutes in a cookie named by its state. */
const SIGN_IN_SECONDS = 10 * 60;
const signInCookie = (state: string) => `__Host-gk-signin-${state.slice(0, 16)}`;

/** Where the identity provider sends the browser back: this site as the browser sees it (`PUBLIC_BASE_URL`). */
const callbackOf = (request: PageRequest) => `${request.origin}/console/signed-in`;

function failed(request: PageRequest, status: number, reason?: string): PageAnswer {
  const { t } = request;
  return {
    kind: 'page',
    status,
    title: t('console.signIn.failed.title'),
    robots: 'noindex',
    body: (
      <>
        <h1>{t('console.signIn.failed.title')}</h1>
        <p>{reason ? t('console.signIn.refused.body', { reason }) : t('console.signIn.failed.body')}</p>
        <SignInAgain />
      </>
    ),
  };
}

/**
 * Signing in and out. Sign-in sends the browser to the identity provider's authorize endpoint with a
 * fresh state, nonce and PKCE challenge; its redirect back brings a code, exchanged (with the verifier)
 * for an ID token, which is verified (signature, issuer, audience, expiry, nonce) and checked against the
 * staff record before it becomes the session cookie. Then back to the page that sent the person here.
 */
export function signInPages(deps: SignInDeps): {
  'GET /console/sign-in': PageHandler<'GET /console/sign-in'>;
  'GET /console/signed-in': PageHandler<'GET /console/signed-in'>;
  'POST /console/sign-out': PageHandler<'POST /console/sign-out'>;
  'GET /console/signed-out': PageHandler<'GET /console/signed-out'>;
} {
  return {
    'GET /console/sign-in': async (request) => {
      const start = deps.client.start();
      const kept = [
        start.nonce,
        start.verifier,
        Buffer.from(safeReturn(request.query.return)).toString('base64url'),
      ];
      return {
        kind: 'redirect',
        location: deps.client.authorizeUrl(start, callbackOf(request), request.locale),
        cookies: [
          cookieHeader(signInCookie(start.state), kept.join('.'), {
            path: '/',
            sameSite: 'Lax',
            maxAge: SIGN_IN_SECONDS,
          }),
        ],
      };
    },

    'GET /console/signed-in': async (request) => {
      const state = request.query.state ?? '';
      const kept = state.length >= 16 ? request.cookies[signInCookie(state)] : undefined;
      const [nonce, verifier, returnTo] = (kept ?? '').split('.');
      if (nonce === undefined || verifier === undefined || returnTo === undefined || kept === undefined)
        return failed(request, 400);
      const done = cookieHeader(signInCookie(state), '', { path: '/', sameSite: 'Lax', maxAge: 0 });
      if (request.query.error !== undefined) {
        const reason = (request.query.error_description ?? request.query.error).slice(0, 200);
        return { ...failed(request, 401, reason), cookies: [done] };
      }
      const code = request.query.code;
      if (code === undefined || code === '') return { ...failed(request, 400), cookies: [done] };
      let idToken: string;
      let payload: JWTPayload;
      try {
        idToken = await deps.client.exchange(code, callbackOf(request), verifier);
        payload = await deps.client.verify(idToken, new Date(), nonce);
      } catch {
        return { ...failed(request, 401), cookies: [done] };
      }
      const fromToken = principalFromClaims(claimsAsAuthorizerPassesThem(payload));
      if (fromToken === undefined) return { ...failed(request, 403), cookies: [done] };
      try {
        currentPrincipal(fromToken, await deps.staffAccountOf(fromToken.staffId));
      } catch {
        const { t } = request;
        return {
          kind: 'page',
          status: 403,
          title: t('console.disabled.title'),
          robots: 'noindex',
          cookies: [done, clearedSessionCookie()],
          body: (
            <>
              <h1>{t('console.disabled.title')}</h1>
              <p>{t('console.disabled.body')}</p>
            </>
          ),
        };
      }
      return {
        kind: 'redirect',
        location: safeReturn(Buffer.from(returnTo, 'base64url').toString('utf8')),
        cookies: [done, cookieHeader(SESSION_COOKIE, idToken, { path: '/', sameSite: 'Lax' })],
      };
    },

    'POST /console/sign-out': async (request) => ({
      kind: 'redirect',
      location: deps.client.logoutUrl(`${request.origin}/console/signed-out`) ?? '/console/signed-out',
      cookies: [clearedSessionCookie()],
    }),

    'GET /console/signed-out': async ({ t }) => ({
      kind: 'page',
      title: t('console.signedOutPage.title'),
      robots: 'noindex',
      cache: { kind: 'no-store' },
      body: (
        <>
          <h1>{t('console.signedOutPage.title')}</h1>
          <p>{t('console.signedOutPage.body')}</p>
          <SignInAgain />
        </>
      ),
    }),
  };
}

/** The way back in, on the pages that end a sign-in that failed and a sign-out. */
function SignInAgain() {
  const { t } = usePage();
  return (
    <p>
      <a class="button" href="/console/sign-in">
        {t('console.signIn')}
      </a>
    </p>
  );
}
