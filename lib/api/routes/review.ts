import { ReviewStepId } from '#lib/domain/submission/review-chain';
import { ReviewInput } from '#lib/domain/submission/submission';
import { notFound, rule, versionConflict, wrongState } from '../problems';
import { type RouteDefinition } from '../route-definition';
import { AgencyPath, PageQuery, SubmissionPath } from './shared';

export const ReviewQueueQuery = PageQuery.extend({ step: ReviewStepId.optional() });

/** The review function’s routes: the signed review chain (the final approval publishes). */
export const reviewRoutes = [
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}/reviews',
    function: 'review',
    access: 'staff',
    roles: ['reviewer', 'secrecy_reviewer', 'approver'],
    summary:
      'Sign the current step: approve or return, with an opinion (and the secrecy conclusion at the secrecy review)',
    params: SubmissionPath,
    body: ReviewInput,
    problems: [
      notFound,
      wrongState,
      versionConflict,
      rule('secrecy-conclusion-missing'),
      rule('secrecy-conclusion-misplaced'),
      rule('secrecy-unresolved'),
      rule('refer-upward-holds'),
      rule('secrecy-unsure-refers-upward'),
      rule('redacted-version-missing'),
    ],
    responses: {
      200: {
        description: 'The submission (and the publication, when the last approval publishes)',
        schema: 'SubmissionView',
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/reviews/queue',
    function: 'review',
    access: 'staff',
    summary: 'What waits for my role at a step (?step=<step id>), oldest publication deadline first',
    params: AgencyPath,
    query: ReviewQueueQuery,
    problems: [rule('step-required')],
    responses: { 200: { description: 'A page of submissions', schema: 'ReviewQueueView' } },
  },
] as const satisfies readonly RouteDefinition<'review'>[];
