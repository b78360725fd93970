import * as z from 'zod';
import { advanceClock, type ClockState } from '../calendar/clock';
import { RuleViolationError } from '../errors';
import { freeText, optionalText } from '../free-text';
import {
  policyOf,
  requireReply,
  requireStatus,
  withClock,
  type Application,
  type Change,
  type Context,
} from './application';
import { REGULATION_LIMITS } from './policy';

/**
 * The reply period itself: extended with the office head's consent (延期, Reg. 33), or suspended by force
 * majeure and resumed (seed 002 §18: the period resumes when the cause ends; the applicant is told of both).
 */
export const ExtensionInput = z.strictObject({
  workingDays: z.int().min(1).max(REGULATION_LIMITS.maxExtensionWorkingDays),
  reason: freeText(2000),
});
export type ExtensionInput = z.infer<typeof ExtensionInput>;
export const SuspensionInput = z.strictObject({ reason: freeText(2000) });
export type SuspensionInput = z.infer<typeof SuspensionInput>;
export const ResumptionInput = z.strictObject({ note: optionalText(2000) });
export type ResumptionInput = z.infer<typeof ResumptionInput>;

/** 延期: approved by the office head, before the due date, within the policy's maximum (Reg. 33). */
export function extend(
  current: Application,
  replyClock: ClockState | null,
  input: ExtensionInput,
  approvedBy: string,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  const clock = requireReply(replyClock);
  if (clock.dueDate !== null && context.today > clock.dueDate) {
    throw new RuleViolationError(
      'deadline-passed',
      `The reply was due on ${clock.dueDate}; an extension must be decided before the deadline (Reg. 33).`,
    );
  }
  const maximum = policyOf(current).maxExtensionWorkingDays;
  const used = current.extensions.reduce((sum, extension) => sum + extension.workingDays, 0);
  if (used + input.workingDays > maximum) {
    throw new RuleViolationError(
      'extension-too-long',
      `Extensions may total at most ${maximum} working days; ${used} are used.`,
      [{ path: 'body.workingDays', message: `must be at most ${Math.max(0, maximum - used)}` }],
    );
  }
  const reply = advanceClock(context.calendar, clock, {
    type: 'extend',
    on: context.today,
    workingDays: input.workingDays,
  });
  return {
    application: {
      ...withClock(current, reply),
      extensions: [
        ...current.extensions,
        { on: context.today, workingDays: input.workingDays, reason: input.reason, approvedBy },
      ],
    },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_extended',
      data: {
        workingDays: input.workingDays,
        reason: input.reason,
        previousDueDate: clock.dueDate,
        dueDate: reply.dueDate,
        applicantTold: true,
      },
    },
    statistics: [],
  };
}

/** Force majeure suspends the clock; the applicant is told of both ends (seed 002 §18). */
export function suspend(
  current: Application,
  replyClock: ClockState | null,
  input: SuspensionInput,
  context: Context,
): Change {
  requireStatus(current, 'in_progress');
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'suspend',
    on: context.today,
    reason: 'force_majeure',
  });
  return {
    application: {
      ...withClock(current, reply),
      status: 'suspended',
      suspension: { since: context.today, reason: input.reason },
    },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_suspended',
      data: { reason: input.reason, remainingWorkingDays: reply.remainingWorkingDays, applicantTold: true },
    },
    statistics: [],
  };
}

/** The cause has ended: the clock runs on from where it stopped (the suspended days are not counted). */
export function resume(
  current: Application,
  replyClock: ClockState | null,
  input: ResumptionInput,
  context: Context,
): Change {
  requireStatus(current, 'suspended');
  const reply = advanceClock(context.calendar, requireReply(replyClock), {
    type: 'resume',
    on: context.today,
    restart: false,
  });
  return {
    application: { ...withClock(current, reply), status: 'in_progress', suspension: null },
    reply,
    replyOpen: true,
    clocks: [],
    event: {
      type: 'reply_resumed',
      data: {
        note: input.note,
        since: current.suspension?.since,
        dueDate: reply.dueDate,
        applicantTold: true,
      },
    },
    statistics: [],
  };
}
