import type { CloseReason, ReportStatus } from '../../../../db-schema';
import type { RequestContext } from '../../../../platform/http/context';
import { type Locale, translator } from '../../../../platform/i18n';
import { platformMessages } from '../../../../platform/i18n/platform-messages';
import { statusLabel } from '../../views/status';
import { messages } from '../backoffice.messages';

export type T = ReturnType<typeof translator<keyof (typeof messages)['de']>>;
export type TP = ReturnType<typeof translator<keyof (typeof platformMessages)['de']>>;

export function tr(ctx: RequestContext): [T, TP] {
  return [translator(messages, ctx.locale), translator(platformMessages, ctx.locale)];
}

/** The label of a status as staff choose it (closed without a reason reads "Closed"). */
export function plainStatus(locale: Locale, status: ReportStatus): string {
  return statusLabel(locale, { status, close_reason: null });
}

export interface HistoryEntry {
  id: number;
  kind: string;
  public: boolean;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  body: string;
  data: unknown;
  created_at: Date;
  actor_name: string | null;
  actor_email: string | null;
}

/** One line per event kind, for the full (public and internal) history. */
export function eventLabel(locale: Locale, e: HistoryEntry): string {
  const t = translator(messages, locale);
  const data = (e.data ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (v === undefined || v === null || v === '' ? '–' : String(v));
  const status = (st: ReportStatus | null) =>
    st ? statusLabel(locale, { status: st, close_reason: st === 'closed' ? ((data.closeReason as CloseReason | undefined) ?? null) : null }) : '–';
  switch (e.kind) {
    case 'status':
    case 'reopened':
      return t(`ev.${e.kind}`, { from: status(e.from_status), to: status(e.to_status) });
    case 'category':
      return t('ev.category', {
        from: s(locale === 'de' ? data.fromDe : (data.fromEn ?? data.fromDe)),
        to: s(locale === 'de' ? data.toDe : (data.toEn ?? data.toDe)),
      });
    case 'department':
      return t('ev.department', { from: s(data.from), to: s(data.to) });
    case 'duplicate':
      return t('ev.duplicate', { of: s(data.of) });
    case 'duplicate_merged':
      return t('ev.duplicate_merged', { from: s(data.from) });
    case 'not_responsible':
      return t('ev.not_responsible', { who: s(data.who) });
    case 'photo_approved':
    case 'photo_hidden':
      return t(`ev.${e.kind}`, { photo: s(data.photoId) });
    case 'photo_redacted':
      return t('ev.photo_redacted', { photo: s(data.photoId), copy: s(data.newPhotoId) });
    case 'created':
    case 'confirmed':
    case 'rejected':
    case 'public_note':
    case 'internal_note':
    case 'measure':
    case 'questionnaire':
      return t(`ev.${e.kind}`);
    default:
      return e.kind;
  }
}

export function daysSince(date: Date, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(date).getTime()) / 86_400_000));
}
