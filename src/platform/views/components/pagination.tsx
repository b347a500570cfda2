import { useContext } from 'preact/hooks';
import { translator } from '../../i18n';
import { platformMessages } from '../../i18n/platform-messages';
import { LocaleContext } from '../forms';
import { hasNextPage, type ListUrl, type Paging, pageHref, pageLinks } from './paging';

/**
 * Page links below a list: previous, the page numbers (first, last and two either side of the current one) and
 * next. Lists that do not count their rows show the current page without a total. Nothing when all fits on one page.
 */
export function Pagination({ paging, url, label }: { paging: Paging; url: ListUrl; label?: string }) {
  const t = translator(platformMessages, useContext(LocaleContext));
  const { page, pages } = paging;
  const next = hasNextPage(paging);
  if (page <= 1 && !next) return null;
  return (
    <nav class="k-pagination" aria-label={label ?? t('paging.nav')}>
      <ul class="k-pagination__list">
        {page > 1 && (
          <li>
            <a href={pageHref(url, page - 1)} rel="prev">
              {t('paging.previous')}
            </a>
          </li>
        )}
        {pages === undefined ? (
          <li>
            <a href={pageHref(url, page)} aria-current="page">
              {t('paging.page', { n: page })}
            </a>
          </li>
        ) : (
          pageLinks(page, pages).map((p) =>
            p === null ? (
              <li>
                <span aria-hidden="true">…</span>
              </li>
            ) : (
              <li>
                <a href={pageHref(url, p)} aria-current={p === page ? 'page' : undefined} aria-label={t('paging.page', { n: p })}>
                  {p}
                </a>
              </li>
            ),
          )
        )}
        {next && (
          <li>
            <a href={pageHref(url, page + 1)} rel="next">
              {t('paging.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
