import { chinaYearOf } from '#lib/domain/china-time';
import { ValidationError } from '#lib/domain/errors';
import type { CatalogueEntry } from '#lib/domain/submission/catalogue';
import { PublicationQuery, type ReadingRoomEntry } from '#lib/domain/submission/publication';
import { catalogue, type ReadingRoomDeps } from '#lib/use-cases/proactive';
import { readingRoomPage } from '#lib/use-cases/reading-room';
import { Button, Pagination, Select } from '../../components';
import { usePage } from '../../context';
import { PageError, type PageHandler } from '../../page-function';
import { AgencyNav, agencyCrumbs, CACHE, EntryList, paths } from './shared';

/** Entries per page of the reading room. */
const PAGE_SIZE = 20;
/** The first year the reading room offers: the Regulations took effect on 2008-05-01. */
const FIRST_YEAR = 2008;

/** What the reader asked for, as the page's own links carry it (the next page's token is `after`). */
type Filters = { category?: string; year?: number; q?: string };

/**
 * The reading room (主动公开): the agency's publications, newest first, by category and year, or searched
 * by title and document number; a page at a time by key, the next page's token bound to its query.
 * Wrong filters or a token from another query answer a page saying so (400), never an empty list.
 */
export function publicationsPage(deps: {
  readingRoom: ReadingRoomDeps;
}): PageHandler<'GET /agencies/{agencyId}/publications'> {
  return async ({ params, query, now, t }) => {
    const parsed = PublicationQuery.safeParse({
      category: blankAsMissing(query.category),
      year: blankAsMissing(query.year),
      q: query.q,
      nextToken: blankAsMissing(query.after),
      limit: PAGE_SIZE,
    });
    if (!parsed.success) throw badQuery();
    const asked = parsed.data;
    const [agency, page] = await Promise.all([
      catalogue(deps.readingRoom, params.agencyId),
      readingRoomPage(deps.readingRoom, params.agencyId, asked).catch((error: unknown) => {
        throw error instanceof ValidationError ? badQuery() : error;
      }),
    ]);
    if (asked.category !== undefined && !agency.entries.some((entry) => entry.code === asked.category))
      throw badQuery();
    const filters: Filters = {
      ...(asked.category === undefined ? {} : { category: asked.category }),
      ...(asked.year === undefined ? {} : { year: asked.year }),
      ...(asked.q === undefined ? {} : { q: asked.q }),
    };
    const id = params.agencyId;
    return {
      kind: 'page',
      title: t('reading.room.title', { agency: agency.name }),
      crumbs: agencyCrumbs({ agencyId: id, name: agency.name }, { label: t('reading.room.crumb') }),
      cache: CACHE.lists,
      body: (
        <ReadingRoom
          agencyId={id}
          agencyName={agency.name}
          catalogue={agency.entries}
          filters={filters}
          years={yearsUpTo(chinaYearOf(now))}
          items={page.items}
          partial={asked.q !== undefined && page.items.length < PAGE_SIZE && page.nextToken !== null}
          nextHref={
            page.nextToken === null
              ? undefined
              : paths.publications(id, { ...filters, after: page.nextToken })
          }
          firstHref={asked.nextToken === undefined ? undefined : paths.publications(id, filters)}
        />
      ),
    };
  };
}

const blankAsMissing = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value;
const badQuery = () => new PageError(400, 'common.badRequest.title', 'reading.room.badQuery.body');
const yearsUpTo = (last: number): number[] =>
  Array.from({ length: Math.max(1, last - FIRST_YEAR + 1) }, (_, index) => last - index);

function ReadingRoom(props: {
  agencyId: string;
  agencyName: string;
  catalogue: readonly CatalogueEntry[];
  filters: Filters;
  years: readonly number[];
  items: readonly ReadingRoomEntry[];
  partial: boolean;
  nextHref: string | undefined;
  firstHref: string | undefined;
}) {
  const { t } = usePage();
  const { filters } = props;
  const filtered = filters.category !== undefined || filters.year !== undefined || filters.q !== undefined;
  return (
    <>
      <h1>{t('reading.room.title', { agency: props.agencyName })}</h1>
      <AgencyNav agencyId={props.agencyId} current="publications" />
      <p class="lead">{t('reading.room.lead')}</p>
      <form
        method="get"
        action={paths.publications(props.agencyId)}
        class="filters"
        role="search"
        aria-label={t('reading.room.form')}
      >
        <div class="field">
          <label for="f-q">{t('reading.room.q.label')}</label>
          <p class="hint" id="f-q-hint">
            {t('reading.room.q.hint')}
          </p>
          <input
            type="search"
            id="f-q"
            name="q"
            value={filters.q ?? ''}
            maxLength={100}
            aria-describedby="f-q-hint"
          />
        </div>
        <Select
          name="category"
          label={t('reading.room.category.label')}
          value={filters.category ?? ''}
          choices={[
            { value: '', label: t('reading.room.category.all') },
            ...props.catalogue.map((entry) => ({ value: entry.code, label: entry.name })),
          ]}
        />
        <Select
          name="year"
          label={t('reading.room.year.label')}
          value={filters.year === undefined ? '' : String(filters.year)}
          choices={[
            { value: '', label: t('reading.room.year.all') },
            ...props.years.map((year) => ({
              value: String(year),
              label: t('reading.room.year.option', { year }),
            })),
          ]}
        />
        <div class="actions">
          <Button>{t('reading.room.submit')}</Button>
          {filtered ? <a href={paths.publications(props.agencyId)}>{t('reading.room.clear')}</a> : null}
        </div>
      </form>

      <section aria-labelledby="results">
        <h2 id="results">{t('reading.room.results')}</h2>
        <p class="muted" role="status">
          {props.items.length === 0 && !props.partial
            ? t('reading.room.none')
            : t('reading.room.count', { count: props.items.length })}
        </p>
        {props.items.length === 0 ? null : (
          <EntryList agencyId={props.agencyId} catalogue={props.catalogue} entries={props.items} />
        )}
        {props.partial ? <p class="notice">{t('reading.room.partial')}</p> : null}
        <Pagination nextHref={props.nextHref} firstHref={props.firstHref} />
      </section>
    </>
  );
}
