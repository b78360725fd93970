import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { applicationsRoutes } from '#lib/api/console-routes/applications';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof applicationsRoutes)[number]['method']} ${(typeof applicationsRoutes)[number]['path']}`
>;

/** The console's applications pages. */
export function applicationsPages(_deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {};
}
