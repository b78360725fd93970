import * as z from 'zod';
import { PeriodicObligationInput } from '#lib/domain/agency';
import { CivilDate } from '#lib/domain/calendar/civil-date';
import { CatalogueUpdate } from '#lib/domain/submission/catalogue';
import { ReviewChainUpdate } from '#lib/domain/submission/review-chain';
import { SubmissionInput, SubmissionStatus } from '#lib/domain/submission/submission';
import { notFound, rule, versionConflict, wrongState } from '../problems';
import { type RouteDefinition } from '../route-definition';
import { AgencyPath, PageQuery, SubmissionPath } from './shared';

export const SubmissionQuery = PageQuery.extend({
  status: SubmissionStatus.exclude(['in_review']).default('draft'),
});

export const SubmissionEdit = z.strictObject({
  version: z.int().min(1, 'must be the version you read'),
  content: SubmissionInput,
  // A revision's date of change (Reg. 26: 变更): required to revise a published item.
  changedOn: CivilDate.optional(),
});

export const ObligationDeclaration = PeriodicObligationInput.extend({
  version: z.int().min(1, 'must be the version you read'),
});

/** The submission function’s routes: the catalogue, the review chain, obligations and submissions. */
export const submissionRoutes = [
  // --- Proactive disclosure: configuration, submissions, reviews, the reading room ---
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/catalogue',
    function: 'submission',
    access: 'staff',
    roles: ['agency_admin'],
    summary: 'Replace the disclosure catalogue (信息公开目录) categories',
    params: AgencyPath,
    body: CatalogueUpdate,
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The agency', schema: 'AgencyView' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/review-chain',
    function: 'submission',
    access: 'staff',
    summary: 'The review chain submissions pass through',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The steps and the roles that sign them', schema: 'ReviewChainView' } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/review-chain',
    function: 'submission',
    access: 'staff',
    roles: ['agency_admin'],
    summary:
      'Configure the review chain: its steps with ids, labels, roles and kinds (初审, 复审, 保密审查 before 终审; optional 印前复核 after it)',
    params: AgencyPath,
    body: ReviewChainUpdate,
    problems: [notFound, versionConflict],
    responses: { 200: { description: 'The agency', schema: 'AgencyView' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/periodic-obligations',
    function: 'submission',
    access: 'staff',
    summary: 'The recurring items the agency publishes each period',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The obligations', schema: 'ObligationList' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/periodic-obligations',
    function: 'submission',
    access: 'staff',
    roles: ['agency_admin'],
    summary:
      'Declare a recurring item (monthly, quarterly, yearly) and how soon after its period it is published',
    params: AgencyPath,
    body: ObligationDeclaration,
    problems: [notFound, versionConflict, rule('unknown-category')],
    responses: { 201: { description: 'The agency', schema: 'AgencyView' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/submissions',
    function: 'submission',
    access: 'staff',
    roles: ['clerk'],
    summary: 'Register a document for disclosure; its publication deadline runs from when it was formed',
    params: AgencyPath,
    body: SubmissionInput,
    problems: [
      notFound,
      rule('invalid-submission'),
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('outside-calendar'),
    ],
    responses: { 201: { description: 'The submission', schema: 'SubmissionView' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/submissions',
    function: 'submission',
    access: 'staff',
    summary: 'Submissions by status (draft, returned, published, recorded, withdrawn)',
    params: AgencyPath,
    query: SubmissionQuery,
    problems: [],
    responses: { 200: { description: 'A page of submissions', schema: 'SubmissionList' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}',
    function: 'submission',
    access: 'staff',
    summary: 'A submission with every signature',
    params: SubmissionPath,
    problems: [notFound],
    responses: { 200: { description: 'The submission', schema: 'SubmissionView' } },
  },
  {
    method: 'PUT',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}',
    function: 'submission',
    access: 'staff',
    roles: ['clerk'],
    summary:
      'Edit a draft or returned submission; editing a published one starts its revision (更新), whose publication deadline runs from its date of change',
    params: SubmissionPath,
    body: SubmissionEdit,
    problems: [
      notFound,
      wrongState,
      versionConflict,
      rule('invalid-submission'),
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('invalid-change-date'),
      rule('outside-calendar'),
    ],
    responses: { 200: { description: 'The submission', schema: 'SubmissionView' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/submissions/{submissionId}/submission',
    function: 'submission',
    access: 'staff',
    roles: ['clerk'],
    summary: 'Send into the review chain (or, when something required is missing, return it at once: 退文)',
    params: SubmissionPath,
    body: z.strictObject({}),
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The submission', schema: 'SubmissionView' } },
  },
] as const satisfies readonly RouteDefinition<'submission'>[];
