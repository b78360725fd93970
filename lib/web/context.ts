import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffSession } from './console/session';
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
  /**
   * Console pages: the frame is the console's, and `staff` is who is signed in (absent on the sign-in
   * and error pages). `page` is the page a form is on (a GET path), posted with every console form so
   * an expired session can return there.
   */
  readonly console?: { readonly staff: StaffSession | undefined; readonly page: string };
};

export const Page = createContext<PageContext | undefined>(undefined);

export function usePage(): PageContext {
  const context = useContext(Page);
  if (context === undefined) throw new Error('A page component was rendered outside a page.');
  return context;
}
