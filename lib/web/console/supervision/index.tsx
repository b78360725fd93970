import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { supervisionRoutes } from '#lib/api/console-routes/supervision';
import { FUJIAN_TABLE } from '#lib/domain/assessment-tables';
import { yearOf } from '#lib/domain/calendar/civil-date';
import { chinaDateOf } from '#lib/domain/china-time';
import type { Principal } from '#lib/domain/staff';
import { assessTree, complianceOverTree, publishRollUp, rollUpReports } from '#lib/use-cases/supervision';
import { annualReportBody } from '#lib/domain/annual-report-html';
import { reportYearHasEnded } from '#lib/domain/annual-report';
import { RuleViolationError, VersionConflictError } from '#lib/domain/errors';
import { rollUpContent } from '#lib/domain/roll-up';
import { PageError, type PageAnswer, type PageHandler, type PageRequest } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { mayCall, mayOpen } from '../may';
import { AssessmentPage, AssessmentPageQuery, offeredYears } from './assessment.tsx';
import { CompliancePage, CompliancePageQuery, complianceCsvRows, pagePeriodOf } from './compliance.tsx';
import { RollUpPage, RollUpPageQuery, rollUpHref } from './roll-up.tsx';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof supervisionRoutes)[number]['method']} ${(typeof supervisionRoutes)[number]['path']}`
>;

/** Supervision is the section's roles' (the use cases check the same roles again, and the tree). */
function supervisorOf(principal: Principal): Principal {
  if (!mayOpen(principal.roles, '/console/supervision'))
    throw new PageError(403, 'cSup.forbidden.title', 'cSup.forbidden.body');
  return principal;
}

/** The year a page asked for: last year's by default (the year reported on), never one not begun. */
function yearAsked(asked: number | undefined, now: Date): number {
  const thisYear = yearOf(chinaDateOf(now));
  return asked === undefined || asked > thisYear ? thisYear - 1 : asked;
}

/** The console's supervision pages: over the signed-in person's agency and every agency under it. */
export function supervisionPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  /** The roll-up page of `year`, as it stands now. */
  const rollUpPage = async (
    request:
      PageRequest<'GET /console/supervision/roll-up'> | PageRequest<'POST /console/supervision/roll-up'>,
    year: number,
    notice: { done?: number; conflict?: boolean } = {},
  ): Promise<PageAnswer> => {
    const { session, t, now } = request;
    const principal = supervisorOf(session.principal);
    const thisYear = yearOf(chinaDateOf(now));
    const [summed, published] = await Promise.all([
      rollUpReports(deps.supervision, principal, principal.agencyId, year),
      deps.supervision.editions.rollUp(principal.agencyId, year),
    ]);
    const government = summed.agencies[0]?.agencyName ?? principal.agencyId;
    const years = offeredYears(year, thisYear);
    return {
      kind: 'page',
      status: notice.conflict === true ? 409 : 200,
      title: t('cSup.ru.title', { year }),
      crumbs: [
        { label: t('cSup.title'), href: '/console/supervision' },
        { label: t('cSup.ru.title', { year }) },
      ],
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <RollUpPage
          agencyId={principal.agencyId}
          year={year}
          years={years}
          agencies={summed.agencies}
          unpublished={summed.unpublished}
          editions={published?.seals ?? []}
          version={published?.version ?? 0}
          body={annualReportBody(
            rollUpContent(summed, { agencyId: principal.agencyId, name: government }),
            null,
          )}
          may={{
            publish: mayCall(principal.roles, 'POST /v1/agencies/{agencyId}/roll-ups/{year}/publication'),
            yearEnded: reportYearHasEnded(year, chinaDateOf(now)),
          }}
          done={notice.done}
          conflict={notice.conflict}
        />
      ),
    };
  };

  return {
    'GET /console/supervision/roll-up': async (request) => {
      const query = RollUpPageQuery.parse(request.query);
      return rollUpPage(request, yearAsked(query.year, request.now), { done: query.done });
    },
    'POST /console/supervision/roll-up': async (request) => {
      const { session, form, now } = request;
      const principal = supervisorOf(session.principal);
      const year = yearAsked(RollUpPageQuery.parse({ year: form.get('year') }).year, now);
      const version = Number(form.get('version'));
      if (!mayCall(principal.roles, 'POST /v1/agencies/{agencyId}/roll-ups/{year}/publication'))
        throw new PageError(403, 'cSup.forbidden.title', 'cSup.forbidden.body');
      try {
        const published = await publishRollUp(
          deps.supervision,
          principal,
          principal.agencyId,
          year,
          { version: Number.isInteger(version) && version >= 0 ? version : -1 },
          now,
        );
        return { kind: 'redirect', location: rollUpHref(year, published.seal.edition) };
      } catch (error) {
        if (error instanceof VersionConflictError) return rollUpPage(request, year, { conflict: true });
        if (error instanceof RuleViolationError) return rollUpPage(request, year);
        throw error;
      }
    },
    'GET /console/supervision': async ({ session, query, t, now }) => {
      const principal = supervisorOf(session.principal);
      const filters = CompliancePageQuery.parse(query);
      const today = chinaDateOf(now);
      const { errors, ...period } = pagePeriodOf(filters, today, t);
      const agency = await deps.agencies.get(principal.agencyId);
      const result =
        errors.length > 0
          ? null
          : await complianceOverTree(
              deps.supervision,
              principal,
              principal.agencyId,
              { ...period, sort: filters.sort, order: filters.order },
              today,
            );
      if (filters.format === 'csv' && result !== null)
        return {
          kind: 'download',
          filename: `${t('cSup.csv.filename')}-${period.from}-${period.to}.csv`,
          contentType: CSV_CONTENT_TYPE,
          body: toCsv(complianceCsvRows(result.rows, t)),
        };
      return {
        kind: 'page',
        status: errors.length > 0 ? 422 : 200,
        title: t('cSup.title'),
        cache: { kind: 'no-store' },
        robots: 'noindex',
        body: (
          <CompliancePage
            query={filters}
            period={period}
            errors={errors}
            agencyName={agency?.name ?? principal.agencyId}
            result={result}
          />
        ),
      };
    },
    'GET /console/supervision/assessment': async ({ session, query, t, now }) => {
      const principal = supervisorOf(session.principal);
      const thisYear = yearOf(chinaDateOf(now));
      const year = yearAsked(AssessmentPageQuery.parse(query).year, now);
      const assessed = await assessTree(deps.supervision, principal, principal.agencyId, year, FUJIAN_TABLE);
      const years = offeredYears(year, thisYear);
      return {
        kind: 'page',
        title: t('cSup.as.title', { year }),
        crumbs: [
          { label: t('cSup.title'), href: '/console/supervision' },
          { label: t('cSup.as.title', { year }) },
        ],
        cache: { kind: 'no-store' },
        robots: 'noindex',
        body: (
          <AssessmentPage year={year} years={years} table={assessed.table} agencies={assessed.agencies} />
        ),
      };
    },
  };
}
