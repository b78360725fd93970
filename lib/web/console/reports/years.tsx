import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { DateText } from '../../components';
import { usePage } from '../../context';
import { CHALLENGES_HREF } from './challenges.tsx';
import { reportDue, reportHref, reportState, type ReportDue, type StateOf, type YearEntry } from './words';

/** How a year stands against its cutoff: the words, coloured (the words say it all). */
export function DueTag(props: { due: ReportDue }) {
  const { t } = usePage();
  return (
    <strong class={`tag ${props.due.tone} nowrap`}>{t(props.due.words, { days: props.due.days })}</strong>
  );
}

/** A report's state in words: none, figures entered, draft, published (which edition), being corrected. */
export function StateText(props: { entry: StateOf }) {
  const { t } = usePage();
  const state = reportState(props.entry);
  return <>{t(state.words, { edition: state.edition })}</>;
}

/**
 * The agency's annual reports year by year: each year's state (figures entered, draft and its failing
 * checks, editions published), the cutoff its report is due by, and whether it is late.
 */
export function ReportYears(props: {
  agency: { name: string; annualReportCutoff: string };
  years: readonly YearEntry[];
  today: IsoDate;
}) {
  const { t } = usePage();
  const [month = '', day = ''] = props.agency.annualReportCutoff.split('-');
  return (
    <>
      <h1>{t('cRep.list.title')}</h1>
      <p class="lead">{t('cRep.list.lead', { month: Number(month), day: Number(day) })}</p>
      <div class="table-wrap">
        <table>
          <caption>{t('cRep.list.caption', { agency: props.agency.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cRep.list.year')}</th>
              <th scope="col">{t('cRep.list.state')}</th>
              <th scope="col">{t('cRep.list.checks')}</th>
              <th scope="col">{t('cRep.list.cutoff')}</th>
              <th scope="col">{t('cRep.list.due')}</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((entry) => (
              <tr key={entry.year}>
                <th scope="row">
                  <a href={reportHref(entry.year)}>{t('cRep.list.yearLink', { year: entry.year })}</a>
                </th>
                <td>
                  <StateText entry={entry} />
                </td>
                <td>
                  {entry.report === null || entry.report.status === 'published'
                    ? t('cRep.none')
                    : entry.report.failingChecks === 0
                      ? t('cRep.checks.pass')
                      : t('cRep.checks.fail', { count: entry.report.failingChecks })}
                </td>
                <td>
                  <DateText date={entry.cutoff} />
                </td>
                <td>
                  <DueTag due={reportDue(entry, props.today)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={CHALLENGES_HREF}>{t('cRep.lc.link')}</a>
      </p>
    </>
  );
}
