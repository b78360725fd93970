import * as z from 'zod';
import { isValidIsoDate, type IsoDate } from '#lib/domain/calendar/civil-date';
import {
  COMPLIANCE_COLUMNS,
  EXPORT_HEADER,
  exportRows,
  periodOf,
  type ComplianceColumn,
  type ComplianceRow,
} from '#lib/domain/compliance';
import type { BreachKind } from '#lib/domain/sweep';
import { Button, ErrorSummary, Select, TextField, type FieldError } from '../../components';
import { usePage } from '../../context';
import type { MessageKey, Translate } from '../../messages/catalogue';

export const COMPLIANCE_HREF = '/console/supervision';

/** The page's query, as its GET form and column links send it (anything unknown: the default). */
export const CompliancePageQuery = z.object({
  from: z.string().max(40).optional().catch(undefined),
  to: z.string().max(40).optional().catch(undefined),
  sort: z.enum(COMPLIANCE_COLUMNS).optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
  format: z.enum(['csv']).optional().catch(undefined),
});
export type CompliancePageQuery = z.infer<typeof CompliancePageQuery>;

/** The period asked for (January 1 to today unless given), or what is wrong with it, per field. */
export function pagePeriodOf(
  query: CompliancePageQuery,
  today: IsoDate,
  t: Translate,
): { from: IsoDate; to: IsoDate; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const given = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? undefined : value.trim();
  const from = given(query.from);
  const to = given(query.to);
  if (from !== undefined && !isValidIsoDate(from))
    errors.push({ field: 'from', message: t('cSup.error.from') });
  if (to !== undefined && !isValidIsoDate(to)) errors.push({ field: 'to', message: t('cSup.error.to') });
  const period = periodOf(errors.length === 0 ? { from, to } : {}, today);
  if (errors.length === 0 && period.from > period.to)
    errors.push({ field: 'from', message: t('cSup.error.order') });
  return { ...period, errors };
}

/** The page's address for a period and an order (or the CSV of it). */
export function complianceHref(query: Partial<CompliancePageQuery>): string {
  const search = new URLSearchParams();
  for (const name of ['from', 'to', 'sort', 'order', 'format'] as const) {
    const value = query[name];
    if (value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text === '' ? COMPLIANCE_HREF : `${COMPLIANCE_HREF}?${text}`;
}

const COLUMN_WORDS: Readonly<Record<ComplianceColumn, MessageKey>> = {
  agencyName: 'cSup.col.agency',
  received: 'cSup.col.received',
  decided: 'cSup.col.decided',
  overdue: 'cSup.col.overdue',
  averageReplyDays: 'cSup.col.averageReplyDays',
  worstReplyDays: 'cSup.col.worstReplyDays',
  published: 'cSup.col.published',
  publishedLate: 'cSup.col.publishedLate',
  breachesOpen: 'cSup.col.breachesOpen',
  breachesResolved: 'cSup.col.breachesResolved',
  reportsMissing: 'cSup.col.reportsMissing',
};
const FIGURES = COMPLIANCE_COLUMNS.filter((column) => column !== 'agencyName');

/** The order a column's link asks for: the other way round when it is the column sorted by. */
const nextOrder = (column: ComplianceColumn, query: CompliancePageQuery): 'asc' | 'desc' => {
  const natural = column === 'agencyName' ? 'asc' : 'desc';
  if (query.sort !== column) return natural;
  const current = query.order ?? natural;
  return current === 'asc' ? 'desc' : 'asc';
};

/** A column's heading: a link that sorts by it, and `aria-sort` on the column sorted by. */
function ColumnHeading(props: {
  column: ComplianceColumn;
  query: CompliancePageQuery;
  period: { from: string; to: string };
}) {
  const { t } = usePage();
  const { column, query } = props;
  const sorted = query.sort === column;
  const order = query.order ?? (column === 'agencyName' ? 'asc' : 'desc');
  const label = t(COLUMN_WORDS[column]);
  return (
    <th scope="col" aria-sort={sorted ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a
        href={complianceHref({ ...props.period, sort: column, order: nextOrder(column, query) })}
        aria-label={t('cSup.sortBy', { column: label })}
      >
        {label}
      </a>
      {sorted ? (
        <span class="muted">{t(order === 'asc' ? 'cSup.sorted.asc' : 'cSup.sorted.desc')}</span>
      ) : null}
    </th>
  );
}

function Figures(props: { row: ComplianceRow }) {
  const { t } = usePage();
  return (
    <>
      {FIGURES.map((column) => {
        const value = props.row[column];
        return <td key={column}>{value === null ? t('cSup.blank') : String(value)}</td>;
      })}
    </>
  );
}

export function CompliancePage(props: {
  query: CompliancePageQuery;
  period: { from: IsoDate; to: IsoDate };
  errors: readonly FieldError[];
  agencyName: string;
  result: { rows: readonly ComplianceRow[]; totals: ComplianceRow } | null;
}) {
  const { t } = usePage();
  const { query, period, result } = props;
  return (
    <>
      <ErrorSummary errors={props.errors} />
      <h1>{t('cSup.title')}</h1>
      <p class="lead">{t('cSup.lead')}</p>
      <p>
        <a href="/console/supervision/assessment">{t('cSup.toAssessment')}</a> ·{' '}
        <a href="/console/supervision/roll-up">{t('cSup.toRollUp')}</a>
      </p>
      <form method="get" action={COMPLIANCE_HREF} class="filters" aria-label={t('cSup.filter.label')}>
        <TextField
          name="from"
          label={t('cSup.filter.from')}
          hint={t('cSup.filter.dateHint')}
          value={query.from ?? period.from}
          errors={props.errors}
          short
          inputMode="numeric"
          spellcheck={false}
        />
        <TextField
          name="to"
          label={t('cSup.filter.to')}
          hint={t('cSup.filter.dateHint')}
          value={query.to ?? period.to}
          errors={props.errors}
          short
          inputMode="numeric"
          spellcheck={false}
        />
        <Select
          name="sort"
          label={t('cSup.filter.sort')}
          value={query.sort ?? ''}
          choices={[
            { value: '', label: t('cSup.filter.sort.tree') },
            ...COMPLIANCE_COLUMNS.map((column) => ({ value: column, label: t(COLUMN_WORDS[column]) })),
          ]}
        />
        <Select
          name="order"
          label={t('cSup.filter.order')}
          value={query.order ?? (query.sort === 'agencyName' ? 'asc' : 'desc')}
          choices={[
            { value: 'desc', label: t('cSup.filter.order.desc') },
            { value: 'asc', label: t('cSup.filter.order.asc') },
          ]}
        />
        <div class="actions">
          <Button variant="secondary">{t('cSup.filter.apply')}</Button>
        </div>
      </form>
      {result === null ? null : (
        <>
          <p class="actions">
            <a
              href={complianceHref({ ...period, sort: query.sort, order: query.order, format: 'csv' })}
              download=""
            >
              {t('cSup.csv')}
            </a>
          </p>
          <div class="table-wrap">
            <table>
              <caption>
                {t('cSup.caption', {
                  from: period.from,
                  to: period.to,
                  agency: props.agencyName,
                  count: result.rows.length - 1,
                })}
              </caption>
              <thead>
                <tr>
                  {COMPLIANCE_COLUMNS.map((column) => (
                    <ColumnHeading key={column} column={column} query={query} period={period} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.agencyId}>
                    <th scope="row">{row.agencyName}</th>
                    <Figures row={row} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('cSup.total')}</th>
                  <Figures row={result.totals} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** A column of the export (`EXPORT_HEADER`), headed in the reader's language. */
function exportHeading(column: string, t: Translate): string {
  if (column === 'agencyId') return t('cSup.csv.agencyId');
  if (column === 'parentAgencyId') return t('cSup.csv.parentAgencyId');
  const breach = /^breaches\.(.+)\.(open|resolved)$/.exec(column);
  if (breach !== null) {
    const kind = t(`cToday.breach.${breach[1] as BreachKind}`);
    return t(breach[2] === 'open' ? 'cSup.csv.open' : 'cSup.csv.resolved', { kind });
  }
  return t(COLUMN_WORDS[column as ComplianceColumn]);
}

/** The table as spreadsheet rows, in the domain's export order, headed in the reader's language. */
export const complianceCsvRows = (
  rows: readonly ComplianceRow[],
  t: Translate,
): (string | number | null)[][] => [
  EXPORT_HEADER.map((column) => exportHeading(column, t)),
  ...exportRows(rows),
];
