import type { PageRouteDefinition } from '../page-routes';

/** The console's admin pages. */
export const adminRoutes = [] as const satisfies readonly PageRouteDefinition[];
