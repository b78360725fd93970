import { AgencyPath, ReviewQueueQuery, SubmissionPath } from '#lib/api/routes';
import { proactiveDeps } from '#lib/adapters/proactive-deps';
import { loadConfig } from '#lib/config';
import { ReviewInput } from '#lib/domain/submission/submission';
import { httpFunction, ok } from '#lib/http/handler';
import { reviewQueue, reviewSubmission } from '#lib/use-cases/proactive';

const config = loadConfig(process.env, { records: true, uploads: true });
const deps = proactiveDeps(config);

export const handler = httpFunction('review', {
  'POST /v1/agencies/{agencyId}/submissions/{submissionId}/reviews': async (request) => {
    const { agencyId, submissionId } = request.params(SubmissionPath);
    return ok(
      await reviewSubmission(
        deps,
        request.principal,
        agencyId,
        submissionId,
        request.body(ReviewInput),
        request.now,
      ),
    );
  },

  'GET /v1/agencies/{agencyId}/reviews/queue': async (request) => {
    const { agencyId } = request.params(AgencyPath);
    return ok(await reviewQueue(deps, request.principal, agencyId, request.query(ReviewQueueQuery)));
  },
});
