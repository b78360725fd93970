import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routeByKey, type RouteKey } from '#lib/api/routes';
import { NotFoundError } from '#lib/domain/errors';
import type { HttpFunctionName } from '#lib/platform/functions';
import { logger } from './logger';
import { errorToProblem } from './problem';
import { HttpRequest, type HttpEvent } from './request';

/** What a route handler returns: a status and a JSON body, or a raw body with its content type. */
export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> }
  | { status: 204; headers?: Record<string, string> };

export const ok = (json: unknown, headers?: Record<string, string>): Reply => ({
  status: 200,
  json,
  ...(headers ? { headers } : {}),
});
export const created = (json: unknown, location: string): Reply => ({
  status: 201,
  json,
  headers: { location },
});

export type RouteHandler = (request: HttpRequest) => Promise<Reply>;
export type RouteHandlers<F extends HttpFunctionName> = { readonly [K in RouteKey<F>]: RouteHandler };

/**
 * A Lambda entry point for the routes of function `F`: one handler per route key of the route table
 * (the compiler checks that every route of `F` has one). Errors become problem+json in one place.
 */
export function httpFunction<F extends HttpFunctionName>(
  _functionName: F,
  handlers: NoInfer<RouteHandlers<F>>,
): (event: HttpEvent, context?: Context) => Promise<APIGatewayProxyStructuredResultV2> {
  const table: Readonly<Record<string, RouteHandler | undefined>> = handlers;
  return async (event) => {
    const requestId = event.requestContext.requestId;
    logger.resetKeys();
    logger.appendKeys({ requestId, routeKey: event.routeKey });
    try {
      const handler = table[event.routeKey];
      const route = routeByKey(event.routeKey);
      if (handler === undefined || route === undefined) {
        throw new NotFoundError(`No route ${event.routeKey}.`);
      }
      const request = new HttpRequest(event);
      // API Gateway's JWT authorizer already refused requests without a valid token; checking again here
      // keeps a misconfigured route from ever running a staff use case anonymously.
      if (route.access === 'staff') request.assertAuthenticated();
      return toResult(await handler(request));
    } catch (error) {
      const result = errorToProblem(error, requestId);
      if (result.statusCode !== undefined && result.statusCode < 500) {
        logger.info('Request refused', { status: result.statusCode });
      }
      return result;
    }
  };
}

export function toResult(reply: Reply): APIGatewayProxyStructuredResultV2 {
  if ('json' in reply) {
    return {
      statusCode: reply.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers },
      body: JSON.stringify(reply.json),
    };
  }
  if ('text' in reply) {
    return {
      statusCode: reply.status,
      headers: { 'content-type': reply.contentType, ...reply.headers },
      body: reply.text,
    };
  }
  return { statusCode: reply.status, ...(reply.headers ? { headers: reply.headers } : {}) };
}
