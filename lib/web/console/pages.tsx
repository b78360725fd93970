import type { PageHandlers } from '../page-function';
import { adminPages } from './admin/index.tsx';
import { applicationsPages } from './applications/index.tsx';
import { complaintsPages } from './complaints/index.tsx';
import type { ConsoleDeps } from './console-deps';
import { platformPages } from './platform/index.tsx';
import { proactivePages } from './proactive/index.tsx';
import { reportsPages } from './reports/index.tsx';
import { supervisionPages } from './supervision/index.tsx';
import { todayPages } from './today/index.tsx';

type SignInKey =
  'GET /console/sign-in' | 'GET /console/signed-in' | 'POST /console/sign-out' | 'GET /console/signed-out';

/** Every signed-in console page, by area (the sign-in pages are `sign-in.tsx`). */
export function consolePages(deps: ConsoleDeps): Omit<PageHandlers<'console'>, SignInKey> {
  return {
    ...todayPages(deps),
    ...applicationsPages(deps),
    ...proactivePages(deps),
    ...complaintsPages(deps),
    ...reportsPages(deps),
    ...supervisionPages(deps),
    ...adminPages(deps),
    ...platformPages(deps),
  };
}
