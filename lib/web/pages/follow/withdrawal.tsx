import { isOpen } from '#lib/domain/application/application';
import { applicationPath } from '../../applicant-session';
import {
  Button,
  ErrorSummary,
  Notice,
  PostForm,
  TextArea,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { StatusView } from './wording';

/** Withdrawal: a step of its own, with what it means, before anything is done. */
export function WithdrawalPage(props: { view: StatusView; errors?: FormErrors; values?: FormValues }) {
  const { t } = usePage();
  const { view } = props;
  const back = applicationPath(view.trackingNumber);
  if (!isOpen(view.status))
    return (
      <>
        <h1>{t('follow.withdrawal.closed.title')}</h1>
        <p>{t('follow.withdrawal.closed.body')}</p>
        <p>
          <a href={back}>{t('follow.withdrawal.back')}</a>
        </p>
      </>
    );
  const errors = props.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('follow.withdrawal.title', { trackingNumber: view.trackingNumber })}</h1>
      <Notice kind="warning">
        <p>{t('follow.withdrawal.warning')}</p>
      </Notice>
      <PostForm
        action={`${back}/withdrawal`}
        label={t('follow.withdrawal.title', { trackingNumber: view.trackingNumber })}
      >
        <TextArea
          name="reason"
          label={t('follow.withdrawal.reason.label')}
          hint={t('follow.withdrawal.reason.hint')}
          optional
          maxLength={2000}
          rows={4}
          value={props.values?.reason}
          errors={errors}
        />
        <div class="actions">
          <Button variant="warning">{t('follow.withdrawal.confirm')}</Button>
          <a href={back}>{t('follow.withdrawal.cancel')}</a>
        </div>
      </PostForm>
    </>
  );
}
