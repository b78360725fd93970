import * as z from 'zod';
import { SupplementInput } from '#lib/domain/application/clarification';
import { OnlineApplicationInput } from '#lib/domain/application/intake';
import { TrackingNumber } from '#lib/domain/application/secrets';
import { ReasonsInput } from '#lib/domain/application/volume-review';
import { WithdrawalInput } from '#lib/domain/application/withdrawal';
import { notFound, rule, versionConflict, wrongState } from '../problems';
import { publicThrottle, type RouteDefinition } from '../route-definition';
import { AgencyPath, IdempotencyHeader } from './shared';

export const TrackingPath = z.object({
  trackingNumber: TrackingNumber,
});

/** The headers a route reads: names in lower case, as API Gateway passes them. */
export const AccessTokenHeader = z.object({
  'x-access-token': z
    .string()
    .optional()
    .describe('The secret access token shown once when the application was made'),
});

/** The intake function’s routes: citizens’ applications, their status pages, supplements, reasons, withdrawal. */
export const intakeRoutes = [
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/applications',
    function: 'intake',
    access: 'public',
    summary: 'Apply for government information online (依申请公开). Honours Idempotency-Key.',
    params: AgencyPath,
    body: OnlineApplicationInput,
    headers: IdempotencyHeader,
    problems: [notFound, rule('idempotency-key-reused'), rule('unknown-upload'), rule('upload-already-used')],
    responses: {
      201: {
        description: 'The tracking number and a secret access token, shown once',
        schema: 'SubmittedView',
      },
    },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/applications/{trackingNumber}',
    function: 'intake',
    access: 'public',
    summary: 'An application’s status page (header X-Access-Token)',
    params: TrackingPath,
    headers: AccessTokenHeader,
    problems: [notFound],
    responses: {
      200: { description: 'The status, due date, requests, decision and timeline', schema: 'StatusView' },
    },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/applications/{trackingNumber}/supplements',
    function: 'intake',
    access: 'public',
    summary: 'The applicant’s clarification (补正) (header X-Access-Token)',
    params: TrackingPath,
    body: SupplementInput,
    headers: AccessTokenHeader,
    problems: [
      notFound,
      wrongState,
      versionConflict,
      rule('unknown-upload'),
      rule('upload-already-used'),
      rule('clock-out-of-order'),
    ],
    responses: { 200: { description: 'The status page', schema: 'StatusView' } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/applications/{trackingNumber}/reasons',
    function: 'intake',
    access: 'public',
    summary:
      'The applicant’s reasons for a request beyond a reasonable number or frequency, when asked (Reg. 35; header X-Access-Token)',
    params: TrackingPath,
    body: ReasonsInput,
    headers: AccessTokenHeader,
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The status page', schema: 'StatusView' } },
    throttle: publicThrottle,
  },
  {
    method: 'POST',
    path: '/v1/applications/{trackingNumber}/withdrawal',
    function: 'intake',
    access: 'public',
    summary: 'Withdraw the application (header X-Access-Token)',
    params: TrackingPath,
    body: WithdrawalInput,
    headers: AccessTokenHeader,
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The status page', schema: 'StatusView' } },
    throttle: publicThrottle,
  },
] as const satisfies readonly RouteDefinition<'intake'>[];
