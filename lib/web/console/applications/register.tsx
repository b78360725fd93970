import { Channel } from '#lib/domain/application/application';
import { RegistrationInput } from '#lib/domain/application/intake';
import type { FormRegistration } from '#lib/use-cases/applications/form-registration';
import {
  Button,
  ErrorSummary,
  PostForm,
  Radios,
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
import { ApplicantFields, RequestFields } from '../../pages/apply/request-fields';

/**
 * Registering an application that did not come through the portal: how it arrived (Reg. 27–31), its date
 * of receipt by the rule of that channel, the applicant and the request (the apply form's fields, written
 * by the clerk) and the papers received, scanned.
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

export function RegisterForm(props: {
  values: FormValues;
  errors: FormErrors;
  formKey: string;
  filesDropped: boolean;
  today: string;
}) {
  const { t } = usePage();
  const { values, errors } = props;
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
        <ApplicantFields values={values} errors={errors} writer="clerk" />
        <RequestFields values={values} errors={errors} writer="clerk" />
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
