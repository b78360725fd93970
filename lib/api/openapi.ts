import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { routes, type RouteDefinition } from './routes';
import { Problem } from './views';

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
export function openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const staffAuth = registry.registerComponent('securitySchemes', 'staffIdToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A Cognito ID token (audience: the staff app client) carrying custom:agencyId and cognito:groups.',
  });
  const problem = {
    description: 'A problem (RFC 9457)',
    content: { 'application/problem+json': { schema: Problem } },
  };

  for (const route of routes as readonly RouteDefinition[]) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = response.schema
        ? {
            description: response.description,
            content: { [response.contentType ?? 'application/json']: { schema: response.schema } },
          }
        : { description: response.description };
    }
    responses['400'] = problem;
    if (route.access === 'staff') {
      responses['401'] = problem;
      responses['403'] = problem;
    } else {
      responses['429'] = problem;
    }
    registry.registerPath({
      method: route.method.toLowerCase() as Lowercase<RouteDefinition['method']>,
      path: route.path,
      summary: route.summary,
      description: route.roles ? `Roles: ${route.roles.join(', ')}.` : undefined,
      tags: [route.function],
      security: route.access === 'staff' ? [{ [staffAuth.name]: [] }] : [],
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses: responses as never,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Gongkai (公开) — government information disclosure',
      version: '1',
      description:
        'Errors are application/problem+json (RFC 9457). Legal dates are YYYY-MM-DD in China Standard Time.',
    },
    servers: [{ url: '/' }],
  });
}
