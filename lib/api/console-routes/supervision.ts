import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

/**
 * The console's supervision pages (监督): a government's supervisors and administrators over their agency
 * and every agency under it — compliance for a period, the yearly assessment (考核).
 */
export const supervisionRoutes = [
  consolePage(
    'GET',
    '/console/supervision',
    'Compliance of my agency and every agency under it for a period (?from=&to=, January 1 to today by default): sortable (?sort=&order=), the tree’s totals; ?format=csv exports it',
  ),
  consolePage(
    'GET',
    '/console/supervision/assessment',
    'The yearly assessment (考核, ?year=) of my agency and every agency under it on the points table: measured items with their score and basis; the items left for manual scoring',
  ),
  consolePage(
    'GET',
    '/console/supervision/roll-up',
    'The roll-up (汇总, ?year=) of my agency’s and every agency under it’s annual reports as it stands, in the national format; who has not published; the editions; the form to publish it (approver)',
  ),
  consolePage(
    'POST',
    '/console/supervision/roll-up',
    'Publish the roll-up as my agency’s own sealed edition (approver; a stale version is refused)',
  ),
] as const satisfies readonly PageRouteDefinition[];
