import { matchRoute } from '#lib/api/route-match';
import type { HttpEvent } from '#lib/http/request';

/**
 * A request as API Gateway hands it to a function (payload 2.0): routed through the route table as the
 * local gateway routes it (its route key and path parameters, `$default` when no route takes it), from a
 * browser at `host`. Overrides replace whole fields (`headers`, `cookies`, `body`, …).
 */
export function anHttpEvent(method: string, path: string, overrides: Partial<HttpEvent> = {}): HttpEvent {
  const [rawPath = '/', rawQueryString = ''] = path.split('?');
  const match = matchRoute(method, rawPath);
  const routeKey = match.kind === 'matched' ? match.routeKey : '$default';
  const query = Object.fromEntries(new URLSearchParams(rawQueryString));
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    headers: { host: 'portal.example.cn' },
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(match.kind === 'matched' && Object.keys(match.pathParameters).length > 0
      ? { pathParameters: match.pathParameters }
      : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '0',
      apiId: 'x',
      domainName: 'portal.example.cn',
      domainPrefix: 'portal',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 't' },
      requestId: 'req-1',
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: Date.UTC(2026, 9, 30, 1, 30),
    },
    ...overrides,
  };
}
