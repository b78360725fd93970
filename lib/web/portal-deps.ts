import type { AgencyStore } from '#lib/use-cases/agencies';
import type { ApplicationDeps } from '#lib/use-cases/applications/ports';
import type { ComplaintFormDeps } from '#lib/use-cases/complaints';
import type { ReadingRoomDeps } from '#lib/use-cases/proactive';
import type { ReportDeps } from '#lib/use-cases/annual-reports';
import type { ComplianceDeps, RollUpEditions, SupervisionDeps } from '#lib/use-cases/supervision';

/**
 * What the portal's pages use: the very use cases (and so the ports) the API's functions use, wired to
 * the same adapters in `functions/portal.ts`. No HTTP hop between the portal and the API.
 */
export type PortalDeps = {
  readonly agencies: AgencyStore;
  readonly readingRoom: ReadingRoomDeps;
  readonly applications: ApplicationDeps;
  readonly reports: ReportDeps;
  /** Governments' published roll-ups (汇总). */
  readonly rollUps: Pick<RollUpEditions, 'rollUp' | 'rollUpEdition'>;
  /** A government's tree and its agencies' day counters (the public part of compliance). */
  readonly tree: Pick<ComplianceDeps, 'agencies' | 'days'> & {
    reports: Pick<SupervisionDeps['reports'], 'yearsOf'>;
  };
  readonly complaints: ComplaintFormDeps;
};
