import { routeByKey, type RouteKey } from '#lib/api/routes';
import type { Principal } from '#lib/domain/staff';
import { CONSOLE_SECTIONS } from './navigation';

/**
 * Whether the signed-in person may take an action: the API route that does it lists the roles that may
 * call it, and the console asks the same table (one rule, two doors). The use case, called with the
 * principal, remains what decides; this decides what a page offers and what a form post is refused.
 */
export function mayCall(principal: Principal, routeKey: RouteKey): boolean {
  const route = routeByKey(routeKey);
  if (route === undefined) throw new Error(`No API route ${routeKey}`);
  const roles = route.roles ?? [];
  return roles.length === 0 || roles.some((role) => principal.roles.has(role));
}

/** Whether the person's roles open a section of the console (`navigation.ts` says whose it is). */
export function mayOpen(principal: Principal, href: (typeof CONSOLE_SECTIONS)[number]['href']): boolean {
  const section = CONSOLE_SECTIONS.find((candidate) => candidate.href === href);
  if (section === undefined) throw new Error(`No console section ${href}`);
  return section.roles.length === 0 || section.roles.some((role) => principal.roles.has(role));
}
