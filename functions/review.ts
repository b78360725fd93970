import { proactiveDeps } from '#lib/adapters/proactive-deps';
import { reviewRoutes } from '#lib/api/routes/review';
import { loadConfig } from '#lib/config';
import { httpFunction, ok } from '#lib/http/handler';
import { reviewQueue, reviewSubmission } from '#lib/use-cases/proactive';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'review');
const deps = proactiveDeps(config);

export const handler = httpFunction(
  reviewRoutes,
  {
    'POST /v1/agencies/{agencyId}/submissions/{submissionId}/reviews': async ({
      principal,
      params,
      body,
      now,
    }) => ok(await reviewSubmission(deps, principal, params.agencyId, params.submissionId, body, now)),

    'GET /v1/agencies/{agencyId}/reviews/queue': async ({ principal, params, query }) =>
      ok(await reviewQueue(deps, principal, params.agencyId, query)),
  },
  staffAccountLookup(config),
);
