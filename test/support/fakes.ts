import type { Agency } from '#lib/domain/agency';
import type { StaffAccount } from '#lib/domain/staff';
import { EMPTY_CHAIN, nextEvent } from '#lib/domain/timeline';
import type { ReportDeps } from '#lib/use-cases/annual-reports';
import type { ApplicationDeps } from '#lib/use-cases/applications/ports';
import type { ComplaintFormDeps } from '#lib/use-cases/complaints';
import type { ProactiveDeps } from '#lib/use-cases/proactive';
import { InMemoryAgencyStore } from './fakes/agency-store';
import { InMemoryApplicationStore } from './fakes/application-store';
import { InMemoryCalendarStore } from './fakes/calendar-store';
import { InMemoryComplaintStore } from './fakes/complaint-store';
import { InMemoryProactiveStore } from './fakes/proactive-store';
import { InMemoryRecords } from './fakes/records';
import { InMemoryReportStore } from './fakes/report-store';
import { InMemoryStaffStore } from './fakes/staff-store';
import { InMemoryUploadStore } from './fakes/upload-store';

export { InMemoryAgencyStore, agencyCase } from './fakes/agency-store';
export { InMemoryApplicationStore, applicationCase } from './fakes/application-store';
export { InMemoryCalendarStore, CALENDAR_CASE } from './fakes/calendar-store';
export { InMemoryComplaintStore, complaintCase } from './fakes/complaint-store';
export { InMemoryProactiveStore, publicationCase, submissionCase } from './fakes/proactive-store';
export { InMemoryRecords, type KeptClock, type ListingEntry } from './fakes/records';
export { InMemoryReportStore, challengeCase, reportCase } from './fakes/report-store';
export { InMemoryStaffStore, staffCase } from './fakes/staff-store';
export { InMemoryUploadStore } from './fakes/upload-store';

/** The archive's download links, as tests see them. */
export const archiveUrl = (key: string): string => `https://archive.test/${key}`;

/**
 * Every port in memory over one set of records (so the report store counts what the application and
 * proactive stores moved), with the use cases' dependencies wired to them and deterministic ids:
 * tracking numbers `YYYY-TEST-0001`, access tokens `token-1`, consultations `c1`.
 */
export function inMemoryWorld() {
  const records = new InMemoryRecords();
  const applications = new InMemoryApplicationStore(records);
  const calendars = new InMemoryCalendarStore(records);
  const agencies = new InMemoryAgencyStore(records);
  const staff = new InMemoryStaffStore(records);
  const uploads = new InMemoryUploadStore();
  const proactive = new InMemoryProactiveStore(records);
  const complaints = new InMemoryComplaintStore(records);
  const reports = new InMemoryReportStore(records);
  const drawn = { trackingNumbers: 0, tokens: 0, consultations: 0 };
  const applicationDeps: ApplicationDeps = {
    applications,
    calendars,
    agencies,
    staff,
    uploads,
    publications: proactive,
    letterUrl: async (key) => archiveUrl(key),
    applicantSecret: new Uint8Array(32).fill(7),
    newTrackingNumber: (year) => `${year}-TEST-${String((drawn.trackingNumbers += 1)).padStart(4, '0')}`,
    newAccessToken: () => `token-${(drawn.tokens += 1)}`,
    newConsultationId: () => `c${(drawn.consultations += 1)}`,
  };
  const proactiveDeps: ProactiveDeps = { store: proactive, agencies, calendars, uploads };
  const complaintDeps: ComplaintFormDeps = {
    store: complaints,
    agencies,
    calendars,
    formSecret: applicationDeps.applicantSecret,
  };
  const reportDeps: ReportDeps = { store: reports, agencies };
  return {
    records,
    applications,
    calendars,
    agencies,
    staff,
    uploads,
    proactive,
    complaints,
    reports,
    applicationDeps,
    proactiveDeps,
    complaintDeps,
    reportDeps,
  };
}
export type InMemoryWorld = ReturnType<typeof inMemoryWorld>;

/** An agency as the platform created it (through the store, with its first timeline event). */
export async function givenAgency(world: InMemoryWorld, agency: Agency): Promise<Agency> {
  const event = nextEvent({ agencyId: agency.agencyId, kind: 'agency', id: agency.agencyId }, EMPTY_CHAIN, {
    type: 'agency_created',
    now: new Date(agency.createdAt),
    actor: { kind: 'system', process: 'test' },
    data: { name: agency.name },
  });
  await world.agencies.create(agency, event);
  return agency;
}

/** A staff account as the agency administrator created it (through the store, with its first event). */
export async function givenStaff(world: InMemoryWorld, account: StaffAccount): Promise<StaffAccount> {
  const event = nextEvent({ agencyId: account.agencyId, kind: 'staff', id: account.staffId }, EMPTY_CHAIN, {
    type: 'staff_created',
    now: new Date(account.createdAt),
    actor: { kind: 'system', process: 'test' },
    data: { email: account.email },
  });
  await world.staff.create(account, event);
  return account;
}
