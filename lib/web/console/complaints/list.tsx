import * as z from 'zod';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { addDays, type IsoDate as Day } from '#lib/domain/calendar/civil-date';
import { Button, DateText, Pagination, Select } from '../../components';
import { usePage } from '../../context';
import type { MessageKey, Translate } from '../../messages/catalogue';
import { answerClock, complaintHref, DUE_SOON_DAYS, type StaffComplaint } from './words';

/** The list's filters, as its GET form sends them (anything else: the defaults). */
export const ComplaintListQuery = z.object({
  status: z.enum(['open', 'answered']).catch('open'),
  /** The due window of open complaints: past their answer date, or due within five days (or past). */
  due: z.enum(['overdue', 'soon']).optional().catch(undefined),
  nextToken: z.string().min(1).max(2048).optional().catch(undefined),
  format: z.enum(['csv']).optional().catch(undefined),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

/** The day before which an open complaint's answer is due to be in the window asked for. */
export function dueBeforeOf(due: ComplaintListQuery['due'], today: Day): Day | undefined {
  if (due === 'overdue') return today;
  if (due === 'soon') return addDays(today, DUE_SOON_DAYS + 1);
  return undefined;
}

/** The list's address with these filters (and page, or format). */
export function listHref(query: Partial<ComplaintListQuery>): string {
  const search = new URLSearchParams();
  if (query.status !== undefined && query.status !== 'open') search.set('status', query.status);
  if (query.due !== undefined && query.status !== 'answered') search.set('due', query.due);
  if (query.nextToken !== undefined) search.set('nextToken', query.nextToken);
  if (query.format !== undefined) search.set('format', query.format);
  const text = search.toString();
  return text === '' ? '/console/complaints' : `/console/complaints?${text}`;
}

/** The answer date and where it stands: the date, then the days left or overdue in words, coloured. */
export function AnswerClockTag(props: { complaint: StaffComplaint; today: IsoDate }) {
  const { t } = usePage();
  const clock = answerClock(props.complaint, props.today);
  return <strong class={`tag ${clock.tone} nowrap`}>{t(clock.words, { days: clock.days })}</strong>;
}

/** What the table is, and what an empty list says, for each list the filters ask for. */
const LIST_WORDS: Readonly<
  Record<'open' | 'soon' | 'overdue' | 'answered', { caption: MessageKey; none: MessageKey }>
> = {
  open: { caption: 'cCmp.list.caption.open', none: 'cCmp.list.none' },
  soon: { caption: 'cCmp.list.caption.soon', none: 'cCmp.list.noneSoon' },
  overdue: { caption: 'cCmp.list.caption.overdue', none: 'cCmp.list.noneOverdue' },
  answered: { caption: 'cCmp.list.caption.answered', none: 'cCmp.list.noneAnswered' },
};

export function ComplaintList(props: {
  query: ComplaintListQuery;
  items: readonly StaffComplaint[];
  nextToken: string | null;
  today: IsoDate;
}) {
  const { t } = usePage();
  const { query } = props;
  const answered = query.status === 'answered';
  const listed = answered ? 'answered' : (query.due ?? 'open');
  return (
    <>
      <h1>{t('cCmp.list.title')}</h1>
      <p class="lead">{t('cCmp.list.lead')}</p>
      <form method="get" action="/console/complaints" class="filters" aria-label={t('cCmp.filter.label')}>
        <Select
          name="status"
          label={t('cCmp.filter.status')}
          value={query.status}
          choices={[
            { value: 'open', label: t('cCmp.status.open') },
            { value: 'answered', label: t('cCmp.status.answered') },
          ]}
        />
        <Select
          name="due"
          label={t('cCmp.filter.due')}
          hint={t('cCmp.filter.due.hint')}
          value={query.due ?? ''}
          choices={[
            { value: '', label: t('cCmp.filter.due.all') },
            { value: 'soon', label: t('cCmp.filter.due.soon', { days: DUE_SOON_DAYS }) },
            { value: 'overdue', label: t('cCmp.filter.due.overdue') },
          ]}
        />
        <div class="actions">
          <Button variant="secondary">{t('cCmp.filter.apply')}</Button>
        </div>
      </form>
      <p class="actions">
        <a href={listHref({ ...query, nextToken: undefined, format: 'csv' })} download="">
          {t('cCmp.list.csv')}
        </a>
      </p>
      {props.items.length === 0 ? (
        <p>{t(LIST_WORDS[listed].none)}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t(LIST_WORDS[listed].caption)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cCmp.field.subject')}</th>
                <th scope="col">{t('cCmp.field.receivedOn')}</th>
                <th scope="col">{t('cCmp.field.answerDueDate')}</th>
                {answered ? <th scope="col">{t('cCmp.field.answeredOn')}</th> : null}
                <th scope="col">{t('cCmp.field.clock')}</th>
                <th scope="col">{t('cCmp.field.trackingNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((complaint) => (
                <tr key={complaint.id}>
                  <td>
                    <a href={complaintHref(complaint.id)}>{complaint.subject}</a>
                  </td>
                  <td>
                    <DateText date={complaint.receivedOn} />
                  </td>
                  <td>
                    <DateText date={complaint.answerDueDate} />
                  </td>
                  {answered ? (
                    <td>{complaint.answer ? <DateText date={complaint.answer.on} /> : null}</td>
                  ) : null}
                  <td>
                    <AnswerClockTag complaint={complaint} today={props.today} />
                  </td>
                  <td>{complaint.trackingNumber ?? t('cCmp.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        nextHref={props.nextToken === null ? undefined : listHref({ ...query, nextToken: props.nextToken })}
        firstHref={query.nextToken === undefined ? undefined : listHref({ ...query, nextToken: undefined })}
      />
    </>
  );
}

/**
 * The list as spreadsheet rows: what the table shows, with the complaint's number. No complainant's
 * data leaves in a file: the name and contacts stay on the complaint's page.
 */
export function complaintCsvRows(
  items: readonly StaffComplaint[],
  today: IsoDate,
  t: Translate,
): (string | number)[][] {
  return [
    [
      t('cCmp.field.number'),
      t('cCmp.field.status'),
      t('cCmp.field.subject'),
      t('cCmp.field.receivedOn'),
      t('cCmp.field.answerDueDate'),
      t('cCmp.field.clock'),
      t('cCmp.field.answeredOn'),
      t('cCmp.field.upheld'),
      t('cCmp.field.trackingNumber'),
    ],
    ...items.map((complaint) => {
      const clock = answerClock(complaint, today);
      return [
        complaint.id,
        t(complaint.status === 'open' ? 'cCmp.status.open' : 'cCmp.status.answered'),
        complaint.subject,
        complaint.receivedOn,
        complaint.answerDueDate,
        t(clock.words, { days: clock.days }),
        complaint.answer?.on ?? '',
        complaint.answer === null ? '' : t(complaint.answer.upheld ? 'cCmp.upheld.yes' : 'cCmp.upheld.no'),
        complaint.trackingNumber ?? '',
      ];
    }),
  ];
}
