import { z } from 'zod';

/** Free text as people type it into a form: trimmed, not empty, at most `max` characters. */
export const freeText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
