import { publicThrottle, type RouteDefinition } from '../route-definition';

/** The health function’s route: whether the table and the archive answer. */
export const healthRoutes = [
  {
    method: 'GET',
    path: '/v1/health',
    function: 'health',
    access: 'public',
    summary: 'Whether the service and each of its dependencies answer',
    problems: [],
    responses: {
      200: { description: 'All dependencies up', schema: 'HealthReport' },
      503: { description: 'A dependency is down', schema: 'HealthReport' },
    },
    throttle: publicThrottle,
  },
] as const satisfies readonly RouteDefinition<'health'>[];
