import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { render } from 'preact-render-to-string';
import { signLocalIdToken, LOCAL_TOKEN_LIFETIME_SECONDS } from '#lib/adapters/local-staff-directory';
import type { StaffAccount } from '#lib/domain/staff';
import type { LocalIdentity } from './identity';

/**
 * The local cloud's identity provider, serving what Cognito's managed login serves the console: the
 * authorize endpoint (a page listing the demo accounts, and an e-mail field for any other account: local
 * accounts have no passwords), the token endpoint (authorization code + PKCE S256 → ID token), the JWKS,
 * the discovery document and logout. The console talks to it exactly as it talks to a real issuer.
 */
export const IDENTITY_PREFIX = '/_local/identity';

export type IdentityRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
};
export type IdentityAnswer = { status: number; headers: Record<string, string>; body: string };

export type IdentityProviderOptions = {
  identity: LocalIdentity;
  /** The accounts the sign-in page offers (the demo's), in order. */
  listed: () => Promise<readonly StaffAccount[]>;
  findByEmail: (email: string) => Promise<StaffAccount | undefined>;
  account: (staffId: string) => Promise<StaffAccount | undefined>;
  /** The ID tokens' lifetime (tests shorten it). */
  tokenLifetimeSeconds?: number;
};

type PendingCode = {
  staffId: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  expires: number;
};

const CODE_SECONDS = 300;
const AUTH_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'scope',
  'lang',
] as const;

export function localIdentityProvider(options: IdentityProviderOptions) {
  const codes = new Map<string, PendingCode>();
  const { identity } = options;

  /** The redirect URIs a local client may use: the console's callback on this machine. */
  const allowedRedirect = (uri: string): boolean => {
    try {
      const url = new URL(uri);
      return (
        ['http:', 'https:'].includes(url.protocol) &&
        ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
        url.pathname === '/console/signed-in' &&
        url.search === ''
      );
    } catch {
      return false;
    }
  };

  return async (request: IdentityRequest): Promise<IdentityAnswer | undefined> => {
    const route = `${request.method} ${request.path.slice(IDENTITY_PREFIX.length)}`;
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        return json(200, {
          issuer: identity.issuer,
          authorization_endpoint: `${IDENTITY_PREFIX}/authorize`,
          token_endpoint: `${IDENTITY_PREFIX}/token`,
          jwks_uri: `${IDENTITY_PREFIX}/jwks.json`,
          end_session_endpoint: `${IDENTITY_PREFIX}/logout`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code'],
          code_challenge_methods_supported: ['S256'],
          id_token_signing_alg_values_supported: ['RS256'],
          subject_types_supported: ['public'],
          token_endpoint_auth_methods_supported: ['none'],
        });
      case 'GET /jwks.json':
        return json(200, { keys: [identity.publicJwk] }, { 'cache-control': 'public, max-age=300' });
      case 'GET /authorize':
        return authorizePage(request.query, await options.listed());
      case 'POST /authorize':
        return chooseAccount(new URLSearchParams(request.body));
      case 'POST /token':
        return token(new URLSearchParams(request.body));
      case 'GET /logout': {
        const back = request.query.get('logout_uri') ?? '';
        let allowed = false;
        try {
          const url = new URL(back);
          allowed = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
        } catch {
          allowed = false;
        }
        if (!allowed) return html(400, '退出登录', <p>logout_uri is not a local address.</p>);
        return { status: 302, headers: { location: back, 'cache-control': 'no-store' }, body: '' };
      }
      default:
        return undefined;
    }
  };

  /** Checks an authorization request; answers an error page (never a redirect to an unknown URI). */
  function checkRequest(params: URLSearchParams): IdentityAnswer | undefined {
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('client_id') !== identity.audience)
      return html(400, '登录请求无效', <p>Unknown client_id.</p>);
    if (!allowedRedirect(redirectUri))
      return html(400, '登录请求无效', <p>redirect_uri is not the console’s callback on this machine.</p>);
    const problem =
      params.get('response_type') !== 'code'
        ? 'unsupported_response_type'
        : params.get('code_challenge_method') !== 'S256' ||
            !/^[A-Za-z0-9_-]{43}$/.test(params.get('code_challenge') ?? '')
          ? 'invalid_request'
          : (params.get('state') ?? '') === ''
            ? 'invalid_request'
            : undefined;
    if (problem !== undefined)
      return redirectBack(redirectUri, { error: problem, state: params.get('state') ?? '' });
    return undefined;
  }

  function authorizePage(
    params: URLSearchParams,
    listed: readonly StaffAccount[],
    error?: string,
    email?: string,
  ): IdentityAnswer {
    const refused = checkRequest(params);
    if (refused !== undefined) return refused;
    const hidden = AUTH_PARAMS.map((name) =>
      params.get(name) === null ? null : (
        <input type="hidden" name={name} value={params.get(name) ?? ''} key={name} />
      ),
    );
    return html(
      error ? 400 : 200,
      '登录政务公开工作台（本地演示身份）',
      <>
        <p>
          这是本地云的身份提供方，代替云上的统一身份认证（Cognito
          托管登录或省级统一身份认证平台）。本地账号没有密码：选择一个演示账号即可登录。
        </p>
        <h2>演示账号</h2>
        <ul class="accounts">
          {listed.map((account) => (
            <li key={account.staffId}>
              <form method="post" action={`${IDENTITY_PREFIX}/authorize`}>
                {hidden}
                <input type="hidden" name="email" value={account.email} />
                <button type="submit">登录：{account.name}</button>
              </form>
              <span>
                <strong>{account.name}</strong> {account.email}
              </span>
              <span>角色：{account.roles.join('、')}</span>
              {account.enabled ? null : <span>（已停用）</span>}
            </li>
          ))}
        </ul>
        <h2>其他账号</h2>
        <form method="post" action={`${IDENTITY_PREFIX}/authorize`}>
          {hidden}
          <p>
            <label for="email">电子邮箱</label>
            <br />
            {error ? (
              <strong id="email-error">
                <span class="visually-hidden">错误：</span>
                {error}
                <br />
              </strong>
            ) : null}
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              value={email ?? ''}
              aria-describedby={error ? 'email-error' : undefined}
              aria-invalid={error ? 'true' : undefined}
            />
          </p>
          <button type="submit">登录</button>
        </form>
      </>,
    );
  }

  async function chooseAccount(form: URLSearchParams): Promise<IdentityAnswer> {
    const refused = checkRequest(form);
    if (refused !== undefined) return refused;
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const account = email === '' ? undefined : await options.findByEmail(email);
    if (account === undefined)
      return authorizePage(form, await options.listed(), '没有这个电子邮箱的账号。', email);
    const redirectUri = form.get('redirect_uri') ?? '';
    const state = form.get('state') ?? '';
    if (!account.enabled)
      return redirectBack(redirectUri, {
        error: 'access_denied',
        error_description: 'This account is disabled.',
        state,
      });
    const code = randomBytes(32).toString('base64url');
    const now = Date.now();
    for (const [key, pending] of codes) if (pending.expires < now) codes.delete(key);
    codes.set(code, {
      staffId: account.staffId,
      clientId: form.get('client_id') ?? '',
      redirectUri,
      challenge: form.get('code_challenge') ?? '',
      nonce: form.get('nonce') ?? undefined,
      expires: now + CODE_SECONDS * 1000,
    });
    return redirectBack(redirectUri, { code, state });
  }

  async function token(form: URLSearchParams): Promise<IdentityAnswer> {
    if (form.get('grant_type') !== 'authorization_code')
      return json(400, { error: 'unsupported_grant_type' });
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code); // a code is used once, whatever happens next
    if (pending === undefined || pending.expires < Date.now()) return json(400, { error: 'invalid_grant' });
    if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri)
      return json(400, { error: 'invalid_grant' });
    const challenge = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    if (
      challenge.length !== pending.challenge.length ||
      !timingSafeEqual(Buffer.from(challenge), Buffer.from(pending.challenge))
    )
      return json(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
    const account = await options.account(pending.staffId);
    if (account === undefined || !account.enabled) return json(400, { error: 'invalid_grant' });
    const lifetime = options.tokenLifetimeSeconds ?? LOCAL_TOKEN_LIFETIME_SECONDS;
    const idToken = await signLocalIdToken(
      identity,
      account,
      new Date(),
      lifetime,
      pending.nonce === undefined ? {} : { nonce: pending.nonce },
    );
    return json(
      200,
      {
        id_token: idToken,
        access_token: randomBytes(32).toString('base64url'),
        token_type: 'Bearer',
        expires_in: lifetime,
      },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  }
}

function redirectBack(redirectUri: string, params: Record<string, string>): IdentityAnswer {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' }, body: '' };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): IdentityAnswer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

const STYLE =
  'body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1b1b1b}' +
  '.accounts{list-style:none;padding:0}.accounts li{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 0;border-bottom:1px solid #b1b4b6}' +
  'button{font:inherit;padding:.4rem 1rem;background:#1d3c5a;color:#fff;border:0;cursor:pointer}button:focus-visible,input:focus-visible{outline:3px solid #ffbf47;box-shadow:0 0 0 6px #1b1b1b}' +
  'input{font:inherit;padding:.3rem;width:100%;max-width:24rem;border:2px solid #1b1b1b}strong{color:#c00}' +
  '.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}';

function html(status: number, title: string, body: preact.ComponentChildren): IdentityAnswer {
  const page = render(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {body}
        </main>
      </body>
    </html>,
  );
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'`,
      'x-content-type-options': 'nosniff',
    },
    body: `<!doctype html>${page}`,
  };
}
