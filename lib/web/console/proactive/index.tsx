import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { proactiveRoutes } from '#lib/api/console-routes/proactive';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof proactiveRoutes)[number]['method']} ${(typeof proactiveRoutes)[number]['path']}`
>;

/** The console's proactive pages. */
export function proactivePages(_deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {};
}
