import type { Role } from '#lib/domain/staff';
import type { MessageKey } from '../messages/catalogue';

/**
 * The console's sections, and who sees each in the navigation (a page still checks the roles of every
 * action it offers; the use cases check them again).
 */
export type ConsoleSection = {
  readonly href: `/console${string}`;
  readonly label: MessageKey;
  /** Any of these roles shows the section; empty: everyone signed in. */
  readonly roles: readonly Role[];
  /** Other paths whose pages belong to the section (besides those under `href`). */
  readonly covers?: readonly `/console/${string}`[];
};

const AGENCY_WORK: readonly Role[] = [
  'clerk',
  'reviewer',
  'secrecy_reviewer',
  'approver',
  'supervisor',
  'agency_admin',
];

export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  { href: '/console', label: 'console.nav.today', roles: [] },
  { href: '/console/applications', label: 'console.nav.applications', roles: AGENCY_WORK },
  {
    href: '/console/submissions',
    label: 'console.nav.proactive',
    roles: AGENCY_WORK,
    covers: ['/console/reviews', '/console/publications', '/console/obligations'],
  },
  {
    href: '/console/complaints',
    label: 'console.nav.complaints',
    roles: ['clerk', 'approver', 'supervisor', 'agency_admin'],
  },
  {
    href: '/console/annual-reports',
    label: 'console.nav.reports',
    roles: ['clerk', 'approver', 'supervisor', 'agency_admin'],
  },
  { href: '/console/supervision', label: 'console.nav.supervision', roles: ['supervisor', 'agency_admin'] },
  { href: '/console/admin', label: 'console.nav.admin', roles: ['agency_admin'] },
  { href: '/console/platform', label: 'console.nav.platform', roles: ['platform_admin'] },
];

export const sectionsFor = (roles: ReadonlySet<Role>): readonly ConsoleSection[] =>
  CONSOLE_SECTIONS.filter(
    (section) => section.roles.length === 0 || section.roles.some((role) => roles.has(role)),
  );

/** The section a path belongs to (the longest matching href), for `aria-current`. */
export function currentSection(path: string): ConsoleSection | undefined {
  const pathname = path.split('?')[0] ?? path;
  const under = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return [...CONSOLE_SECTIONS]
    .sort((a, b) => b.href.length - a.href.length)
    .find((section) => under(section.href) || (section.covers ?? []).some(under));
}
