import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ComponentChildren } from 'preact';
import type { z } from 'zod';
import type {
  PageFunctionName,
  PageRoute,
  PageRouteDefinition,
  PageRouteKey,
  PageRouteKeyOf,
} from '#lib/api/page-routes';
import { byRouteKey, type ArgumentWhen, type RouteKeyOf } from '#lib/api/route-definition';
import { DomainError } from '#lib/domain/errors';
import { answerInTime } from '#lib/http/handler';
import { logger } from '#lib/http/logger';
import type { HttpEvent } from '#lib/http/request';
import type { Asset } from './assets';
import type { Crumb } from './layout';
import { translator, type MessageKey, type Translate } from './messages/catalogue';
import type { Locale } from './messages/locale';
import { cookieHeader, parseCookies } from './cookies';
import {
  safeReturn,
  SESSION_COOKIE,
  signInPath,
  type HeldForm,
  type SessionGate,
  type StaffSession,
} from './console/session';
import {
  compressed,
  CSRF_COOKIE,
  frameOf,
  messagePage,
  renderPage,
  SECURITY_HEADERS,
  type Frame,
} from './page-frame';

/**
 * The Lambda entry point of the people's pages, as `httpFunction` is the API's: one handler per page route
 * (the compiler checks every route of the table has one). Before a handler runs, the path is parsed with
 * its route's schema (a wrong path is the "not found" page), the language chosen, and a form post checked
 * (CSRF: its Origin, and its form token against the `__Host-` cookie). A handler answers a page (rendered
 * in the layout, with security headers, gzip when accepted), a redirect (303 after a post) or an asset.
 * Whatever goes wrong answers a page in the reader's language, never JSON.
 */
export type PageCache =
  /**
   * Public pages: shared caches (CloudFront) keep them `sMaxAge` seconds — on routes that say shared caches
   * may (`sharedCache` in the route table), and only when the answer sets no cookie.
   */
  | { readonly kind: 'public'; readonly sMaxAge: number }
  /** Pages with a person's data: never stored anywhere. */
  | { readonly kind: 'no-store' };

export type PageAnswer =
  | {
      readonly kind: 'page';
      readonly status?: number;
      readonly title: string;
      readonly crumbs?: readonly Crumb[];
      readonly body: ComponentChildren;
      readonly cache?: PageCache;
      readonly cookies?: readonly string[];
      /** Status pages: no `Referer` leaves them (their path names an application). */
      readonly referrer?: 'no-referrer';
      readonly robots?: 'noindex';
    }
  | { readonly kind: 'redirect'; readonly location: string; readonly cookies?: readonly string[] }
  | { readonly kind: 'asset'; readonly asset: Asset }
  /** A file to save (a list exported as CSV): never cached, never shown in the page. */
  | {
      readonly kind: 'download';
      readonly filename: string;
      readonly contentType: string;
      readonly body: string;
    };

/** A form as posted: text fields by name, and files (multipart only). */
export type FormFields = {
  readonly get: (name: string) => string | undefined;
  readonly getAll: (name: string) => readonly string[];
  readonly files: (name: string) => readonly File[];
  /** Every text field, for keeping the input when the page is answered again with errors. */
  readonly values: Readonly<Record<string, string>>;
};

type ParamsOf<R> = R extends { readonly params: infer S extends z.ZodType }
  ? z.output<S>
  : Record<string, never>;
type RouteOfPageKey<K extends string> =
  Extract<PageRoute, { method: K extends `${infer M} ${string}` ? M : never }> extends infer R
    ? R extends PageRoute
      ? `${R['method']} ${R['path']}` extends K
        ? R
        : never
      : never
    : never;

export type PageRequest<K extends PageRouteKey = PageRouteKey> = {
  readonly params: ParamsOf<RouteOfPageKey<K>>;
  /** Console pages: who is signed in, with the roles their staff record gives them now. */
  readonly session: RouteOfPageKey<K> extends { readonly access: 'session' } ? StaffSession : undefined;
  /**
   * A form posted when the session had expired, kept for its author and given back to the page it came
   * from after they signed in again (`?held=…`): the page fills the form whose `action` it is.
   */
  readonly held: HeldForm | undefined;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly form: FormFields;
  readonly cookies: Readonly<Record<string, string | undefined>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly now: Date;
  readonly requestId: string;
  readonly locale: Locale;
  readonly t: Translate;
  /** The request's path and query as received (for "return here"). */
  readonly path: string;
  /** This site's origin as the browser sees it (`https://gongkai.example.gov.cn`): for addresses given away. */
  readonly origin: string;
};

export type PageHandler<K extends PageRouteKey> = (request: PageRequest<K>) => Promise<PageAnswer>;
export type PageHandlers<F extends PageFunctionName = 'portal'> = {
  readonly [K in PageRouteKeyOf<F>]: PageHandler<K>;
};

export { CSRF_COOKIE };
export const CSRF_FIELD = '_csrf';

/** An error a page handler throws to answer a page of its own with a status (e.g. 404). */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly titleKey: MessageKey,
    readonly bodyKey: MessageKey,
  ) {
    super(titleKey);
  }
}

/** One handler per page route of `R`, by route key. */
type PageHandlersOf<R extends PageRouteDefinition> = {
  readonly [K in Extract<RouteKeyOf<R>, PageRouteKey>]: PageHandler<K>;
};

/** How a page function is set up. */
export type PageFunctionOptions = {
  /**
   * The site's public address (`https://gongkai.example.gov.cn`). Behind CloudFront the `Host` a function
   * receives is API Gateway's own, so the cloud says it (`PUBLIC_BASE_URL`); without it (the local cloud)
   * it is the request's host. Form posts must come from it; the console's sign-in returns to it.
   */
  readonly publicBaseUrl?: string | undefined;
};

/** The set-up of a function with routes `R`: the session gate is required when one of them is a session's. */
type PageFunctionSetup<R> =
  ArgumentWhen<R, 'session', [options: PageFunctionOptions & { readonly sessions: SessionGate }]> extends []
    ? [options?: PageFunctionOptions]
    : [options: PageFunctionOptions & { readonly sessions: SessionGate }];

/** The pages of a function (its page routes: `portalRoutes`, `consoleRoutes`), one handler per route. */
export function pageFunction<const R extends readonly PageRouteDefinition[]>(
  routes: R,
  handlers: NoInfer<PageHandlersOf<R[number]>>,
  ...setup: PageFunctionSetup<R[number]>
): (event: HttpEvent, context?: Context) => Promise<APIGatewayProxyStructuredResultV2> {
  const table = handlers as unknown as Readonly<Record<string, PageHandler<PageRouteKey> | undefined>>;
  const byKey = byRouteKey<PageRouteDefinition>(routes);
  const [options] = setup;
  const sessions = options !== undefined && 'sessions' in options ? options.sessions : undefined;
  const publicOrigin =
    options?.publicBaseUrl === undefined ? undefined : new URL(options.publicBaseUrl).origin;
  return async (event, context) => {
    const requestId = event.requestContext.requestId;
    const log = logger.createChild({ persistentKeys: { requestId, routeKey: event.routeKey } });
    const headers = event.headers as Readonly<Record<string, string | undefined>>;
    const cookies = parseCookies(event.cookies);
    const frame = frameOf(event, headers, cookies, translator, publicOrigin);
    const work = answer(event, frame, cookies, headers, log);
    return answerInTime(work, context, log, () =>
      messagePage(frame, 503, 'common.unavailable.title', 'common.unavailable.body', { 'retry-after': '2' }),
    );
  };

  async function answer(
    event: HttpEvent,
    frame: Frame,
    cookies: Readonly<Record<string, string | undefined>>,
    headers: Readonly<Record<string, string | undefined>>,
    log: typeof logger,
  ): Promise<APIGatewayProxyStructuredResultV2> {
    try {
      const handler = table[event.routeKey];
      const route = byKey.get(event.routeKey);
      if (handler === undefined || route === undefined)
        return messagePage(frame, 404, 'common.notFound.title', 'common.notFound.body');
      if (route.function === 'console') frame.console = { staff: undefined, page: frame.path };
      const params = route.params?.safeParse(event.pathParameters ?? {});
      if (params !== undefined && !params.success)
        return messagePage(frame, 404, 'common.notFound.title', 'common.notFound.body');
      const query = { ...(event.queryStringParameters ?? {}) };
      if (Object.keys(query).some((name) => /token|secret|password/i.test(name)))
        return messagePage(frame, 400, 'common.badRequest.title', 'common.secretInUrl.body');
      let form = EMPTY_FORM;
      if (route.method === 'POST') {
        if (!sameOrigin(headers, frame.origin)) {
          log.info('Form refused: cross-site', { origin: headers.origin ?? null });
          return messagePage(frame, 403, 'common.formExpired.title', 'common.formExpired.body');
        }
        const parsed = await readForm(event);
        if (parsed === undefined)
          return messagePage(frame, 400, 'common.badRequest.title', 'common.badForm.body');
        if (!tokensMatch(parsed.get(CSRF_FIELD), frame.csrf.existing)) {
          log.info('Form refused: form token missing or wrong');
          return messagePage(frame, 403, 'common.formExpired.title', 'common.formExpired.body');
        }
        form = parsed;
      }
      let session: StaffSession | undefined;
      let held: HeldForm | undefined;
      if (route.access === 'session') {
        // A console page without its session gate is never served anonymously.
        if (sessions === undefined) throw new Error(`${event.routeKey} needs the session gate`);
        const now = new Date(event.requestContext.timeEpoch);
        const checked = await sessions.check(cookies[SESSION_COOKIE], new Date());
        if (checked.kind === 'disabled') {
          log.info('Session refused: the staff account is disabled or gone');
          return messagePage(frame, 403, 'console.disabled.title', 'console.disabled.body', {}, [
            clearedSessionCookie(),
          ]);
        }
        if (checked.kind !== 'signed-in') {
          if (route.method === 'GET') return redirect(signInPath(frame.path));
          // A form posted after the session expired: kept for its author (never for anyone else), and
          // given back on the page it came from once they have signed in again.
          if (checked.kind === 'expired') {
            const id = await sessions.hold(
              checked.staffId,
              { action: event.rawPath, values: form.values },
              now,
            );
            return redirect(signInPath(withHeld(form.get(PAGE_FIELD), id)));
          }
          return messagePage(frame, 401, 'console.signedOut.title', 'console.signedOut.body');
        }
        session = checked.session;
        frame.console = {
          staff: session,
          page: route.method === 'GET' ? frame.path : safeReturn(form.get(PAGE_FIELD)),
        };
        const heldId = query.held;
        if (route.method === 'GET' && heldId !== undefined)
          held = await sessions.held(session.principal.staffId, heldId, now);
      }
      const reply = await handler({
        params: (params?.data ?? {}) as never,
        session: session as never,
        held,
        query,
        form,
        cookies,
        headers,
        now: new Date(event.requestContext.timeEpoch),
        requestId: frame.requestId,
        locale: frame.locale,
        t: frame.t,
        path: frame.path,
        origin: frame.origin,
      });
      return toResult(reply, frame, route);
    } catch (error) {
      if (error instanceof PageError) return messagePage(frame, error.status, error.titleKey, error.bodyKey);
      if (error instanceof DomainError && error.status < 500) {
        log.info('Request refused', { status: error.status, code: error.code });
        return error.status === 404
          ? messagePage(frame, 404, 'common.notFound.title', 'common.notFound.body')
          : messagePage(frame, error.status, 'common.badRequest.title', 'common.badRequest.body');
      }
      if (error instanceof DomainError && error.status === 503) {
        log.warn('A dependency did not answer', { code: error.code });
        return messagePage(frame, 503, 'common.unavailable.title', 'common.unavailable.body', {
          'retry-after': '2',
        });
      }
      log.error('Page failed', error as Error);
      return messagePage(frame, 500, 'common.serverError.title', 'common.serverError.body');
    }
  }
}

/** The hidden field with the path of the page a console form is on (where to return after signing in). */
export const PAGE_FIELD = '_page';

/** 303 to `location` (after a post, or to sign in), never cached. */
function redirect(location: string, cookies: readonly string[] = []): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 303,
    headers: { location, 'cache-control': 'no-store', ...SECURITY_HEADERS },
    ...(cookies.length > 0 ? { cookies: [...cookies] } : {}),
  };
}

/** The page a held form returns to: a console path of ours (never another site), with the held form's id. */
function withHeld(page: string | undefined, id: string): string {
  const path = safeReturn(page);
  const [pathname = '/console', search = ''] = path.split('?', 2);
  const query = new URLSearchParams(search);
  query.set('held', id);
  return `${pathname}?${query.toString()}`;
}

export function clearedSessionCookie(): string {
  return cookieHeader(SESSION_COOKIE, '', { path: '/', sameSite: 'Lax', maxAge: 0 });
}

const EMPTY_FORM: FormFields = { get: () => undefined, getAll: () => [], files: () => [], values: {} };

/**
 * A post from our own pages: where the browser says where it comes from (`Origin`, `Sec-Fetch-Site`), it
 * must be this site's public origin (its host). Browsers that say neither rely on the form token alone. A page with
 * `Referrer-Policy: no-referrer` (an application's status page) makes the browser send `Origin: null` with
 * its own forms: an opaque origin is refused when the browser says the post comes from another site, and
 * otherwise left to the form token (older browsers — Safari before 16.4, which older WeChat on iOS uses —
 * send no `Sec-Fetch-Site`; the token, bound to a `__Host-` SameSite=Strict cookie, is the defence that
 * counts, this check the second one).
 */
function sameOrigin(headers: Readonly<Record<string, string | undefined>>, site: string): boolean {
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return true; // a cross-site one was refused above
  try {
    return new URL(origin).host === new URL(site).host;
  } catch {
    return false;
  }
}

function tokensMatch(posted: string | undefined, cookie: string | undefined): boolean {
  if (posted === undefined || cookie === undefined || posted.length !== cookie.length || cookie.length < 32)
    return false;
  return timingSafeEqual(Buffer.from(posted), Buffer.from(cookie));
}

async function readForm(event: HttpEvent): Promise<FormFields | undefined> {
  const raw =
    event.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const contentType = event.headers['content-type'] ?? '';
  let data: FormData;
  try {
    if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
      const fields = new URLSearchParams(raw.toString('utf8'));
      data = new FormData();
      for (const [name, value] of fields) data.append(name, value);
    } else if (/^multipart\/form-data\b/i.test(contentType)) {
      data = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    } else return undefined;
  } catch {
    return undefined;
  }
  const values: Record<string, string> = {};
  data.forEach((value, name) => {
    if (typeof value === 'string' && !(name in values)) values[name] = value;
  });
  return {
    get: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : undefined;
    },
    getAll: (name) => data.getAll(name).filter((value): value is string => typeof value === 'string'),
    files: (name) =>
      data.getAll(name).filter((value): value is File => typeof value !== 'string' && value.size > 0),
    values,
  };
}

/** The fingerprinted assets: a new content is a new name, so every cache keeps each for a year. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Browsers keep a public page a minute (back and forth is instant); shared caches as its answer says. */
const BROWSER_MAX_AGE_SECONDS = 60;

/**
 * The `Cache-Control` of a page: `public` with the answer's `s-maxage` only when its route lets shared
 * caches keep it (`sharedCache: 'page'`), the answer asks for it and it sets no cookie (a cookie is one
 * person's: CloudFront would keep it with the page and hand it to the next reader). Anything else —
 * status pages, forms, the console, errors — is `no-store`.
 */
export function pageCacheControl(
  route: Pick<PageRouteDefinition, 'sharedCache'>,
  cache: PageCache | undefined,
  setsCookies: boolean,
): string {
  if (route.sharedCache !== 'page' || cache?.kind !== 'public' || setsCookies) return 'no-store';
  return `public, max-age=${BROWSER_MAX_AGE_SECONDS}, s-maxage=${cache.sMaxAge}`;
}

function toResult(
  reply: PageAnswer,
  frame: Frame,
  route: PageRouteDefinition,
): APIGatewayProxyStructuredResultV2 {
  if (reply.kind === 'asset') {
    return compressed(frame, 200, reply.asset.body, {
      'content-type': reply.asset.contentType,
      'cache-control': route.sharedCache === 'asset' ? ASSET_CACHE_CONTROL : 'no-store',
      'x-content-type-options': 'nosniff',
    });
  }
  if (reply.kind === 'download') {
    const ascii = reply.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    return compressed(frame, 200, reply.body, {
      'content-type': reply.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(reply.filename)}`,
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
    });
  }
  if (reply.kind === 'redirect') return redirect(reply.location, reply.cookies);
  const started = performance.now();
  const html = renderPage(frame, reply.title, reply.body, reply.crumbs, reply.robots);
  // How long rendering took, for `npm run bench` and browsers' developer tools (no data, only a number).
  const renderMs = (performance.now() - started).toFixed(2);
  const cookies = [
    ...(reply.cookies ?? []),
    ...(frame.csrf.issued !== undefined
      ? [cookieHeader(CSRF_COOKIE, frame.csrf.issued, { path: '/', sameSite: 'Strict' })]
      : []),
  ];
  const result = compressed(frame, reply.status ?? 200, html, {
    'content-type': 'text/html; charset=utf-8',
    // A page that carries a form token sets its cookie, so it is never kept where others could read it.
    'cache-control': pageCacheControl(route, reply.cache, cookies.length > 0),
    vary: 'Accept-Language, Cookie, Accept-Encoding',
    'referrer-policy': reply.referrer ?? 'strict-origin-when-cross-origin',
    'server-timing': `render;dur=${renderMs}`,
    ...SECURITY_HEADERS,
  });
  return cookies.length > 0 ? { ...result, cookies } : result;
}
