import { cookieHeader, expiredCookie } from './cookies';

/**
 * How a browser holds a citizen's access to one application, never in a URL: after the application is
 * made (or opened with its tracking number and access token, posted), the access token sits in an
 * HttpOnly, Secure, SameSite=Strict cookie scoped to that application's path, for the browser session;
 * "sign out" deletes it. Paths are case-sensitive, so they always use the canonical (upper-case) number.
 *
 * The receipt shows the access token once: right after the application is made, a one-time cookie on the
 * receipt's own path lets the receipt show it, and the receipt deletes it.
 */
export const ACCESS_COOKIE = '__Secure-gk-access';
export const RECEIPT_COOKIE = '__Secure-gk-receipt';

export const applicationPath = (trackingNumber: string): string => `/applications/${trackingNumber}`;
export const receiptPath = (trackingNumber: string): string => `${applicationPath(trackingNumber)}/receipt`;

/** Opens the application in this browser. */
export const signInCookie = (trackingNumber: string, accessToken: string): string =>
  cookieHeader(ACCESS_COOKIE, accessToken, { path: applicationPath(trackingNumber), sameSite: 'Strict' });

/** Lets the receipt show the access token once (ten minutes at most). */
export const receiptCookie = (trackingNumber: string): string =>
  cookieHeader(RECEIPT_COOKIE, '1', { path: receiptPath(trackingNumber), sameSite: 'Strict', maxAge: 600 });
export const receiptShownCookie = (trackingNumber: string): string =>
  expiredCookie(RECEIPT_COOKIE, receiptPath(trackingNumber));

export const signOutCookie = (trackingNumber: string): string =>
  expiredCookie(ACCESS_COOKIE, applicationPath(trackingNumber));

/** The access token this browser holds for the application whose page is asked for, if any. */
export const accessTokenOf = (cookies: Readonly<Record<string, string | undefined>>): string | undefined =>
  cookies[ACCESS_COOKIE];
