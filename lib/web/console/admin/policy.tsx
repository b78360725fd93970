import type { ComponentChildren } from 'preact';
import { PolicyUpdate } from '#lib/domain/agency';
import type { DisclosurePolicy } from '#lib/domain/application/policy';
import type { getPolicies } from '#lib/use-cases/agencies';
import {
  DateText,
  PostForm,
  TextField,
  type FieldError,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { EditorHeading, SaveActions } from './editor';
import type { Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { schemaErrors, text, type FieldSpec } from './forms';

/** The time policy: those set (in force, scheduled, superseded) and the form to set one from a date. */
export const POLICY_ACTION = '/console/admin/policy';
type Policies = Awaited<ReturnType<typeof getPolicies>>;

/** The numbers of a policy, in the order the form asks them, with the bounds the schema sets. */
const NUMBERS = [
  ['replyWorkingDays', 1, 20],
  ['maxExtensionWorkingDays', 0, 20],
  ['feePaymentWorkingDays', 20, 60],
  ['clarificationPeriodWorkingDays', 1, 60],
  ['consultationWorkingDays', 15, 15],
  ['publicationWorkingDays', 1, 20],
  ['confirmationWorkingDays', 1, 20],
] as const satisfies readonly (readonly [keyof DisclosurePolicy, number, number])[];

/** The form's values: the policy in force, from today. */
export function policyValues(policies: Policies, today: string): FormValues {
  const values: Record<string, string> = { version: String(policies.version), effectiveFrom: today };
  for (const [name] of NUMBERS) values[name] = String(policies.inForce[name]);
  return values;
}

const numberOf = (value: string): number | string => (/^\s*\d{1,4}\s*$/.test(value) ? Number(value) : value);

export function readPolicy(
  form: FormFields,
  version: number,
  t: Translate,
): { update: PolicyUpdate; errors?: undefined } | { update?: undefined; errors: FormErrors } {
  const policy: Record<string, unknown> = { effectiveFrom: text(form, 'effectiveFrom').trim() };
  for (const [name] of NUMBERS) policy[name] = numberOf(text(form, name));
  const parsed = PolicyUpdate.safeParse({ version, policy });
  if (parsed.success) return { update: parsed.data };
  return { errors: schemaErrors(parsed.error, (path) => policyField(path.at(-1), t), t) };
}

/** A policy field by its schema name, with what a wrong value is told. */
export function policyField(name: PropertyKey | undefined, t: Translate): FieldSpec | undefined {
  if (name === 'effectiveFrom')
    return {
      field: 'effectiveFrom',
      label: t('cAdm.policy.effectiveFrom'),
      invalid: t('cAdm.policy.effectiveFrom.invalid'),
    };
  const found = NUMBERS.find(([field]) => field === name);
  if (found === undefined) return undefined;
  const [field, min, max] = found;
  const label = t(`cAdm.policy.${field}`);
  return {
    field,
    label,
    invalid:
      min === max
        ? t('cAdm.error.exactly', { label, value: min })
        : t('cAdm.error.number', { label, min, max }),
  };
}

/** The reader's words for a rule the use case refused (its path names the field). */
export function policyRuleErrors(paths: readonly string[], t: Translate): FieldError[] {
  return paths.flatMap((path) => {
    const spec = policyField(path.split('.').at(-1), t);
    return spec === undefined ? [] : [{ field: spec.field, message: spec.invalid ?? spec.label }];
  });
}

export function PolicyPage(props: {
  policies: Policies;
  today: string;
  values: FormValues;
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  const { policies, values, errors } = props;
  const inForce = policies.policies.filter((policy) => policy.effectiveFrom <= props.today).at(-1);
  const state = (policy: DisclosurePolicy) =>
    policy.effectiveFrom > props.today
      ? t('cAdm.policy.scheduled')
      : policy === inForce
        ? t('cAdm.policy.inForce')
        : t('cAdm.policy.past');
  return (
    <>
      <EditorHeading
        title={t('cAdm.policy.title')}
        lead={t('cAdm.policy.lead')}
        errors={errors}
        conflict={props.conflict}
        notices={props.notices}
      />
      <h2>{t('cAdm.policy.list')}</h2>
      {policies.policies.length === 0 ? (
        <p>{t('cAdm.policy.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('cAdm.policy.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cAdm.policy.effectiveFrom')}</th>
                <th scope="col">{t('cAdm.policy.state')}</th>
                {NUMBERS.map(([name]) => (
                  <th scope="col" key={name}>
                    {t(`cAdm.policy.${name}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...policies.policies].reverse().map((policy) => (
                <tr key={policy.effectiveFrom}>
                  <td>
                    <DateText date={policy.effectiveFrom} />
                  </td>
                  <td>
                    <span class={policy === inForce ? 'tag green' : 'tag'}>{state(policy)}</span>
                  </td>
                  {NUMBERS.map(([name]) => (
                    <td key={name}>{policy[name]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('cAdm.policy.new')}</h2>
      <p class="hint">{t('cAdm.policy.newHint')}</p>
      <PostForm action={POLICY_ACTION}>
        <input type="hidden" name="version" value={values.version ?? ''} />
        <TextField
          name="effectiveFrom"
          label={t('cAdm.policy.effectiveFrom')}
          hint={t('cAdm.policy.effectiveFrom.hint')}
          value={values.effectiveFrom}
          errors={errors}
          short
        />
        {NUMBERS.map(([name]) => (
          <TextField
            key={name}
            name={name}
            label={t(`cAdm.policy.${name}`)}
            hint={t(`cAdm.policy.${name}.hint`)}
            value={values[name]}
            errors={errors}
            short
            inputMode="numeric"
          />
        ))}
        <SaveActions />
      </PostForm>
    </>
  );
}
