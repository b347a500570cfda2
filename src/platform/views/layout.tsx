import type { RequestContext } from '../http/context';
import { isStaffPath } from '../http/locale';
import { LOCALE_NAMES, LOCALES, STAFF_LOCALES, textDirection, translator } from '../i18n';
import { languageMessages } from '../i18n/language-messages';
import { platformMessages } from '../i18n/platform-messages';
import { CsrfField, LocaleContext } from './forms';
import type { Children } from './render';

export interface LayoutProps {
  ctx: RequestContext;
  title: string;
  children: Children;
  /** Wide pages (tables in the back office) may use the full width. */
  wide?: boolean;
}

export function Layout({ ctx, title, children, wide }: LayoutProps) {
  const t = translator(platformMessages, ctx.locale);
  const tl = translator(languageMessages, ctx.locale);
  const user = ctx.user;
  const currentPath = ctx.path.split('?')[0];
  // Staff pages are German or English (the staff member's choice); residents choose among all languages.
  const switchLocales = isStaffPath(ctx.path) ? STAFF_LOCALES : LOCALES;
  return (
    <html lang={ctx.locale} dir={textDirection(ctx.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${ctx.org.name}`}</title>
        <link rel="stylesheet" href="/static/css/kuemmerer.css" />
        <link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="apple-touch-icon" href="/static/icons/icon-192.png" />
        <meta name="theme-color" content="#004f9f" />
      </head>
      <body>
        <a class="k-skip-link" href="#main">
          {t('skipLink')}
        </a>
        <header class="k-header">
          <div class="k-header__inner">
            <a class="k-header__brand" href="/">
              <span class="k-header__logo" aria-hidden="true" />
              {ctx.org.name}
            </a>
            <nav class="k-nav" aria-label={t('mainNav')}>
              <ul class="k-nav__list">
                <li>
                  <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                    {t('home')}
                  </a>
                </li>
                {ctx.modules.menu(ctx.locale).map(({ href, label }) => (
                  <li>
                    <a href={href} aria-current={currentPath === href ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
                {user?.level === 'staff' && (
                  <li>
                    <a href="/verwaltung">{t('backOffice')}</a>
                  </li>
                )}
                {user ? (
                  <li>
                    <a href="/konto">{t('myAccount')}</a>
                  </li>
                ) : (
                  <li>
                    <a href="/anmelden">{t('signIn')}</a>
                  </li>
                )}
              </ul>
            </nav>
            <form class="k-lang" method="post" action="/sprache">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="return" value={ctx.path} />
              <fieldset class="k-lang__group">
                <legend class="k-visually-hidden">{tl('switchLegend')}</legend>
                {switchLocales.map((locale) => (
                  <button
                    type="submit"
                    name="locale"
                    value={locale}
                    lang={locale}
                    dir={textDirection(locale)}
                    class="k-lang__button"
                    aria-pressed={locale === ctx.locale ? 'true' : 'false'}
                  >
                    {LOCALE_NAMES[locale]}
                  </button>
                ))}
              </fieldset>
            </form>
          </div>
        </header>
        <main id="main" class={wide ? 'k-main k-main--wide' : 'k-main'} tabIndex={-1}>
          <LocaleContext.Provider value={ctx.locale}>{children}</LocaleContext.Provider>
        </main>
        <footer class="k-footer">
          <nav aria-label={t('footerNav')}>
            <ul class="k-footer__list">
              <li>
                <a href="/impressum">{t('impressum')}</a>
              </li>
              <li>
                <a href="/datenschutz">{t('privacy')}</a>
              </li>
              <li>
                <a href="/barrierefreiheit">{t('accessibility')}</a>
              </li>
              <li>
                <a href="/offene-daten">{t('openData')}</a>
              </li>
              <li>
                <a href="/leichte-sprache">{tl('easyLanguage')}</a>
              </li>
              <li>
                <a href="/gebaerdensprache">{tl('signLanguage')}</a>
              </li>
              {ctx.demo && (
                <li>
                  <a href="/dev/postfach">{t('devMailbox')}</a>
                </li>
              )}
            </ul>
          </nav>
          {user && (
            <form method="post" action="/abmelden" class="k-footer__signout">
              <CsrfField token={ctx.csrfToken} />
              <span>{t('signedInAs', { name: user.displayName || user.email })}</span>{' '}
              <button type="submit" class="k-button k-button--secondary">
                {t('signOut')}
              </button>
            </form>
          )}
        </footer>
      </body>
    </html>
  );
}
