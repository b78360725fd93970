import type { Principal, StaffAccount } from '#lib/domain/staff';

/**
 * The console's session: the ID token the identity provider issued at sign-in, kept in a `__Host-` cookie
 * (this host only, path `/`, Secure, HttpOnly, SameSite=Lax so the identity provider's redirect back
 * carries it). Every console request verifies it (signature against the issuer's JWKS, issuer, audience,
 * expiry) and then reads the staff record, so a disabled account stops at its next click.
 */
export const SESSION_COOKIE = '__Host-gk-session';

export type StaffSession = {
  /** Who is signed in, with the roles their staff record gives them now. */
  readonly principal: Principal;
  readonly account: StaffAccount;
  /** The agency's name, for the header (the platform's own name for platform administrators). */
  readonly agencyName: string;
};

/** What a request's session cookie says. */
export type SessionCheck =
  | { readonly kind: 'signed-in'; readonly session: StaffSession }
  /** A genuine session of this person whose time is up: their posted form can be kept for them. */
  | { readonly kind: 'expired'; readonly staffId: string }
  /** No cookie, or one we did not issue. */
  | { readonly kind: 'none' }
  /** A valid session of an account that is disabled or gone. */
  | { readonly kind: 'disabled' };

/** A form kept across an expired session: which form (its action path) and what was typed into it. */
export type HeldForm = { readonly action: string; readonly values: Readonly<Record<string, string>> };

export type SessionGate = {
  readonly check: (cookie: string | undefined, wallClock: Date) => Promise<SessionCheck>;
  /** Keeps a form for its author; answers the id the page returns with. */
  readonly hold: (staffId: string, form: HeldForm, now: Date) => Promise<string>;
  /** The form kept for this person under `id`, if it is theirs and still kept. */
  readonly held: (staffId: string, id: string, now: Date) => Promise<HeldForm | undefined>;
};

/** Where a browser goes to sign in, and comes back to afterwards (a console path of ours only). */
export const signInPath = (returnTo: string): string =>
  `/console/sign-in?return=${encodeURIComponent(safeReturn(returnTo))}`;

/** A console path to return to, or the console's home: never another site (`//host`, `https:`). */
export function safeReturn(path: string | undefined): string {
  if (path === undefined || !/^\/console(?:[/?]|$)/.test(path) || /[\\\s]/.test(path)) return '/console';
  return path;
}
