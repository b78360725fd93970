import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import type { RecordsTable } from '#lib/adapters/records-table';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import type { OfficeProfile } from '#lib/domain/agency';
import { PLATFORM_AGENCY_ID, ROLES, type Principal, type Role, type StaffAccount } from '#lib/domain/staff';
import { newStaffId } from '#lib/ids';
import { createAgency } from '#lib/use-cases/agencies';
import { createStaff, type StaffDirectory } from '#lib/use-cases/staff';

/**
 * The demo tenant of the local cloud: one agency and one staff member per role, and a second reviewer
 * (the default review chain has two review levels, 初审 and 复审, and nobody signs two steps of one item),
 * created through the same use cases the API calls. Idempotent, so an on-disk local cloud can be restarted.
 */
export type DemoAccount = Role | 'second_reviewer';
export const DEMO_AGENCY_ID = 'demo-city';

const demoOffice: OfficeProfile = {
  officeName: '示范市人民政府办公室政务公开科',
  head: '王明',
  address: '示范市人民路1号',
  postcode: '100000',
  openingHours: '工作日 9:00–12:00，13:30–17:30',
  phone: '010-12345678',
  fax: '010-12345679',
  email: 'gongkai@demo-city.example.cn',
  website: null,
};

const bootstrap: Principal = {
  staffId: 'local-bootstrap',
  agencyId: PLATFORM_AGENCY_ID,
  roles: new Set<Role>(['platform_admin']),
  name: 'local seed',
};

export async function seedDemo(
  table: RecordsTable,
  directory: StaffDirectory,
  now: Date,
): Promise<Record<DemoAccount, StaffAccount>> {
  const agencies = new DynamoAgencyStore(table);
  const staff = new DynamoStaffStore(table);
  if ((await agencies.get(DEMO_AGENCY_ID)) === undefined) {
    await createAgency(
      agencies,
      bootstrap,
      {
        agencyId: DEMO_AGENCY_ID,
        name: '示范市人民政府',
        level: 'government',
        parentAgencyId: null,
        profile: demoOffice,
      },
      now,
    );
  }
  const accounts: Partial<Record<DemoAccount, StaffAccount>> = {};
  const demo: [DemoAccount, Role][] = [
    ...ROLES.map((role) => [role, role] as [Role, Role]),
    ['second_reviewer', 'reviewer'],
  ];
  for (const [account, role] of demo) {
    const email = `${account.replace('_', '-')}@demo-city.example.cn`;
    const agencyId = role === 'platform_admin' ? PLATFORM_AGENCY_ID : DEMO_AGENCY_ID;
    accounts[account] =
      (await staff.findByEmail(email)) ??
      (await createStaff(
        { store: staff, agencies, directory, newStaffId },
        bootstrap,
        agencyId,
        { email, name: `示范 ${account}`, roles: [role] },
        now,
      ));
  }
  return accounts as Record<DemoAccount, StaffAccount>;
}
