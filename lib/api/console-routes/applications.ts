import * as z from 'zod';
import { TrackingNumber } from '#lib/domain/application/secrets';
import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

// Not `PagePaths.application`: page-routes.ts imports this module (a cycle at load time).
const OnACase = z.object({ trackingNumber: TrackingNumber });
const OnAConsultation = OnACase.extend({
  cid: z.string().regex(/^c[0-9a-z]{8}$/, 'must be a consultation id'),
});

/** A form on the case page that takes one step of the case (`POST …/{trackingNumber}/<step>`). */
const step = <const P extends string>(path: P, summary: string) =>
  consolePage('POST', `/console/applications/{trackingNumber}/${path}`, summary, OnACase);

/** The console's applications pages (依申请公开). */
export const applicationsRoutes = [
  consolePage(
    'GET',
    '/console/applications',
    'The agency’s applications: by state, due window and handler, with the days left; paged by key',
  ),
  consolePage('GET', '/console/applications/export.csv', 'The filtered list as CSV (UTF-8 with BOM)'),
  consolePage(
    'GET',
    '/console/applications/new',
    'Register an application received by letter, fax, in person or otherwise (clerk)',
  ),
  consolePage('POST', '/console/applications/new', 'Register: send the form; on to the case'),
  consolePage(
    'GET',
    '/console/applications/{trackingNumber}',
    'A case: timeline, the clock explained, the applicant, files, and the steps the person may take now',
    OnACase,
  ),
  step('confirmation', 'Confirm an online application: today is the date of receipt'),
  step('assignment', 'Assign the handler'),
  step('clarification-request', 'Ask the applicant to clarify (补正)'),
  step('consultations', 'Consult a third party or co-producing agency (征求意见)'),
  consolePage(
    'POST',
    '/console/applications/{trackingNumber}/consultations/{cid}/reply',
    'Record the consulted party’s answer',
    OnAConsultation,
  ),
  consolePage(
    'POST',
    '/console/applications/{trackingNumber}/consultations/{cid}/disclosure-notice',
    'Tell a third party that objected what will be disclosed and why (Reg. 32)',
    OnAConsultation,
  ),
  step('extension', 'Extend the reply period (延期, approver)'),
  step('suspension', 'Suspend for force majeure'),
  step('resumption', 'Resume after force majeure'),
  step('fee-notice', 'Send a fee notice'),
  step('fee-payment', 'Record the fee paid'),
  step('reasons-request', 'Ask for the reasons of a request beyond a reasonable volume (Reg. 35)'),
  step('reasons', 'Record the applicant’s reasons (Reg. 35)'),
  step('later-reply-date', 'Set a reasonable later reply date (Reg. 35, approver)'),
  step('delivery', 'Record the day a notice sent by post was received'),
  step('abandonment-review', 'A lapsed supplement period: close as abandoned, or reopen'),
  step('decision', 'The decision: first the letter’s preview, then sent (multipart, files)'),
] as const satisfies readonly PageRouteDefinition[];
