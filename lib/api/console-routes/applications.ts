import type { PageRouteDefinition } from '../page-routes';

/** The console's applications pages. */
export const applicationsRoutes = [] as const satisfies readonly PageRouteDefinition[];
