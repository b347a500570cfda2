import type { RequestContext } from '../../../platform/http/context';
import type { FieldErrors } from '../../../platform/http/errors';
import { translator } from '../../../platform/i18n';
import { platformMessages } from '../../../platform/i18n/platform-messages';
import { BackOfficeFrame } from '../../../platform/views/back-office-frame';
import { AdminFormPage, AdminListPage, DataTable, Timeline } from '../../../platform/views/components';
import { Button, CsrfField, ErrorSummary, Notice, Select, TextArea, TextInput } from '../../../platform/views/forms';
import { ReportStatusBadge } from '../../reports';
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

/** When the place last had news, and whether news is overdue (list cells, public and staff). */
export function NewsCell({ ctx, place, now, intervalDays }: { ctx: RequestContext; place: PlaceSummary; now: Date; intervalDays: number }) {
  return (
    <>
      {newsText(ctx.locale, place.lastNewsAt, now)}
      {place.overdue && (
        <>
          <br />
          <OverdueMark locale={ctx.locale} intervalDays={intervalDays} />
        </>
      )}
    </>
  );
}

function PlacesTable({
  ctx,
  rows,
  now,
  intervalDays,
  caption,
  empty,
}: {
  ctx: RequestContext;
  rows: PlaceSummary[];
  now: Date;
  intervalDays: number;
  caption: string;
  empty?: string;
}) {
  const t = tr(ctx.locale);
  return (
    <DataTable
      caption={caption}
      rows={rows}
      empty={empty}
      columns={[
        {
          header: t('col.place'),
          rowHeader: true,
          cell: (p) => (
            <a href={`/verwaltung/angstraeume/${p.id}`}>
              #{p.id} {placeName(ctx.locale, p)}
            </a>
          ),
        },
        { header: t('col.status'), cell: (p) => <ReportStatusBadge locale={ctx.locale} report={p} /> },
        { header: t('col.measures'), cell: (p) => p.measures.length },
        { header: t('col.news'), cell: (p) => <NewsCell ctx={ctx} place={p} now={now} intervalDays={intervalDays} /> },
        { header: t('col.change'), cell: (p) => <ChangeMark locale={ctx.locale} group={p.change.group} /> },
      ]}
    />
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
    <AdminListPage ctx={ctx} title={t('bo.title')}>
      <AngstAssets />
      <section class="k-section" aria-labelledby="review-title">
        <h2 id="review-title">{t('bo.reviewTitle', { n: queue.length })}</h2>
        <p>{t('bo.reviewIntro')}</p>
        <DataTable
          caption={t('bo.reviewTitle', { n: queue.length })}
          rows={queue}
          empty={t('bo.reviewNone')}
          columns={[
            {
              header: t('col.place'),
              rowHeader: true,
              cell: (r) => (
                <a href={`/verwaltung/angstraeume/${r.id}`}>
                  #{r.id} {placeName(ctx.locale, r)}
                </a>
              ),
            },
            { header: t('col.district'), cell: (r) => r.district ?? t('noDistrict') },
            { header: t('bo.col.reported'), cell: (r) => dayText(new Date(r.created_at), ctx.locale) },
          ]}
        />
      </section>
      <section class="k-section" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('bo.overdueTitle', { n: overdue.length })}</h2>
        <p>{t('bo.overdueIntro', { days: intervalDays })}</p>
        <PlacesTable
          ctx={ctx}
          rows={overdue}
          now={now}
          intervalDays={intervalDays}
          caption={t('bo.overdueTitle', { n: overdue.length })}
          empty={t('bo.overdueNone')}
        />
      </section>
      <section class="k-section" aria-labelledby="all-title">
        <h2 id="all-title">{t('bo.allTitle', { n: places.length })}</h2>
        {places.length > 0 && <PlacesTable ctx={ctx} rows={places} now={now} intervalDays={intervalDays} caption={t('bo.allTitle', { n: places.length })} />}
      </section>
    </AdminListPage>
  );
}

export interface StaffPlaceProps {
  ctx: RequestContext;
  place: PlaceView;
  measures: MeasureView[];
  review: { description: string; address: string; errors?: FieldErrors };
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
    <BackOfficeFrame ctx={ctx} title={title}>
      <AngstAssets />
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{title}</h1>
      <p class="k-meta">
        <ReportStatusBadge locale={ctx.locale} report={place} /> · {placeName(ctx.locale, place)} · {place.district ?? t('noDistrict')} ·{' '}
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
            <TextInput
              name="address"
              label={t('bo.addressLabel')}
              hint={t('bo.addressHint')}
              value={review.address}
              error={review.errors?.address}
              maxLength={LIMITS.addressMax}
            />
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
          <Timeline
            events={measures.map((m, i) => ({
              at: m.at,
              when: dayText(m.at, ctx.locale),
              text: `${t('measureNumber', { n: i + 1 })} · ${measureLabel(ctx.locale, m.type)}`,
              body: m.body,
            }))}
          />
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
    </BackOfficeFrame>
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
  return (
    <AdminFormPage
      ctx={ctx}
      title={t('bo.settingsTitle')}
      notice={saved ? t('bo.saved') : undefined}
      errors={errors}
      action="/verwaltung/angstraeume/einstellungen"
      submitLabel={t('bo.save')}
    >
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
    </AdminFormPage>
  );
}
