import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  routeByKey,
  type Route,
  type RouteDefinition,
  type RouteKey,
  type RouteOfKey,
} from '#lib/api/routes';
import { NotFoundError } from '#lib/domain/errors';
import type { HttpFunctionName } from '#lib/platform/functions';
import { ANSWER_MARGIN_MS } from '#lib/platform/timeouts';
import { logger } from './logger';
import { errorToProblem, problemResponse, problemType } from './problem';
import {
  parseRouteInput,
  type HttpEvent,
  type ParsedInput,
  type RouteInput,
  type StaffAccountOf,
} from './request';

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

/** The handler of the route with key `K`: it receives that route's parsed input. */
export type RouteHandler<K extends string> = (input: RouteInput<RouteOfKey<K>>) => Promise<Reply>;
export type RouteHandlers<F extends HttpFunctionName> = { readonly [K in RouteKey<F>]: RouteHandler<K> };

/** The functions that serve staff routes: they must be given the staff account lookup. */
type StaffFunction = Extract<Route, { access: 'staff' }>['function'];

/**
 * A Lambda entry point for the routes of function `F`: one handler per route key of the route table
 * (the compiler checks that every route of `F` has one). Before a handler runs, the request is parsed
 * with its route's schemas and the caller checked against its roles and scope; errors become
 * problem+json in one place. A function with staff routes is given `staffAccountOf`, the lookup of the
 * account a token names (the compiler insists). Each request logs through a logger of its own, so requests handled
 * concurrently in one process (the local gateway) never mix their keys.
 */
export function httpFunction<F extends HttpFunctionName>(
  _functionName: F,
  handlers: NoInfer<RouteHandlers<F>>,
  ...staff: F extends StaffFunction ? [staffAccountOf: StaffAccountOf] : []
): (event: HttpEvent, context?: Context) => Promise<APIGatewayProxyStructuredResultV2> {
  // The input was parsed with this very route's schemas, so it has the type its handler was compiled for.
  const [staffAccountOf] = staff;
  const table = handlers as Readonly<Record<string, ((input: ParsedInput) => Promise<Reply>) | undefined>>;
  return async (event, context) => {
    const requestId = event.requestContext.requestId;
    const log = logger.createChild({ persistentKeys: { requestId, routeKey: event.routeKey } });
    const work = answer(event, requestId, log);
    return answerInTime(work, context, log, () => withCacheControl(outcomeUnknown(requestId), undefined));
  };

  async function answer(
    event: HttpEvent,
    requestId: string,
    log: typeof logger,
  ): Promise<APIGatewayProxyStructuredResultV2> {
    const route = routeByKey(event.routeKey);
    try {
      const handler = table[event.routeKey];
      if (handler === undefined || route === undefined) {
        throw new NotFoundError(`No route ${event.routeKey}.`);
      }
      return withCacheControl(
        toResult(await handler(await parseRouteInput(route, event, staffAccountOf))),
        route,
      );
    } catch (error) {
      const result = errorToProblem(error, requestId, log);
      if (result.statusCode !== undefined && result.statusCode < 500) {
        log.info('Request refused', { status: result.statusCode });
      }
      return withCacheControl(result, route);
    }
  }
}

/**
 * What caches may keep of an answer. A staff route answers one person's view of an agency's records:
 * `no-store`, whatever its handler says. A public route keeps the `Cache-Control` its handler chose (the
 * catalogue, the OpenAPI document) and is `no-store` without one — problems included.
 */
export function withCacheControl(
  result: APIGatewayProxyStructuredResultV2,
  route: Pick<RouteDefinition, 'access'> | undefined,
): APIGatewayProxyStructuredResultV2 {
  const chosen = result.headers?.['cache-control'];
  const cacheControl = route?.access === 'public' && typeof chosen === 'string' ? chosen : 'no-store';
  return { ...result, headers: { ...result.headers, 'cache-control': cacheControl } };
}

/**
 * Answers before the Lambda timeout (API Gateway would say only "Service Unavailable"): `late()` says that
 * the outcome is unknown and how to retry safely. The work may still finish, and commit, after this.
 */
export async function answerInTime<T>(
  work: Promise<T>,
  context: Context | undefined,
  log: typeof logger,
  late: () => T,
): Promise<T> {
  const remaining = context?.getRemainingTimeInMillis();
  if (remaining === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<T>((resolve) => {
    timer = setTimeout(
      () => {
        log.warn('Answered before the function timeout; the outcome is unknown', { remaining });
        resolve(late());
      },
      Math.max(0, remaining - ANSWER_MARGIN_MS),
    );
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** A request that ran out of time: 503 with Retry-After, saying what the caller does not know and what to do. */
export function outcomeUnknown(requestId: string): APIGatewayProxyStructuredResultV2 {
  return problemResponse(
    {
      type: problemType('timeout'),
      title: 'Outcome unknown',
      status: 503,
      detail:
        'The request did not finish in time and its outcome is unknown: a change it asked for may or may not ' +
        'have been made. Retry it with the same Idempotency-Key (it is then made at most once); where a ' +
        'route honours none, read the record before asking again.',
      requestId,
    },
    { 'retry-after': String(RETRY_AFTER_SECONDS) },
  );
}
const RETRY_AFTER_SECONDS = 2;

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
