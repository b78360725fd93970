import { Button, ErrorSummary, Notice, PostForm, TextField, type FormErrors } from '../../components';
import { usePage } from '../../context';

/**
 * Follow (查询): the tracking number and the access code, posted (never in an address). The access code is
 * never written back into the page, even when the answer is "wrong": it is typed again.
 */
export function FollowPage(props: {
  trackingNumber?: string | undefined;
  errors?: FormErrors;
  signedOut?: boolean;
}) {
  const { t } = usePage();
  const errors = props.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      {props.signedOut ? <Notice kind="success">{t('follow.signedOut')}</Notice> : null}
      <h1>{t('follow.title')}</h1>
      <p class="lead">
        {props.trackingNumber === undefined
          ? t('follow.lead')
          : t('follow.leadFor', { trackingNumber: props.trackingNumber })}
      </p>
      <PostForm action="/follow" label={t('follow.title')}>
        <TextField
          name="trackingNumber"
          label={t('follow.trackingNumber.label')}
          hint={t('follow.trackingNumber.hint')}
          value={props.trackingNumber}
          errors={errors}
          short
          maxLength={40}
          autocomplete="off"
          spellcheck={false}
        />
        <AccessCodeField
          label={t('follow.accessCode.label')}
          hint={t('follow.accessCode.hint')}
          errors={errors}
        />
        <Button>{t('follow.submit')}</Button>
      </PostForm>
      <h2>{t('follow.lost.title')}</h2>
      <p>{t('follow.lost.body')}</p>
    </>
  );
}

/** An access code (an application's or a complaint's): typed each time, never written back into a page. */
export function AccessCodeField(props: { label: string; hint: string; errors: FormErrors }) {
  return (
    <TextField
      name="accessCode"
      label={props.label}
      hint={props.hint}
      value=""
      errors={props.errors}
      maxLength={200}
      autocomplete="off"
      spellcheck={false}
    />
  );
}
