import { applicationDeps } from '#lib/adapters/application-deps';
import { intakeRoutes } from '#lib/api/routes/intake';
import { loadConfig } from '#lib/config';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  applicationStatus,
  submitApplication,
  reasonsByApplicant,
  supplementByApplicant,
  withdrawByApplicant,
} from '#lib/use-cases/applications/applicant';

const config = loadConfig(process.env, 'intake');
const { deps } = await applicationDeps(config);

export const handler = httpFunction(intakeRoutes, {
  'POST /v1/agencies/{agencyId}/applications': async ({ params, headers, body, now }) => {
    const submitted = await submitApplication(deps, params.agencyId, body, headers['idempotency-key'], now);
    return {
      ...created(submitted, submitted.statusUrl),
      headers: { location: submitted.statusUrl, 'cache-control': 'no-store' },
    };
  },

  'GET /v1/applications/{trackingNumber}': async ({ params, headers }) =>
    ok(await applicationStatus(deps, params.trackingNumber, headers['x-access-token']), {
      'cache-control': 'no-store',
    }),

  'POST /v1/applications/{trackingNumber}/supplements': async ({ params, headers, body, now }) =>
    ok(await supplementByApplicant(deps, params.trackingNumber, headers['x-access-token'], body, now)),

  'POST /v1/applications/{trackingNumber}/reasons': async ({ params, headers, body, now }) =>
    ok(await reasonsByApplicant(deps, params.trackingNumber, headers['x-access-token'], body, now)),

  'POST /v1/applications/{trackingNumber}/withdrawal': async ({ params, headers, body, now }) =>
    ok(await withdrawByApplicant(deps, params.trackingNumber, headers['x-access-token'], body, now)),
});
