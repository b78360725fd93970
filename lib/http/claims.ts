import { Role, type Principal } from '#lib/domain/staff';
import { CLAIM } from '#lib/platform/identity-claims';

/**
 * The one place where JWT claims become a principal. API Gateway's HTTP API JWT authorizer hands claims
 * to Lambda as strings, and an array claim such as `cognito:groups` arrives as `"[clerk reviewer]"`.
 *
 * We use Cognito ID tokens (audience = the app client): they carry `cognito:groups` (our roles) and the
 * custom attribute `custom:agencyId`; access tokens would carry the agency only through a paid-tier
 * pre-token-generation trigger.
 */
export type Claims = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** `"[clerk reviewer]"`, `"clerk"`, or a real array: the groups as a list. */
export function parseGroupsClaim(value: Claims[string] | undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner.split(/[\s,]+/).filter((group) => group.length > 0);
}

/** The principal behind the claims, or `undefined` when they do not identify a staff member of an agency. */
export function principalFromClaims(claims: Claims): Principal | undefined {
  const staffId = claims[CLAIM.staffId];
  const agencyId = claims[CLAIM.agencyId];
  if (typeof staffId !== 'string' || staffId === '' || typeof agencyId !== 'string' || agencyId === '') {
    return undefined;
  }
  const roles = new Set<Role>();
  for (const group of parseGroupsClaim(claims[CLAIM.groups])) {
    const role = Role.safeParse(group);
    if (role.success) roles.add(role.data);
  }
  const name = claims[CLAIM.name];
  const email = claims[CLAIM.email];
  return {
    staffId,
    agencyId,
    roles,
    name: typeof name === 'string' ? name : undefined,
    email: typeof email === 'string' ? email : undefined,
  };
}

/** Claims as the authorizer would pass them: every value a string, arrays as `"[a b]"`. */
export function claimsAsAuthorizerPassesThem(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[key] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = String(value);
    else out[key] = JSON.stringify(value);
  }
  return out;
}
