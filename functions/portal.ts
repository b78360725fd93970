import { portalRoutes } from '#lib/api/page-routes';
import { applicationDeps } from '#lib/adapters/application-deps';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { DynamoComplaintStore } from '#lib/adapters/complaint-store';
import { readingRoomDeps } from '#lib/adapters/proactive-deps';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { DynamoReportStore } from '#lib/adapters/report-store';
import { loadConfig } from '#lib/config';
import type { PortalDeps } from '#lib/web/portal-deps';
import { pageFunction } from '#lib/web/page-function.tsx';
import { applyPages } from '#lib/web/pages/apply.tsx';
import { complaintPages } from '#lib/web/pages/complaints.tsx';
import { followPages } from '#lib/web/pages/follow.tsx';
import { homePages } from '#lib/web/pages/home.tsx';
import { readingPages } from '#lib/web/pages/reading-room.tsx';

const config = loadConfig(process.env, 'portal');
const { deps: applications, table } = await applicationDeps(config);
const reportStore = new DynamoReportStore(table);
const deps: PortalDeps = {
  agencies: applications.agencies,
  readingRoom: readingRoomDeps(config),
  applications,
  reports: { store: reportStore, agencies: applications.agencies },
  rollUps: reportStore,
  tree: { agencies: new DynamoAgencyStore(table), days: reportStore, reports: reportStore },
  complaints: {
    store: new DynamoComplaintStore(table),
    agencies: applications.agencies,
    calendars: new DynamoCalendarStore(table),
    formSecret: applications.applicantSecret,
  },
};

/** The citizen portal: every page route, over the same use cases as the API. */
export const handler = pageFunction(
  portalRoutes,
  {
    ...homePages(deps.agencies),
    ...readingPages(deps),
    ...applyPages(deps),
    ...followPages(deps),
    ...complaintPages(deps),
  },
  { publicBaseUrl: config.publicBaseUrl },
);
