import type { PageRouteDefinition } from '../page-routes';

/** The console's platform pages. */
export const platformRoutes = [] as const satisfies readonly PageRouteDefinition[];
