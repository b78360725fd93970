import type { ComponentChildren } from 'preact';
import { usePage } from './context';
import { formatCivilDate, formatInstant } from './format';

/**
 * The building blocks of forms and pages, after GOV.UK Frontend's patterns: every input has a visible
 * label, an optional hint and, when wrong, its error (prefixed for screen readers) tied to it by
 * `aria-describedby`; the summary at the top links to each wrong field.
 */
export type FieldError = { readonly field: string; readonly message: string };
export type FormErrors = readonly FieldError[];
export type FormValues = Readonly<Record<string, string | undefined>>;

export const fieldId = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const errorOf = (errors: FormErrors | undefined, name: string) =>
  errors?.find((error) => error.field === name)?.message;

export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = usePage();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('common.errorSummary.title')}</h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a href={`#${fieldId(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: FormErrors | undefined;
  optional?: boolean;
};

function describedBy(name: string, hint: string | undefined, error: string | undefined, extra?: string) {
  const ids = [
    hint ? `${fieldId(name)}-hint` : '',
    error ? `${fieldId(name)}-error` : '',
    extra ?? '',
  ].filter((id) => id !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldMessages({
  name,
  hint,
  error,
}: {
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      {hint ? (
        <p class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${fieldId(name)}-error`}>
          <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {error}
        </p>
      ) : null}
    </>
  );
}

function LabelText({ label, optional }: { label: string; optional?: boolean | undefined }) {
  const { t } = usePage();
  return (
    <>
      {label}
      {optional ? <span class="muted"> {t('common.optional')}</span> : null}
    </>
  );
}

/** A labelled control: the label, its hint and error, then the control itself. */
function LabelledField(props: FieldProps & { error: string | undefined; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={fieldId(props.name)}>
        <LabelText label={props.label} optional={props.optional} />
      </label>
      <FieldMessages name={props.name} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value?: string | undefined;
    type?: 'text' | 'email' | 'tel' | 'search' | 'date';
    autocomplete?: string;
    short?: boolean;
    maxLength?: number;
    inputMode?: 'numeric' | 'text' | 'email' | 'tel';
    spellcheck?: boolean;
  },
) {
  const error = errorOf(props.errors, props.name);
  const id = fieldId(props.name);
  return (
    <LabelledField {...props} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        class={props.short ? 'short' : undefined}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
        required={props.optional ? undefined : true}
      />
    </LabelledField>
  );
}

export function TextArea(
  props: FieldProps & { value?: string | undefined; maxLength: number; rows?: number },
) {
  const { t } = usePage();
  const error = errorOf(props.errors, props.name);
  const id = fieldId(props.name);
  return (
    <LabelledField {...props} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        data-maxlength={String(props.maxLength)}
        aria-describedby={describedBy(props.name, props.hint, error, `${id}-count`)}
        aria-invalid={error ? 'true' : undefined}
        required={props.optional ? undefined : true}
      >
        {props.value ?? ''}
      </textarea>
      <span
        class="char-count"
        id={`${id}-count`}
        aria-live="polite"
        data-template={t('common.charCount', { max: props.maxLength })}
      >
        {t('common.charLimit', { max: props.maxLength })}
      </span>
    </LabelledField>
  );
}

export type Choice = { readonly value: string; readonly label: string; readonly hint?: string };

export function Radios(props: FieldProps & { value?: string | undefined; choices: readonly Choice[] }) {
  const error = errorOf(props.errors, props.name);
  const id = fieldId(props.name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset id={id} aria-describedby={describedBy(props.name, props.hint, error)}>
        <legend>
          <LabelText label={props.label} optional={props.optional} />
        </legend>
        <FieldMessages name={props.name} hint={props.hint} error={error} />
        {props.choices.map((choice, index) => {
          const choiceId = index === 0 ? `${id}-first` : `${id}-${index}`;
          return (
            <div class="choice" key={choice.value}>
              <input
                type="radio"
                id={choiceId}
                name={props.name}
                value={choice.value}
                checked={props.value === choice.value}
                aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
              />
              <label for={choiceId}>
                {choice.label}
                {choice.hint ? (
                  <span class="hint" id={`${choiceId}-hint`}>
                    <br />
                    {choice.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function Select(props: FieldProps & { value?: string | undefined; choices: readonly Choice[] }) {
  const error = errorOf(props.errors, props.name);
  const id = fieldId(props.name);
  return (
    <LabelledField {...props} error={error}>
      <select
        id={id}
        name={props.name}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={props.value === choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

export function Checkbox(props: FieldProps & { checked?: boolean; value?: string }) {
  const error = errorOf(props.errors, props.name);
  const id = fieldId(props.name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <FieldMessages name={props.name} hint={props.hint} error={error} />
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'yes'}
          checked={props.checked}
          aria-describedby={describedBy(props.name, props.hint, error)}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for={id}>{props.label}</label>
      </div>
    </div>
  );
}

export function FileField(props: FieldProps & { accept?: string; multiple?: boolean }) {
  const error = errorOf(props.errors, props.name);
  const id = fieldId(props.name);
  return (
    <LabelledField {...props} error={error}>
      <input
        type="file"
        id={id}
        name={props.name}
        accept={props.accept}
        multiple={props.multiple}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </LabelledField>
  );
}

/**
 * A form that writes: `method="post"`, the CSRF token as a hidden field (its cookie is set with the page),
 * and `data-once` so the script can stop a double click from sending it twice (the server makes a second
 * send harmless anyway).
 */
export function PostForm(props: {
  action: string;
  multipart?: boolean;
  children: ComponentChildren;
  class?: string;
  label?: string;
}) {
  const { csrfToken, console } = usePage();
  return (
    <form
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class}
      aria-label={props.label}
      data-once=""
      novalidate
    >
      <input type="hidden" name="_csrf" value={csrfToken()} />
      {console ? <input type="hidden" name="_page" value={console.page} /> : null}
      {props.children}
    </form>
  );
}

export function Button(props: {
  children: ComponentChildren;
  variant?: 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={props.variant} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

export function Notice(props: {
  kind?: 'info' | 'warning' | 'success';
  children: ComponentChildren;
  title?: string;
}) {
  const kind = props.kind ?? 'info';
  return (
    <div class={kind === 'info' ? 'notice' : `notice ${kind}`} role={kind === 'warning' ? 'note' : undefined}>
      {props.title ? (
        <p>
          <strong>{props.title}</strong>
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

/** Terms and their values (`<dl>`), rows without a value left out. */
export function SummaryList({ rows }: { rows: readonly (readonly [string, ComponentChildren])[] }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  return (
    <dl class="summary">
      {shown.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** A civil date (`YYYY-MM-DD`) in the reader's language, machine-readable too. */
export function DateText({ date }: { date: string }) {
  const { locale } = usePage();
  return <time dateTime={date}>{formatCivilDate(date, locale)}</time>;
}

/** An instant in China Standard Time. */
export function TimeText({ at }: { at: string }) {
  const { locale } = usePage();
  return <time dateTime={at}>{formatInstant(at, locale)}</time>;
}

/** Key pagination: only "next" (and "back to the first page"), as DynamoDB pages by key. */
export function Pagination({
  nextHref,
  firstHref,
}: {
  nextHref?: string | undefined;
  firstHref?: string | undefined;
}) {
  const { t } = usePage();
  if (!nextHref && !firstHref) return null;
  return (
    <nav class="actions" aria-label={t('common.pagination.label')}>
      {firstHref ? <a href={firstHref}>{t('common.pagination.first')}</a> : null}
      {nextHref ? (
        <a href={nextHref} rel="next">
          {t('common.pagination.next')}
        </a>
      ) : null}
    </nav>
  );
}
