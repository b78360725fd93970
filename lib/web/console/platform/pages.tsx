import type { ComponentChildren } from 'preact';
import { NewAgency, type Agency } from '#lib/domain/agency';
import type { StaffAccount } from '#lib/domain/staff';
import {
  Button,
  ErrorSummary,
  Pagination,
  PostForm,
  Radios,
  SummaryList,
  TextField,
  TimeText,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { formatCivilDate } from '../../format';
import type { Locale } from '../../messages/locale';
import type { Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { blankAsUndefined, schemaErrors, text, type FieldSpec } from '../admin/forms';
import { InviteForm, StaffTable } from '../admin/staff';

/** The platform's pages: the tree of agencies, creating one, and an agency's summary. */
export const agencyPath = (agencyId: string) => `/console/platform/agencies/${encodeURIComponent(agencyId)}`;
type Listed = Pick<Agency, 'agencyId' | 'name' | 'level' | 'parentAgencyId'>;

/**
 * The agencies of a page of the directory as a tree: each under its parent when the parent is on the
 * page too, else at the top (saying who its parent is).
 */
export function agencyTree(
  agencies: readonly Listed[],
): { agency: Listed; children: ReturnType<typeof agencyTree> }[] {
  const ids = new Set(agencies.map((agency) => agency.agencyId));
  const under = (parent: string | null): ReturnType<typeof agencyTree> =>
    agencies
      .filter((agency) =>
        parent === null
          ? agency.parentAgencyId === null || !ids.has(agency.parentAgencyId)
          : agency.parentAgencyId === parent,
      )
      .map((agency) => ({ agency, children: under(agency.agencyId) }));
  return under(null);
}

function Tree({ nodes, top }: { nodes: ReturnType<typeof agencyTree>; top: boolean }) {
  const { t } = usePage();
  return (
    <ul class={top ? 'tree' : undefined}>
      {nodes.map(({ agency, children }) => (
        <li key={agency.agencyId}>
          <a href={agencyPath(agency.agencyId)}>{agency.name}</a>{' '}
          <span class="muted">
            {agency.agencyId} · {t(`cPlat.level.${agency.level}`)}
          </span>
          {top && agency.parentAgencyId !== null ? (
            <p class="meta">{t('cPlat.parentElsewhere', { parent: agency.parentAgencyId })}</p>
          ) : null}
          {children.length > 0 ? <Tree nodes={children} top={false} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function PlatformPage(props: {
  agencies: readonly Listed[];
  nextHref: string | undefined;
  firstHref: string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('cPlat.title')}</h1>
      <p class="lead">{t('cPlat.lead')}</p>
      <p>
        <a class="button" href="/console/platform/agencies/new">
          {t('cPlat.create')}
        </a>
      </p>
      <h2>{t('cPlat.tree')}</h2>
      {props.agencies.length === 0 ? (
        <p>{t('cPlat.none')}</p>
      ) : (
        <Tree nodes={agencyTree(props.agencies)} top />
      )}
      <Pagination nextHref={props.nextHref} firstHref={props.firstHref} />
    </>
  );
}

const OFFICE = ['officeName', 'head', 'address', 'openingHours', 'phone', 'email'] as const;

/** A new agency as posted: id, name, level, parent, and the office's minimum details. */
export function readNewAgency(
  form: FormFields,
  t: Translate,
): { input: NewAgency; errors?: undefined } | { input?: undefined; errors: FormErrors } {
  const parsed = NewAgency.safeParse({
    agencyId: blankAsUndefined(text(form, 'agencyId').trim()),
    name: text(form, 'name'),
    level: blankAsUndefined(text(form, 'level')),
    parentAgencyId: blankAsUndefined(text(form, 'parentAgencyId'))?.trim() ?? null,
    profile: {
      officeName: text(form, 'officeName'),
      head: text(form, 'head'),
      address: text(form, 'address'),
      openingHours: text(form, 'openingHours'),
      phone: text(form, 'phone'),
      fax: null,
      email: blankAsUndefined(text(form, 'email').trim()),
      website: null,
    },
  });
  if (parsed.success) return { input: parsed.data };
  const specOf = (path: readonly PropertyKey[]): FieldSpec | undefined => {
    const [first, inner] = path;
    if (first === 'agencyId')
      return { field: 'agencyId', label: t('cPlat.agencyId'), invalid: t('cPlat.agencyId.invalid') };
    if (first === 'name') return { field: 'name', label: t('cPlat.name') };
    if (first === 'level') {
      const choose = t('cPlat.level.invalid');
      return { field: 'level', label: t('cPlat.level'), invalid: choose, empty: choose };
    }
    if (first === 'parentAgencyId')
      return { field: 'parentAgencyId', label: t('cPlat.parent'), invalid: t('cPlat.parent.invalid') };
    const name = OFFICE.find((field) => field === inner);
    if (first !== 'profile' || name === undefined) return undefined;
    return {
      field: name,
      label: t(`cAdm.profile.${name}`),
      ...(name === 'phone' || name === 'email' ? { invalid: t(`cAdm.profile.${name}.invalid`) } : {}),
    };
  };
  return { errors: schemaErrors(parsed.error, specOf, t) };
}

export function NewAgencyPage(props: { values: FormValues; errors: FormErrors; notices: ComponentChildren }) {
  const { t } = usePage();
  const { values, errors } = props;
  return (
    <>
      <ErrorSummary errors={errors} />
      {props.notices}
      <h1>{t('cPlat.new.title')}</h1>
      <p class="lead">{t('cPlat.new.lead')}</p>
      <PostForm action="/console/platform/agencies">
        <TextField
          name="agencyId"
          label={t('cPlat.agencyId')}
          hint={t('cPlat.agencyId.hint')}
          value={values.agencyId}
          errors={errors}
          spellcheck={false}
          autocomplete="off"
        />
        <TextField name="name" label={t('cPlat.name')} value={values.name} errors={errors} maxLength={200} />
        <Radios
          name="level"
          label={t('cPlat.level')}
          value={values.level}
          errors={errors}
          choices={[
            {
              value: 'government',
              label: t('cPlat.level.government'),
              hint: t('cPlat.level.governmentHint'),
            },
            {
              value: 'department',
              label: t('cPlat.level.department'),
              hint: t('cPlat.level.departmentHint'),
            },
          ]}
        />
        <TextField
          name="parentAgencyId"
          label={t('cPlat.parent')}
          hint={t('cPlat.parent.hint')}
          value={values.parentAgencyId}
          errors={errors}
          optional
          spellcheck={false}
        />
        <fieldset>
          <legend class="label">{t('cPlat.office')}</legend>
          {OFFICE.map((name) => (
            <TextField
              key={name}
              name={name}
              label={t(`cAdm.profile.${name}`)}
              value={values[name]}
              errors={errors}
              {...(name === 'email' ? { type: 'email' as const, spellcheck: false } : {})}
              {...(name === 'phone' ? { type: 'tel' as const } : {})}
            />
          ))}
        </fieldset>
        <div class="actions">
          <Button>{t('cPlat.createButton')}</Button>
          <a href="/console/platform">{t('cAdm.cancel')}</a>
        </div>
      </PostForm>
    </>
  );
}

/** A day of every year (`MM-DD`) in the reader's words: a date of a year, without the year. */
const monthDay = (cutoff: string, locale: Locale) => ({
  date: formatCivilDate(`2001-${cutoff}`, locale)
    .replace(/^2001年/, '')
    .replace(/ 2001$/, ''),
});

export function AgencySummaryPage(props: {
  agency: Agency;
  parent: Pick<Agency, 'agencyId' | 'name'> | undefined;
  children: readonly Pick<Agency, 'agencyId' | 'name' | 'level'>[];
  staff: readonly StaffAccount[];
  moreStaff: boolean;
  values: FormValues;
  roles: readonly string[];
  errors: FormErrors;
  notices: ComponentChildren;
}) {
  const { t, locale } = usePage();
  const { agency } = props;
  const office = agency.profile;
  return (
    <>
      <ErrorSummary errors={props.errors} />
      {props.notices}
      <h1>{agency.name}</h1>
      <SummaryList
        rows={[
          [t('cPlat.agency.id'), agency.agencyId],
          [t('cPlat.agency.level'), t(`cPlat.level.${agency.level}`)],
          [
            t('cPlat.agency.parent'),
            props.parent ? (
              <a href={agencyPath(props.parent.agencyId)}>{props.parent.name}</a>
            ) : agency.parentAgencyId === null ? (
              t('cPlat.agency.noParent')
            ) : (
              agency.parentAgencyId
            ),
          ],
          [t('cPlat.agency.created'), <TimeText at={agency.createdAt} />],
          [
            t('cPlat.agency.cutoff'),
            t('cPlat.agency.cutoffValue', monthDay(agency.annualReportCutoff, locale)),
          ],
        ]}
      />
      <p>
        <a href={`/agencies/${encodeURIComponent(agency.agencyId)}`}>{t('cPlat.agency.reading')}</a>
      </p>
      <h2>{t('cPlat.agency.office')}</h2>
      {office === null ? (
        <p>{t('cPlat.agency.noOffice')}</p>
      ) : (
        <SummaryList
          rows={[
            [t('cAdm.profile.officeName'), office.officeName],
            [t('cAdm.profile.head'), office.head],
            [t('cAdm.profile.address'), office.address],
            [t('cAdm.profile.openingHours'), office.openingHours],
            [t('cAdm.profile.phone'), office.phone],
            [t('cAdm.profile.email'), office.email],
          ]}
        />
      )}
      <h2>{t('cPlat.agency.children')}</h2>
      {props.children.length === 0 ? (
        <p>{t('cPlat.agency.noChildren')}</p>
      ) : (
        <ul>
          {props.children.map((child) => (
            <li key={child.agencyId}>
              <a href={agencyPath(child.agencyId)}>{child.name}</a>{' '}
              <span class="muted">{t(`cPlat.level.${child.level}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/console/platform/agencies/new?parent=${encodeURIComponent(agency.agencyId)}`}>
          {t('cPlat.agency.createChild')}
        </a>
      </p>
      <h2>{t('cPlat.agency.staff')}</h2>
      {props.staff.length === 0 ? (
        <p>{t('cAdm.staff.none')}</p>
      ) : (
        <StaffTable items={props.staff} link={false} />
      )}
      {props.moreStaff ? (
        <p class="meta">{t('cPlat.agency.staffMore', { count: props.staff.length })}</p>
      ) : null}
      <h2>{t('cPlat.agency.invite')}</h2>
      <InviteForm
        action={`${agencyPath(agency.agencyId)}/staff`}
        values={props.values}
        roles={props.roles}
        errors={props.errors}
      />
      <p>
        <a href="/console/platform">{t('cPlat.back')}</a>
      </p>
    </>
  );
}
