import type { ComponentChildren } from 'preact';
import { assets } from './assets';
import { ConsoleHeader } from './console/header';
import { usePage } from './context';
import { DIRECTION, LANGUAGE_NAME, LOCALES } from './messages/locale';

export type Crumb = { readonly label: string; readonly href?: string };

/**
 * The frame of every page: language and direction on `<html>`, the one stylesheet and the one script,
 * a skip link, the header with the language switch and the large-text (适老化) switch, breadcrumbs, the
 * main content and the footer.
 */
export function Layout(props: {
  title: string;
  crumbs?: readonly Crumb[];
  robots?: 'noindex';
  children: ComponentChildren;
}) {
  const { locale, t, path, largeText, console } = usePage();
  const preference = (query: string) => `/preferences?${query}&return=${encodeURIComponent(path)}`;
  return (
    <html lang={locale} dir={DIRECTION[locale]} class={largeText ? 'large-text' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${t(console ? 'console.name' : 'common.siteName')}`}</title>
        {props.robots ? <meta name="robots" content={props.robots} /> : null}
        <link rel="stylesheet" href={assets.stylesheet.path} />
        <script src={assets.script.path} defer />
      </head>
      <body class={console ? 'console' : undefined}>
        <a class="skip-link" href="#main">
          {t('common.skipToContent')}
        </a>
        <header class="site-header">
          <div class="header-inner">
            {console ? (
              <ConsoleHeader staff={console.staff} />
            ) : (
              <>
                <a class="site-name" href="/">
                  {t('common.siteName')}
                </a>
                <nav class="site-nav" aria-label={t('common.nav.label')}>
                  <ul>
                    <li>
                      <a href="/">{t('common.nav.home')}</a>
                    </li>
                    <li>
                      <a href="/follow">{t('common.nav.follow')}</a>
                    </li>
                  </ul>
                </nav>
              </>
            )}
            <div class="tools">
              <ul aria-label={t('common.language.label')}>
                {LOCALES.filter((other) => other !== locale).map((other) => (
                  <li key={other}>
                    <a href={preference(`lang=${other}`)} lang={other} hrefLang={other}>
                      {LANGUAGE_NAME[other]}
                    </a>
                  </li>
                ))}
                <li>
                  <a href={preference(`text=${largeText ? 'standard' : 'large'}`)}>
                    {largeText ? t('common.largeText.off') : t('common.largeText.on')}
                  </a>
                </li>
              </ul>
            </div>
          </div>
        </header>
        <div class="page">
          {props.crumbs && props.crumbs.length > 0 ? <Breadcrumbs crumbs={props.crumbs} /> : null}
          <main id="main" tabIndex={-1}>
            {props.children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="footer-inner">
            {console ? (
              <p>{t('console.footer')}</p>
            ) : (
              <>
                <p>{t('common.footer.about')}</p>
                <p>{t('common.footer.privacy')}</p>
              </>
            )}
          </div>
        </footer>
      </body>
    </html>
  );
}

function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t, console } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        <li>
          {console ? <a href="/console">{t('console.nav.today')}</a> : <a href="/">{t('common.nav.home')}</a>}
        </li>
        {crumbs.map((crumb, index) => (
          <li key={index}>
            {crumb.href ? (
              <a href={crumb.href}>{crumb.label}</a>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
