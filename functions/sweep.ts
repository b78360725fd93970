import { z } from 'zod';
import { chinaDateOf } from '#lib/domain/china-time';
import { logger } from '#lib/http/logger';

/**
 * The daily compliance sweep, invoked by EventBridge Scheduler at 00:30 Asia/Shanghai with the
 * scheduled time, or by hand with a date. Its work (reminders, breaches, cutoffs) lands with the sweep
 * issue; for now it validates its input and reports the day it would sweep.
 */
const SweepInput = z.union([
  z.object({ date: z.iso.date() }),
  z.object({ scheduledTime: z.iso.datetime({ offset: true }) }),
]);

export const handler = async (
  input: unknown,
): Promise<{ sweptDay: string; counts: Record<string, number> }> => {
  const parsed = SweepInput.parse(input);
  const sweptDay = 'date' in parsed ? parsed.date : chinaDateOf(new Date(parsed.scheduledTime));
  const summary = { sweptDay, counts: {} };
  logger.info('Sweep finished', summary);
  return summary;
};
