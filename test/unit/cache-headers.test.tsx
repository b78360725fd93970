import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { consoleRoutes } from '#lib/api/console-routes';
import { pageRoutes, portalRoutes, type PageRouteDefinition } from '#lib/api/page-routes';
import { routeKeyOf, routes, type RouteDefinition } from '#lib/api/routes';
import { withCacheControl } from '#lib/http/handler';
import type { HttpEvent } from '#lib/http/request';
import { anHttpEvent } from '#test/support/http-event';
import { assets } from '#lib/web/assets/index';
import { signInPages, type SignInClient } from '#lib/web/console/sign-in.tsx';
import {
  ASSET_CACHE_CONTROL,
  CSRF_COOKIE,
  pageCacheControl,
  pageFunction,
  type PageAnswer,
  type PageHandlers,
  type PageRequest,
} from '#lib/web/page-function.tsx';

/**
 * What caches may keep, per kind of route: the public pages of the portal and the reading room for shared
 * caches (CloudFront) a few minutes and browsers a minute; status pages, forms, anything that sets a
 * cookie, the console and every staff API route never. And the public address behind CloudFront.
 */
const SHARED_PAGES = [
  '/',
  '/agencies/{agencyId}',
  '/agencies/{agencyId}/guide',
  '/agencies/{agencyId}/publications',
  '/publications/{publicationId}',
  '/agencies/{agencyId}/annual-reports',
  '/agencies/{agencyId}/annual-reports/{year}',
  '/agencies/{agencyId}/roll-ups/{year}',
  '/agencies/{agencyId}/compliance/{year}',
];
const PUBLIC_5_MIN = { kind: 'public', sMaxAge: 300 } as const;
const pages: readonly PageRouteDefinition[] = pageRoutes;

describe('the Cache-Control of a page, by route', () => {
  it.each(pages.map((route) => [routeKeyOf(route), route] as const))('%s', (_key, route) => {
    const shared = route.method === 'GET' && SHARED_PAGES.includes(route.path);
    expect(pageCacheControl(route, PUBLIC_5_MIN, false)).toBe(
      shared ? 'public, max-age=60, s-maxage=300' : 'no-store',
    );
    // Whatever the route, an answer that sets a cookie, or does not ask to be public, is kept nowhere.
    expect(pageCacheControl(route, PUBLIC_5_MIN, true)).toBe('no-store');
    expect(pageCacheControl(route, { kind: 'no-store' }, false)).toBe('no-store');
    expect(pageCacheControl(route, undefined, false)).toBe('no-store');
  });

  it('no console page, status page or form is one shared caches may keep', () => {
    const shared = pages.filter((route) => route.sharedCache !== undefined);
    expect(shared.every((route) => route.method === 'GET' && route.function === 'portal')).toBe(true);
    expect(shared.filter((route) => /trackingNumber|complaint|apply|follow/.test(route.path))).toEqual([]);
  });
});

describe('the Cache-Control of an API answer, by route', () => {
  const answered = (cacheControl?: string): APIGatewayProxyStructuredResultV2 => ({
    statusCode: 200,
    headers: {
      'content-type': 'application/json',
      ...(cacheControl ? { 'cache-control': cacheControl } : {}),
    },
    body: '{}',
  });
  it.each((routes as readonly RouteDefinition[]).map((route) => [routeKeyOf(route), route] as const))(
    '%s',
    (_key, route) => {
      const chosen = withCacheControl(answered('public, max-age=60'), route).headers?.['cache-control'];
      expect(chosen).toBe(route.access === 'staff' ? 'no-store' : 'public, max-age=60');
      expect(withCacheControl(answered(), route).headers?.['cache-control']).toBe('no-store');
    },
  );

  it('a problem for a request no route matches is no-store, its other headers kept', () => {
    const problem = withCacheControl({ statusCode: 404, headers: { 'content-type': 'x' } }, undefined);
    expect(problem.headers).toEqual({ 'content-type': 'x', 'cache-control': 'no-store' });
  });
});

const TOKEN = 'a'.repeat(43);
const EDGE = 'https://gongkai.example.gov.cn';
const ORIGIN_HOST = 'abc123.execute-api.cn-north-1.amazonaws.com.cn';

/** Behind CloudFront the Host is API Gateway's own (CloudFront does not forward the viewer's). */
const anEvent = (method: string, path: string, overrides: Partial<HttpEvent> = {}): HttpEvent =>
  anHttpEvent(method, path, { headers: { host: ORIGIN_HOST, 'x-forwarded-proto': 'https' }, ...overrides });
const everyRoute = (answer: (request: PageRequest) => Promise<PageAnswer>): PageHandlers =>
  Object.fromEntries(pageRoutes.map((route) => [routeKeyOf(route), answer])) as unknown as PageHandlers;

describe('pages as CloudFront receives them', () => {
  const publicPage: PageAnswer = { kind: 'page', title: 'p', body: <p>p</p>, cache: PUBLIC_5_MIN };

  it('the home page and the reading room are public; a status page asking the same is not', async () => {
    const handler = pageFunction(
      portalRoutes,
      everyRoute(async () => publicPage),
    );
    const home = await handler(anEvent('GET', '/'));
    expect(home.headers?.['cache-control']).toBe('public, max-age=60, s-maxage=300');
    expect(home.headers?.vary).toBe('Accept-Language, Cookie, Accept-Encoding');
    const status = await handler(anEvent('GET', '/applications/2026-K7QX-3M9P'));
    expect(status.statusCode).toBe(200);
    expect(status.headers?.['cache-control']).toBe('no-store');
  });

  it('assets are immutable for a year, on their own route only', async () => {
    const asset = assets.stylesheet;
    const handler = pageFunction(
      portalRoutes,
      everyRoute(async () => ({ kind: 'asset', asset })),
    );
    const served = await handler(anEvent('GET', asset.path));
    expect(served.headers?.['cache-control']).toBe(ASSET_CACHE_CONTROL);
    const elsewhere = await handler(anEvent('GET', '/'));
    expect(elsewhere.headers?.['cache-control']).toBe('no-store');
  });

  it('a public page that sets a cookie is kept nowhere (CloudFront would hand the cookie on)', async () => {
    const handler = pageFunction(
      portalRoutes,
      everyRoute(async () => ({
        ...publicPage,
        cookies: ['gk-lang=en; Path=/; Secure; HttpOnly; SameSite=Lax'],
      })),
    );
    expect((await handler(anEvent('GET', '/'))).headers?.['cache-control']).toBe('no-store');
  });

  describe('a form post', () => {
    const post = (origin: string) =>
      anEvent('POST', '/follow', {
        headers: {
          host: ORIGIN_HOST,
          origin,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `_csrf=${TOKEN}`,
        cookies: [`${CSRF_COOKIE}=${TOKEN}`],
      });
    const redirect = async (): Promise<PageAnswer> => ({ kind: 'redirect', location: '/done' });

    it('from the public address passes, though the Host is API Gateway’s', async () => {
      const handler = pageFunction(portalRoutes, everyRoute(redirect), { publicBaseUrl: `${EDGE}/` });
      expect((await handler(post(EDGE))).statusCode).toBe(303);
    });

    it('from API Gateway’s own address is refused once the public address is set', async () => {
      const behindEdge = pageFunction(portalRoutes, everyRoute(redirect), { publicBaseUrl: EDGE });
      expect((await behindEdge(post(`https://${ORIGIN_HOST}`))).statusCode).toBe(403);
      // Without it (the local cloud), the request's own host is this site.
      const local = pageFunction(portalRoutes, everyRoute(redirect));
      expect((await local(post(`https://${ORIGIN_HOST}`))).statusCode).toBe(303);
      expect((await local(post(EDGE))).statusCode).toBe(403);
    });
  });

  it('the console’s sign-in sends the identity provider the public address to return to', async () => {
    const seen: string[] = [];
    const client: SignInClient = {
      start: () => ({ state: 's'.repeat(22), nonce: 'n', verifier: 'v' }),
      authorizeUrl: (_start, redirectUri) => {
        seen.push(redirectUri);
        return `https://idp.example/authorize?redirect_uri=${encodeURIComponent(redirectUri)}`;
      },
      exchange: () => Promise.reject(new Error('not here')),
      verify: () => Promise.reject(new Error('not here')),
      logoutUrl: () => undefined,
    };
    const handlers = {
      ...everyRoute(async () => publicPage),
      ...signInPages({ client, staffAccountOf: async () => undefined }),
    } as unknown as PageHandlers<'console'>;
    const gate = {
      check: async () => ({ kind: 'none' }) as const,
      hold: async () => 'id',
      held: async () => undefined,
    };
    const handler = pageFunction(consoleRoutes, handlers, { publicBaseUrl: EDGE, sessions: gate });
    const started = await handler(anEvent('GET', '/console/sign-in'));
    expect(started.statusCode).toBe(303);
    expect(started.headers?.['cache-control']).toBe('no-store');
    expect(seen).toEqual([`${EDGE}/console/signed-in`]);
  });
});
