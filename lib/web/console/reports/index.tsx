import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { reportsRoutes } from '#lib/api/console-routes/reports';
import { annualReportBody } from '#lib/domain/annual-report-html';
import { reportYearHasEnded } from '#lib/domain/annual-report';
import { yearOf } from '#lib/domain/calendar/civil-date';
import { chinaDateOf } from '#lib/domain/china-time';
import { NotFoundError, RuleViolationError, VersionConflictError, WrongStateError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { annualReportCutoff } from '#lib/domain/sweep';
import {
  draftReport,
  editNarrative,
  getDraft,
  getFigures,
  publish,
  reportYears,
  setFigures,
} from '#lib/use-cases/annual-reports';
import type { FormValues } from '../../components';
import { PageError, type PageAnswer, type PageHandler, type PageRequest } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { heldValues } from '../held';
import { mayCall } from '../may';
import { forbidden, readerOf, ROUTES } from './access';
import { challengePages } from './challenge-pages.tsx';
import { readFigures, readNarrative } from './forms';
import { PreviewPage, PublicationPage } from './publication';
import {
  figuresAction,
  narrativeAction,
  ReportPage,
  type DraftView,
  type FormState,
  type ReportPowers,
} from './report';
import { reportHref } from './words';
import { ReportYears } from './years';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof reportsRoutes)[number]['method']} ${(typeof reportsRoutes)[number]['path']}`
>;

const powersOf = (principal: Principal): ReportPowers => ({
  figures: mayCall(principal.roles, ROUTES.figures),
  draft: mayCall(principal.roles, ROUTES.draft),
  narrative: mayCall(principal.roles, ROUTES.narrative),
  publish: mayCall(principal.roles, ROUTES.publish),
});

/** A year that has not begun has no report to work on. */
function workableYear(year: number, now: Date): number {
  if (year > yearOf(chinaDateOf(now)))
    throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
  return year;
}

/** The year's report as it stands, or null before its first draft. */
async function draftOrNull(deps: ConsoleDeps, agencyId: string, year: number): Promise<DraftView | null> {
  try {
    return await getDraft(deps.reports, agencyId, year);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

type YearRequest =
  | PageRequest<'GET /console/annual-reports/{year}'>
  | PageRequest<'POST /console/annual-reports/{year}/figures'>
  | PageRequest<'POST /console/annual-reports/{year}/narrative'>;

/** The console's annual-report pages. */
export function reportsPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  const yearPage = async (
    request: YearRequest,
    forms: { figures?: FormState; narrative?: FormState } = {},
  ): Promise<PageAnswer> => {
    const { session, params, t, now } = request;
    const { agencyId } = session.principal;
    const year = workableYear(params.year, now);
    const [agency, figures, draft] = await Promise.all([
      deps.agencies.get(agencyId),
      getFigures(deps.reports, agencyId, year),
      draftOrNull(deps, agencyId, year),
    ]);
    if (agency === undefined) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
    const today = chinaDateOf(now);
    const conflict = forms.figures?.conflict === true || forms.narrative?.conflict === true;
    const invalid = (forms.figures?.errors?.length ?? 0) + (forms.narrative?.errors?.length ?? 0) > 0;
    return {
      kind: 'page',
      status: conflict ? 409 : invalid ? 422 : 200,
      title: t('cRep.report.title', { year }),
      crumbs: [
        { label: t('cRep.list.title'), href: '/console/annual-reports' },
        { label: t('cRep.list.yearLink', { year }) },
      ],
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <ReportPage
          agencyId={agencyId}
          year={year}
          today={today}
          cutoff={annualReportCutoff(agency.annualReportCutoff, year)}
          yearEnded={reportYearHasEnded(year, today)}
          figures={figures}
          draft={draft}
          powers={powersOf(session.principal)}
          forms={{ ...heldForms(request, year), ...forms }}
          held={request.held}
          query={request.query}
        />
      ),
    };
  };

  const publicationPage = async (
    request:
      | PageRequest<'GET /console/annual-reports/{year}/publication'>
      | PageRequest<'POST /console/annual-reports/{year}/publication'>,
    draft: DraftView,
    refused?: 'checks' | 'year' | 'conflict',
  ): Promise<PageAnswer> => {
    const { t, params, now } = request;
    return {
      kind: 'page',
      status: refused === 'conflict' ? 409 : refused === undefined ? 200 : 422,
      title: t('cRep.publish.title', { year: params.year, edition: draft.seals.length + 1 }),
      crumbs: [
        { label: t('cRep.list.title'), href: '/console/annual-reports' },
        { label: t('cRep.list.yearLink', { year: params.year }), href: reportHref(params.year) },
        { label: t('cRep.publish.crumb') },
      ],
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <PublicationPage
          year={params.year}
          draft={draft}
          yearEnded={reportYearHasEnded(params.year, chinaDateOf(now))}
          refused={refused}
        />
      ),
    };
  };

  return {
    ...challengePages(deps),
    'GET /console/annual-reports': async ({ session, t, now }) => {
      const { agencyId } = readerOf(session.principal);
      const today = chinaDateOf(now);
      const { agency, years } = await reportYears(deps.reports, agencyId, today);
      return {
        kind: 'page',
        title: t('cRep.list.title'),
        cache: { kind: 'no-store' },
        robots: 'noindex',
        body: <ReportYears agency={agency} years={years} today={today} />,
      };
    },

    'GET /console/annual-reports/{year}': async (request) => {
      readerOf(request.session.principal);
      return yearPage(request);
    },

    'POST /console/annual-reports/{year}/figures': async (request) => {
      const { session, params, form, t, now } = request;
      const principal = readerOf(session.principal);
      const year = workableYear(params.year, now);
      if (!mayCall(principal.roles, ROUTES.figures)) throw forbidden();
      const read = readFigures(form.get, t);
      if (!read.ok) return yearPage(request, { figures: { values: form.values, errors: read.errors } });
      try {
        await setFigures(deps.reports, principal.agencyId, year, read.figures);
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        return yearPage(request, { figures: { conflict: true } });
      }
      return { kind: 'redirect', location: `${reportHref(year)}?done=figures` };
    },

    'POST /console/annual-reports/{year}/draft': async ({ session, params, now }) => {
      const principal = readerOf(session.principal);
      const year = workableYear(params.year, now);
      if (!mayCall(principal.roles, ROUTES.draft)) throw forbidden();
      await draftReport(deps.reports, principal, principal.agencyId, year, now);
      return { kind: 'redirect', location: `${reportHref(year)}?done=drafted` };
    },

    'POST /console/annual-reports/{year}/narrative': async (request) => {
      const { session, params, form, t, now } = request;
      const principal = readerOf(session.principal);
      const year = workableYear(params.year, now);
      if (!mayCall(principal.roles, ROUTES.narrative)) throw forbidden();
      const read = readNarrative(form.get, t);
      if (!read.ok) return yearPage(request, { narrative: { values: form.values, errors: read.errors } });
      try {
        await editNarrative(deps.reports, principal, principal.agencyId, year, read.narrative, now);
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        return yearPage(request, { narrative: { values: form.values, conflict: true } });
      }
      return { kind: 'redirect', location: `${reportHref(year)}?done=narrative` };
    },

    'GET /console/annual-reports/{year}/preview': async ({ session, params, t, now }) => {
      const { agencyId } = readerOf(session.principal);
      const year = workableYear(params.year, now);
      const draft = await getDraft(deps.reports, agencyId, year);
      const published = draft.status === 'published';
      return {
        kind: 'page',
        title: t('cRep.preview.title', { year }),
        crumbs: [
          { label: t('cRep.list.title'), href: '/console/annual-reports' },
          { label: t('cRep.list.yearLink', { year }), href: reportHref(year) },
          { label: t('cRep.preview.crumb') },
        ],
        cache: { kind: 'no-store' },
        robots: 'noindex',
        body: (
          <PreviewPage
            year={year}
            published={published}
            body={annualReportBody(draft.content, published ? (draft.seals.at(-1) ?? null) : null)}
          />
        ),
      };
    },

    'GET /console/annual-reports/{year}/publication': async (request) => {
      const { session, params, now } = request;
      const principal = readerOf(session.principal);
      const year = workableYear(params.year, now);
      if (!mayCall(principal.roles, ROUTES.publish)) throw forbidden();
      return publicationPage(request, await getDraft(deps.reports, principal.agencyId, year));
    },

    'POST /console/annual-reports/{year}/publication': async (request) => {
      const { session, params, form, now } = request;
      const principal = readerOf(session.principal);
      const year = workableYear(params.year, now);
      if (!mayCall(principal.roles, ROUTES.publish)) throw forbidden();
      const version = Number(form.get('version'));
      const current = await getDraft(deps.reports, principal.agencyId, year);
      if (!Number.isInteger(version) || version < 1) return publicationPage(request, current, 'conflict');
      try {
        await publish(deps.reports, principal, principal.agencyId, year, { version }, now);
      } catch (error) {
        if (error instanceof VersionConflictError || error instanceof WrongStateError)
          return publicationPage(request, await getDraft(deps.reports, principal.agencyId, year), 'conflict');
        if (error instanceof RuleViolationError)
          return publicationPage(
            request,
            current,
            error.code === 'report-year-not-ended' ? 'year' : 'checks',
          );
        throw error;
      }
      return { kind: 'redirect', location: `${reportHref(year)}?done=published` };
    },
  };
}

/** The forms kept across an expired session, given back to the page they were on. */
function heldForms(request: YearRequest, year: number): { figures?: FormState; narrative?: FormState } {
  const figures = heldValues(request.held, figuresAction(year));
  const narrative = heldValues(request.held, narrativeAction(year));
  const state = (values: FormValues | undefined): FormState | undefined =>
    values === undefined ? undefined : { values };
  const kept = { figures: state(figures), narrative: state(narrative) };
  return Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined));
}
