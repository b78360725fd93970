import { z } from 'zod';
import { RuleViolationError } from './errors';
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
