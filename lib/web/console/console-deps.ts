import type { AgencyStore } from '#lib/use-cases/agencies';
import type { ReportDeps } from '#lib/use-cases/annual-reports';
import type { ApplicationDeps } from '#lib/use-cases/applications/ports';
import type { ComplaintDeps } from '#lib/use-cases/complaints';
import type { OversightDeps } from '#lib/use-cases/oversight';
import type { ProactiveDeps } from '#lib/use-cases/proactive';
import type { StaffDeps } from '#lib/use-cases/staff';
import type { AssessmentDeps, RollUpEditions } from '#lib/use-cases/supervision';

/**
 * What the console's pages use: the very use cases (and so the ports) the API's staff functions use,
 * wired to the same adapters in `functions/console.ts`. No HTTP hop between the console and the API.
 */
export type ConsoleDeps = {
  readonly agencies: AgencyStore;
  readonly applications: ApplicationDeps;
  readonly proactive: ProactiveDeps;
  readonly complaints: ComplaintDeps;
  readonly reports: ReportDeps;
  readonly oversight: OversightDeps;
  readonly staff: StaffDeps;
  /** A government over the agencies under it: compliance, the assessment. */
  readonly supervision: AssessmentDeps & { editions: RollUpEditions };
};
