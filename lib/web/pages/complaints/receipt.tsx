import type { ComplainantView } from '#lib/domain/complaint';
import {
  Button,
  DateText,
  ErrorSummary,
  Notice,
  PostForm,
  SummaryList,
  type FormErrors,
} from '../../components';
import { usePage } from '../../context';
import { AccessCodeField } from '../follow/follow-form';
import { complaintPath } from './session';

/**
 * A complaint's receipt, as its complainant reads it: its own number, the day it was received and the day
 * the answer is due (30 days), what was received, and the answer once given. Right after filing it shows
 * the access code, once.
 */
export function ComplaintReceiptPage(props: {
  view: ComplainantView;
  agencyName: string;
  accessCode?: string | undefined;
}) {
  const { t } = usePage();
  const { view } = props;
  return (
    <>
      <h1>{t('complaints.receipt.title')}</h1>
      <div class="panel">
        <p>{t('complaints.receipt.received', { agency: props.agencyName })}</p>
        <SummaryList
          rows={[
            [t('complaints.receipt.number'), <span class="secret">{view.complaintId}</span>],
            [t('complaints.receipt.receivedOn'), <DateText date={view.receivedOn} />],
            [
              t('complaints.receipt.answerDueDate'),
              <strong>
                <DateText date={view.answerDueDate} />
              </strong>,
            ],
          ]}
        />
        <p class="hint">{t('complaints.receipt.answerRule')}</p>
      </div>
      {props.accessCode ? (
        <Notice kind="warning" title={t('complaints.receipt.code.title')}>
          <p class="secret">{props.accessCode}</p>
          <p>{t('complaints.receipt.code.keep')}</p>
          <p>
            <button type="button" class="secondary js-only" data-print="">
              {t('common.print')}
            </button>
          </p>
        </Notice>
      ) : null}
      <h2>{t('complaints.answer.title')}</h2>
      {view.answer === null ? (
        <p>{t('complaints.answer.pending')}</p>
      ) : (
        <SummaryList
          rows={[
            [t('complaints.answer.on'), <DateText date={view.answer.on} />],
            [
              t('complaints.answer.upheld'),
              view.answer.upheld ? t('complaints.answer.upheld.yes') : t('complaints.answer.upheld.no'),
            ],
            [t('complaints.answer.text'), <span class="pre">{view.answer.text}</span>],
          ]}
        />
      )}
      <h2>{t('complaints.receipt.what')}</h2>
      <SummaryList
        rows={[
          [t('complaints.name.label'), view.complainant.name],
          [t('complaints.contact.label'), view.complainant.contact],
          [t('complaints.email.label'), view.complainant.email],
          [t('complaints.trackingNumber.label'), view.trackingNumber ?? undefined],
          [t('complaints.subject.label'), view.subject],
          [t('complaints.details.label'), <span class="pre">{view.details}</span>],
        ]}
      />
      <p>
        <a href={`/agencies/${view.agencyId}`}>
          {t('complaints.receipt.back', { agency: props.agencyName })}
        </a>
      </p>
    </>
  );
}

/** Without the cookie: the access code, posted, opens the receipt (never the code in an address). */
export function ComplaintCodePage(props: { agencyId: string; complaintId: string; errors?: FormErrors }) {
  const { t } = usePage();
  const errors = props.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('complaints.open.title')}</h1>
      <p class="lead">{t('complaints.open.lead', { complaintId: props.complaintId })}</p>
      <PostForm action={complaintPath(props.agencyId, props.complaintId)} label={t('complaints.open.title')}>
        <AccessCodeField
          label={t('complaints.accessCode.label')}
          hint={t('complaints.accessCode.hint')}
          errors={errors}
        />
        <Button>{t('complaints.open.submit')}</Button>
      </PostForm>
    </>
  );
}
