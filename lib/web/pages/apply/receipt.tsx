import type { ApplicationReceipt } from '#lib/use-cases/applications/form-receipt';
import { applicationPath } from '../../applicant-session';
import { DateText, Notice, SummaryList, TimeText } from '../../components';
import { usePage } from '../../context';

/**
 * The receipt (回执) of an online application: the tracking number and, the one time it is shown, the
 * access code, with the warning to keep both; what was received and when, the reply's due date, and what
 * happens next. Printable (the print button needs JavaScript; the browser's own print works without).
 */
export function Receipt({
  receipt,
  accessToken,
}: {
  receipt: ApplicationReceipt;
  /** Only the one time the receipt shows it. */
  accessToken: string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <div class="panel">
        <h1>{t('apply.receipt.title')}</h1>
        <p>{t('apply.receipt.lead', { agency: receipt.agencyName })}</p>
        <dl class="summary">
          <dt>{t('apply.receipt.number')}</dt>
          <dd class="secret" id="tracking-number">
            {receipt.trackingNumber}
          </dd>
          {accessToken === undefined ? null : (
            <>
              <dt>{t('apply.receipt.token')}</dt>
              <dd class="secret" id="access-code">
                {accessToken}
              </dd>
            </>
          )}
        </dl>
      </div>
      {accessToken === undefined ? (
        <Notice title={t('apply.receipt.tokenGone.title')}>
          <p>{t('apply.receipt.tokenGone.body')}</p>
          <p>{t('apply.receipt.tokenGone.session')}</p>
        </Notice>
      ) : (
        <Notice kind="warning" title={t('apply.receipt.keep.title')}>
          <p>{t('apply.receipt.keep.body')}</p>
        </Notice>
      )}
      <div class="actions">
        <button type="button" class="secondary js-only" data-print="">
          {t('apply.receipt.print')}
        </button>
        <a href={applicationPath(receipt.trackingNumber)}>{t('apply.receipt.status')}</a>
      </div>

      <h2>{t('apply.receipt.details')}</h2>
      <SummaryList
        rows={[
          [t('apply.receipt.agency'), receipt.agencyName],
          [t('apply.receipt.number'), receipt.trackingNumber],
          [t('apply.receipt.submittedAt'), <TimeText at={receipt.submittedAt} />],
          [t('apply.receipt.receivedOn'), <ReceivedOn receipt={receipt} />],
          [t('apply.receipt.dueDate'), <DueDate receipt={receipt} />],
          [
            t('apply.receipt.attachments'),
            receipt.attachments === 0
              ? undefined
              : t('apply.receipt.attachments.count', { count: receipt.attachments }),
          ],
        ]}
      />

      <h2>{t('apply.receipt.next.title')}</h2>
      <ol>
        {receipt.receivedOn === null ? <li>{t('apply.receipt.next.confirm')}</li> : null}
        <li>{t('apply.receipt.next.clarify', { days: receipt.clarificationWindowWorkingDays })}</li>
        <li>{t('apply.receipt.next.reply', { days: receipt.replyWorkingDays })}</li>
        <li>{t('apply.receipt.next.follow')}</li>
      </ol>
    </>
  );
}

function ReceivedOn({ receipt }: { receipt: ApplicationReceipt }) {
  const { t } = usePage();
  if (receipt.receivedOn !== null) return <DateText date={receipt.receivedOn} />;
  if (receipt.confirmBy === null) return null;
  // The date goes inside the sentence as a <time>, wherever the language puts it.
  const [before, after] = t('apply.receipt.receivedOn.pending').split('{date}');
  return (
    <>
      {before}
      <DateText date={receipt.confirmBy} />
      {after}
    </>
  );
}

function DueDate({ receipt }: { receipt: ApplicationReceipt }) {
  const { t } = usePage();
  if (receipt.dueDate === null)
    return <>{t('apply.receipt.dueDate.pending', { days: receipt.replyWorkingDays })}</>;
  return (
    <>
      <DateText date={receipt.dueDate} />
      {receipt.provisional ? ` ${t('apply.receipt.dueDate.provisional')}` : null}
    </>
  );
}

/** Without this application's access in the browser: where to open it with its number and code. */
export function NoAccess() {
  const { t } = usePage();
  return (
    <>
      <h1>{t('apply.noAccess.title')}</h1>
      <p>{t('apply.noAccess.body')}</p>
      <p>
        <a class="button" href="/follow">
          {t('apply.noAccess.link')}
        </a>
      </p>
    </>
  );
}
