import type { Agency } from '#lib/domain/agency';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import { ForbiddenError, ValidationError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import type { Breach } from '#lib/domain/sweep';
import type { ApplicationStore } from './applications/ports';

type PageRequest = { limit: number; nextToken?: string | undefined };

/** Port: reading what the sweep recorded. */
export interface OversightStore {
  /** The breaches the agency's supervisors see, of a year (and kind) when asked. */
  listBreaches(
    agencyId: string,
    query: {
      year?: number | undefined;
      kind?: string | undefined;
      limit: number;
      nextToken?: string | undefined;
    },
  ): Promise<{ items: Breach[]; nextToken: string | null }>;
  /** The reminders the sweep sent for the agency, newest first, each as it was recorded. */
  listReminders(
    agencyId: string,
    page: PageRequest,
  ): Promise<{ items: Record<string, unknown>[]; nextToken: string | null }>;
  /** The notifications sent for the agency, newest first, each as it was kept. */
  listOutbox(
    agencyId: string,
    page: PageRequest,
  ): Promise<{ items: Record<string, unknown>[]; nextToken: string | null }>;
}

/** Port: the tree of agencies (parentAgencyId), which supervision follows. */
export interface AgencyTree {
  get(agencyId: string): Promise<Agency | undefined>;
  /** The agencies directly under `agencyId`. */
  children(agencyId: string): Promise<string[]>;
}

export type OversightDeps = {
  store: OversightStore;
  agencies: AgencyTree;
  applications: Pick<ApplicationStore, 'listAwaitingConfirmation'>;
};

/** Whether `agencyId` is below `ancestorId` in the tree (its parent, or its parent's, …; 20 levels at most). */
export async function agencyIsBelow(
  tree: Pick<AgencyTree, 'get'>,
  agencyId: string,
  ancestorId: string,
): Promise<boolean> {
  let current = await tree.get(agencyId);
  for (let depth = 0; depth < 20 && current !== undefined; depth += 1) {
    if (current.parentAgencyId === null) return false;
    if (current.parentAgencyId === ancestorId) return true;
    current = await tree.get(current.parentAgencyId);
  }
  return false;
}

/**
 * Supervision follows the agency tree: staff of an agency see its records; a supervisor (or administrator)
 * of a higher agency also sees the agencies under it (RULES §4).
 */
export async function assertOversees(
  deps: { agencies: Pick<AgencyTree, 'get'> },
  principal: Principal,
  agencyId: string,
): Promise<void> {
  if (principal.agencyId === agencyId) return;
  if (!(await agencyIsBelow(deps.agencies, agencyId, principal.agencyId)))
    throw new ForbiddenError('This staff account belongs to another agency.');
}

export async function listBreaches(
  deps: OversightDeps,
  principal: Principal,
  agencyId: string,
  query: {
    year?: number | undefined;
    kind?: string | undefined;
    includeSubordinates: boolean;
    limit: number;
    nextToken?: string | undefined;
  },
) {
  await assertOversees(deps, principal, agencyId);
  // Breaches are listed by key, year then kind: a kind alone would mean pages filtered after reading.
  if (query.kind !== undefined && query.year === undefined)
    throw new ValidationError('Breaches of a kind are listed within a year.', [
      { path: 'query.year', message: 'is required with kind' },
    ]);
  const page = await deps.store.listBreaches(agencyId, query);
  if (!query.includeSubordinates)
    return { agencyId, items: page.items, nextToken: page.nextToken, subordinates: [] };
  const subordinates: { agencyId: string; items: Breach[] }[] = [];
  const queue = await deps.agencies.children(agencyId);
  while (queue.length > 0 && subordinates.length < 200) {
    const child = queue.shift();
    if (child === undefined) break;
    subordinates.push({
      agencyId: child,
      items: (await deps.store.listBreaches(child, { ...query, nextToken: undefined })).items,
    });
    queue.push(...(await deps.agencies.children(child)));
  }
  return { agencyId, items: page.items, nextToken: page.nextToken, subordinates };
}

export async function listReminders(
  deps: OversightDeps,
  principal: Principal,
  agencyId: string,
  page: PageRequest,
) {
  // Any of the agency's own staff reads its reminders; from above, only those who supervise it.
  if (
    principal.agencyId !== agencyId &&
    !principal.roles.has('supervisor') &&
    !principal.roles.has('agency_admin')
  )
    throw new ForbiddenError('Reminders of another agency are read by its supervisors and administrators.');
  await assertOversees(deps, principal, agencyId);
  return deps.store.listReminders(agencyId, page);
}

export async function listOutbox(
  deps: OversightDeps,
  principal: Principal,
  agencyId: string,
  page: PageRequest,
) {
  await assertOversees(deps, principal, agencyId);
  return deps.store.listOutbox(agencyId, page);
}

/**
 * Online applications waiting for confirmation (Reg. 31(3): received only when confirmed), oldest first,
 * each with the agency's limit to confirm it — a policy of the agency, not the law — and whether it has
 * passed (the sweep then records `confirmation_overdue`).
 */
export async function listAwaitingConfirmation(
  deps: OversightDeps,
  principal: Principal,
  agencyId: string,
  page: PageRequest,
  today: IsoDate,
) {
  await assertOversees(deps, principal, agencyId);
  const found = await deps.applications.listAwaitingConfirmation(agencyId, page);
  return {
    agencyId,
    limitBasis: CONFIRMATION_LIMIT_BASIS,
    items: found.items.map((application) => ({
      trackingNumber: application.id,
      submittedAt: application.submittedAt,
      confirmBy: application.confirmation?.dueDate ?? null,
      limitWorkingDays: application.confirmation?.workingDays ?? null,
      overdue: application.confirmation !== null && today > application.confirmation.dueDate,
      assignee: application.assignee,
    })),
    nextToken: found.nextToken,
  };
}

/** How the limit to confirm is labelled wherever it is shown. */
export const CONFIRMATION_LIMIT_BASIS =
  'agency policy, not law: Reg. 31(3) makes the day of confirmation the date of receipt and sets no time limit';
