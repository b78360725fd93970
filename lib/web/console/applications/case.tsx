import type { ComponentChildren } from 'preact';
import { maskIdNumber, maskPhone } from '#lib/domain/application/applicant';
import { Channel, ConsultationAnswer, ConsultedParty } from '#lib/domain/application/application';
import { DeliveryMethod } from '#lib/domain/application/notice-delivery';
import { undeliveredNotices } from '#lib/domain/application/staff-steps';
import type { Role } from '#lib/domain/staff';
import type { ConsoleCase } from '#lib/use-cases/applications/console-case';
import {
  Button,
  DateText,
  ErrorSummary,
  Notice,
  PostForm,
  Radios,
  Select,
  SummaryList,
  TextArea,
  TextField,
  TimeText,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { formatCivilDate } from '../../format';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { Locale } from '../../messages/locale';
import { clockStepSentences, joinSentences, OUTCOME_WORDS } from '../../pages/follow/wording';
import { mayTake, stepOf, type ActionName } from './actions';
import { DecisionForm, type KeptFile } from './decision';
import {
  daysLeftText,
  maskAddress,
  maskEmail,
  reasonText,
  STAFF_STATUS_WORDS,
  staffClockWords,
} from './wording';

/**
 * The case page: where it stands and how much time is left, the steps the signed-in person may take now
 * (each its own form), the applicant (masked unless the role writes to them), the request and its files,
 * the clock explained, the consultations, the decision, and what happened when.
 */
export const casePath = (trackingNumber: string): string => `/console/applications/${trackingNumber}`;
export const actionPath = (trackingNumber: string, action: ActionName, consultationId?: string): string => {
  if (action === 'consultation-reply')
    return `${casePath(trackingNumber)}/consultations/${consultationId ?? ''}/reply`;
  if (action === 'disclosure-notice')
    return `${casePath(trackingNumber)}/consultations/${consultationId ?? ''}/disclosure-notice`;
  return `${casePath(trackingNumber)}/${action}`;
};

/**
 * Who sees the applicant's identity number, phone, address and e-mail whole: the clerk (经办人), who
 * registers the application, writes and posts the notices and the letter, and checks identity against
 * the papers. Approvers, supervisors and administrators decide and oversee without them: they see the
 * name and the masked details.
 */
export const SEES_APPLICANT: readonly Role[] = ['clerk'];
export const seesApplicant = (roles: ReadonlySet<Role>): boolean =>
  SEES_APPLICANT.some((role) => roles.has(role));

/** A form of the page answered again: its errors and the values kept. */
export type FailedForm = { readonly path: string; readonly errors: FormErrors; readonly values: FormValues };

export type CasePageProps = {
  readonly data: ConsoleCase;
  readonly roles: ReadonlySet<Role>;
  readonly done: string | undefined;
  readonly failed: FailedForm | undefined;
  /** The decision form's key, and the files already stored for it (back from the preview). */
  readonly decision: { formKey: string; kept: readonly KeptFile[]; filesDropped: boolean };
  readonly conflict: boolean;
  /** The access token of an application just registered, shown once for the receipt. */
  readonly accessToken: string | null;
  /** Input kept across an expired session, for the form it came from. */
  readonly held: { action: string; values: FormValues } | undefined;
  readonly heldNotice: ComponentChildren;
};

const STEP_RADIO_GROUPS: readonly string[] = ['party', 'answer', 'method', 'verdict'];

const DONE_WORDS: Readonly<Record<string, MessageKey>> = {
  registered: 'cApps.done.registered',
  confirmation: 'cApps.done.confirmation',
  assignment: 'cApps.done.assignment',
  'clarification-request': 'cApps.done.clarification-request',
  consultations: 'cApps.done.consultations',
  'consultation-reply': 'cApps.done.consultation-reply',
  'disclosure-notice': 'cApps.done.disclosure-notice',
  extension: 'cApps.done.extension',
  suspension: 'cApps.done.suspension',
  resumption: 'cApps.done.resumption',
  'fee-notice': 'cApps.done.fee-notice',
  'fee-payment': 'cApps.done.fee-payment',
  'reasons-request': 'cApps.done.reasons-request',
  reasons: 'cApps.done.reasons',
  'later-reply-date': 'cApps.done.later-reply-date',
  delivery: 'cApps.done.delivery',
  'abandonment-review': 'cApps.done.abandonment-review',
  decision: 'cApps.done.decision',
};

export function CasePage(props: CasePageProps) {
  const { t } = usePage();
  const { view } = props.data;
  const left = daysLeftText(t, props.data.workingDaysLeft, view.status);
  const doneKey = props.done === undefined ? undefined : DONE_WORDS[props.done];
  return (
    <>
      {props.failed ? (
        <ErrorSummary
          errors={props.failed.errors.map((error) =>
            // A radio group's link goes to its first radio (focus without JavaScript).
            STEP_RADIO_GROUPS.includes(error.field) ? { ...error, field: `${error.field}-first` } : error,
          )}
        />
      ) : null}
      {props.heldNotice}
      {doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      {props.conflict ? <Notice kind="warning">{t('cApps.conflict')}</Notice> : null}
      {props.accessToken ? (
        <div class="panel">
          <h2>{t('cApps.token.title')}</h2>
          <p>{t('cApps.token.body')}</p>
          <p class="secret">{props.accessToken}</p>
          <p class="hint">{t('cApps.token.once')}</p>
        </div>
      ) : null}
      <h1>{t('cApps.case.title', { trackingNumber: view.trackingNumber })}</h1>
      <SummaryList
        rows={[
          [t('cApps.case.status'), <strong>{t(STAFF_STATUS_WORDS[view.status])}</strong>],
          [t('cApps.case.channel'), t(CHANNEL_WORDS[view.channel])],
          [
            t('cApps.case.receivedOn'),
            view.receivedOn ? <DateText date={view.receivedOn} /> : t('cApps.case.notReceived'),
          ],
          [
            t('cApps.case.dueDate'),
            view.dueDate ? (
              <>
                <DateText date={view.dueDate} />
                {view.provisional ? ` ${t('follow.status.provisional')}` : ''}
              </>
            ) : undefined,
          ],
          [
            t('cApps.case.daysLeft'),
            <span class={left.tone === null ? 'tag' : `tag ${left.tone}`}>{left.text}</span>,
          ],
          [t('cApps.case.handler'), view.assignee?.name ?? t('cApps.unassigned')],
        ]}
      />
      <Actions {...props} />
      <Applicant view={view} whole={seesApplicant(props.roles)} />
      <Request data={props.data} />
      <Clock data={props.data} />
      <Consultations data={props.data} />
      {view.decision?.view ? <DecisionMade decision={view.decision.view} /> : null}
      <Timeline data={props.data} />
      <p>
        <a href="/console/applications">{t('cApps.backToList')}</a>
      </p>
    </>
  );
}

type View = ConsoleCase['view'];

function Applicant({ view, whole }: { view: View; whole: boolean }) {
  const { t } = usePage();
  const { applicant } = view;
  const id = applicant.idDocument.number;
  const shown = (value: string | undefined, mask: (value: string) => string) =>
    value === undefined ? undefined : whole ? value : mask(value);
  return (
    <section aria-labelledby="applicant-title">
      <h2 id="applicant-title">{t('cApps.applicant.title')}</h2>
      {whole ? null : <p class="hint">{t('cApps.applicant.masked')}</p>}
      <SummaryList
        rows={[
          [t('apply.name.label'), applicant.name],
          [
            t('cApps.applicant.type'),
            applicant.type === 'natural_person'
              ? t('apply.applicantType.natural_person')
              : `${t('apply.applicantType.organisation')}（${t(`apply.organisationType.${applicant.organisationType}`)}）`,
          ],
          [t('apply.idType.label'), t(`apply.idType.${applicant.idDocument.type}`)],
          [t('apply.idNumber.label'), shown(id, maskIdNumber)],
          [t('apply.address.label'), shown(applicant.address, maskAddress)],
          [t('apply.postcode.label'), whole ? applicant.postcode : undefined],
          [t('apply.phone.label'), shown(applicant.phone, maskPhone)],
          [t('apply.email.label'), shown(applicant.email, maskEmail)],
        ]}
      />
      {view.applicantHistory.length > 0 ? (
        <>
          <h3>{t('cApps.applicant.history')}</h3>
          <ul>
            {view.applicantHistory.map((entry) => (
              <li key={entry.applicationId}>
                <a href={casePath(entry.applicationId)}>{entry.applicationId}</a>{' '}
                <TimeText at={entry.submittedAt} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Request({ data }: { data: ConsoleCase }) {
  const { t } = usePage();
  const { view } = data;
  return (
    <section aria-labelledby="request-title">
      <h2 id="request-title">{t('cApps.request.title')}</h2>
      <SummaryList
        rows={[
          [t('apply.description.label'), view.request.description],
          [t('apply.documentNumber.label'), view.request.documentNumber],
          [t('apply.form.label'), t(`apply.form.${view.request.form}`)],
          [t('apply.delivery.label'), t(`apply.delivery.${view.request.delivery}`)],
          [t('cApps.register.notes'), view.notes ?? undefined],
          [t('cApps.request.submittedAt'), <TimeText at={view.submittedAt} />],
        ]}
      />
      {data.attachments.length > 0 ? (
        <>
          <h3>{t('cApps.request.files')}</h3>
          <ul>
            {data.attachments.map((file) => (
              <li key={file.url}>
                <a href={file.url} rel="noreferrer">
                  {t(file.from === 'application' ? 'cApps.request.file' : 'cApps.request.supplementFile', {
                    n: file.n,
                  })}
                </a>
              </li>
            ))}
          </ul>
          <p class="hint">{t('cApps.request.files.hint')}</p>
        </>
      ) : null}
    </section>
  );
}

function Clock({ data }: { data: ConsoleCase }) {
  const { t, locale } = usePage();
  const { view } = data;
  if (view.dueDateExplained.length === 0) return null;
  return (
    <section aria-labelledby="clock-title">
      <h2 id="clock-title">{t('cApps.clock.title')}</h2>
      <ol>
        {view.dueDateExplained.map((step, index) => (
          <li key={index}>{joinSentences(clockStepSentences(step, staffClockWords(t), locale), t)}</li>
        ))}
      </ol>
      {view.extensions.length > 0 ? (
        <>
          <h3>{t('cApps.clock.extensions')}</h3>
          <ul>
            {view.extensions.map((extension, index) => (
              <li key={index}>
                {t('cApps.clock.extension', { count: extension.workingDays, reason: extension.reason })} (
                <DateText date={extension.on} />)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.suspension ? (
        <p>
          {t('cApps.clock.suspended', { reason: view.suspension.reason })}{' '}
          <DateText date={view.suspension.since} />
        </p>
      ) : null}
    </section>
  );
}

function Consultations({ data }: { data: ConsoleCase }) {
  const { t } = usePage();
  const { view } = data;
  if (view.consultations.length === 0) return null;
  return (
    <section aria-labelledby="consultations-title">
      <h2 id="consultations-title">{t('cApps.consultations.title')}</h2>
      {view.consultations.map((consultation) => (
        <SummaryList
          key={consultation.id}
          rows={[
            [
              t('cApps.consultation.name'),
              `${consultation.name}（${t(`cApps.party.${consultation.party}`)}）`,
            ],
            [t('cApps.consultation.matter'), consultation.matter],
            [t('cApps.consultation.sentOn'), <DateText date={consultation.sentOn} />],
            [
              t('cApps.consultation.answerBy'),
              consultation.dueDate ? (
                <DateText date={consultation.dueDate} />
              ) : (
                t('cApps.consultation.waitsForDelivery')
              ),
            ],
            [
              t('cApps.consultation.answer'),
              consultation.answer === null
                ? t('cApps.consultation.open')
                : `${t(`cApps.answer.${consultation.answer}`)}${consultation.summary ? `：${consultation.summary}` : ''}`,
            ],
            [
              t('cApps.consultation.notice'),
              consultation.disclosureNotice ? (
                <a href={consultation.disclosureNotice.letterUrl} rel="noreferrer">
                  {t('cApps.consultation.noticeLetter')}
                </a>
              ) : undefined,
            ],
          ]}
        />
      ))}
    </section>
  );
}

function DecisionMade({ decision }: { decision: NonNullable<NonNullable<View['decision']>['view']> }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('cApps.decided.title')}</h2>
      <SummaryList
        rows={[
          [
            t('follow.decision.outcome'),
            <>
              <strong>{t(OUTCOME_WORDS[decision.outcome])}</strong>
              {decision.reason ? `（${reasonText(t, decision.reason)}）` : ''}
            </>,
          ],
          [t('follow.decision.decidedOn'), <DateText date={decision.decidedOn} />],
          [t('follow.decision.reasons'), decision.reasons],
          [t('follow.decision.legalBasis'), decision.legalBasis],
        ]}
      />
      <p>
        <a href={decision.letterUrl} rel="noreferrer">
          {t('follow.decision.letter')}
        </a>
      </p>
      {decision.files.length > 0 ? (
        <ul>
          {decision.files.map((file) => (
            <li key={file.url}>
              <a href={file.url} rel="noreferrer">
                {file.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Each event as a sentence, with who (inside the agency) and when. */
export function eventSentence(t: Translate, locale: Locale, event: Record<string, unknown>): string {
  const type = typeof event.type === 'string' ? event.type : '';
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Record<
    string,
    unknown
  >;
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const key = EVENT_WORDS[type];
  if (key === undefined) return t('cApps.event.other', { type });
  const outcome =
    typeof data.outcome === 'string' && data.outcome in OUTCOME_WORDS
      ? t(OUTCOME_WORDS[data.outcome as keyof typeof OUTCOME_WORDS])
      : '';
  return t(key, {
    channel: typeof data.channel === 'string' ? channelText(t, data.channel) : '',
    due: typeof data.dueDate === 'string' ? formatCivilDate(data.dueDate, locale) : t('cApps.none'),
    name: text(data.name),
    count: text(data.workingDays),
    reason: text(data.reason),
    outcome,
    amount: text(data.amountYuan),
  });
}

const CHANNEL_WORDS: Readonly<Record<Channel, MessageKey>> = {
  online: 'cApps.channel.online',
  letter_registered: 'cApps.channel.letter_registered',
  letter_ordinary: 'cApps.channel.letter_ordinary',
  fax: 'cApps.channel.fax',
  email: 'cApps.channel.email',
  in_person: 'cApps.channel.in_person',
  oral: 'cApps.channel.oral',
};
const channelText = (t: Translate, channel: string): string => {
  const parsed = Channel.safeParse(channel);
  return parsed.success ? t(CHANNEL_WORDS[parsed.data]) : channel;
};

const EVENT_WORDS: Readonly<Record<string, MessageKey>> = {
  application_submitted: 'cApps.event.application_submitted',
  application_registered: 'cApps.event.application_registered',
  application_confirmed: 'cApps.event.application_confirmed',
  handler_assigned: 'cApps.event.handler_assigned',
  clarification_requested: 'cApps.event.clarification_requested',
  clarification_delivered: 'cApps.event.clarification_delivered',
  clarification_supplemented: 'cApps.event.clarification_supplemented',
  abandonment_pending: 'cApps.event.abandonment_pending',
  abandonment_reopened: 'cApps.event.abandonment_reopened',
  consultation_sent: 'cApps.event.consultation_sent',
  consultation_delivered: 'cApps.event.consultation_delivered',
  consultation_answered: 'cApps.event.consultation_answered',
  consultation_lapsed: 'cApps.event.consultation_lapsed',
  third_party_notified: 'cApps.event.third_party_notified',
  reply_extended: 'cApps.event.reply_extended',
  reply_suspended: 'cApps.event.reply_suspended',
  reply_resumed: 'cApps.event.reply_resumed',
  fee_notice_sent: 'cApps.event.fee_notice_sent',
  fee_notice_delivered: 'cApps.event.fee_notice_delivered',
  fee_paid: 'cApps.event.fee_paid',
  reasons_requested: 'cApps.event.reasons_requested',
  reasons_received: 'cApps.event.reasons_received',
  reply_date_set: 'cApps.event.reply_date_set',
  due_date_recomputed: 'cApps.event.due_date_recomputed',
  decision_made: 'cApps.event.decision_made',
  application_withdrawn: 'cApps.event.application_withdrawn',
};

function Timeline({ data }: { data: ConsoleCase }) {
  const { t, locale } = usePage();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('cApps.timeline.title')}</h2>
      <ol class="timeline">
        {data.view.timeline.map((event, index) => {
          const actor = (event.actor ?? {}) as Record<string, unknown>;
          const who =
            actor.kind === 'staff' && typeof actor.name === 'string'
              ? actor.name
              : actor.kind === 'applicant'
                ? t('cApps.actor.applicant')
                : t('cApps.actor.system');
          return (
            <li key={index}>
              <p>{eventSentence(t, locale, event)}</p>
              <p class="meta">
                {typeof event.at === 'string' ? <TimeText at={event.at} /> : null} · {who}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The steps the signed-in person may take now: the case admits them, and their roles may take them. */
function Actions(props: CasePageProps) {
  const { t } = usePage();
  const { data, roles } = props;
  const { view, steps } = data;
  const may = (action: ActionName) => steps.has(stepOf(action)) && mayTake(action, roles);
  const tn = view.trackingNumber;
  const forms: ComponentChildren[] = [];
  const valuesFor = (path: string): FormValues =>
    props.failed?.path === path ? props.failed.values : props.held?.action === path ? props.held.values : {};
  const errorsFor = (path: string): FormErrors => (props.failed?.path === path ? props.failed.errors : []);
  const box = (
    action: ActionName,
    title: string,
    body: (path: string, values: FormValues, errors: FormErrors) => ComponentChildren,
    consultationId?: string,
  ) => {
    const path = actionPath(tn, action, consultationId);
    const errors = errorsFor(path);
    forms.push(
      <details class="action" open={errors.length > 0 || props.held?.action === path} key={path}>
        <summary>{title}</summary>
        <PostForm action={path} label={title}>
          <input type="hidden" name="version" value={String(view.version)} />
          {body(path, valuesFor(path), errors)}
        </PostForm>
      </details>,
    );
  };
  const deliveredBy = (values: FormValues, errors: FormErrors) => (
    <Select
      name="deliveredBy"
      label={t('cApps.form.deliveredBy')}
      hint={t('cApps.form.deliveredBy.hint')}
      value={values.deliveredBy ?? 'online'}
      errors={errors}
      choices={DeliveryMethod.options.map((method) => ({
        value: method,
        label: t(`cApps.delivery.${method}`),
      }))}
    />
  );
  if (may('confirmation'))
    box('confirmation', t('cApps.action.confirmation'), () => (
      <>
        <p id="f-form" tabIndex={-1}>
          {t('cApps.form.confirmation.hint')}
        </p>
        <Button>{t('cApps.action.confirmation')}</Button>
      </>
    ));
  if (may('assignment') && data.handlers.length > 0)
    box('assignment', t('cApps.action.assignment'), (_path, values, errors) => (
      <>
        <Select
          name="staffId"
          label={t('cApps.form.staffId')}
          value={values.staffId ?? view.assignee?.staffId}
          errors={errors}
          choices={data.handlers.map((handler) => ({ value: handler.staffId, label: handler.name }))}
        />
        <Button>{t('cApps.action.assignment')}</Button>
      </>
    ));
  if (may('clarification-request'))
    box('clarification-request', t('cApps.action.clarification-request'), (_path, values, errors) => (
      <>
        <TextArea
          name="items"
          label={t('cApps.form.items')}
          hint={t('cApps.form.items.hint')}
          value={values.items}
          errors={errors}
          maxLength={4000}
          rows={4}
        />
        <TextField
          name="periodWorkingDays"
          label={t('cApps.form.periodWorkingDays')}
          hint={t('cApps.form.periodWorkingDays.hint')}
          value={values.periodWorkingDays}
          errors={errors}
          optional
          short
          inputMode="numeric"
          maxLength={2}
        />
        {deliveredBy(values, errors)}
        <Button>{t('cApps.action.clarification-request')}</Button>
      </>
    ));
  if (may('consultations'))
    box('consultations', t('cApps.action.consultations'), (_path, values, errors) => (
      <>
        <Radios
          name="party"
          label={t('cApps.form.party')}
          value={values.party}
          errors={errors}
          choices={ConsultedParty.options.map((party) => ({
            value: party,
            label: t(`cApps.party.${party}`),
          }))}
        />
        <TextField
          name="name"
          label={t('cApps.form.consultee')}
          value={values.name}
          errors={errors}
          maxLength={200}
        />
        <TextField
          name="contact"
          label={t('cApps.form.contact')}
          value={values.contact}
          errors={errors}
          maxLength={300}
        />
        <TextArea
          name="matter"
          label={t('cApps.form.matter')}
          value={values.matter}
          errors={errors}
          maxLength={2000}
          rows={3}
        />
        {deliveredBy(values, errors)}
        <Button>{t('cApps.action.consultations')}</Button>
      </>
    ));
  if (may('consultation-reply'))
    for (const consultation of view.consultations.filter((candidate) => candidate.repliedOn === null))
      box(
        'consultation-reply',
        t('cApps.action.consultation-reply', { name: consultation.name }),
        (_path, values, errors) => (
          <>
            <Radios
              name="answer"
              label={t('cApps.form.answer')}
              value={values.answer}
              errors={errors}
              choices={ConsultationAnswer.exclude(['no_answer']).options.map((answer) => ({
                value: answer,
                label: t(`cApps.answer.${answer}`),
              }))}
            />
            <TextArea
              name="summary"
              label={t('cApps.form.summary')}
              value={values.summary}
              errors={errors}
              maxLength={2000}
              rows={3}
            />
            <Button>{t('cApps.form.record')}</Button>
          </>
        ),
        consultation.id,
      );
  if (may('disclosure-notice'))
    for (const consultation of view.consultations.filter(
      (candidate) =>
        candidate.party === 'third_party' &&
        candidate.answer === 'objection' &&
        candidate.disclosureNotice === null,
    ))
      box(
        'disclosure-notice',
        t('cApps.action.disclosure-notice', { name: consultation.name }),
        (_path, values, errors) => (
          <>
            <p>{t('cApps.form.disclosureNotice.hint')}</p>
            <TextArea
              name="content"
              label={t('cApps.form.content')}
              value={values.content}
              errors={errors}
              maxLength={2000}
              rows={3}
            />
            <TextArea
              name="reasons"
              label={t('cApps.form.noticeReasons')}
              value={values.reasons}
              errors={errors}
              maxLength={4000}
              rows={3}
            />
            <Button>{t('cApps.action.disclosure-notice', { name: consultation.name })}</Button>
          </>
        ),
        consultation.id,
      );
  if (may('extension'))
    box('extension', t('cApps.action.extension'), (_path, values, errors) => (
      <>
        <p>{t('cApps.form.extension.hint')}</p>
        <TextField
          name="workingDays"
          label={t('cApps.form.workingDays')}
          value={values.workingDays}
          errors={errors}
          short
          inputMode="numeric"
          maxLength={2}
        />
        <TextArea
          name="reason"
          label={t('cApps.form.extensionReason')}
          value={values.reason}
          errors={errors}
          maxLength={2000}
          rows={3}
        />
        <Button>{t('cApps.action.extension')}</Button>
      </>
    ));
  if (may('suspension'))
    box('suspension', t('cApps.action.suspension'), (_path, values, errors) => (
      <>
        <TextArea
          name="reason"
          label={t('cApps.form.suspensionReason')}
          value={values.reason}
          errors={errors}
          maxLength={2000}
          rows={3}
        />
        <Button>{t('cApps.action.suspension')}</Button>
      </>
    ));
  if (may('resumption'))
    box('resumption', t('cApps.action.resumption'), (_path, values, errors) => (
      <>
        <TextArea
          name="note"
          label={t('cApps.form.note')}
          value={values.note}
          errors={errors}
          optional
          maxLength={2000}
          rows={3}
        />
        <Button>{t('cApps.action.resumption')}</Button>
      </>
    ));
  if (may('fee-notice'))
    box('fee-notice', t('cApps.action.fee-notice'), (_path, values, errors) => (
      <>
        <p>{t('cApps.form.fee.hint')}</p>
        <Radios
          name="method"
          label={t('cApps.form.method')}
          value={values.method}
          errors={errors}
          choices={[
            { value: 'by_piece', label: t('cApps.form.method.by_piece') },
            { value: 'by_volume', label: t('cApps.form.method.by_volume') },
          ]}
        />
        <TextField
          name="pieces"
          label={t('cApps.form.pieces')}
          hint={t('cApps.form.pieces.hint')}
          value={values.pieces}
          errors={errors}
          optional
          short
          inputMode="numeric"
          maxLength={3}
        />
        <TextField
          name="piecesReason"
          label={t('cApps.form.piecesReason')}
          value={values.piecesReason}
          errors={errors}
          optional
          maxLength={2000}
        />
        <TextField
          name="pages"
          label={t('cApps.form.pages')}
          value={values.pages}
          errors={errors}
          optional
          short
          inputMode="numeric"
          maxLength={7}
        />
        <TextArea
          name="explanation"
          label={t('cApps.form.explanation')}
          value={values.explanation}
          errors={errors}
          maxLength={2000}
          rows={3}
        />
        {deliveredBy(values, errors)}
        <Button>{t('cApps.action.fee-notice')}</Button>
      </>
    ));
  if (may('fee-payment'))
    box('fee-payment', t('cApps.action.fee-payment'), (_path, values, errors) => (
      <>
        <TextField
          name="reference"
          label={t('cApps.form.reference')}
          value={values.reference}
          errors={errors}
          optional
          maxLength={200}
        />
        <Button>{t('cApps.action.fee-payment')}</Button>
      </>
    ));
  if (may('reasons-request'))
    box('reasons-request', t('cApps.action.reasons-request'), (_path, values, errors) => (
      <>
        <p>{t('cApps.form.reasonsRequest.hint')}</p>
        <TextArea
          name="question"
          label={t('cApps.form.question')}
          value={values.question}
          errors={errors}
          maxLength={2000}
          rows={3}
        />
        <Button>{t('cApps.action.reasons-request')}</Button>
      </>
    ));
  if (may('reasons'))
    box('reasons', t('cApps.action.reasons'), (_path, values, errors) => (
      <>
        <TextArea
          name="reasons"
          label={t('cApps.form.applicantReasons')}
          value={values.reasons}
          errors={errors}
          maxLength={4000}
          rows={3}
        />
        <Button>{t('cApps.form.record')}</Button>
      </>
    ));
  if (may('later-reply-date'))
    box('later-reply-date', t('cApps.action.later-reply-date'), (_path, values, errors) => (
      <>
        <TextField
          name="dueDate"
          type="date"
          label={t('cApps.form.laterDueDate')}
          value={values.dueDate}
          errors={errors}
          short
        />
        <TextArea
          name="reason"
          label={t('cApps.form.laterReason')}
          value={values.reason}
          errors={errors}
          maxLength={2000}
          rows={3}
        />
        <Button>{t('cApps.action.later-reply-date')}</Button>
      </>
    ));
  if (may('delivery'))
    box('delivery', t('cApps.action.delivery'), (_path, values, errors) => (
      <>
        <Select
          name="notice"
          label={t('cApps.form.notice')}
          value={values.notice}
          errors={errors}
          choices={undeliveredNotices(view).map((notice) => ({
            value: notice,
            label: notice.startsWith('consultation:')
              ? t('cApps.notice.consultation', {
                  name: view.consultations.find((c) => `consultation:${c.id}` === notice)?.name ?? '',
                })
              : t(notice === 'fee' ? 'cApps.notice.fee' : 'cApps.notice.clarification'),
          }))}
        />
        <TextField
          name="deliveredOn"
          type="date"
          label={t('cApps.form.deliveredOn')}
          value={values.deliveredOn}
          errors={errors}
          short
        />
        <Button>{t('cApps.form.record')}</Button>
      </>
    ));
  if (may('abandonment-review'))
    box('abandonment-review', t('cApps.action.abandonment-review'), (_path, values, errors) => (
      <>
        <Radios
          name="verdict"
          label={t('cApps.form.verdict')}
          value={values.verdict}
          errors={errors}
          choices={[
            { value: 'abandoned', label: t('cApps.form.verdict.abandoned') },
            { value: 'reopened', label: t('cApps.form.verdict.reopened') },
          ]}
        />
        <TextArea
          name="reason"
          label={t('cApps.form.reopenReason')}
          value={values.reason}
          errors={errors}
          optional
          maxLength={2000}
          rows={3}
        />
        <TextField
          name="periodWorkingDays"
          label={t('cApps.form.periodWorkingDays')}
          value={values.periodWorkingDays}
          errors={errors}
          optional
          short
          inputMode="numeric"
          maxLength={2}
        />
        <Button>{t('cApps.action.abandonment-review')}</Button>
      </>
    ));
  const decisionPath = actionPath(tn, 'decision');
  const decisionErrors = errorsFor(decisionPath);
  const decisionOpen = may('decision');
  if (forms.length === 0 && !decisionOpen)
    return (
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('cApps.actions.title')}</h2>
        <p>{t('cApps.actions.none')}</p>
      </section>
    );
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('cApps.actions.title')}</h2>
      {forms}
      {decisionOpen ? (
        <details
          class="action"
          open={
            decisionErrors.length > 0 || props.decision.kept.length > 0 || props.held?.action === decisionPath
          }
        >
          <summary>{t('cApps.decision.title')}</summary>
          <DecisionForm
            action={decisionPath}
            values={valuesFor(decisionPath)}
            errors={decisionErrors}
            formKey={props.decision.formKey}
            version={view.version}
            kept={props.decision.kept}
            filesDropped={props.decision.filesDropped}
          />
        </details>
      ) : null}
    </section>
  );
}
