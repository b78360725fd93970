import type { ComponentChildren } from 'preact';
import type { Crumb } from '../../layout';
import type { PageAnswer } from '../../page-function';

/**
 * A page that names an application or holds a person's data: never stored by any cache, no `Referer`
 * leaves it, no search engine keeps it.
 */
export function privatePage(
  title: string,
  page: { body: ComponentChildren; crumbs: readonly Crumb[]; status?: number; cookies?: readonly string[] },
): PageAnswer {
  return {
    kind: 'page',
    title,
    cache: { kind: 'no-store' },
    referrer: 'no-referrer',
    robots: 'noindex',
    ...page,
  };
}
