import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { proactiveRoutes } from '#lib/api/console-routes/proactive';
import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { obligationsPage } from './obligations-page';
import { publicationPages } from './publication-pages';
import { reviewPages } from './review-pages';
import { submissionPages } from './submission-pages';
import { submissionsList } from './submissions-list';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof proactiveRoutes)[number]['method']} ${(typeof proactiveRoutes)[number]['path']}`
>;

/** The console's proactive pages (主动公开): submissions and their editor, review, publications, obligations. */
export function proactivePages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  return {
    'GET /console/submissions': submissionsList(deps.proactive),
    ...submissionPages(deps.proactive),
    ...reviewPages(deps.proactive),
    ...publicationPages(deps.proactive),
    'GET /console/obligations': obligationsPage(deps.proactive),
  };
}
