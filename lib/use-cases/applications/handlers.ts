import type { StaffAccount } from '#lib/domain/staff';
import type { StaffStore } from '../staff';

/** Enough pages of an agency's staff for any disclosure office (a hundred accounts a page). */
const MAX_PAGES = 10;

/**
 * The agency's handlers (承办人): its enabled clerks, by name — those a case may be assigned to and the
 * queue filtered by. Read by key from the agency's staff partition.
 */
export async function agencyHandlers(
  staff: Pick<StaffStore, 'listByAgency'>,
  agencyId: string,
): Promise<Pick<StaffAccount, 'staffId' | 'name'>[]> {
  const handlers: Pick<StaffAccount, 'staffId' | 'name'>[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const found = await staff.listByAgency(agencyId, { limit: 100, nextToken });
    for (const account of found.items)
      if (account.enabled && account.roles.includes('clerk'))
        handlers.push({ staffId: account.staffId, name: account.name });
    if (found.nextToken === null) break;
    nextToken = found.nextToken;
  }
  return handlers.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
