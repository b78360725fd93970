import { chinaDateOf } from '#lib/domain/china-time';
import type { ReadingRoomEntry } from '#lib/domain/submission/publication';
import { listPublishedReports, type PublishedReport } from '#lib/use-cases/annual-reports';
import { publicAgency, readingRoomPage, type PublicAgency } from '#lib/use-cases/reading-room';
import { DateText } from '../../components';
import { usePage } from '../../context';
import type { PageHandler } from '../../page-function';
import type { PortalDeps } from '../../portal-deps';
import { AgencyNav, CACHE, CatalogueLinks, EntryList, Filled, OfficeDetails, paths } from './shared';

/** Latest publications and annual reports the home shows (the rest are a link away). */
const LATEST = 5;

/**
 * The agency's home: who it is and how to reach its disclosure office, what a person can do (read the
 * guide, apply, complain), its catalogue (目录) leading into the reading room, what it published last,
 * and its annual reports.
 */
export function agencyHomePage(deps: PortalDeps): PageHandler<'GET /agencies/{agencyId}'> {
  return async ({ params, now }) => {
    const [agency, latest, reports] = await Promise.all([
      publicAgency(deps.agencies, params.agencyId, chinaDateOf(now)),
      readingRoomPage(deps.readingRoom, params.agencyId, { limit: LATEST }),
      listPublishedReports(deps.reports, params.agencyId),
    ]);
    return {
      kind: 'page',
      title: agency.name,
      crumbs: [{ label: agency.name }],
      cache: CACHE.lists,
      body: <AgencyHome agency={agency} latest={latest.items} reports={reports.items} />,
    };
  };
}

function AgencyHome(props: {
  agency: PublicAgency;
  latest: readonly ReadingRoomEntry[];
  reports: readonly PublishedReport[];
}) {
  const { t } = usePage();
  const { agency } = props;
  const id = agency.agencyId;
  return (
    <>
      <h1>{agency.name}</h1>
      <p class="meta">
        <span class={agency.level === 'government' ? 'tag red' : 'tag'}>
          {t(`home.level.${agency.level}`)}
        </span>
        {agency.parent === null ? null : (
          <>
            {' '}
            {t('reading.home.parent')}
            <a href={paths.agency(agency.parent.agencyId)}>{agency.parent.name}</a>
          </>
        )}
      </p>
      <AgencyNav agencyId={id} current="home" />

      <section aria-labelledby="services">
        <h2 id="services">{t('reading.home.services')}</h2>
        <ul class="columns cards">
          <li>
            <h3>
              <a href={paths.guide(id)}>{t('reading.nav.guide')}</a>
            </h3>
            <p>{t('reading.home.guide.body')}</p>
          </li>
          <li>
            <h3>
              <a href={paths.apply(id)}>{t('reading.home.apply.title')}</a>
            </h3>
            <p>{t('reading.home.apply.body')}</p>
          </li>
          <li>
            <h3>
              <a href={paths.complain(id)}>{t('reading.home.complain.title')}</a>
            </h3>
            <p>{t('reading.home.complain.body')}</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="office">
        <h2 id="office">{t('reading.office.title')}</h2>
        <OfficeDetails office={agency.office} />
      </section>

      <section aria-labelledby="latest">
        <h2 id="latest">{t('reading.home.latest')}</h2>
        {props.latest.length === 0 ? (
          <p>{t('reading.home.latest.none')}</p>
        ) : (
          <>
            <EntryList agencyId={id} catalogue={agency.catalogue} entries={props.latest} />
            <p>
              <a href={paths.publications(id)}>{t('reading.home.latest.all')}</a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="catalogue">
        <h2 id="catalogue">{t('reading.home.catalogue')}</h2>
        <p class="hint">{t('reading.home.catalogue.hint')}</p>
        <CatalogueLinks agencyId={id} catalogue={agency.catalogue} />
      </section>

      <section aria-labelledby="reports">
        <h2 id="reports">{t('reading.home.reports')}</h2>
        {props.reports.length === 0 ? (
          <p>{t('reading.reports.none')}</p>
        ) : (
          <>
            <ReportList agencyId={id} reports={props.reports.slice(0, LATEST)} />
            <p>
              <a href={paths.reports(id)}>{t('reading.home.reports.all')}</a>
            </p>
          </>
        )}
      </section>
    </>
  );
}

/** Published annual reports, latest year first: the year (a link), its edition and when it was published. */
export function ReportList({ agencyId, reports }: { agencyId: string; reports: readonly PublishedReport[] }) {
  const { t } = usePage();
  return (
    <ul class="list">
      {reports.map((report) => (
        <li key={report.year}>
          <a href={paths.report(agencyId, report.year)}>{t('reading.reports.item', { year: report.year })}</a>
          <span class="meta">
            {' '}
            {report.publishedOn === null ? (
              t('reading.reports.meta', { edition: report.edition })
            ) : (
              <Filled
                template={t('reading.reports.metaDated', { edition: report.edition })}
                parts={{ date: <DateText date={report.publishedOn} /> }}
              />
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
