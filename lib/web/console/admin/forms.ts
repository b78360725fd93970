import * as z from 'zod';
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../components';
import type { Crumb } from '../../layout';
import type { Translate } from '../../messages/catalogue';
import { PageError, type FormFields, type PageAnswer } from '../../page-function';

/**
 * What the administration and platform pages share: the page answer (never stored, never indexed), the
 * version a form was read at, and the domain's schema problems in the reader's words beside their fields.
 */
export function consoleAnswer(
  title: string,
  body: ComponentChildren,
  options: { status?: number; crumbs?: readonly Crumb[] } = {},
): PageAnswer {
  return {
    kind: 'page',
    title,
    body,
    cache: { kind: 'no-store' },
    robots: 'noindex',
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.crumbs === undefined ? {} : { crumbs: options.crumbs }),
  };
}

/** The version of the record the form was filled from: a form without one was not made by our page. */
export function postedVersion(form: FormFields): number {
  const parsed = z.coerce.number().int().min(1).safeParse(form.get('version'));
  if (!parsed.success) throw new PageError(400, 'common.badRequest.title', 'common.badForm.body');
  return parsed.data;
}

/** A text field as posted, blank when absent. */
export const text = (form: FormFields, name: string): string => form.get(name) ?? '';
/** An optional field as posted: blank is missing. */
export const blankAsUndefined = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value;

/** A field as the error messages name it: its form name, its label, and what a wrong value is told. */
export type FieldSpec = {
  readonly field: string;
  readonly label: string;
  /** What is acceptable, said when the value is wrong (else "{label} is not valid"). */
  readonly invalid?: string;
  /** What a blank one is told (else "Enter {label}"). */
  readonly empty?: string;
};

/**
 * The schema's problems, one per field, in the order they came: empty, too long, or otherwise wrong
 * (the field's own words). `specOf` finds a field from the schema's path; problems of no field are left
 * to `orphan` (a whole-list rule, say), or dropped when it is absent.
 */
export function schemaErrors(
  error: z.ZodError,
  specOf: (path: readonly PropertyKey[]) => FieldSpec | undefined,
  t: Translate,
  orphan?: (issue: z.core.$ZodIssue) => FieldError | undefined,
): FieldError[] {
  const found: FieldError[] = [];
  for (const issue of error.issues) {
    const spec = specOf(issue.path);
    const error =
      spec === undefined ? orphan?.(issue) : { field: spec.field, message: messageOf(issue, spec, t) };
    if (error !== undefined && !found.some((known) => known.field === error.field)) found.push(error);
  }
  return found;
}

function messageOf(issue: z.core.$ZodIssue, spec: FieldSpec, t: Translate): string {
  // Text is trimmed before it is measured: at least 1 character means "not blank".
  const blank =
    issue.code === 'invalid_type' ||
    (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1);
  if (blank) return spec.empty ?? t('cAdm.error.empty', { label: spec.label });
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('cAdm.error.tooLong', { label: spec.label, max: Number(issue.maximum) });
  return spec.invalid ?? t('cAdm.error.invalid', { label: spec.label });
}

/** The field a domain rule's error path names (`body.policy.effectiveFrom` → `effectiveFrom`). */
export const lastSegment = (path: string): string => path.split('.').at(-1) ?? path;
