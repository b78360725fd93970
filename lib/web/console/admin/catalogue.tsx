import type { ComponentChildren } from 'preact';
import { CatalogueUpdate, type CatalogueEntry } from '#lib/domain/submission/catalogue';
import {
  PostForm,
  Select,
  TextField,
  type FieldError,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { EditorHeading, SaveActions } from './editor';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields } from '../../page-function';
import { blankAsUndefined, schemaErrors, text } from './forms';

/** The disclosure catalogue (政府信息公开目录): its categories, each row editable, blank rows to add. */
export const CATALOGUE_ACTION = '/console/admin/catalogue';
const MAX_ENTRIES = 100;
const BLANK_ROWS = 3;
const PARTS = ['code', 'name', 'basis', 'deadlineDays', 'deadlineUnit', 'deadlineBasis'] as const;

export function catalogueValues(entries: readonly CatalogueEntry[], version: number): FormValues {
  const values: Record<string, string> = { version: String(version) };
  entries.forEach((entry, index) => {
    values[`entry.${index}.code`] = entry.code;
    values[`entry.${index}.name`] = entry.name;
    values[`entry.${index}.basis`] = entry.basis ?? '';
    values[`entry.${index}.deadlineDays`] = entry.deadline ? String(entry.deadline.days) : '';
    values[`entry.${index}.deadlineUnit`] = entry.deadline?.unit ?? '';
    values[`entry.${index}.deadlineBasis`] = entry.deadline?.basis ?? '';
  });
  return values;
}

/** The rows a values object holds (the posted ones, or an entry list's). */
const rowCount = (values: FormValues): number => {
  let rows = 0;
  for (const name of Object.keys(values)) {
    const match = /^entry\.(\d+)\./.exec(name);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return rows;
};

export function readCatalogue(
  form: FormFields,
  version: number,
  t: Translate,
): { update: CatalogueUpdate; errors?: undefined } | { update?: undefined; errors: FormErrors } {
  const rows: { index: number; entry: Record<string, unknown> }[] = [];
  const incomplete: FieldError[] = [];
  const count = Math.min(rowCount(form.values), MAX_ENTRIES + BLANK_ROWS * 2);
  for (let index = 0; index < count; index += 1) {
    const part = (name: (typeof PARTS)[number]) => text(form, `entry.${index}.${name}`).trim();
    if (PARTS.every((name) => part(name) === '')) continue;
    const field = (name: string) => `entry.${index}.${name}`;
    if (part('code') === '' || part('name') === '')
      incomplete.push({
        field: field(part('code') === '' ? 'code' : 'name'),
        message: t('cAdm.catalogue.rowIncomplete', { n: index + 1 }),
      });
    const deadline = [part('deadlineDays'), part('deadlineUnit'), part('deadlineBasis')];
    const someDeadline = deadline.some((value) => value !== '');
    if (someDeadline && deadline.some((value) => value === ''))
      incomplete.push({
        field: field(
          deadline[0] === '' ? 'deadlineDays' : deadline[1] === '' ? 'deadlineUnit' : 'deadlineBasis',
        ),
        message: t('cAdm.catalogue.deadlineIncomplete', { n: index + 1 }),
      });
    const days = part('deadlineDays');
    rows.push({
      index,
      entry: {
        code: part('code'),
        name: text(form, `entry.${index}.name`),
        basis: blankAsUndefined(text(form, `entry.${index}.basis`)),
        ...(someDeadline
          ? {
              deadline: {
                days: /^\d{1,4}$/.test(days) ? Number(days) : days,
                unit: part('deadlineUnit'),
                basis: text(form, `entry.${index}.deadlineBasis`),
              },
            }
          : {}),
      },
    });
  }
  if (incomplete.length > 0) return { errors: incomplete };
  if (rows.length === 0) return { errors: [{ field: 'entry.0.code', message: t('cAdm.catalogue.empty') }] };
  if (rows.length > MAX_ENTRIES)
    return { errors: [{ field: 'entry.0.code', message: t('cAdm.catalogue.tooMany') }] };
  const parsed = CatalogueUpdate.safeParse({ version, entries: rows.map((row) => row.entry) });
  if (parsed.success) return { update: parsed.data };
  const labels = {
    code: 'cAdm.catalogue.code',
    name: 'cAdm.catalogue.name',
    basis: 'cAdm.catalogue.basis',
    days: 'cAdm.catalogue.deadlineDays',
    unit: 'cAdm.catalogue.deadlineUnit',
  } as const;
  return {
    errors: schemaErrors(
      parsed.error,
      (path) => {
        const [first, index, part, inner] = path;
        if (first !== 'entries' || typeof index !== 'number') return undefined;
        const row = rows[index]?.index ?? index;
        const prefix = t('cAdm.catalogue.entry', { n: row + 1 });
        if (part === 'deadline') {
          const name =
            inner === 'days' ? 'deadlineDays' : inner === 'unit' ? 'deadlineUnit' : 'deadlineBasis';
          return {
            field: `entry.${row}.${name}`,
            label: `${prefix} ${t(inner === 'days' ? labels.days : inner === 'unit' ? labels.unit : 'cAdm.catalogue.deadlineBasis')}`,
            ...(inner === 'days' ? { invalid: t('cAdm.catalogue.deadlineDays.invalid') } : {}),
          };
        }
        if (part !== 'code' && part !== 'name' && part !== 'basis') return undefined;
        return {
          field: `entry.${row}.${part}`,
          label: `${prefix} ${t(labels[part])}`,
          ...(part === 'code' ? { invalid: t('cAdm.catalogue.code.invalid') } : {}),
        };
      },
      t,
      // The list's own rule: codes are not repeated.
      (issue) =>
        issue.path[0] === 'entries'
          ? { field: 'entry.0.code', message: t('cAdm.catalogue.repeat') }
          : undefined,
    ),
  };
}

export function CataloguePage(props: {
  configured: boolean;
  values: FormValues;
  errors: FormErrors;
  conflict: boolean;
  notices: ComponentChildren;
}) {
  const { t } = usePage();
  const { values, errors } = props;
  const rows = Math.min(rowCount(values) + BLANK_ROWS, MAX_ENTRIES + BLANK_ROWS);
  const units = [
    { value: '', label: t('cAdm.chain.blank') },
    { value: 'working_days', label: t('cAdm.catalogue.unit.working_days') },
    { value: 'natural_days', label: t('cAdm.catalogue.unit.natural_days') },
  ];
  return (
    <>
      <EditorHeading
        title={t('cAdm.catalogue.title')}
        lead={t('cAdm.catalogue.lead')}
        errors={errors}
        conflict={props.conflict}
        notices={props.notices}
      />
      {props.configured ? null : <p>{t('cAdm.catalogue.default')}</p>}
      <PostForm action={CATALOGUE_ACTION}>
        <input type="hidden" name="version" value={values.version ?? ''} />
        <p class="hint">{t('cAdm.catalogue.editHint')}</p>
        {Array.from({ length: rows }, (_, index) => {
          const cell = (
            part: (typeof PARTS)[number],
            label: MessageKey,
            extra: Record<string, unknown> = {},
          ) => (
            <TextField
              name={`entry.${index}.${part}`}
              label={t(label)}
              value={values[`entry.${index}.${part}`]}
              errors={errors}
              optional
              {...extra}
            />
          );
          return (
            <fieldset class="row-group" key={index}>
              <legend>{t('cAdm.catalogue.entry', { n: index + 1 })}</legend>
              <div class="row-fields">
                {cell('name', 'cAdm.catalogue.name', { maxLength: 100 })}
                {cell('code', 'cAdm.catalogue.code', { spellcheck: false })}
                {cell('basis', 'cAdm.catalogue.basis', { maxLength: 200 })}
                {cell('deadlineDays', 'cAdm.catalogue.deadlineDays', { short: true, inputMode: 'numeric' })}
                <Select
                  name={`entry.${index}.deadlineUnit`}
                  label={t('cAdm.catalogue.deadlineUnit')}
                  value={values[`entry.${index}.deadlineUnit`]}
                  choices={units}
                  errors={errors}
                />
                {cell('deadlineBasis', 'cAdm.catalogue.deadlineBasis', { maxLength: 200 })}
              </div>
            </fieldset>
          );
        })}
        <SaveActions />
      </PostForm>
    </>
  );
}
