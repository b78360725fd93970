import * as z from 'zod';
import { reviewChainOf } from '#lib/domain/agency';
import { addDays } from '#lib/domain/calendar/civil-date';
import { chinaDateOf } from '#lib/domain/china-time';
import { dueStanding, type DueStanding } from '#lib/domain/due-standing';
import type { Principal } from '#lib/domain/staff';
import { signingConflict } from '#lib/domain/submission/submission';
import type { Breach } from '#lib/domain/sweep';
import { CaseRef } from '#lib/domain/timeline';
import { listApplications } from './applications/casework';
import type { ApplicationDeps } from './applications/ports';
import { currentCalendar } from './calendar';
import { listComplaints, type ComplaintDeps } from './complaints';
import { listBreaches, listReminders, type OversightDeps } from './oversight';
import { reviewQueue, type ProactiveDeps } from './proactive';

/**
 * Today (待办): what waits on one member of staff, read by key from the queues the API lists — the open
 * applications due within a working week or already late (theirs first), the items at a review step
 * their roles sign, the reminders the sweep sent these last days, the agency's open breaches and the
 * complaints still to answer. Each part is read only when asked for (`parts`: what the person's roles
 * may list), and each says when there is more than it shows.
 */
export type TodayPart = 'applications' | 'reviews' | 'reminders' | 'breaches' | 'complaints';

export type TodayDeps = {
  readonly applications: ApplicationDeps;
  readonly proactive: ProactiveDeps;
  readonly oversight: OversightDeps;
  readonly complaints: ComplaintDeps;
};

/** Applications due within this many working days are listed with the late ones. */
export const DUE_WINDOW_WORKING_DAYS = 5;
/** Reminders sent within this many days are shown. */
export const REMINDER_DAYS = 7;
const PAGE = 50;

/** A reminder as the sweep recorded it; the fields Today shows (older records may lack some). */
const ReminderRecord = z.object({
  day: z.string(),
  dueDate: z.string(),
  kind: z.enum(['confirmation', 'annual_report']).optional(),
  case: CaseRef.optional(),
  subject: z.string().optional(),
  clock: z.string().optional(),
  workingDaysLeft: z.number().optional(),
  daysLeft: z.number().optional(),
});
export type ReminderRecord = z.infer<typeof ReminderRecord>;

export async function todayFor(
  deps: TodayDeps,
  principal: Principal,
  parts: ReadonlySet<TodayPart>,
  now: Date,
) {
  const today = chinaDateOf(now);
  const calendar = await currentCalendar(deps.applications.calendars);
  const agencyId = principal.agencyId;
  const standing = (dueDate: string | null, unit?: DueStanding['unit']) =>
    dueDate === null ? null : dueStanding(calendar, today, dueDate, unit);

  const applications = async () => {
    const page = await listApplications(deps.applications, agencyId, {
      status: 'open',
      dueBefore: calendar.addWorkingDays(today, DUE_WINDOW_WORKING_DAYS).dueDate,
      limit: PAGE,
    });
    const items = page.items.map((item) => ({
      ...item,
      mine: item.assignee?.staffId === principal.staffId,
      standing: standing(item.dueDate ?? item.confirmBy),
    }));
    return { items, more: page.nextToken !== null };
  };

  const reviews = async () => {
    const agency = await deps.proactive.agencies.get(agencyId);
    if (agency === undefined) return { steps: [] };
    const steps = reviewChainOf(agency).filter((step) => principal.roles.has(step.role));
    return {
      steps: await Promise.all(
        steps.map(async (step) => {
          const page = await reviewQueue(deps.proactive, principal, agencyId, { step: step.id, limit: PAGE });
          return {
            step: step.id,
            label: step.label,
            more: page.nextToken !== null,
            items: page.items.map((item) => ({
              id: item.id,
              title: item.content.title,
              documentNumber: item.content.documentNumber ?? null,
              round: item.round,
              publicationDueDate: item.publicationDueDate,
              standing: standing(
                item.publicationDueDate,
                item.publicationPeriod?.unit === 'natural_days' ? 'natural_days' : 'working_days',
              ),
              // Nothing stands in the way but this: the use case refuses the signature anyway.
              conflict: signingConflict(item, principal.staffId),
            })),
          };
        }),
      ),
    };
  };

  const reminders = async () => {
    const since = addDays(today, -REMINDER_DAYS);
    const page = await listReminders(deps.oversight, principal, agencyId, { limit: PAGE });
    const items = page.items.flatMap((record) => {
      const parsed = ReminderRecord.safeParse(record);
      return parsed.success && parsed.data.day >= since && parsed.data.day <= today ? [parsed.data] : [];
    });
    // Newest first: once one is older than the window, so is the rest.
    const more = page.nextToken !== null && items.length === page.items.length;
    return { items, more };
  };

  const breaches = async () => {
    // Breaches are kept by the year of their deadline: this year's and last year's hold every open one
    // a sweep still watches (one older is escalated and listed by year on the oversight API).
    const year = Number(today.slice(0, 4));
    const found: Breach[] = [];
    let more = false;
    for (const y of [year - 1, year]) {
      const page = await listBreaches(deps.oversight, principal, agencyId, {
        year: y,
        includeSubordinates: false,
        limit: 100,
      });
      found.push(...page.items.filter((breach) => breach.status === 'open'));
      more ||= page.nextToken !== null;
    }
    return { items: found.sort((a, b) => b.recordedOn.localeCompare(a.recordedOn)), more };
  };

  const complaints = async () => {
    const page = await listComplaints(deps.complaints, agencyId, { status: 'open', limit: PAGE });
    return {
      items: page.items.map((complaint) => ({
        id: complaint.id,
        subject: complaint.subject,
        receivedOn: complaint.receivedOn,
        answerDueDate: complaint.answerDueDate,
        trackingNumber: complaint.trackingNumber,
        standing: standing(complaint.answerDueDate, 'natural_days'),
      })),
      more: page.nextToken !== null,
    };
  };

  const when = <T>(part: TodayPart, read: () => Promise<T>) =>
    parts.has(part) ? read() : Promise.resolve(null);
  const [a, r, m, b, c] = await Promise.all([
    when('applications', applications),
    when('reviews', reviews),
    when('reminders', reminders),
    when('breaches', breaches),
    when('complaints', complaints),
  ]);
  return { today, applications: a, reviews: r, reminders: m, breaches: b, complaints: c };
}
export type Today = Awaited<ReturnType<typeof todayFor>>;
export type TodayApplication = NonNullable<Today['applications']>['items'][number];
export type TodayReviewStep = NonNullable<Today['reviews']>['steps'][number];
export type TodayComplaint = NonNullable<Today['complaints']>['items'][number];
