import type { ComponentChildren } from 'preact';
import { isOpen } from '#lib/domain/application/application';
import type { OfficeProfile } from '#lib/domain/agency';
import { applicationPath } from '../../applicant-session';
import {
  Button,
  DateText,
  ErrorSummary,
  Notice,
  PostForm,
  SummaryList,
  TextArea,
  TimeText,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { formatCivilDate } from '../../format';
import { FormFiles } from '../../form-files';
import {
  accessText,
  clockStepSentences,
  isClarification,
  isFee,
  isReasons,
  joinSentences,
  OUTCOME_WORDS,
  STATUS_WORDS,
  timelineSentence,
  type ClarificationRequest,
  type FeeRequest,
  type ReasonsRequest,
  type StatusView,
} from './wording';

/** What the status page was asked to confirm after a post (`?sent=…`). */
export const SENT = ['supplement', 'reasons', 'withdrawal'] as const;
export type Sent = (typeof SENT)[number];

export type StatusPageProps = {
  view: StatusView;
  agency: { name: string; profile: OfficeProfile | null } | undefined;
  errors?: FormErrors;
  values?: FormValues;
  sent?: Sent | undefined;
  /** The supplement form's own key (its files' upload keys come from it). */
  formKey: string;
  /** Files were chosen but the form is answered again: they must be chosen again. */
  filesDropped?: boolean;
};

/**
 * An application's status page, as its applicant reads it: where it stands and by when the reply is due,
 * what is asked of them now (with its form), the decision and its letter, how the due date was reached,
 * what happened when, and what they can do (withdraw, complain, sign out on this browser).
 */
export function StatusPage(props: StatusPageProps) {
  const { t } = usePage();
  const { view } = props;
  const errors = props.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      {props.sent ? <Notice kind="success">{t(`follow.sent.${props.sent}`)}</Notice> : null}
      <h1>{t('follow.status.title', { trackingNumber: view.trackingNumber })}</h1>
      {props.agency ? <p class="lead">{t('follow.status.agency', { name: props.agency.name })}</p> : null}
      <SummaryList
        rows={[
          [t('follow.status.label'), <strong>{t(STATUS_WORDS[view.status])}</strong>],
          [t('follow.status.submittedAt'), <TimeText at={view.submittedAt} />],
          [t('follow.status.receivedOn'), view.receivedOn ? <DateText date={view.receivedOn} /> : undefined],
          [
            t('follow.status.dueDate'),
            // A withdrawn application is due nothing.
            view.dueDate && view.status !== 'withdrawn' ? (
              <DueDate date={view.dueDate} view={view} />
            ) : undefined,
          ],
        ]}
      />
      <AskedNow {...props} errors={errors} />
      {view.decision ? <Decision decision={view.decision} /> : null}
      <WhyThisDate view={view} />
      <Timeline view={view} />
      <WhatYouCanDo view={view} />
      {props.agency?.profile ? <Office name={props.agency.name} profile={props.agency.profile} /> : null}
    </>
  );
}

function DueDate({ date, view }: { date: string; view: StatusView }) {
  const { t } = usePage();
  return (
    <>
      <DateText date={date} />
      {view.provisional ? <span class="tag"> {t('follow.status.provisional')}</span> : null}
    </>
  );
}

/** What the applicant is asked to do now: supplement, give reasons, pay. */
function AskedNow(props: StatusPageProps & { errors: FormErrors }) {
  const { t } = usePage();
  const { view } = props;
  const clarification = view.requests.filter(isClarification).find((request) => !request.answered);
  const reasons = view.requests.filter(isReasons).find((request) => !request.answered);
  const fee = view.requests.filter(isFee).find((request) => !request.paid);
  const asked = [
    clarification && view.status === 'awaiting_clarification' ? (
      <Clarification request={clarification} {...props} />
    ) : null,
    clarification && view.status === 'abandonment_pending' ? (
      <Notice kind="warning" title={t('follow.clarification.title')}>
        <p>{t('follow.clarification.lapsed')}</p>
      </Notice>
    ) : null,
    reasons && view.status === 'in_progress' ? <Reasons request={reasons} {...props} /> : null,
    fee && view.status === 'awaiting_fee' ? <Fee request={fee} /> : null,
  ].filter((part) => part !== null);
  if (asked.length === 0) return null;
  return (
    <section aria-labelledby="asked-title">
      <h2 id="asked-title">{t('follow.asked.title')}</h2>
      {asked}
    </section>
  );
}

function Clarification(props: StatusPageProps & { request: ClarificationRequest; errors: FormErrors }) {
  const { t } = usePage();
  const { request } = props;
  return (
    <AskedWithForm
      {...props}
      title={t('follow.clarification.title')}
      sentOn={request.sentOn}
      sentOnLabel={t('follow.clarification.sentOn')}
      step="supplement"
      field={{
        name: 'text',
        label: t('follow.supplement.label'),
        hint: t('follow.supplement.hint'),
        submit: t('follow.supplement.submit'),
      }}
      files={
        <>
          <input type="hidden" name="formKey" value={props.formKey} />
          <FormFiles
            label="follow.supplement.files.label"
            hint="follow.supplement.files.hint"
            errors={props.errors}
            dropped={props.filesDropped}
          />
        </>
      }
    >
      <p>{t('follow.clarification.items')}</p>
      <ol>
        {request.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ol>
      <p>
        {request.respondBy ? (
          <>
            {t('follow.clarification.respondBy')}{' '}
            <strong>
              <DateText date={request.respondBy} />
            </strong>
          </>
        ) : (
          t('follow.clarification.waitsForDelivery')
        )}
      </p>
      <p>{t('follow.clarification.effect')}</p>
    </AskedWithForm>
  );
}

function Reasons(props: StatusPageProps & { request: ReasonsRequest; errors: FormErrors }) {
  const { t } = usePage();
  return (
    <AskedWithForm
      {...props}
      title={t('follow.reasons.title')}
      sentOn={props.request.sentOn}
      sentOnLabel={t('follow.reasons.sentOn')}
      step="reasons"
      field={{ name: 'reasons', label: t('follow.reasons.label'), submit: t('follow.reasons.submit') }}
    >
      <blockquote>
        <p>{props.request.question}</p>
      </blockquote>
      <p>{t('follow.reasons.effect')}</p>
    </AskedWithForm>
  );
}

/** Something the agency asked, when, what it means, and the form that answers it in words (and files). */
function AskedWithForm(
  props: StatusPageProps & {
    errors: FormErrors;
    title: string;
    sentOn: string;
    sentOnLabel: string;
    step: 'supplement' | 'reasons';
    field: { name: string; label: string; hint?: string; submit: string };
    /** The form's file field: the form then posts `multipart/form-data`. */
    files?: ComponentChildren;
    children: ComponentChildren;
  },
) {
  const { field } = props;
  return (
    <div class="panel">
      <h3>{props.title}</h3>
      <p>
        {props.sentOnLabel} <DateText date={props.sentOn} />
      </p>
      {props.children}
      <PostForm
        action={`${applicationPath(props.view.trackingNumber)}/${props.step}`}
        label={props.title}
        multipart={props.files !== undefined}
      >
        <TextArea
          name={field.name}
          label={field.label}
          {...(field.hint ? { hint: field.hint } : {})}
          maxLength={4000}
          value={props.values?.[field.name]}
          errors={props.errors}
        />
        {props.files}
        <Button>{field.submit}</Button>
      </PostForm>
    </div>
  );
}

function Fee({ request }: { request: FeeRequest }) {
  const { t } = usePage();
  return (
    <div class="panel">
      <h3>{t('follow.fee.title')}</h3>
      <SummaryList
        rows={[
          [t('follow.fee.amount'), <strong>{t('follow.fee.yuan', { amount: request.amountYuan })}</strong>],
          [
            t('follow.fee.basis'),
            t(request.method === 'by_piece' ? 'follow.fee.byPiece' : 'follow.fee.byVolume', {
              units: request.units,
            }),
          ],
          [t('follow.fee.sentOn'), <DateText date={request.sentOn} />],
          [
            t('follow.fee.payBy'),
            request.payBy ? <DateText date={request.payBy} /> : t('follow.fee.waitsForDelivery'),
          ],
          [t('follow.fee.explanation'), request.explanation],
        ]}
      />
      <p>{t('follow.fee.howToPay')}</p>
      <p>{t('follow.fee.effect')}</p>
    </div>
  );
}

type DecisionView = NonNullable<StatusView['decision']>;

function Decision({ decision }: { decision: DecisionView }) {
  const { t, locale } = usePage();
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('follow.decision.title')}</h2>
      <SummaryList
        rows={[
          [
            t('follow.decision.outcome'),
            <>
              <strong>{t(OUTCOME_WORDS[decision.outcome])}</strong>
              {decision.reason ? (
                <>
                  <br />
                  <span lang="zh-CN">{decision.label}</span>
                </>
              ) : null}
            </>,
          ],
          [t('follow.decision.decidedOn'), <DateText date={decision.decidedOn} />],
          [t('follow.decision.reasons'), decision.reasons],
          [t('follow.decision.legalBasis'), decision.legalBasis],
          [
            t('follow.decision.heldBy'),
            decision.heldBy ? t('follow.decision.heldByText', decision.heldBy) : undefined,
          ],
          [
            t('follow.decision.published'),
            decision.published === null && decision.publishedAt === null ? undefined : (
              <Published decision={decision} />
            ),
          ],
        ]}
      />
      <p>
        <a href={decision.letterUrl} rel="noreferrer" class="button">
          {t('follow.decision.letter')}
        </a>
      </p>
      <p class="hint">{t('follow.decision.letterHint')}</p>
      {decision.files.length > 0 ? (
        <>
          <h3>{t('follow.decision.files')}</h3>
          <ul>
            {decision.files.map((file) => (
              <li key={file.url}>
                <a href={file.url} rel="noreferrer" download={file.name}>
                  {file.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.access && decision.access.length > 0 ? (
        <>
          <h3>{t('follow.decision.access')}</h3>
          <ul>
            {decision.access.map((arrangement, index) => (
              <li key={index}>{accessText(arrangement, t, locale)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t('follow.decision.remedies')}</p>
    </section>
  );
}

function Published({ decision }: { decision: DecisionView }) {
  const { t, locale } = usePage();
  const published = decision.published;
  if (published === null) return <>{decision.publishedAt}</>;
  if ('publicationId' in published)
    return <a href={`/publications/${published.publicationId}`}>{t('follow.decision.readPublication')}</a>;
  return (
    <>
      {t('follow.decision.publishedElsewhere', {
        where: published.where,
        date: formatCivilDate(published.publishedOn, locale),
      })}
      {published.url ? (
        <>
          {' '}
          <a href={published.url} rel="noreferrer">
            {published.url}
          </a>
        </>
      ) : null}
    </>
  );
}

/** How the reply date was reached: each step of the clock in words, and the days it skipped. */
function WhyThisDate({ view }: { view: StatusView }) {
  const { t, locale } = usePage();
  if (view.status === 'withdrawn') return null;
  return (
    <section aria-labelledby="why-title">
      <h2 id="why-title">{t('follow.why.title')}</h2>
      {view.dueDateExplained.length === 0 ? (
        <p>{t('follow.why.notYet')}</p>
      ) : (
        <ul>
          {view.dueDateExplained.map((step, index) => (
            <li key={index}>{joinSentences(clockStepSentences(step, t, locale), t)}</li>
          ))}
        </ul>
      )}
      {view.laterReplyDate ? (
        <p>
          {t('follow.why.laterReplyDate', { reason: view.laterReplyDate.reason })}{' '}
          <DateText date={view.laterReplyDate.dueDate} />
        </p>
      ) : null}
      <p class="hint">{t('follow.why.rule')}</p>
    </section>
  );
}

function Timeline({ view }: { view: StatusView }) {
  const { t, locale } = usePage();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('follow.timeline.title')}</h2>
      <ol class="timeline">
        {view.timeline.map((entry, index) => (
          <li key={index}>
            {typeof entry.at === 'string' ? (
              <p class="meta">
                <TimeText at={entry.at} />
              </p>
            ) : null}
            <p>{timelineSentence(entry, t, locale)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function WhatYouCanDo({ view }: { view: StatusView }) {
  const { t } = usePage();
  const path = applicationPath(view.trackingNumber);
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('follow.actions.title')}</h2>
      {isOpen(view.status) ? (
        <>
          <h3>{t('follow.withdraw.title')}</h3>
          <p>{t('follow.withdraw.body')}</p>
          <p>
            <a class="button secondary" href={`${path}/withdrawal`}>
              {t('follow.withdraw.link')}
            </a>
          </p>
        </>
      ) : null}
      <h3>{t('follow.complain.title')}</h3>
      <p>{t('follow.complain.body')}</p>
      <p>
        <a href={`/agencies/${view.agencyId}/complaints/new?trackingNumber=${view.trackingNumber}`}>
          {t('follow.complain.link')}
        </a>
      </p>
      <h3>{t('follow.signOut.title')}</h3>
      <p>{t('follow.signOut.body')}</p>
      <PostForm action={`${path}/sign-out`} label={t('follow.signOut.title')}>
        <Button variant="secondary">{t('follow.signOut.button')}</Button>
      </PostForm>
    </section>
  );
}

function Office({ name, profile }: { name: string; profile: OfficeProfile }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="office-title">
      <h2 id="office-title">{t('follow.office.title')}</h2>
      <SummaryList
        rows={[
          [t('follow.office.name'), `${name} ${profile.officeName}`],
          [t('follow.office.address'), profile.address],
          [t('follow.office.hours'), profile.openingHours],
          [t('follow.office.phone'), profile.phone],
          [t('follow.office.email'), <a href={`mailto:${profile.email}`}>{profile.email}</a>],
        ]}
      />
    </section>
  );
}
