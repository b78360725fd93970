import * as z from 'zod';
import { routeByKey } from '#lib/api/routes';
import { AbandonmentReviewInput } from '#lib/domain/application/abandonment';
import { AssignmentInput } from '#lib/domain/application/assignment';
import { ClarificationRequestInput } from '#lib/domain/application/clarification';
import {
  ConsultationInput,
  ConsultationReplyInput,
  DisclosureNoticeInput,
} from '#lib/domain/application/consultation';
import { DeliveryRecordInput } from '#lib/domain/application/delivery';
import { FeeNoticeInput, FeePaymentInput } from '#lib/domain/application/fee-notice';
import { ExtensionInput, ResumptionInput, SuspensionInput } from '#lib/domain/application/reply-clock';
import type { StaffStep } from '#lib/domain/application/staff-steps';
import { LaterReplyInput, ReasonsInput, ReasonsRequestInput } from '#lib/domain/application/volume-review';
import type { Role } from '#lib/domain/staff';
import type { StaffAction } from '#lib/use-cases/applications/casework';
import type { FormFields } from '../../page-function';

/**
 * The case page's forms, one per staff step (the decision has its own, `decision.tsx`): the path each
 * posts to, the API route whose roles say who may take it (one table of roles for the API and the
 * console), and how its fields become the domain's input, checked by the domain's own schema.
 */
export type ActionName =
  | 'confirmation'
  | 'assignment'
  | 'clarification-request'
  | 'consultations'
  | 'consultation-reply'
  | 'disclosure-notice'
  | 'extension'
  | 'suspension'
  | 'resumption'
  | 'fee-notice'
  | 'fee-payment'
  | 'reasons-request'
  | 'reasons'
  | 'later-reply-date'
  | 'delivery'
  | 'abandonment-review'
  | 'decision';

type Candidate = (form: Pick<FormFields, 'get'>) => Record<string, unknown>;

type ActionSpec = {
  /** The step of the case it takes (`openSteps` says whether the case admits it now). */
  readonly step: StaffStep;
  /** The API's action path, whose route lists the roles that may take it. */
  readonly apiPath: string;
  /** Where a refusal of the whole form is shown (its first field). */
  readonly firstField: string;
  /** The form read into the step, or the schema's issues. */
  readonly read: (
    form: Pick<FormFields, 'get'>,
    consultationId: string | undefined,
  ) => { action: StaffAction } | { issues: readonly z.core.$ZodIssue[] };
};

/** A form's spec: its candidate input, checked by the domain's schema, made into the step. */
function spec<S extends z.ZodType>(definition: {
  step: StaffStep;
  apiPath: string;
  firstField: string;
  schema: S;
  candidate: Candidate;
  toAction: (input: z.output<S>, consultationId: string | undefined) => StaffAction;
}): ActionSpec {
  return {
    step: definition.step,
    apiPath: definition.apiPath,
    firstField: definition.firstField,
    read: (form, consultationId) => {
      const parsed = definition.schema.safeParse(definition.candidate(form));
      return parsed.success
        ? { action: definition.toAction(parsed.data, consultationId) }
        : { issues: parsed.error.issues };
    },
  };
}

/** A field left blank is absent (the domain reads absent as missing, or as its default). */
const filled = (form: Pick<FormFields, 'get'>, name: string): string | undefined => {
  const value = form.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
};
/** A whole number typed in a field, or the text as typed (for the schema to refuse). */
const whole = (form: Pick<FormFields, 'get'>, name: string): number | string | undefined => {
  const value = filled(form, name);
  return value !== undefined && /^\d{1,7}$/.test(value) ? Number(value) : value;
};
/** One item per line. */
const lines = (form: Pick<FormFields, 'get'>, name: string): string[] =>
  (form.get(name) ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export const ACTIONS: Readonly<Record<Exclude<ActionName, 'decision'>, ActionSpec>> = {
  confirmation: spec({
    firstField: 'form',
    step: 'confirmation',
    apiPath: 'confirmation',
    schema: z.strictObject({}),
    candidate: () => ({}),
    toAction: () => ({ kind: 'confirmation' }),
  }),
  assignment: spec({
    firstField: 'staffId',
    step: 'assignment',
    apiPath: 'assignment',
    schema: AssignmentInput,
    candidate: (form) => ({ staffId: filled(form, 'staffId') }),
    toAction: (input) => ({ kind: 'assignment', input }),
  }),
  'clarification-request': spec({
    firstField: 'items',
    step: 'clarification-request',
    apiPath: 'clarification-request',
    schema: ClarificationRequestInput,
    candidate: (form) => ({
      items: lines(form, 'items'),
      periodWorkingDays: whole(form, 'periodWorkingDays'),
      deliveredBy: filled(form, 'deliveredBy'),
    }),
    toAction: (input) => ({ kind: 'clarification-request', input }),
  }),
  consultations: spec({
    firstField: 'party',
    step: 'consultation',
    apiPath: 'consultations',
    schema: ConsultationInput,
    candidate: (form) => ({
      party: filled(form, 'party'),
      name: form.get('name') ?? '',
      contact: form.get('contact') ?? '',
      matter: form.get('matter') ?? '',
      deliveredBy: filled(form, 'deliveredBy'),
    }),
    toAction: (input) => ({ kind: 'consultation', input }),
  }),
  'consultation-reply': spec({
    firstField: 'answer',
    step: 'consultation-reply',
    apiPath: 'consultations/{cid}/reply',
    schema: ConsultationReplyInput,
    candidate: (form) => ({ answer: filled(form, 'answer'), summary: form.get('summary') ?? '' }),
    toAction: (input, consultationId) => ({
      kind: 'consultation-reply',
      consultationId: consultationId ?? '',
      input,
    }),
  }),
  'disclosure-notice': spec({
    firstField: 'content',
    step: 'disclosure-notice',
    apiPath: 'consultations/{cid}/disclosure-notice',
    schema: DisclosureNoticeInput,
    candidate: (form) => ({ content: form.get('content') ?? '', reasons: form.get('reasons') ?? '' }),
    toAction: (input, consultationId) => ({
      kind: 'disclosure-notice',
      consultationId: consultationId ?? '',
      input,
    }),
  }),
  extension: spec({
    firstField: 'workingDays',
    step: 'extension',
    apiPath: 'extension',
    schema: ExtensionInput,
    candidate: (form) => ({ workingDays: whole(form, 'workingDays'), reason: form.get('reason') ?? '' }),
    toAction: (input) => ({ kind: 'extension', input }),
  }),
  suspension: spec({
    firstField: 'reason',
    step: 'suspension',
    apiPath: 'suspension',
    schema: SuspensionInput,
    candidate: (form) => ({ reason: form.get('reason') ?? '' }),
    toAction: (input) => ({ kind: 'suspension', input }),
  }),
  resumption: spec({
    firstField: 'note',
    step: 'resumption',
    apiPath: 'resumption',
    schema: ResumptionInput,
    candidate: (form) => ({ note: filled(form, 'note') }),
    toAction: (input) => ({ kind: 'resumption', input }),
  }),
  'fee-notice': spec({
    firstField: 'method',
    step: 'fee-notice',
    apiPath: 'fee-notice',
    schema: FeeNoticeInput,
    candidate: (form) => {
      const method = filled(form, 'method');
      const count = whole(form, 'pieces');
      const basis =
        method === 'by_volume'
          ? { method, pages: whole(form, 'pages') }
          : {
              method,
              ...(count === undefined || count === 1
                ? {}
                : { pieces: { count, reason: form.get('piecesReason') ?? '' } }),
            };
      return { basis, explanation: form.get('explanation') ?? '', deliveredBy: filled(form, 'deliveredBy') };
    },
    toAction: (input) => ({ kind: 'fee-notice', input }),
  }),
  'fee-payment': spec({
    firstField: 'reference',
    step: 'fee-payment',
    apiPath: 'fee-payment',
    schema: FeePaymentInput,
    candidate: (form) => ({ reference: filled(form, 'reference') }),
    toAction: (input) => ({ kind: 'fee-payment', input }),
  }),
  'reasons-request': spec({
    firstField: 'question',
    step: 'reasons-request',
    apiPath: 'reasons-request',
    schema: ReasonsRequestInput,
    candidate: (form) => ({ question: form.get('question') ?? '' }),
    toAction: (input) => ({ kind: 'reasons-request', input }),
  }),
  reasons: spec({
    firstField: 'reasons',
    step: 'reasons',
    apiPath: 'reasons',
    schema: ReasonsInput,
    candidate: (form) => ({ reasons: form.get('reasons') ?? '' }),
    toAction: (input) => ({ kind: 'reasons', input }),
  }),
  'later-reply-date': spec({
    firstField: 'dueDate',
    step: 'later-reply-date',
    apiPath: 'later-reply-date',
    schema: LaterReplyInput,
    candidate: (form) => ({ dueDate: filled(form, 'dueDate'), reason: form.get('reason') ?? '' }),
    toAction: (input) => ({ kind: 'later-reply-date', input }),
  }),
  delivery: spec({
    firstField: 'notice',
    step: 'delivery',
    apiPath: 'delivery',
    schema: DeliveryRecordInput,
    candidate: (form) => {
      const notice = filled(form, 'notice') ?? '';
      const [kind, consultationId] = notice.split(':');
      return {
        notice: kind === '' ? undefined : kind,
        ...(consultationId === undefined ? {} : { consultationId }),
        deliveredOn: filled(form, 'deliveredOn'),
      };
    },
    toAction: (input) => ({ kind: 'delivery', input }),
  }),
  'abandonment-review': spec({
    firstField: 'verdict',
    step: 'abandonment-review',
    apiPath: 'abandonment-review',
    schema: AbandonmentReviewInput,
    candidate: (form) =>
      filled(form, 'verdict') === 'reopened'
        ? {
            verdict: 'reopened',
            reason: form.get('reason') ?? '',
            periodWorkingDays: whole(form, 'periodWorkingDays'),
          }
        : { verdict: filled(form, 'verdict') },
    toAction: (input) => ({ kind: 'abandonment-review', input }),
  }),
};

/** Who may take a step: the roles its API route lists (the API and the console keep one table). */
export function rolesOf(action: ActionName): readonly Role[] {
  const apiPath = action === 'decision' ? 'decision' : ACTIONS[action].apiPath;
  const route = routeByKey(`POST /v1/agencies/{agencyId}/applications/{id}/${apiPath}`);
  if (route?.roles === undefined) throw new Error(`No roles for the step ${action}`);
  return route.roles;
}

/** The step of the case an action takes. */
export const stepOf = (action: ActionName): StaffStep =>
  action === 'decision' ? 'decision' : ACTIONS[action].step;

export const mayTake = (action: ActionName, roles: ReadonlySet<Role>): boolean =>
  rolesOf(action).some((role) => roles.has(role));

/** A problem of a form, on one of its fields (`''`: the form as a whole). */
export type Problem = { readonly field: string; readonly code: string };

/** The form's fields read into the step's input, or its problems (by field). */
export function readAction(
  action: Exclude<ActionName, 'decision'>,
  form: Pick<FormFields, 'get'>,
  consultationId: string | undefined,
): { action: StaffAction; problems: [] } | { action: undefined; problems: Problem[] } {
  const spec = ACTIONS[action];
  const read = spec.read(form, consultationId);
  if ('issues' in read)
    return {
      action: undefined,
      problems: read.issues.map((issue) => ({
        field: fieldOfPath(action, issue.path.map(String)) || spec.firstField,
        code: 'invalid',
      })),
    };
  return { action: read.action, problems: [] };
}

/** The form field a schema path (or a domain error's `body.…` path) names. */
export function fieldOfPath(action: ActionName, path: readonly string[]): string {
  const segments = path.filter((segment, index) => !(index === 0 && segment === 'body'));
  if (action === 'fee-notice') {
    if (segments[0] === 'basis' && segments[1] === 'pages') return 'pages';
    if (segments[0] === 'basis' && segments[1] === 'pieces')
      return segments[2] === 'reason' ? 'piecesReason' : 'pieces';
    if (segments[0] === 'basis') return 'method';
  }
  if (action === 'delivery' && segments[0] === 'consultationId') return 'notice';
  // Lists are one field (one item per line).
  return segments[0] ?? '';
}
