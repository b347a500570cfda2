import { useContext } from 'preact/hooks';
import { translator } from '../../i18n';
import { platformMessages } from '../../i18n/platform-messages';
import { CsrfField, LocaleContext } from '../forms';
import type { Children } from '../render';
import { ariaSort, type ColumnSort, type ListUrl, listHref, type SortState, sortHref } from './paging';

export interface Column<R> {
  header: Children;
  cell: (row: R) => Children;
  /** The cell that names the row (`<th scope="row">`): screen readers announce it with every other cell. */
  rowHeader?: boolean;
  /** Query values that sort by this column; the header becomes a link. Needs the table's `sort`. */
  sort?: ColumnSort;
}

/** Row checkboxes in a form around the table, and the fields that act on the chosen rows. */
export interface BulkActions<R> {
  action: string;
  csrfToken: string;
  /** Name of the row checkboxes; each sends the row's value. */
  name: string;
  value: (row: R) => string;
  /** Accessible name of a row's checkbox, e.g. "Meldung #12 auswählen". */
  label: (row: R) => string;
  hidden?: Record<string, string>;
  /**
   * "Select all" works without JavaScript: a link to this list with `param=alle`, which renders every box
   * checked (and then a link back). Defaults to the parameter "auswahl".
   */
  selectAll: { url: ListUrl; param?: string };
  /** The fields and buttons that act on the selection, below the table. */
  children: Children;
}

export interface DataTableProps<R> {
  /** Names the table for screen readers; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  columns: Array<Column<R>>;
  rows: R[];
  /** Shown instead of the table when there are no rows. */
  empty?: Children;
  sort?: SortState;
  bulk?: BulkActions<R>;
  /** A filter form above the table (shown also when no row matches, so the filter can be changed). */
  filters?: Children;
  /** Extra attributes of a row (data-* for tests and scripts). */
  rowAttributes?: (row: R) => Record<string, string>;
  /**
   * For tables that are often wider than a phone: the scroll box becomes a focusable region, named by the
   * element with this id, so keyboard users can scroll it (WCAG 2.1.1).
   */
  scrollRegionLabelledBy?: string;
}

const SELECT_ALL = 'alle';

function queryValue(url: ListUrl, name: string): string | undefined {
  return url.query instanceof URLSearchParams ? (url.query.get(name) ?? undefined) : url.query[name];
}

/** A list as a table: caption, column headers with scope, sortable headers with aria-sort, optional row selection. */
export function DataTable<R>(props: DataTableProps<R>) {
  const t = translator(platformMessages, useContext(LocaleContext));
  const { columns, rows, bulk, sort } = props;
  if (rows.length === 0) {
    return (
      <>
        {props.filters}
        <p>{props.empty ?? t('table.empty')}</p>
      </>
    );
  }
  const selectParam = bulk?.selectAll.param ?? 'auswahl';
  const allSelected = bulk ? queryValue(bulk.selectAll.url, selectParam) === SELECT_ALL : false;
  const regionLabel = props.scrollRegionLabelledBy;
  const table = (
    <div class="k-table-wrap" {...(regionLabel ? scrollRegion(regionLabel) : {})}>
      <table class="k-table">
        <caption class={props.showCaption ? 'k-table__caption' : 'k-visually-hidden'}>{props.caption}</caption>
        <thead>
          <tr>
            {bulk && <th scope="col">{t('table.select')}</th>}
            {columns.map((c) => {
              if (!c.sort || !sort) return <th scope="col">{c.header}</th>;
              const state = ariaSort(c.sort, sort.value);
              return (
                <th scope="col" aria-sort={state}>
                  <a class="k-table__sort" href={sortHref(sort, c.sort)}>
                    {c.header}
                    <span class="k-table__sort-icon" aria-hidden="true">
                      {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
                    </span>
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr {...(props.rowAttributes?.(row) ?? {})}>
              {bulk && <SelectCell form={bulkFormId(bulk.name)} name={bulk.name} value={bulk.value(row)} label={bulk.label(row)} checked={allSelected} />}
              {columns.map((c) => (c.rowHeader ? <th scope="row">{c.cell(row)}</th> : <td>{c.cell(row)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!bulk) {
    return (
      <>
        {props.filters}
        {table}
      </>
    );
  }
  // The form holds only the actions; the row boxes join it by its id, so rows may still have forms of their own
  // (a delete button each) without nesting forms.
  return (
    <>
      {props.filters}
      <p class="k-table__select-all">
        <a href={listHref(bulk.selectAll.url, { [selectParam]: allSelected ? null : SELECT_ALL })}>
          {allSelected ? t('table.selectNone') : t('table.selectAll')}
        </a>
      </p>
      {table}
      <form method="post" action={bulk.action} id={bulkFormId(bulk.name)}>
        <CsrfField token={bulk.csrfToken} />
        {Object.entries(bulk.hidden ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {bulk.children}
      </form>
    </>
  );
}

function bulkFormId(name: string): string {
  return `bulk-${name}`.replace(/[^a-zA-Z0-9_-]/g, '-');
}

/** Attributes that make a scroll box a named region in the tab order, so keyboard users can scroll it (WCAG 2.1.1). */
function scrollRegion(labelledBy: string): Record<string, string | number> {
  return { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy };
}

function SelectCell({ form, name, value, label, checked }: { form: string; name: string; value: string; label: string; checked: boolean }) {
  const id = `select-${name}-${value}`.replace(/[^a-zA-Z0-9_-]/g, '-');
  return (
    <td>
      <input type="checkbox" class="k-checkbox__input" form={form} name={name} value={value} id={id} checked={checked} />
      <label for={id} class="k-visually-hidden">
        {label}
      </label>
    </td>
  );
}
