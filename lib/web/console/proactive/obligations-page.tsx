import { chinaDateOf } from '#lib/domain/china-time';
import type { PeriodStanding } from '#lib/domain/submission/obligations';
import { obligationSchedule } from '#lib/use-cases/obligations';
import type { ProactiveDeps } from '#lib/use-cases/proactive';
import { DateText } from '../../components';
import { usePage } from '../../context';
import type { PageHandler } from '../../page-function';
import { AreaNav, consolePageAnswer, paths } from './shared';

type Schedule = Awaited<ReturnType<typeof obligationSchedule>>;

/** A period's standing in words, with a colour that only repeats them. */
const STANDING_TAG: Readonly<Record<PeriodStanding, string>> = {
  published: 'tag green',
  open: 'tag',
  due: 'tag amber',
  overdue: 'tag red',
};

/**
 * Periodic obligations (定期公开事项): each recurring item the agency declared, and for the period running now
 * and the last ones closed, when it closes, by when its item must be published (the date the daily sweep
 * holds the agency to) and whether it was.
 */
export function obligationsPage(deps: ProactiveDeps): PageHandler<'GET /console/obligations'> {
  return async ({ session, t, now }) => {
    const schedule = await obligationSchedule(deps, session.principal.agencyId, chinaDateOf(now));
    const title = t('cPro.obligations.title');
    return consolePageAnswer({
      title,
      crumbs: [{ label: t('console.nav.proactive'), href: paths.submissions() }, { label: title }],
      body: (
        <>
          <h1>{title}</h1>
          <AreaNav current="obligations" />
          <p class="lead">{t('cPro.obligations.lead')}</p>
          {schedule.obligations.length === 0 ? (
            <p class="muted">{t('cPro.obligations.none')}</p>
          ) : (
            schedule.obligations.map((obligation) => (
              <Obligation key={obligation.id} obligation={obligation} />
            ))
          )}
        </>
      ),
    });
  };
}

function Obligation({ obligation }: { obligation: Schedule['obligations'][number] }) {
  const { t } = usePage();
  const headingId = `ob-${obligation.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{obligation.title}</h2>
      <p class="meta">
        {t('cPro.obligations.meta', {
          category: obligation.categoryName,
          cadence: t(`cPro.cadence.${obligation.cadence}`),
          days: obligation.publishWithinWorkingDays,
        })}
      </p>
      {obligation.periods.length === 0 ? (
        <p class="muted">{t('cPro.obligations.noPeriods')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              {t('cPro.obligations.caption', { title: obligation.title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cPro.obligations.period')}</th>
                <th scope="col">{t('cPro.obligations.closesOn')}</th>
                <th scope="col">{t('cPro.obligations.dueDate')}</th>
                <th scope="col">{t('cPro.obligations.standing')}</th>
              </tr>
            </thead>
            <tbody>
              {obligation.periods.map((period) => (
                <tr key={period.period}>
                  <td>{period.period}</td>
                  <td>
                    <DateText date={period.closesOn} />
                  </td>
                  <td>
                    <DateText date={period.dueDate} />
                    {period.provisional ? (
                      <span class="muted"> {t('cPro.obligations.provisional')}</span>
                    ) : null}
                  </td>
                  <td>
                    <span class={STANDING_TAG[period.standing]}>{t(`cPro.standing.${period.standing}`)}</span>
                    {period.publication === null ? null : (
                      <>
                        {' '}
                        <a href={paths.publication(period.publication.publicationId)}>
                          {t('cPro.obligations.publication')}
                        </a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
