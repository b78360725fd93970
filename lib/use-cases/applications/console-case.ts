import { openSteps } from '#lib/domain/application/staff-steps';
import { chinaDateOf } from '#lib/domain/china-time';
import { currentCalendar } from '../calendar';
import { getCase } from './casework';
import { agencyHandlers } from './handlers';
import type { ApplicationDeps } from './ports';
import { workingDaysLeft } from './queue';

/**
 * A case as the console's case page shows it: the staff's view (timeline, clocks, the applicant's other
 * applications), the steps it admits today (which the page offers to those whose roles may take them),
 * the working days left, and the agency's handlers to assign it to.
 */
export async function consoleCase(deps: ApplicationDeps, agencyId: string, id: string, now: Date) {
  const view = await getCase(deps, agencyId, id);
  const calendar = await currentCalendar(deps.calendars);
  const today = chinaDateOf(now);
  const steps = openSteps(view, { calendar, today });
  return {
    view,
    today,
    steps,
    workingDaysLeft:
      view.decision === null && view.status !== 'withdrawn'
        ? workingDaysLeft(calendar, today, view.dueDate)
        : null,
    handlers: steps.has('assignment') ? await agencyHandlers(deps.staff, agencyId) : [],
    // The papers received with the application and with its supplement, by short-lived links.
    attachments: await Promise.all(
      [
        ...view.attachments.map((key, index) => ({ key, from: 'application' as const, n: index + 1 })),
        ...(view.clarification?.supplementAttachments ?? []).map((key, index) => ({
          key,
          from: 'supplement' as const,
          n: index + 1,
        })),
      ].map(async ({ key, from, n }) => ({
        from,
        n,
        url: await deps.uploads.downloadUrl(key, `${view.trackingNumber}-${from}-${String(n)}`),
      })),
    ),
  };
}
export type ConsoleCase = Awaited<ReturnType<typeof consoleCase>>;
