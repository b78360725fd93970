import type { PageRouteDefinition } from '../page-routes';

/** The console's reports pages. */
export const reportsRoutes = [] as const satisfies readonly PageRouteDefinition[];
