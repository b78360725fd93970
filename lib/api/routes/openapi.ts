import { publicThrottle, type RouteDefinition } from '../route-definition';

/** The openapi function’s route: the OpenAPI document. */
export const openapiRoutes = [
  {
    method: 'GET',
    path: '/v1/openapi.json',
    function: 'openapi',
    access: 'public',
    summary: 'This API, as an OpenAPI 3.1 document',
    problems: [],
    responses: { 200: { description: 'The OpenAPI document' } },
    throttle: publicThrottle,
  },
] as const satisfies readonly RouteDefinition<'openapi'>[];
