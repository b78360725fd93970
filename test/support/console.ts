import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { localCloud } from './api';
import { newPerson } from './browser';

/**
 * A staff member at the console, as a person: a browser of their own, signed in through the local
 * identity's page (the same authorization-code + PKCE flow the cloud's identity provider runs).
 */
export type StaffAtConsole = { context: BrowserContext; page: Page; email: string };

/** Signs in on `page` as `email` (from any console page: it sends the browser to sign in). */
export async function signIn(page: Page, email: string, startAt = '/console'): Promise<void> {
  await page.goto(`${localCloud().baseUrl}${startAt}`);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/_local/identity/authorize');
  const known = page.locator(`form:has(input[name=email][value="${email}"]) button`);
  if ((await known.count()) > 0) await known.click();
  else {
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }
  await page.waitForLoadState('load');
}

/** A new browser (its own cookies), signed in as `email`, on `startAt`. */
export async function staffAtConsole(
  browser: Browser,
  email: string,
  options: { javaScript?: boolean; startAt?: string; locale?: 'zh-CN' | 'en' } = {},
): Promise<StaffAtConsole> {
  const context = await newPerson(browser, {
    javaScript: options.javaScript ?? false,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const page = await context.newPage();
  await signIn(page, email, options.startAt);
  return { context, page, email };
}

/** The demo agency's account of a role (seeded by the local cloud). */
export const demoEmail = (account: keyof ReturnType<typeof localCloud>['staff']): string =>
  localCloud().staff[account].email;
