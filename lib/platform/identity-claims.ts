/**
 * The identity provider's claim layout: where a staff member's id, agency, roles, name and e-mail sit in
 * an ID token. Cognito's (and the local cloud's look-alike tokens) by default; a deployment on another
 * OpenID Connect issuer (the china profile: a province's unified identity platform, a self-hosted IdP)
 * names its own claims in the environment. Defined once, so the adapters that write accounts and tokens
 * and `lib/http/claims` that reads them cannot drift apart.
 */
export type ClaimLayout = Readonly<{
  staffId: string;
  agencyId: string;
  groups: string;
  name: string;
  email: string;
}>;

export const COGNITO_CLAIMS: ClaimLayout = {
  staffId: 'cognito:username',
  agencyId: 'custom:agencyId',
  groups: 'cognito:groups',
  name: 'name',
  email: 'email',
};

/** The environment variables naming another issuer's claims (each optional: Cognito's name otherwise). */
export const CLAIM_ENV = {
  staffId: 'STAFF_CLAIM_STAFF_ID',
  agencyId: 'STAFF_CLAIM_AGENCY',
  groups: 'STAFF_CLAIM_ROLES',
} as const;

const CLAIM_NAME = /^[A-Za-z0-9_:.\-/]{1,128}$/;

/** The layout the environment names; a malformed claim name fails the cold start, naming the variable. */
export function claimLayoutOf(env: Readonly<Record<string, string | undefined>>): ClaimLayout {
  const named = (key: keyof typeof CLAIM_ENV): string => {
    const value = env[CLAIM_ENV[key]];
    if (value === undefined || value === '') return COGNITO_CLAIMS[key];
    if (!CLAIM_NAME.test(value)) throw new Error(`${CLAIM_ENV[key]} is not a claim name: ${value}`);
    return value;
  };
  return {
    ...COGNITO_CLAIMS,
    staffId: named('staffId'),
    agencyId: named('agencyId'),
    groups: named('groups'),
  };
}

/** The layout of this deployment, read once at cold start. */
export const CLAIM: ClaimLayout = claimLayoutOf(process.env);
