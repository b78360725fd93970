import * as z from 'zod';
import type { AssessmentItem, ScoredItem } from '#lib/domain/assessment';
import { Button, Select } from '../../components';
import { usePage } from '../../context';
import type { MessageKey } from '../../messages/catalogue';
import { COMPLIANCE_HREF } from './compliance.tsx';

export const ASSESSMENT_HREF = '/console/supervision/assessment';
/** The first year the page offers (the assessment counts from the day counters, kept since 2026). */
export const FIRST_ASSESSED_YEAR = 2026;

export const AssessmentPageQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

/** One agency's scores, as the use case answers them (the items' text and points are the table's). */
export type AgencyAssessment = Readonly<{
  agencyId: string;
  agencyName: string;
  scores: readonly Pick<ScoredItem, 'number' | 'score' | 'counts'>[];
  measured: { score: number; of: number };
  bonus: number;
  manual: { numbers: readonly number[]; of: number };
}>;

/** The years a supervision page offers: this year back to the first counted (or the year shown). */
export function offeredYears(year: number, thisYear: number): number[] {
  const years: number[] = [];
  for (let offered = thisYear; offered >= Math.min(year, FIRST_ASSESSED_YEAR); offered -= 1)
    years.push(offered);
  return years;
}

/** A GET form choosing the year a supervision page shows. */
export function YearForm(props: {
  action: string;
  formLabel: string;
  label: string;
  year: number;
  years: readonly number[];
}) {
  const { t } = usePage();
  return (
    <form method="get" action={props.action} class="filters" aria-label={props.formLabel}>
      <Select
        name="year"
        label={props.label}
        value={String(props.year)}
        choices={props.years.map((year) => ({ value: String(year), label: String(year) }))}
      />
      <div class="actions">
        <Button variant="secondary">{t('cSup.as.apply')}</Button>
      </div>
    </form>
  );
}

const measureWords = (measure: NonNullable<ScoredItem['measure']>): MessageKey => `cSup.measure.${measure}`;

/** An agency's measured items: the item, its points and score, and what the score counts. */
function MeasuredItems(props: { agency: AgencyAssessment; items: readonly AssessmentItem[] }) {
  const { t } = usePage();
  const byNumber = new Map(props.items.map((item) => [item.number, item]));
  const measured = props.agency.scores.flatMap((scored) => {
    const item = byNumber.get(scored.number);
    return item === undefined ? [] : [{ ...item, ...scored }];
  });
  return (
    <div class="table-wrap">
      <table>
        <caption>{t('cSup.as.details', { agency: props.agency.agencyName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cSup.as.col.number')}</th>
            <th scope="col">{t('cSup.as.col.item')}</th>
            <th scope="col" class="nowrap">
              {t('cSup.as.col.points')}
            </th>
            <th scope="col" class="nowrap">
              {t('cSup.as.col.score')}
            </th>
            <th scope="col">{t('cSup.as.col.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {measured.map((item) => (
            <tr key={item.number}>
              <th scope="row">{item.number}</th>
              <td>{item.text}</td>
              <td class="nowrap">{item.points}</td>
              <td class="nowrap">{item.score === null ? t('cSup.blank') : item.score}</td>
              <td>
                {item.measure === null ? null : t(measureWords(item.measure))}
                {item.counts === null ? (
                  <span class="muted"> {t('cSup.as.notYet')}</span>
                ) : (
                  <>
                    {'：'}
                    <strong>{t('cSup.as.counts', item.counts)}</strong>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AssessmentPage(props: {
  year: number;
  years: readonly number[];
  table: { name: string; items: readonly AssessmentItem[] };
  agencies: readonly AgencyAssessment[];
}) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('cSup.as.title', { year: props.year })}</h1>
      <p class="lead">{t('cSup.as.lead', { table: props.table.name })}</p>
      <p>
        <a href={COMPLIANCE_HREF}>{t('cSup.toCompliance')}</a>
      </p>
      <YearForm
        action={ASSESSMENT_HREF}
        formLabel={t('cSup.as.form')}
        label={t('cSup.as.year')}
        year={props.year}
        years={props.years}
      />
      <div class="table-wrap">
        <table>
          <caption>{t('cSup.as.caption', { year: props.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cSup.col.agency')}</th>
              <th scope="col">{t('cSup.as.col.measured')}</th>
              <th scope="col">{t('cSup.as.col.bonus')}</th>
              <th scope="col">{t('cSup.as.col.manual')}</th>
            </tr>
          </thead>
          <tbody>
            {props.agencies.map((agency) => (
              <tr key={agency.agencyId}>
                <th scope="row">
                  <a href={`#as-${agency.agencyId}`}>{agency.agencyName}</a>
                </th>
                <td>{t('cSup.as.score', agency.measured)}</td>
                <td>{agency.bonus}</td>
                <td>
                  {t('cSup.as.manual', { count: agency.manual.numbers.length, points: agency.manual.of })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.agencies.map((agency) => (
        <section
          key={agency.agencyId}
          id={`as-${agency.agencyId}`}
          aria-labelledby={`as-${agency.agencyId}-h`}
        >
          <h2 id={`as-${agency.agencyId}-h`}>{agency.agencyName}</h2>
          <MeasuredItems agency={agency} items={props.table.items} />
        </section>
      ))}
    </>
  );
}
