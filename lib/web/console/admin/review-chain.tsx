import type { ComponentChildren } from 'preact';
import type { z } from 'zod';
import { ReviewChainUpdate, ReviewStepKind, type ReviewStep } from '#lib/domain/submission/review-chain';
import type { getReviewChain } from '#lib/use-cases/agencies';
import {
  Notice,
  PostForm,
  Select,
  TextField,
  type FieldError,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { EditorHeading, SaveActions } from './editor';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { schemaErrors, text } from './forms';

/** The review chain: the steps in use, and an editor of up to eight rows. */
export const CHAIN_ACTION = '/console/admin/review-chain';
const ROWS = 8;
const SIGNING_ROLES = ['reviewer', 'secrecy_reviewer', 'approver'] as const;
type Chain = Awaited<ReturnType<typeof getReviewChain>>;

export function chainValues(chain: Chain): FormValues {
  const values: Record<string, string> = { version: String(chain.version) };
  chain.steps.forEach((step, index) => {
    values[`step.${index}.id`] = step.id;
    values[`step.${index}.label`] = step.label;
    values[`step.${index}.kind`] = step.kind;
    values[`step.${index}.role`] = step.role;
  });
  return values;
}

/**
 * The chain's rules, as `chainIssues` words them, in the reader's words. The domain states each rule
 * once; this only translates its sentences (one it does not know yet is shown as the domain says it).
 */
const RULES: readonly (readonly [RegExp, MessageKey])[] = [
  [/^must not repeat a step id/, 'cAdm.chain.rule.repeatId'],
  [/^must not repeat a label/, 'cAdm.chain.rule.repeatLabel'],
  [/^must start with a content review/, 'cAdm.chain.rule.start'],
  [/^must include the secrecy review/, 'cAdm.chain.rule.secrecy'],
  [/^must include the final approval/, 'cAdm.chain.rule.approval'],
  [/^must have at least two content reviews/, 'cAdm.chain.rule.threeLevels'],
  [/^must put the secrecy review before/, 'cAdm.chain.rule.secrecyBefore'],
  [/^must have only pre-publication rechecks/, 'cAdm.chain.rule.afterApproval'],
  [/^must put pre-publication rechecks/, 'cAdm.chain.rule.checkAfter'],
  [/^must have at least 初审/, 'cAdm.chain.rule.count'],
];
export function chainRuleText(
  issue: string,
  steps: readonly Pick<ReviewStep, 'id' | 'label'>[],
  t: Translate,
) {
  const signer = /^step ([a-z0-9_]+): a /.exec(issue);
  if (signer) {
    const label = steps.find((step) => step.id === signer[1])?.label ?? signer[1] ?? '';
    return t('cAdm.chain.rule.signer', { label });
  }
  const known = RULES.find(([pattern]) => pattern.test(issue));
  return known ? t(known[1]) : issue;
}

export function readChain(
  form: FormFields,
  version: number,
  t: Translate,
):
  | { update: z.infer<typeof ReviewChainUpdate>; errors?: undefined }
  | { update?: undefined; errors: FormErrors } {
  const rows: { index: number; step: Record<string, string> }[] = [];
  const incomplete: FieldError[] = [];
  for (let index = 0; index < ROWS; index += 1) {
    const step = {
      id: text(form, `step.${index}.id`).trim(),
      label: text(form, `step.${index}.label`),
      kind: text(form, `step.${index}.kind`),
      role: text(form, `step.${index}.role`),
    };
    const filled = Object.values(step).filter((value) => value.trim() !== '').length;
    if (filled === 0) continue;
    if (filled < 4) {
      const missing = (['id', 'label', 'kind', 'role'] as const).find((part) => step[part].trim() === '');
      incomplete.push({
        field: `step.${index}.${missing ?? 'id'}`,
        message: t('cAdm.chain.rowIncomplete', { n: index + 1 }),
      });
    }
    rows.push({ index, step });
  }
  if (incomplete.length > 0) return { errors: incomplete };
  const parsed = ReviewChainUpdate.safeParse({ version, steps: rows.map((row) => row.step) });
  if (parsed.success) return { update: parsed.data };
  const steps = rows.map((row) => ({ id: row.step.id ?? '', label: row.step.label ?? '' }));
  const errors = schemaErrors(
    parsed.error,
    (path) => {
      const [first, index, part] = path;
      if (first !== 'steps' || typeof index !== 'number' || typeof part !== 'string') return undefined;
      const row = rows[index]?.index ?? index;
      const label = `${t('cAdm.chain.step', { n: row + 1 })} ${t(part === 'id' ? 'cAdm.chain.id' : part === 'label' ? 'cAdm.chain.label' : part === 'kind' ? 'cAdm.chain.kind' : 'cAdm.chain.role')}`;
      return {
        field: `step.${row}.${part}`,
        label,
        ...(part === 'id' ? { invalid: t('cAdm.chain.id.invalid') } : {}),
      };
    },
    t,
  );
  // The chain's own rules speak of the whole chain: shown together, linked to the editor.
  const rules = parsed.error.issues
    .filter((issue) => issue.path.length <= 1)
    .map((issue) => ({ field: 'chain', message: chainRuleText(issue.message, steps, t) }));
  return {
    errors: [
      ...errors,
      ...rules.filter((rule, i) => rules.findIndex((r) => r.message === rule.message) === i),
    ],
  };
}

export function ChainPage(props: {
  chain: Chain;
  values: FormValues;
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  const { chain, values, errors } = props;
  const kindChoices = [
    { value: '', label: t('cAdm.chain.blank') },
    ...ReviewStepKind.options.map((kind) => ({ value: kind, label: t(`cAdm.chain.kind.${kind}`) })),
  ];
  const roleChoices = [
    { value: '', label: t('cAdm.chain.blank') },
    ...SIGNING_ROLES.map((role) => ({ value: role, label: t(`console.role.${role}`) })),
  ];
  const chainErrors = errors.filter((error) => error.field === 'chain');
  return (
    <>
      <EditorHeading
        title={t('cAdm.chain.title')}
        lead={t('cAdm.chain.lead')}
        errors={errors}
        conflict={props.conflict}
        notices={props.notices}
      />
      <h2>{t('cAdm.chain.current')}</h2>
      {chain.configured ? null : <p>{t('cAdm.chain.default')}</p>}
      <ol class="steps">
        {chain.steps.map((step) => (
          <li key={step.id}>
            <strong>{step.label}</strong>{' '}
            <span class="muted">
              {t(`cAdm.chain.kind.${step.kind}`)} · {t(`console.role.${step.role}`)} · {step.id}
            </span>
          </li>
        ))}
      </ol>
      {chain.issues.length > 0 ? (
        <Notice kind="warning" title={t('cAdm.chain.issues')}>
          <ul>
            {chain.issues.map((issue) => (
              <li key={issue}>{chainRuleText(issue, chain.steps, t)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <h2>{t('cAdm.chain.edit')}</h2>
      <PostForm action={CHAIN_ACTION}>
        <input type="hidden" name="version" value={values.version ?? ''} />
        <div id="f-chain" class={chainErrors.length > 0 ? 'field field-error' : 'field'} tabIndex={-1}>
          <p class="hint">
            {t('cAdm.chain.editHint')} {t('cAdm.chain.id.hint')}
          </p>
          {chainErrors.map((error) => (
            <p class="error-message" key={error.message}>
              <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {error.message}
            </p>
          ))}
          {Array.from({ length: ROWS }, (_, index) => (
            <fieldset class="row-group" key={index}>
              <legend>{t('cAdm.chain.step', { n: index + 1 })}</legend>
              <div class="row-fields">
                <TextField
                  name={`step.${index}.label`}
                  label={t('cAdm.chain.label')}
                  value={values[`step.${index}.label`]}
                  errors={errors}
                  optional
                  maxLength={20}
                />
                <TextField
                  name={`step.${index}.id`}
                  label={t('cAdm.chain.id')}
                  value={values[`step.${index}.id`]}
                  errors={errors}
                  optional
                  spellcheck={false}
                />
                <Select
                  name={`step.${index}.kind`}
                  label={t('cAdm.chain.kind')}
                  value={values[`step.${index}.kind`]}
                  choices={kindChoices}
                  errors={errors}
                />
                <Select
                  name={`step.${index}.role`}
                  label={t('cAdm.chain.role')}
                  value={values[`step.${index}.role`]}
                  choices={roleChoices}
                  errors={errors}
                />
              </div>
            </fieldset>
          ))}
        </div>
        <SaveActions />
      </PostForm>
    </>
  );
}
