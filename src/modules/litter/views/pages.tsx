import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { type Locale, translator } from '../../../platform/i18n';
import { monthLabel } from '../../../platform/i18n/months';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { FigureStyles, linearScale, niceMax } from '../../../platform/views/charts';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, TextArea, TextInput } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { CheckedLocation } from '../../reports';
import { formatChange, NOTE_MAX, targetLine, trendLine } from '../litter';
import type { LitterSeries, LitterStatistics } from '../litter.service';
import { messages } from '../messages';

const tr = (locale: Locale) => translator(messages, locale);

export interface WhereValues {
  lat: string;
  lon: string;
  address: string;
}

/** Step one: where. One big button ("use my location", with JavaScript), else a description or coordinates. */
export function QuickStep1Page({
  ctx,
  values,
  errors = {},
  categoryId,
}: {
  ctx: RequestContext;
  values: WhereValues;
  errors?: FieldErrors;
  categoryId: number;
}) {
  const t = tr(ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('title')}>
      <FigureStyles />
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form
        method="post"
        action="/dreckpetze/ort"
        novalidate
        class="k-quick"
        data-module="geolocate"
        data-label-locating={t('locating')}
        data-label-failed={t('locateFailed')}
      >
        <CsrfField token={ctx.csrfToken} />
        <h2>{t('step1')}</h2>
        <div class={errors.location ? 'k-field k-field--error' : 'k-field'} id={fieldId('location')}>
          {errors.location && (
            <p class="k-field__error" id={`${fieldId('location')}-error`}>
              <span class="k-visually-hidden">{tp('fieldErrorPrefix')} </span>
              {errors.location}
            </p>
          )}
          <button type="button" class="k-button" data-geolocate hidden>
            {t('useLocation')}
          </button>
          <p class="k-quick__status" role="status" data-status />
          <p>{t('orDescribe')}</p>
          <TextArea name="address" label={t('address')} hint={t('addressHint')} value={values.address} error={errors.address} rows={2} maxLength={300} />
          <details class="k-details" open={values.lat !== '' || values.lon !== ''}>
            <summary>{t('coords')}</summary>
            <TextInput name="lat" label={t('lat')} value={values.lat} width="short" inputMode="text" dir="ltr" />
            <TextInput name="lon" label={t('lon')} value={values.lon} width="short" inputMode="text" dir="ltr" />
          </details>
          <p>
            <a href={`/melden?kategorie=${categoryId}`}>{t('mapLink')}</a>
          </p>
        </div>
        <Button>{t('continue')}</Button>
      </form>
      <script src="/static/litter/dreckpetze.js" defer />
    </Layout>
  );
}

export interface QuickDetails {
  note: string;
  email: string;
}

/** Step two: photo, an optional note, the address for confirmation when not signed in. */
export function QuickStep2Page(props: {
  ctx: RequestContext;
  where: CheckedLocation;
  values: QuickDetails;
  idempotencyKey: string;
  errors?: FieldErrors;
  photosLost?: boolean;
  alert?: string;
}) {
  const { ctx, where, values } = props;
  const t = tr(ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = props.errors ?? {};
  const place = where.precise ? `${where.lat.toFixed(5)}, ${where.lon.toFixed(5)}${where.address ? ` (${where.address})` : ''}` : where.address;
  const photoId = fieldId('photos');
  return (
    <Layout ctx={ctx} title={t('title')}>
      <FigureStyles />
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <h1>{t('title')}</h1>
      {props.alert && <Notice>{props.alert}</Notice>}
      <p>
        {where.precise ? t('where', { place }) : t('whereApprox', { place })} · <a href="/dreckpetze">{t('changeWhere')}</a>
      </p>
      {/* The CSRF token must stay the first field: the server checks it as it arrives and refuses a photo sent
          before a valid token (platform/http/multipart-body.ts). */}
      <form method="post" action="/dreckpetze" enctype="multipart/form-data" novalidate class="k-quick">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="lat" value={where.precise ? String(where.lat) : ''} />
        <input type="hidden" name="lon" value={where.precise ? String(where.lon) : ''} />
        <input type="hidden" name="address" value={where.address} />
        <h2>{t('step2')}</h2>
        {props.photosLost && <Notice>{t('photosAgain')}</Notice>}
        <div class={errors.photos ? 'k-field k-field--error' : 'k-field'}>
          <label class="k-label" for={photoId}>
            {t('photo')}
          </label>
          <p class="k-hint" id={`${photoId}-hint`}>
            {t('photoHint')}
          </p>
          {errors.photos && (
            <p class="k-field__error" id={`${photoId}-error`}>
              <span class="k-visually-hidden">{tp('fieldErrorPrefix')} </span>
              {errors.photos}
            </p>
          )}
          <input
            class="k-file"
            type="file"
            id={photoId}
            name="photos"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            aria-describedby={errors.photos ? `${photoId}-hint ${photoId}-error` : `${photoId}-hint`}
            aria-invalid={errors.photos ? 'true' : undefined}
          />
        </div>
        <TextArea
          name="note"
          label={t('note')}
          hint={t('noteHint')}
          value={values.note}
          error={errors.description ?? errors.note}
          rows={3}
          maxLength={NOTE_MAX}
        />
        {ctx.user ? (
          <p>{t('signedIn', { email: ctx.user.email })}</p>
        ) : (
          <TextInput name="email" type="email" autocomplete="email" label={t('email')} hint={t('emailHint')} value={values.email} error={errors.email} />
        )}
        <Button>{t('send')}</Button>
      </form>
    </Layout>
  );
}

export function QuickThanksPage({
  ctx,
  reportId,
  status,
  email,
}: {
  ctx: RequestContext;
  reportId: number;
  status: 'new' | 'unconfirmed';
  email: string | null;
}) {
  const t = tr(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('thanksTitle')}>
      <Notice kind="success">
        <h1>{t('thanksTitle')}</h1>
        <p>{status === 'new' ? t('thanksPublished', { id: reportId }) : t('thanksConfirm', { email: email ?? '' })}</p>
      </Notice>
      <div class="k-actions">
        {status === 'new' && (
          <a class="k-button k-button--secondary" href={`/meldungen/${reportId}`}>
            {t('viewReport')}
          </a>
        )}
        <a class="k-button" href="/dreckpetze">
          {t('another')}
        </a>
      </div>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Statistics: the city's monthly counts as bars with the trend and the target path, and a table by district.

const W = 640;
const H = 280;
const M = { left: 48, right: 16, top: 16, bottom: 44 };

function LitterChart({ locale, months, series }: { locale: Locale; months: string[]; series: LitterSeries }) {
  const t = tr(locale);
  const trend = trendLine(series.counts);
  const target = targetLine(trend[0] ?? 0, months.length);
  const top = niceMax(Math.max(...series.counts, ...trend, ...target, 1));
  const y = linearScale(0, top, H - M.bottom, M.top);
  const band = (W - M.left - M.right) / Math.max(1, months.length);
  const xMid = (i: number) => M.left + band * (i + 0.5);
  const line = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${xMid(i).toFixed(1)} ${y(Math.max(0, v)).toFixed(1)}`).join('');
  const ticks = [0, top / 2, top];
  return (
    <figure class="k-chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        class="k-chart__svg"
        role="img"
        aria-labelledby="litter-chart-title litter-chart-desc"
      >
        <title id="litter-chart-title">{t('chartTitle')}</title>
        <desc id="litter-chart-desc">{t('chartDesc')}</desc>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        {ticks.map((v) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#d0d3d9" stroke-width={1} />
            <text x={M.left - 8} y={y(v) + 5} text-anchor="end" font-size="13" fill="#1b1b1f">
              {Math.round(v)}
            </text>
          </g>
        ))}
        {series.counts.map((c, i) => (
          <rect x={xMid(i) - band * 0.35} y={y(c)} width={band * 0.7} height={Math.max(0, y(0) - y(c))} fill="#7f9fc6" stroke="#004f9f" stroke-width={1} />
        ))}
        {months.map((m, i) =>
          i % 2 === 0 ? (
            <text x={xMid(i)} y={H - M.bottom + 22} text-anchor="middle" font-size="12" fill="#1b1b1f">
              {monthLabel(m, locale)}
            </text>
          ) : null,
        )}
        {series.trend.annualChange !== null && <path d={line(trend)} fill="none" stroke="#1b1b1f" stroke-width={3} />}
        {series.trend.annualChange !== null && <path d={line(target)} fill="none" stroke="#1d6b36" stroke-width={3} stroke-dasharray="8 5" />}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#6b6f78" stroke-width={1} />
      </svg>
      <figcaption>
        <ul class="k-legend">
          <li>
            <svg viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">
              <rect x={10} y={1} width={16} height={12} fill="#7f9fc6" stroke="#004f9f" />
            </svg>{' '}
            {t('legendBars')}
          </li>
          <li>
            <svg viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">
              <path d="M2 7H34" stroke="#1b1b1f" stroke-width={3} />
            </svg>{' '}
            {t('legendTrend')}
          </li>
          <li>
            <svg viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">
              <path d="M2 7H34" stroke="#1d6b36" stroke-width={3} stroke-dasharray="8 5" />
            </svg>{' '}
            {t('legendTarget')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

function targetWord(locale: Locale, s: LitterSeries): string {
  const t = tr(locale);
  return s.trend.onTarget === null ? t('unknown') : s.trend.onTarget ? t('yes') : t('no');
}

export function LitterStatsSection({ ctx, stats }: { ctx: RequestContext; stats: LitterStatistics }) {
  const t = tr(ctx.locale);
  const { total } = stats;
  const rows = [...stats.districts, total];
  return (
    <section class="k-section" aria-labelledby="litter-title">
      <h2 id="litter-title">{t('statsTitle')}</h2>
      <p>{t('statsIntro', { months: stats.months.length })}</p>
      <p>
        <strong>
          {total.trend.annualChange === null
            ? t('noTrend')
            : `${t('trendLine', { change: formatChange(total.trend.annualChange, ctx.locale), target: formatChange(stats.target, ctx.locale) })} ${total.trend.onTarget ? t('onTarget') : t('offTarget')}.`}
        </strong>
      </p>
      <LitterChart locale={ctx.locale} months={stats.months} series={total} />
      <p>{t('currentMonth', { month: monthLabel(stats.currentMonth, ctx.locale), n: total.current })}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1) */}
      <div class="k-table-wrap" tabIndex={0} role="region" aria-labelledby="litter-table-caption">
        <table class="k-table">
          <caption id="litter-table-caption">{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.district')}</th>
              {stats.months.map((m) => (
                <th scope="col">{monthLabel(m, ctx.locale)}</th>
              ))}
              <th scope="col">{t('col.sum')}</th>
              <th scope="col">{t('col.trend')}</th>
              <th scope="col">{t('col.target')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <th scope="row">{s === total ? t('total') : (s.name ?? t('noDistrict'))}</th>
                {s.counts.map((c) => (
                  <td>{c}</td>
                ))}
                <td>{s.counts.reduce((a, b) => a + b, 0)}</td>
                <td>{formatChange(s.trend.annualChange, ctx.locale)}</td>
                <td>{targetWord(ctx.locale, s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
