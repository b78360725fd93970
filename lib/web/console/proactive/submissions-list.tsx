import { catalogueOf, reviewChainOf } from '#lib/domain/agency';
import { chinaDateOf } from '#lib/domain/china-time';
import { SubmissionStatus } from '#lib/domain/submission/submission';
import { listSubmissions, type ProactiveDeps } from '#lib/use-cases/proactive';
import { submissionsAtStep } from '#lib/use-cases/proactive-reads';
import { Button, Pagination, Select } from '../../components';
import { usePage } from '../../context';
import type { Translate } from '../../messages/catalogue';
import type { PageHandler } from '../../page-function';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { exportAll, pageAfter } from './listing';
import {
  AreaNav,
  categoryName,
  consolePageAnswer,
  DueDate,
  mayTake,
  notFound,
  paths,
  StatusTag,
} from './shared';

type Listed = Awaited<ReturnType<typeof listSubmissions>>['items'][number];

/** The states an item is listed by, and each step of the agency's chain (items in review wait at one). */
const LISTED_STATES = SubmissionStatus.options.filter((state) => state !== 'in_review');
const STEP_PREFIX = 'review-';

/**
 * The agency's drafts and submissions (稿件): by state, or by the review step they wait at; a page at a
 * time by key; the whole filtered list as CSV.
 */
export function submissionsList(deps: ProactiveDeps): PageHandler<'GET /console/submissions'> {
  return async ({ session, query, t, now }) => {
    const { agencyId } = session.principal;
    const agency = await deps.agencies.get(agencyId);
    if (agency === undefined) throw notFound();
    const chain = reviewChainOf(agency);
    const state = query.state === undefined || query.state === '' ? 'draft' : query.state;
    const step = state.startsWith(STEP_PREFIX) ? state.slice(STEP_PREFIX.length) : undefined;
    if (
      step === undefined ? !LISTED_STATES.some((known) => known === state) : !chain.some((s) => s.id === step)
    )
      throw notFound();
    const read = (page: { limit: number; nextToken?: string | undefined }) =>
      step === undefined
        ? listSubmissions(deps, agencyId, { status: state, ...page })
        : submissionsAtStep(deps, agencyId, step, page);
    const catalogue = catalogueOf(agency);
    if (query.format === 'csv') {
      const items = await exportAll(read);
      return {
        kind: 'download',
        filename: `${t('cPro.csv.submissions')}-${state}.csv`,
        contentType: CSV_CONTENT_TYPE,
        body: toCsv([
          CSV_HEADINGS.map((key) => t(key)),
          ...items.map((item) => csvRow(t, item, categoryName(catalogue, item.content.category))),
        ]),
      };
    }
    const page = await read(pageAfter(query.after));
    const choices = [
      ...LISTED_STATES.slice(0, 2).map((value) => ({ value, label: t(`cPro.status.${value}`) })),
      ...chain.map((s) => ({
        value: `${STEP_PREFIX}${s.id}`,
        label: t('cPro.status.in_review.at', { step: s.label }),
      })),
      ...LISTED_STATES.slice(2).map((value) => ({ value, label: t(`cPro.status.${value}`) })),
    ];
    const title = t('cPro.submissions.title');
    return consolePageAnswer({
      title,
      crumbs: [{ label: t('console.nav.proactive') }],
      body: (
        <>
          <h1>{title}</h1>
          <AreaNav current="submissions" />
          {mayTake(session.principal, 'register') ? (
            <p>
              <a class="button" href={paths.newSubmission}>
                {t('cPro.submissions.new')}
              </a>
            </p>
          ) : null}
          <form
            method="get"
            action="/console/submissions"
            class="filters"
            aria-label={t('cPro.filter.label')}
          >
            <Select name="state" label={t('cPro.filter.state')} value={state} choices={choices} />
            <div class="actions">
              <Button variant="secondary">{t('cPro.filter.submit')}</Button>
            </div>
          </form>
          <SubmissionTable items={page.items} catalogue={catalogue} today={chinaDateOf(now)} />
          <Pagination
            nextHref={page.nextToken ? paths.submissions({ state, after: page.nextToken }) : undefined}
            firstHref={query.after ? paths.submissions({ state }) : undefined}
          />
          <p>
            <a href={paths.submissions({ state, format: 'csv' })} download>
              {t('cPro.csv.export')}
            </a>
          </p>
        </>
      ),
    });
  };
}

const CSV_HEADINGS = [
  'cPro.field.title',
  'cPro.field.documentNumber',
  'cPro.field.category',
  'cPro.field.attribute',
  'cPro.field.audience',
  'cPro.list.state',
  'cPro.field.formedOn',
  'cPro.publicationDue',
  'cPro.list.submittedBy',
  'cPro.list.createdAt',
] as const;

function csvRow(t: Translate, item: Listed, category: string): (string | null)[] {
  return [
    item.content.title,
    item.content.documentNumber ?? null,
    category,
    t(`cPro.attribute.${item.content.attribute}`),
    t(`cPro.audience.${item.content.audience}`),
    item.status === 'in_review'
      ? t('cPro.status.in_review.at', { step: item.currentStepLabel ?? '' })
      : t(`cPro.status.${item.status}`),
    item.content.formedOn,
    item.publicationDueDate,
    item.submittedBy.name ?? item.submittedBy.staffId,
    item.createdAt,
  ];
}

function SubmissionTable({
  items,
  catalogue,
  today,
}: {
  items: readonly Listed[];
  catalogue: Parameters<typeof categoryName>[0];
  today: string;
}) {
  const { t } = usePage();
  if (items.length === 0) return <p class="muted">{t('cPro.list.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('cPro.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cPro.field.title')}</th>
            <th scope="col">{t('cPro.field.documentNumber')}</th>
            <th scope="col">{t('cPro.field.category')}</th>
            <th scope="col">{t('cPro.list.state')}</th>
            <th scope="col">{t('cPro.publicationDue')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <a href={paths.submission(item.id)}>{item.content.title}</a>
              </td>
              <td>{item.content.documentNumber ?? '—'}</td>
              <td>{categoryName(catalogue, item.content.category)}</td>
              <td>
                <StatusTag submission={item} />
              </td>
              <td>
                <DueDate submission={item} today={today} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
