import type { PageRouteDefinition } from '../page-routes';

/** The console's proactive pages. */
export const proactiveRoutes = [] as const satisfies readonly PageRouteDefinition[];
