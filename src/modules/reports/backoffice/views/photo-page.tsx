import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { BackOfficeFrame } from '../../../../platform/views/back-office-frame';
import { Button, CsrfField, ErrorSummary, Notice, TextInput } from '../../../../platform/views/forms';
import { tr } from './common';
import { PhotoButtons, photoStatusText, type StaffPhoto, thumbSize } from './report-detail-page';

export function PhotoPage(props: {
  ctx: RequestContext;
  reportId: number;
  photo: StaffPhoto;
  values: { x: string; y: string; w: string; h: string };
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const { ctx, reportId, photo: p, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const title = t('photoPage.title', { id: p.id, report: reportId });
  return (
    <BackOfficeFrame ctx={ctx} title={title}>
      <p>
        <a href={`/verwaltung/meldungen/${reportId}`}>{t('photoPage.back', { id: reportId })}</a>
      </p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <p>{t('photoPage.intro')}</p>
      <p>
        <strong>{photoStatusText(t, p)}</strong>
      </p>
      {/* The link makes the box focusable, so keyboard users can scroll a picture wider than a phone. */}
      <div class="k-table-wrap">
        <a href={`/verwaltung/fotos/${p.id}/large.jpg`} title={t('photoPage.full')}>
          <img src={`/verwaltung/fotos/${p.id}/large.jpg`} alt={t('photo.alt', { id: p.id })} {...thumbSize(p, 800)} data-module="photo-region" />
        </a>
      </div>
      <div class="k-actions">
        <PhotoButtons ctx={ctx} t={t} reportId={reportId} photo={p} />
      </div>
      <section class="k-section" aria-labelledby="blur-title">
        <h2 id="blur-title">{t('blur.title')}</h2>
        <p class="k-hint">{t('blur.hint')}</p>
        <form method="post" action={`/verwaltung/meldungen/${reportId}/fotos/${p.id}/schwaerzen`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="x" label={t('blur.x')} value={values.x} error={errors.x} inputMode="numeric" width="short" maxLength={8} />
          <TextInput name="y" label={t('blur.y')} value={values.y} error={errors.y} inputMode="numeric" width="short" maxLength={8} />
          <TextInput name="w" label={t('blur.w')} value={values.w} error={errors.w} inputMode="numeric" width="short" maxLength={8} />
          <TextInput name="h" label={t('blur.h')} value={values.h} error={errors.h} inputMode="numeric" width="short" maxLength={8} />
          <Button>{t('blur.submit')}</Button>
        </form>
      </section>
    </BackOfficeFrame>
  );
}
