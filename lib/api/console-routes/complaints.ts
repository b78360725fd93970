import * as z from 'zod';
import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

/** A complaint of the signed-in person's agency (another agency's answers the not-found page). */
export const ConsoleComplaintPath = z.object({
  complaintId: z.string().regex(/^cmp_[0-9a-f]{12}$/, 'must be a complaint id'),
});

/** The console's complaints pages (投诉举报, Reg. 51): the list, a complaint and its answer (答复). */
export const complaintsRoutes = [
  consolePage(
    'GET',
    '/console/complaints',
    'Complaints: open (by answer date, overdue ones flagged) or answered, by key; ?format=csv exports the list',
  ),
  consolePage(
    'GET',
    '/console/complaints/{complaintId}',
    'A complaint: what was received, the 30-day answer date, the answer form or the answer',
    ConsoleComplaintPath,
  ),
  consolePage(
    'POST',
    '/console/complaints/{complaintId}/answer',
    'Answer a complaint (答复): the answer and whether the complaint is upheld',
    ConsoleComplaintPath,
  ),
] as const satisfies readonly PageRouteDefinition[];
