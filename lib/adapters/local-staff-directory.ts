import { importJWK, SignJWT, type JWK } from 'jose';
import type { StaffAccount } from '#lib/domain/staff';
import type { StaffDirectory } from '#lib/use-cases/staff';
import { CLAIM } from '#lib/platform/identity-claims';

/**
 * The local cloud's identity provider: tokens shaped like Cognito ID tokens (RS256, `cognito:username`,
 * `custom:agencyId`, `cognito:groups`), signed by the local issuer the local gateway trusts.
 * Accounts themselves live in the Records table; the local sign-in reads them from there.
 */
export type LocalIssuer = { issuer: string; audience: string; privateJwk: JWK };

export const LOCAL_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export async function signLocalIdToken(
  issuer: LocalIssuer,
  account: Pick<StaffAccount, 'staffId' | 'agencyId' | 'roles' | 'email' | 'name'>,
  now: Date,
  lifetimeSeconds = LOCAL_TOKEN_LIFETIME_SECONDS,
  /** Claims of this one sign-in (the OpenID Connect `nonce`). */
  extra: Readonly<Record<string, string>> = {},
): Promise<string> {
  const key = await importJWK(issuer.privateJwk, 'RS256');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    [CLAIM.staffId]: account.staffId,
    [CLAIM.agencyId]: account.agencyId,
    [CLAIM.groups]: [...account.roles],
    [CLAIM.email]: account.email,
    [CLAIM.name]: account.name,
    token_use: 'id',
    auth_time: issuedAt,
    ...extra,
  })
    .setProtectedHeader({ alg: 'RS256', kid: issuer.privateJwk.kid ?? 'local', typ: 'JWT' })
    .setIssuer(issuer.issuer)
    .setAudience(issuer.audience)
    .setSubject(account.staffId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(key);
}

export class LocalStaffDirectory implements StaffDirectory {
  /** The accounts signed out, in order (local tokens cannot be revoked; every staff request reads the record). */
  readonly signedOut: string[] = [];

  constructor(private readonly issuer: LocalIssuer) {}

  /** Token lifetimes are the identity provider's business: they run on the wall clock, as Cognito's do. */
  async createAccount(account: StaffAccount): Promise<{ token: string }> {
    return { token: await signLocalIdToken(this.issuer, account, new Date()) };
  }

  // Local accounts are the Records table's staff items: enabling, disabling and roles take effect at
  // the next local sign-in, which reads them. Nothing else to change here.
  async deleteAccount(): Promise<void> {}
  async setEnabled(): Promise<void> {}
  async setRoles(): Promise<void> {}
  async signOut(staffId: string): Promise<void> {
    this.signedOut.push(staffId);
  }
}
