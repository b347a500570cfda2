// Links of list pages: page and sort links keep every other query parameter, so a filtered list stays filtered
// while people page or sort through it. Plain functions, tested without rendering.

/** The shared paging model of every list: the page shown, and either the number of pages or whether one follows. */
export interface Paging {
  page: number;
  /** Known when the list counted its rows. */
  pages?: number;
  /** For lists that do not count (cheaper on large tables): whether a next page exists. */
  hasNext?: boolean;
}

/** Where a list lives: its path and the query it was asked with (filters, sort, page). */
export interface ListUrl {
  path: string;
  query: Record<string, string | undefined> | URLSearchParams;
  /** Name of the page parameter; German like our other parameters. */
  pageParam?: string;
}

export const DEFAULT_PAGE_PARAM = 'seite';
export const DEFAULT_SORT_PARAM = 'sortierung';

/**
 * The list's address with some parameters changed: a value replaces the parameter where it stands, a new one is
 * added at the end, an empty value or null removes it. Empty parameters of the original query are left out.
 */
export function listHref(url: ListUrl, change: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  const entries = url.query instanceof URLSearchParams ? [...url.query.entries()] : Object.entries(url.query);
  for (const [k, v] of entries) if (v) params.append(k, v);
  for (const [k, v] of Object.entries(change)) {
    if (v === null || v === undefined || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${url.path}?${s}` : url.path;
}

/** Page 1 is the list's own address: one URL per page, and the first page shares the cache of the plain list. */
export function pageHref(url: ListUrl, page: number): string {
  return listHref(url, { [url.pageParam ?? DEFAULT_PAGE_PARAM]: page > 1 ? page : null });
}

export function hasNextPage(paging: Paging): boolean {
  return paging.pages !== undefined ? paging.page < paging.pages : Boolean(paging.hasNext);
}

/** Page numbers to link: first, last, and two either side of the current one; null marks a gap. */
export function pageLinks(current: number, pages: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** The query values that sort a column one way or the other ('' is the list's default order). */
export interface ColumnSort {
  asc: string;
  desc: string;
}

export interface SortState {
  url: ListUrl;
  /** Name of the sort parameter (default "sortierung"). */
  param?: string;
  /** The sort parameter's value in this request ('' for the default order). */
  value: string;
}

export type AriaSort = 'ascending' | 'descending' | undefined;

export function ariaSort(column: ColumnSort, value: string): AriaSort {
  if (value === column.asc) return 'ascending';
  if (value === column.desc) return 'descending';
  return undefined;
}

/**
 * The link of a sortable column header: ascending first, the other way when it is sorted ascending already.
 * Sorting starts again at page 1 (the old page number would show other rows).
 */
export function sortHref(state: SortState, column: ColumnSort): string {
  const next = ariaSort(column, state.value) === 'ascending' ? column.desc : column.asc;
  const pageParam = state.url.pageParam ?? DEFAULT_PAGE_PARAM;
  return listHref(state.url, { [state.param ?? DEFAULT_SORT_PARAM]: next, [pageParam]: null });
}
