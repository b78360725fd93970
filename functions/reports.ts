import { z } from 'zod';
import { AgencyPath, ChallengePath, PageQuery, ReportPath } from '#lib/api/routes';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { RecordsTable } from '#lib/adapters/records-table';
import { DynamoReportStore } from '#lib/adapters/report-store';
import { loadConfig } from '#lib/config';
import { Figures, LegalChallengeInput, LegalChallengeOutcome, Narrative } from '#lib/domain/annual-report';
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

const config = loadConfig(process.env, { records: true });
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const deps: ReportDeps = { store: new DynamoReportStore(table), agencies: new DynamoAgencyStore(table) };

export const handler = httpFunction('reports', {
  'PUT /v1/agencies/{agencyId}/annual-reports/{year}/figures': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    return ok(await setFigures(deps, request.principal, agencyId, year, request.body(Figures)));
  },
  'GET /v1/agencies/{agencyId}/annual-reports/{year}/figures': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    return ok(await getFigures(deps, request.principal, agencyId, year));
  },
  'POST /v1/agencies/{agencyId}/annual-reports/{year}/draft': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    request.body(z.strictObject({}));
    return ok(await draftReport(deps, request.principal, agencyId, year, request.now));
  },
  'GET /v1/agencies/{agencyId}/annual-reports/{year}/draft': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    return ok(await getDraft(deps, request.principal, agencyId, year));
  },
  'PUT /v1/agencies/{agencyId}/annual-reports/{year}': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    return ok(
      await editNarrative(deps, request.principal, agencyId, year, request.body(Narrative), request.now),
    );
  },
  'POST /v1/agencies/{agencyId}/annual-reports/{year}/publication': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    return ok(
      await publish(
        deps,
        request.principal,
        agencyId,
        year,
        request.body(z.strictObject({ version: z.int().min(1) })),
        request.now,
      ),
    );
  },
  'GET /v1/agencies/{agencyId}/annual-reports/{year}': async (request) => {
    const { agencyId, year } = request.params(ReportPath);
    const { edition } = request.query(z.object({ edition: z.coerce.number().int().min(1).optional() }));
    const report = await readPublished(deps, agencyId, year, edition);
    if ((request.header('accept') ?? '').includes('text/html'))
      return { status: 200, text: report.html(), contentType: 'text/html; charset=utf-8' };
    return ok({ content: report.content, seal: report.seal, editions: report.editions });
  },
  'POST /v1/agencies/{agencyId}/legal-challenges': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const challenge = await recordChallenge(
      deps,
      request.principal,
      agencyId,
      request.body(LegalChallengeInput),
      request.now,
    );
    return created(challenge, `/v1/agencies/${agencyId}/legal-challenges/${challenge.id}`);
  },
  'GET /v1/agencies/{agencyId}/legal-challenges': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await listChallenges(deps, request.principal, agencyId, request.query(PageQuery)));
  },
  'PUT /v1/agencies/{agencyId}/legal-challenges/{challengeId}': async (request) => {
    const { agencyId, challengeId } = request.params(ChallengePath);
    return ok(
      await updateChallenge(
        deps,
        request.principal,
        agencyId,
        challengeId,
        request.body(LegalChallengeOutcome),
        request.now,
      ),
    );
  },
});
