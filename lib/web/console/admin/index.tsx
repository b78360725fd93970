import type { RouteKey } from '#lib/api/routes';
import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { adminRoutes } from '#lib/api/console-routes/admin';
import { catalogueOf } from '#lib/domain/agency';
import { chinaDateOf } from '#lib/domain/china-time';
import { RuleViolationError, VersionConflictError } from '#lib/domain/errors';
import type { StaffSession } from '../session';
import {
  getAgency,
  getPolicies,
  getReviewChain,
  setCatalogue,
  setPolicy,
  setReviewChain,
  updateProfile,
} from '#lib/use-cases/agencies';
import { createStaff, getStaffAccount, listStaff, updateStaff } from '#lib/use-cases/staff';
import type { ComponentChildren } from 'preact';
import type { FormErrors, FormValues } from '../../components';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields, PageAnswer, PageHandler, PageRequest } from '../../page-function';
import type { Principal } from '#lib/domain/staff';
import type { ConsoleDeps } from '../console-deps';
import { heldValues } from '../held';
import { mayCall, notForYourRoles, requireRole } from '../may';
import { CATALOGUE_ACTION, CataloguePage, catalogueValues, readCatalogue } from './catalogue';
import { PageNotices } from './editor';
import { consoleAnswer, postedVersion } from './forms';
import { AdminOverview } from './overview';
import { POLICY_ACTION, PolicyPage, policyRuleErrors, policyValues, readPolicy } from './policy';
import { PROFILE_ACTION, ProfileForm, profileValues, readProfile } from './profile';
import { CHAIN_ACTION, ChainPage, chainValues, readChain } from './review-chain';
import {
  AccessConfirmPage,
  readInvitation,
  readRoles,
  StaffListPage,
  StaffMemberPage,
  staffPath,
} from './staff';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof adminRoutes)[number]['method']} ${(typeof adminRoutes)[number]['path']}`
>;

/** What a `?done=` after a save says. */
const DONE: Readonly<Record<string, MessageKey>> = {
  profile: 'cAdm.done.profile',
  policy: 'cAdm.done.policy',
  chain: 'cAdm.done.chain',
  catalogue: 'cAdm.done.catalogue',
  invited: 'cAdm.done.invited',
  roles: 'cAdm.done.roles',
  disabled: 'cAdm.done.disabled',
  enabled: 'cAdm.done.enabled',
};
const STAFF_PAGE = 50;

/** What an editing page is answered with besides the record: the values, errors, a conflict. */
type EditorForm = { values?: FormValues; errors?: FormErrors; conflict?: boolean; status?: number };
type EditorProps = {
  values: FormValues;
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
};

/**
 * Administration (agency_admin): every page is the signed-in administrator's own agency's. Someone without
 * the role is answered 403 (the navigation does not offer the section); each save also asks the API's
 * route table whether the role may make it, as the API would.
 */
export function adminPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  /** The administrator's principal, or the 403 page. */
  const administrator = (session: StaffSession) => {
    requireRole(session.principal.roles, 'agency_admin');
    return session.principal;
  };
  const mayWrite = (session: StaffSession, routeKey: RouteKey) => {
    if (!mayCall(session.principal.roles, routeKey)) throw notForYourRoles();
    return administrator(session);
  };
  const crumbs = (t: Translate, label: string) => [
    { label: t('cAdm.title'), href: '/console/admin' },
    { label },
  ];
  const notices = (request: PageRequest<Key>) => (
    <PageNotices held={request.held} query={request.query} done={DONE} />
  );
  const today = (now: Date) => chinaDateOf(now);

  // --- each page, drawn from what is kept (or the values posted, with their errors) ---
  /**
   * An editing page of the agency's settings: the form filled from the record (or from what was posted,
   * or kept across an expired session); after a version conflict, from the record as it is now.
   */
  const editor =
    <Loaded,>(spec: {
      title: MessageKey;
      action: string;
      load: (agencyId: string, now: Date) => Promise<Loaded>;
      fresh: (loaded: Loaded, now: Date) => FormValues;
      render: (loaded: Loaded, form: EditorProps, now: Date) => ComponentChildren;
    }) =>
    async (request: PageRequest<Key>, form: EditorForm = {}): Promise<PageAnswer> => {
      const { t, session, now } = request;
      const loaded = await spec.load(administrator(session).agencyId, now);
      const fresh = spec.fresh(loaded, now);
      const values = form.conflict ? fresh : (form.values ?? heldValues(request.held, spec.action) ?? fresh);
      const props = {
        values,
        errors: form.errors ?? [],
        conflict: form.conflict ?? false,
        notices: notices(request),
      };
      return consoleAnswer(t(spec.title), spec.render(loaded, props, now), {
        crumbs: crumbs(t, t(spec.title)),
        ...(form.status ? { status: form.status } : {}),
      });
    };

  const profilePage = editor({
    title: 'cAdm.profile.title',
    action: PROFILE_ACTION,
    load: (agencyId) => getAgency(deps.agencies, agencyId),
    fresh: profileValues,
    render: (_agency, form) => <ProfileForm {...form} />,
  });
  const policyPage = editor({
    title: 'cAdm.policy.title',
    action: POLICY_ACTION,
    load: (agencyId, now) => getPolicies(deps.agencies, agencyId, today(now)),
    fresh: (policies, now) => policyValues(policies, today(now)),
    render: (policies, form, now) => <PolicyPage policies={policies} today={today(now)} {...form} />,
  });
  const chainPage = editor({
    title: 'cAdm.chain.title',
    action: CHAIN_ACTION,
    load: (agencyId) => getReviewChain(deps.agencies, agencyId),
    fresh: chainValues,
    render: (chain, form) => <ChainPage chain={chain} {...form} />,
  });
  const cataloguePage = editor({
    title: 'cAdm.catalogue.title',
    action: CATALOGUE_ACTION,
    load: (agencyId) => getAgency(deps.agencies, agencyId),
    fresh: (agency) => catalogueValues(catalogueOf(agency), agency.version),
    render: (agency, form) => <CataloguePage configured={agency.catalogue !== null} {...form} />,
  });

  const staffListPage = async (
    request: PageRequest<Key>,
    form: { values?: FormValues; roles?: readonly string[]; errors?: FormErrors; status?: number } = {},
  ): Promise<PageAnswer> => {
    const { t, session, query } = request;
    const principal = administrator(session);
    const from = query.from;
    const page = await listStaff(deps.staff, principal.agencyId, { limit: STAFF_PAGE, nextToken: from });
    const held = heldValues(request.held, '/console/admin/staff');
    return consoleAnswer(
      t('cAdm.staff.title'),
      <StaffListPage
        items={page.items}
        me={principal.staffId}
        nextHref={
          page.nextToken ? `/console/admin/staff?from=${encodeURIComponent(page.nextToken)}` : undefined
        }
        firstHref={from ? '/console/admin/staff' : undefined}
        values={form.values ?? held ?? {}}
        roles={form.roles ?? []}
        errors={form.errors ?? []}
        notices={notices(request)}
      />,
      { crumbs: crumbs(t, t('cAdm.staff.title')), ...(form.status ? { status: form.status } : {}) },
    );
  };

  const memberPage = async (
    request: PageRequest<Key>,
    staffId: string,
    form: { roles?: readonly string[]; errors?: FormErrors; conflict?: boolean; status?: number } = {},
  ): Promise<PageAnswer> => {
    const { t, session } = request;
    const principal = administrator(session);
    const account = await getStaffAccount(deps.staff, principal.agencyId, staffId);
    return consoleAnswer(
      account.name,
      <StaffMemberPage
        account={account}
        me={principal.staffId}
        roles={form.conflict ? account.roles : (form.roles ?? account.roles)}
        errors={form.errors ?? []}
        conflict={form.conflict ?? false}
        notices={notices(request)}
      />,
      {
        crumbs: [
          ...crumbs(t, t('cAdm.staff.title')).slice(0, 1),
          { label: t('cAdm.staff.title'), href: '/console/admin/staff' },
          { label: account.name },
        ],
        ...(form.status ? { status: form.status } : {}),
      },
    );
  };

  /** A save: its version conflict answers the page again (409) with the record as it is now. */
  const saved = async (
    save: () => Promise<unknown>,
    location: string,
    again: (form: { conflict: true; status: 409 }) => Promise<PageAnswer>,
  ): Promise<PageAnswer> => {
    try {
      await save();
    } catch (error) {
      if (error instanceof VersionConflictError) return again({ conflict: true, status: 409 });
      throw error;
    }
    return { kind: 'redirect', location };
  };

  /**
   * An editing page's save: the form read at the version the page showed, written by the use case, and
   * answered by the page again — with the errors beside their fields (422), or with the record as it is
   * now when someone else saved first (409).
   */
  const editorSave =
    <U,>(spec: {
      routeKey: RouteKey;
      page: (request: PageRequest<Key>, form?: EditorForm) => Promise<PageAnswer>;
      read: (
        form: FormFields,
        version: number,
        t: Translate,
      ) => { update: U; errors?: undefined } | { update?: undefined; errors: FormErrors };
      write: (principal: Principal, update: U, now: Date) => Promise<unknown>;
      done: string;
      /** A rule the use case refused, in the reader's words beside its fields. */
      ruleErrors?: (error: RuleViolationError, t: Translate) => FormErrors;
    }) =>
    async (request: PageRequest<Key>): Promise<PageAnswer> => {
      const { form, t, session, now } = request;
      const principal = mayWrite(session, spec.routeKey);
      const read = spec.read(form, postedVersion(form), t);
      if (read.errors) return spec.page(request, { values: form.values, errors: read.errors, status: 422 });
      try {
        await spec.write(principal, read.update, now);
      } catch (error) {
        if (error instanceof VersionConflictError) return spec.page(request, { conflict: true, status: 409 });
        if (error instanceof RuleViolationError && spec.ruleErrors)
          return spec.page(request, { values: form.values, errors: spec.ruleErrors(error, t), status: 422 });
        throw error;
      }
      return { kind: 'redirect', location: spec.done };
    };

  return {
    'GET /console/admin': async (request) => {
      const { t, session, now } = request;
      const agency = await getAgency(deps.agencies, administrator(session).agencyId);
      return consoleAnswer(
        t('cAdm.title'),
        <AdminOverview agency={agency} today={today(now)} notices={notices(request)} />,
      );
    },

    'GET /console/admin/profile': (request) => profilePage(request),
    'POST /console/admin/profile': editorSave({
      routeKey: 'PUT /v1/agencies/{agencyId}/profile',
      page: profilePage,
      read: readProfile,
      write: (principal, update, now) =>
        updateProfile(deps.agencies, principal, principal.agencyId, update, now),
      done: '/console/admin?done=profile',
    }),

    'GET /console/admin/policy': (request) => policyPage(request),
    'POST /console/admin/policy': editorSave({
      routeKey: 'PUT /v1/agencies/{agencyId}/policy',
      page: policyPage,
      read: readPolicy,
      write: (principal, update, now) => setPolicy(deps.agencies, principal, principal.agencyId, update, now),
      done: '/console/admin/policy?done=policy',
      // The other side's time (consultation, payment), a date in the past: beside their fields.
      ruleErrors: (error, t) =>
        policyRuleErrors(
          error.errors.map((e) => e.path),
          t,
        ),
    }),

    'GET /console/admin/review-chain': (request) => chainPage(request),
    'POST /console/admin/review-chain': editorSave({
      routeKey: 'PUT /v1/agencies/{agencyId}/review-chain',
      page: chainPage,
      read: readChain,
      write: (principal, update, now) =>
        setReviewChain(deps.agencies, principal, principal.agencyId, update, now),
      done: '/console/admin/review-chain?done=chain',
    }),

    'GET /console/admin/catalogue': (request) => cataloguePage(request),
    'POST /console/admin/catalogue': editorSave({
      routeKey: 'PUT /v1/agencies/{agencyId}/catalogue',
      page: cataloguePage,
      read: readCatalogue,
      write: (principal, update, now) =>
        setCatalogue(deps.agencies, principal, principal.agencyId, update, now),
      done: '/console/admin/catalogue?done=catalogue',
    }),

    'GET /console/admin/staff': (request) => staffListPage(request),
    'POST /console/admin/staff': async (request) => {
      const { form, t, session, now } = request;
      const principal = mayWrite(session, 'POST /v1/agencies/{agencyId}/staff');
      const read = readInvitation(form, t);
      const again = (errors: FormErrors) =>
        staffListPage(request, { values: form.values, roles: form.getAll('roles'), errors, status: 422 });
      if (read.errors) return again(read.errors);
      try {
        const account = await createStaff(deps.staff, principal, principal.agencyId, read.input, now);
        return { kind: 'redirect', location: `${staffPath(account.staffId)}?done=invited` };
      } catch (error) {
        if (error instanceof RuleViolationError && error.code === 'email-refused')
          return again([{ field: 'email', message: t('cAdm.staff.email.refused') }]);
        throw error;
      }
    },

    'GET /console/admin/staff/{staffId}': (request) => memberPage(request, request.params.staffId),
    'POST /console/admin/staff/{staffId}/roles': async (request) => {
      const { form, t, session, now, params } = request;
      const principal = mayWrite(session, 'PATCH /v1/agencies/{agencyId}/staff/{staffId}');
      const version = postedVersion(form);
      const read = readRoles(form, t);
      if ('errors' in read)
        return memberPage(request, params.staffId, {
          roles: form.getAll('roles'),
          errors: read.errors,
          status: 422,
        });
      return saved(
        () =>
          updateStaff(
            deps.staff,
            principal,
            principal.agencyId,
            params.staffId,
            { version, roles: read.roles },
            now,
          ),
        `${staffPath(params.staffId)}?done=roles`,
        (again) => memberPage(request, params.staffId, again),
      );
    },

    'GET /console/admin/staff/{staffId}/access': async (request) => {
      const { t, session, params } = request;
      const principal = administrator(session);
      const account = await getStaffAccount(deps.staff, principal.agencyId, params.staffId);
      return consoleAnswer(
        account.enabled ? t('cAdm.staff.access.disable') : t('cAdm.staff.access.enable'),
        <AccessConfirmPage account={account} me={principal.staffId} />,
        {
          crumbs: [
            { label: t('cAdm.title'), href: '/console/admin' },
            { label: t('cAdm.staff.title'), href: '/console/admin/staff' },
            { label: account.name, href: staffPath(account.staffId) },
            { label: account.enabled ? t('cAdm.staff.access.disable') : t('cAdm.staff.access.enable') },
          ],
        },
      );
    },
    'POST /console/admin/staff/{staffId}/access': async (request) => {
      const { form, session, now, params } = request;
      const principal = mayWrite(session, 'PATCH /v1/agencies/{agencyId}/staff/{staffId}');
      const version = postedVersion(form);
      const enabled = form.get('enabled');
      if (enabled !== 'true' && enabled !== 'false')
        return memberPage(request, params.staffId, { status: 400 });
      return saved(
        () =>
          updateStaff(
            deps.staff,
            principal,
            principal.agencyId,
            params.staffId,
            { version, enabled: enabled === 'true' },
            now,
          ),
        `${staffPath(params.staffId)}?done=${enabled === 'true' ? 'enabled' : 'disabled'}`,
        (again) => memberPage(request, params.staffId, again),
      );
    },
  };
}
