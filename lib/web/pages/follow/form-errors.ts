import type { z } from 'zod';
import type { FieldError } from '../../components';
import type { MessageKey, Translate } from '../../messages/catalogue';

/**
 * A form's problems in the reader's words, next to their fields. The domain's schema says what is wrong
 * (in English, for the API); the page says it per field from the catalogue: empty, too long, or otherwise
 * not acceptable (a hidden control character, a malformed e-mail address or tracking number).
 */
export type FieldWords = {
  /** The form field's name (its input's `name`). */
  readonly field: string;
  /** Left out for an optional field (a blank one is missing, never wrong). */
  readonly empty?: MessageKey;
  /** Placeholder `{max}`. */
  readonly tooLong: MessageKey;
  readonly invalid: MessageKey;
};

/** `fields`: by the schema's path (`complainant.name`), in the order the form shows them. */
export function fieldErrors(
  error: z.ZodError,
  fields: Readonly<Record<string, FieldWords>>,
  t: Translate,
): FieldError[] {
  const found = new Map<string, string>();
  for (const issue of error.issues) {
    const words = fields[issue.path.join('.')] ?? Object.values(fields)[0];
    if (words === undefined || found.has(words.field)) continue;
    found.set(words.field, t(...wordsFor(issue, words)));
  }
  return Object.values(fields).flatMap(({ field }) => {
    const message = found.get(field);
    return message === undefined ? [] : [{ field, message }];
  });
}

function wordsFor(
  issue: z.core.$ZodIssue,
  words: FieldWords,
): [MessageKey, Readonly<Record<string, number>>?] {
  const empty = issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.input === undefined);
  if (empty && words.empty !== undefined) return [words.empty];
  if (issue.code === 'too_big') return [words.tooLong, { max: Number(issue.maximum) }];
  return [words.invalid];
}

/** An optional text field as posted: left blank, it is missing (not an empty, wrong value). */
export const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;
