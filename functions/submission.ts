import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  AgencyPath,
  ObligationDeclaration,
  SubmissionEdit,
  SubmissionPath,
  SubmissionQuery,
} from '#lib/api/routes';
import { proactiveDeps } from '#lib/adapters/proactive-deps';
import { loadConfig } from '#lib/config';
import { reviewChainOf } from '#lib/domain/agency';
import { CatalogueUpdate } from '#lib/domain/submission/catalogue';
import { ReviewChainUpdate } from '#lib/domain/submission/review-chain';
import { SubmissionInput } from '#lib/domain/submission/submission';
import { created, httpFunction, ok } from '#lib/http/handler';
import { addObligation, getAgency, setCatalogue, setReviewChain } from '#lib/use-cases/agencies';
import {
  createSubmission,
  editSubmission,
  getSubmission,
  listSubmissions,
  sendForReview,
} from '#lib/use-cases/proactive';

const config = loadConfig(process.env, { records: true, uploads: true });
const deps = proactiveDeps(config);

export const handler = httpFunction('submission', {
  'PUT /v1/agencies/{agencyId}/catalogue': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(
      await setCatalogue(
        deps.agencies,
        request.principal,
        agencyId,
        request.body(CatalogueUpdate),
        request.now,
      ),
    );
  },

  'GET /v1/agencies/{agencyId}/review-chain': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const agency = await getAgency(deps.agencies, request.principal, agencyId);
    return ok({
      steps: reviewChainOf(agency),
      configured: agency.reviewChain !== null,
      version: agency.version,
    });
  },

  'PUT /v1/agencies/{agencyId}/review-chain': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(
      await setReviewChain(
        deps.agencies,
        request.principal,
        agencyId,
        request.body(ReviewChainUpdate),
        request.now,
      ),
    );
  },

  'GET /v1/agencies/{agencyId}/periodic-obligations': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const agency = await getAgency(deps.agencies, request.principal, agencyId);
    return ok({ items: agency.obligations, version: agency.version });
  },

  'POST /v1/agencies/{agencyId}/periodic-obligations': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const id = `ob_${randomBytes(6).toString('hex').slice(0, 8)}`;
    const agency = await addObligation(
      deps.agencies,
      request.principal,
      agencyId,
      request.body(ObligationDeclaration),
      id,
      request.now,
    );
    return created(agency, `/v1/agencies/${agencyId}/periodic-obligations`);
  },

  'POST /v1/agencies/{agencyId}/submissions': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    const submission = await createSubmission(
      deps,
      request.principal,
      agencyId,
      request.body(SubmissionInput),
      request.now,
    );
    return created(submission, `/v1/agencies/${agencyId}/submissions/${submission.id}`);
  },

  'GET /v1/agencies/{agencyId}/submissions': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await listSubmissions(deps, request.principal, agencyId, request.query(SubmissionQuery)));
  },

  'GET /v1/agencies/{agencyId}/submissions/{submissionId}': async (request) => {
    const { agencyId, submissionId } = request.params(SubmissionPath);
    return ok(await getSubmission(deps, request.principal, agencyId, submissionId));
  },

  'PUT /v1/agencies/{agencyId}/submissions/{submissionId}': async (request) => {
    const { agencyId, submissionId } = request.params(SubmissionPath);
    return ok(
      await editSubmission(
        deps,
        request.principal,
        agencyId,
        submissionId,
        request.body(SubmissionEdit),
        request.now,
      ),
    );
  },

  'POST /v1/agencies/{agencyId}/submissions/{submissionId}/submission': async (request) => {
    const { agencyId, submissionId } = request.params(SubmissionPath);
    request.body(z.strictObject({}));
    return ok(await sendForReview(deps, request.principal, agencyId, submissionId, request.now));
  },
});
