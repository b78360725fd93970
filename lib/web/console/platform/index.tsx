import type { RouteKey } from '#lib/api/routes';
import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { platformRoutes } from '#lib/api/console-routes/platform';
import { AlreadyExistsError, RuleViolationError } from '#lib/domain/errors';
import { createAgency, getAgency, listDirectory } from '#lib/use-cases/agencies';
import { createStaff, listStaff } from '#lib/use-cases/staff';
import type { FormErrors, FormValues } from '../../components';
import type { MessageKey } from '../../messages/catalogue';
import type { PageAnswer, PageHandler, PageRequest } from '../../page-function';
import { PageNotices } from '../admin/editor';
import { consoleAnswer } from '../admin/forms';
import { readInvitation } from '../admin/staff';
import type { ConsoleDeps } from '../console-deps';
import { heldValues } from '../held';
import type { StaffSession } from '../session';
import { mayCall, notForYourRoles, requireRole } from '../may';
import { agencyPath, AgencySummaryPage, NewAgencyPage, PlatformPage, readNewAgency } from './pages';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof platformRoutes)[number]['method']} ${(typeof platformRoutes)[number]['path']}`
>;

const DONE: Readonly<Record<string, MessageKey>> = {
  created: 'cPlat.done.created',
  staff: 'cPlat.done.staff',
};
const DIRECTORY_PAGE = 100;
const STAFF_SHOWN = 100;
const CHILDREN_SHOWN = 100;

/**
 * The platform (platform_admin only: agency staff, administrators included, get the 403 page). Platform
 * administrators belong to no agency, so these pages name the agency they act on.
 */
export function platformPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  const platformAdmin = (session: StaffSession, routeKey?: RouteKey) => {
    requireRole(session.principal.roles, 'platform_admin');
    if (routeKey !== undefined && !mayCall(session.principal.roles, routeKey)) throw notForYourRoles();
    return session.principal;
  };
  const crumbs = (label: string, request: PageRequest<Key>) => [
    { label: request.t('cPlat.title'), href: '/console/platform' },
    { label },
  ];
  const notices = (request: PageRequest<Key>) => (
    <PageNotices held={request.held} query={request.query} done={DONE} />
  );

  const newAgencyPage = (
    request: PageRequest<Key>,
    form: { values?: FormValues; errors?: FormErrors; status?: number } = {},
  ): PageAnswer => {
    const { t } = request;
    const values = form.values ??
      heldValues(request.held, '/console/platform/agencies') ?? {
        parentAgencyId: request.query.parent ?? '',
      };
    return consoleAnswer(
      t('cPlat.new.title'),
      <NewAgencyPage values={values} errors={form.errors ?? []} notices={notices(request)} />,
      { crumbs: crumbs(t('cPlat.new.title'), request), ...(form.status ? { status: form.status } : {}) },
    );
  };

  const summaryPage = async (
    request: PageRequest<Key>,
    agencyId: string,
    form: { values?: FormValues; roles?: readonly string[]; errors?: FormErrors; status?: number } = {},
  ): Promise<PageAnswer> => {
    const agency = await getAgency(deps.agencies, agencyId);
    const parent =
      agency.parentAgencyId === null ? undefined : await deps.agencies.get(agency.parentAgencyId);
    const childIds = (await deps.oversight.agencies.children(agencyId)).slice(0, CHILDREN_SHOWN);
    const children = (await Promise.all(childIds.map((id) => deps.agencies.get(id)))).filter(
      (child): child is NonNullable<typeof child> => child !== undefined,
    );
    const staff = await listStaff(deps.staff, agencyId, { limit: STAFF_SHOWN });
    const action = `${agencyPath(agencyId)}/staff`;
    return consoleAnswer(
      agency.name,
      <AgencySummaryPage
        agency={agency}
        parent={parent}
        children={children}
        staff={staff.items}
        moreStaff={staff.nextToken !== null}
        values={form.values ?? heldValues(request.held, action) ?? {}}
        roles={form.roles ?? []}
        errors={form.errors ?? []}
        notices={notices(request)}
      />,
      { crumbs: crumbs(agency.name, request), ...(form.status ? { status: form.status } : {}) },
    );
  };

  return {
    'GET /console/platform': async (request) => {
      const { t, session, query } = request;
      platformAdmin(session);
      const page = await listDirectory(deps.agencies, { limit: DIRECTORY_PAGE, nextToken: query.from });
      return consoleAnswer(
        t('cPlat.title'),
        <PlatformPage
          agencies={page.items}
          nextHref={
            page.nextToken ? `/console/platform?from=${encodeURIComponent(page.nextToken)}` : undefined
          }
          firstHref={query.from ? '/console/platform' : undefined}
        />,
      );
    },

    'GET /console/platform/agencies/new': async (request) => {
      platformAdmin(request.session);
      return newAgencyPage(request);
    },

    'POST /console/platform/agencies': async (request) => {
      const { form, t, session, now } = request;
      const principal = platformAdmin(session, 'POST /v1/agencies');
      const read = readNewAgency(form, t);
      const again = (errors: FormErrors) =>
        newAgencyPage(request, { values: form.values, errors, status: 422 });
      if (read.errors) return again(read.errors);
      try {
        const agency = await createAgency(deps.agencies, principal, read.input, now);
        return { kind: 'redirect', location: `${agencyPath(agency.agencyId)}?done=created` };
      } catch (error) {
        if (error instanceof AlreadyExistsError)
          return newAgencyPage(request, {
            values: form.values,
            errors: [{ field: 'agencyId', message: t('cPlat.agencyId.taken') }],
            status: 409,
          });
        if (error instanceof RuleViolationError && error.code === 'unknown-parent-agency')
          return again([{ field: 'parentAgencyId', message: t('cPlat.parent.unknown') }]);
        throw error;
      }
    },

    'GET /console/platform/agencies/{agencyId}': async (request) => {
      platformAdmin(request.session);
      return summaryPage(request, request.params.agencyId);
    },

    'POST /console/platform/agencies/{agencyId}/staff': async (request) => {
      const { form, t, session, now, params } = request;
      const principal = platformAdmin(session, 'POST /v1/agencies/{agencyId}/staff');
      const read = readInvitation(form, t);
      const again = (errors: FormErrors) =>
        summaryPage(request, params.agencyId, {
          values: form.values,
          roles: form.getAll('roles'),
          errors,
          status: 422,
        });
      if (read.errors) return again(read.errors);
      // The agency must exist (the use case says so too): an unknown one is the not-found page.
      await getAgency(deps.agencies, params.agencyId);
      try {
        await createStaff(deps.staff, principal, params.agencyId, read.input, now);
        return { kind: 'redirect', location: `${agencyPath(params.agencyId)}?done=staff` };
      } catch (error) {
        if (error instanceof RuleViolationError && error.code === 'email-refused')
          return again([{ field: 'email', message: t('cAdm.staff.email.refused') }]);
        throw error;
      }
    },
  };
}
