import type { PageRouteKeyOf } from '#lib/api/page-routes';
import { chinaDateOf } from '#lib/domain/china-time';
import { RuleViolationError, VersionConflictError } from '#lib/domain/errors';
import {
  getChallenge,
  listChallenges,
  recordChallenge,
  updateChallenge,
} from '#lib/use-cases/annual-reports';
import type { LegalChallenge } from '#lib/domain/annual-report';
import type { FieldError } from '../../components';
import type { PageAnswer, PageHandler, PageRequest } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { heldValues } from '../held';
import { mayCall } from '../may';
import { forbidden, readerOf, ROUTES } from './access';
import {
  CHALLENGES_HREF,
  challengeCsvRows,
  challengeErrors,
  challengeHref,
  ChallengeListQuery,
  ChallengePage,
  ChallengesPage,
  readChallenge,
  readOutcome,
} from './challenges';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${'GET' | 'POST'} /console/annual-reports/legal-challenges${string}`
>;

const PAGE_SIZE = 25;
const CSV_MAX_ROWS = 5000;

/**
 * The reconsiderations and lawsuits table 四 counts: the list (by key, CSV) with the form to record one,
 * and each case with the form for its outcome — for whoever the API's routes admit; the section reads them.
 */
export function challengePages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  const listPage = async (
    request:
      | PageRequest<'GET /console/annual-reports/legal-challenges'>
      | PageRequest<'POST /console/annual-reports/legal-challenges'>,
    form: { values?: Readonly<Record<string, string>>; errors?: FieldError[] } = {},
  ): Promise<PageAnswer> => {
    const { session, query, t } = request;
    const { agencyId } = session.principal;
    const { nextToken } = ChallengeListQuery.parse(query);
    const page = await listChallenges(deps.reports, agencyId, { limit: PAGE_SIZE, nextToken });
    const held = heldValues(request.held, CHALLENGES_HREF);
    return {
      kind: 'page',
      status: form.errors && form.errors.length > 0 ? 422 : 200,
      title: t('cRep.lc.title'),
      crumbs: [
        { label: t('cRep.list.title'), href: '/console/annual-reports' },
        { label: t('cRep.lc.title') },
      ],
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <ChallengesPage
          items={page.items}
          nextToken={page.nextToken}
          firstPage={nextToken === undefined}
          mayRecord={mayCall(session.principal.roles, ROUTES.challenge)}
          form={held === undefined ? form : { values: held, ...form }}
          held={request.held}
          query={query}
        />
      ),
    };
  };

  const casePage = (
    request:
      | PageRequest<'GET /console/annual-reports/legal-challenges/{challengeId}'>
      | PageRequest<'POST /console/annual-reports/legal-challenges/{challengeId}'>,
    challenge: LegalChallenge,
    form: {
      values?: Readonly<Record<string, string | undefined>>;
      errors?: FieldError[];
      conflict?: boolean;
    } = {},
  ): PageAnswer => {
    const { session, t } = request;
    const held = heldValues(request.held, challengeHref(challenge.id));
    const status = form.conflict ? 409 : form.errors && form.errors.length > 0 ? 422 : 200;
    return {
      kind: 'page',
      status,
      title: t('cRep.lc.title'),
      crumbs: [
        { label: t('cRep.list.title'), href: '/console/annual-reports' },
        { label: t('cRep.lc.title'), href: CHALLENGES_HREF },
        { label: challenge.caseNumber ?? challenge.filedOn },
      ],
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <ChallengePage
          challenge={challenge}
          mayRecord={mayCall(session.principal.roles, ROUTES.outcome)}
          form={held === undefined ? form : { values: held, ...form }}
          held={request.held}
          query={request.query}
        />
      ),
    };
  };

  return {
    'GET /console/annual-reports/legal-challenges': async (request) => {
      const { agencyId } = readerOf(request.session.principal);
      const { format } = ChallengeListQuery.parse(request.query);
      if (format !== 'csv') return listPage(request);
      const items: LegalChallenge[] = [];
      let nextToken: string | undefined;
      do {
        const page = await listChallenges(deps.reports, agencyId, { limit: 100, nextToken });
        items.push(...page.items);
        nextToken = page.nextToken ?? undefined;
      } while (nextToken !== undefined && items.length < CSV_MAX_ROWS);
      return {
        kind: 'download',
        filename: `${request.t('cRep.lc.title')}-${chinaDateOf(request.now)}.csv`,
        contentType: CSV_CONTENT_TYPE,
        body: toCsv(challengeCsvRows(items.slice(0, CSV_MAX_ROWS), request.t)),
      };
    },

    'POST /console/annual-reports/legal-challenges': async (request) => {
      const { session, form, t, now } = request;
      const principal = readerOf(session.principal);
      if (!mayCall(principal.roles, ROUTES.challenge)) throw forbidden();
      const read = readChallenge(form.get, t);
      if (!read.ok) return listPage(request, { values: form.values, errors: [...read.errors] });
      let recorded: LegalChallenge;
      try {
        recorded = await recordChallenge(deps.reports, principal, principal.agencyId, read.input, now);
      } catch (error) {
        if (!(error instanceof RuleViolationError && error.code === 'challenge-dates')) throw error;
        return listPage(request, { values: form.values, errors: challengeErrors(error.errors, form.get, t) });
      }
      return { kind: 'redirect', location: `${challengeHref(recorded.id)}?done=recorded` };
    },

    'GET /console/annual-reports/legal-challenges/{challengeId}': async (request) => {
      const { agencyId } = readerOf(request.session.principal);
      return casePage(request, await getChallenge(deps.reports, agencyId, request.params.challengeId));
    },

    'POST /console/annual-reports/legal-challenges/{challengeId}': async (request) => {
      const { session, params, form, t, now } = request;
      const principal = readerOf(session.principal);
      const challenge = await getChallenge(deps.reports, principal.agencyId, params.challengeId);
      if (!mayCall(principal.roles, ROUTES.outcome)) throw forbidden();
      const read = readOutcome(form.get, t);
      if (!read.ok) return casePage(request, challenge, { values: form.values, errors: [...read.errors] });
      try {
        await updateChallenge(deps.reports, principal, principal.agencyId, challenge.id, read.input, now);
      } catch (error) {
        if (error instanceof VersionConflictError)
          return casePage(request, await getChallenge(deps.reports, principal.agencyId, challenge.id), {
            conflict: true,
          });
        if (!(error instanceof RuleViolationError && error.code === 'challenge-dates')) throw error;
        return casePage(request, challenge, {
          values: form.values,
          errors: challengeErrors(error.errors, form.get, t),
        });
      }
      return { kind: 'redirect', location: `${challengeHref(challenge.id)}?done=outcome` };
    },
  };
}
