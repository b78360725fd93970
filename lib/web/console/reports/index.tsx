import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { reportsRoutes } from '#lib/api/console-routes/reports';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof reportsRoutes)[number]['method']} ${(typeof reportsRoutes)[number]['path']}`
>;

/** The console's reports pages. */
export function reportsPages(_deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {};
}
