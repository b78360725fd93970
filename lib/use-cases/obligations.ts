import { catalogueOf } from '#lib/domain/agency';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { NotFoundError } from '#lib/domain/errors';
import { obligationPeriods, periodStanding } from '#lib/domain/submission/obligations';
import { currentCalendar } from './calendar';
import type { ProactiveDeps } from './proactive';

/** How many closed periods the schedule shows before the one running now. */
export const CLOSED_PERIODS_SHOWN = 3;

/**
 * The agency's periodic obligations and what is due when (seed 004 §三; seed 002 §10): for each, the
 * period running now and the last periods closed, each with its due date (the sweep's own), where it
 * stands today and the publication that fulfilled it. One read per period shown, by key.
 */
export async function obligationSchedule(
  deps: Pick<ProactiveDeps, 'store' | 'agencies' | 'calendars'>,
  agencyId: string,
  today: IsoDate,
) {
  const agency = await deps.agencies.get(agencyId);
  if (agency === undefined) throw new NotFoundError(`There is no agency ${agencyId}.`);
  const calendar = await currentCalendar(deps.calendars);
  const catalogue = catalogueOf(agency);
  const obligations = await Promise.all(
    agency.obligations.map(async (obligation) => ({
      ...obligation,
      categoryName:
        catalogue.find((entry) => entry.code === obligation.category)?.name ?? obligation.category,
      periods: await Promise.all(
        obligationPeriods(obligation, today, calendar, CLOSED_PERIODS_SHOWN).map(async (period) => {
          const fulfilment = await deps.store.periodFulfilment(agencyId, obligation.id, period.period);
          return {
            ...period,
            standing: periodStanding(period, today, fulfilment !== undefined),
            publication: fulfilment ?? null,
          };
        }),
      ),
    })),
  );
  return { agencyId, today, obligations };
}
export type ObligationSchedule = Awaited<ReturnType<typeof obligationSchedule>>;
