import type { RequestContext } from '../../../../platform/http/context';
import type { FieldErrors } from '../../../../platform/http/errors';
import { formatDateTime, translator } from '../../../../platform/i18n';
import { languageMessages } from '../../../../platform/i18n/language-messages';
import { BackOfficeFrame } from '../../../../platform/views/back-office-frame';
import { DescriptionList, Timeline } from '../../../../platform/views/components';
import { Button, CsrfField, ErrorSummary, fieldId, Notice, Select, TextArea, TextInput } from '../../../../platform/views/forms';
import type { Children } from '../../../../platform/views/render';
import { noteTranslationPath } from '../../note-translations';
import { allowedTransitions, isPublic, LIMITS } from '../../report';
import { ReportStatusBadge } from '../../views/status';
import type { reportForStaff } from '../backoffice.queries';
import { WHO_MAX } from '../backoffice.service';
import { eventLabel, type HistoryEntry, plainStatus, type T, tr } from './common';

export type StaffReport = NonNullable<Awaited<ReturnType<typeof reportForStaff>>>;

export interface StaffPhoto {
  id: number;
  width: number;
  height: number;
  status: 'pending' | 'approved' | 'hidden';
  redacted_from: number | null;
  has_redacted_copy: boolean;
}

export function photoStatusText(t: T, p: StaffPhoto): string {
  const parts = [t(`photo.status.${p.status}`)];
  if (p.redacted_from) parts.push(t('photo.redactedFrom', { id: p.redacted_from }));
  if (p.has_redacted_copy) parts.push(t('photo.hasCopy'));
  return parts.join(' · ');
}

/** Thumbnail size from the stored size of the large variant, so the page does not jump while loading. */
export function thumbSize(p: { width: number; height: number }, max = 480): { width: number; height: number } {
  const width = Math.min(max, p.width);
  return { width, height: Math.max(1, Math.round((width / p.width) * p.height)) };
}

function ActionForm({
  ctx,
  id,
  action,
  title,
  headingId,
  children,
}: {
  ctx: RequestContext;
  id: number;
  action: string;
  title: string;
  headingId: string;
  children: Children;
}) {
  return (
    <section class="k-card" aria-labelledby={headingId}>
      <h3 class="k-card__title" id={headingId}>
        {title}
      </h3>
      <form method="post" action={`/verwaltung/meldungen/${id}/${action}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {children}
      </form>
    </section>
  );
}

export function ReportDetailPage(props: {
  ctx: RequestContext;
  report: StaffReport;
  photos: StaffPhoto[];
  events: HistoryEntry[];
  answers: Array<{ label: string; value: string }>;
  categories: Array<{ id: number; name: string }>;
  departments: Array<{ id: number; name: string }>;
  templates: Array<{ id: number; title: string }>;
  templateId: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  const { ctx, report: r, values } = props;
  const [t, tp] = tr(ctx);
  const errors = props.errors ?? {};
  const v = (name: string) => values[name] ?? '';
  const category = ctx.locale === 'de' ? r.category_de : r.category_en;
  const title = `${t('detail.title', { id: r.id })}: ${category}`;
  const targets = allowedTransitions(r.status).filter((s) => s !== 'unconfirmed');
  const closed = r.status === 'closed';
  const date = (d: Date | null) => (d ? formatDateTime(new Date(d), ctx.locale) : '–');
  const none = <span class="k-hint">{t('contact.none')}</span>;
  return (
    <BackOfficeFrame ctx={ctx} title={title}>
      <p>
        <a href="/verwaltung/meldungen">{t('detail.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary title={tp('errorSummaryTitle')} errors={errors} />
      <p>
        <ReportStatusBadge locale={ctx.locale} report={r} />{' '}
        {isPublic(r) ? <a href={`/meldungen/${r.id}`}>{t('detail.publicPage')}</a> : <span>{t('detail.notPublic')}</span>}
        {' · '}
        <a href={noteTranslationPath(r.id)}>{translator(languageMessages, ctx.locale)('tx.link')}</a>
      </p>

      <section aria-labelledby="report-title">
        <h2 id="report-title">{t('section.report')}</h2>
        <p class="k-pre">{r.description}</p>
        <dl class="k-dl">
          <dt>{t('field.category')}</dt>
          <dd>{category}</dd>
          <dt>{t('field.department')}</dt>
          <dd>{r.department ?? t('noDepartment')}</dd>
          <dt>{t('field.district')}</dt>
          <dd>{r.district ?? t('noDistrict')}</dd>
          <dt>{t('field.received')}</dt>
          <dd>{date(r.created_at)}</dd>
          <dt>{t('field.updated')}</dt>
          <dd>{date(r.updated_at)}</dd>
          {r.fixed_at && (
            <>
              <dt>{t('field.fixed')}</dt>
              <dd>{date(r.fixed_at)}</dd>
            </>
          )}
          <dt>{t('field.supporters')}</dt>
          <dd>{r.supporters_count}</dd>
          {r.duplicate_of && (
            <>
              <dt>{t('field.duplicateOf')}</dt>
              <dd>
                <a href={`/verwaltung/meldungen/${r.duplicate_of}`}>#{r.duplicate_of}</a>
              </dd>
            </>
          )}
          {r.close_note && (
            <>
              <dt>{t('field.closeNote')}</dt>
              <dd class="k-pre">{r.close_note}</dd>
            </>
          )}
          {r.hidden && (
            <>
              <dt>{t('field.hidden')}</dt>
              <dd>{t('yes')}</dd>
            </>
          )}
        </dl>
        {props.answers.length > 0 && (
          <>
            <h3>{t('field.answers')}</h3>
            <DescriptionList items={props.answers} />
          </>
        )}
      </section>

      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('section.contact')}</h2>
        <dl class="k-dl">
          <dt>{t('contact.name')}</dt>
          <dd>{r.reporter_name || none}</dd>
          <dt>{t('contact.email')}</dt>
          <dd>{r.reporter_email ? <a href={`mailto:${r.reporter_email}`}>{r.reporter_email}</a> : none}</dd>
          <dt>{t('contact.phone')}</dt>
          <dd>{r.reporter_phone || none}</dd>
          <dt>{t('contact.showName')}</dt>
          <dd>{r.show_name ? t('yes') : t('no')}</dd>
        </dl>
      </section>

      <section aria-labelledby="location-title">
        <h2 id="location-title">{t('section.location')}</h2>
        <dl class="k-dl">
          {r.address && (
            <>
              <dt>{t('field.address')}</dt>
              <dd>{r.address}</dd>
            </>
          )}
          <dt>{t('field.coordinates')}</dt>
          <dd>
            <span lang="en">
              {r.lat.toFixed(6)}, {r.lon.toFixed(6)}
            </span>
            {!r.location_precise && <p class="k-hint">{t('field.locationApprox')}</p>}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="photos-title" id={fieldId('photo')} tabIndex={-1}>
        <h2 id="photos-title">{t('section.photos')}</h2>
        {errors.photo && <p class="k-field__error">{errors.photo}</p>}
        {props.photos.length === 0 ? (
          <p>{t('photos.none')}</p>
        ) : (
          <ul class="k-cards">
            {props.photos.map((p) => (
              <li class="k-card">
                <h3 class="k-card__title">{t('photo.title', { id: p.id })}</h3>
                <div class="k-table-wrap">
                  <a href={`/verwaltung/meldungen/${r.id}/fotos/${p.id}`}>
                    <img src={`/verwaltung/fotos/${p.id}/thumb.jpg`} alt={t('photo.alt', { id: p.id })} {...thumbSize(p, 320)} loading="lazy" />
                  </a>
                </div>
                <p>{photoStatusText(t, p)}</p>
                <div class="k-actions">
                  <a href={`/verwaltung/meldungen/${r.id}/fotos/${p.id}`}>
                    {t('photo.open')}
                    <span class="k-visually-hidden"> ({t('photo.title', { id: p.id })})</span>
                  </a>
                  <PhotoButtons ctx={ctx} t={t} reportId={r.id} photo={p} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="work-title" class="k-section">
        <h2 id="work-title">{t('section.work')}</h2>
        {r.status === 'new' && (
          <ActionForm ctx={ctx} id={r.id} action="annehmen" title={t('action.confirm')} headingId="confirm-title">
            <p class="k-hint">{t('action.confirmHint')}</p>
            <Button>{t('action.confirm')}</Button>
          </ActionForm>
        )}
        <ActionForm ctx={ctx} id={r.id} action="status" title={t('action.status')} headingId="status-title">
          {targets.length === 0 ? (
            <p>{t('action.noTransition')}</p>
          ) : (
            <>
              <Select
                name="status"
                label={t('action.statusLabel')}
                value={v('status')}
                error={errors.status}
                options={targets.map((s) => ({ value: s, label: plainStatus(ctx.locale, s) }))}
              />
              <TextArea
                name="statusNote"
                label={t('action.statusNote')}
                hint={t('action.statusNoteHint')}
                optionalLabel={tp('optional')}
                value={v('statusNote')}
                error={errors.statusNote}
                rows={3}
                maxLength={LIMITS.noteMax}
              />
              <Button variant="secondary">{t('action.statusSubmit')}</Button>
            </>
          )}
        </ActionForm>
        <ActionForm ctx={ctx} id={r.id} action="kategorie" title={t('action.category')} headingId="category-title">
          <Select
            name="categoryId"
            label={t('action.categoryLabel')}
            value={v('categoryId') || String(r.category_id)}
            error={errors.categoryId}
            options={props.categories.map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <Button variant="secondary">{t('action.categorySubmit')}</Button>
        </ActionForm>
        <ActionForm ctx={ctx} id={r.id} action="abteilung" title={t('action.department')} headingId="department-title">
          <Select
            name="departmentId"
            label={t('action.departmentLabel')}
            hint={t('action.departmentHint')}
            value={v('departmentId') || String(r.department_id ?? '')}
            error={errors.departmentId}
            options={[
              ...(r.department_id ? [] : [{ value: '', label: t('noDepartment') }]),
              ...props.departments.map((d) => ({ value: String(d.id), label: d.name })),
            ]}
          />
          <Button variant="secondary">{t('action.departmentSubmit')}</Button>
        </ActionForm>
      </section>

      <section aria-labelledby="notes-title" class="k-section">
        <h2 id="notes-title">{t('section.notes')}</h2>
        <section class="k-card" aria-labelledby="public-note-title" id="public-note">
          <h3 class="k-card__title" id="public-note-title">
            {t('action.publicNote')}
          </h3>
          {props.templates.length > 0 && (
            <form method="get" action={`/verwaltung/meldungen/${r.id}#public-note`}>
              <Select
                name="vorlage"
                label={t('action.template')}
                hint={t('action.templateHint')}
                value={props.templateId}
                options={[{ value: '', label: t('action.templateNone') }, ...props.templates.map((tpl) => ({ value: String(tpl.id), label: tpl.title }))]}
              />
              <Button variant="secondary">{t('action.templateUse')}</Button>
            </form>
          )}
          <form method="post" action={`/verwaltung/meldungen/${r.id}/nachricht`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea
              name="publicNote"
              label={t('action.publicNoteLabel')}
              hint={t('action.publicNoteHint')}
              value={v('publicNote')}
              error={errors.publicNote}
              rows={5}
              maxLength={LIMITS.noteMax}
            />
            <Button>{t('action.publicNoteSubmit')}</Button>
          </form>
        </section>
        <ActionForm ctx={ctx} id={r.id} action="notiz" title={t('action.internalNote')} headingId="internal-note-title">
          <TextArea
            name="internalNote"
            label={t('action.internalNoteLabel')}
            hint={t('action.internalNoteHint')}
            value={v('internalNote')}
            error={errors.internalNote}
            rows={3}
            maxLength={LIMITS.noteMax}
          />
          <Button variant="secondary">{t('action.internalNoteSubmit')}</Button>
        </ActionForm>
      </section>

      <section aria-labelledby="close-title" class="k-section">
        <h2 id="close-title">{t('section.close')}</h2>
        {closed ? (
          <p>{t('action.closedHint')}</p>
        ) : (
          <>
            <ActionForm ctx={ctx} id={r.id} action="doppelt" title={t('action.duplicate')} headingId="duplicate-title">
              <TextInput
                name="duplicateOf"
                label={t('action.duplicateOf')}
                hint={t('action.duplicateHint')}
                value={v('duplicateOf')}
                error={errors.duplicateOf}
                inputMode="numeric"
                width="short"
                maxLength={12}
              />
              <TextArea
                name="duplicateNote"
                label={t('action.duplicateNote')}
                optionalLabel={tp('optional')}
                value={v('duplicateNote')}
                error={errors.duplicateNote}
                rows={3}
                maxLength={LIMITS.noteMax}
              />
              <Button variant="warning">{t('action.duplicateSubmit')}</Button>
            </ActionForm>
            <ActionForm ctx={ctx} id={r.id} action="ablehnen" title={t('action.reject')} headingId="reject-title">
              <TextArea
                name="rejectReason"
                label={t('action.rejectReason')}
                hint={t('action.rejectHint')}
                value={v('rejectReason')}
                error={errors.rejectReason}
                rows={3}
                maxLength={LIMITS.noteMax}
              />
              <Button variant="warning">{t('action.rejectSubmit')}</Button>
            </ActionForm>
            <ActionForm ctx={ctx} id={r.id} action="nicht-zustaendig" title={t('action.notResponsible')} headingId="not-responsible-title">
              <TextInput name="who" label={t('action.who')} hint={t('action.whoHint')} value={v('who')} error={errors.who} maxLength={WHO_MAX} />
              <TextArea
                name="notResponsibleNote"
                label={t('action.notResponsibleNote')}
                optionalLabel={tp('optional')}
                value={v('notResponsibleNote')}
                error={errors.notResponsibleNote}
                rows={3}
                maxLength={LIMITS.noteMax}
              />
              <Button variant="warning">{t('action.notResponsibleSubmit')}</Button>
            </ActionForm>
          </>
        )}
      </section>

      <section aria-labelledby="history-title" class="k-section">
        <h2 id="history-title">{t('section.history')}</h2>
        <Timeline
          variant="cards"
          events={props.events.map((e) => ({
            at: e.created_at,
            kind: e.public ? t('history.public') : t('history.internal'),
            actor: e.actor_name || e.actor_email ? t('history.by', { name: e.actor_name || e.actor_email || '' }) : t('history.system'),
            text: eventLabel(ctx.locale, e),
            body: e.body,
          }))}
        />
      </section>
    </BackOfficeFrame>
  );
}

export function PhotoButtons({ ctx, t, reportId, photo: p }: { ctx: RequestContext; t: T; reportId: number; photo: StaffPhoto }) {
  const label = <span class="k-visually-hidden"> ({t('photo.title', { id: p.id })})</span>;
  return (
    <>
      {p.status !== 'approved' && !p.has_redacted_copy && (
        <form method="post" action={`/verwaltung/meldungen/${reportId}/fotos/${p.id}/freigeben`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="k-button k-button--small">
            {t('photo.approve')}
            {label}
          </button>
        </form>
      )}
      {p.status !== 'hidden' && (
        <form method="post" action={`/verwaltung/meldungen/${reportId}/fotos/${p.id}/verbergen`}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="k-button k-button--secondary k-button--small">
            {t('photo.hide')}
            {label}
          </button>
        </form>
      )}
    </>
  );
}
