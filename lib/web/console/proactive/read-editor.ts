import type { z } from 'zod';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import type { FieldError } from '#lib/domain/errors';
import { SubmissionInput, type AttachedFile, type Submission } from '#lib/domain/submission/submission';
import type { FormFields } from '../../page-function';
import { isFilesRefusal } from '../../posted-files';

/**
 * The editor's form, read: its fields turned into the domain's `SubmissionInput` (checked by the domain's
 * own schema), or the problems found, each named by the form field it belongs to and a reason the page
 * words from the catalogue (never the domain's English messages).
 */
export const EDITOR_FIELDS = [
  'title',
  'documentNumber',
  'issuingOffice',
  'category',
  'documentKind',
  'formedOn',
  'effectiveOn',
  'attribute',
  'attributeReason',
  'audience',
  'display',
  'displayEndsOn',
  'displayLegalBasis',
  'policyDocument',
  'interpretation',
  'majorDecision',
  'participationEvidence',
  'periodicObligation',
  'periodicPeriod',
  'changedOn',
  'body',
  'attachments',
] as const;
export type EditorField = (typeof EDITOR_FIELDS)[number];

export type EditorReason =
  | 'missing'
  | 'tooLong'
  | 'characters'
  | 'date'
  | 'invalid'
  | 'unknownCategory'
  | 'period'
  | 'effectiveBeforeFormed'
  | 'changedOn'
  | 'outsideCalendar'
  | 'notStored'
  | 'type'
  | 'tooLarge'
  | 'tooMany';

export type EditorProblem = {
  readonly field: EditorField;
  readonly reason: EditorReason;
  readonly values?: Readonly<Record<string, string | number>>;
};

/** Fields whose answer is chosen (a missing one is "choose", not "fill in"). */
export const CHOICE_FIELDS: ReadonlySet<EditorField> = new Set([
  'category',
  'documentKind',
  'attribute',
  'audience',
  'display',
]);
const DATE_FIELDS: ReadonlySet<EditorField> = new Set([
  'formedOn',
  'effectiveOn',
  'displayEndsOn',
  'changedOn',
]);

const filled = (form: Pick<FormFields, 'get'>, name: string): string | undefined => {
  const value = form.get(name);
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** The files an edit keeps of those the item has: every one not ticked for removal. */
export function keptFiles(form: Pick<FormFields, 'getAll' | 'get'>, current: Submission | undefined) {
  const removed = new Set(form.getAll('removeAttachment'));
  const content = current?.content;
  return {
    attachments: (content?.attachments ?? []).filter((_, index) => !removed.has(String(index + 1))),
    interpretation: form.get('removeInterpretation') === 'yes' ? undefined : content?.interpretation,
    participationEvidence:
      form.get('removeParticipationEvidence') === 'yes' ? undefined : content?.participationEvidence,
  };
}

/** The files the item will carry: those kept, then those posted now (their upload keys, stored). */
export type EditorFiles = {
  readonly attachments: readonly AttachedFile[];
  readonly interpretation: AttachedFile | undefined;
  readonly participationEvidence: AttachedFile | undefined;
};

/** The candidate input, as the domain's schema will read it. */
export function candidateOf(
  form: Pick<FormFields, 'get'>,
  files: EditorFiles,
  current: Submission | undefined,
): Record<string, unknown> {
  const display = filled(form, 'display');
  const obligation = filled(form, 'periodicObligation');
  return {
    title: form.get('title') ?? '',
    documentNumber: filled(form, 'documentNumber'),
    issuingOffice: form.get('issuingOffice') ?? '',
    category: filled(form, 'category'),
    formedOn: filled(form, 'formedOn'),
    effectiveOn: filled(form, 'effectiveOn'),
    attribute: filled(form, 'attribute'),
    attributeReason: filled(form, 'attributeReason'),
    audience: filled(form, 'audience'),
    display:
      display === 'until'
        ? {
            kind: 'until',
            endsOn: filled(form, 'displayEndsOn'),
            legalBasis: filled(form, 'displayLegalBasis'),
          }
        : display === 'long_term'
          ? { kind: 'long_term' }
          : undefined,
    policyDocument: form.get('policyDocument') === 'yes',
    interpretation: files.interpretation,
    majorDecision: form.get('majorDecision') === 'yes',
    participationEvidence: files.participationEvidence,
    periodic:
      obligation === undefined
        ? undefined
        : { obligationId: obligation, period: filled(form, 'periodicPeriod') ?? '' },
    documentKind: filled(form, 'documentKind'),
    // The editor does not edit the documents an item repeals (the API does): an edit keeps them.
    repeals: current?.content.repeals ?? [],
    attachments: files.attachments,
    body: form.get('body') ?? '',
  };
}

/** Where the domain names a problem (`body.display.endsOn`, `periodic.period`), the field. */
const FIELD_OF_PATH: Readonly<Record<string, EditorField>> = {
  title: 'title',
  documentNumber: 'documentNumber',
  issuingOffice: 'issuingOffice',
  category: 'category',
  formedOn: 'formedOn',
  effectiveOn: 'effectiveOn',
  attribute: 'attribute',
  attributeReason: 'attributeReason',
  audience: 'audience',
  display: 'display',
  'display.endsOn': 'displayEndsOn',
  'display.legalBasis': 'displayLegalBasis',
  'display.kind': 'display',
  policyDocument: 'policyDocument',
  interpretation: 'interpretation',
  majorDecision: 'majorDecision',
  participationEvidence: 'participationEvidence',
  periodic: 'periodicPeriod',
  'periodic.obligationId': 'periodicObligation',
  'periodic.period': 'periodicPeriod',
  documentKind: 'documentKind',
  repeals: 'documentKind',
  attachments: 'attachments',
  body: 'body',
  changedOn: 'changedOn',
};

export function fieldOfPath(path: string): EditorField | undefined {
  const segments = path
    .split('.')
    .filter((segment, index) => !(index === 0 && segment === 'body') && !/^\d+$/.test(segment));
  // A file's own parts (`interpretation.name`) are the file's field; a repeal's parts, the kind's.
  for (let length = segments.length; length > 0; length -= 1) {
    const field = FIELD_OF_PATH[segments.slice(0, length).join('.')];
    if (field !== undefined) return field;
  }
  return undefined;
}

function reasonOf(issue: z.core.$ZodIssue, field: EditorField, blank: boolean): EditorProblem {
  if (blank) return { field, reason: 'missing' };
  if (DATE_FIELDS.has(field)) return { field, reason: 'date' };
  switch (issue.code) {
    case 'too_big':
      return { field, reason: 'tooLong', values: { max: Number(issue.maximum) } };
    case 'custom':
      return { field, reason: 'characters' };
    case 'invalid_type':
    case 'invalid_union':
      return { field, reason: 'missing' };
    case 'invalid_value':
    case 'invalid_format':
    case 'too_small':
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return { field, reason: 'invalid' };
  }
}

/** The problems in the form's order, one per field. */
export function orderedProblems(problems: readonly EditorProblem[]): EditorProblem[] {
  const first = new Map<EditorField, EditorProblem>();
  for (const problem of problems) if (!first.has(problem.field)) first.set(problem.field, problem);
  return EDITOR_FIELDS.flatMap((field) => {
    const problem = first.get(field);
    return problem === undefined ? [] : [problem];
  });
}

/** The text fields (and the files kept or posted), read: the domain's input, or the problems. */
export function readEditor(
  form: Pick<FormFields, 'get'>,
  files: EditorFiles,
  current: Submission | undefined,
):
  | { input: SubmissionInput; changedOn: IsoDate | undefined; problems: [] }
  | { input: undefined; problems: EditorProblem[] } {
  const problems: EditorProblem[] = [];
  const parsed = SubmissionInput.safeParse(candidateOf(form, files, current));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      if (field === undefined) continue;
      problems.push(reasonOf(issue, field, filled(form, field) === undefined && !isFileField(field)));
    }
  const changedOn = filled(form, 'changedOn');
  if (changedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(changedOn))
    problems.push({ field: 'changedOn', reason: 'date' });
  if (parsed.success && problems.length === 0) return { input: parsed.data, changedOn, problems: [] };
  return { input: undefined, problems: orderedProblems(problems) };
}

const isFileField = (field: EditorField): boolean =>
  field === 'attachments' || field === 'interpretation' || field === 'participationEvidence';

/** The domain's refusals of a well-formed item (its catalogue, obligations, dates, files), on the form. */
export function problemsOfRefusal(code: string, errors: readonly FieldError[]): EditorProblem[] {
  if (isFilesRefusal(code)) return [{ field: 'attachments', reason: 'notStored' }];
  if (code === 'outside-calendar') return [{ field: 'formedOn', reason: 'outsideCalendar' }];
  if (code === 'invalid-change-date') return [{ field: 'changedOn', reason: 'changedOn' }];
  return orderedProblems(
    errors.flatMap((error): EditorProblem[] => {
      const field = fieldOfPath(error.path);
      if (field === undefined) return [];
      const reason: EditorReason =
        field === 'category'
          ? 'unknownCategory'
          : field === 'periodicPeriod'
            ? 'period'
            : field === 'effectiveOn'
              ? 'effectiveBeforeFormed'
              : 'invalid';
      return [{ field, reason }];
    }),
  );
}
