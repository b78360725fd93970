import {
  Button,
  ErrorSummary,
  Notice,
  PostForm,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormKeyField } from '../../form-key';

/**
 * The complaint form (投诉举报, Reg. 51): who complains and how to reach them, the application it concerns
 * if any, what it is about and the facts — as `ComplaintInput` takes them; and the form's own key
 * (`form-key.tsx`), so that sending it twice files one complaint.
 */
export function ComplaintForm(props: {
  agencyId: string;
  agencyName: string;
  formKey: string;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { t } = usePage();
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('complaints.new.title')}</h1>
      <p class="lead">{t('complaints.new.lead', { agency: props.agencyName })}</p>
      <Notice>
        <p>{t('complaints.new.answerWithin')}</p>
        <p>{t('complaints.new.notAnApplication')}</p>
      </Notice>
      <PostForm action={`/agencies/${props.agencyId}/complaints`} label={t('complaints.new.title')}>
        <h2>{t('complaints.new.who')}</h2>
        <TextField
          name="name"
          label={t('complaints.name.label')}
          hint={t('complaints.name.hint')}
          value={values.name}
          errors={errors}
          maxLength={200}
          autocomplete="name"
        />
        <TextField
          name="contact"
          label={t('complaints.contact.label')}
          hint={t('complaints.contact.hint')}
          value={values.contact}
          errors={errors}
          maxLength={200}
        />
        <TextField
          name="email"
          type="email"
          label={t('complaints.email.label')}
          hint={t('complaints.email.hint')}
          value={values.email}
          errors={errors}
          optional
          maxLength={254}
          autocomplete="email"
          spellcheck={false}
        />
        <h2>{t('complaints.new.what')}</h2>
        <TextField
          name="trackingNumber"
          label={t('complaints.trackingNumber.label')}
          hint={t('complaints.trackingNumber.hint')}
          value={values.trackingNumber}
          errors={errors}
          optional
          short
          maxLength={40}
          autocomplete="off"
          spellcheck={false}
        />
        <TextField
          name="subject"
          label={t('complaints.subject.label')}
          hint={t('complaints.subject.hint')}
          value={values.subject}
          errors={errors}
          maxLength={200}
        />
        <TextArea
          name="details"
          label={t('complaints.details.label')}
          hint={t('complaints.details.hint')}
          value={values.details}
          errors={errors}
          maxLength={4000}
        />
        <p>{t('complaints.new.privacy')}</p>
        <FormKeyField formKey={props.formKey} errors={errors} />
        <Button>{t('complaints.new.submit')}</Button>
      </PostForm>
    </>
  );
}
