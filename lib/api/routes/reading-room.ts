import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import { PublicationQuery, VersionQuery, WithdrawalOfPublication } from '#lib/domain/submission/publication';
import { gone, notFound, rule, versionConflict, wrongState } from '../problems';
import { publicThrottle, type RouteDefinition } from '../route-definition';
import { AgencyPath } from './shared';

export const PublicationId = z.string().regex(/^pub_[0-9a-f]{12}$/, 'must be a publication id');

export const PublicPublicationPath = z.object({ publicationId: PublicationId });

export const AgencyPublicationPath = z.object({ agencyId: AgencyId, publicationId: PublicationId });

/** The reading-room function’s routes: the public reading room, internal publications, withdrawals. */
export const readingRoomRoutes = [
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/catalogue',
    function: 'reading-room',
    access: 'public',
    summary: 'The agency’s disclosure catalogue (信息公开目录)',
    params: AgencyPath,
    problems: [notFound],
    responses: { 200: { description: 'The categories', schema: 'CatalogueView' } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/publications',
    function: 'reading-room',
    access: 'public',
    summary:
      'The reading room: publications, newest first, by category and year; ?q= searches titles and document numbers',
    params: AgencyPath,
    query: PublicationQuery,
    problems: [notFound],
    responses: { 200: { description: 'A page of publications', schema: 'PublicationList' } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/publications/{publicationId}',
    function: 'reading-room',
    access: 'public',
    summary: 'A publication (its stable address); ?version=N for an earlier version; 410 once withdrawn',
    params: PublicPublicationPath,
    query: VersionQuery,
    problems: [notFound, gone],
    responses: { 200: { description: 'The publication', schema: 'PublicationView' } },
    throttle: publicThrottle,
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/internal-publications',
    function: 'reading-room',
    access: 'staff',
    summary: 'Internal publications, for the agency’s own staff',
    params: AgencyPath,
    query: PublicationQuery,
    problems: [],
    responses: { 200: { description: 'A page of publications', schema: 'PublicationList' } },
  },
  {
    method: 'GET',
    path: '/v1/agencies/{agencyId}/internal-publications/{publicationId}',
    function: 'reading-room',
    access: 'staff',
    summary: 'A publication of the agency, internal or public',
    params: AgencyPublicationPath,
    query: VersionQuery,
    problems: [notFound, gone],
    responses: { 200: { description: 'The publication', schema: 'PublicationView' } },
  },
  {
    method: 'POST',
    path: '/v1/agencies/{agencyId}/publications/{publicationId}/withdrawal',
    function: 'reading-room',
    access: 'staff',
    roles: ['approver'],
    summary: 'Withdraw a publication (inside its display period only on a recorded legal basis)',
    params: AgencyPublicationPath,
    body: WithdrawalOfPublication,
    problems: [notFound, wrongState, versionConflict, rule('inside-display-period')],
    responses: { 200: { description: 'The withdrawal' } },
  },
] as const satisfies readonly RouteDefinition<'reading-room'>[];
