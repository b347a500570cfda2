import { type Locale, translator } from '../../../platform/i18n';
import { dateTimeFormat } from '../../../platform/i18n/formatters';
import { monthLabel } from '../../../platform/i18n/months';
import type { PinGroup } from '../../../platform/map/pins';
import { PinShape } from '../../../platform/map/static-map';
import { FigureStyles, linearScale } from '../../../platform/views/charts';
import { type ChangeGroup, daysSince, formatAverage, type MeasureEffect, type MeasureType, type MonthlyAverage, RATING_MAX, RATING_MIN } from '../angstraum';
import { messages } from '../messages';

// Small parts of the Angsträume pages: the change mark (shape and words), "last news", the safety chart.

export const tr = (locale: Locale) => translator(messages, locale);

/** Map pins reuse the map's shapes, one per meaning, so the legend never shows one symbol for two things. */
export const CHANGE_PIN: Record<ChangeGroup, PinGroup> = { safer: 'fixed', same: 'closed', less_safe: 'open', unknown: 'pending', no_measure: 'progress' };
export const LEGEND_GROUPS: ChangeGroup[] = ['safer', 'same', 'less_safe', 'no_measure', 'unknown'];

export function ChangeMark({ locale, group }: { locale: Locale; group: ChangeGroup }) {
  return (
    <span class={`k-change k-change--${group}`}>
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
        <PinShape group={CHANGE_PIN[group]} x={10} y={10} r={7} />
      </svg>{' '}
      {tr(locale)(`change.${group}`)}
    </span>
  );
}

export function ChangeLegend({ locale }: { locale: Locale }) {
  const t = tr(locale);
  return (
    <>
      <p class="k-hint" id="angst-legend-title">
        {t('legend')}
      </p>
      <ul class="k-legend" aria-labelledby="angst-legend-title">
        {LEGEND_GROUPS.map((g) => (
          <li>
            <ChangeMark locale={locale} group={g} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function newsText(locale: Locale, at: Date | null, now: Date): string {
  const t = tr(locale);
  if (!at) return t('newsNone');
  const n = daysSince(at, now);
  return n === 0 ? t('newsToday') : n === 1 ? t('newsOneDay') : t('newsDays', { n });
}

export function OverdueMark({ locale, intervalDays }: { locale: Locale; intervalDays: number }) {
  const t = tr(locale);
  return (
    <strong class="k-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('overdueMark')}
      <span class="k-visually-hidden">: {t('overdueText', { n: intervalDays })}</span>
    </strong>
  );
}

export function measureLabel(locale: Locale, type: MeasureType): string {
  return tr(locale)(`measure.${type}`);
}

/**
 * What the public may read as a place's name: the reporter's own words only after staff reviewed them (they can
 * hold names or number plates); before that only the district, beside the category.
 */
export function publicPlaceName(locale: Locale, p: { address: string; district: string | null; reviewed_at: Date | string | null }): string {
  return placeName(locale, p.reviewed_at ? p : { address: '', district: p.district });
}

export function placeName(locale: Locale, p: { address: string; district: string | null }): string {
  const t = tr(locale);
  if (p.address) return p.address;
  return p.district ? t('placeUnnamed', { district: p.district }) : t('placeUnknown');
}

export function dayText(date: Date, locale: Locale): string {
  return dateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(date);
}

// ---------------------------------------------------------------------------------------------------------
// The safety chart: monthly averages (day and night) with the measures marked. Server-rendered SVG with a
// title and description, a summary sentence and the same numbers as a table.

const W = 640;
const H = 280;
const M = { left: 44, right: 16, top: 28, bottom: 44 };

function monthMid(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 15);
}

export interface ChartGeometry {
  x(at: number): number;
  y(value: number): number;
  from: number;
  to: number;
}

/** The chart's scales: time across (half a month of margin either side), ratings 1–5 up. */
export function safetyChartGeometry(series: MonthlyAverage[], measures: Array<{ at: Date }>): ChartGeometry {
  const times = [...series.map((s) => monthMid(s.month)), ...measures.map((m) => m.at.getTime())];
  const from = Math.min(...times) - 15 * 86_400_000;
  const to = Math.max(...times) + 15 * 86_400_000;
  return { x: linearScale(from, to, M.left, W - M.right), y: linearScale(RATING_MIN, RATING_MAX, H - M.bottom, M.top), from, to };
}

function linePaths(points: Array<{ x: number; y: number } | null>): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function SafetyChart({
  locale,
  series,
  measures,
  idPrefix,
}: {
  locale: Locale;
  series: MonthlyAverage[];
  measures: Array<{ at: Date; type: MeasureType }>;
  idPrefix: string;
}) {
  const t = tr(locale);
  if (series.length === 0) return <p>{t('chartNone')}</p>;
  const g = safetyChartGeometry(series, measures);
  const pts = (key: 'day' | 'night') => series.map((s) => (s[key] === null ? null : { x: g.x(monthMid(s.month)), y: g.y(s[key]!) }));
  const day = pts('day');
  const night = pts('night');
  const step = Math.max(1, Math.ceil(series.length / 8));
  const last = [...series].reverse().find((s) => s.n > 0);
  return (
    <figure class="k-chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        class="k-chart__svg"
        role="img"
        aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
      >
        <title id={`${idPrefix}-title`}>{t('chartTitle')}</title>
        <desc id={`${idPrefix}-desc`}>{t('chartDesc')}</desc>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        {[1, 2, 3, 4, 5].map((v) => (
          <g>
            <line x1={M.left} x2={W - M.right} y1={g.y(v)} y2={g.y(v)} stroke="#d0d3d9" stroke-width={1} />
            <text x={M.left - 10} y={g.y(v) + 5} text-anchor="end" font-size="14" fill="#1b1b1f">
              {v}
            </text>
          </g>
        ))}
        {series.map((s, i) =>
          i % step === 0 ? (
            <text x={g.x(monthMid(s.month))} y={H - M.bottom + 22} text-anchor="middle" font-size="13" fill="#1b1b1f">
              {monthLabel(s.month, locale)}
            </text>
          ) : null,
        )}
        {measures.map((m, i) => (
          <g>
            <line x1={g.x(m.at.getTime())} x2={g.x(m.at.getTime())} y1={M.top - 6} y2={H - M.bottom} stroke="#8a5a00" stroke-width={2} stroke-dasharray="2 3" />
            <text x={g.x(m.at.getTime())} y={M.top - 10} text-anchor="middle" font-size="13" font-weight="700" fill="#6b4500">
              {t('measureNumber', { n: i + 1 })}
            </text>
          </g>
        ))}
        <path d={linePaths(day)} fill="none" stroke="#004f9f" stroke-width={3} />
        <path d={linePaths(night)} fill="none" stroke="#1b1b1f" stroke-width={3} stroke-dasharray="8 5" />
        {day.map((p) => p && <circle cx={p.x} cy={p.y} r={5} fill="#004f9f" stroke="#ffffff" stroke-width={1.5} />)}
        {night.map((p) => p && <rect x={p.x - 5} y={p.y - 5} width={10} height={10} fill="#1b1b1f" stroke="#ffffff" stroke-width={1.5} />)}
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#6b6f78" stroke-width={1} />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#6b6f78" stroke-width={1} />
      </svg>
      <figcaption>
        <ul class="k-legend">
          <li>
            <svg viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">
              <path d="M2 7H34" stroke="#004f9f" stroke-width={3} />
              <circle cx={18} cy={7} r={5} fill="#004f9f" />
            </svg>{' '}
            {t('legendDay')}
          </li>
          <li>
            <svg viewBox="0 0 36 14" width="36" height="14" aria-hidden="true" focusable="false">
              <path d="M2 7H34" stroke="#1b1b1f" stroke-width={3} stroke-dasharray="8 5" />
              <rect x={13} y={2} width={10} height={10} fill="#1b1b1f" />
            </svg>{' '}
            {t('legendNight')}
          </li>
        </ul>
        {last && (
          <p>
            {t('chartSummary', {
              month: monthLabel(last.month, locale),
              day: formatAverage(last.day, locale),
              night: formatAverage(last.night, locale),
              n: last.n,
            })}
          </p>
        )}
      </figcaption>
    </figure>
  );
}

export function MonthlyTable({ locale, series }: { locale: Locale; series: MonthlyAverage[] }) {
  const t = tr(locale);
  if (series.length === 0) return null;
  return (
    <div class="k-table-wrap">
      <table class="k-table">
        <caption>{t('chartTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.month')}</th>
            <th scope="col">{t('col.day')}</th>
            <th scope="col">{t('col.night')}</th>
            <th scope="col">{t('col.n')}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr>
              <th scope="row">{monthLabel(s.month, locale)}</th>
              <td>{formatAverage(s.day, locale)}</td>
              <td>{formatAverage(s.night, locale)}</td>
              <td>{s.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EffectTable({ locale, effects }: { locale: Locale; effects: MeasureEffect[] }) {
  const t = tr(locale);
  if (effects.length === 0) return <p>{t('measuresNone')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (WCAG 2.1.1)
    <div class="k-table-wrap" tabIndex={0} role="region" aria-labelledby="effect-table-caption">
      <table class="k-table">
        <caption id="effect-table-caption">{t('effectCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.measure')}</th>
            <th scope="col">{t('col.dayBefore')}</th>
            <th scope="col">{t('col.dayAfter')}</th>
            <th scope="col">{t('col.nightBefore')}</th>
            <th scope="col">{t('col.nightAfter')}</th>
            <th scope="col">{t('col.counts')}</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((e, i) => (
            <tr>
              <th scope="row">
                {t('measureNumber', { n: i + 1 })}: {measureLabel(locale, e.type)} ({dayText(e.at, locale)})
              </th>
              <td>{formatAverage(e.before.day, locale)}</td>
              <td>{formatAverage(e.after.day, locale)}</td>
              <td>{formatAverage(e.before.night, locale)}</td>
              <td>{formatAverage(e.after.night, locale)}</td>
              <td>
                {e.before.n} / {e.after.n}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The Angsträume pages' extra styles are the platform's figure styles (charts, legends, rating fields). */
export const AngstAssets = FigureStyles;
