import type { CloseReason, ReportStatus } from '../../../../db-schema';
import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDateTime } from '../../../../platform/i18n';
import { Button, CsrfField, ErrorSummary, Notice, Select, TextInput } from '../../../../platform/views/forms';
import { BackOfficeLayout } from '../../../organizations/views/back-office-layout';
import { StatusBadge } from '../../views/status';
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

export function inboxHref(query: InboxQuery, change: Partial<InboxQuery>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v && !(k === 'seite' && v === '1')) params.set(k, v);
  const s = params.toString();
  return s ? `/verwaltung/meldungen?${s}` : '/verwaltung/meldungen';
}

function snippet(text: string, max = 140): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
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
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const any = { value: '', label: t('filter.any') };
  const returnTo = inboxHref(query, {});
  return (
    <BackOfficeLayout ctx={ctx} title={t('inbox.title')}>
      <h1>{t('inbox.title')}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <p>{t('inbox.intro')}</p>
      {props.scopeNames &&
        (props.scopeNames.length > 0 ? (
          <p>{t('inbox.introDepartments', { names: props.scopeNames.join(', ') })}</p>
        ) : (
          <Notice>{t('inbox.noDepartments')}</Notice>
        ))}

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">{t('filter.title')}</h2>
        <form method="get" action="/verwaltung/meldungen" class="k-filters">
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
          <TextInput name="q" label={t('filter.text')} value={query.q} maxLength={200} />
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
              { value: '', label: t('sort.oldest') },
              { value: 'neueste', label: t('sort.newest') },
            ]}
          />
          <div class="k-actions">
            <Button variant="secondary">{t('filter.apply')}</Button>
            <a href="/verwaltung/meldungen">{t('filter.reset')}</a>
          </div>
        </form>
      </section>

      <section aria-labelledby="counts-title" class="k-section">
        <h2 id="counts-title">{t('counts.title')}</h2>
        <ul class="k-list">
          {STATUS_ORDER.map((s) => (
            <li>
              <a href={inboxHref(query, { status: s, seite: '1' })} aria-current={query.status === s ? 'true' : undefined}>
                {plainStatus(ctx.locale, s)}: {props.counts[s]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="list-title" class="k-section">
        <h2 id="list-title">{t('inbox.total', { n: props.total })}</h2>
        {rows.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <form method="post" action="/verwaltung/meldungen/sammelaktion">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="return" value={returnTo} />
            <div class="k-table-wrap">
              <table class="k-table">
                <caption class="k-visually-hidden">{t('inbox.caption', { page: props.page, pages: props.pages })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.select')}</th>
                    <th scope="col">{t('col.number')}</th>
                    <th scope="col">{t('col.category')}</th>
                    <th scope="col">{t('col.status')}</th>
                    <th scope="col">{t('col.age')}</th>
                    <th scope="col">{t('col.district')}</th>
                    <th scope="col">{t('col.department')}</th>
                    <th scope="col">{t('col.supporters')}</th>
                    <th scope="col">{t('col.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const days = daysSince(r.created_at);
                    return (
                      <tr>
                        <td>
                          <input type="checkbox" class="k-checkbox__input" name="ids" value={String(r.id)} id={`select-${r.id}`} />
                          <label for={`select-${r.id}`} class="k-visually-hidden">
                            {t('selectReport', { id: r.id })}
                          </label>
                        </td>
                        <th scope="row">
                          <a href={`/verwaltung/meldungen/${r.id}`}>#{r.id}</a>
                        </th>
                        <td>{ctx.locale === 'de' ? r.category_de : r.category_en}</td>
                        <td>
                          <StatusBadge locale={ctx.locale} report={r} />
                        </td>
                        <td>
                          <time dateTime={new Date(r.created_at).toISOString()} title={formatDateTime(new Date(r.created_at), ctx.locale)}>
                            {days === 0 ? t('ageToday') : t('ageDays', { n: days })}
                          </time>
                        </td>
                        <td>{r.district ?? '–'}</td>
                        <td>{r.department ?? '–'}</td>
                        <td>{r.supporters_count}</td>
                        <td>{snippet(r.description)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <fieldset class="k-fieldset" aria-describedby="bulk-hint">
              <legend class="k-label">{t('bulk.title')}</legend>
              <p class="k-hint" id="bulk-hint">
                {t('bulk.hint')}
              </p>
              <Select
                name="bulkStatus"
                label={t('bulk.status')}
                value={props.bulkStatus ?? ''}
                error={errors.bulkStatus}
                options={[{ value: '', label: '–' }, ...BULK_TARGETS.map((s) => ({ value: s, label: plainStatus(ctx.locale, s) }))]}
              />
              <Button variant="secondary">{t('bulk.apply')}</Button>
            </fieldset>
          </form>
        )}
        {props.pages > 1 && (
          <nav aria-label={t('page.nav')}>
            <ul class="k-actions k-list">
              {props.page > 1 && (
                <li>
                  <a href={inboxHref(query, { seite: String(props.page - 1) })} rel="prev">
                    {t('page.prev')}
                  </a>
                </li>
              )}
              <li aria-current="page">{t('page.of', { page: props.page, pages: props.pages })}</li>
              {props.page < props.pages && (
                <li>
                  <a href={inboxHref(query, { seite: String(props.page + 1) })} rel="next">
                    {t('page.next')}
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </section>
    </BackOfficeLayout>
  );
}
