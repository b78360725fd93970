import { AgencyRole, PLATFORM_AGENCY_ID, type Role } from '#lib/domain/staff';
import { reviewChainOf } from '#lib/domain/agency';
import { todayFor, type TodayPart } from '#lib/use-cases/today';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { mayCall } from '../may';
import { PlatformToday, TodayPage } from './today-page';

/** Those who work applications see the ones due soon (a reviewer of documents only does not). */
const APPLICATION_ROLES: readonly Role[] = ['clerk', 'approver', 'supervisor', 'agency_admin'];

/** What a person's roles let them list, as the API's routes say. */
function partsFor(roles: ReadonlySet<Role>, signsAStep: boolean): Set<TodayPart> {
  const parts = new Set<TodayPart>();
  if (APPLICATION_ROLES.some((role) => roles.has(role))) parts.add('applications');
  if (signsAStep) parts.add('reviews');
  if (AgencyRole.options.some((role) => roles.has(role))) parts.add('reminders');
  if (mayCall(roles, 'GET /v1/agencies/{agencyId}/breaches')) parts.add('breaches');
  if (mayCall(roles, 'GET /v1/agencies/{agencyId}/complaints')) parts.add('complaints');
  return parts;
}

/** Today (待办): the signed-in person's queue. */
export function todayPages(deps: ConsoleDeps): { 'GET /console': PageHandler<'GET /console'> } {
  return {
    'GET /console': async ({ t, session, now }) => {
      const { principal } = session;
      const page = {
        kind: 'page',
        title: t('console.today.title'),
        cache: { kind: 'no-store' },
        robots: 'noindex',
      } as const;
      if (principal.agencyId === PLATFORM_AGENCY_ID) return { ...page, body: <PlatformToday /> };
      const agency = await deps.agencies.get(principal.agencyId);
      const signsAStep =
        agency !== undefined && reviewChainOf(agency).some((step) => principal.roles.has(step.role));
      const today = await todayFor(deps, principal, partsFor(principal.roles, signsAStep), now);
      return {
        ...page,
        body: <TodayPage today={today} agencyName={session.agencyName} staffName={session.account.name} />,
      };
    },
  };
}
