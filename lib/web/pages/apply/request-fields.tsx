import { ID_DOCUMENT_TYPES, InformationRequest, ORGANISATION_TYPES } from '#lib/domain/application/applicant';
import {
  Radios,
  Select,
  TextArea,
  TextField,
  fieldId,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { MessageKey } from '../../messages/catalogue';

/**
 * Who fills the applicant's fields in: the applicant on the portal (spoken to, with hints and the browser's
 * autocomplete of their own details), or a clerk registering a letter, a fax or a visit in the console (no
 * words to the applicant, no autocomplete: the clerk types another person's details).
 */
export type Writer = 'applicant' | 'clerk';

const FORMS = InformationRequest.shape.form.options;
const DELIVERIES = InformationRequest.shape.delivery.options;
const ID_TYPES = Object.keys(ID_DOCUMENT_TYPES) as (keyof typeof ID_DOCUMENT_TYPES)[];
const ORGANISATION_KINDS = Object.keys(ORGANISATION_TYPES) as (keyof typeof ORGANISATION_TYPES)[];

type Props = { values: FormValues; errors: FormErrors; writer: Writer };

/** The applicant: who they are and how to reach them (Reg. 29: name, identity, contact). */
export function ApplicantFields({ values, errors, writer }: Props) {
  const { t } = usePage();
  const own = writer === 'applicant';
  const hint = (key: MessageKey) => (own ? t(key) : undefined);
  const autocomplete = (token: string) => (own ? token : undefined);
  const choose = { value: '', label: t('apply.choose') };
  const contactError = errors.find((error) => error.field === 'contact')?.message;
  return (
    <>
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
            hint: hint('apply.applicantType.organisation.hint'),
          },
        ]}
      />
      <TextField
        name="name"
        label={t('apply.name.label')}
        hint={hint('apply.name.hint')}
        value={values.name}
        errors={errors}
        autocomplete={autocomplete('name')}
        maxLength={200}
      />
      <Select
        name="idType"
        label={t('apply.idType.label')}
        hint={hint('apply.idType.hint')}
        value={values.idType}
        errors={errors}
        choices={[choose, ...ID_TYPES.map((type) => ({ value: type, label: t(`apply.idType.${type}`) }))]}
      />
      <TextField
        name="idNumber"
        label={t('apply.idNumber.label')}
        hint={hint('apply.idNumber.hint')}
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
          {t(own ? 'apply.contact.hint' : 'cApps.register.contact.hint')}
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
          autocomplete={autocomplete('street-address')}
          maxLength={300}
        />
        <TextField
          name="postcode"
          label={t('apply.postcode.label')}
          value={values.postcode}
          errors={errors}
          optional
          short
          autocomplete={autocomplete('postal-code')}
          inputMode="numeric"
          maxLength={6}
        />
        <TextField
          name="phone"
          type="tel"
          label={t('apply.phone.label')}
          hint={hint('apply.phone.hint')}
          value={values.phone}
          errors={errors}
          optional
          autocomplete={autocomplete('tel')}
          maxLength={32}
        />
        <TextField
          name="email"
          type="email"
          label={t('apply.email.label')}
          value={values.email}
          errors={errors}
          optional
          autocomplete={autocomplete('email')}
          spellcheck={false}
          maxLength={254}
        />
      </fieldset>
    </>
  );
}

/** What is asked for (Reg. 29: a description of the information), then the form and the way of delivery. */
export function RequestFields({ values, errors, writer }: Props) {
  const { t } = usePage();
  const own = writer === 'applicant';
  const hint = (key: MessageKey) => (own ? t(key) : undefined);
  return (
    <>
      <h2>{t('apply.section.request')}</h2>
      <TextArea
        name="description"
        label={t('apply.description.label')}
        hint={hint('apply.description.hint')}
        value={values.description}
        errors={errors}
        maxLength={4000}
        rows={own ? 8 : undefined}
      />
      <TextField
        name="documentNumber"
        label={t('apply.documentNumber.label')}
        hint={hint('apply.documentNumber.hint')}
        value={values.documentNumber}
        errors={errors}
        optional
        maxLength={200}
      />

      {own ? <h2>{t('apply.section.delivery')}</h2> : null}
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
        hint={hint('apply.delivery.hint')}
        value={values.delivery}
        errors={errors}
        choices={DELIVERIES.map((delivery) => ({ value: delivery, label: t(`apply.delivery.${delivery}`) }))}
      />
    </>
  );
}
