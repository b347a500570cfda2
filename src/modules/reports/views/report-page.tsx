import type { CategoryKind, CloseReason, ReportStatus } from '../../../db-schema';
import type { RequestContext } from '../../../platform/http/context';
import { formatDateTime, type Locale, translator } from '../../../platform/i18n';
import { DescriptionList, Timeline } from '../../../platform/views/components';
import { Button, CsrfField, Notice } from '../../../platform/views/forms';
import { Layout } from '../../../platform/views/layout';
import type { Children } from '../../../platform/views/render';
import { messages } from '../messages';
import { publicState } from '../report';
import { ReportStatusBadge, statusLabel } from './status';

export interface ReportView {
  id: number;
  status: ReportStatus;
  close_reason: CloseReason | null;
  close_note: string | null;
  duplicate_of: number | null;
  lat: number;
  lon: number;
  location_precise: boolean;
  address: string;
  description: string;
  reporter_name: string;
  show_name: boolean;
  supporters_count: number;
  created_at: Date;
  category_de: string;
  category_en: string;
  category_kind: CategoryKind;
  district: string | null;
  department: string | null;
  /** The reporter's account: they see no "me too" on their own report. */
  user_id?: number | null;
}

export interface TimelineEntry {
  id: number;
  kind: string;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  body: string;
  data: unknown;
  created_at: Date;
}

export function categoryName(locale: Locale, r: { category_de: string; category_en: string }): string {
  return locale === 'de' ? r.category_de : r.category_en;
}

/** A timeline entry in words: the report page, Open311 and mails all describe events this one way. */
export function eventText(locale: Locale, e: Pick<TimelineEntry, 'kind' | 'from_status' | 'to_status' | 'data'>): string {
  const t = translator(messages, locale);
  const data = (e.data ?? {}) as Record<string, string | number | undefined>;
  const label = (s: ReportStatus | null) => (s ? statusLabel(locale, { status: s, close_reason: (data.closeReason as CloseReason | undefined) ?? null }) : '–');
  switch (e.kind) {
    case 'status':
      return t('event.status', { from: label(e.from_status), to: label(e.to_status) });
    case 'category':
      return t('event.category', { to: String(locale === 'de' ? (data.toDe ?? '') : (data.toEn ?? data.toDe ?? '')) });
    case 'department':
      return t('event.department', { to: String(data.to ?? '') });
    case 'duplicate':
      return t('event.duplicate', { of: String(data.of ?? '') });
    case 'not_responsible':
      return t('event.not_responsible', { who: String(data.who ?? '') });
    case 'created':
    case 'confirmed':
    case 'rejected':
    case 'public_note':
    case 'reopened':
    case 'photo_approved':
    case 'measure':
    case 'questionnaire':
      return t(`event.${e.kind}`);
    default:
      return e.kind;
  }
}

export function ReportPage(props: {
  ctx: RequestContext;
  report: ReportView;
  photos: Array<{ id: number; width: number; height: number }>;
  answers: Array<{ label: string; value: string }>;
  events: TimelineEntry[];
  supporting: boolean;
  following: boolean;
  notice?: string;
  /** Why a form sent from this page changed nothing. */
  problem?: string | undefined;
  map?: Children;
  /** What staff wrote on the timeline, translated into the page's language, by event id (none for German). */
  noteTranslations?: Map<number, string>;
}) {
  const { ctx, report: r } = props;
  const t = translator(messages, ctx.locale);
  const title = t('reportTitle', { id: r.id, category: categoryName(ctx.locale, r) });
  const open = ['new', 'confirmed', 'in_progress'].includes(r.status);
  const returnTo = encodeURIComponent(`/meldungen/${r.id}`);
  return (
    <Layout ctx={ctx} title={title}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.problem && <Notice>{props.problem}</Notice>}
      <h1>{title}</h1>
      <p class="k-meta">
        <ReportStatusBadge locale={ctx.locale} report={r} /> · {t('reportedOn', { date: formatDateTime(new Date(r.created_at), ctx.locale) })} · {t('district')}
        : {r.district ?? t('noDistrict')}
        {r.department && (
          <>
            {' '}
            · {t('department')}: {r.department}
          </>
        )}
      </p>
      {publicState(r) === 'closed:duplicate' && r.duplicate_of && (
        <Notice>
          <a href={`/meldungen/${r.duplicate_of}`}>{t('duplicateOf', { id: r.duplicate_of })}</a>
        </Notice>
      )}
      {/* What residents wrote, in whatever language and direction: dir="auto" lets a German text in an Arabic page
          (or an Arabic one in a German page) keep its own direction and punctuation. */}
      <p class="k-pre k-report__description" dir="auto">
        {r.description}
      </p>
      {r.address && <p dir="auto">{r.address}</p>}
      {r.show_name && r.reporter_name && <p class="k-hint">{t('reportedBy', { name: r.reporter_name })}</p>}
      {props.answers.length > 0 && (
        <>
          <h2>{t('answers')}</h2>
          <DescriptionList items={props.answers} />
        </>
      )}
      {props.map}
      {props.photos.length > 0 && (
        <ul class="k-photos">
          {props.photos.map((p, i) => (
            <li>
              <a href={`/fotos/${p.id}/large.jpg`}>
                <img
                  src={`/fotos/${p.id}/thumb.jpg`}
                  alt={t('photoAlt', { n: i + 1 })}
                  width={Math.min(480, p.width)}
                  height={Math.round((Math.min(480, p.width) / p.width) * p.height)}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t('supporters', { n: r.supporters_count })}</strong>
      </p>
      <div class="k-actions">
        {open &&
          (ctx.user ? (
            r.user_id === ctx.user.id ? (
              <p class="k-hint">{t('ownReport')}</p>
            ) : (
              !props.supporting && (
                <form method="post" action={`/meldungen/${r.id}/unterstuetzen`}>
                  <CsrfField token={ctx.csrfToken} />
                  <Button>{t('support')}</Button>
                </form>
              )
            )
          ) : (
            <a class="k-button" href={`/anmelden?return=${returnTo}`}>
              {t('supportSignIn')}
            </a>
          ))}
        {ctx.user ? (
          <form method="post" action={`/meldungen/${r.id}/${props.following ? 'nicht-mehr-folgen' : 'folgen'}`}>
            <CsrfField token={ctx.csrfToken} />
            <Button variant="secondary">{props.following ? t('unfollow') : t('follow')}</Button>
          </form>
        ) : (
          <a class="k-button k-button--secondary" href={`/anmelden?return=${returnTo}`}>
            {t('followSignIn')}
          </a>
        )}
      </div>
      {props.following && <p class="k-hint">{t('following')}</p>}
      <h2>{t('timeline')}</h2>
      <Timeline
        events={props.events.map((e) => ({
          at: e.created_at,
          text: eventText(ctx.locale, e),
          body: e.body,
          staffWritten: { translation: props.noteTranslations?.get(e.id) },
        }))}
      />
    </Layout>
  );
}
