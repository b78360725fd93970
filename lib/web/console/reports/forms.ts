import type { z } from 'zod';
import { COLUMNS, Figures, Narrative } from '#lib/domain/annual-report';
import type { FieldError, FormValues } from '../../components';
import type { MessageKey, Translate } from '../../messages/catalogue';
import { fieldErrors } from '../../pages/follow/form-errors';
import { NARRATIVE_SECTIONS } from './words';

/**
 * The year's figures as the form names them: the four of table 二 every year, and for an agency's first
 * year here the documents in force and applications pending on January 1 (left blank: none entered).
 */
export const FIGURE_FIELDS = ['licensing', 'penalties', 'enforcement', 'feeIncomeTenThousandYuan'] as const;
export const IN_FORCE_FIELDS = ['rules', 'normativeDocuments'] as const;
export const inForceField = (kind: (typeof IN_FORCE_FIELDS)[number]): string => `inForce.${kind}`;
export const pendingField = (column: string): string => `pending.${column}`;

/** A number as typed: blank is missing; anything not a plain decimal number stays text (and is refused). */
const numberOf = (text: string | undefined): number | string | undefined => {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
};

/** The form's values as the figures they say, or the problems at their fields. */
export function readFigures(
  get: (name: string) => string | undefined,
  t: Translate,
): { ok: true; figures: Figures } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const inForce = IN_FORCE_FIELDS.map((kind) => numberOf(get(inForceField(kind))));
  if (inForce.some((value) => value === undefined) && inForce.some((value) => value !== undefined))
    for (const kind of IN_FORCE_FIELDS)
      if (numberOf(get(inForceField(kind))) === undefined)
        errors.push({ field: inForceField(kind), message: t('cRep.figures.inForceBoth') });
  const pending = Object.fromEntries(COLUMNS.map((column) => [column, numberOf(get(pendingField(column)))]));
  const anyPending = Object.values(pending).some((value) => value !== undefined);
  const parsed = Figures.safeParse({
    version: numberOf(get('version')),
    ...Object.fromEntries(FIGURE_FIELDS.map((name) => [name, numberOf(get(name))])),
    inForceAtStartOfYear: inForce.every((value) => value === undefined)
      ? null
      : { rules: inForce[0], normativeDocuments: inForce[1] },
    pendingAtStartOfYear: anyPending
      ? Object.fromEntries(Object.entries(pending).filter(([, value]) => value !== undefined))
      : null,
  });
  if (parsed.success && errors.length === 0) return { ok: true, figures: parsed.data };
  const found = new Set(errors.map((error) => error.field));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = figureField(issue.path);
    if (found.has(field)) continue;
    found.add(field);
    errors.push({ field, message: t(figureWords(field, numberOf(get(field)) === undefined)) });
  }
  return { ok: false, errors: inFormOrder(errors) };
}

function figureField(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === 'inForceAtStartOfYear' && second !== undefined) return `inForce.${second}`;
  if (first === 'pendingAtStartOfYear' && second !== undefined) return `pending.${second}`;
  return first ?? 'version';
}

/** A field's problem: blank where a number is required, or not a number of its kind. */
function figureWords(field: string, blank: boolean): MessageKey {
  if (field === 'version') return 'cRep.figures.version';
  if (blank) return 'cRep.figures.empty';
  if (field === 'feeIncomeTenThousandYuan') return 'cRep.figures.amount';
  return 'cRep.figures.count';
}

/** The form's fields in the order it shows them (for the error summary). */
export const FIGURE_FORM_ORDER: readonly string[] = [
  ...FIGURE_FIELDS,
  ...IN_FORCE_FIELDS.map(inForceField),
  ...COLUMNS.map(pendingField),
  'version',
];
const inFormOrder = (errors: FieldError[]): FieldError[] =>
  [...errors].sort((a, b) => FIGURE_FORM_ORDER.indexOf(a.field) - FIGURE_FORM_ORDER.indexOf(b.field));

/** The figures as the form shows them (a number as typed; none entered: blank). */
export function figureValues(figures: Figures): FormValues {
  return {
    version: String(figures.version),
    ...Object.fromEntries(FIGURE_FIELDS.map((name) => [name, String(figures[name])])),
    ...Object.fromEntries(
      IN_FORCE_FIELDS.map((kind) => [
        inForceField(kind),
        figures.inForceAtStartOfYear === null ? '' : String(figures.inForceAtStartOfYear[kind]),
      ]),
    ),
    ...Object.fromEntries(
      COLUMNS.map((column) => [
        pendingField(column),
        figures.pendingAtStartOfYear === null ? '' : String(figures.pendingAtStartOfYear[column]),
      ]),
    ),
  };
}

/** The narrative sections as posted, or the problems at their text areas. */
export function readNarrative(
  get: (name: string) => string | undefined,
  t: Translate,
): { ok: true; narrative: z.infer<typeof Narrative> } | { ok: false; errors: FieldError[] } {
  const parsed = Narrative.safeParse({
    version: numberOf(get('version')),
    ...Object.fromEntries(NARRATIVE_SECTIONS.map((name) => [name, get(name) ?? ''])),
  });
  if (parsed.success) return { ok: true, narrative: parsed.data };
  return {
    ok: false,
    errors: fieldErrors(
      parsed.error,
      Object.fromEntries(
        NARRATIVE_SECTIONS.map((name) => [
          name,
          { field: name, tooLong: 'cRep.narrative.tooLong', invalid: 'cRep.narrative.invalid' } as const,
        ]),
      ),
      t,
    ),
  };
}
