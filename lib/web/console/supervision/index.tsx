import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { supervisionRoutes } from '#lib/api/console-routes/supervision';
import { FUJIAN_TABLE } from '#lib/domain/assessment-tables';
import { yearOf } from '#lib/domain/calendar/civil-date';
import { chinaDateOf } from '#lib/domain/china-time';
import type { Principal } from '#lib/domain/staff';
import { assessTree, complianceOverTree } from '#lib/use-cases/supervision';
import { PageError, type PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { mayOpen } from '../may';
import { AssessmentPage, AssessmentPageQuery, FIRST_ASSESSED_YEAR } from './assessment.tsx';
import { CompliancePage, CompliancePageQuery, complianceCsvRows, periodOf } from './compliance.tsx';

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

/** The console's supervision pages: over the signed-in person's agency and every agency under it. */
export function supervisionPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {
    'GET /console/supervision': async ({ session, query, t, now }) => {
      const principal = supervisorOf(session.principal);
      const filters = CompliancePageQuery.parse(query);
      const today = chinaDateOf(now);
      const { errors, ...period } = periodOf(filters, today, t);
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
      const asked = AssessmentPageQuery.parse(query).year;
      // Last year's by default (the year an assessment is made for); never a year not begun.
      const year = asked === undefined || asked > thisYear ? thisYear - 1 : asked;
      const assessed = await assessTree(deps.supervision, principal, principal.agencyId, year, FUJIAN_TABLE);
      const years: number[] = [];
      for (let offered = thisYear; offered >= Math.min(year, FIRST_ASSESSED_YEAR); offered -= 1)
        years.push(offered);
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
