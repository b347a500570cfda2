import type { CloseReason, ReportStatus } from '../../../db-schema';
import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { DataTable, DescriptionList, Timeline } from '../../../platform/views/components';
import { Button, CsrfField, ErrorSummary, fieldId, Notice } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { Children } from '../../../platform/views/render';
import { MapAssets, type MapSettings, mapData, ReportStatusBadge, statusLabel } from '../../reports';
import type { MeasureView, PlaceSummary } from '../angstraeume.service';
import { type MeasureEffect, type MonthlyAverage, RATING_MAX, RATING_MIN } from '../angstraum';
import { NewsCell } from './backoffice-pages';
import {
  AngstAssets,
  ChangeLegend,
  ChangeMark,
  dayText,
  EffectTable,
  MonthlyTable,
  measureLabel,
  newsText,
  OverdueMark,
  publicPlaceName,
  SafetyChart,
  tr,
} from './parts';

export interface MapPageProps {
  ctx: RequestContext;
  places: PlaceSummary[];
  intervalDays: number;
  now: Date;
  settings: MapSettings;
  reportCategoryId: number | null;
}

/** /angstraeume: the map and the list with the same places (the list is the accessible form of the map). */
export function AngstraeumeMapPage({ ctx, places, intervalDays, now, settings, reportCategoryId }: MapPageProps) {
  const t = tr(ctx.locale);
  const count = places.length === 0 ? t('listNone') : places.length === 1 ? t('listCountOne') : t('listCount', { n: places.length });
  return (
    <Layout ctx={ctx} title={t('mapPageTitle')} wide>
      <AngstAssets />
      <h1>{t('mapPageTitle')}</h1>
      <p>{t('mapPageIntro', { city: ctx.org.name })}</p>
      <ul class="k-list">
        <li>
          <a href={reportCategoryId ? `/melden?kategorie=${reportCategoryId}` : '/melden'}>{t('reportNew')}</a>
        </li>
        <li>
          <a href="/statistik/angstraeume-und-muell">{t('statsLink')}</a>
        </li>
      </ul>
      <section class="k-section" aria-labelledby="map-title">
        <h2 id="map-title">{t('mapTitle')}</h2>
        <p class="k-hint">{t('mapListNote')}</p>
        <div
          data-module="reports-map"
          {...mapData(ctx, settings)}
          data-label-report={t('popupPlace', { id: '{id}', category: '{category}' })}
          data-label-details={t('popupDetails')}
          data-src="/api/angstraeume/karte"
          data-label={t('mapTitle')}
        >
          <div class="k-map" data-map hidden />
          <img
            class="k-staticmap__image"
            data-static-map
            src={`/angstraeume/karte.svg?lang=${ctx.locale}`}
            width={640}
            height={400}
            alt={t('mapAlt', { city: ctx.org.name, n: places.length })}
          />
          <MapAssets />
        </div>
        <ChangeLegend locale={ctx.locale} />
      </section>
      <section class="k-section" aria-labelledby="list-title">
        <h2 id="list-title">{count}</h2>
        {places.length > 0 && (
          <DataTable
            caption={t('mapPageTitle')}
            rows={places}
            scrollRegionLabelledBy="list-title"
            columns={[
              {
                header: t('col.place'),
                rowHeader: true,
                cell: (p) => (
                  <a href={`/angstraeume/${p.id}`}>
                    #{p.id} {publicPlaceName(ctx.locale, p)}
                  </a>
                ),
              },
              { header: t('col.district'), cell: (p) => p.district ?? t('noDistrict') },
              { header: t('col.status'), cell: (p) => <ReportStatusBadge locale={ctx.locale} report={p} /> },
              {
                header: t('col.measures'),
                cell: (p) => (
                  <>
                    {p.measures.length}
                    {p.measures.length > 0 && ` (${measureLabel(ctx.locale, p.measures.at(-1)!.type)})`}
                  </>
                ),
              },
              { header: t('col.news'), cell: (p) => <NewsCell ctx={ctx} place={p} now={now} intervalDays={intervalDays} /> },
              { header: t('col.change'), cell: (p) => <ChangeMark locale={ctx.locale} group={p.change.group} /> },
            ]}
          />
        )}
      </section>
    </Layout>
  );
}

export interface PlaceView {
  id: number;
  status: ReportStatus;
  close_reason: CloseReason | null;
  address: string;
  district: string | null;
  description: string;
  created_at: Date;
  reviewed_at: Date | null;
  category_de: string;
  category_en: string;
}

export interface TimelineEvent {
  id: number;
  kind: string;
  to_status: ReportStatus | null;
  body: string;
  data: unknown;
  created_at: Date;
}

export type RatingState =
  | { kind: 'signedOut' }
  | { kind: 'form'; values: { day: string; night: string }; errors?: FieldErrors }
  | { kind: 'blocked'; lastRatedAt: Date; nextAt: Date };

export interface PlacePageProps {
  ctx: RequestContext;
  place: PlaceView;
  answers: Array<{ label: string; value: string }>;
  events: TimelineEvent[];
  measures: MeasureView[];
  effects: MeasureEffect[];
  series: MonthlyAverage[];
  change: PlaceSummary['change'];
  lastNewsAt: Date | null;
  overdue: boolean;
  intervalDays: number;
  now: Date;
  rating: RatingState;
  notice?: string | undefined;
  map?: Children;
}

function RatingScale({
  ctx,
  name,
  legend,
  value,
  error,
}: {
  ctx: RequestContext;
  name: 'day' | 'night';
  legend: string;
  value: string;
  error?: string | undefined;
}) {
  const t = tr(ctx.locale);
  const id = fieldId(name);
  const errorPrefix = translator(platformMessages, ctx.locale)('fieldErrorPrefix');
  const values = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => String(RATING_MIN + i));
  return (
    <fieldset class={error ? 'k-fieldset k-field--error' : 'k-fieldset'} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="k-label">{legend}</legend>
      {error && (
        <p class="k-field__error" id={`${id}-error`}>
          <span class="k-visually-hidden">{errorPrefix} </span>
          {error}
        </p>
      )}
      {values.map((v) => (
        <div class="k-radio">
          <input class="k-radio__input" type="radio" name={name} id={`${id}-${v}`} value={v} checked={value === v} />
          <label class="k-radio__label" for={`${id}-${v}`}>
            {t(`rate.${v}` as 'rate.1')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function RatingSection({ ctx, placeId, state }: { ctx: RequestContext; placeId: number; state: RatingState }) {
  const t = tr(ctx.locale);
  return (
    <section class="k-section" aria-labelledby="rate-title">
      <h2 id="rate-title">{t('rateTitle')}</h2>
      <p>{t('rateIntro')}</p>
      {state.kind === 'signedOut' && (
        <>
          <p>{t('rateSignInHint')}</p>
          <p>
            <a class="k-button" href={`/anmelden?return=${encodeURIComponent(`/angstraeume/${placeId}#rate-title`)}`}>
              {t('rateSignIn')}
            </a>
          </p>
        </>
      )}
      {state.kind === 'blocked' && (
        <Notice>{t('rateAlready', { date: dayText(state.lastRatedAt, ctx.locale), next: dayText(state.nextAt, ctx.locale) })}</Notice>
      )}
      {state.kind === 'form' && (
        <form method="post" action={`/angstraeume/${placeId}/bewertung`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div class="k-rating">
            <RatingScale ctx={ctx} name="day" legend={t('rateDay')} value={state.values.day} error={state.errors?.day} />
            <RatingScale ctx={ctx} name="night" legend={t('rateNight')} value={state.values.night} error={state.errors?.night} />
          </div>
          <Button>{t('rateSend')}</Button>
        </form>
      )}
    </section>
  );
}

function eventTitle(ctx: RequestContext, e: TimelineEvent, measureNo: Map<number, number>, measures: MeasureView[]): string {
  const t = tr(ctx.locale);
  if (e.kind === 'measure') {
    const m = measures.find((x) => x.id === e.id);
    return `${t('measureNumber', { n: measureNo.get(e.id) ?? 0 })} · ${measureLabel(ctx.locale, m?.type ?? 'other')}`;
  }
  if (e.kind === 'status' && e.to_status) {
    const closeReason = ((e.data ?? {}) as { closeReason?: CloseReason }).closeReason ?? null;
    return t('event.status', { to: statusLabel(ctx.locale, { status: e.to_status, close_reason: closeReason }) });
  }
  if (e.kind === 'public_note') return t('event.public_note');
  return t('event.other');
}

/** /angstraeume/:id: the place, its measures, whether they helped, and the rating form. */
export function PlacePage(props: PlacePageProps) {
  const { ctx, place } = props;
  const t = tr(ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const reviewed = Boolean(place.reviewed_at);
  const title = t('placeTitle', { id: place.id, place: publicPlaceName(ctx.locale, place) });
  const measureNo = new Map(props.measures.map((m, i) => [m.id, i + 1]));
  const errors = props.rating.kind === 'form' ? (props.rating.errors ?? {}) : {};
  const news = props.events.filter((e) => e.kind === 'measure' || e.kind === 'public_note' || e.kind === 'status');
  return (
    <Layout ctx={ctx} title={title}>
      <AngstAssets />
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>{title}</h1>
      <p class="k-meta">
        <ReportStatusBadge locale={ctx.locale} report={place} /> · {t('reportedOn', { date: dayText(new Date(place.created_at), ctx.locale) })} ·{' '}
        {t('district')}: {place.district ?? t('noDistrict')}
      </p>
      <dl class="k-dl">
        <dt>{t('category')}</dt>
        <dd>{ctx.locale === 'de' ? place.category_de : place.category_en}</dd>
        {reviewed && (
          <>
            <dt>{t('col.news')}</dt>
            <dd>
              {newsText(ctx.locale, props.lastNewsAt, props.now)}
              {props.overdue && (
                <>
                  {' '}
                  <OverdueMark locale={ctx.locale} intervalDays={props.intervalDays} />
                </>
              )}
            </dd>
            <dt>{t('col.change')}</dt>
            <dd>
              <ChangeMark locale={ctx.locale} group={props.change.group} />
            </dd>
          </>
        )}
      </dl>
      {!reviewed && <Notice>{t('inReview')}</Notice>}
      {reviewed && (
        <>
          <h2>{t('description')}</h2>
          <p class="k-pre">{place.description}</p>
        </>
      )}
      {props.answers.length > 0 && (
        <>
          <h2>{t('answers')}</h2>
          <DescriptionList items={props.answers} />
        </>
      )}
      {props.map}
      {reviewed && (
        <>
          <section class="k-section" aria-labelledby="measures-title">
            <h2 id="measures-title">{t('measuresTitle')}</h2>
            {news.length === 0 ? (
              <p>{t('measuresNone')}</p>
            ) : (
              <Timeline
                events={news.map((e) => ({
                  at: e.created_at,
                  when: dayText(new Date(e.created_at), ctx.locale),
                  text: eventTitle(ctx, e, measureNo, props.measures),
                  body: e.body,
                }))}
              />
            )}
          </section>
          <section class="k-section" aria-labelledby="effect-title">
            <h2 id="effect-title">{t('effectTitle')}</h2>
            <p>{t('effectIntro')}</p>
            <SafetyChart locale={ctx.locale} series={props.series} measures={props.measures} idPrefix="safety-chart" />
            <EffectTable locale={ctx.locale} effects={props.effects} />
            <MonthlyTable locale={ctx.locale} series={props.series} />
          </section>
          <RatingSection ctx={ctx} placeId={place.id} state={props.rating} />
        </>
      )}
      <ul class="k-list k-section">
        <li>
          <a href="/angstraeume">{t('toMap')}</a>
        </li>
        {reviewed && (
          <li>
            <a href={`/meldungen/${place.id}`}>{t('fullReport', { id: place.id })}</a>
          </li>
        )}
      </ul>
    </Layout>
  );
}
