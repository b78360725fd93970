import { routeByKey, type RouteKey } from '#lib/api/routes';
import type { Role } from '#lib/domain/staff';
import type { MessageKey } from '../messages/catalogue';
import { PageError } from '../page-function';
import { CONSOLE_SECTIONS } from './navigation';

/**
 * Whether someone with `roles` may take an action: the API route that does it
 * (`PUT /v1/agencies/{agencyId}/profile`) lists the roles that may call it, and the console asks the same
 * table (one rule, two doors), so a page offers exactly what the API would let the person do. The use
 * case, called with the principal, remains what decides; this decides what a page offers and what a form
 * post is refused.
 */
export function mayCall(roles: ReadonlySet<Role>, routeKey: RouteKey): boolean {
  const route = routeByKey(routeKey);
  if (route === undefined) throw new Error(`No API route ${routeKey}`);
  return route.roles === undefined || route.roles.length === 0 || route.roles.some((role) => roles.has(role));
}

/** Whether the person's roles open a section of the console (`navigation.ts` says whose it is). */
export function mayOpen(roles: ReadonlySet<Role>, href: (typeof CONSOLE_SECTIONS)[number]['href']): boolean {
  const section = CONSOLE_SECTIONS.find((candidate) => candidate.href === href);
  if (section === undefined) throw new Error(`No console section ${href}`);
  return section.roles.length === 0 || section.roles.some((role) => roles.has(role));
}

/** The page answered to someone whose roles do not open it: 403, saying so, revealing nothing else. */
export const notForYourRoles = (): PageError =>
  new PageError(403, 'cAdm.forbidden.title' satisfies MessageKey, 'cAdm.forbidden.body' satisfies MessageKey);

/** Refuses the page (403) unless the person holds `role`. */
export function requireRole(roles: ReadonlySet<Role>, role: Role): void {
  if (!roles.has(role)) throw notForYourRoles();
}
