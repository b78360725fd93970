import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { pageRoutes, portalRoutes } from '#lib/api/page-routes';
import { routeKeyOf } from '#lib/api/routes';
import { NotFoundError, ValidationError } from '#lib/domain/errors';
import type { HttpEvent } from '#lib/http/request';
import { anHttpEvent } from '#test/support/http-event';
import { Logger } from '@aws-lambda-powertools/logger';
import { ErrorSummary, PostForm, TextField } from '#lib/web/components.tsx';
import { stylesheet } from '#lib/web/assets/stylesheet';
import { parseCookies } from '#lib/web/cookies';
import { formatCivilDate, formatInstant } from '#lib/web/format';
import { catalogue, sections, translator } from '#lib/web/messages/catalogue';
import { frameTranslator } from '#lib/web/messages/frame';
import { LOCALES, negotiateLocale } from '#lib/web/messages/locale';
import {
  CSRF_COOKIE,
  pageFunction,
  type PageAnswer,
  type PageHandlers,
  type PageRequest,
} from '#lib/web/page-function.tsx';
import { notFoundPage } from '#lib/web/not-found-page.tsx';
import { frameOf, messagePage } from '#lib/web/page-frame.tsx';

/** The frame of the people's pages: language, dates, the catalogue, CSRF, errors as pages, headers. */
const TOKEN = 'a'.repeat(43);

const anEvent = (overrides: Partial<HttpEvent> & { method?: string; path?: string } = {}): HttpEvent => {
  const { method = 'GET', path = '/', ...rest } = overrides;
  return anHttpEvent(method, path, rest);
};

/** Every page route answered by `answer` (the tests only call one or two). */
const withEveryRoute = (answer: (request: PageRequest) => Promise<PageAnswer>): PageHandlers =>
  Object.fromEntries(pageRoutes.map((route) => [routeKeyOf(route), answer])) as unknown as PageHandlers;

const bodyOf = (result: APIGatewayProxyStructuredResultV2): string =>
  result.isBase64Encoded === true
    ? gunzipSync(Buffer.from(result.body ?? '', 'base64')).toString('utf8')
    : (result.body ?? '');

describe('the language of a page', () => {
  it('is the reader’s choice, else the best of Accept-Language, else Chinese', () => {
    expect(negotiateLocale('en', 'zh-CN')).toBe('en');
    expect(negotiateLocale(undefined, 'en-GB,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(negotiateLocale(undefined, 'fr;q=1, zh-TW;q=0.5, en;q=0.4')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'en;q=0.2, zh-Hans;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'de, fr')).toBe('zh-CN');
    expect(negotiateLocale('xx', undefined)).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'en;q=0')).toBe('zh-CN');
  });

  it('writes dates as 2026年10月30日 in Chinese and 30 October 2026 in English, times in China time', () => {
    expect(formatCivilDate('2026-10-30', 'zh-CN')).toBe('2026年10月30日');
    expect(formatCivilDate('2026-01-05', 'en')).toBe('5 January 2026');
    // 16:30 UTC on the 31st is 00:30 on November 1 in China, whatever the server's zone.
    expect(formatInstant('2026-10-31T16:30:00Z', 'zh-CN')).toBe('2026年11月1日 00:30');
  });
});

describe('the message catalogue', () => {
  it('has every key in every language, nothing empty, and the same placeholders in each', () => {
    const zh = catalogue['zh-CN'];
    for (const locale of LOCALES) {
      expect(Object.keys(catalogue[locale]).sort()).toEqual(Object.keys(zh).sort());
      for (const [key, text] of Object.entries(catalogue[locale])) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(zh[key as keyof typeof zh]));
      }
    }
  });

  it('keeps each section’s keys under its own prefix, so no two sections share a key', () => {
    const seen = new Map<string, number>();
    sections.forEach((section, index) => {
      const prefixes = new Set(Object.keys(section['zh-CN']).map((key) => key.split('.')[0]));
      for (const key of Object.keys(section['zh-CN'])) {
        expect(seen.has(key), key).toBe(false);
        seen.set(key, index);
      }
      expect(prefixes.size, `section ${index} uses one or two prefixes`).toBeLessThanOrEqual(2);
    });
  });
});

describe('the stylesheet', () => {
  it('uses logical properties only, so a right-to-left page mirrors by itself', () => {
    const physical =
      /(?:margin|padding|border)-(?:left|right|top|bottom)\b|[{;](?:left|right|top|bottom):|text-align:\s*(?:left|right)|float:|(?<![-\w])(?:width|height):/g;
    expect(stylesheet.match(physical) ?? []).toEqual([]);
  });

  it('loads no font, image or anything else from elsewhere', () => {
    expect(stylesheet).not.toMatch(/@import|@font-face|url\(/);
  });
});

describe('cookies', () => {
  it('reads the jar API Gateway passes, the first (most specific path) of a name winning', () => {
    expect(parseCookies(['a=1', 'b=x%20y', 'a=2', 'bad', 'c=%E0%A4%A'])).toEqual({
      a: '1',
      b: 'x y',
      c: '%E0%A4%A',
    });
  });
});

describe('a page function', () => {
  const page = (title: string): Extract<PageAnswer, { kind: 'page' }> => ({
    kind: 'page',
    title,
    body: <p>{title}</p>,
  });

  it('renders the page in the layout with the security headers, in the reader’s language', async () => {
    const handler = pageFunction(
      portalRoutes,
      withEveryRoute(async () => page('你好')),
    );
    const result = await handler(anEvent({ headers: { host: 'h', 'accept-language': 'en' } }));
    expect(result.statusCode).toBe(200);
    const headers = result.headers ?? {};
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
    expect(bodyOf(result)).toMatch(/^<!doctype html><html lang="en" dir="ltr">.*<title>你好 - /);
  });

  it('escapes what it renders: no markup from data', async () => {
    const handler = pageFunction(
      portalRoutes,
      withEveryRoute(async () => page('<script>alert(1)</script>')),
    );
    const html = bodyOf(await handler(anEvent()));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('caches public pages for shared caches, but never one that sets a form token', async () => {
    const publicPage: PageAnswer = { ...page('p'), cache: { kind: 'public', sMaxAge: 300 } };
    const open = await pageFunction(
      portalRoutes,
      withEveryRoute(async () => publicPage),
    )(anEvent());
    expect(open.headers?.['cache-control']).toBe('public, max-age=60, s-maxage=300');
    expect(open.cookies).toBeUndefined();
    const withForm: PageAnswer = {
      ...publicPage,
      body: (
        <PostForm action="/follow">
          <TextField name="x" label="x" />
        </PostForm>
      ),
    };
    const formPage = await pageFunction(
      portalRoutes,
      withEveryRoute(async () => withForm),
    )(anEvent());
    expect(formPage.headers?.['cache-control']).toBe('no-store');
    expect(formPage.cookies?.[0]).toMatch(
      new RegExp(`^${CSRF_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Strict$`),
    );
    const token = /name="_csrf" value="([^"]+)"/.exec(bodyOf(formPage))?.[1];
    expect(formPage.cookies?.[0]).toContain(`=${token ?? 'missing'};`);
  });

  describe('a form post', () => {
    const post = (
      headers: Record<string, string>,
      body: string,
      cookies: string[] = [`${CSRF_COOKIE}=${TOKEN}`],
    ) =>
      anEvent({
        method: 'POST',
        path: '/follow',
        headers: {
          host: 'portal.example.cn',
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body,
        cookies,
      });
    const spy = vi.fn(async (request: PageRequest): Promise<PageAnswer> => ({
      kind: 'redirect',
      location: `/done?x=${request.form.get('x') ?? ''}`,
    }));
    const handler = pageFunction(portalRoutes, withEveryRoute(spy));

    it('reaches its handler with the same token in the form and the cookie, from this origin', async () => {
      spy.mockClear();
      const result = await handler(
        post({ origin: 'https://portal.example.cn' }, `_csrf=${TOKEN}&x=%E4%BD%A0`),
      );
      expect(result.statusCode).toBe(303);
      expect(result.headers?.location).toBe('/done?x=你');
      expect(spy).toHaveBeenCalledOnce();
    });

    it('reaches its handler from a no-referrer page (Origin: null) with the right token, whatever the browser says of the site', async () => {
      for (const site of [{ 'sec-fetch-site': 'same-origin' }, {}] as Record<string, string>[]) {
        spy.mockClear();
        const result = await handler(post({ origin: 'null', ...site }, `_csrf=${TOKEN}&x=1`));
        expect(result.statusCode).toBe(303);
        expect(spy).toHaveBeenCalledOnce();
      }
    });

    it.each([
      ['without the form token', {}, 'x=1', undefined],
      ['with a token that is not the cookie’s', {}, `_csrf=${'b'.repeat(43)}&x=1`, undefined],
      ['without the cookie', {}, `_csrf=${TOKEN}&x=1`, []],
      ['from another origin', { origin: 'https://evil.example' }, `_csrf=${TOKEN}&x=1`, undefined],
      [
        'from another site, as the browser says',
        { 'sec-fetch-site': 'cross-site' },
        `_csrf=${TOKEN}`,
        undefined,
      ],
      [
        'from an opaque origin the browser says is another site',
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
        `_csrf=${TOKEN}`,
        undefined,
      ],
      ['from an opaque origin without the form token', { origin: 'null' }, 'x=1', undefined],
    ])(
      'is refused %s: 403, a page in Chinese, the handler never called',
      async (_label, headers, body, cookies) => {
        spy.mockClear();
        const result = await handler(post(headers, body, cookies));
        expect(result.statusCode).toBe(403);
        expect(result.headers?.['content-type']).toBe('text/html; charset=utf-8');
        expect(bodyOf(result)).toContain('表单已过期');
        expect(spy).not.toHaveBeenCalled();
      },
    );

    it('reads a multipart form, files included', async () => {
      let seen: { name: string; size: number; x: string | undefined } | undefined;
      const files = pageFunction(
        portalRoutes,
        withEveryRoute(async ({ form }) => {
          const [file] = form.files('attachment');
          seen = { name: file?.name ?? '', size: file?.size ?? 0, x: form.get('x') };
          return { kind: 'redirect', location: '/' };
        }),
      );
      const data = new FormData();
      data.append('_csrf', TOKEN);
      data.append('x', '补正');
      data.append(
        'attachment',
        new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' }),
        '材料.pdf',
      );
      const request = new Request('http://x/', { method: 'POST', body: data });
      const raw = Buffer.from(await request.arrayBuffer());
      const result = await files(
        post({ 'content-type': request.headers.get('content-type') ?? '' }, raw.toString('base64')),
      ).then((r) => r);
      // Bytes that are not the form they claim to be: a page saying the form could not be read.
      expect(result.statusCode).toBe(400);
      const ok = await files({
        ...post({ 'content-type': request.headers.get('content-type') ?? '' }, raw.toString('base64')),
        isBase64Encoded: true,
      });
      expect(ok.statusCode).toBe(303);
      expect(seen).toEqual({ name: '材料.pdf', size: 3, x: '补正' });
    });
  });

  it('answers every failure with a page in the reader’s language, never JSON, and a 500 only for the unknown', async () => {
    const errorSpy = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const answers = async (error: Error) =>
      pageFunction(
        portalRoutes,
        withEveryRoute(async () => Promise.reject(error)),
      )(anEvent());
    const notFound = await answers(new NotFoundError('gone'));
    expect(notFound.statusCode).toBe(404);
    expect(bodyOf(notFound)).toContain('未找到该页面');
    const invalid = await answers(new ValidationError('bad', [{ path: 'body.x', message: 'must be y' }]));
    expect(invalid.statusCode).toBe(400);
    expect(bodyOf(invalid)).toContain('无法处理该请求');
    expect(bodyOf(invalid)).not.toContain('must be y');
    const unknown = await answers(new Error('secret detail'));
    expect(unknown.statusCode).toBe(500);
    expect(bodyOf(unknown)).not.toContain('secret detail');
    expect(errorSpy).toHaveBeenCalledOnce();
    for (const result of [notFound, invalid, unknown])
      expect(result.headers?.['content-type']).toBe('text/html; charset=utf-8');
    errorSpy.mockRestore();
  });

  it('answers a wrong path parameter with the not-found page, before its handler', async () => {
    const spy = vi.fn(async () => page('x'));
    const result = await pageFunction(
      portalRoutes,
      withEveryRoute(spy),
    )(anEvent({ path: '/agencies/NOT_AN_ID' }));
    expect(result.statusCode).toBe(404);
    expect(spy).not.toHaveBeenCalled();
  });

  it('gzips what it answers when the browser accepts it', async () => {
    const long: PageAnswer = { kind: 'page', title: 't', body: <p>{'公开'.repeat(2000)}</p> };
    const result = await pageFunction(
      portalRoutes,
      withEveryRoute(async () => long),
    )(anEvent({ headers: { host: 'h', 'accept-encoding': 'gzip, br' } }));
    expect(result.headers?.['content-encoding']).toBe('gzip');
    expect(result.isBase64Encoded).toBe(true);
    expect(bodyOf(result)).toContain('公开公开');
  });
});

describe('forms', () => {
  it('tie each error to its field and link the summary to it (GOV.UK’s pattern)', async () => {
    const errors = [{ field: 'name', message: '请填写姓名' }];
    const handler = pageFunction(
      portalRoutes,
      withEveryRoute(async () => ({
        kind: 'page',
        title: 'f',
        body: (
          <>
            <ErrorSummary errors={errors} />
            <TextField name="name" label="姓名" errors={errors} value="张&三" />
          </>
        ),
      })),
    );
    const html = bodyOf(await handler(anEvent()));
    expect(html).toContain('<a href="#f-name">请填写姓名</a>');
    expect(html).toMatch(
      /<input id="f-name" name="name" type="text" value="张&amp;三"[^>]*aria-describedby="f-name-error"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain('<p class="error-message" id="f-name-error">');
  });
});

describe('the not-found page of the $default route', () => {
  it.each([
    ['/nowhere', 'zh-CN'],
    ['/nowhere', 'en'],
    ['/console/nowhere', 'zh-CN'],
    ['/console/nowhere', 'en'],
  ])('%s in %s is the page the whole catalogue gives, from the frame’s words alone', (path, language) => {
    const event = anEvent({ path, cookies: [`gk-lang=${language}`] });
    const page = notFoundPage(event);
    // The same page, framed with every word of the catalogue.
    const frame = { ...frameOf(event, event.headers, parseCookies(event.cookies), translator), path: '/' };
    if (path.startsWith('/console')) frame.console = { staff: undefined, page: '/console' };
    const whole = messagePage(frame, 404, 'common.notFound.title', 'common.notFound.body');
    expect(page.statusCode).toBe(404);
    expect(bodyOf(page)).toBe(bodyOf(whole));
    expect(bodyOf(page)).toContain(`lang="${language}"`);
  });

  it('asks the frame’s words for nothing beyond them', () => {
    expect(() => frameTranslator('en')('apply.title')).toThrow(/No words for apply.title/);
  });
});
