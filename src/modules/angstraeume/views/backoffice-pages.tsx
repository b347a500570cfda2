import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { Button, CsrfField, ErrorSummary, Notice, Select, TextArea, TextInput } from '../../../platform/views/forms';
import { BackOfficeLayout } from '../../organizations/views/back-office-layout';
import { StatusBadge } from '../../reports/views/status';
import type { MeasureView, PlaceSummary } from '../angstraeume.service';
import { LIMITS, MEASURE_TYPES } from '../angstraum';
import { AngstAssets, ChangeMark, dayText, measureLabel, newsText, OverdueMark, placeName, tr } from './parts';
import type { PlaceView } from './public-pages';

export interface QueueRow {
  id: number;
  address: string;
  created_at: Date;
  district: string | null;
}

function PlacesTable({
  ctx,
  rows,
  now,
  intervalDays,
  caption,
}: {
  ctx: RequestContext;
  rows: PlaceSummary[];
  now: Date;
  intervalDays: number;
  caption: string;
}) {
  const t = tr(ctx.locale);
  return (
    <div class="k-table-wrap">
      <table class="k-table">
        <caption class="k-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.place')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.measures')}</th>
            <th scope="col">{t('col.news')}</th>
            <th scope="col">{t('col.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr>
              <th scope="row">
                <a href={`/verwaltung/angstraeume/${p.id}`}>
                  #{p.id} {placeName(ctx.locale, p)}
                </a>
              </th>
              <td>
                <StatusBadge locale={ctx.locale} report={p} />
              </td>
              <td>{p.measures.length}</td>
              <td>
                {newsText(ctx.locale, p.lastNewsAt, now)}
                {p.overdue && (
                  <>
                    <br />
                    <OverdueMark locale={ctx.locale} intervalDays={intervalDays} />
                  </>
                )}
              </td>
              <td>
                <ChangeMark locale={ctx.locale} group={p.change.group} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /verwaltung/angstraeume: what to review, what is overdue, all places. */
export function BackOfficeOverviewPage({
  ctx,
  queue,
  places,
  now,
  intervalDays,
}: {
  ctx: RequestContext;
  queue: QueueRow[];
  places: PlaceSummary[];
  now: Date;
  intervalDays: number;
}) {
  const t = tr(ctx.locale);
  const overdue = places.filter((p) => p.overdue);
  return (
    <BackOfficeLayout ctx={ctx} title={t('bo.title')}>
      <AngstAssets />
      <h1>{t('bo.title')}</h1>
      <section class="k-section" aria-labelledby="review-title">
        <h2 id="review-title">{t('bo.reviewTitle', { n: queue.length })}</h2>
        <p>{t('bo.reviewIntro')}</p>
        {queue.length === 0 ? (
          <p>{t('bo.reviewNone')}</p>
        ) : (
          <div class="k-table-wrap">
            <table class="k-table">
              <caption class="k-visually-hidden">{t('bo.reviewTitle', { n: queue.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.place')}</th>
                  <th scope="col">{t('col.district')}</th>
                  <th scope="col">{t('bo.col.reported')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/verwaltung/angstraeume/${r.id}`}>
                        #{r.id} {placeName(ctx.locale, r)}
                      </a>
                    </th>
                    <td>{r.district ?? t('noDistrict')}</td>
                    <td>{dayText(new Date(r.created_at), ctx.locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="k-section" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('bo.overdueTitle', { n: overdue.length })}</h2>
        <p>{t('bo.overdueIntro', { days: intervalDays })}</p>
        {overdue.length === 0 ? (
          <p>{t('bo.overdueNone')}</p>
        ) : (
          <PlacesTable ctx={ctx} rows={overdue} now={now} intervalDays={intervalDays} caption={t('bo.overdueTitle', { n: overdue.length })} />
        )}
      </section>
      <section class="k-section" aria-labelledby="all-title">
        <h2 id="all-title">{t('bo.allTitle', { n: places.length })}</h2>
        {places.length > 0 && <PlacesTable ctx={ctx} rows={places} now={now} intervalDays={intervalDays} caption={t('bo.allTitle', { n: places.length })} />}
      </section>
    </BackOfficeLayout>
  );
}

export interface StaffPlaceProps {
  ctx: RequestContext;
  place: PlaceView;
  measures: MeasureView[];
  review: { description: string; errors?: FieldErrors };
  measure: { type: string; body: string; errors?: FieldErrors };
  notice?: string | undefined;
}

/** /verwaltung/angstraeume/:id: review (with the text to publish) and post measures. */
export function BackOfficePlacePage({ ctx, place, measures, review, measure, notice }: StaffPlaceProps) {
  const t = tr(ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  const errors = { ...(review.errors ?? {}), ...(measure.errors ?? {}) };
  const title = t('bo.placeTitle', { id: place.id });
  return (
    <BackOfficeLayout ctx={ctx} title={title}>
      <AngstAssets />
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{title}</h1>
      <p class="k-meta">
        <StatusBadge locale={ctx.locale} report={place} /> · {placeName(ctx.locale, place)} · {place.district ?? t('noDistrict')} ·{' '}
        {t('reportedOn', { date: dayText(new Date(place.created_at), ctx.locale) })}
      </p>
      <ul class="k-list">
        <li>
          <a href={`/verwaltung/meldungen/${place.id}`}>{t('bo.openReport', { id: place.id })}</a>
        </li>
        <li>
          <a href={`/angstraeume/${place.id}`}>{t('bo.publicPage')}</a>
        </li>
      </ul>
      <section class="k-section" aria-labelledby="review-title">
        <h2 id="review-title">{t('bo.reviewSection')}</h2>
        {place.reviewed_at ? (
          <>
            <p>{t('bo.reviewedOn', { date: dayText(new Date(place.reviewed_at), ctx.locale) })}</p>
            <p class="k-pre">{place.description}</p>
          </>
        ) : (
          <form method="post" action={`/verwaltung/angstraeume/${place.id}/pruefen`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <p>{t('bo.reviewHelp')}</p>
            <TextArea
              name="description"
              label={t('bo.descriptionLabel')}
              value={review.description}
              error={review.errors?.description}
              rows={6}
              maxLength={LIMITS.descriptionMax}
            />
            <Button>{t('bo.publish')}</Button>
          </form>
        )}
      </section>
      <section class="k-section" aria-labelledby="measure-title">
        <h2 id="measure-title">{t('bo.measureSection')}</h2>
        {measures.length > 0 && (
          <ol class="k-timeline">
            {measures.map((m, i) => (
              <li class="k-timeline__item">
                <p class="k-timeline__when">{dayText(m.at, ctx.locale)}</p>
                <p class="k-timeline__what">
                  {t('measureNumber', { n: i + 1 })} · {measureLabel(ctx.locale, m.type)}
                </p>
                <p class="k-pre">{m.body}</p>
              </li>
            ))}
          </ol>
        )}
        {place.reviewed_at ? (
          <form method="post" action={`/verwaltung/angstraeume/${place.id}/massnahme`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Select
              name="type"
              label={t('bo.measureType')}
              value={measure.type}
              error={measure.errors?.type}
              options={[{ value: '', label: '–' }, ...MEASURE_TYPES.map((m) => ({ value: m, label: measureLabel(ctx.locale, m) }))]}
            />
            <TextArea
              name="body"
              label={t('bo.measureText')}
              hint={t('bo.measureHint')}
              value={measure.body}
              error={measure.errors?.body}
              rows={4}
              maxLength={LIMITS.measureMax}
            />
            <Button>{t('bo.measureSend')}</Button>
          </form>
        ) : (
          <p>{t('bo.measureNeedsReview')}</p>
        )}
      </section>
    </BackOfficeLayout>
  );
}

export function SettingsPage({
  ctx,
  values,
  errors,
  saved,
}: {
  ctx: RequestContext;
  values: { interval: string; weeks: string };
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const t = tr(ctx.locale);
  const tp = translator(platformMessages, ctx.locale);
  return (
    <BackOfficeLayout ctx={ctx} title={t('bo.settingsTitle')}>
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors ?? {}} />
      {saved && <Notice kind="success">{t('bo.saved')}</Notice>}
      <h1>{t('bo.settingsTitle')}</h1>
      <form method="post" action="/verwaltung/angstraeume/einstellungen" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput
          name="interval"
          label={t('bo.interval')}
          hint={t('bo.intervalHint')}
          value={values.interval}
          error={errors?.interval}
          inputMode="numeric"
          width="short"
        />
        <TextInput name="weeks" label={t('bo.weeks')} hint={t('bo.weeksHint')} value={values.weeks} error={errors?.weeks} inputMode="numeric" width="short" />
        <Button>{t('bo.save')}</Button>
      </form>
    </BackOfficeLayout>
  );
}
