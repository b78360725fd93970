import { z } from 'zod';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { Button, Checkbox, DateText, Pagination, Select } from '../../components';
import { usePage } from '../../context';
import type { Translate } from '../../messages/catalogue';
import { answerClock, complaintHref, type StaffComplaint } from './words';

/** The list's filters, as its GET form sends them (anything else: the defaults). */
export const ComplaintListQuery = z.object({
  status: z.enum(['open', 'answered']).catch('open'),
  overdue: z.enum(['yes']).optional().catch(undefined),
  nextToken: z.string().min(1).max(2048).optional().catch(undefined),
  format: z.enum(['csv']).optional().catch(undefined),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

/** The list's address with these filters (and page, or format). */
export function listHref(query: Partial<ComplaintListQuery>): string {
  const search = new URLSearchParams();
  if (query.status !== undefined && query.status !== 'open') search.set('status', query.status);
  if (query.overdue !== undefined && query.status !== 'answered') search.set('overdue', query.overdue);
  if (query.nextToken !== undefined) search.set('nextToken', query.nextToken);
  if (query.format !== undefined) search.set('format', query.format);
  const text = search.toString();
  return text === '' ? '/console/complaints' : `/console/complaints?${text}`;
}

/** The answer date and where it stands: the date, then the days left or overdue in words, coloured. */
export function AnswerClockTag(props: { complaint: StaffComplaint; today: IsoDate }) {
  const { t } = usePage();
  const clock = answerClock(props.complaint, props.today);
  return <strong class={`tag ${clock.tone}`}>{t(clock.words, { days: clock.days })}</strong>;
}

export function ComplaintList(props: {
  query: ComplaintListQuery;
  items: readonly StaffComplaint[];
  nextToken: string | null;
  today: IsoDate;
}) {
  const { t } = usePage();
  const { query } = props;
  const answered = query.status === 'answered';
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
        <Checkbox
          name="overdue"
          value="yes"
          label={t('cCmp.filter.overdue')}
          hint={t('cCmp.filter.overdue.hint')}
          checked={query.overdue === 'yes'}
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
        <p>
          {t(
            answered ? 'cCmp.list.noneAnswered' : query.overdue ? 'cCmp.list.noneOverdue' : 'cCmp.list.none',
          )}
        </p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {t(
                answered
                  ? 'cCmp.list.caption.answered'
                  : query.overdue
                    ? 'cCmp.list.caption.overdue'
                    : 'cCmp.list.caption.open',
              )}
            </caption>
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
