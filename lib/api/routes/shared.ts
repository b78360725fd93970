import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';

// The request schemas the routes of several functions share.

export const AgencyPath = z.object({ agencyId: AgencyId });

export const PageQuery = z.object({
  nextToken: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const IdempotencyKey = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

export const IdempotencyHeader = z.object({
  'idempotency-key': IdempotencyKey.optional().describe(
    'Makes a retried POST safe: the same key and body answer as the first time, for 24 hours',
  ),
});

export const SubmissionPath = z.object({
  agencyId: AgencyId,
  submissionId: z.string().regex(/^sub_[0-9a-f]{12}$/, 'must be a submission id'),
});
