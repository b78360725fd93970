import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from './messages/catalogue';
import type { Locale } from './messages/locale';

/** What every component of a page may know of the request: language, the form token, where it is. */
export type PageContext = {
  readonly locale: Locale;
  readonly t: Translate;
  /** The current path and query, for "return here" links (language, text size). */
  readonly path: string;
  readonly largeText: boolean;
  /** The CSRF form token; asking for it makes the page set its cookie (and so never be cached publicly). */
  readonly csrfToken: () => string;
};

export const Page = createContext<PageContext | undefined>(undefined);

export function usePage(): PageContext {
  const context = useContext(Page);
  if (context === undefined) throw new Error('A page component was rendered outside a page.');
  return context;
}
