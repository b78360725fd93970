import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { StaffSignInConfig } from '#lib/config';

/**
 * The console's OpenID Connect client (a public client: authorization code + PKCE S256, no secret), the
 * same against Cognito's managed login, any other issuer, and the local cloud's identity. ID tokens are
 * verified against the issuer's JWKS, fetched once and cached (jose refetches on an unknown key id).
 */
export type SignInStart = { state: string; nonce: string; verifier: string };

export class IdTokenExpired extends Error {
  constructor(readonly payload: JWTPayload) {
    super('The ID token has expired.');
  }
}
export class IdTokenInvalid extends Error {}

/** How long after its expiry an ID token still proves who posted a form (to keep that form for them). */
const EXPIRED_GRACE_SECONDS = 24 * 60 * 60;
const TOKEN_ENDPOINT_TIMEOUT_MS = 5000;

export class OidcClient {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly config: StaffSignInConfig,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
      cacheMaxAge: 10 * 60 * 1000,
      cooldownDuration: 30 * 1000,
      timeoutDuration: TOKEN_ENDPOINT_TIMEOUT_MS,
    });
  }

  /** A fresh state, nonce and PKCE verifier for one sign-in. */
  start(): SignInStart {
    const draw = () => randomBytes(32).toString('base64url');
    return { state: draw(), nonce: draw(), verifier: draw() };
  }

  /** Where the browser goes to sign in. */
  authorizeUrl(start: SignInStart, redirectUri: string, locale: string): string {
    const url = new URL(this.config.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state: start.state,
      nonce: start.nonce,
      code_challenge: createHash('sha256').update(start.verifier).digest('base64url'),
      code_challenge_method: 'S256',
      lang: locale === 'en' ? 'en' : 'zh-CN',
    }).toString();
    return url.toString();
  }

  /** The code for an ID token, at the token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5). */
  async exchange(code: string, redirectUri: string, verifier: string): Promise<string> {
    const response = await this.fetchFn(this.config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: this.config.clientId,
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }).toString(),
      signal: AbortSignal.timeout(TOKEN_ENDPOINT_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
    if (!response.ok || typeof body.id_token !== 'string') {
      throw new IdTokenInvalid(
        `token endpoint: ${typeof body.error === 'string' ? body.error : response.status}`,
      );
    }
    return body.id_token;
  }

  /**
   * The claims of a valid ID token of ours: RS256 signature by the issuer's key, `iss`, `aud` (our client),
   * `exp`, `iat`, and `nonce` when given. An expired but otherwise valid token raises `IdTokenExpired`
   * (with its claims) up to a day after its expiry; anything else `IdTokenInvalid`.
   */
  async verify(token: string, wallClock: Date, nonce?: string): Promise<JWTPayload> {
    const options = {
      issuer: this.config.issuer,
      audience: this.config.clientId,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat'],
    };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, { ...options, currentDate: wallClock }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        const expired = await jwtVerify(token, this.jwks, {
          ...options,
          currentDate: wallClock,
          clockTolerance: EXPIRED_GRACE_SECONDS,
        }).catch(() => undefined);
        if (expired !== undefined) throw new IdTokenExpired(expired.payload);
      }
      throw new IdTokenInvalid(error instanceof Error ? error.message : 'invalid');
    }
    if (payload.token_use !== undefined && payload.token_use !== 'id')
      throw new IdTokenInvalid('not an ID token');
    if (nonce !== undefined && payload.nonce !== nonce) throw new IdTokenInvalid('nonce mismatch');
    return payload;
  }

  /** Where to end the identity provider's own session (Cognito's `/logout` shape), if it has one. */
  logoutUrl(returnTo: string): string | undefined {
    if (this.config.logoutUrl === undefined) return undefined;
    const url = new URL(this.config.logoutUrl);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('logout_uri', returnTo);
    return url.toString();
  }
}
