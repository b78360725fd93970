import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import { ComplaintInput, ComplaintReply } from '#lib/domain/complaint';
import { notFound, rule, versionConflict, wrongState } from '../problems';
import { publicThrottle, type RouteDefinition } from '../route-definition';
import { AgencyPath, IdempotencyHeader, PageQuery } from './shared';

export const ComplaintAccessHeader = z.object({
  'x-access-token': z
    .string()
    .optional()
    .describe('The secret access code shown once when the complaint was made'),
});

export const ComplaintPath = z.object({
  agencyId: AgencyId,
  complaintId: z.string().regex(/^cmp_[0-9a-f]{12}$/, 'must be a complaint id'),
});

export const ComplaintQuery = PageQuery.extend({ status: z.enum(['open', 'answered']).default('open') });

/** The complaints function’s routes: complaints about an agency’s disclosure work (Reg. 51). */
export const complaintsRoutes = [
  // --- Complaints (Reg. 51) ---
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/complaints',
    function: 'complaints',
    access: 'public',
    summary:
      'Complain about the agency’s disclosure work; the answer is due within 30 days. Honours Idempotency-Key.',
    params: AgencyPath,
    body: ComplaintInput,
    headers: IdempotencyHeader,
    problems: [notFound, rule('outside-calendar'), rule('idempotency-key-reused')],
    responses: {
      201: { description: 'The complaint’s id, answer date and access code', schema: 'ComplaintReceipt' },
    },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/complaints/{complaintId}',
    function: 'complaints',
    access: 'public',
    summary:
      'A complaint as its complainant reads it back: what was received, the answer date, the answer (header X-Access-Token: the access code)',
    params: ComplaintPath,
    headers: ComplaintAccessHeader,
    problems: [notFound],
    responses: { 200: { description: 'The complaint and its answer', schema: 'ComplaintStatusView' } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/complaints',
    function: 'complaints',
    access: 'staff',
    roles: ['supervisor', 'agency_admin'],
    summary: 'Complaints, open (by answer date) or answered',
    params: AgencyPath,
    query: ComplaintQuery,
    problems: [],
    responses: { 200: { description: 'A page of complaints', schema: 'RecordList' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/complaints/{complaintId}/reply',
    function: 'complaints',
    access: 'staff',
    roles: ['supervisor'],
    summary: 'Answer a complaint',
    params: ComplaintPath,
    body: ComplaintReply,
    problems: [notFound, wrongState, versionConflict],
    responses: { 200: { description: 'The complaint' } },
  },
] as const satisfies readonly RouteDefinition<'complaints'>[];
