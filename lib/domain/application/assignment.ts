import * as z from 'zod';
import { OPEN_STATUSES, requireStatus, type Application, type Change, type Context } from './application';

export const AssignmentInput = z.strictObject({
  staffId: z.string().regex(/^stf_[0-9a-z]{20}$/, 'must be a staff id'),
});
export type AssignmentInput = z.infer<typeof AssignmentInput>;

/** The handler (承办人) answers for the case's deadlines (RULES §3, accountability). */
export function assign(
  current: Application,
  assignee: { staffId: string; name: string; email: string | null },
  context: Context,
): Change {
  requireStatus(current, ...OPEN_STATUSES);
  return {
    application: { ...current, assignee: { ...assignee, assignedOn: context.today } },
    reply: null,
    replyOpen: current.receivedOn !== null,
    clocks: [],
    event: {
      type: 'handler_assigned',
      data: { staffId: assignee.staffId, name: assignee.name, previous: current.assignee?.staffId ?? null },
    },
    statistics: [],
  };
}
