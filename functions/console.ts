import { consoleRoutes } from '#lib/api/console-routes';
import { applicationDeps } from '#lib/adapters/application-deps';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { DynamoCalendarStore } from '#lib/adapters/calendar-store';
import { DynamoComplaintStore } from '#lib/adapters/complaint-store';
import { DynamoHeldForms } from '#lib/adapters/held-form-store';
import { newStaffId } from '#lib/ids';
import { IdTokenExpired, OidcClient } from '#lib/adapters/oidc-client';
import { proactiveDeps } from '#lib/adapters/proactive-deps';
import { DynamoReportStore } from '#lib/adapters/report-store';
import { createStaffDirectory } from '#lib/adapters/staff-directory';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { loadConfig } from '#lib/config';
import { PLATFORM_AGENCY_ID } from '#lib/domain/staff';
import type { ConsoleDeps } from '#lib/web/console/console-deps';
import { consolePages } from '#lib/web/console/pages.tsx';
import { sessionGate } from '#lib/web/console/session-gate';
import { signInPages } from '#lib/web/console/sign-in.tsx';
import { pageFunction } from '#lib/web/page-function.tsx';

const config = loadConfig(process.env, 'console');
// The console issues decisions and notices: it writes their letters before anyone is shown the link.
const { deps: applications, table } = await applicationDeps(config, { writesLetters: true });
const staffStore = new DynamoStaffStore(table);
const tree = new DynamoAgencyStore(table);
const reportStore = new DynamoReportStore(table);
const sweepStore = new DynamoSweepStore(table, tree);
const deps: ConsoleDeps = {
  agencies: applications.agencies,
  applications,
  proactive: proactiveDeps(config),
  complaints: {
    store: new DynamoComplaintStore(table),
    agencies: applications.agencies,
    calendars: new DynamoCalendarStore(table),
  },
  reports: { store: reportStore, agencies: applications.agencies },
  oversight: {
    store: sweepStore,
    agencies: tree,
    applications: applications.applications,
  },
  staff: {
    store: staffStore,
    agencies: applications.agencies,
    directory: createStaffDirectory(config),
    newStaffId,
  },
  supervision: {
    agencies: tree,
    days: reportStore,
    breaches: sweepStore,
    reports: reportStore,
    editions: reportStore,
  },
};

const oidc = new OidcClient(config.staffSignIn);
const staffAccountOf = (staffId: string) => staffStore.account(staffId);

/** Agency names for the header, kept a few minutes per instance (a rename shows within five). */
const names = new Map<string, { name: string; until: number }>();
async function agencyNameOf(agencyId: string): Promise<string> {
  const kept = names.get(agencyId);
  if (kept !== undefined && kept.until > Date.now()) return kept.name;
  const agency = agencyId === PLATFORM_AGENCY_ID ? undefined : await applications.agencies.get(agencyId);
  const name = agency?.name ?? agencyId;
  names.set(agencyId, { name, until: Date.now() + 5 * 60 * 1000 });
  return name;
}

/** The staff console: every console page route, over the same use cases as the API. */
export const handler = pageFunction(
  consoleRoutes,
  {
    ...signInPages({
      client: oidc,
      staffAccountOf,
    }),
    ...consolePages(deps),
  },
  {
    publicBaseUrl: config.publicBaseUrl,
    sessions: sessionGate({
      verify: (token, wallClock) => oidc.verify(token, wallClock),
      isExpired: (error) => (error instanceof IdTokenExpired ? error.payload : undefined),
      staffAccountOf,
      agencyNameOf,
      heldForms: new DynamoHeldForms(table),
    }),
  },
);
