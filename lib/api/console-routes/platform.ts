import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

// Not `PagePaths.agency`: page-routes.ts imports this module, so its constants are not there yet.
const AgencyPage = z.object({ agencyId: AgencyId });

/**
 * The platform (platform_admin): the agencies and their tree, creating an agency, an agency's summary and
 * its first staff. Platform administrators belong to no agency, so these pages name the agency.
 */
export const platformRoutes = [
  consolePage('GET', '/console/platform', 'The agencies and their tree (the directory, by parent)'),
  consolePage('GET', '/console/platform/agencies/new', 'The form to create an agency'),
  consolePage('POST', '/console/platform/agencies', 'Create an agency (tenant) under its parent'),
  consolePage(
    'GET',
    '/console/platform/agencies/{agencyId}',
    'An agency’s summary: office, parent, agencies under it, staff',
    AgencyPage,
  ),
  consolePage(
    'POST',
    '/console/platform/agencies/{agencyId}/staff',
    'Create a staff account of the agency (its first administrator, say)',
    AgencyPage,
  ),
] as const satisfies readonly PageRouteDefinition[];
