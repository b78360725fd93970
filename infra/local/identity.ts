import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { LocalIssuer } from '#lib/adapters/local-staff-directory';

/**
 * The local identity provider: an RS256 key pair standing in for the Cognito user pool. Its tokens are
 * checked by the local gateway exactly as API Gateway's JWT authorizer checks Cognito's: signature,
 * issuer, audience, expiry.
 */
export const LOCAL_AUDIENCE = 'gongkai-local-staff-client';

export type LocalIdentity = LocalIssuer & { publicJwk: JWK };

export async function loadOrCreateIdentity(issuer: string, keyFile?: string): Promise<LocalIdentity> {
  if (keyFile !== undefined && existsSync(keyFile)) {
    const stored = JSON.parse(await readFile(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    return { issuer, audience: LOCAL_AUDIENCE, privateJwk: stored.privateJwk, publicJwk: stored.publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256' };
  if (keyFile !== undefined) {
    await mkdir(dirname(keyFile), { recursive: true });
    await writeFile(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  }
  return { issuer, audience: LOCAL_AUDIENCE, privateJwk, publicJwk };
}

export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/**
 * Verifies as the HTTP API JWT authorizer does: the key id must be the issuer's, RS256 signature, `iss`,
 * `aud`, `exp` and `iat` present and valid, `nbf` if present. We also require an ID token
 * (`token_use: id`), as the API is configured for.
 */
export async function tokenVerifier(identity: LocalIdentity): Promise<TokenVerifier> {
  const key = await importJWK(identity.publicJwk, 'RS256');
  return async (token) => {
    const { payload, protectedHeader } = await jwtVerify(token, key, {
      issuer: identity.issuer,
      audience: identity.audience,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat'],
    });
    if (protectedHeader.kid !== identity.publicJwk.kid) throw new Error('unknown key id');
    if (payload.token_use !== 'id') throw new Error('not an ID token');
    return payload;
  };
}

/** A 256-bit secret (hex), kept in `file` so an on-disk local cloud keeps matching its applicants. */
export async function loadOrCreateSecret(file?: string): Promise<string> {
  if (file !== undefined && existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('hex');
  if (file !== undefined) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
  }
  return secret;
}
