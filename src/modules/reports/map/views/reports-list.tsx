import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatNumber, type Locale, translator } from '../../../../platform/i18n';
import { platformMessages } from '../../../../platform/i18n/platform-messages';
import { FilterForm } from '../../../../platform/views/components';
import { ErrorSummary, Select, TextInput } from '../../../../platform/views/forms';
import { Layout } from '../../../../platform/views/layout';
import { ReportCard, type ReportCardData } from '../../views/report-card';
import { type FilterValues, filterQuery } from '../map';
import { mapMessages } from '../map.messages';
import { Legend, MapAssets, type MapSettings, mapData } from './parts';

/** One report of the list, as a card (the same as the home page's); `description` holds only a title's worth. */
export type ListRow = ReportCardData;

export interface ReportsListProps {
  ctx: RequestContext;
  values: FilterValues;
  errors: FieldErrors;
  categories: Array<{ id: number; name: string }>;
  districts: Array<{ id: number; name: string }>;
  rows: ListRow[];
  /** Public reports of the filters; `more`: at least n (counted no further). */
  count: { n: number; more: boolean };
  paging: ListPaging;
  settings: MapSettings;
}

/** Keyset paging: the report ids the neighbouring pages start from; first: this is the newest page. */
export interface ListPaging {
  older: number | null;
  newer: number | null;
  first: boolean;
}

/** /meldungen: filters, a map and a list with the same reports (the list is the accessible form of the map). */
export function ReportsListPage(props: ReportsListProps) {
  const { ctx, values, errors } = props;
  const t = translator(mapMessages, ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const query = filterQuery(values);
  const hasErrors = Object.keys(errors).length > 0;
  const svg = `/karte/bild.svg${filterQuery(values, { meldungen: 'filter' })}`;
  return (
    <Layout ctx={ctx} title={t('listTitle')} wide>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('listTitle')}</h1>
      <p>{t('listIntro', { city: ctx.org.name })}</p>
      <p>
        <a class="k-button" href="/melden">
          {t('reportNew')}
        </a>
      </p>

      <FilterForm
        action="/meldungen"
        title={t('filters')}
        applyLabel={t('applyFilters')}
        reset={query ? { href: '/meldungen', label: t('resetFilters') } : undefined}
      >
        <Select
          name="kategorie"
          label={t('filterCategory')}
          value={values.kategorie}
          error={errors.kategorie}
          options={[{ value: '', label: t('all') }, ...props.categories.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
        <Select
          name="status"
          label={t('filterStatus')}
          value={values.status}
          error={errors.status}
          options={[
            { value: '', label: t('all') },
            { value: 'open', label: t('status.open') },
            { value: 'fixed', label: t('status.fixed') },
            { value: 'closed', label: t('status.closed') },
          ]}
        />
        <Select
          name="bezirk"
          label={t('filterDistrict')}
          value={values.bezirk}
          error={errors.bezirk}
          options={[{ value: '', label: t('all') }, ...props.districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        />
        <DateInput name="von" label={t('filterFrom')} hint={t('filterDateHint')} value={values.von} error={errors.von} />
        <DateInput name="bis" label={t('filterTo')} hint={t('filterDateHint')} value={values.bis} error={errors.bis} />
      </FilterForm>

      {!hasErrors && (
        <>
          <section class="k-section" aria-labelledby="map-title">
            <h2 id="map-title">{t('mapTitle')}</h2>
            <p class="k-hint">{t('mapListNote')}</p>
            <div data-module="reports-map" {...mapData(ctx, props.settings)} data-src={`/api/reports/map${query}`} data-tiled="1" data-label={t('mapTitle')}>
              <div class="k-map" data-map hidden />
              <img
                class="k-staticmap__image"
                data-static-map
                src={svg}
                width={640}
                height={400}
                alt={t('listMapAlt', { city: ctx.org.name, n: countText(props.count, ctx.locale) })}
              />
            </div>
            <Legend ctx={ctx} />
          </section>

          <section class="k-section" aria-labelledby="list-title">
            <h2 id="list-title">
              {props.count.n === 0 ? t('countNone') : t(props.count.more ? 'countMore' : 'count', { n: countText(props.count, ctx.locale) })}
            </h2>
            {props.rows.length === 0 && props.count.n > 0 && <p>{t('listEnd')}</p>}
            {props.rows.length > 0 && (
              <>
                <p class="k-hint" id="list-caption">
                  {props.paging.first ? t('listNewest') : t('listOlder')}
                </p>
                {/* Cards at every width: a title people can read, the photo, status, age and supporters; nothing
                    scrolls sideways on a phone, as the table did. */}
                <ul class="k-report-cards" aria-labelledby="list-title list-caption">
                  {props.rows.map((r) => (
                    <ReportCard locale={ctx.locale} report={r} />
                  ))}
                </ul>
              </>
            )}
            <KeysetPager ctx={ctx} values={values} paging={props.paging} />
          </section>
          <MapAssets />
        </>
      )}
    </Layout>
  );
}

/** "neuere Meldungen" and "ältere Meldungen": plain links that keep the filters (no JavaScript needed). */
function KeysetPager({ ctx, values, paging }: { ctx: RequestContext; values: FilterValues; paging: ListPaging }) {
  const t = translator(mapMessages, ctx.locale);
  if (paging.first && paging.older === null) return null;
  return (
    <nav class="k-pagination" aria-label={t('pagingLabel')}>
      <ul class="k-pagination__list">
        {!paging.first && (
          <li>
            <a href={`/meldungen${filterQuery(values)}`}>{t('pageNewest')}</a>
          </li>
        )}
        {paging.newer !== null && (
          <li>
            <a href={`/meldungen${filterQuery(values, { nach: paging.newer })}`} rel="prev">
              {t('pageNewer')}
            </a>
          </li>
        )}
        {paging.older !== null && (
          <li>
            <a href={`/meldungen${filterQuery(values, { vor: paging.older })}`} rel="next">
              {t('pageOlder')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

function countText(count: { n: number }, locale: Locale): string {
  return formatNumber(count.n, locale);
}

function DateInput({ name, label, hint, value, error }: { name: string; label: string; hint: string; value: string; error?: string | undefined }) {
  // A plain text field with a stated format: works the same in every browser, with or without a date picker.
  return <TextInput name={name} label={label} hint={hint} value={value} error={error} width="short" maxLength={10} inputMode="numeric" />;
}
