import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { complaintsRoutes } from '#lib/api/console-routes/complaints';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof complaintsRoutes)[number]['method']} ${(typeof complaintsRoutes)[number]['path']}`
>;

/** The console's complaints pages. */
export function complaintsPages(_deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {};
}
