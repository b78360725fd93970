import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { platformRoutes } from '#lib/api/console-routes/platform';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof platformRoutes)[number]['method']} ${(typeof platformRoutes)[number]['path']}`
>;

/** The console's platform pages. */
export function platformPages(_deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {};
}
