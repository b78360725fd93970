import * as z from 'zod';

/** From this length up a field holds prose (reasons, descriptions, notes): tab and newline are allowed. */
export const LONG_TEXT = 1000;

const isNoncharacter = (code: number): boolean =>
  (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;

/**
 * The first character typed text must not hold, described, or undefined: C0 and C1 controls (tab, line feed
 * and a carriage return before a line feed only in long text), bidi embeddings, overrides and isolates
 * (they reorder what a reader sees: "Trojan Source"), lone surrogates and noncharacters.
 */
export function forbiddenCharacter(text: string, multiline: boolean): string | undefined {
  let index = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const next = text.charAt(index + char.length);
    index += char.length;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (multiline && (code === 0x09 || code === 0x0a || (code === 0x0d && next === '\n'))) continue;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return `a control character (${hex})`;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
      return `a bidi control (${hex})`;
    if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (${hex})`;
    if (isNoncharacter(code)) return `a noncharacter (${hex})`;
  }
  return undefined;
}

/** The check every typed text field carries (`max`: the field's limit, which says whether it is prose). */
export const refuseForbiddenCharacters =
  (max: number) =>
  (text: string, context: z.RefinementCtx): void => {
    const found = forbiddenCharacter(text, max >= LONG_TEXT);
    if (found !== undefined) context.addIssue({ code: 'custom', message: `must not contain ${found}` });
  };

/** Free text as people type it into a form: trimmed, not empty, at most `max` characters, no hidden controls. */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine(refuseForbiddenCharacters(max));

/** Text a draft may still leave empty (annual report narrative): at most `max` characters, no hidden controls. */
export const draftText = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).superRefine(refuseForbiddenCharacters(max));

const blankAsMissing = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Optional free text: a blank value is the same as a missing one, so a field a rule then requires answers
 * the same problem whether it was left out or left blank (issue 12, point 20).
 */
export const optionalText = (max: number) => z.preprocess(blankAsMissing, freeText(max).optional());
