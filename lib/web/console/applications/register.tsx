import { ID_DOCUMENT_TYPES, InformationRequest, ORGANISATION_TYPES } from '#lib/domain/application/applicant';
import { Channel } from '#lib/domain/application/application';
import { RegistrationInput } from '#lib/domain/application/intake';
import type { FormRegistration } from '#lib/use-cases/applications/form-registration';
import {
  Button,
  ErrorSummary,
  fieldId,
  PostForm,
  Radios,
  Select,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormFiles } from '../../form-files';
import { FormKeyField } from '../../form-key';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { candidateOf, fieldOfPath as applyFieldOf } from '../../pages/apply/read-form';
import { messageOf } from '../../pages/apply';

/**
 * Registering an application that did not come through the portal (the applicant's fields are the apply
 * form's, without its words to the applicant and without autocomplete: the clerk types another person's
 * details): how it arrived (Reg. 27–31), its
 * date of receipt by the rule of that channel, the applicant, the request and the papers received, scanned.
 */
export const CHANNELS = Channel.exclude(['online']).options;
export const REGISTER_PATH = '/console/applications/new';

const REGISTER_FIELDS = ['channel', 'receivedOn', 'notes'] as const;
const LABEL: Readonly<Record<(typeof REGISTER_FIELDS)[number], MessageKey>> = {
  channel: 'cApps.register.channel',
  receivedOn: 'cApps.register.receivedOn',
  notes: 'cApps.register.notes',
};

/** The form read: the registration (files apart), or each wrong field's message. */
export function readRegistration(
  t: Translate,
  form: Pick<FormFields, 'get'>,
): { input: FormRegistration['input']; errors: [] } | { input: undefined; errors: FormErrors } {
  const blank = (name: string) => (form.get(name)?.trim() ?? '') === '';
  const { attachments: _none, ...applied } = candidateOf(form);
  const candidate = {
    ...applied,
    channel: blank('channel') ? undefined : form.get('channel'),
    receivedOn: blank('receivedOn') ? undefined : form.get('receivedOn')?.trim(),
    notes: blank('notes') ? undefined : form.get('notes'),
  };
  const parsed = RegistrationInput.omit({ attachments: true }).safeParse(candidate);
  if (parsed.success) return { input: parsed.data, errors: [] };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const own = REGISTER_FIELDS.find((field) => field === path);
    if (own !== undefined) {
      errors.set(own, t('cApps.error.field', { label: t(LABEL[own]) }));
      continue;
    }
    const field = applyFieldOf(path);
    if (field === undefined || errors.has(field)) continue;
    errors.set(
      field,
      messageOf(t, { field, reason: field === 'contact' || blank(field) ? 'missing' : 'invalid' }),
    );
  }
  return { input: undefined, errors: [...errors].map(([field, message]) => ({ field, message })) };
}

const RADIO_GROUPS: readonly string[] = ['channel', 'applicantType', 'form', 'delivery'];
const ID_TYPES = Object.keys(ID_DOCUMENT_TYPES) as (keyof typeof ID_DOCUMENT_TYPES)[];
const ORGANISATION_KINDS = Object.keys(ORGANISATION_TYPES) as (keyof typeof ORGANISATION_TYPES)[];

export function RegisterForm(props: {
  values: FormValues;
  errors: FormErrors;
  formKey: string;
  filesDropped: boolean;
  today: string;
}) {
  const { t } = usePage();
  const { values, errors } = props;
  const choose = { value: '', label: t('apply.choose') };
  const contactError = errors.find((error) => error.field === 'contact')?.message;
  // A radio group's link goes to its first radio, so following it puts the focus there without JavaScript.
  const summary = errors.map((error) =>
    RADIO_GROUPS.includes(error.field) ? { ...error, field: `${error.field}-first` } : error,
  );
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t('cApps.register.title')}</h1>
      <p class="lead">{t('cApps.register.lead')}</p>
      <PostForm action={REGISTER_PATH} multipart label={t('cApps.register.title')}>
        <FormKeyField formKey={props.formKey} errors={errors} />
        <h2>{t('cApps.register.section.receipt')}</h2>
        <Radios
          name="channel"
          label={t('cApps.register.channel')}
          hint={t('cApps.register.channel.hint')}
          value={values.channel}
          errors={errors}
          choices={CHANNELS.map((channel) => ({
            value: channel,
            label: t(`cApps.channel.${channel}`),
            hint: t(`cApps.channel.${channel}.rule`),
          }))}
        />
        <TextField
          name="receivedOn"
          type="date"
          label={t('cApps.register.receivedOn')}
          hint={t('cApps.register.receivedOn.hint', { today: props.today })}
          value={values.receivedOn}
          errors={errors}
          short
        />
        <h2>{t('apply.section.applicant')}</h2>
        <Radios
          name="applicantType"
          label={t('apply.applicantType.label')}
          value={values.applicantType}
          errors={errors}
          choices={[
            { value: 'natural_person', label: t('apply.applicantType.natural_person') },
            { value: 'organisation', label: t('apply.applicantType.organisation') },
          ]}
        />
        <TextField
          name="name"
          label={t('apply.name.label')}
          value={values.name}
          errors={errors}
          maxLength={200}
        />
        <Select
          name="idType"
          label={t('apply.idType.label')}
          value={values.idType}
          errors={errors}
          choices={[choose, ...ID_TYPES.map((type) => ({ value: type, label: t(`apply.idType.${type}`) }))]}
        />
        <TextField
          name="idNumber"
          label={t('apply.idNumber.label')}
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
            {t('cApps.register.contact.hint')}
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
            maxLength={300}
          />
          <TextField
            name="postcode"
            label={t('apply.postcode.label')}
            value={values.postcode}
            errors={errors}
            optional
            short
            inputMode="numeric"
            maxLength={6}
          />
          <TextField
            name="phone"
            type="tel"
            label={t('apply.phone.label')}
            value={values.phone}
            errors={errors}
            optional
            maxLength={32}
          />
          <TextField
            name="email"
            type="email"
            label={t('apply.email.label')}
            value={values.email}
            errors={errors}
            optional
            maxLength={254}
          />
        </fieldset>
        <h2>{t('apply.section.request')}</h2>
        <TextArea
          name="description"
          label={t('apply.description.label')}
          value={values.description}
          errors={errors}
          maxLength={4000}
        />
        <TextField
          name="documentNumber"
          label={t('apply.documentNumber.label')}
          value={values.documentNumber}
          errors={errors}
          optional
          maxLength={200}
        />
        <Radios
          name="form"
          label={t('apply.form.label')}
          value={values.form}
          errors={errors}
          choices={InformationRequest.shape.form.options.map((form) => ({
            value: form,
            label: t(`apply.form.${form}`),
          }))}
        />
        <Radios
          name="delivery"
          label={t('apply.delivery.label')}
          value={values.delivery}
          errors={errors}
          choices={InformationRequest.shape.delivery.options.map((delivery) => ({
            value: delivery,
            label: t(`apply.delivery.${delivery}`),
          }))}
        />
        <TextArea
          name="notes"
          label={t('cApps.register.notes')}
          hint={t('cApps.register.notes.hint')}
          value={values.notes}
          errors={errors}
          optional
          maxLength={2000}
          rows={3}
        />
        <FormFiles
          label="cApps.register.files"
          hint="cApps.register.files.hint"
          errors={errors}
          dropped={props.filesDropped}
        />
        <div class="actions">
          <Button>{t('cApps.register.submit')}</Button>
          <a href="/console/applications">{t('cApps.cancel')}</a>
        </div>
      </PostForm>
    </>
  );
}
