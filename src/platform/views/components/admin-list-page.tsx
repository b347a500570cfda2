import type { RequestContext } from '../../http/context';
import type { FieldErrors } from '../../http/errors';
import { BackOfficeFrame } from '../back-office-frame';
import { Button } from '../forms';
import type { Children } from '../render';
import { ActionLink } from './actions';
import { PageHead } from './page-head';
import { Pagination } from './pagination';
import type { ListUrl, Paging } from './paging';

/**
 * A filter form that sends its fields as the query (GET), so a filtered list has an address to share and keep.
 * With `more`, only the children stay on one line and the rest folds into a <details> (no JavaScript needed),
 * open whenever one of its filters is in use, so a working screen keeps its rows in view.
 */
export function FilterForm({
  action,
  title,
  applyLabel,
  reset,
  more,
  children,
}: {
  action: string;
  title: string;
  applyLabel: string;
  /** Link to the unfiltered list; leave out when nothing is filtered. */
  reset?: { href: string; label: string } | undefined;
  more?: { label: string; open: boolean; children: Children } | undefined;
  children: Children;
}) {
  const actions = (
    <div class="k-actions">
      <Button variant="secondary">{applyLabel}</Button>
      {reset && <a href={reset.href}>{reset.label}</a>}
    </div>
  );
  return (
    <section class="k-section" aria-labelledby="filter-title">
      <h2 id="filter-title" class={more ? 'k-visually-hidden' : undefined}>
        {title}
      </h2>
      <form method="get" action={action} novalidate class={more ? 'k-filter-bar' : undefined}>
        <div class="k-filters">
          {children}
          {more && actions}
        </div>
        {more ? (
          <details class="k-filter-more" open={more.open}>
            <summary>{more.label}</summary>
            <div class="k-filters">{more.children}</div>
          </details>
        ) : (
          actions
        )}
      </form>
    </section>
  );
}

export interface AdminListPageProps {
  ctx: RequestContext;
  title: string;
  /** The document title when it should be shorter than the heading. */
  documentTitle?: string;
  /** A link back, above the heading. */
  back?: { href: string; label: string };
  notice?: string | undefined;
  /** Errors of a form on the page (bulk actions). */
  errors?: FieldErrors | undefined;
  intro?: Children;
  /** The page's main action, e.g. "Neue Abteilung". */
  action?: { href: string; label: string };
  /** A FilterForm. */
  filters?: Children;
  /** The list itself (a DataTable), and sections that belong to it. */
  children: Children;
  pagination?: { paging: Paging; url: ListUrl };
  /** Below the list: a form to add entries, say. */
  after?: Children;
}

/** A back-office list page: heading, intro, main action, filters, the list and its page links, in the frame. */
export function AdminListPage({ ctx, title, documentTitle, back, notice, errors, intro, action, filters, children, pagination, after }: AdminListPageProps) {
  return (
    <BackOfficeFrame ctx={ctx} title={documentTitle ?? title}>
      <PageHead title={title} back={back} notice={notice} errors={errors} />
      {typeof intro === 'string' ? <p>{intro}</p> : intro}
      {action && <ActionLink href={action.href}>{action.label}</ActionLink>}
      {filters}
      {children}
      {pagination && <Pagination paging={pagination.paging} url={pagination.url} />}
      {after}
    </BackOfficeFrame>
  );
}
