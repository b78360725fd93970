import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { maskedComplainant } from '#lib/domain/complaint';
import { COMPLAINT_ANSWER_DAYS } from '#lib/domain/complaint';
import {
  Button,
  DateText,
  ErrorSummary,
  Notice,
  PostForm,
  Radios,
  SummaryList,
  TextArea,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { HeldForm } from '../session';
import { HeldNotice } from '../held';
import { AnswerClockTag } from './list';
import { answerAction, type StaffComplaint } from './words';

/** What the person may do and see on a complaint's page (decided by the route table's roles). */
export type ComplaintPowers = {
  /** May answer it (and so must be able to reach the complainant: their contacts unmasked). */
  readonly answer: boolean;
};

/**
 * A complaint as its agency's staff read it: what was received and when, the 30-day answer date and
 * where it stands, the complainant (contacts masked unless the person answers it), then the answer form
 * for whoever may answer it, or the answer once given.
 */
export function ComplaintPage(props: {
  complaint: StaffComplaint;
  today: IsoDate;
  powers: ComplaintPowers;
  answeredBy: string | undefined;
  form: { values?: FormValues | undefined; errors?: FormErrors | undefined; conflict?: boolean };
  held: HeldForm | undefined;
  query: Readonly<Record<string, string | undefined>>;
}) {
  const { t } = usePage();
  const { complaint, powers } = props;
  const complainant = powers.answer ? complaint.complainant : maskedComplainant(complaint.complainant);
  const errors = props.form.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      <HeldNotice held={props.held} query={props.query} />
      {props.query.done === 'answered' ? (
        <Notice kind="success">
          <p>{t('cCmp.done.answered')}</p>
        </Notice>
      ) : null}
      {props.form.conflict ? (
        <Notice kind="warning">
          <p>{t('cCmp.answer.conflict')}</p>
        </Notice>
      ) : null}
      <h1>{complaint.subject}</h1>
      <p class="meta">
        <span class={`tag ${complaint.status === 'open' ? 'blue' : 'green'}`}>
          {t(complaint.status === 'open' ? 'cCmp.status.open' : 'cCmp.status.answered')}
        </span>{' '}
        <AnswerClockTag complaint={complaint} today={props.today} />
      </p>
      <h2>{t('cCmp.section.received')}</h2>
      <SummaryList
        rows={[
          [t('cCmp.field.number'), complaint.id],
          [t('cCmp.field.receivedOn'), <DateText date={complaint.receivedOn} />],
          [
            t('cCmp.field.answerDueDate'),
            <>
              <DateText date={complaint.answerDueDate} />
              <span class="hint"> {t('cCmp.rule', { days: COMPLAINT_ANSWER_DAYS })}</span>
            </>,
          ],
          [t('cCmp.field.trackingNumber'), complaint.trackingNumber ?? t('cCmp.none')],
          [t('cCmp.field.details'), <span class="pre">{complaint.details}</span>],
        ]}
      />
      <h2>{t('cCmp.section.complainant')}</h2>
      {powers.answer ? null : <p class="hint">{t('cCmp.masked')}</p>}
      <SummaryList
        rows={[
          [t('cCmp.field.name'), complainant.name],
          [t('cCmp.field.contact'), complainant.contact],
          [t('cCmp.field.email'), complainant.email],
        ]}
      />
      <h2>{t('cCmp.section.answer')}</h2>
      {complaint.answer !== null ? (
        <SummaryList
          rows={[
            [t('cCmp.field.answeredOn'), <DateText date={complaint.answer.on} />],
            [t('cCmp.field.answeredBy'), props.answeredBy ?? complaint.answer.by],
            [t('cCmp.field.upheld'), t(complaint.answer.upheld ? 'cCmp.upheld.yes' : 'cCmp.upheld.no')],
            [t('cCmp.field.answer'), <span class="pre">{complaint.answer.text}</span>],
          ]}
        />
      ) : powers.answer ? (
        <AnswerForm complaintId={complaint.id} values={props.form.values} errors={errors} />
      ) : (
        <p>{t('cCmp.answer.notYours')}</p>
      )}
      <p>
        <a href="/console/complaints">{t('cCmp.back')}</a>
      </p>
    </>
  );
}

function AnswerForm(props: { complaintId: string; values: FormValues | undefined; errors: FormErrors }) {
  const { t } = usePage();
  const values = props.values ?? {};
  return (
    <PostForm action={answerAction(props.complaintId)} label={t('cCmp.answer.title')}>
      <p class="hint">{t('cCmp.answer.lead')}</p>
      <Radios
        name="upheld"
        label={t('cCmp.field.upheld')}
        value={values.upheld}
        errors={props.errors}
        choices={[
          { value: 'yes', label: t('cCmp.upheld.yes'), hint: t('cCmp.upheld.yes.hint') },
          { value: 'no', label: t('cCmp.upheld.no') },
        ]}
      />
      <TextArea
        name="answer"
        label={t('cCmp.field.answer')}
        hint={t('cCmp.answer.hint')}
        value={values.answer}
        errors={props.errors}
        maxLength={4000}
        rows={8}
      />
      <Button>{t('cCmp.answer.submit')}</Button>
    </PostForm>
  );
}
