import * as z from 'zod';
import type { ClockState } from '../calendar/clock';
import { optionalText } from '../free-text';
import { columnOf } from './applicant';
import {
  closeSideClocks,
  decidedCell,
  OPEN_STATUSES,
  requireStatus,
  statisticsYear,
  type Application,
  type Change,
  type Context,
} from './application';

export const WithdrawalInput = z.strictObject({ reason: optionalText(2000) });
export type WithdrawalInput = z.infer<typeof WithdrawalInput>;

/** The applicant withdraws; a received application is counted as otherwise handled. */
export function withdraw(
  current: Application,
  replyClock: ClockState | null,
  input: WithdrawalInput,
  context: Context,
): Change {
  requireStatus(current, ...OPEN_STATUSES);
  const received = current.receivedOn !== null;
  return {
    application: {
      ...current,
      status: 'withdrawn',
      withdrawal: { on: context.today, reason: input.reason ?? null },
    },
    reply: replyClock,
    replyOpen: false,
    clocks: closeSideClocks(current),
    event: { type: 'application_withdrawn', data: { reason: input.reason ?? null } },
    statistics: received
      ? [
          {
            year: statisticsYear(context.today),
            cell: decidedCell('otherwise_handled.other', columnOf(current.applicant)),
          },
        ]
      : [],
  };
}
