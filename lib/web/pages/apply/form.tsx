import {
  Button,
  Checkbox,
  ErrorSummary,
  Notice,
  PostForm,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormFiles } from '../../form-files';
import { FormKeyField } from '../../form-key';
import type { ApplyField } from './read-form';
import { ApplicantFields, RequestFields } from './request-fields';

/** What the apply form shows: the agency, the input kept, the errors (worded) and the form's own key. */
export type ApplyFormState = {
  readonly agencyId: string;
  readonly agencyName: string;
  readonly replyWorkingDays: number;
  readonly values: FormValues;
  readonly errors: readonly { readonly field: ApplyField; readonly message: string }[];
  readonly formKey: string;
  /** Files were chosen but the form is answered again: they must be chosen again. */
  readonly filesDropped: boolean;
};

/**
 * Where the error summary's link for a field goes: the control a person types in, so that following it
 * puts the focus there without JavaScript (a group's first control; a radio group's first radio).
 */
const SUMMARY_TARGET: Partial<Record<ApplyField, string>> = {
  applicantType: 'applicantType-first',
  form: 'form-first',
  delivery: 'delivery-first',
  contact: 'address',
};

export function ApplyForm({ state }: { state: ApplyFormState }) {
  const { t } = usePage();
  const { values } = state;
  const errors: FormErrors = state.errors;
  const summary: FormErrors = state.errors.map((error) => ({
    field: SUMMARY_TARGET[error.field] ?? error.field,
    message: error.message,
  }));
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('apply.title')}</h1>
      <p class="lead">{t('apply.lead', { agency: state.agencyName })}</p>
      <Notice>
        <p>{t('apply.intro.law')}</p>
        <p>{t('apply.intro.time', { days: state.replyWorkingDays })}</p>
      </Notice>
      <PostForm action={`/agencies/${state.agencyId}/apply`} multipart label={t('apply.title')}>
        <ApplicantFields values={values} errors={errors} writer="applicant" />
        <RequestFields values={values} errors={errors} writer="applicant" />

        <h2>{t('apply.section.attachments')}</h2>
        <FormFiles
          label="apply.attachments.label"
          hint="apply.attachments.hint"
          errors={errors}
          dropped={state.filesDropped}
        />

        <Checkbox
          name="declaration"
          label={t('apply.declaration.label')}
          checked={values.declaration === 'yes'}
          errors={errors}
        />
        <FormKeyField formKey={state.formKey} errors={errors} />
        <Button>{t('apply.submit')}</Button>
      </PostForm>
    </>
  );
}
