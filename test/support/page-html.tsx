import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { Page } from '#lib/web/context';
import { translator } from '#lib/web/messages/catalogue';
import type { Locale } from '#lib/web/messages/locale';

/**
 * A page's body as HTML, rendered in the context a page function gives it (language, form token, and a
 * console page's frame), for tests that read render details on the string.
 */
export function pageHtml(
  children: ComponentChildren,
  options: { locale?: Locale; path?: string; console?: boolean } = {},
): string {
  const locale = options.locale ?? 'zh-CN';
  const path = options.path ?? '/';
  return render(
    <Page.Provider
      value={{
        locale,
        t: translator(locale),
        path,
        largeText: false,
        csrfToken: () => 'x'.repeat(43),
        ...(options.console === false ? {} : { console: { staff: undefined, page: path } }),
      }}
    >
      {children}
    </Page.Provider>,
  );
}
