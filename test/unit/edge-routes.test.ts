import { describe, expect, it } from 'vitest';
import { routeTable, type AnyRouteDefinition } from '#lib/api/routes';
import {
  behaviourFor,
  edgeBehaviours,
  edgeKindOf,
  MAX_BEHAVIOURS,
  pathRegexes,
  patternTakes,
  rateLimitedRoutes,
  WAF_REGEX_MAX_LENGTH,
} from '#infra/constructs/edge-routes';

/** The edge's view of the route table: which behaviour serves each route, and which routes WAF counts. */
const sample = (path: string) =>
  path
    .replace('{agencyId}', 'ag-gov')
    .replace('{trackingNumber}', '2026-K7QX-3M9P')
    .replace(/\{[^}]+\}/g, 'x1');

describe('CloudFront’s cache behaviours, from the route table', () => {
  const behaviours = edgeBehaviours(routeTable);

  it.each(routeTable.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s lands on its own kind',
    (_key, route) => {
      expect(behaviourFor(behaviours, sample(route.path))).toBe(edgeKindOf(route));
    },
  );

  it('keeps the portal and reading-room pages and the assets; everything else passes through', () => {
    const kept = routeTable.filter((route) => edgeKindOf(route) !== 'passthrough');
    expect(kept.map((route) => `${route.method} ${route.path}`).sort()).toEqual(
      [
        'GET /',
        'GET /agencies/{agencyId}',
        'GET /agencies/{agencyId}/annual-reports',
        'GET /agencies/{agencyId}/annual-reports/{year}',
        'GET /agencies/{agencyId}/compliance/{year}',
        'GET /agencies/{agencyId}/guide',
        'GET /agencies/{agencyId}/publications',
        'GET /agencies/{agencyId}/roll-ups/{year}',
        'GET /assets/{file}',
        'GET /publications/{publicationId}',
      ].sort(),
    );
    // The form under /agencies/* reaches the origin with its cookies: its pattern comes first.
    expect(behaviourFor(behaviours, '/agencies/ag-gov/apply')).toBe('passthrough');
    expect(behaviourFor(behaviours, '/agencies/ag-gov')).toBe('page');
    expect(behaviourFor(behaviours, '/v1/agencies/ag-gov/applications')).toBe('passthrough');
    expect(behaviourFor(behaviours, '/console/applications')).toBe('passthrough');
    expect(behaviours.length).toBeLessThanOrEqual(MAX_BEHAVIOURS);
  });

  it('refuses a table it cannot serve right: a form posted to the path of a kept page', () => {
    const kept = routeTable.find((route) => route.path === '/agencies/{agencyId}/guide');
    if (kept === undefined) throw new Error('no guide route');
    const formOnIt = { ...kept, method: 'POST', sharedCache: undefined } as AnyRouteDefinition;
    expect(() => edgeBehaviours([...routeTable, formOnIt])).toThrow(
      /GET \/agencies\/\{agencyId\}\/guide would be served as passthrough/,
    );
  });

  it('reads path patterns as CloudFront does: * takes any characters, slashes too; ? takes one', () => {
    expect(patternTakes('/agencies/*', '/agencies/a/b/c')).toBe(true);
    expect(patternTakes('/agencies/*', '/agencies')).toBe(false);
    expect(patternTakes('/', '/')).toBe(true);
    expect(patternTakes('/', '/follow')).toBe(false);
    expect(patternTakes('/a?c', '/abc')).toBe(true);
    expect(patternTakes('/a.c', '/abc')).toBe(false);
  });
});

describe('the routes AWS WAF counts per address', () => {
  const counted = rateLimitedRoutes(routeTable).map((route) => `${route.method} ${route.path}`);

  it('are intake, following an application and complaining, in the API and the portal alike', () => {
    expect(counted).toEqual(
      expect.arrayContaining([
        'POST /v1/agencies/{agencyId}/applications',
        'GET /v1/applications/{trackingNumber}',
        'POST /v1/agencies/{agencyId}/complaints',
        'POST /agencies/{agencyId}/apply',
        'POST /follow',
        'GET /applications/{trackingNumber}',
        'POST /agencies/{agencyId}/complaints',
      ]),
    );
  });

  it('never a staff route, the console, or the published information the edge caches', () => {
    const uncounted = routeTable.filter(
      (route) =>
        route.access === 'staff' || route.function === 'console' || edgeKindOf(route) !== 'passthrough',
    );
    for (const route of uncounted) expect(counted).not.toContain(`${route.method} ${route.path}`);
  });

  it('are matched by regular expressions within WAF’s length limit, path for path', () => {
    const routes = rateLimitedRoutes(routeTable);
    const regexes = pathRegexes(routes);
    expect(regexes.every((regex) => regex.length <= WAF_REGEX_MAX_LENGTH)).toBe(true);
    const matched = (path: string) => regexes.some((regex) => new RegExp(regex).test(path));
    for (const route of routes) expect(matched(sample(route.path)), route.path).toBe(true);
    expect(matched('/v1/agencies/ag-gov/applications/registrations')).toBe(false);
    expect(matched('/v1/agencies/ag-gov/applications/extra/segment')).toBe(false);
    expect(matched('/agencies/ag-gov/publications')).toBe(false);
    // Many long paths: split over several expressions, none over the limit, all still matched.
    const many = Array.from({ length: 40 }, (_, i) => ({
      path: `/v1/some/long/path/${i}/{id}/and/more` as const,
    }));
    const split = pathRegexes(many);
    expect(split.length).toBeGreaterThan(1);
    expect(split.every((regex) => regex.length <= WAF_REGEX_MAX_LENGTH)).toBe(true);
    for (const { path } of many)
      expect(
        split.some((regex) => new RegExp(regex).test(path.replace('{id}', 'x'))),
        path,
      ).toBe(true);
  });
});
