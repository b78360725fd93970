import { staffRoutes } from '#lib/api/routes/staff';
import { loadConfig } from '#lib/config';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { createStaffDirectory } from '#lib/adapters/staff-directory';
import { DynamoStaffStore, staffAccountLookup } from '#lib/adapters/staff-store';
import { created, httpFunction, ok } from '#lib/http/handler';
import { newStaffId } from '#lib/ids';
import { createStaff, listStaff, updateStaff, type StaffDeps } from '#lib/use-cases/staff';

const config = loadConfig(process.env, 'staff');
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const deps: StaffDeps = {
  store: new DynamoStaffStore(table),
  agencies: new DynamoAgencyStore(table),
  directory: createStaffDirectory(config),
  newStaffId,
};

export const handler = httpFunction(
  staffRoutes,
  {
    'POST /v1/agencies/{agencyId}/staff': async ({ principal, params, body, now }) => {
      const account = await createStaff(deps, principal, params.agencyId, body, now);
      return created(account, `/v1/agencies/${params.agencyId}/staff/${account.staffId}`);
    },

    'GET /v1/agencies/{agencyId}/staff': async ({ params, query }) =>
      ok(await listStaff(deps, params.agencyId, query)),

    'PATCH /v1/agencies/{agencyId}/staff/{staffId}': async ({ principal, params, body, now }) =>
      ok(await updateStaff(deps, principal, params.agencyId, params.staffId, body, now)),
  },
  staffAccountLookup(config),
);
