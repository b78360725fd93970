import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { loadConfig } from '#lib/config';
import { httpFunction, ok } from '#lib/http/handler';
import { listBreaches, listOutbox, listReminders, type OversightDeps } from '#lib/use-cases/oversight';

const config = loadConfig(process.env, 'oversight');
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const agencies = new DynamoAgencyStore(table);
const deps: OversightDeps = { store: new DynamoSweepStore(table, agencies), agencies };

export const handler = httpFunction('oversight', {
  'GET /v1/agencies/{agencyId}/breaches': async ({ principal, params, query }) =>
    ok(await listBreaches(deps, principal, params.agencyId, query)),
  'GET /v1/agencies/{agencyId}/reminders': async ({ principal, params, query }) =>
    ok(await listReminders(deps, principal, params.agencyId, query)),
  'GET /v1/agencies/{agencyId}/outbox': async ({ principal, params, query }) =>
    ok(await listOutbox(deps, principal, params.agencyId, query)),
});
