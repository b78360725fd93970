import * as z from 'zod';
import { RuleViolationError, WrongStateError } from '../errors';
import { dayNumberOf, type IsoDate } from './civil-date';
import type { DayOffExplained, WorkingCalendar } from './working-calendar';

/**
 * A running legal deadline counted in working days: started, suspended (clarification 补正,
 * third-party consultation 征求意见, force majeure, an unpaid fee), resumed (the remaining days count
 * again from the day after the resumption, or a fresh full period where the rule restarts the clock),
 * and extended (N more working days from the current due date).
 *
 * A clock is its history of events. Due dates are derived from the history and the calendar, so when a
 * year's schedule is published the clock is simply evaluated again; each step records the due date it
 * produced, so a timeline can say why the due date is what it is.
 */
export const SuspensionReason = z.enum(['clarification', 'consultation', 'force_majeure', 'fee']);
export type SuspensionReason = z.infer<typeof SuspensionReason>;

export const ClockEvent = z.discriminatedUnion('type', [
  /** `naturalDays`: a period in natural days (a complaint's 30 days) instead of working days. */
  z.object({
    type: z.literal('start'),
    on: z.string(),
    workingDays: z.int(),
    naturalDays: z.int().optional(),
  }),
  z.object({ type: z.literal('suspend'), on: z.string(), reason: SuspensionReason }),
  z.object({ type: z.literal('resume'), on: z.string(), restart: z.boolean() }),
  z.object({ type: z.literal('extend'), on: z.string(), workingDays: z.int() }),
  /**
   * A later due date set on `on` (Reg. 35: a reasonable later reply date); a day off moves it to the next
   * working day, and it never ends the period earlier than the period itself would end.
   */
  z.object({ type: z.literal('reschedule'), on: z.string(), dueDate: z.string() }),
]);
export type ClockEvent = z.infer<typeof ClockEvent>;

export type ClockStep = {
  readonly event: ClockEvent;
  /** The due date after this event (null while suspended). */
  readonly dueDate: IsoDate | null;
  /** Working days left when suspended. */
  readonly remainingWorkingDays: number | null;
  readonly provisional: boolean;
  /** Festival days off skipped by the period this step computed, for explanations. */
  readonly daysOff: readonly DayOffExplained[];
  /** Weekend days inside that period that were worked (调休) and so counted. */
  readonly adjustedWorkdays: readonly DayOffExplained[];
};

export type ClockState = {
  readonly status: 'running' | 'suspended';
  readonly period: number;
  readonly dueDate: IsoDate | null;
  readonly remainingWorkingDays: number | null;
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
  readonly events: readonly ClockEvent[];
  readonly steps: readonly ClockStep[];
};

/**
 * A clock as it is kept: its history and what was last derived from it. The steps are not kept: they
 * are derived again from the history whenever the clock is evaluated.
 */
export const StoredClockState = z.object({
  status: z.enum(['running', 'suspended']),
  period: z.int(),
  dueDate: z.string().nullable(),
  remainingWorkingDays: z.int().nullable(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.int()).readonly(),
  events: z.array(ClockEvent).readonly(),
});
export type StoredClockState = z.infer<typeof StoredClockState>;

/** Replays a clock's history against a calendar. */
export function evaluateClock(calendar: WorkingCalendar, events: readonly ClockEvent[]): ClockState {
  const [first, ...rest] = events;
  if (first?.type !== 'start') throw new WrongStateError('A clock begins with its start.');
  let period = first.workingDays;
  let status: 'running' | 'suspended' = 'running';
  let remaining: number | null = null;
  const started =
    first.naturalDays === undefined
      ? calendar.addWorkingDays(first.on, first.workingDays)
      : calendar.addNaturalDays(first.on, first.naturalDays);
  let dueDate: IsoDate | null = started.dueDate;
  let years = new Set(started.provisionalYears);
  const steps: ClockStep[] = [step(calendar, first, first.on, dueDate, null, years)];
  let lastOn = first.on;

  for (const event of rest) {
    if (event.on < lastOn)
      throw new RuleViolationError(
        'clock-out-of-order',
        `A clock event on ${event.on} cannot come before ${lastOn}.`,
      );
    lastOn = event.on;
    switch (event.type) {
      case 'start':
        throw new WrongStateError('The clock is already started.');
      case 'suspend': {
        if (status === 'suspended') throw new WrongStateError('The clock is already suspended.');
        const running: IsoDate = dueDate ?? event.on;
        // On the due date itself the period has not yet run out (it ends at 24:00): a consultation or a
        // fee notice sent that day still stops it, with no whole working day left.
        if (event.on > running) {
          throw new RuleViolationError(
            'deadline-passed',
            `The period ran out on ${running}; a clock cannot be suspended after its due date.`,
          );
        }
        remaining = calendar.workingDaysBetween(event.on, running);
        if (calendar.isProvisionalBetween(event.on, running))
          for (const y of provisionalYearsOf(calendar, event.on, running)) years.add(y);
        status = 'suspended';
        dueDate = null;
        steps.push(step(calendar, event, event.on, null, remaining, years));
        break;
      }
      case 'resume': {
        if (status !== 'suspended') throw new WrongStateError('The clock is not suspended.');
        // A restart is a fresh full period (Reg. 30: counted again from the supplement's receipt): the
        // period as the rule sets it, not lengthened by an extension granted for the period before it.
        if (event.restart) {
          years = new Set();
          period = first.workingDays;
        }
        const days = event.restart ? period : (remaining ?? period);
        // Stopped on its last day, nothing is left: it ends on the day it resumes, or on the next working
        // day if that is a day off (民法典 Art. 203).
        const result =
          event.restart && first.naturalDays !== undefined
            ? calendar.addNaturalDays(event.on, first.naturalDays)
            : days > 0
              ? calendar.addWorkingDays(event.on, days)
              : calendar.addWorkingDays(calendar.previousWorkingDay(event.on), 1);
        for (const y of result.provisionalYears) years.add(y);
        dueDate = result.dueDate;
        remaining = null;
        status = 'running';
        steps.push(step(calendar, event, event.on, dueDate, null, years));
        break;
      }
      case 'extend': {
        if (status !== 'running' || dueDate === null)
          throw new WrongStateError('A suspended clock cannot be extended.');
        const from: IsoDate = dueDate;
        const result = calendar.addWorkingDays(from, event.workingDays);
        for (const y of result.provisionalYears) years.add(y);
        period += event.workingDays;
        dueDate = result.dueDate;
        steps.push(step(calendar, event, from, dueDate, null, years));
        break;
      }
      case 'reschedule': {
        if (status !== 'running' || dueDate === null)
          throw new WrongStateError('A suspended clock cannot be given a later due date.');
        const from: IsoDate = dueDate;
        if (event.dueDate > from) {
          const result = calendar.addNaturalDays(from, dayNumberOf(event.dueDate) - dayNumberOf(from));
          for (const y of result.provisionalYears) years.add(y);
          dueDate = result.dueDate;
        }
        steps.push(step(calendar, event, from, dueDate, null, years));
        break;
      }
    }
  }
  return {
    status,
    period,
    dueDate,
    remainingWorkingDays: remaining,
    provisional: years.size > 0,
    provisionalYears: [...years].sort(),
    events,
    steps,
  };
}

function step(
  calendar: WorkingCalendar,
  event: ClockEvent,
  from: IsoDate,
  dueDate: IsoDate | null,
  remaining: number | null,
  years: Set<number>,
): ClockStep {
  return {
    event,
    dueDate,
    remainingWorkingDays: remaining,
    provisional: years.size > 0,
    // Plain weekends are left out: they would drown the story.
    daysOff:
      dueDate === null ? [] : calendar.daysOffBetween(from, dueDate).filter((day) => day.reason !== '周末'),
    adjustedWorkdays: dueDate === null ? [] : calendar.adjustedWorkdaysBetween(from, dueDate),
  };
}

function provisionalYearsOf(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
    if (calendar.sourceOf(year) === 'provisional') years.push(year);
  return years;
}

/** Starts a clock of `workingDays` from `on`. */
export const startClock = (calendar: WorkingCalendar, on: IsoDate, workingDays: number): ClockState =>
  evaluateClock(calendar, [{ type: 'start', on, workingDays }]);

/** The clock with one more event (validated by replaying). */
export const advanceClock = (
  calendar: WorkingCalendar,
  clock: Pick<ClockState, 'events'>,
  event: ClockEvent,
): ClockState => evaluateClock(calendar, [...clock.events, event]);
