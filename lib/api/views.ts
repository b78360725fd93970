import { z } from 'zod';
import { AgencyLevel, OfficeProfile } from '#lib/domain/agency';
import { Role } from '#lib/domain/staff';

/** Response shapes, for the OpenAPI document and for tests that check what clients receive. */

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const isoTime = z.string().describe('ISO 8601 with offset');

/** An agency as the public directory shows it. */
export const DirectoryEntry = z.object({
  agencyId: z.string(),
  name: z.string(),
  level: AgencyLevel,
  parentAgencyId: z.string().nullable(),
  office: OfficeProfile.nullable(),
});

export const AgencyDirectory = z.object({ items: z.array(DirectoryEntry), nextToken: z.string().nullable() });

/** An agency as its own staff see it. */
export const AgencyView = z.object({
  agencyId: z.string(),
  name: z.string(),
  level: AgencyLevel,
  parentAgencyId: z.string().nullable(),
  annualReportCutoff: z.string().describe('MM-DD, China Standard Time'),
  profile: OfficeProfile.nullable(),
  createdAt: isoTime,
  version: z.int(),
});

export const StaffView = z.object({
  staffId: z.string(),
  agencyId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  enabled: z.boolean(),
  createdAt: isoTime,
  version: z.int(),
});
export const CreatedStaffView = StaffView.extend({
  token: z.string().optional().describe('Local cloud only: an ID token for the new account'),
});
export const StaffList = z.object({ items: z.array(StaffView), nextToken: z.string().nullable() });

const DependencyState = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  detail: z.string(),
});
export const HealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  checkedAt: isoTime,
  dependencies: z.object({ recordsTable: DependencyState, archiveBucket: DependencyState }),
});

const MarkedDayView = z.object({ date: z.string(), festival: z.string() });
const ExplainedDay = z.object({ date: z.string(), reason: z.string() });

export const CalendarYearView = z.object({
  year: z.int(),
  source: z.enum(['bundled', 'loaded', 'provisional']),
  holidays: z.array(MarkedDayView),
  adjustedWorkdays: z.array(MarkedDayView),
  notice: z
    .object({
      title: z.string(),
      documentNumber: z.string().optional(),
      publishedOn: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  workingDays: z.int(),
  statutoryHolidays: z.array(MarkedDayView).nullable(),
});
export const LoadedCalendarYearView = CalendarYearView.extend({
  recomputation: z.object({ examined: z.int(), changed: z.int(), complete: z.boolean() }),
});

export const DeadlineView = z.object({
  from: z.string(),
  dueDate: z.string(),
  provisional: z.boolean(),
  calendarYears: z.array(z.int()),
  provisionalYears: z.array(z.int()),
  rule: z.enum(['working_days', 'natural_days']),
  days: z.int(),
  daysOff: z.array(ExplainedDay).describe('festival days off inside the period'),
  adjustedWorkdays: z.array(ExplainedDay).describe('weekend days inside the period that are worked (调休)'),
});
