import { anyRouteByKey } from '#lib/api/routes';
import type { Role } from '#lib/domain/staff';
import type { MessageKey } from '../messages/catalogue';
import { PageError } from '../page-function';

/**
 * Whether someone with `roles` may call an API route (by its key, `PUT /v1/agencies/{agencyId}/profile`):
 * the route table says who may, for the console as for the API, so a page offers exactly what the API
 * would let the person do.
 */
export function mayCall(roles: ReadonlySet<Role>, routeKey: string): boolean {
  const route = anyRouteByKey(routeKey);
  if (route === undefined || route.kind === 'page') throw new Error(`no API route ${routeKey}`);
  return route.roles === undefined || route.roles.some((role) => roles.has(role));
}

/** The page answered to someone whose roles do not open it: 403, saying so, revealing nothing else. */
export const notForYourRoles = (): PageError =>
  new PageError(403, 'cAdm.forbidden.title' satisfies MessageKey, 'cAdm.forbidden.body' satisfies MessageKey);

/** Refuses the page (403) unless the person holds `role`. */
export function requireRole(roles: ReadonlySet<Role>, role: Role): void {
  if (!roles.has(role)) throw notForYourRoles();
}
