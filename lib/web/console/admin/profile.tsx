import type { ComponentChildren } from 'preact';
import { OfficeProfile, type Agency, type ProfileUpdate } from '#lib/domain/agency';
import { PostForm, TextArea, TextField, type FormErrors, type FormValues } from '../../components';
import { usePage } from '../../context';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { EditorHeading, SaveActions } from './editor';
import { blankAsUndefined, schemaErrors, text, type FieldSpec } from './forms';

/** The office's public details and the guide's own sections (Reg. 22), as a form. */
export const PROFILE_ACTION = '/console/admin/profile';
const GUIDE_SECTIONS_MAX = 8;
const GUIDE_TEXT_MAX = 10_000;
const CONTACTS = [
  'officeName',
  'head',
  'address',
  'postcode',
  'openingHours',
  'phone',
  'fax',
  'email',
  'website',
] as const;
type Contact = (typeof CONTACTS)[number];
const OPTIONAL: ReadonlySet<Contact> = new Set(['postcode', 'fax', 'website']);
const INVALID: Partial<Record<Contact, MessageKey>> = {
  phone: 'cAdm.profile.phone.invalid',
  fax: 'cAdm.profile.fax.invalid',
  email: 'cAdm.profile.email.invalid',
  website: 'cAdm.profile.website.invalid',
  postcode: 'cAdm.profile.postcode.invalid',
};

/** The form's values from the profile as kept. */
export function profileValues(agency: Agency): FormValues {
  const profile = agency.profile;
  const values: Record<string, string | undefined> = { version: String(agency.version) };
  for (const name of CONTACTS) values[name] = profile?.[name] ?? '';
  (profile?.guideSections ?? []).forEach((section, index) => {
    values[`guide.${index}.title`] = section.title;
    values[`guide.${index}.body`] = section.body;
  });
  return values;
}

/** The profile as posted, or the reader's words for what is wrong with it. */
export function readProfile(
  form: FormFields,
  version: number,
  t: Translate,
): { update: ProfileUpdate; errors?: undefined } | { update?: undefined; errors: FormErrors } {
  const sections: { title: string; body: string; index: number }[] = [];
  for (let index = 0; index < GUIDE_SECTIONS_MAX; index += 1) {
    const title = text(form, `guide.${index}.title`);
    const body = text(form, `guide.${index}.body`);
    if (title.trim() !== '' || body.trim() !== '') sections.push({ title, body, index });
  }
  const parsed = OfficeProfile.safeParse({
    officeName: text(form, 'officeName'),
    head: text(form, 'head'),
    address: text(form, 'address'),
    postcode: blankAsUndefined(text(form, 'postcode')),
    openingHours: text(form, 'openingHours'),
    phone: text(form, 'phone'),
    fax: blankAsUndefined(text(form, 'fax')) ?? null,
    email: blankAsUndefined(text(form, 'email').trim()),
    website: blankAsUndefined(text(form, 'website'))?.trim() ?? null,
    ...(sections.length > 0 ? { guideSections: sections.map(({ title, body }) => ({ title, body })) } : {}),
  });
  if (parsed.success) return { update: { version, profile: parsed.data } };
  const specOf = (path: readonly PropertyKey[]): FieldSpec | undefined => {
    const [first, index, part] = path;
    if (first === 'guideSections' && typeof index === 'number' && (part === 'title' || part === 'body')) {
      const row = sections[index]?.index ?? index;
      return {
        field: `guide.${row}.${part}`,
        label: `${t('cAdm.profile.guide.section', { n: row + 1 })} ${t(part === 'title' ? 'cAdm.profile.guide.sectionTitle' : 'cAdm.profile.guide.sectionBody')}`,
      };
    }
    const name = CONTACTS.find((contact) => contact === first);
    if (name === undefined) return undefined;
    const invalid = INVALID[name];
    return { field: name, label: t(`cAdm.profile.${name}`), ...(invalid ? { invalid: t(invalid) } : {}) };
  };
  return {
    errors: schemaErrors(parsed.error, specOf, t, (issue) =>
      issue.path[0] === 'guideSections'
        ? { field: 'guide.0.body', message: t('cAdm.profile.guide.total', { total: GUIDE_TEXT_MAX }) }
        : undefined,
    ),
  };
}

export function ProfileForm(props: {
  values: FormValues;
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  const { values, errors } = props;
  const filled = Array.from({ length: GUIDE_SECTIONS_MAX }, (_, index) => index).filter(
    (index) => (values[`guide.${index}.title`] ?? '') !== '' || (values[`guide.${index}.body`] ?? '') !== '',
  );
  // The sections written, then room for two more (all eight at most).
  const rows = Math.min(GUIDE_SECTIONS_MAX, (filled.at(-1) ?? -1) + 3);
  return (
    <>
      <EditorHeading
        title={t('cAdm.profile.title')}
        lead={t('cAdm.profile.lead')}
        errors={errors}
        conflict={props.conflict}
        notices={props.notices}
      />
      <PostForm action={PROFILE_ACTION}>
        <input type="hidden" name="version" value={values.version ?? ''} />
        {CONTACTS.map((name) => (
          <TextField
            key={name}
            name={name}
            label={t(`cAdm.profile.${name}`)}
            value={values[name]}
            errors={errors}
            optional={OPTIONAL.has(name)}
            {...(name === 'email' ? { type: 'email' as const, spellcheck: false } : {})}
            {...(name === 'phone' || name === 'fax' ? { type: 'tel' as const } : {})}
            {...(name === 'postcode' ? { short: true, inputMode: 'numeric' as const } : {})}
          />
        ))}
        <fieldset>
          <legend class="label">{t('cAdm.profile.guide.title')}</legend>
          <p class="hint">
            {t('cAdm.profile.guide.hint', { max: GUIDE_SECTIONS_MAX, total: GUIDE_TEXT_MAX })}
          </p>
          {Array.from({ length: rows }, (_, index) => (
            <fieldset class="row-group" key={index}>
              <legend>{t('cAdm.profile.guide.section', { n: index + 1 })}</legend>
              <TextField
                name={`guide.${index}.title`}
                label={t('cAdm.profile.guide.sectionTitle')}
                value={values[`guide.${index}.title`]}
                errors={errors}
                optional
                maxLength={60}
              />
              <TextArea
                name={`guide.${index}.body`}
                label={t('cAdm.profile.guide.sectionBody')}
                value={values[`guide.${index}.body`]}
                errors={errors}
                optional
                maxLength={3000}
                rows={5}
              />
            </fieldset>
          ))}
        </fieldset>
        <SaveActions />
      </PostForm>
    </>
  );
}
