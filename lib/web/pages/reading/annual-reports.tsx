import * as z from 'zod';
import { NotFoundError } from '#lib/domain/errors';
import {
  listPublishedReports,
  readPublished,
  type PublishedReport,
  type ReportDeps,
} from '#lib/use-cases/annual-reports';
import { catalogue, type ReadingRoomDeps } from '#lib/use-cases/proactive';
import { publicCompliance, readPublishedRollUp, type RollUpEditions } from '#lib/use-cases/supervision';
import { yearOf } from '#lib/domain/calendar/civil-date';
import { chinaDateOf } from '#lib/domain/china-time';
import type { PortalDeps } from '../../portal-deps';
import { usePage } from '../../context';
import { PageError, type PageHandler } from '../../page-function';
import { ReportList } from './agency-home';
import { AgencyNav, agencyCrumbs, CACHE, Filled, paths, PrintButton } from './shared';
import { DateText } from '../../components';

const EditionQuery = z.object({ edition: z.coerce.number().int().min(1).max(999).optional() });

/** The agency's published annual reports (Reg. 49–50), latest year first. */
export function annualReportsPage(deps: {
  reports: ReportDeps;
  readingRoom: ReadingRoomDeps;
}): PageHandler<'GET /agencies/{agencyId}/annual-reports'> {
  return async ({ params, t, now }) => {
    const reports = await listPublishedReports(deps.reports, params.agencyId);
    const thisYear = yearOf(chinaDateOf(now));
    const { agency } = reports;
    return {
      kind: 'page',
      title: t('reading.reports.title', { agency: agency.name }),
      crumbs: agencyCrumbs(
        { agencyId: agency.agencyId, name: agency.name },
        { label: t('reading.reports.crumb') },
      ),
      cache: CACHE.settled,
      body: (
        <AnnualReports
          agencyId={agency.agencyId}
          agencyName={agency.name}
          reports={reports.items}
          thisYear={thisYear}
        />
      ),
    };
  };
}

/**
 * A published report in the national format, inside the portal's frame: the very content of the
 * printable page archived with its seal, its editions listed (`?edition=n` reads an earlier one). A year
 * whose report is not published answers a page saying so (404).
 */
export function annualReportPage(deps: {
  reports: ReportDeps;
  readingRoom: ReadingRoomDeps;
}): PageHandler<'GET /agencies/{agencyId}/annual-reports/{year}'> {
  return async ({ params, query, t }) => {
    const asked = EditionQuery.safeParse({ edition: query.edition === '' ? undefined : query.edition });
    if (!asked.success) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
    const agency = await catalogue(deps.readingRoom, params.agencyId);
    const crumbs = agencyCrumbs(
      { agencyId: agency.agencyId, name: agency.name },
      { label: t('reading.reports.crumb'), href: paths.reports(agency.agencyId) },
      { label: t('reading.report.crumb', { year: params.year }) },
    );
    let report: Awaited<ReturnType<typeof readPublished>>;
    try {
      report = await readPublished(deps.reports, params.agencyId, params.year, asked.data.edition);
    } catch (error) {
      if (!(error instanceof NotFoundError) || asked.data.edition !== undefined) throw error;
      return {
        kind: 'page',
        status: 404,
        title: t('reading.report.notPublished.title', { year: params.year }),
        crumbs,
        robots: 'noindex',
        body: <NotPublished agencyId={agency.agencyId} agencyName={agency.name} year={params.year} />,
      };
    }
    return {
      kind: 'page',
      title: t('reading.report.title', { agency: agency.name, year: params.year }),
      crumbs,
      cache: CACHE.settled,
      body: (
        <AnnualReport
          agencyId={agency.agencyId}
          year={params.year}
          body={report.body()}
          edition={report.seal.edition}
          editions={report.editions}
        />
      ),
    };
  };
}

/**
 * A government's published roll-up (汇总) of its agencies' reports, in the national format, with its
 * editions (`?edition=n` reads an earlier one); none published: the not-found page.
 */
export function rollUpPage(deps: {
  rollUps: Pick<RollUpEditions, 'rollUp' | 'rollUpEdition'>;
  readingRoom: ReadingRoomDeps;
}): PageHandler<'GET /agencies/{agencyId}/roll-ups/{year}'> {
  return async ({ params, query, t }) => {
    const asked = EditionQuery.safeParse({ edition: query.edition === '' ? undefined : query.edition });
    if (!asked.success) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
    const agency = await catalogue(deps.readingRoom, params.agencyId);
    const rollUp = await readPublishedRollUp(deps.rollUps, params.agencyId, params.year, asked.data.edition);
    return {
      kind: 'page',
      title: t('reading.rollUp.title', { agency: agency.name, year: params.year }),
      crumbs: agencyCrumbs(
        { agencyId: agency.agencyId, name: agency.name },
        { label: t('reading.reports.crumb'), href: paths.reports(agency.agencyId) },
        { label: t('reading.rollUp.crumb', { year: params.year }) },
      ),
      cache: CACHE.settled,
      body: (
        <AnnualReport
          agencyId={agency.agencyId}
          year={params.year}
          hrefOf={(edition) => paths.rollUp(agency.agencyId, params.year, edition)}
          body={rollUp.body()}
          edition={rollUp.seal.edition}
          editions={rollUp.editions}
        />
      ),
    };
  };
}

function AnnualReports(props: {
  agencyId: string;
  agencyName: string;
  reports: readonly PublishedReport[];
  thisYear: number;
}) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('reading.reports.title', { agency: props.agencyName })}</h1>
      <AgencyNav agencyId={props.agencyId} current="reports" />
      <p class="lead">{t('reading.reports.lead')}</p>
      {props.reports.length === 0 ? (
        <p>{t('reading.reports.none')}</p>
      ) : (
        <ReportList agencyId={props.agencyId} reports={props.reports} />
      )}
      <ul>
        {[props.thisYear, props.thisYear - 1].map((year) => (
          <li key={year}>
            <a href={`/agencies/${encodeURIComponent(props.agencyId)}/compliance/${year}`}>
              {t('reading.compliance.link', { year })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function AnnualReport(props: {
  agencyId: string;
  year: number;
  /** Where an edition is read (the report's page, or the roll-up's). */
  hrefOf?: (edition: number | undefined) => string;
  body: string;
  edition: number;
  editions: readonly { edition: number; publishedAt: string }[];
}) {
  const { t } = usePage();
  const latest = props.editions.at(-1)?.edition ?? props.edition;
  return (
    <>
      <AgencyNav agencyId={props.agencyId} current="reports" />
      {props.edition === latest ? null : (
        <p class="notice warning">{t('reading.report.older', { edition: props.edition, latest })}</p>
      )}
      <PrintButton />
      {/*
        The report's own HTML (lib/domain/annual-report-html.ts): built by our code from the sealed content,
        every value escaped there — the page archived with the seal, shown as it is.
      */}
      <div class="report-frame" dangerouslySetInnerHTML={{ __html: props.body }} />
      {props.editions.length > 1 ? (
        <section aria-labelledby="editions" class="no-print">
          <h2 id="editions">{t('reading.report.editions')}</h2>
          <p class="hint">{t('reading.report.editions.hint')}</p>
          <ol reversed>
            {[...props.editions].reverse().map((edition) => {
              const label = (
                <Filled
                  template={t('reading.report.edition', { edition: edition.edition })}
                  parts={{ date: <DateText date={edition.publishedAt.slice(0, 10)} /> }}
                />
              );
              return (
                <li key={edition.edition}>
                  {edition.edition === props.edition ? (
                    <span aria-current="page">{label}</span>
                  ) : (
                    <a
                      href={(props.hrefOf ?? ((at) => paths.report(props.agencyId, props.year, at)))(
                        edition.edition === latest ? undefined : edition.edition,
                      )}
                    >
                      {label}
                    </a>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </>
  );
}

function NotPublished(props: { agencyId: string; agencyName: string; year: number }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('reading.report.notPublished.title', { year: props.year })}</h1>
      <p>{t('reading.report.notPublished.body', { agency: props.agencyName, year: props.year })}</p>
      <p>
        <a href={paths.reports(props.agencyId)}>{t('reading.report.notPublished.link')}</a>
      </p>
    </>
  );
}

/**
 * The public part of compliance over a government's tree for a year (what the agencies publish anyway):
 * applications received and answered, proactive items published, and whether each has published its
 * annual report for the year, linked. A year not begun: the not-found page.
 */
export function publicCompliancePage(deps: {
  tree: PortalDeps['tree'];
  reports: ReportDeps;
  readingRoom: ReadingRoomDeps;
}): PageHandler<'GET /agencies/{agencyId}/compliance/{year}'> {
  return async ({ params, t, now }) => {
    const agency = await catalogue(deps.readingRoom, params.agencyId);
    let found: Awaited<ReturnType<typeof publicCompliance>>;
    try {
      found = await publicCompliance(deps.tree, params.agencyId, params.year, chinaDateOf(now));
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
      throw error;
    }
    return {
      kind: 'page',
      title: t('reading.compliance.title', { agency: agency.name, year: params.year }),
      crumbs: agencyCrumbs(
        { agencyId: agency.agencyId, name: agency.name },
        { label: t('reading.compliance.crumb', { year: params.year }) },
      ),
      cache: CACHE.lists,
      body: <PublicCompliance agencyId={agency.agencyId} agencyName={agency.name} compliance={found} />,
    };
  };
}

function PublicCompliance(props: {
  agencyId: string;
  agencyName: string;
  compliance: Awaited<ReturnType<typeof publicCompliance>>;
}) {
  const { t } = usePage();
  const { compliance } = props;
  return (
    <>
      <h1>{t('reading.compliance.title', { agency: props.agencyName, year: compliance.year })}</h1>
      <AgencyNav agencyId={props.agencyId} current="reports" />
      <p class="lead">{t('reading.compliance.lead')}</p>
      <div class="table-wrap">
        <table>
          <caption>
            {t('reading.compliance.caption', {
              from: compliance.from,
              to: compliance.to,
              count: compliance.rows.length,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('reading.compliance.agency')}</th>
              <th scope="col">{t('reading.compliance.received')}</th>
              <th scope="col">{t('reading.compliance.decided')}</th>
              <th scope="col">{t('reading.compliance.published')}</th>
              <th scope="col">{t('reading.compliance.report')}</th>
            </tr>
          </thead>
          <tbody>
            {compliance.rows.map((row) => (
              <tr key={row.agencyId}>
                <th scope="row">
                  <a href={`/agencies/${encodeURIComponent(row.agencyId)}`}>{row.agencyName}</a>
                </th>
                <td>{row.received}</td>
                <td>{row.decided}</td>
                <td>{row.published}</td>
                <td>
                  {row.reportEdition === null ? (
                    t('reading.compliance.notPublished')
                  ) : (
                    <a href={paths.report(row.agencyId, compliance.year)}>{t('reading.compliance.read')}</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
