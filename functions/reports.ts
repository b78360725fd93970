import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { DynamoReportStore } from '#lib/adapters/report-store';
import { reportsRoutes } from '#lib/api/routes/reports';
import { loadConfig } from '#lib/config';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  draftReport,
  listChallenges,
  editNarrative,
  getDraft,
  getFigures,
  publish,
  readPublished,
  recordChallenge,
  setFigures,
  updateChallenge,
  type ReportDeps,
} from '#lib/use-cases/annual-reports';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'reports');
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const deps: ReportDeps = { store: new DynamoReportStore(table), agencies: new DynamoAgencyStore(table) };

export const handler = httpFunction(
  reportsRoutes,
  {
    'PUT /v1/agencies/{agencyId}/annual-reports/{year}/figures': async ({ params, body }) =>
      ok(await setFigures(deps, params.agencyId, params.year, body)),
    'GET /v1/agencies/{agencyId}/annual-reports/{year}/figures': async ({ params }) =>
      ok(await getFigures(deps, params.agencyId, params.year)),
    'POST /v1/agencies/{agencyId}/annual-reports/{year}/draft': async ({ principal, params, now }) =>
      ok(await draftReport(deps, principal, params.agencyId, params.year, now)),
    'GET /v1/agencies/{agencyId}/annual-reports/{year}/draft': async ({ params }) =>
      ok(await getDraft(deps, params.agencyId, params.year)),
    'PUT /v1/agencies/{agencyId}/annual-reports/{year}': async ({ principal, params, body, now }) =>
      ok(await editNarrative(deps, principal, params.agencyId, params.year, body, now)),
    'POST /v1/agencies/{agencyId}/annual-reports/{year}/publication': async ({
      principal,
      params,
      body,
      now,
    }) => ok(await publish(deps, principal, params.agencyId, params.year, body, now)),
    'GET /v1/agencies/{agencyId}/annual-reports/{year}': async ({ params, query, headers }) => {
      const report = await readPublished(deps, params.agencyId, params.year, query.edition);
      if (headers.accept?.includes('text/html') === true)
        return { status: 200, text: report.html(), contentType: 'text/html; charset=utf-8' };
      return ok({ content: report.content, seal: report.seal, editions: report.editions });
    },
    'POST /v1/agencies/{agencyId}/legal-challenges': async ({ principal, params, body, now }) => {
      const challenge = await recordChallenge(deps, principal, params.agencyId, body, now);
      return created(challenge, `/v1/agencies/${params.agencyId}/legal-challenges/${challenge.id}`);
    },
    'GET /v1/agencies/{agencyId}/legal-challenges': async ({ params, query }) =>
      ok(await listChallenges(deps, params.agencyId, query)),
    'PUT /v1/agencies/{agencyId}/legal-challenges/{challengeId}': async ({ principal, params, body, now }) =>
      ok(await updateChallenge(deps, principal, params.agencyId, params.challengeId, body, now)),
  },
  staffAccountLookup(config),
);
