import { needsLegalBasis } from '#lib/domain/application/decision';
import {
  ACCESS_METHODS,
  DecisionInput,
  NOT_DISCLOSED_REASONS,
  type Outcome,
} from '#lib/domain/application/outcomes';
import {
  Button,
  Checkbox,
  fieldId,
  PostForm,
  Select,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormKeyField } from '../../form-key';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { ACCEPTED_FILES, FORM_FILES, sizeText } from '../../posted-files';
import { OUTCOME_WORDS } from '../../pages/follow/wording';
import { OUTCOME_GROUPS, outcomeChoice, reasonText } from './wording';

/**
 * The decision form (答复): the outcome chosen among the national table's rows as it groups them, the
 * withheld part's category for a partial disclosure, the legal basis and reasons (required where the
 * domain says, `needsLegalBasis`), how the information is obtained, and files. Posting it answers the
 * letter's preview first; the preview carries every value in hidden fields (and the files, stored, by
 * their upload keys) to send it, or back to the form to change it.
 */
export const DECISION_FIELDS = [
  'outcome',
  'withheldBecause',
  'legalBasis',
  'reasons',
  'publicationId',
  'publishedWhere',
  'publishedOn',
  'accessMethod',
  'accessPlace',
  'accessFrom',
  'accessUntil',
  'accessSendBy',
  'accessTo',
  'heldByName',
  'heldByContact',
  'heldByUnknown',
] as const;
type DecisionField = (typeof DECISION_FIELDS)[number] | 'releasedFiles' | 'formKey';

export type KeptFile = { readonly uploadKey: string; readonly name: string };

/** The files already stored for this form (carried by the preview), in order. */
export function keptFiles(form: Pick<FormFields, 'getAll'>): KeptFile[] {
  const keys = form.getAll('fileKey');
  const names = form.getAll('fileName');
  return keys.flatMap((uploadKey, index) => {
    const name = names[index];
    return name === undefined ? [] : [{ uploadKey, name }];
  });
}

const filled = (form: Pick<FormFields, 'get'>, name: string): string | undefined => {
  const value = form.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** The form's fields, with the files named, as the domain's `DecisionInput` reads them. */
export function decisionCandidate(form: Pick<FormFields, 'get'>, files: readonly KeptFile[]) {
  const [outcome = '', reason] = (filled(form, 'outcome') ?? '').split('.');
  const text = { reasons: filled(form, 'reasons'), legalBasis: filled(form, 'legalBasis') };
  const method = filled(form, 'accessMethod');
  const access =
    method === undefined
      ? undefined
      : [
          method === 'post'
            ? { method, sendBy: filled(form, 'accessSendBy'), address: filled(form, 'accessTo') }
            : method === 'electronic'
              ? { method, sendBy: filled(form, 'accessSendBy'), to: filled(form, 'accessTo') }
              : {
                  method,
                  place: filled(form, 'accessPlace'),
                  from: filled(form, 'accessFrom'),
                  until: filled(form, 'accessUntil'),
                },
        ];
  const releasedFiles = files.map((file) => ({ uploadKey: file.uploadKey, name: file.name }));
  switch (outcome) {
    case 'disclosed': {
      const publicationId = filled(form, 'publicationId');
      const where = filled(form, 'publishedWhere');
      const published =
        publicationId !== undefined
          ? { publicationId }
          : where !== undefined
            ? { where, publishedOn: filled(form, 'publishedOn') }
            : undefined;
      return { outcome, releasedFiles, published, access, ...text };
    }
    case 'partially_disclosed':
      return { outcome, withheldBecause: filled(form, 'withheldBecause'), releasedFiles, access, ...text };
    case 'cannot_provide': {
      const heldBy =
        reason !== 'not_held'
          ? undefined
          : form.get('heldByUnknown') === 'yes'
            ? null
            : filled(form, 'heldByName') === undefined && filled(form, 'heldByContact') === undefined
              ? undefined
              : { name: filled(form, 'heldByName'), contact: filled(form, 'heldByContact') };
      return { outcome, reason, heldBy, ...text };
    }
    default:
      return { outcome: outcome === '' ? undefined : outcome, reason, ...text };
  }
}

/** The field a schema or domain path names (`body.access.0.from` → `accessFrom`). */
export function decisionFieldOf(path: readonly string[]): DecisionField {
  const [first = '', second, third] = path.filter((segment, index) => !(index === 0 && segment === 'body'));
  switch (first) {
    case 'withheldBecause':
    case 'legalBasis':
    case 'reasons':
    case 'releasedFiles':
      return first;
    case 'heldBy':
      return second === 'contact' ? 'heldByContact' : 'heldByName';
    case 'published':
      return second === 'publishedOn'
        ? 'publishedOn'
        : second === 'publicationId'
          ? 'publicationId'
          : 'publishedWhere';
    case 'publishedAt':
      return 'publishedWhere';
    case 'access': {
      const field = third ?? second;
      if (field === 'from') return 'accessFrom';
      if (field === 'until') return 'accessUntil';
      if (field === 'sendBy') return 'accessSendBy';
      if (field === 'place') return 'accessPlace';
      if (field === 'to' || field === 'address') return 'accessTo';
      return 'accessMethod';
    }
    case 'header':
      return 'formKey';
    default:
      return 'outcome';
  }
}

const FIELD_ERRORS: Readonly<Record<DecisionField, MessageKey>> = {
  outcome: 'cApps.decision.error.outcome',
  withheldBecause: 'cApps.decision.error.withheldBecause',
  legalBasis: 'cApps.decision.error.legalBasis',
  reasons: 'cApps.decision.error.reasons',
  releasedFiles: 'cApps.decision.error.releasedFiles',
  publicationId: 'cApps.decision.error.publicationId',
  publishedWhere: 'cApps.decision.error.publishedWhere',
  publishedOn: 'cApps.decision.error.publishedOn',
  accessMethod: 'cApps.decision.error.access',
  accessPlace: 'cApps.decision.error.access',
  accessFrom: 'cApps.decision.error.accessDate',
  accessUntil: 'cApps.decision.error.accessDate',
  accessSendBy: 'cApps.decision.error.accessDate',
  accessTo: 'cApps.decision.error.access',
  heldByName: 'cApps.decision.error.heldBy',
  heldByContact: 'cApps.decision.error.heldBy',
  heldByUnknown: 'cApps.decision.error.heldBy',
  formKey: 'cApps.error.formKey',
};

/** The problems of a decision, one per field, in the reader's words (a refusal's code may have its own). */
export function decisionErrors(
  t: Translate,
  problems: readonly { path: readonly string[]; code?: string }[],
): FormErrors {
  const seen = new Map<string, string>();
  for (const problem of problems) {
    const field = decisionFieldOf(problem.path);
    if (seen.has(field)) continue;
    const own = problem.code === undefined ? undefined : CODE_ERRORS[problem.code];
    seen.set(field, t(own ?? FIELD_ERRORS[field]));
  }
  return [...seen].map(([field, message]) => ({
    field: field === 'outcome' ? 'outcome-first' : field,
    message,
  }));
}

const CODE_ERRORS: Readonly<Record<string, MessageKey>> = {
  'third-party-not-notified': 'cApps.rule.third-party-not-notified',
  'not-published': 'cApps.rule.not-published',
  'no-supplement-not-lapsed': 'cApps.rule.no-supplement-not-lapsed',
  'not-clarified': 'cApps.rule.not-clarified',
  'idempotency-key-reused': 'cApps.error.formKey',
};

/** The form read: the domain's decision input, or its problems by path. */
export function readDecision(form: Pick<FormFields, 'get'>, files: readonly KeptFile[]) {
  const parsed = DecisionInput.safeParse(decisionCandidate(form, files));
  if (parsed.success) return { input: parsed.data, problems: [] };
  return {
    input: undefined,
    problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String) })),
  };
}

const hidden = (values: FormValues) =>
  DECISION_FIELDS.map((name) =>
    values[name] === undefined || values[name] === '' ? null : (
      <input key={name} type="hidden" name={name} value={values[name]} />
    ),
  );

const keptInputs = (files: readonly KeptFile[]) =>
  files.map((file) => (
    <>
      <input type="hidden" name="fileKey" value={file.uploadKey} />
      <input type="hidden" name="fileName" value={file.name} />
    </>
  ));

/** The outcome's rows, grouped as the national table groups them. */
function OutcomeChoice(props: { value: string | undefined; errors: FormErrors }) {
  const { t } = usePage();
  const error = props.errors.find((candidate) => candidate.field === 'outcome-first')?.message;
  let first = true;
  const radio = (value: string, label: string, hint?: string) => {
    const id = first ? `${fieldId('outcome')}-first` : `${fieldId('outcome')}-${value.replace(/\./g, '-')}`;
    first = false;
    return (
      <div class="choice" key={value}>
        <input
          type="radio"
          id={id}
          name="outcome"
          value={value}
          checked={props.value === value}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label for={id}>
          {label}
          {hint ? (
            <span class="hint" id={`${id}-hint`}>
              <br />
              {hint}
            </span>
          ) : null}
        </label>
      </div>
    );
  };
  const basisHint = (outcome: Outcome, reason?: string) =>
    needsLegalBasis({ outcome, reason }) ? t('cApps.decision.needsBasis') : undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset
        id={fieldId('outcome')}
        aria-describedby={error ? `${fieldId('outcome')}-error` : 'outcome-hint'}
      >
        <legend>{t('cApps.decision.outcome')}</legend>
        <p class="hint" id="outcome-hint">
          {t('cApps.decision.outcome.hint')}
        </p>
        {error ? (
          <p class="error-message" id={`${fieldId('outcome')}-error`}>
            <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {error}
          </p>
        ) : null}
        {OUTCOME_GROUPS.map((group) =>
          group.reasons.length === 0 ? (
            radio(outcomeChoice(group.outcome), t(OUTCOME_WORDS[group.outcome]), basisHint(group.outcome))
          ) : (
            <fieldset class="outcome-group" key={group.outcome}>
              <legend>{t(OUTCOME_WORDS[group.outcome])}</legend>
              {group.reasons.map((reason) =>
                radio(
                  outcomeChoice(group.outcome, reason),
                  reasonText(t, reason),
                  basisHint(group.outcome, reason),
                ),
              )}
            </fieldset>
          ),
        )}
      </fieldset>
    </div>
  );
}

export function DecisionForm(props: {
  action: string;
  values: FormValues;
  errors: FormErrors;
  formKey: string;
  /** The version of the case the form is made from. */
  version: number;
  kept: readonly KeptFile[];
  filesDropped: boolean;
}) {
  const { t } = usePage();
  const { values, errors } = props;
  const choose = { value: '', label: t('apply.choose') };
  return (
    <PostForm action={props.action} multipart label={t('cApps.decision.title')}>
      <FormKeyField formKey={props.formKey} errors={errors} />
      <input type="hidden" name="version" value={String(props.version)} />
      <OutcomeChoice value={values.outcome} errors={errors} />
      <Select
        name="withheldBecause"
        label={t('cApps.decision.withheldBecause')}
        hint={t('cApps.decision.withheldBecause.hint')}
        value={values.withheldBecause}
        errors={errors}
        choices={[
          choose,
          ...Object.keys(NOT_DISCLOSED_REASONS).map((reason) => ({
            value: reason,
            label: reasonText(t, reason),
          })),
        ]}
      />
      <TextArea
        name="legalBasis"
        label={t('cApps.decision.legalBasis')}
        hint={t('cApps.decision.legalBasis.hint')}
        value={values.legalBasis}
        errors={errors}
        optional
        maxLength={1000}
        rows={3}
      />
      <TextArea
        name="reasons"
        label={t('cApps.decision.reasons')}
        hint={t('cApps.decision.reasons.hint')}
        value={values.reasons}
        errors={errors}
        optional
        maxLength={4000}
        rows={4}
      />
      <h4>{t('cApps.decision.given')}</h4>
      {props.kept.length > 0 ? (
        <div class="notice">
          <p>{t('cApps.decision.kept')}</p>
          <ul>
            {props.kept.map((file) => (
              <li key={file.uploadKey}>{file.name}</li>
            ))}
          </ul>
          {keptInputs(props.kept)}
        </div>
      ) : null}
      {props.filesDropped ? <p class="notice warning">{t('common.files.chooseAgain')}</p> : null}
      <div class={errors.some((error) => error.field === 'releasedFiles') ? 'field field-error' : 'field'}>
        <label for={fieldId('releasedFiles')}>
          {t('cApps.decision.files')} <span class="muted">{t('common.optional')}</span>
        </label>
        <p class="hint" id={`${fieldId('releasedFiles')}-hint`}>
          {t('cApps.decision.files.hint', {
            count: FORM_FILES.maxCount,
            size: sizeText(FORM_FILES.maxTotalBytes),
          })}
        </p>
        {errors.find((error) => error.field === 'releasedFiles') ? (
          <p class="error-message" id={`${fieldId('releasedFiles')}-error`}>
            <span class="visually-hidden-prefix">{t('common.error.prefix')}</span>{' '}
            {errors.find((error) => error.field === 'releasedFiles')?.message}
          </p>
        ) : null}
        <input
          type="file"
          id={fieldId('releasedFiles')}
          name="releasedFiles"
          multiple
          accept={ACCEPTED_FILES}
          aria-describedby={`${fieldId('releasedFiles')}-hint${errors.some((error) => error.field === 'releasedFiles') ? ` ${fieldId('releasedFiles')}-error` : ''}`}
        />
      </div>
      <fieldset>
        <legend>{t('cApps.decision.access')}</legend>
        <Select
          name="accessMethod"
          label={t('cApps.decision.accessMethod')}
          value={values.accessMethod}
          errors={errors}
          choices={[
            { value: '', label: t('cApps.decision.access.none') },
            ...Object.keys(ACCESS_METHODS).map((method) => ({
              value: method,
              label: t(`follow.access.${method as keyof typeof ACCESS_METHODS}`),
            })),
          ]}
        />
        <TextField
          name="accessPlace"
          label={t('cApps.decision.accessPlace')}
          value={values.accessPlace}
          errors={errors}
          optional
          maxLength={300}
        />
        <TextField
          name="accessFrom"
          type="date"
          label={t('cApps.decision.accessFrom')}
          value={values.accessFrom}
          errors={errors}
          optional
          short
        />
        <TextField
          name="accessUntil"
          type="date"
          label={t('cApps.decision.accessUntil')}
          value={values.accessUntil}
          errors={errors}
          optional
          short
        />
        <TextField
          name="accessSendBy"
          type="date"
          label={t('cApps.decision.accessSendBy')}
          value={values.accessSendBy}
          errors={errors}
          optional
          short
        />
        <TextField
          name="accessTo"
          label={t('cApps.decision.accessTo')}
          hint={t('cApps.decision.accessTo.hint')}
          value={values.accessTo}
          errors={errors}
          optional
          maxLength={300}
        />
      </fieldset>
      <fieldset>
        <legend>{t('cApps.decision.published')}</legend>
        <TextField
          name="publicationId"
          label={t('cApps.decision.publicationId')}
          hint={t('cApps.decision.publicationId.hint')}
          value={values.publicationId}
          errors={errors}
          optional
          maxLength={20}
        />
        <TextField
          name="publishedWhere"
          label={t('cApps.decision.publishedWhere')}
          value={values.publishedWhere}
          errors={errors}
          optional
          maxLength={500}
        />
        <TextField
          name="publishedOn"
          type="date"
          label={t('cApps.decision.publishedOn')}
          value={values.publishedOn}
          errors={errors}
          optional
          short
        />
      </fieldset>
      <fieldset>
        <legend>{t('cApps.decision.heldBy')}</legend>
        <TextField
          name="heldByName"
          label={t('cApps.decision.heldByName')}
          value={values.heldByName}
          errors={errors}
          optional
          maxLength={200}
        />
        <TextField
          name="heldByContact"
          label={t('cApps.decision.heldByContact')}
          value={values.heldByContact}
          errors={errors}
          optional
          maxLength={300}
        />
        <Checkbox
          name="heldByUnknown"
          label={t('cApps.decision.heldByUnknown')}
          checked={values.heldByUnknown === 'yes'}
          errors={errors}
        />
      </fieldset>
      <div class="actions">
        <Button name="intent" value="preview">
          {t('cApps.decision.preview')}
        </Button>
      </div>
    </PostForm>
  );
}

/** The letter as the applicant will receive it, and the two ways on: send it, or change it. */
export function DecisionPreview(props: {
  trackingNumber: string;
  action: string;
  letterBody: string;
  values: FormValues;
  formKey: string;
  version: string | undefined;
  kept: readonly KeptFile[];
}) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('cApps.preview.title', { trackingNumber: props.trackingNumber })}</h1>
      <p class="lead">{t('cApps.preview.lead')}</p>
      <article class="letter" aria-label={t('cApps.preview.letter')}>
        {/* The letter's HTML is the domain's own (decision-letter.ts), every typed text escaped there. */}
        <div dangerouslySetInnerHTML={{ __html: props.letterBody }} />
      </article>
      {props.kept.length > 0 ? (
        <>
          <h2>{t('cApps.preview.files')}</h2>
          <ul>
            {props.kept.map((file) => (
              <li key={file.uploadKey}>{file.name}</li>
            ))}
          </ul>
        </>
      ) : null}
      <PostForm
        action={props.action}
        label={t('cApps.preview.title', { trackingNumber: props.trackingNumber })}
      >
        <input type="hidden" name="formKey" value={props.formKey} />
        {props.version === undefined ? null : <input type="hidden" name="version" value={props.version} />}
        {hidden(props.values)}
        {keptInputs(props.kept)}
        <div class="actions">
          <Button name="intent" value="send">
            {t('cApps.preview.send')}
          </Button>
          <Button name="intent" value="change" variant="secondary">
            {t('cApps.preview.change')}
          </Button>
        </div>
      </PostForm>
    </>
  );
}
