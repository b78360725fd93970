import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { adminRoutes } from '#lib/api/console-routes/admin';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof adminRoutes)[number]['method']} ${(typeof adminRoutes)[number]['path']}`
>;

/** The console's admin pages. */
export function adminPages(_deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {};
}
