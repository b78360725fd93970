import { calendarRoutes } from '#lib/api/routes/calendar';
import { loadConfig } from '#lib/config';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { CASE_FIELDS_FROM_CLOCKS } from '#lib/adapters/case-fields-from-clocks';
import { DynamoClockStore } from '#lib/adapters/clock-store';
import { RecordsTable } from '#lib/adapters/records-table';
import { httpFunction, ok } from '#lib/http/handler';
import { calendarYear, computeDeadline, loadCalendarYear } from '#lib/use-cases/calendar';
import { staffAccountLookup } from '#lib/adapters/staff-store';

const config = loadConfig(process.env, 'calendar');
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const calendars = new DynamoCalendarStore(table);
const clocks = new DynamoClockStore(table, CASE_FIELDS_FROM_CLOCKS);

/** API Gateway waits 30 s at most: recompute for 20 s, leave the rest marked for the next run. */
const RECOMPUTE_BUDGET_MS = 20_000;

export const handler = httpFunction(
  calendarRoutes,
  {
    'GET /v1/calendars/{year}': async ({ params }) => ok(await calendarYear(calendars, params.year)),

    'PUT /v1/calendars/{year}': async ({ principal, params, body, now }) => {
      const started = performance.now();
      const keepGoing = () => performance.now() - started < RECOMPUTE_BUDGET_MS;
      return ok(await loadCalendarYear({ calendars, clocks }, principal, params.year, body, now, keepGoing));
    },

    'GET /v1/deadlines': async ({ query }) =>
      ok(await computeDeadline(calendars, query), { 'cache-control': 'no-store' }),
  },
  staffAccountLookup(config),
);
