import { loadConfig } from '#lib/config';
import { AgencyPath, PageQuery, StaffPath } from '#lib/api/routes';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { createStaffDirectory } from '#lib/adapters/staff-directory';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import { NewStaff, StaffUpdate } from '#lib/domain/staff';
import { created, httpFunction, ok } from '#lib/http/handler';
import { newStaffId } from '#lib/ids';
import { createStaff, listStaff, updateStaff, type StaffDeps } from '#lib/use-cases/staff';

const config = loadConfig(process.env, { records: true, staffDirectory: true });
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const deps: StaffDeps = {
  store: new DynamoStaffStore(table),
  agencies: new DynamoAgencyStore(table),
  directory: createStaffDirectory(config),
  newStaffId,
};

export const handler = httpFunction('staff', {
  'POST /v1/agencies/{agencyId}/staff': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const account = await createStaff(deps, request.principal, agencyId, request.body(NewStaff), request.now);
    return created(account, `/v1/agencies/${agencyId}/staff/${account.staffId}`);
  },

  'GET /v1/agencies/{agencyId}/staff': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await listStaff(deps, request.principal, agencyId, request.query(PageQuery)));
  },

  'PATCH /v1/agencies/{agencyId}/staff/{staffId}': async (request) => {
    const { agencyId, staffId } = request.params(StaffPath);
    return ok(
      await updateStaff(deps, request.principal, agencyId, staffId, request.body(StaffUpdate), request.now),
    );
  },
});
