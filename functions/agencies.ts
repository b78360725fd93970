import { agenciesRoutes } from '#lib/api/routes/agencies';
import { loadConfig } from '#lib/config';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { chinaDateOf } from '#lib/domain/china-time';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  createAgency,
  getAgency,
  getPolicies,
  getReconsideration,
  listDirectory,
  setPolicy,
  setReconsideration,
  updateProfile,
} from '#lib/use-cases/agencies';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'agencies');
const store = new DynamoAgencyStore(new RecordsTable(createDocumentClient(config), config.tableName));

export const handler = httpFunction(
  agenciesRoutes,
  {
    'GET /v1/agencies': async ({ query }) => ok(await listDirectory(store, query)),

    'POST /v1/agencies': async ({ principal, body, now }) => {
      const agency = await createAgency(store, principal, body, now);
      return created(agency, `/v1/agencies/${agency.agencyId}/profile`);
    },

    'GET /v1/agencies/{agencyId}/profile': async ({ params }) => ok(await getAgency(store, params.agencyId)),

    'GET /v1/agencies/{agencyId}/policy': async ({ params, now }) =>
      ok(await getPolicies(store, params.agencyId, chinaDateOf(now))),

    'PUT /v1/agencies/{agencyId}/policy': async ({ principal, params, body, now }) =>
      ok(await setPolicy(store, principal, params.agencyId, body, now)),

    'PUT /v1/agencies/{agencyId}/profile': async ({ principal, params, body, now }) =>
      ok(await updateProfile(store, principal, params.agencyId, body, now)),

    'GET /v1/agencies/{agencyId}/reconsideration': async ({ params }) =>
      ok(await getReconsideration(store, params.agencyId)),

    'PUT /v1/agencies/{agencyId}/reconsideration': async ({ principal, params, body, now }) =>
      ok(await setReconsideration(store, principal, params.agencyId, body, now)),
  },
  staffAccountLookup(config),
);
