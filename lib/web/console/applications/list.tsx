import * as z from 'zod';
import { ApplicationStatus } from '#lib/domain/application/application';
import { StaffId } from '#lib/domain/staff';
import { DUE_WINDOWS, type QueueQuery } from '#lib/use-cases/applications/queue';
import type { applicationQueue } from '#lib/use-cases/applications/queue';
import { Button, DateText, Notice, Pagination, Select, TextField } from '../../components';
import { usePage } from '../../context';
import type { Translate } from '../../messages/catalogue';
import { daysLeftText, STAFF_STATUS_WORDS } from './wording';

/**
 * The agency's applications: a GET form of filters (state, due window, handler), the list paged by key,
 * each row with its days left in words and colour, and the same list as CSV.
 */
export const STATES = ['open', 'closed', ...ApplicationStatus.options] as const;

/** The list's query as the filters' form sends it; anything else reads as the default. */
export const ListQuery = z.object({
  status: z.enum(STATES).catch('open'),
  due: z.enum(DUE_WINDOWS).catch('all'),
  within: z.coerce.number().int().min(1).max(60).catch(5),
  handler: StaffId.optional().catch(undefined),
  next: z.string().min(1).max(2000).optional().catch(undefined),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const PAGE_SIZE = 25;

export const queueQueryOf = (query: ListQuery, limit: number): QueueQuery => ({
  status: query.status,
  due: query.due,
  withinWorkingDays: query.within,
  handler: query.handler,
  limit,
  nextToken: query.next,
});

/** The filters as a query string (without the page), for the CSV link and paging. */
export function filtersQuery(query: ListQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    status: query.status,
    due: query.due,
    within: String(query.within),
    ...(query.handler === undefined ? {} : { handler: query.handler }),
    ...extra,
  });
  return params.toString();
}

type Queue = Awaited<ReturnType<typeof applicationQueue>>;
type Handler = { staffId: string; name: string };

export const stateText = (t: Translate, state: ListQuery['status']): string =>
  state === 'open'
    ? t('cApps.state.open')
    : state === 'closed'
      ? t('cApps.state.closed')
      : t(STAFF_STATUS_WORDS[state]);

export function ListPage(props: {
  query: ListQuery;
  queue: Queue;
  handlers: readonly Handler[];
  mayRegister: boolean;
}) {
  const { t } = usePage();
  const { query, queue } = props;
  const filters = filtersQuery(query);
  return (
    <>
      <h1>{t('cApps.list.title')}</h1>
      {props.mayRegister ? (
        <p>
          <a class="button" href="/console/applications/new">
            {t('cApps.list.register')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/console/applications" class="filters" aria-label={t('cApps.list.filters')}>
        <Select
          name="status"
          label={t('cApps.list.status')}
          value={query.status}
          choices={STATES.map((state) => ({ value: state, label: stateText(t, state) }))}
        />
        <Select
          name="due"
          label={t('cApps.list.due')}
          hint={t('cApps.list.due.hint')}
          value={query.due}
          choices={DUE_WINDOWS.map((window) => ({ value: window, label: t(`cApps.list.due.${window}`) }))}
        />
        <TextField
          name="within"
          label={t('cApps.list.within')}
          value={String(query.within)}
          short
          inputMode="numeric"
          maxLength={2}
          optional
        />
        <Select
          name="handler"
          label={t('cApps.list.handler')}
          value={query.handler ?? ''}
          choices={[
            { value: '', label: t('cApps.list.handler.any') },
            ...props.handlers.map((handler) => ({ value: handler.staffId, label: handler.name })),
          ]}
        />
        <div class="actions">
          <Button>{t('cApps.list.apply')}</Button>
        </div>
      </form>
      <p>
        <a href={`/console/applications/export.csv?${filters}`} download="applications.csv">
          {t('cApps.list.export')}
        </a>
      </p>
      {queue.items.length === 0 ? (
        <Notice>{t(query.next === undefined ? 'cApps.list.none' : 'cApps.list.noneOnPage')}</Notice>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="applications-caption">
          <table>
            <caption id="applications-caption">
              {t('cApps.list.caption', { state: stateText(t, query.status) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cApps.col.trackingNumber')}</th>
                <th scope="col">{t('cApps.col.receivedOn')}</th>
                <th scope="col">{t('cApps.col.applicant')}</th>
                <th scope="col">{t('cApps.col.subject')}</th>
                <th scope="col">{t('cApps.col.state')}</th>
                <th scope="col">{t('cApps.col.dueDate')}</th>
                <th scope="col">{t('cApps.col.daysLeft')}</th>
                <th scope="col">{t('cApps.col.handler')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => {
                const left = daysLeftText(t, item.workingDaysLeft, item.status);
                return (
                  <tr key={item.trackingNumber}>
                    <td>
                      <a href={`/console/applications/${item.trackingNumber}`}>{item.trackingNumber}</a>
                    </td>
                    <td>{item.receivedOn ? <DateText date={item.receivedOn} /> : t('cApps.none')}</td>
                    <td>{item.applicant.name}</td>
                    <td>{subjectOf(item.request.description)}</td>
                    <td>{t(STAFF_STATUS_WORDS[item.status])}</td>
                    <td>{item.dueDate ? <DateText date={item.dueDate} /> : t('cApps.none')}</td>
                    <td>
                      <span class={left.tone === null ? 'tag' : `tag ${left.tone}`}>{left.text}</span>
                    </td>
                    <td>{item.assignee?.name ?? t('cApps.unassigned')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        nextHref={
          queue.nextToken === null
            ? undefined
            : `/console/applications?${filtersQuery(query, { next: queue.nextToken })}`
        }
        firstHref={query.next === undefined ? undefined : `/console/applications?${filters}`}
      />
    </>
  );
}

/** The request, cut short for a row. */
export const subjectOf = (description: string): string =>
  description.length > 60 ? `${description.slice(0, 60)}…` : description;

/** The CSV's rows: a header, then one row per application (the applicant by name only, as listings do). */
export function csvRows(t: Translate, items: Queue['items']): string[][] {
  return [
    [
      t('cApps.col.trackingNumber'),
      t('cApps.col.receivedOn'),
      t('cApps.col.applicant'),
      t('cApps.col.subject'),
      t('cApps.col.state'),
      t('cApps.col.dueDate'),
      t('cApps.col.daysLeft'),
      t('cApps.col.handler'),
    ],
    ...items.map((item) => [
      item.trackingNumber,
      item.receivedOn ?? '',
      item.applicant.name,
      item.request.description,
      t(STAFF_STATUS_WORDS[item.status]),
      item.dueDate ?? '',
      daysLeftText(t, item.workingDaysLeft, item.status).text,
      item.assignee?.name ?? '',
    ]),
  ];
}
