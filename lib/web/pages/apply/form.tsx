import { ID_DOCUMENT_TYPES, InformationRequest, ORGANISATION_TYPES } from '#lib/domain/application/applicant';
import {
  Button,
  Checkbox,
  ErrorSummary,
  Notice,
  PostForm,
  Radios,
  Select,
  TextArea,
  TextField,
  fieldId,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormFiles } from '../../form-files';
import { FormKeyField } from '../../form-key';
import type { ApplyField } from './read-form';

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

const FORMS = InformationRequest.shape.form.options;
const DELIVERIES = InformationRequest.shape.delivery.options;
const ID_TYPES = Object.keys(ID_DOCUMENT_TYPES) as (keyof typeof ID_DOCUMENT_TYPES)[];
const ORGANISATION_KINDS = Object.keys(ORGANISATION_TYPES) as (keyof typeof ORGANISATION_TYPES)[];

export function ApplyForm({ state }: { state: ApplyFormState }) {
  const { t } = usePage();
  const { values } = state;
  const errors: FormErrors = state.errors;
  const summary: FormErrors = state.errors.map((error) => ({
    field: SUMMARY_TARGET[error.field] ?? error.field,
    message: error.message,
  }));
  const contactError = state.errors.find((error) => error.field === 'contact')?.message;
  const choose = { value: '', label: t('apply.choose') };
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
        <h2>{t('apply.section.applicant')}</h2>
        <Radios
          name="applicantType"
          label={t('apply.applicantType.label')}
          value={values.applicantType}
          errors={errors}
          choices={[
            { value: 'natural_person', label: t('apply.applicantType.natural_person') },
            {
              value: 'organisation',
              label: t('apply.applicantType.organisation'),
              hint: t('apply.applicantType.organisation.hint'),
            },
          ]}
        />
        <TextField
          name="name"
          label={t('apply.name.label')}
          hint={t('apply.name.hint')}
          value={values.name}
          errors={errors}
          autocomplete="name"
          maxLength={200}
        />
        <Select
          name="idType"
          label={t('apply.idType.label')}
          hint={t('apply.idType.hint')}
          value={values.idType}
          errors={errors}
          choices={[choose, ...ID_TYPES.map((type) => ({ value: type, label: t(`apply.idType.${type}`) }))]}
        />
        <TextField
          name="idNumber"
          label={t('apply.idNumber.label')}
          hint={t('apply.idNumber.hint')}
          value={values.idNumber}
          errors={errors}
          autocomplete="off"
          spellcheck={false}
          maxLength={40}
        />
        <fieldset aria-describedby="organisation-hint">
          <legend>{t('apply.organisation.legend')}</legend>
          <p class="hint" id="organisation-hint">
            {t('apply.organisation.hint')}
          </p>
          <Select
            name="organisationType"
            label={t('apply.organisationType.label')}
            value={values.organisationType}
            errors={errors}
            choices={[
              choose,
              ...ORGANISATION_KINDS.map((kind) => ({
                value: kind,
                label: t(`apply.organisationType.${kind}`),
              })),
            ]}
          />
          <TextField
            name="legalRepresentative"
            label={t('apply.legalRepresentative.label')}
            value={values.legalRepresentative}
            errors={errors}
            optional
            maxLength={100}
          />
          <TextField
            name="contactPerson"
            label={t('apply.contactPerson.label')}
            value={values.contactPerson}
            errors={errors}
            optional
            maxLength={100}
          />
        </fieldset>

        <fieldset
          id={fieldId('contact')}
          class={contactError ? 'field field-error' : 'field'}
          aria-describedby={contactError ? 'contact-hint contact-error' : 'contact-hint'}
        >
          <legend>{t('apply.contact.legend')}</legend>
          <p class="hint" id="contact-hint">
            {t('apply.contact.hint')}
          </p>
          {contactError ? (
            <p class="error-message" id="contact-error">
              <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {contactError}
            </p>
          ) : null}
          <TextField
            name="address"
            label={t('apply.address.label')}
            value={values.address}
            errors={errors}
            optional
            autocomplete="street-address"
            maxLength={300}
          />
          <TextField
            name="postcode"
            label={t('apply.postcode.label')}
            value={values.postcode}
            errors={errors}
            optional
            short
            autocomplete="postal-code"
            inputMode="numeric"
            maxLength={6}
          />
          <TextField
            name="phone"
            type="tel"
            label={t('apply.phone.label')}
            hint={t('apply.phone.hint')}
            value={values.phone}
            errors={errors}
            optional
            autocomplete="tel"
            maxLength={32}
          />
          <TextField
            name="email"
            type="email"
            label={t('apply.email.label')}
            value={values.email}
            errors={errors}
            optional
            autocomplete="email"
            spellcheck={false}
            maxLength={254}
          />
        </fieldset>

        <h2>{t('apply.section.request')}</h2>
        <TextArea
          name="description"
          label={t('apply.description.label')}
          hint={t('apply.description.hint')}
          value={values.description}
          errors={errors}
          maxLength={4000}
          rows={8}
        />
        <TextField
          name="documentNumber"
          label={t('apply.documentNumber.label')}
          hint={t('apply.documentNumber.hint')}
          value={values.documentNumber}
          errors={errors}
          optional
          maxLength={200}
        />

        <h2>{t('apply.section.delivery')}</h2>
        <Radios
          name="form"
          label={t('apply.form.label')}
          value={values.form}
          errors={errors}
          choices={FORMS.map((form) => ({ value: form, label: t(`apply.form.${form}`) }))}
        />
        <Radios
          name="delivery"
          label={t('apply.delivery.label')}
          hint={t('apply.delivery.hint')}
          value={values.delivery}
          errors={errors}
          choices={DELIVERIES.map((delivery) => ({
            value: delivery,
            label: t(`apply.delivery.${delivery}`),
          }))}
        />

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
