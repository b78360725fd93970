import type { z } from 'zod';
import type { PageMethod } from '../page-routes';

/** Staff forms: per route, across all callers (generous: a disclosure office posts all day). */
const consoleFormThrottle = { rateLimit: 50, burstLimit: 100 };

/**
 * A console page (`/console/…`): served by the console function, for a signed-in staff member (`session`)
 * unless it is one of the sign-in pages (`public`). The agency is never in the path: it is the signed-in
 * person's, so a page cannot even name another agency's records (platform pages say which agency).
 */
export const consolePage = <
  const M extends PageMethod,
  const P extends `/console${string}`,
  S extends z.ZodObject | undefined = undefined,
>(
  method: M,
  path: P,
  summary: string,
  params?: S,
) =>
  ({
    kind: 'page',
    method,
    path,
    function: 'console',
    access: 'session',
    summary,
    params: params as S,
    ...(method === 'POST' ? { throttle: consoleFormThrottle } : {}),
  }) as const;

/** A console page anyone may open: signing in and out. */
export const publicConsolePage = <const M extends PageMethod, const P extends `/console/${string}`>(
  method: M,
  path: P,
  summary: string,
) =>
  ({
    kind: 'page',
    method,
    path,
    function: 'console',
    access: 'public',
    summary,
    params: undefined,
    ...(method === 'POST' ? { throttle: consoleFormThrottle } : {}),
  }) as const;
