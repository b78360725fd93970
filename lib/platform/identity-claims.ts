/**
 * The identity provider's claim layout: where a staff member's id, agency, roles, name and e-mail sit in
 * a Cognito ID token (and in the local cloud's look-alike tokens). Defined once, so the adapters that
 * write accounts and tokens and `lib/http/claims` that reads them cannot drift apart.
 */
export const CLAIM = {
  staffId: 'cognito:username',
  agencyId: 'custom:agencyId',
  groups: 'cognito:groups',
  name: 'name',
  email: 'email',
} as const;
