/**
 * Cookies of the people's pages. Every cookie is `Secure` (browsers accept it from `http://localhost` and
 * `http://127.0.0.1` too, so the local cloud behaves as the cloud) and `HttpOnly` (no script reads them).
 */
export const PREFERENCE_COOKIES = { language: 'gk-lang', textSize: 'gk-text' } as const;

export function parseCookies(
  cookies: readonly string[] | undefined,
): Readonly<Record<string, string | undefined>> {
  const jar: Record<string, string> = {};
  for (const cookie of cookies ?? []) {
    for (const part of cookie.split(/;\s*/)) {
      const equals = part.indexOf('=');
      if (equals <= 0) continue;
      const name = part.slice(0, equals).trim();
      if (name in jar) continue; // the most specific path comes first
      const raw = part.slice(equals + 1).trim();
      try {
        jar[name] = decodeURIComponent(raw);
      } catch {
        jar[name] = raw;
      }
    }
  }
  return jar;
}

export type CookieOptions = {
  readonly path: string;
  readonly sameSite: 'Strict' | 'Lax';
  /** Seconds; without it the cookie ends with the browser session. */
  readonly maxAge?: number;
};

export const cookieHeader = (name: string, value: string, options: CookieOptions): string =>
  [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
    'Secure',
    'HttpOnly',
    `SameSite=${options.sameSite}`,
  ].join('; ');

/** Deletes a cookie (same name and path as it was set with). */
export const expiredCookie = (name: string, path: string): string =>
  `${name}=; Path=${path}; Max-Age=0; Secure; HttpOnly; SameSite=Strict`;
