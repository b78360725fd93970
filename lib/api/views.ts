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
