import type { CloseReason, ReportStatus } from '../../../../db-schema';
import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDateTime } from '../../../../platform/i18n';
import { AdminListPage, DataTable, FilterForm, type ListUrl, Pagination, pageHref } from '../../../../platform/views/components';
import { Button, Fieldset, Notice, Select, TextInput } from '../../../../platform/views/forms';
import { ReportStatusBadge } from '../../views/status';
import { daysSince, plainStatus, tr } from './common';

/** The inbox query as typed (strings), so the filter form shows exactly what was asked. */
export interface InboxQuery {
  status: string;
  kategorie: string;
  bezirk: string;
  abteilung: string;
  q: string;
  alter: string;
  sortierung: string;
  seite: string;
}

export interface InboxRow {
  id: number;
  status: ReportStatus;
  close_reason: CloseReason | null;
  description: string;
  address: string;
  supporters_count: number;
  created_at: Date;
  category_de: string;
  category_en: string;
  district: string | null;
  department: string | null;
}

export const BULK_TARGETS: ReportStatus[] = ['confirmed', 'in_progress', 'fixed', 'closed'];
const STATUS_ORDER: ReportStatus[] = ['unconfirmed', 'new', 'confirmed', 'in_progress', 'fixed', 'closed'];

const INBOX_PATH = '/verwaltung/meldungen';

/** The inbox's own address with the query as typed; page 1 and empty values are left out. */
export function inboxUrl(query: InboxQuery): ListUrl {
  return { path: INBOX_PATH, query: { ...query } };
}

export function inboxHref(query: InboxQuery, change: Partial<InboxQuery>): string {
  return pageHref({ path: INBOX_PATH, query: { ...query, ...change } }, Number({ ...query, ...change }.seite) || 1);
}

/** The description's first line, shortened: enough to recognise a report in the row without opening it. */
function firstLine(text: string, max = 90): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const chars = [...line.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export function InboxPage(props: {
  ctx: RequestContext;
  query: InboxQuery;
  rows: InboxRow[];
  total: number;
  counts: Record<ReportStatus, number>;
  page: number;
  pages: number;
  categories: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
  departments: Array<{ id: number; name: string }>;
  /** Null for people who see every report; otherwise the names of their departments. */
  scopeNames: string[] | null;
  notice?: string | undefined;
  errors?: FieldErrors;
  bulkStatus?: string;
}) {
  const { ctx, query, rows } = props;
  const [t] = tr(ctx);
  const errors = props.errors ?? {};
  const any = { value: '', label: t('filter.any') };
  const url = inboxUrl(query);
  // "Select all" without JavaScript: the same list again with every box checked (see DataTable).
  const selectAll = new URL(ctx.path, 'http://localhost').searchParams.get('auswahl') ?? undefined;
  const moreInUse = Boolean(query.kategorie || query.bezirk || query.abteilung || query.alter || query.sortierung);
  return (
    <AdminListPage
      ctx={ctx}
      title={t('inbox.title')}
      notice={props.notice}
      errors={errors}
      intro={
        <>
          <p>{t('inbox.intro')}</p>
          {props.scopeNames &&
            (props.scopeNames.length > 0 ? (
              <p>{t('inbox.introDepartments', { names: props.scopeNames.join(', ') })}</p>
            ) : (
              <Notice>{t('inbox.noDepartments')}</Notice>
            ))}
        </>
      }
      filters={
        <FilterForm
          action={INBOX_PATH}
          title={t('filter.title')}
          applyLabel={t('filter.apply')}
          reset={{ href: INBOX_PATH, label: t('filter.reset') }}
          more={{ label: t('filter.more'), open: moreInUse, children: moreFilters() }}
        >
          <TextInput name="q" label={t('filter.text')} value={query.q} maxLength={200} />
          <Select
            name="status"
            label={t('filter.status')}
            value={query.status}
            options={[
              { value: '', label: t('status.open') },
              { value: 'all', label: t('status.all') },
              ...STATUS_ORDER.map((s) => ({ value: s, label: plainStatus(ctx.locale, s) })),
            ]}
          />
        </FilterForm>
      }
    >
      <nav aria-labelledby="counts-title" class="k-section">
        <h2 id="counts-title" class="k-visually-hidden">
          {t('counts.title')}
        </h2>
        <ul class="k-tabs">
          {STATUS_ORDER.map((s) => (
            <li>
              <a href={inboxHref(query, { status: s, seite: '1' })} aria-current={query.status === s ? 'page' : undefined}>
                {plainStatus(ctx.locale, s)} <span class="k-tabs__count">{props.counts[s]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="list-title" class="k-section">
        <h2 id="list-title">{props.total === 1 ? t('inbox.totalOne') : t('inbox.total', { n: props.total })}</h2>
        <DataTable
          caption={t('inbox.caption', { page: props.page, pages: props.pages })}
          rows={rows}
          empty={t('inbox.empty')}
          sort={{ url, value: query.sortierung }}
          bulk={{
            action: '/verwaltung/meldungen/sammelaktion',
            csrfToken: ctx.csrfToken,
            name: 'ids',
            value: (r) => String(r.id),
            label: (r) => t('selectReport', { id: r.id }),
            hidden: { return: inboxHref(query, {}) },
            selectAll: { url: { ...url, query: { ...query, auswahl: selectAll } } },
            children: (
              <Fieldset id="bulk" legend={t('bulk.title')} hint={t('bulk.hint')}>
                <Select
                  name="bulkStatus"
                  label={t('bulk.status')}
                  value={props.bulkStatus ?? ''}
                  error={errors.bulkStatus}
                  options={[{ value: '', label: '–' }, ...BULK_TARGETS.map((s) => ({ value: s, label: plainStatus(ctx.locale, s) }))]}
                />
                <Button variant="secondary">{t('bulk.apply')}</Button>
              </Fieldset>
            ),
          }}
          columns={[
            { header: t('col.number'), rowHeader: true, cell: (r) => <a href={`/verwaltung/meldungen/${r.id}`}>#{r.id}</a> },
            {
              header: t('col.report'),
              cell: (r) => (
                <>
                  <strong class="k-inbox__category">{ctx.locale === 'de' ? r.category_de : r.category_en}</strong>
                  <span class="k-inbox__line">{firstLine(r.description)}</span>
                </>
              ),
            },
            { header: t('col.status'), cell: (r) => <ReportStatusBadge locale={ctx.locale} report={r} /> },
            {
              header: t('col.age'),
              // Youngest first is "ascending by age" and the inbox's default, so new reports are triaged first.
              sort: { asc: '', desc: 'aelteste' },
              cell: (r) => {
                const days = daysSince(r.created_at);
                return (
                  <time dateTime={new Date(r.created_at).toISOString()} title={formatDateTime(new Date(r.created_at), ctx.locale)}>
                    {days === 0 ? t('ageToday') : days === 1 ? t('ageDay') : t('ageDays', { n: days })}
                  </time>
                );
              },
            },
            { header: t('col.district'), cell: (r) => r.district ?? '–' },
            { header: t('col.department'), cell: (r) => r.department ?? '–' },
            { header: t('col.supporters'), cell: (r) => r.supporters_count },
          ]}
        />
        <Pagination paging={{ page: props.page, pages: props.pages }} url={url} />
      </section>
    </AdminListPage>
  );

  function moreFilters() {
    return (
      <>
        <Select
          name="kategorie"
          label={t('filter.category')}
          value={query.kategorie}
          options={[any, ...props.categories.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
        <Select
          name="bezirk"
          label={t('filter.district')}
          value={query.bezirk}
          options={[any, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        <Select
          name="abteilung"
          label={t('filter.department')}
          value={query.abteilung}
          options={[
            any,
            ...(props.scopeNames ? [] : [{ value: 'none', label: t('noDepartment') }]),
            ...props.departments.map((d) => ({ value: String(d.id), label: d.name })),
          ]}
        />
        <Select
          name="alter"
          label={t('filter.age')}
          value={query.alter}
          options={[any, ...(['lt1', 'lt7', 'gt7', 'gt30'] as const).map((a) => ({ value: a, label: t(`age.${a}`) }))]}
        />
        <Select
          name="sortierung"
          label={t('filter.sort')}
          value={query.sortierung}
          options={[
            { value: '', label: t('sort.newest') },
            { value: 'aelteste', label: t('sort.oldest') },
          ]}
        />
      </>
    );
  }
}
