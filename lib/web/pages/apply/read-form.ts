import type { z } from 'zod';
import { OnlineApplicationInput } from '#lib/domain/application/intake';
import type { FieldError } from '#lib/domain/errors';
import type { FormApplication } from '#lib/use-cases/applications/form-receipt';
import type { FormFields } from '../../page-function';
import { isFilesRefusal } from '../../posted-files';

// The files' limits, reading and words are the portal's (the supplement takes files too).
export {
  ACCEPTED_FILES,
  contentTypeOf,
  FORM_FILES,
  MAX_FORM_BODY_BYTES,
  readFiles,
  sizeText,
} from '../../posted-files';

/**
 * The apply form, read: its fields as the person typed them, turned into the domain's
 * `OnlineApplicationInput` (checked by the domain's own schema), or the problems found, each named by the
 * form field it belongs to and a reason (the page words them from the catalogue, never with the domain's
 * English messages).
 */
export const APPLY_FIELDS = [
  'applicantType',
  'name',
  'idType',
  'idNumber',
  'organisationType',
  'legalRepresentative',
  'contactPerson',
  'contact',
  'address',
  'postcode',
  'phone',
  'email',
  'description',
  'documentNumber',
  'form',
  'delivery',
  'attachments',
  'declaration',
  'formKey',
] as const;
export type ApplyField = (typeof APPLY_FIELDS)[number];

export type ApplyReason =
  | 'missing'
  | 'tooShort'
  | 'tooLong'
  | 'format'
  | 'characters'
  | 'type'
  | 'tooLarge'
  | 'tooMany'
  | 'notStored'
  | 'reused'
  | 'invalid';

export type ApplyProblem = {
  readonly field: ApplyField;
  readonly reason: ApplyReason;
  /** Placeholders of the message (a file's name, sizes). */
  readonly values?: Readonly<Record<string, string | number>>;
};

/** A form field's value, or undefined when left blank (the domain treats blank as missing). */
const filled = (form: Pick<FormFields, 'get'>, name: ApplyField): string | undefined => {
  const value = form.get(name);
  return value === undefined || value.trim() === '' ? undefined : value;
};

/** The candidate input, as the domain's schema will read it. Absent type: checked as a person's. */
export function candidateOf(form: Pick<FormFields, 'get'>): Record<string, unknown> {
  const type = filled(form, 'applicantType');
  const common = {
    name: form.get('name') ?? '',
    idDocument: { type: filled(form, 'idType'), number: form.get('idNumber') ?? '' },
    address: filled(form, 'address'),
    postcode: filled(form, 'postcode')?.trim(),
    phone: filled(form, 'phone'),
    email: filled(form, 'email')?.trim(),
  };
  const applicant =
    type === 'organisation'
      ? {
          type,
          organisationType: filled(form, 'organisationType'),
          legalRepresentative: filled(form, 'legalRepresentative'),
          contactPerson: filled(form, 'contactPerson'),
          ...common,
        }
      : { type: type ?? 'natural_person', ...common };
  return {
    applicant,
    request: {
      description: form.get('description') ?? '',
      documentNumber: filled(form, 'documentNumber'),
      form: filled(form, 'form'),
      delivery: filled(form, 'delivery'),
    },
    attachments: [],
  };
}

/** Where the domain names a problem (`body.applicant.name`, `applicant.idDocument.number`), the field. */
const FIELD_OF_PATH: Readonly<Record<string, ApplyField>> = {
  applicant: 'contact',
  'applicant.type': 'applicantType',
  'applicant.name': 'name',
  'applicant.idDocument': 'idNumber',
  'applicant.idDocument.type': 'idType',
  'applicant.idDocument.number': 'idNumber',
  'applicant.organisationType': 'organisationType',
  'applicant.legalRepresentative': 'legalRepresentative',
  'applicant.contactPerson': 'contactPerson',
  'applicant.address': 'address',
  'applicant.postcode': 'postcode',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'request.description': 'description',
  'request.documentNumber': 'documentNumber',
  'request.form': 'form',
  'request.delivery': 'delivery',
  attachments: 'attachments',
  'header.idempotency-key': 'formKey',
};

export function fieldOfPath(path: string): ApplyField | undefined {
  const normal = path
    .split('.')
    .filter((segment, index) => !(index === 0 && segment === 'body') && !/^\d+$/.test(segment))
    .join('.');
  return FIELD_OF_PATH[normal];
}

/** The reason of a schema issue: a blank field is missing, whatever rule it then failed. */
function reasonOf(issue: z.core.$ZodIssue, field: ApplyField, blank: boolean): ApplyReason {
  // The applicant's own rule (Reg. 29): one means of contact.
  if (field === 'contact' || blank) return 'missing';
  switch (issue.code) {
    case 'too_big':
      return 'tooLong';
    case 'too_small':
      return 'tooShort';
    case 'invalid_format':
      return 'format';
    case 'custom':
      return 'characters';
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_type':
      return 'missing';
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return 'invalid';
  }
}

/** The problems of the form's fields, in the form's order, one per field. */
export function orderedProblems(problems: readonly ApplyProblem[]): ApplyProblem[] {
  const first = new Map<ApplyField, ApplyProblem>();
  for (const problem of problems) if (!first.has(problem.field)) first.set(problem.field, problem);
  return APPLY_FIELDS.flatMap((field) => {
    const problem = first.get(field);
    return problem === undefined ? [] : [problem];
  });
}

/**
 * The text fields, read: the domain's input, or the problems. The domain checks its applicant's means of
 * contact only once the rest of the applicant is right; the form says it with the other problems, so the
 * person corrects everything at once.
 */
export function readFields(
  form: Pick<FormFields, 'get'>,
): { input: FormApplication['input']; problems: [] } | { input: undefined; problems: ApplyProblem[] } {
  const problems: ApplyProblem[] = [];
  if (filled(form, 'applicantType') === undefined)
    problems.push({ field: 'applicantType', reason: 'missing' });
  const parsed = OnlineApplicationInput.safeParse(candidateOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      if (field === undefined) continue;
      problems.push({ field, reason: reasonOf(issue, field, filled(form, field) === undefined) });
    }
    if (!['address', 'phone', 'email'].some((name) => form.get(name)?.trim()))
      problems.push({ field: 'contact', reason: 'missing' });
  }
  if (form.get('declaration') !== 'yes') problems.push({ field: 'declaration', reason: 'missing' });
  if (parsed.success && problems.length === 0) {
    const { attachments: _none, ...input } = parsed.data;
    return { input, problems: [] };
  }
  return { input: undefined, problems: orderedProblems(problems) };
}

/** The domain's refusals of a well-formed application (its files, a reused key), on the form's fields. */
export function problemsOfRefusal(code: string, errors: readonly FieldError[]): ApplyProblem[] {
  if (code === 'idempotency-key-reused') return [{ field: 'formKey', reason: 'reused' }];
  if (isFilesRefusal(code)) return [{ field: 'attachments', reason: 'notStored' }];
  return orderedProblems(
    errors.flatMap((error) => {
      const field = fieldOfPath(error.path);
      return field === undefined ? [] : [{ field, reason: 'invalid' as const }];
    }),
  );
}
