import type { PageRouteDefinition } from '../page-routes';

/** The console's complaints pages. */
export const complaintsRoutes = [] as const satisfies readonly PageRouteDefinition[];
