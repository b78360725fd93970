import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, installedChromium } from './chromium';

/**
 * The people's pages as a person uses them: Debian's Chromium, headless, driven by playwright-core, with
 * JavaScript on or off. `checkPage` runs axe-core (WCAG 2.1 A and AA) and looks for horizontal scrolling
 * at 320 px; `screenshots` keeps the page at 390×844 (a phone) and 1280×800 in `test-results/`.
 */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'pages');

/** A loaded 2-core machine: a page and its assets can take a while. */
export const PAGE_TIMEOUT_MS = 30_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: installedChromium(), args: CHROMIUM_ARGS, timeout: 60_000 });
}

const javaScriptOf = new WeakMap<BrowserContext, boolean>();

export async function newPerson(
  browser: Browser,
  options: { javaScript: boolean; locale?: 'zh-CN' | 'en' },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript,
    locale: options.locale ?? 'zh-CN',
    viewport: DESKTOP,
    // Every request the page makes must go to the portal itself (no CDN, fonts or trackers).
    serviceWorkers: 'block',
  });
  javaScriptOf.set(context, options.javaScript);
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  return context;
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const axe = async () => (axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/**
 * axe-core on the page as it is now. With JavaScript off axe cannot run in the page itself (no timers
 * fire), so the page's HTML is replayed at the same address in a second, JavaScript-on context whose own
 * script is blocked: the same document, the same stylesheet, as the person sees it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const run = async (target: Page) => {
    await target.evaluate(await axe());
    return target.evaluate(async () => {
      const result = await (
        globalThis as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
        }
      ).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target })),
      }));
    });
  };
  if (javaScriptOf.get(page.context()) !== false) return run(page);
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (browser === null) throw new Error('no browser');
  const mirror = await browser.newContext({ viewport: page.viewportSize() ?? DESKTOP });
  try {
    const copy = await mirror.newPage();
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.route('**/assets/*.js', (route) => route.abort());
    await copy.goto(url, { waitUntil: 'load' });
    return await run(copy);
  } finally {
    await mirror.close();
  }
}

/** The page passes axe-core and fits 320 px without horizontal scrolling. */
export async function checkPage(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe-core on ${page.url()}`).toEqual([]);
  const size = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.setViewportSize(size);
  expect(overflow, `horizontal scrolling at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** The page at a phone's size and a desktop's, full length, as `test-results/pages/<name>-<width>.png`. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize() ?? DESKTOP;
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/**
 * Every request a page made went to the portal's own origin (no third party), and none failed.
 * Call `watchRequests` before navigating, then `expectOnlyOwnRequests` after.
 */
export function watchRequests(context: BrowserContext): { urls: string[]; failed: string[] } {
  const seen = { urls: [] as string[], failed: [] as string[] };
  context.on('request', (request) => seen.urls.push(request.url()));
  context.on('requestfailed', (request) => seen.failed.push(request.url()));
  return seen;
}
export function expectOnlyOwnRequests(seen: { urls: string[]; failed: string[] }, baseUrl: string): void {
  const origin = new URL(baseUrl).origin;
  expect(seen.urls.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([]);
  expect(seen.failed).toEqual([]);
}
