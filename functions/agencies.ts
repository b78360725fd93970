import { loadConfig } from '#lib/config';
import { AgencyPath, PageQuery } from '#lib/api/routes';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { NewAgency, PolicyUpdate, ProfileUpdate } from '#lib/domain/agency';
import { chinaDateOf } from '#lib/domain/china-time';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  createAgency,
  getAgency,
  getPolicies,
  listDirectory,
  setPolicy,
  updateProfile,
} from '#lib/use-cases/agencies';

const config = loadConfig(process.env, { records: true });
const store = new DynamoAgencyStore(new RecordsTable(createDocumentClient(config), config.tableName));

export const handler = httpFunction('agencies', {
  'GET /v1/agencies': async (request) => ok(await listDirectory(store, request.query(PageQuery))),

  'POST /v1/agencies': async (request) => {
    const agency = await createAgency(store, request.principal, request.body(NewAgency), request.now);
    return created(agency, `/v1/agencies/${agency.agencyId}/profile`);
  },

  'GET /v1/agencies/{agencyId}/profile': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await getAgency(store, request.principal, agencyId));
  },

  'GET /v1/agencies/{agencyId}/policy': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await getPolicies(store, request.principal, agencyId, chinaDateOf(request.now)));
  },

  'PUT /v1/agencies/{agencyId}/policy': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await setPolicy(store, request.principal, agencyId, request.body(PolicyUpdate), request.now));
  },

  'PUT /v1/agencies/{agencyId}/profile': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(
      await updateProfile(store, request.principal, agencyId, request.body(ProfileUpdate), request.now),
    );
  },
});
