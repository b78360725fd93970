import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { DynamoApplicationStore } from '#lib/adapters/application-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { oversightRoutes } from '#lib/api/routes/oversight';
import { loadConfig } from '#lib/config';
import { httpFunction, ok } from '#lib/http/handler';
import { chinaDateOf } from '#lib/domain/china-time';
import {
  listAwaitingConfirmation,
  listBreaches,
  listOutbox,
  listReminders,
  type OversightDeps,
} from '#lib/use-cases/oversight';
import { staffAccountLookup } from '#lib/adapters/staff-store';
import { DynamoReportStore } from '#lib/adapters/report-store';
import {
  assessTree,
  complianceOverTree,
  publishRollUp,
  readPublishedRollUp,
  rollUpReports,
} from '#lib/use-cases/supervision';

const config = loadConfig(process.env, 'oversight');
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const agencies = new DynamoAgencyStore(table);
const sweepStore = new DynamoSweepStore(table, agencies);
const deps: OversightDeps = {
  store: sweepStore,
  agencies,
  applications: new DynamoApplicationStore(table),
};
const reports = new DynamoReportStore(table);
const compliance = { agencies, days: reports, breaches: sweepStore };
const assessment = { ...compliance, reports };

export const handler = httpFunction(
  oversightRoutes,
  {
    'GET /v1/agencies/{agencyId}/breaches': async ({ principal, params, query }) =>
      ok(await listBreaches(deps, principal, params.agencyId, query)),
    'GET /v1/agencies/{agencyId}/reminders': async ({ principal, params, query }) =>
      ok(await listReminders(deps, principal, params.agencyId, query)),
    'GET /v1/agencies/{agencyId}/outbox': async ({ principal, params, query }) =>
      ok(await listOutbox(deps, principal, params.agencyId, query)),
    'GET /v1/agencies/{agencyId}/awaiting-confirmation': async ({ principal, params, query, now }) =>
      ok(await listAwaitingConfirmation(deps, principal, params.agencyId, query, chinaDateOf(now))),
    'GET /v1/agencies/{agencyId}/roll-ups/{year}': async ({ principal, params }) =>
      ok(await rollUpReports({ agencies, reports }, principal, params.agencyId, params.year)),
    'POST /v1/agencies/{agencyId}/roll-ups/{year}/publication': async ({ principal, params, body, now }) =>
      ok(
        await publishRollUp(
          { agencies, reports, editions: reports },
          principal,
          params.agencyId,
          params.year,
          body,
          now,
        ),
      ),
    'GET /v1/agencies/{agencyId}/roll-ups/{year}/published': async ({ params, query, headers }) => {
      const published = await readPublishedRollUp(reports, params.agencyId, params.year, query.edition);
      if (headers.accept?.includes('text/html') === true)
        return {
          status: 200,
          text: published.html(),
          contentType: 'text/html; charset=utf-8',
        };
      return ok({ content: published.content, seal: published.seal, editions: published.editions });
    },
    'GET /v1/agencies/{agencyId}/compliance': async ({ principal, params, query, now }) =>
      ok(await complianceOverTree(compliance, principal, params.agencyId, query, chinaDateOf(now))),
    'GET /v1/agencies/{agencyId}/assessments/{year}': async ({ principal, params, query }) =>
      ok(await assessTree(assessment, principal, params.agencyId, params.year, query.table)),
  },
  staffAccountLookup(config),
);
