import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { matchRoute } from '#lib/api/route-match';
import { defaultThrottle, type AnyRouteDefinition } from '#lib/api/routes';
import { claimsAsAuthorizerPassesThem } from '#lib/http/claims';
import { outcomeUnknown } from '#lib/http/handler';
import { problemResponse, problemType } from '#lib/http/problem';
import type { HttpEvent } from '#lib/http/request';
import { functionDefinitions, type FunctionName, type HttpFunctionName } from '#lib/platform/functions';
import type { TokenVerifier } from './identity';
import { TokenBucket } from './throttle';

/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0). It matches requests against the
 * shared route table, checks staff JWTs as the JWT authorizer does, builds the event API Gateway would
 * build, and calls the same handler module the Lambda runs.
 */
export type HttpHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

export type LocalControl = (request: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  /** The request's business clock (the cloud's, or `X-Gongkai-Now` where allowed). */
  now: Date;
}) => Promise<
  | { status: number; json: unknown }
  | { status: number; headers: Record<string, string>; body: string }
  | undefined
>;

export type GatewayOptions = {
  port: number;
  verifyToken: TokenVerifier;
  loadHandler: (name: HttpFunctionName | 'fallback') => Promise<HttpHandler>;
  /** The business clock stamped on events as `requestContext.timeEpoch`. */
  clock: () => Date;
  /** Tests only: honour `X-Gongkai-Now: <ISO time>` per request. */
  allowClockHeader: boolean;
  throttle: boolean;
  /** Local-only routes under `/_local/` (sign-in, draining the stream, running the sweep). */
  control?: LocalControl;
  /** One line per request, for the console: the path without its query string, never a header. */
  onRequest?: (line: { method: string; path: string; status: number; ms: number }) => void;
  /** Benchmarks: each function invocation, with how long its handler ran (what Lambda bills). */
  onInvoke?: (invocation: Invocation) => void;
};

/** A function invocation as Lambda would bill it: the handler's own time, the module already loaded. */
export type Invocation = { function: FunctionName; ms: number; event: unknown };

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES =
  /^(text\/|application\/(json|[a-z0-9.+-]*\+json|xml|[a-z0-9.+-]*\+xml|x-www-form-urlencoded|javascript))/i;

export type Gateway = { url: string; server: Server; close: () => Promise<void> };

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (route: AnyRouteDefinition, routeKey: string): TokenBucket => {
    let bucket = buckets.get(routeKey);
    if (bucket === undefined) {
      const limits = route.throttle ?? defaultThrottle;
      bucket = new TokenBucket(limits.rateLimit, limits.burstLimit);
      buckets.set(routeKey, bucket);
    }
    return bucket;
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req, options, bucketFor)
      .catch((error: unknown) => {
        console.error('gateway: unexpected error', error);
        return problemResponse({
          type: problemType('internal-error'),
          title: 'Internal error',
          status: 500,
          detail: 'The gateway failed.',
        });
      })
      .then((result) => {
        const status = send(res, result);
        options.onRequest?.({
          method: req.method ?? '',
          // The path only: a query string may carry a secret, and request lines are logged.
          path: (req.url ?? '').split('?')[0] ?? '',
          status,
          ms: Math.round(performance.now() - started),
        });
      })
      .catch((error: unknown) => console.error('gateway: could not answer', error));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('gateway has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  options: GatewayOptions,
  bucketFor: (route: AnyRouteDefinition, routeKey: string) => TokenBucket,
): Promise<APIGatewayProxyResultV2> {
  const requestId = randomUUID();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://gateway.local');
  // As received: no dot-segment resolution, no decoding.
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    return problemResponse({
      type: problemType('payload-too-large'),
      title: 'Payload too large',
      status: 413,
      detail: 'The body exceeds 10 MB.',
      requestId,
    });
  }

  let now = options.clock();
  const clockHeader = req.headers['x-gongkai-now'];
  if (options.allowClockHeader && typeof clockHeader === 'string') {
    const parsed = new Date(clockHeader);
    if (Number.isNaN(parsed.getTime())) {
      return problemResponse({
        type: problemType('validation-error'),
        title: 'Invalid request',
        status: 400,
        detail: 'X-Gongkai-Now is not an ISO time.',
        requestId,
      });
    }
    now = parsed;
  }

  if (rawPath.startsWith('/_local/') && options.control !== undefined) {
    const answer = await options.control({
      method,
      path: rawPath,
      query: url.searchParams,
      body: body.toString('utf8'),
      now,
    });
    if (answer !== undefined) {
      return 'json' in answer
        ? {
            statusCode: answer.status,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(answer.json),
          }
        : { statusCode: answer.status, headers: answer.headers, body: answer.body };
    }
  }

  const match = matchRoute(method, rawPath);
  const routeKey = match.kind === 'matched' ? match.routeKey : '$default';
  const event = buildEvent(req, { method, url, rawPath, body, requestId, now, routeKey });

  if (match.kind !== 'matched') {
    return invoke(options, 'fallback', event, requestId);
  }
  event.pathParameters = Object.keys(match.pathParameters).length > 0 ? match.pathParameters : undefined;

  if (options.throttle && !bucketFor(match.route, match.routeKey).take()) {
    return problemResponse(
      {
        type: problemType('throttled'),
        title: 'Too many requests',
        status: 429,
        detail: 'This route is throttled; retry shortly.',
        requestId,
      },
      { 'retry-after': '1' },
    );
  }

  if (match.route.access === 'staff') {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined)
      return unauthorized(requestId, 'A staff token is required (Authorization: Bearer <token>).');
    let claims: Record<string, string>;
    try {
      claims = claimsAsAuthorizerPassesThem(await options.verifyToken(token));
    } catch {
      return unauthorized(requestId, 'The staff token is invalid or has expired.');
    }
    event.requestContext.authorizer = { jwt: { claims, scopes: null } };
  }
  return invoke(options, match.route.function, event, requestId);
}

function unauthorized(requestId: string, detail: string): APIGatewayProxyResultV2 {
  return problemResponse(
    {
      type: problemType('unauthenticated'),
      title: 'Authentication required',
      status: 401,
      detail,
      requestId,
    },
    { 'www-authenticate': 'Bearer' },
  );
}

/** API Gateway accepts the token with or without the `Bearer ` prefix. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  return token === '' ? undefined : token;
}

async function invoke(
  options: GatewayOptions,
  name: HttpFunctionName | 'fallback',
  event: HttpEvent,
  requestId: string,
): Promise<APIGatewayProxyResultV2> {
  const definition = functionDefinitions.find((candidate) => candidate.name === name);
  const timeoutMs = (definition?.timeoutSeconds ?? 30) * 1000;
  const deadline = Date.now() + timeoutMs;
  // The deprecated callback members (done, fail, succeed) are not offered: our handlers are async.
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: `gongkai-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:gongkai-${name}`,
    memoryLimitInMB: String(definition?.memoryMb ?? 512),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/gongkai-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  } as Context;
  const handler = await options.loadHandler(name);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<APIGatewayProxyResultV2>((resolve) => {
    timer = setTimeout(
      () =>
        // Only a handler that ignores its own deadline gets here (httpFunction answers first).
        resolve(outcomeUnknown(requestId)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([handler(event, context), timeout]);
  } catch (error) {
    // A handler that throws is a 500 in API Gateway too.
    console.error(`gateway: ${name} threw`, error);
    return problemResponse({
      type: problemType('internal-error'),
      title: 'Internal error',
      status: 500,
      detail: 'The function failed.',
      requestId,
    });
  } finally {
    clearTimeout(timer);
    options.onInvoke?.({ function: name, ms: performance.now() - started, event });
  }
}

function buildEvent(
  req: IncomingMessage,
  parts: {
    method: string;
    url: URL;
    rawPath: string;
    body: Buffer;
    requestId: string;
    now: Date;
    routeKey: string;
  },
): HttpEvent {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const value = req.rawHeaders[i + 1] ?? '';
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(/;\s*/).filter((cookie) => cookie !== '')];
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  // As API Gateway does: the caller's address, scheme and port (here: plain HTTP on this machine).
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '127.0.0.1';
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(req.socket.localPort ?? '');
  const query: Record<string, string> = {};
  for (const [key, value] of parts.url.searchParams)
    query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  const contentType = headers['content-type'] ?? '';
  const isText = parts.body.length === 0 || TEXT_TYPES.test(contentType);
  return {
    version: '2.0',
    routeKey: parts.routeKey,
    rawPath: parts.rawPath,
    rawQueryString: parts.url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127.0.0.1').split('.')[0] ?? 'local',
      http: {
        method: parts.method,
        path: parts.rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: parts.requestId,
      routeKey: parts.routeKey,
      stage: '$default',
      time: apiGatewayTime(parts.now),
      timeEpoch: parts.now.getTime(),
    },
    ...(parts.body.length > 0
      ? { body: isText ? parts.body.toString('utf8') : parts.body.toString('base64') }
      : {}),
    isBase64Encoded: parts.body.length > 0 && !isText,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `12/Mar/2026:19:03:58 +0000`, as API Gateway writes `requestContext.time`. */
function apiGatewayTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(date.getUTCDate())}/${MONTHS[date.getUTCMonth()] ?? 'Jan'}/${date.getUTCFullYear()}:${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a Lambda result as API Gateway does (payload 2.0: a result without statusCode is 200 JSON). */
function send(res: ServerResponse, result: APIGatewayProxyResultV2): number {
  if (
    typeof result === 'string' ||
    typeof result !== 'object' ||
    !('statusCode' in result) ||
    result.statusCode === undefined
  ) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
    return 200;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  const body =
    result.body === undefined
      ? undefined
      : result.isBase64Encoded
        ? Buffer.from(result.body, 'base64')
        : result.body;
  res.writeHead(result.statusCode, headers);
  res.end(body);
  return result.statusCode;
}
