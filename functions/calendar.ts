import { loadConfig } from '#lib/config';
import { DeadlineQuery, YearPath } from '#lib/api/routes';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { CASE_FIELDS_FROM_CLOCKS } from '#lib/adapters/case-fields-from-clocks';
import { DynamoClockStore } from '#lib/adapters/clock-store';
import { RecordsTable } from '#lib/adapters/records-table';
import { PublishedSchedule } from '#lib/domain/calendar/year-schedule';
import { httpFunction, ok } from '#lib/http/handler';
import { calendarYear, computeDeadline, loadCalendarYear } from '#lib/use-cases/calendar';

const config = loadConfig(process.env, { records: true });
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const calendars = new DynamoCalendarStore(table);
const clocks = new DynamoClockStore(table, CASE_FIELDS_FROM_CLOCKS);

/** API Gateway waits 30 s at most: recompute for 20 s, leave the rest marked for the next run. */
const RECOMPUTE_BUDGET_MS = 20_000;

export const handler = httpFunction('calendar', {
  'GET /v1/calendars/{year}': async (request) =>
    ok(await calendarYear(calendars, request.params(YearPath).year)),

  'PUT /v1/calendars/{year}': async (request) => {
    const { year } = request.params(YearPath);
    const started = performance.now();
    const keepGoing = () => performance.now() - started < RECOMPUTE_BUDGET_MS;
    return ok(
      await loadCalendarYear(
        { calendars, clocks },
        request.principal,
        year,
        request.body(PublishedSchedule),
        request.now,
        keepGoing,
      ),
    );
  },

  'GET /v1/deadlines': async (request) =>
    ok(await computeDeadline(calendars, request.query(DeadlineQuery)), { 'cache-control': 'no-store' }),
});
