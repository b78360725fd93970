import * as z from 'zod';
import { YearNumber } from '#lib/domain/calendar/civil-date';
import type { PageRouteDefinition } from '../page-routes';
import { consolePage } from './console-page';

/** A year of the signed-in person's agency's annual reports. */
export const ConsoleReportPath = z.object({ year: YearNumber });
/** A reconsideration or lawsuit of the signed-in person's agency (another agency's: the not-found page). */
export const ConsoleChallengePath = z.object({
  challengeId: z.string().regex(/^lc_[0-9a-f]{12}$/, 'must be a challenge id'),
});

/**
 * The console's annual-report pages (政府信息公开工作年度报告, Reg. 49–50): the years and their state,
 * a year's figures, draft (every failing check at its cell), narrative, preview in the national format,
 * publication (an approver, after a confirmation) and editions.
 */
export const reportsRoutes = [
  consolePage(
    'GET',
    '/console/annual-reports',
    'Annual reports by year: figures, draft, editions published, the cutoff and whether it is late',
  ),
  consolePage(
    'GET',
    '/console/annual-reports/{year}',
    'A year’s report: the figures form, the draft’s tables with each failing check at its cell, the narrative, the editions',
    ConsoleReportPath,
  ),
  consolePage(
    'POST',
    '/console/annual-reports/{year}/figures',
    'Enter the year’s figures (licensing, penalties, enforcement, fee income; opening figures for a first year)',
    ConsoleReportPath,
  ),
  consolePage(
    'POST',
    '/console/annual-reports/{year}/draft',
    'Draft (or re-draft) the tables from the counters; the narrative is kept',
    ConsoleReportPath,
  ),
  consolePage(
    'POST',
    '/console/annual-reports/{year}/narrative',
    'Edit the narrative sections (一、五、六); on a published report this starts a correction',
    ConsoleReportPath,
  ),
  consolePage(
    'GET',
    '/console/annual-reports/{year}/preview',
    'The report as it would be published, in the national format',
    ConsoleReportPath,
  ),
  consolePage(
    'GET',
    '/console/annual-reports/{year}/publication',
    'Publish: the confirmation (approver)',
    ConsoleReportPath,
  ),
  consolePage(
    'POST',
    '/console/annual-reports/{year}/publication',
    'Publish: the edition sealed (SHA-256), archived and put in the reading room (approver)',
    ConsoleReportPath,
  ),
  consolePage(
    'GET',
    '/console/annual-reports/legal-challenges',
    'Reconsiderations and lawsuits about the disclosure work (table 四), newest first, by key; ?format=csv; the form to record one',
  ),
  consolePage('POST', '/console/annual-reports/legal-challenges', 'Record a reconsideration or lawsuit'),
  consolePage(
    'GET',
    '/console/annual-reports/legal-challenges/{challengeId}',
    'A reconsideration or lawsuit, and the form for its outcome',
    ConsoleChallengePath,
  ),
  consolePage(
    'POST',
    '/console/annual-reports/legal-challenges/{challengeId}',
    'Record a reconsideration’s or lawsuit’s outcome',
    ConsoleChallengePath,
  ),
] as const satisfies readonly PageRouteDefinition[];
