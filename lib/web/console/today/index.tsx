import type { PageHandler } from '../../page-function';
import type { ConsoleDeps } from '../console-deps';
import { sectionsFor } from '../navigation';

/** Today (待办): the signed-in person's queue. */
export function todayPages(_deps: ConsoleDeps): { 'GET /console': PageHandler<'GET /console'> } {
  return {
    'GET /console': async ({ t, session }) => ({
      kind: 'page',
      title: t('console.today.title'),
      cache: { kind: 'no-store' },
      robots: 'noindex',
      body: (
        <>
          <h1>{t('console.today.title')}</h1>
          <ul>
            {sectionsFor(session.principal.roles)
              .filter((section) => section.href !== '/console')
              .map((section) => (
                <li key={section.href}>
                  <a href={section.href}>{t(section.label)}</a>
                </li>
              ))}
          </ul>
        </>
      ),
    }),
  };
}
