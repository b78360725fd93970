import type { ComponentChildren } from 'preact';
import { AgencyRole, NewStaff, Role, type StaffAccount } from '#lib/domain/staff';
import {
  Button,
  ErrorSummary,
  fieldId,
  Notice,
  Pagination,
  PostForm,
  SummaryList,
  TextField,
  TimeText,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { blankAsUndefined, schemaErrors, text } from './forms';

/** Staff accounts: the list, the invitation, one account's roles, and disabling or enabling it. */
export const staffPath = (staffId: string) => `/console/admin/staff/${encodeURIComponent(staffId)}`;

/** The roles named in a staff account's order (the console's words). */
export const rolesText = (roles: readonly Role[], t: Translate): string =>
  Role.options
    .filter((role) => roles.includes(role))
    .map((role) => t(`console.role.${role}`))
    .join('、');

/** The roles ticked in a posted form (unknown values are left to the schema to refuse). */
const postedRoles = (form: FormFields): string[] => [...form.getAll('roles')];

/** An invitation as posted: e-mail, name and roles. */
export function readInvitation(
  form: FormFields,
  t: Translate,
): { input: NewStaff; errors?: undefined } | { input?: undefined; errors: FormErrors } {
  const parsed = NewStaff.safeParse({
    email: blankAsUndefined(text(form, 'email').trim()),
    name: text(form, 'name'),
    roles: postedRoles(form),
  });
  if (parsed.success) return { input: parsed.data };
  return {
    errors: schemaErrors(
      parsed.error,
      ([first]) =>
        first === 'email'
          ? { field: 'email', label: t('cAdm.staff.email'), invalid: t('cAdm.staff.email.invalid') }
          : first === 'name'
            ? { field: 'name', label: t('cAdm.staff.name') }
            : first === 'roles'
              ? { field: 'roles', label: t('cAdm.staff.roles'), invalid: t('cAdm.staff.roles.empty') }
              : undefined,
      t,
    ),
  };
}

/** Roles as posted for a change: at least one, of the agency's roles. */
export function readRoles(form: FormFields, t: Translate): { roles: AgencyRole[] } | { errors: FormErrors } {
  const parsed = AgencyRole.array().min(1).safeParse(postedRoles(form));
  if (parsed.success && new Set(parsed.data).size === parsed.data.length) return { roles: parsed.data };
  return { errors: [{ field: 'roles', message: t('cAdm.staff.roles.empty') }] };
}

/** Role checkboxes: one group, its error tied to the group. */
export function RoleChoices(props: { checked: readonly string[]; errors: FormErrors; hint: string }) {
  const { t } = usePage();
  const error = props.errors.find((e) => e.field === 'roles')?.message;
  const id = fieldId('roles');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset id={id} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend>{t('cAdm.staff.roles')}</legend>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
        {error ? (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden-prefix">{t('common.error.prefix')}</span> {error}
          </p>
        ) : null}
        {AgencyRole.options.map((role) => (
          <div class="choice" key={role}>
            <input
              type="checkbox"
              id={`${id}-${role}`}
              name="roles"
              value={role}
              checked={props.checked.includes(role)}
            />
            <label for={`${id}-${role}`}>{t(`console.role.${role}`)}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** The invitation form (the administrator's, or the platform's for an agency). */
export function InviteForm(props: {
  action: string;
  values: FormValues;
  roles: readonly string[];
  errors: FormErrors;
}) {
  const { t } = usePage();
  return (
    <PostForm action={props.action}>
      <TextField
        name="email"
        type="email"
        label={t('cAdm.staff.email')}
        value={props.values.email}
        errors={props.errors}
        spellcheck={false}
        autocomplete="off"
      />
      <TextField
        name="name"
        label={t('cAdm.staff.name')}
        value={props.values.name}
        errors={props.errors}
        maxLength={100}
      />
      <RoleChoices checked={props.roles} errors={props.errors} hint={t('cAdm.staff.roles.hint')} />
      <div class="actions">
        <Button>{t('cAdm.staff.inviteButton')}</Button>
      </div>
    </PostForm>
  );
}

/** Accounts as a table: name (to the account's page), e-mail, roles, state in words and colour. */
export function StaffTable(props: { items: readonly StaffAccount[]; me?: string; link: boolean }) {
  const { t } = usePage();
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('cAdm.staff.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cAdm.staff.name')}</th>
            <th scope="col">{t('cAdm.staff.email')}</th>
            <th scope="col">{t('cAdm.staff.roles')}</th>
            <th scope="col">{t('cAdm.staff.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((account) => (
            <tr key={account.staffId}>
              <td>
                {props.link ? <a href={staffPath(account.staffId)}>{account.name}</a> : account.name}
                {account.staffId === props.me ? t('cAdm.staff.you') : null}
              </td>
              <td>{account.email}</td>
              <td>{rolesText(account.roles, t)}</td>
              <td>
                <StateTag enabled={account.enabled} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StateTag({ enabled }: { enabled: boolean }) {
  const { t } = usePage();
  return enabled ? (
    <span class="tag green">{t('cAdm.staff.enabled')}</span>
  ) : (
    <span class="tag red">{t('cAdm.staff.disabled')}</span>
  );
}

export function StaffListPage(props: {
  items: readonly StaffAccount[];
  nextHref: string | undefined;
  firstHref: string | undefined;
  me: string;
  values: FormValues;
  roles: readonly string[];
  errors: FormErrors;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <>
      <ErrorSummary errors={props.errors} />
      {props.notices}
      <h1>{t('cAdm.staff.title')}</h1>
      <p class="lead">{t('cAdm.staff.lead')}</p>
      <h2>{t('cAdm.staff.list')}</h2>
      {props.items.length === 0 ? (
        <p>{t('cAdm.staff.none')}</p>
      ) : (
        <StaffTable items={props.items} me={props.me} link />
      )}
      <Pagination nextHref={props.nextHref} firstHref={props.firstHref} />
      <h2 id="invite">{t('cAdm.staff.invite')}</h2>
      <p class="hint">{t('cAdm.staff.inviteHint')}</p>
      <InviteForm
        action="/console/admin/staff"
        values={props.values}
        roles={props.roles}
        errors={props.errors}
      />
    </>
  );
}

export function StaffMemberPage(props: {
  account: StaffAccount;
  me: string;
  roles: readonly string[];
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  const { account } = props;
  const self = account.staffId === props.me;
  return (
    <>
      <ErrorSummary errors={props.errors} />
      {props.notices}
      {props.conflict ? <Notice kind="warning">{t('cAdm.conflict')}</Notice> : null}
      <h1>
        {account.name}
        {self ? t('cAdm.staff.you') : null}
      </h1>
      <SummaryList
        rows={[
          [t('cAdm.staff.email'), account.email],
          [t('cAdm.staff.roles'), rolesText(account.roles, t)],
          [t('cAdm.staff.state'), <StateTag enabled={account.enabled} />],
          [t('cAdm.staff.createdAt'), <TimeText at={account.createdAt} />],
        ]}
      />
      <h2>{t('cAdm.staff.roles.title')}</h2>
      {self ? <Notice kind="warning">{t('cAdm.staff.roles.selfWarning')}</Notice> : null}
      <PostForm action={`${staffPath(account.staffId)}/roles`}>
        <input type="hidden" name="version" value={String(account.version)} />
        <RoleChoices checked={props.roles} errors={props.errors} hint={t('cAdm.staff.roles.hintChange')} />
        <div class="actions">
          <Button>{t('cAdm.staff.roles.save')}</Button>
        </div>
      </PostForm>
      <h2>{t('cAdm.staff.access.title')}</h2>
      <p>
        <a
          class={account.enabled ? 'button warning' : 'button secondary'}
          href={`${staffPath(account.staffId)}/access`}
        >
          {account.enabled ? t('cAdm.staff.access.disable') : t('cAdm.staff.access.enable')}
        </a>
      </p>
      <p>
        <a href="/console/admin/staff">{t('cAdm.cancel')}</a>
      </p>
    </>
  );
}

/** Are you sure? Disabling stops the person at their next click; enabling lets them sign in again. */
export function AccessConfirmPage(props: { account: StaffAccount; me: string }) {
  const { t } = usePage();
  const { account } = props;
  const disabling = account.enabled;
  const words = { name: account.name, email: account.email };
  return (
    <>
      <h1>
        {disabling
          ? t('cAdm.staff.access.confirmDisableTitle', words)
          : t('cAdm.staff.access.confirmEnableTitle', words)}
      </h1>
      <p>
        {disabling
          ? t('cAdm.staff.access.confirmDisable', words)
          : t('cAdm.staff.access.confirmEnable', words)}
      </p>
      {disabling && account.staffId === props.me ? (
        <Notice kind="warning">{t('cAdm.staff.access.confirmSelf')}</Notice>
      ) : null}
      <PostForm action={`${staffPath(account.staffId)}/access`}>
        <input type="hidden" name="version" value={String(account.version)} />
        <input type="hidden" name="enabled" value={disabling ? 'false' : 'true'} />
        <div class="actions">
          <Button variant={disabling ? 'warning' : undefined}>
            {disabling ? t('cAdm.staff.access.yesDisable') : t('cAdm.staff.access.yesEnable')}
          </Button>
          <a href={staffPath(account.staffId)}>{t('cAdm.cancel')}</a>
        </div>
      </PostForm>
    </>
  );
}
