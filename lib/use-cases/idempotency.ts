import { RuleViolationError } from '#lib/domain/errors';

/**
 * What keyed public submissions (an application, a complaint) share: how long a key may be retried and
 * answered as the first time, and the refusal of a key reused with another body.
 */
export const IDEMPOTENCY_HOURS = 24;

/** When a keyed submission's record (and the portal's "shown" mark) may go: a day from `now`. */
export const idempotencyExpiry = (now: Date): number =>
  Math.floor(now.getTime() / 1000) + IDEMPOTENCY_HOURS * 3600;

export function refuseOtherRequest(record: { requestHash: string }, fingerprint: string): void {
  if (record.requestHash !== fingerprint)
    throw new RuleViolationError(
      'idempotency-key-reused',
      'This Idempotency-Key was used for a different request.',
      [{ path: 'header.idempotency-key', message: 'was already used with another body' }],
    );
}
