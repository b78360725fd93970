import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assets } from '#lib/web/assets/index';
import { localCloud } from '#test/support/api';
import {
  axeViolations,
  checkPage,
  expectOnlyOwnRequests,
  launchBrowser,
  newPerson,
  screenshots,
  watchRequests,
} from '#test/support/browser';

/**
 * The portal's frame, as a person meets it: the home page in Chinese and English, with JavaScript on and
 * off, its security headers, its one stylesheet and script, the preferences, and the "not found" page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser.close();
});

const base = () => localCloud().baseUrl;

describe('the frame of every page', () => {
  it('answers HTML with a CSP without unsafe-inline, nosniff, frame-ancestors none, and gzip', async () => {
    const response = await fetch(`${base()}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    const html = await response.text();
    expect(html.startsWith('<!doctype html><html lang="zh-CN" dir="ltr">')).toBe(true);
    expect(html).toContain(assets.stylesheet.path);
    expect(html).toContain(assets.script.path);
    // At most one script, and no inline script or style anywhere.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script>|<style|style="/);
  });

  it('serves the fingerprinted assets immutable for a year, and no other name', async () => {
    for (const asset of Object.values(assets)) {
      const response = await fetch(`${base()}${asset.path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await response.text()).toBe(asset.body);
    }
    const stale = await fetch(`${base()}/assets/portal.000000000000.css`, {
      headers: { accept: 'text/html' },
    });
    expect(stale.status).toBe(404);
    expect(stale.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers a browser that asks for a page no route has with the HTML "not found" page, the API with JSON', async () => {
    const page = await fetch(`${base()}/no/such/page`, {
      headers: { accept: 'text/html', 'accept-language': 'en' },
    });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page not found');
    const api = await fetch(`${base()}/v1/no/such/route`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('chooses the language from Accept-Language, then from the reader’s choice', async () => {
    const english = await fetch(`${base()}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(await english.text()).toContain('<html lang="en" dir="ltr">');
    const chosen = await fetch(`${base()}/`, {
      headers: { 'accept-language': 'en-GB,en;q=0.9', cookie: 'gk-lang=zh-CN' },
    });
    expect(await chosen.text()).toContain('<html lang="zh-CN" dir="ltr">');
  });

  it('refuses a secret in a page’s address with a page in Chinese', async () => {
    const response = await fetch(`${base()}/follow?accessToken=abc`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('网址中不能包含访问码');
  });

  it('keeps every page in 60 KB gzipped with its stylesheet and script', async () => {
    const sizes = await Promise.all(
      ['/', assets.stylesheet.path, assets.script.path].map(async (path) => {
        const response = await fetch(`${base()}${path}`, { headers: { 'accept-encoding': 'gzip' } });
        return Buffer.from(await response.arrayBuffer()).length;
      }),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(60 * 1024);
    // fetch decodes gzip itself: check that the bytes were compressed on the wire.
    const raw = await fetch(`${base()}${assets.stylesheet.path}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBe('gzip');
  });
});

describe.each([
  { javaScript: false, label: 'JavaScript off' },
  { javaScript: true, label: 'JavaScript on' },
])('the home page with $label', ({ javaScript }) => {
  it('finds an agency by name, switches language and text size, and passes axe-core', async () => {
    const context = await newPerson(browser, { javaScript });
    const seen = watchRequests(context);
    const page = await context.newPage();
    await page.goto(`${base()}/`);
    await expect.poll(() => page.title()).toContain('政府信息公开');
    await checkPage(page);
    await screenshots(page, `home-${javaScript ? 'js' : 'nojs'}`);
    await page.getByLabel('按名称查找机关').fill('示范');
    await page.getByRole('button', { name: '查找' }).click();
    await expect.poll(() => page.url()).toContain('q=');
    const result = page.getByRole('link', { name: '示范市人民政府' }).first();
    expect(await result.getAttribute('href')).toBe(`/agencies/${localCloud().agencyId}`);
    await checkPage(page);
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(page.url()).toContain('q=');
    await page.getByRole('link', { name: 'Large text' }).click();
    await expect.poll(() => page.locator('html').getAttribute('class')).toContain('large-text');
    await checkPage(page);
    // Keyboard: the first Tab reaches the skip link, which is then visible.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    if (javaScript) expect(await page.locator('html').getAttribute('class')).toContain('js');
    expectOnlyOwnRequests(seen, base());
    await context.close();
  });
});

describe('the accessibility check itself', () => {
  it.each([false, true])('finds what is wrong (JavaScript %s)', async (javaScript) => {
    const context = await newPerson(browser, { javaScript });
    const page = await context.newPage();
    // A page with an unlabelled field and an image without a text alternative, at the portal's address.
    await page.route(`${base()}/broken`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="zh-CN"><head><title>坏</title></head><body><main><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
      }),
    );
    await page.goto(`${base()}/broken`);
    const found = (await axeViolations(page)).map((violation) => violation.id).sort();
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'label']));
    await context.close();
  });
});
