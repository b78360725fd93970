import { routeKeyOf, routeTable, type AnyRouteDefinition, type HttpMethod } from './routes';

/**
 * Matches a request to the route table as API Gateway does: a literal path segment wins over a
 * `{parameter}` at the same position; path parameters are URL-decoded.
 */
type CompiledRoute = { route: AnyRouteDefinition; segments: readonly Segment[] };
type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string };

const compiled: readonly CompiledRoute[] = routeTable.map((route) => ({
  route,
  segments: route.path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const param = /^\{([A-Za-z0-9_]+)\}$/.exec(part);
      return param?.[1] ? { kind: 'param', name: param[1] } : { kind: 'literal', value: part };
    }),
}));

export type RouteMatch =
  | { kind: 'matched'; route: AnyRouteDefinition; routeKey: string; pathParameters: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'bad-path' }
  | { kind: 'not-found' };

export function matchRoute(
  method: string,
  path: string,
  table: readonly CompiledRoute[] = compiled,
): RouteMatch {
  const parts = path.split('/').slice(1);
  const candidates: { entry: CompiledRoute; params: Record<string, string>; literalScore: string }[] = [];
  for (const entry of table) {
    if (entry.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let score = '';
    let ok = true;
    for (const [index, segment] of entry.segments.entries()) {
      const part = parts[index] ?? '';
      if (segment.kind === 'literal') {
        if (segment.value !== part) {
          ok = false;
          break;
        }
        score += '1';
      } else {
        if (part === '') {
          ok = false;
          break;
        }
        let decoded: string;
        try {
          decoded = decodeURIComponent(part);
        } catch {
          return { kind: 'bad-path' };
        }
        params[segment.name] = decoded;
        score += '0';
      }
    }
    if (ok) candidates.push({ entry, params, literalScore: score });
  }
  if (candidates.length === 0) return { kind: 'not-found' };
  // Most literal segments, leftmost first, wins — per method.
  candidates.sort((a, b) => (a.literalScore < b.literalScore ? 1 : a.literalScore > b.literalScore ? -1 : 0));
  const forMethod = candidates.filter((candidate) => candidate.entry.route.method === method);
  const best = forMethod[0];
  if (best) {
    return {
      kind: 'matched',
      route: best.entry.route,
      routeKey: routeKeyOf(best.entry.route),
      pathParameters: best.params,
    };
  }
  return {
    kind: 'method-not-allowed',
    allowed: [...new Set(candidates.map((c) => c.entry.route.method))].sort(),
  };
}
