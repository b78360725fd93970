import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  byRouteKey,
  type ArgumentWhen,
  type RouteDefinition,
  type RouteKeyOf,
  type RouteWithKey,
} from '#lib/api/route-definition';
import type { ApiFunctionName, routesByFunction } from '#lib/api/routes';
import { NotFoundError } from '#lib/domain/errors';
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

/** The handler of route `R`: it receives that route's parsed input. */
export type RouteHandler<R extends RouteDefinition> = (input: RouteInput<R>) => Promise<Reply>;
/** One handler per route of `R`, by route key. */
export type HandlersOf<R extends RouteDefinition> = {
  readonly [K in RouteKeyOf<R>]: RouteHandler<RouteWithKey<R, K>>;
};
/** The handlers of function `F`'s routes. */
export type RouteHandlers<F extends ApiFunctionName> = HandlersOf<(typeof routesByFunction)[F][number]>;

/**
 * A Lambda entry point for a function's routes (its module of the route table, `routes/<function>.ts`):
 * one handler per route (the compiler checks that every route has one). Before a handler runs, the request
 * is parsed with its route's schemas and the caller checked against its roles and scope; errors become
 * problem+json in one place. A function with staff routes is given `staffAccountOf`, the lookup of the
 * account a token names (the compiler insists). Each request logs through a logger of its own, so requests
 * handled concurrently in one process (the local gateway) never mix their keys.
 */
export function httpFunction<const R extends readonly RouteDefinition[]>(
  routes: R,
  handlers: NoInfer<HandlersOf<R[number]>>,
  ...staff: ArgumentWhen<R[number], 'staff', [staffAccountOf: StaffAccountOf]>
): (event: HttpEvent, context?: Context) => Promise<APIGatewayProxyStructuredResultV2> {
  // The input was parsed with this very route's schemas, so it has the type its handler was compiled for.
  const [staffAccountOf] = staff;
  const table = handlers as unknown as Readonly<
    Record<string, ((input: ParsedInput) => Promise<Reply>) | undefined>
  >;
  const byKey = byRouteKey<RouteDefinition>(routes);
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
    const route = byKey.get(event.routeKey);
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
