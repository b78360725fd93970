import { proactiveDeps } from '#lib/adapters/proactive-deps';
import { submissionRoutes } from '#lib/api/routes/submission';
import { loadConfig } from '#lib/config';
import { created, httpFunction, ok } from '#lib/http/handler';
import {
  addObligation,
  getObligations,
  getReviewChain,
  setCatalogue,
  setReviewChain,
} from '#lib/use-cases/agencies';
import {
  createSubmission,
  editSubmission,
  getSubmission,
  listSubmissions,
  sendForReview,
} from '#lib/use-cases/proactive';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'submission');
const deps = proactiveDeps(config);

export const handler = httpFunction(
  submissionRoutes,
  {
    'PUT /v1/agencies/{agencyId}/catalogue': async ({ principal, params, body, now }) =>
      ok(await setCatalogue(deps.agencies, principal, params.agencyId, body, now)),

    'GET /v1/agencies/{agencyId}/review-chain': async ({ params }) =>
      ok(await getReviewChain(deps.agencies, params.agencyId)),

    'PUT /v1/agencies/{agencyId}/review-chain': async ({ principal, params, body, now }) =>
      ok(await setReviewChain(deps.agencies, principal, params.agencyId, body, now)),

    'GET /v1/agencies/{agencyId}/periodic-obligations': async ({ params }) =>
      ok(await getObligations(deps.agencies, params.agencyId)),

    'POST /v1/agencies/{agencyId}/periodic-obligations': async ({ principal, params, body, now }) => {
      const agency = await addObligation(deps.agencies, principal, params.agencyId, body, now);
      return created(agency, `/v1/agencies/${params.agencyId}/periodic-obligations`);
    },

    'POST /v1/agencies/{agencyId}/submissions': async ({ principal, params, body, now }) => {
      const submission = await createSubmission(deps, principal, params.agencyId, body, now);
      return created(submission, `/v1/agencies/${params.agencyId}/submissions/${submission.id}`);
    },

    'GET /v1/agencies/{agencyId}/submissions': async ({ params, query }) =>
      ok(await listSubmissions(deps, params.agencyId, query)),

    'GET /v1/agencies/{agencyId}/submissions/{submissionId}': async ({ params }) =>
      ok(await getSubmission(deps, params.agencyId, params.submissionId)),

    'PUT /v1/agencies/{agencyId}/submissions/{submissionId}': async ({ principal, params, body, now }) =>
      ok(await editSubmission(deps, principal, params.agencyId, params.submissionId, body, now)),

    'POST /v1/agencies/{agencyId}/submissions/{submissionId}/submission': async ({
      principal,
      params,
      now,
    }) => ok(await sendForReview(deps, principal, params.agencyId, params.submissionId, now)),
  },
  staffAccountLookup(config),
);
