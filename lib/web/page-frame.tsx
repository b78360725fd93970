import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { HttpEvent } from '#lib/http/request';
import { gzipSync } from 'node:zlib';
import { Page, type PageContext } from './context';
import { cookieHeader, PREFERENCE_COOKIES } from './cookies';
import { Layout, type Crumb } from './layout';
import type { MessageKey, Translate } from './messages/catalogue';
import { negotiateLocale, type Locale } from './messages/locale';
import type { StaffSession } from './console/session';
import { randomBytes } from 'node:crypto';

/**
 * The frame every answer of the people's pages is given, whatever its handler did: the language, the text
 * size, the form token and gzip; the layout around a page; the pages that only say something (errors).
 * Apart from `page-function.tsx` so that the `$default` route's not-found page has the frame without the
 * page handlers and their catalogue.
 */

/** The form token's cookie: `__Host-` (this host only, path `/`, Secure), HttpOnly, SameSite=Strict. */
export const CSRF_COOKIE = '__Host-gk-csrf';

/** What the frame of every answer needs, whatever the handler did. */
export type Frame = {
  readonly locale: Locale;
  readonly t: Translate;
  readonly largeText: boolean;
  readonly path: string;
  /** This site's origin as the browser sees it. */
  readonly origin: string;
  readonly csrf: { readonly existing: string | undefined; issued: string | undefined };
  readonly requestId: string;
  readonly gzip: boolean;
  /** Console pages: who is signed in (once known), and the page a form on it is on. */
  console: { staff: StaffSession | undefined; page: string } | undefined;
};

/**
 * The frame of a request: its language, text size, path, origin, form token and whether it takes gzip.
 * `publicOrigin` is the site's public address when the deployment says it (`PUBLIC_BASE_URL`).
 */
export function frameOf(
  event: HttpEvent,
  headers: Readonly<Record<string, string | undefined>>,
  cookies: Readonly<Record<string, string | undefined>>,
  translator: (locale: Locale) => Translate,
  publicOrigin?: string,
): Frame {
  const locale = negotiateLocale(cookies[PREFERENCE_COOKIES.language], headers['accept-language']);
  return {
    locale,
    t: translator(locale),
    largeText: cookies[PREFERENCE_COOKIES.textSize] === 'large',
    path: event.rawQueryString ? `${event.rawPath}?${event.rawQueryString}` : event.rawPath,
    origin: publicOrigin ?? requestOrigin(headers),
    csrf: { existing: cookies[CSRF_COOKIE], issued: undefined },
    requestId: event.requestContext.requestId,
    gzip: /\bgzip\b/i.test(headers['accept-encoding'] ?? ''),
    console: undefined,
  };
}

/**
 * The origin a request names itself (the local cloud, or a deployment without `PUBLIC_BASE_URL`): its host
 * (`X-Forwarded-Host` first, as a proxy in front says it) and the scheme API Gateway and the local gateway
 * report.
 */
function requestOrigin(headers: Readonly<Record<string, string | undefined>>): string {
  const host = headers['x-forwarded-host'] ?? headers.host ?? 'localhost';
  const proto = (headers['x-forwarded-proto'] ?? 'https').split(',')[0]?.trim() ?? 'https';
  return `${proto === 'http' ? 'http' : 'https'}://${host}`;
}

export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; " +
    "base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
} as const;

export function renderPage(
  frame: Frame,
  title: string,
  body: ComponentChildren,
  crumbs?: readonly Crumb[],
  robots?: 'noindex',
): string {
  const context: PageContext = {
    locale: frame.locale,
    t: frame.t,
    path: frame.path,
    largeText: frame.largeText,
    csrfToken: () => {
      frame.csrf.issued ??= frame.csrf.existing ?? randomBytes(32).toString('base64url');
      return frame.csrf.issued;
    },
    ...(frame.console ? { console: frame.console } : {}),
  };
  return `<!doctype html>${render(
    <Page.Provider value={context}>
      <Layout title={title} {...(crumbs ? { crumbs } : {})} {...(robots ? { robots } : {})}>
        {body}
      </Layout>
    </Page.Provider>,
  )}`;
}

/** A page that only says something: errors, mostly. */
export function messagePage(
  frame: Frame,
  status: number,
  titleKey: MessageKey,
  bodyKey: MessageKey,
  extraHeaders: Record<string, string> = {},
  cookies: readonly string[] = [],
): APIGatewayProxyStructuredResultV2 {
  const { t } = frame;
  const title = t(titleKey);
  const html = renderPage(
    frame,
    title,
    <>
      <h1>{title}</h1>
      <p>{t(bodyKey)}</p>
      <p>
        {frame.console ? (
          <a href="/console">{t('console.backToToday')}</a>
        ) : (
          <a href="/">{t('common.backHome')}</a>
        )}
      </p>
      <p class="muted">{t('common.requestId', { id: frame.requestId })}</p>
    </>,
    undefined,
    'noindex',
  );
  const result = compressed(frame, status, html, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'Accept-Language, Cookie, Accept-Encoding',
    'referrer-policy': 'no-referrer',
    ...SECURITY_HEADERS,
    ...extraHeaders,
  });
  // A console error page carries the sign-out form: its token's cookie goes with it.
  const issued =
    frame.csrf.issued !== undefined && frame.csrf.issued !== frame.csrf.existing
      ? [cookieHeader(CSRF_COOKIE, frame.csrf.issued, { path: '/', sameSite: 'Strict' })]
      : [];
  const all = [...cookies, ...issued];
  return all.length > 0 ? { ...result, cookies: all } : result;
}

/** Text bodies over 1 KB are gzipped when the browser accepts it (API Gateway does not compress). */
export function compressed(
  frame: Frame,
  status: number,
  body: string,
  headers: Record<string, string>,
): APIGatewayProxyStructuredResultV2 {
  if (!frame.gzip || body.length < 1024) return { statusCode: status, headers, body };
  return {
    statusCode: status,
    headers: { ...headers, 'content-encoding': 'gzip' },
    body: gzipSync(body).toString('base64'),
    isBase64Encoded: true,
  };
}
