import type { Application, Change, Context } from '#lib/domain/application/application';
import { evaluateClock, type ClockState } from '#lib/domain/calendar/clock';
import type { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { chinaDateOf } from '#lib/domain/china-time';
import { nextEvent, type Actor, type CaseRef } from '#lib/domain/timeline';
import type { StoredClockState } from '#lib/domain/calendar/clock';
import { archiveDocuments } from '../archive-events';
import { currentCalendar } from '../calendar';
import type { ApplicationActionDeps, LoadedApplication } from './ports';

/** One step of the application's state machine, given the application, its reply clock and the day. */
export type Step = (
  application: Application,
  reply: ClockState | null,
  context: Context,
) => Change | Promise<Change>;

export const caseRef = (application: Pick<Application, 'agencyId' | 'id'>): CaseRef => ({
  agencyId: application.agencyId,
  kind: 'application',
  id: application.id,
});

/** The stored reply clock, evaluated against the calendar as it is now. */
export const replyOf = (calendar: WorkingCalendar, stored: StoredClockState | null): ClockState | null =>
  stored === null ? null : evaluateClock(calendar, stored.events);

/** Loads the calendar, runs one state-machine step, and writes it with its event in one transaction. */
export async function runStep(
  deps: ApplicationActionDeps,
  found: LoadedApplication,
  now: Date,
  actor: Actor,
  step: Step,
): Promise<{ application: Application; reply: ClockState | null; version: number }> {
  const calendar = await currentCalendar(deps.calendars);
  const reply = replyOf(calendar, found.reply);
  const stepped = await step(found.application, reply, { calendar, today: chinaDateOf(now) });
  // A step that leaves the reply clock alone still rewrites it, so its context (handler, leader) stays current.
  const change = { ...stepped, reply: stepped.reply ?? reply };
  const application = { ...change.application, version: found.application.version + 1 };
  const event = nextEvent(caseRef(application), found.chain, {
    type: change.event.type,
    now,
    actor,
    data: change.event.data,
  });
  await deps.applications.save(
    { ...change, application },
    found.application.version,
    event,
    found.reply?.provisionalYears ?? [],
  );
  if (deps.letters !== undefined) {
    // The letter is linked from the answer and the status page from now on: write it before answering.
    // A failure here leaves the committed step standing; the archiver writes the letter from the stream.
    await archiveDocuments(deps.letters, event).catch(() => undefined);
  }
  return { application, reply: change.reply ?? reply, version: application.version };
}
