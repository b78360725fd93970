import * as z from 'zod';
import { CivilDate } from '#lib/domain/calendar/civil-date';
import { CALENDAR_RANGE } from '#lib/domain/calendar/working-calendar';
import {
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_YEAR,
  PublishedSchedule,
} from '#lib/domain/calendar/year-schedule';
import { rule, versionConflict } from '../problems';
import { publicThrottle, type RouteDefinition } from '../route-definition';

export const YearPath = z.object({
  year: z.coerce
    .number({ error: 'must be a year' })
    .int('must be a year')
    .min(FIRST_CALENDAR_YEAR, `must be ${FIRST_CALENDAR_YEAR} or later`)
    .max(LAST_CALENDAR_YEAR, `must be ${LAST_CALENDAR_YEAR} or earlier`),
});

const periodLength = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(366, 'must be at most 366');

export const DeadlineQuery = z
  .object({
    from: CivilDate.refine(
      (date) => date >= CALENDAR_RANGE.first && date <= CALENDAR_RANGE.last,
      `must be from ${CALENDAR_RANGE.first} to ${CALENDAR_RANGE.last}`,
    ),
    workingDays: periodLength.optional(),
    naturalDays: periodLength.optional(),
  })
  .refine((query) => (query.workingDays === undefined) !== (query.naturalDays === undefined), {
    message: 'give exactly one of workingDays and naturalDays',
    path: ['workingDays'],
  });

/** The calendar function’s routes: working-day calendars and the public deadline calculator. */
export const calendarRoutes = [
  {
    method: 'GET',
    path: '/v1/calendars/{year}',
    function: 'calendar',
    access: 'public',
    summary: 'A year’s working-day calendar and where it comes from (bundled, loaded or provisional)',
    params: YearPath,
    problems: [],
    responses: { 200: { description: 'The year', schema: 'CalendarYearView' } },
    throttle: publicThrottle,
  },
  {
    method: 'PUT',
    path: '/v1/calendars/{year}',
    function: 'calendar',
    access: 'staff',
    roles: ['platform_admin'],
    summary:
      'Load a year’s holiday schedule as the State Council published it; provisional clocks are recomputed',
    params: YearPath,
    body: PublishedSchedule,
    problems: [versionConflict, rule('invalid-schedule')],
    responses: {
      200: {
        description: 'The year, and the recomputation of provisional clocks',
        schema: 'LoadedCalendarYearView',
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/deadlines',
    function: 'calendar',
    access: 'public',
    summary:
      'Deadline calculator: N working days (or natural days) from a date, in China’s working-day calendar',
    query: DeadlineQuery,
    problems: [rule('outside-calendar')],
    responses: { 200: { description: 'The due date', schema: 'DeadlineView' } },
    throttle: publicThrottle,
  },
] as const satisfies readonly RouteDefinition<'calendar'>[];
