import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { PROBLEM_CONTENT_TYPE, problemType } from '#lib/http/problem';
import { commonProblems, type ProblemDeclaration } from './problems';
import { routes, type RouteDefinition } from './routes';
import * as views from './views';

type ResponseObject = { description: string; content?: Record<string, { schema: z.ZodType }> };

/**
 * One component per distinct set of problem types (most routes share theirs): a reference is cheaper to
 * generate and to read than the same schema inline on every operation. Built once per process, as zod
 * registers each id once.
 */
const problemSchemas = new Map<string, z.ZodType>();
function problemSchema(status: number, problems: readonly ProblemDeclaration[]): z.ZodType {
  const codes = problems.map((problem) => problem.code).sort();
  const id = `Problem${status}-${codes.join('-')}`;
  let schema = problemSchemas.get(id);
  if (schema === undefined) {
    schema = views.Problem.extend({ type: z.enum(codes.map(problemType)) }).meta({ id });
    problemSchemas.set(id, schema);
  }
  return schema;
}

/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas: each route's parameters,
 * the headers it reads, its body, its answers, and every problem it can answer (by status, the problem
 * types it may carry).
 */
export function openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const staffAuth = registry.registerComponent('securitySchemes', 'staffIdToken', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A Cognito ID token (audience: the staff app client) carrying custom:agencyId and cognito:groups.',
  });

  for (const route of routes as readonly RouteDefinition[]) {
    const responses: Record<string, ResponseObject> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = response.schema
        ? {
            description: response.description,
            content: { [response.contentType ?? 'application/json']: { schema: views[response.schema] } },
          }
        : { description: response.description };
    }
    for (const [status, problems] of problemsByStatus([...route.problems, ...commonProblems(route.access)])) {
      const schema = problemSchema(status, problems);
      const described = problems.map((problem) => `\`${problem.code}\`: ${problem.description}`).join(' ');
      const existing = responses[status];
      responses[status] = {
        description:
          existing === undefined ? described : `${existing.description}. Or a problem: ${described}`,
        content: { ...existing?.content, [PROBLEM_CONTENT_TYPE]: { schema } },
      };
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
        ...(route.headers ? { headers: route.headers } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Gongkai (公开) — government information disclosure',
      version: '1',
      description:
        'Errors are application/problem+json (RFC 9457); each operation lists, by status, the problem types it can answer. Legal dates are YYYY-MM-DD in China Standard Time.',
    },
    servers: [{ url: '/' }],
  });
}

function problemsByStatus(problems: readonly ProblemDeclaration[]): Map<number, ProblemDeclaration[]> {
  const byStatus = new Map<number, ProblemDeclaration[]>();
  for (const problem of problems) {
    const same = byStatus.get(problem.status) ?? [];
    if (!same.some((known) => known.code === problem.code)) same.push(problem);
    byStatus.set(problem.status, same);
  }
  return byStatus;
}
