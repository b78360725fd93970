import * as z from 'zod';
import { ForbiddenError, RuleViolationError, UnauthenticatedError } from './errors';
import { freeText } from './free-text';

/** Staff roles. `platform_admin` runs the platform (calendars, agencies); the rest belong to an agency. */
export const AgencyRole = z.enum([
  'clerk', // 登记、办理
  'reviewer', // 初审
  'secrecy_reviewer', // 保密审查
  'approver', // 审批 (leader who signs off)
  'supervisor', // 监督
  'agency_admin',
]);
export type AgencyRole = z.infer<typeof AgencyRole>;

export const Role = z.enum([...AgencyRole.options, 'platform_admin']);
export type Role = z.infer<typeof Role>;
export const ROLES: readonly Role[] = Role.options;

/** The authenticated staff member behind a request, as established by the JWT authorizer. */
export type Principal = {
  readonly staffId: string;
  readonly agencyId: string;
  readonly roles: ReadonlySet<Role>;
  readonly name?: string | undefined;
  readonly email?: string | undefined;
};

/**
 * Platform administrators belong to no agency: their accounts carry this reserved agency id, which no
 * agency may take.
 */
export const PLATFORM_AGENCY_ID = 'platform';

export const StaffId = z.string().regex(/^stf_[0-9a-z]{20}$/, 'must be a staff id (stf_…)');

const roleList = z
  .array(Role)
  .min(1, 'must name at least one role')
  .max(Role.options.length)
  .refine((roles) => new Set(roles).size === roles.length, 'must not repeat a role');

export const NewStaff = z.strictObject({
  email: z
    .email('must be an e-mail address')
    .max(254)
    .transform((email) => email.toLowerCase()),
  name: freeText(100),
  roles: roleList,
});
export type NewStaff = z.infer<typeof NewStaff>;

export const StaffUpdate = z
  .strictObject({
    version: z.int().min(1, 'must be the version you read'),
    enabled: z.boolean().optional(),
    roles: roleList.optional(),
  })
  .refine((update) => update.enabled !== undefined || update.roles !== undefined, {
    message: 'must change enabled or roles',
    path: ['enabled'],
  });
export type StaffUpdate = z.infer<typeof StaffUpdate>;

/** A staff account of an agency. The identity provider (Cognito in the cloud) holds its credentials. */
export const StaffAccount = z
  .object({
    staffId: z.string(),
    agencyId: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role).readonly(),
    enabled: z.boolean(),
    createdAt: z.string(),
    version: z.int(),
  })
  .readonly();
export type StaffAccount = z.infer<typeof StaffAccount>;

/**
 * The one answer to an e-mail address that cannot be used for a new staff account, whatever the reason:
 * in use in this agency, in another agency or on the platform, or refused by the identity provider. It
 * never says which, so creating staff cannot probe another agency's accounts.
 */
export const emailRefused = (): RuleViolationError =>
  new RuleViolationError('email-refused', 'This e-mail address cannot be used for a new staff account.', [
    { path: 'body.email', message: 'cannot be used' },
  ]);

/**
 * Platform accounts hold `platform_admin` and nothing else; agency accounts never hold it. The two kinds
 * of power stay apart: running the platform is not working a case.
 */
export function assertRolesFitAgency(agencyId: string, roles: readonly Role[]): void {
  const platform = agencyId === PLATFORM_AGENCY_ID;
  const fits = platform
    ? roles.every((role) => role === 'platform_admin')
    : !roles.includes('platform_admin');
  if (!fits) {
    throw new RuleViolationError(
      'roles-do-not-fit-account',
      platform
        ? 'Platform accounts hold only platform_admin.'
        : 'platform_admin is for platform accounts only.',
      [
        {
          path: 'body.roles',
          message: platform ? 'must be [platform_admin]' : 'must not include platform_admin',
        },
      ],
    );
  }
}

/**
 * The principal a staff request acts as: the token's staff member as their account stands now, so that
 * disabling or demoting an account bites at the next request, not when the token expires. The token must
 * still name the account's own agency; the roles are the record's, never the token's groups.
 */
export function currentPrincipal(fromToken: Principal, account: StaffAccount | undefined): Principal {
  if (account === undefined || account.staffId !== fromToken.staffId) {
    throw new UnauthenticatedError('This staff account does not exist.');
  }
  if (!account.enabled) throw new UnauthenticatedError('This staff account is disabled.');
  if (account.agencyId !== fromToken.agencyId) {
    throw new UnauthenticatedError('The token names another agency than its account.');
  }
  return { ...fromToken, roles: new Set(account.roles) };
}

/**
 * Claims that no honest identity provider issues: `platform_admin` is a platform account's group, so a
 * token that carries it for an agency account is refused outright, whatever its record says.
 */
export function assertTokenRolesFitAgency(fromToken: Principal): void {
  if (fromToken.roles.has('platform_admin') && fromToken.agencyId !== PLATFORM_AGENCY_ID) {
    throw new ForbiddenError('platform_admin is for platform accounts only.');
  }
}

/** Clock skew tolerated between the identity provider and us. */
export const TOKEN_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * A token must have been issued in the past (give or take the skew): one dated ahead was minted by
 * a clock or a key that is not the identity provider's, and would outlive its stated lifetime.
 */
export function assertIssuedBefore(issuedAt: number | undefined, now: Date): void {
  if (issuedAt === undefined || !Number.isFinite(issuedAt)) {
    throw new UnauthenticatedError('The staff token has no valid issue time (iat).');
  }
  if (issuedAt * 1000 > now.getTime() + TOKEN_CLOCK_SKEW_SECONDS * 1000) {
    throw new UnauthenticatedError('The staff token is issued in the future (iat).');
  }
}
