import type { AnyRouteDefinition } from '#lib/api/routes';
import type { SharedCache } from '#lib/api/page-routes';

/**
 * What the edge (CloudFront, and AWS WAF in front of it) needs to know of the route table, derived from it
 * so that a new route is served right at the edge without being named twice.
 */

/**
 * How CloudFront treats a request: `page` and `asset` as the route table's `sharedCache` says (kept, keyed
 * on what varies the page), `passthrough` for everything else (nothing kept, every header but `Host`, every
 * cookie and the query forwarded: the API, the console, forms, status pages).
 */
export type EdgeKind = SharedCache | 'passthrough';
export type EdgeBehaviour = { readonly pathPattern: string; readonly kind: EdgeKind };

/** CloudFront allows 25 cache behaviours per distribution (a quota that can be raised, but need not be). */
export const MAX_BEHAVIOURS = 25;

export const edgeKindOf = (route: AnyRouteDefinition): EdgeKind =>
  route.kind === 'page' && route.sharedCache !== undefined ? route.sharedCache : 'passthrough';

/** CloudFront's path pattern for a route's path: each `{parameter}` becomes `*`. */
export const pathPatternOf = (path: string): string => path.replace(/\{[^}]+\}/g, '*');

/** Whether a CloudFront path pattern takes a path (`*`: any characters, `/` included; `?`: one). */
export function patternTakes(pattern: string, path: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** A path the route answers at, each parameter given a value. */
const samplePathOf = (path: string): string => path.replace(/\{[^}]+\}/g, 'x1');

/**
 * The distribution's ordered cache behaviours (the default, for every other path, is `passthrough`): the
 * patterns of the routes shared caches may keep, preceded by a `passthrough` pattern for every other route
 * those patterns would take (`/agencies/*` takes `/agencies/{agencyId}/apply`, whose form must reach the
 * origin with its cookies). CloudFront uses the first pattern that takes a path, so the order is checked:
 * every route of the table must land on its own kind, or this throws.
 */
export function edgeBehaviours(table: readonly AnyRouteDefinition[]): readonly EdgeBehaviour[] {
  const cached = new Map<string, EdgeKind>();
  for (const route of table) {
    const kind = edgeKindOf(route);
    if (kind === 'passthrough') continue;
    const pattern = pathPatternOf(route.path);
    const known = cached.get(pattern);
    if (known !== undefined && known !== kind)
      throw new Error(`Routes at ${pattern} are both ${known} and ${kind} at the edge`);
    cached.set(pattern, kind);
  }
  const overrides = new Set<string>();
  for (const route of table) {
    if (edgeKindOf(route) !== 'passthrough') continue;
    const sample = samplePathOf(route.path);
    if ([...cached.keys()].some((pattern) => patternTakes(pattern, sample)))
      overrides.add(pathPatternOf(route.path));
  }
  const behaviours: EdgeBehaviour[] = [
    ...[...overrides].map((pathPattern) => ({ pathPattern, kind: 'passthrough' as const })),
    ...[...cached].map(([pathPattern, kind]) => ({ pathPattern, kind })),
  ];
  for (const route of table) {
    const landed = behaviourFor(behaviours, samplePathOf(route.path));
    if (landed !== edgeKindOf(route))
      throw new Error(`${route.method} ${route.path} would be served as ${landed} at the edge`);
  }
  if (behaviours.length > MAX_BEHAVIOURS)
    throw new Error(`${behaviours.length} cache behaviours: CloudFront allows ${MAX_BEHAVIOURS}`);
  return behaviours;
}

/** The kind of the behaviour CloudFront serves a path with: the first that takes it, else the default. */
export const behaviourFor = (behaviours: readonly EdgeBehaviour[], path: string): EdgeKind =>
  behaviours.find((behaviour) => patternTakes(behaviour.pathPattern, path))?.kind ?? 'passthrough';

/**
 * The routes a person's case runs through — applying, following an application, complaining, and the
 * pages and lookups that open one by its number: the ones a script floods or probes, counted per address
 * by the web ACL's rate-based rule. Every public write (the API's and the portal's forms), and every public
 * read that names an application or a complaint. Reading published information is not among them (the
 * edge caches it), nor is the console (its staff sign in).
 */
export function rateLimitedRoutes(table: readonly AnyRouteDefinition[]): readonly AnyRouteDefinition[] {
  return table.filter(
    (route) =>
      route.access === 'public' &&
      route.function !== 'console' &&
      (route.method !== 'GET' || /\{(?:trackingNumber|complaintId)\}/.test(route.path)),
  );
}

/** AWS WAF's limit on the length of one regular expression (`RegexMatchStatement.RegexString`). */
export const WAF_REGEX_MAX_LENGTH = 512;

/**
 * Regular expressions (as few as WAF's length limit allows) that together match exactly the paths of
 * `routes`, each parameter one path segment.
 */
export function pathRegexes(routes: readonly Pick<AnyRouteDefinition, 'path'>[]): readonly string[] {
  const alternatives = [...new Set(routes.map((route) => route.path))].sort().map((path) =>
    path
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join(''),
  );
  const regexes: string[] = [];
  let group: string[] = [];
  const regexOf = (parts: readonly string[]) => `^(?:${parts.join('|')})$`;
  for (const alternative of alternatives) {
    if (regexOf([alternative]).length > WAF_REGEX_MAX_LENGTH)
      throw new Error(`The path ${alternative} is too long for one WAF regular expression`);
    if (group.length > 0 && regexOf([...group, alternative]).length > WAF_REGEX_MAX_LENGTH) {
      regexes.push(regexOf(group));
      group = [];
    }
    group.push(alternative);
  }
  if (group.length > 0) regexes.push(regexOf(group));
  return regexes;
}
