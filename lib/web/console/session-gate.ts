import {
  assertIssuedBefore,
  assertTokenRolesFitAgency,
  currentPrincipal,
  type StaffAccount,
} from '#lib/domain/staff';
import { claimsAsAuthorizerPassesThem, principalFromClaims } from '#lib/http/claims';
import type { JWTPayload } from 'jose';
import type { HeldForm, SessionCheck, SessionGate } from './session';

/** What the gate needs: an ID token verifier, the staff records, agency names, and where forms are kept. */
export type SessionGateDeps = {
  /** Resolves the claims of a valid token; rejects with `{ expired: claims }` or anything else. */
  readonly verify: (token: string, wallClock: Date) => Promise<JWTPayload>;
  readonly isExpired: (error: unknown) => JWTPayload | undefined;
  readonly staffAccountOf: (staffId: string) => Promise<StaffAccount | undefined>;
  readonly agencyNameOf: (agencyId: string) => Promise<string>;
  readonly heldForms: {
    readonly hold: (staffId: string, form: HeldForm, now: Date) => Promise<string>;
    readonly held: (staffId: string, id: string, now: Date) => Promise<HeldForm | undefined>;
  };
};

/**
 * The console's gate, before every signed-in page: the session cookie's ID token verified, then the staff
 * record read — the token says who, the record says what they may do now (a disabled account stops at
 * its next click, whatever its token's lifetime). Token times run on the wall clock (the identity
 * provider's), never on a request's business time.
 */
export function sessionGate(deps: SessionGateDeps): SessionGate {
  return {
    async check(cookie, wallClock): Promise<SessionCheck> {
      if (cookie === undefined || cookie === '') return { kind: 'none' };
      let payload: JWTPayload;
      try {
        payload = await deps.verify(cookie, wallClock);
      } catch (error) {
        const expired = deps.isExpired(error);
        const staffId = expired && principalFromClaims(claimsAsAuthorizerPassesThem(expired))?.staffId;
        return staffId ? { kind: 'expired', staffId } : { kind: 'none' };
      }
      const fromToken = principalFromClaims(claimsAsAuthorizerPassesThem(payload));
      if (fromToken === undefined) return { kind: 'none' };
      try {
        assertIssuedBefore(Number(payload.iat), wallClock);
        assertTokenRolesFitAgency(fromToken);
      } catch {
        return { kind: 'none' };
      }
      const account = await deps.staffAccountOf(fromToken.staffId);
      let principal;
      try {
        principal = currentPrincipal(fromToken, account);
      } catch {
        return { kind: 'disabled' };
      }
      if (account === undefined) return { kind: 'disabled' };
      return {
        kind: 'signed-in',
        session: { principal, account, agencyName: await deps.agencyNameOf(account.agencyId) },
      };
    },
    hold: (staffId, form, now) => deps.heldForms.hold(staffId, form, now),
    held: (staffId, id, now) => deps.heldForms.held(staffId, id, now),
  };
}
