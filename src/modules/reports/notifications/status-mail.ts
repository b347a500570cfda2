import type { CloseReason, ReportStatus } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import { followedByToken, unsubscribeByToken, unsubscribeToken, verifyUnsubscribeToken } from '../../../platform/engagement/unsubscribe';
import { formatDateTime, isLocale, type Locale, translator } from '../../../platform/i18n';
import { contentFor } from '../../../platform/i18n/content-translations';
import { languageMessages } from '../../../platform/i18n/language-messages';
import { enqueueMail } from '../../../platform/mail/outbox';
import { messages } from '../messages';
import { REPORT_EVENT_BODY } from '../note-translations';
import { FOLLOWERS } from '../report.queries';
import { statusLabel } from '../views/status';
import { notificationMessages } from './notifications.messages';
import * as q from './status-mail.queries';

// Status emails to the reporter and followers. The job reads report_events only (no coupling to whoever
// wrote them): a follower is due when its oldest unsent public event is BATCH_MINUTES old; one mail then
// lists every unsent public event, and last_notified_event_id moves in the same transaction as the outbox row.

export const BATCH_MINUTES = 10;

/** Public events that are not news to a follower: the report's own creation and confirmation. */
export const NOT_MAILED_KINDS = ['created', 'confirmed'];

// ---------------------------------------------------------------------------------------------------------
// Unsubscribe links: the platform's (platform/engagement/unsubscribe.ts) over report_followers.

// The mails, the tests and the demo seeds sign and check report links under these names.
export { unsubscribeToken, verifyUnsubscribeToken };

export async function followerForToken(db: Db, secret: string, organizationId: number, token: string) {
  const reportId = await followedByToken(db, FOLLOWERS, secret, organizationId, token);
  return reportId === undefined ? undefined : { report_id: reportId, organization_id: organizationId };
}

export function unsubscribe(db: Db, secret: string, organizationId: number, token: string): Promise<number | null> {
  return unsubscribeByToken(db, FOLLOWERS, secret, organizationId, token);
}

// ---------------------------------------------------------------------------------------------------------
// Mail text (plain text: nothing to escape; only public events and public report fields go in).

export interface MailEvent {
  id: number;
  kind: string;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  body: string;
  data: unknown;
  created_at: Date;
}

export function eventLine(locale: Locale, e: MailEvent): string {
  const t = translator(messages, locale);
  const tn = translator(notificationMessages, locale);
  const data = (e.data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const label = (s: ReportStatus | null) => (s ? statusLabel(locale, { status: s, close_reason: (data.closeReason as CloseReason | undefined) ?? null }) : '–');
  switch (e.kind) {
    case 'status':
    case 'reopened':
      return e.from_status && e.to_status
        ? t('event.status', { from: label(e.from_status), to: label(e.to_status) })
        : t(e.kind === 'status' ? 'event.public_note' : 'event.reopened');
    case 'category':
      return t('event.category', { to: str(locale === 'de' ? data.toDe : (data.toEn ?? data.toDe)) });
    case 'department':
      return t('event.department', { to: str(data.to) });
    case 'duplicate':
      return t('event.duplicate', { of: str(data.of) });
    case 'not_responsible':
      return t('event.not_responsible', { who: str(data.who) });
    case 'questionnaire': {
      const answer = data.answer === 'yes' || data.answer === 'no' || data.answer === 'unknown' ? data.answer : 'unknown';
      return tn(`mail.event.questionnaire.${answer}`);
    }
    case 'rejected':
    case 'public_note':
    case 'photo_approved':
    case 'measure':
      return t(`event.${e.kind}`);
    default:
      // A public kind added later: say that something happened rather than leak a code name.
      return t('event.public_note');
  }
}

export interface UpdateMailInput {
  city: string;
  reportId: number;
  category: { de: string; en: string };
  status: ReportStatus;
  closeReason: CloseReason | null;
  events: MailEvent[];
  reportUrl: string;
  unsubscribeUrl: string;
  /** What staff wrote, translated into the mail's language, by event id (a mail in one language only). */
  translations?: Map<number, string>;
}

/**
 * A report's news as mail lines: each event with its time, then what staff wrote (indented), translated into the
 * mail's language where a translation exists. Status mails and digests both write news this way.
 */
export function eventLines(locale: Locale, events: MailEvent[], translations: Map<number, string> | undefined): string[] {
  const lines: string[] = [];
  for (const e of events) {
    lines.push(`– ${formatDateTime(new Date(e.created_at), locale)}: ${eventLine(locale, e)}`);
    const body = e.body.trim();
    const translated = translations?.get(e.id)?.trim();
    // Staff write German; without a translation the German text comes with a note in the mail's language.
    if (body && locale !== 'de' && !translated) lines.push(`  (${translator(languageMessages, locale)('germanOnly')})`);
    const text = translated || body;
    if (text) lines.push(...text.split(/\r?\n/).map((l) => `  ${l}`));
  }
  return lines;
}

function section(locale: Locale, m: UpdateMailInput): string {
  const tn = translator(notificationMessages, locale);
  const lines = [tn('mail.updateIntro', { id: m.reportId, category: locale === 'de' ? m.category.de : m.category.en }), ''];
  lines.push(...eventLines(locale, m.events, m.translations));
  lines.push(
    '',
    tn('mail.updateState', { status: statusLabel(locale, { status: m.status, close_reason: m.closeReason }) }),
    tn('mail.updateLink', { link: m.reportUrl }),
  );
  lines.push('', tn('mail.updateWhy'), m.unsubscribeUrl, '', tn('mail.greeting', { city: m.city }));
  return lines.join('\n');
}

/** In the follower's language; German first and English below when it is not known (rows from before 0021). */
export function updateMail(m: UpdateMailInput, locale: Locale | null = null): { subject: string; text: string } {
  if (locale) {
    const t = translator(notificationMessages, locale);
    return { subject: `${t('mail.updateSubject', { id: m.reportId })} – ${m.city}`, text: section(locale, m) };
  }
  const bilingual = { ...m, translations: undefined };
  const de = translator(notificationMessages, 'de');
  const en = translator(notificationMessages, 'en');
  return {
    subject: `${de('mail.updateSubject', { id: m.reportId })} / ${en('mail.updateSubject', { id: m.reportId })} – ${m.city}`,
    text: [de('mail.englishBelow'), '', section('de', bilingual), '', '-------------------- English --------------------', '', section('en', bilingual)].join(
      '\n',
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The job.

export interface StatusMailDeps {
  db: Db;
  secret: string;
  publicUrl: URL;
}

const NEWS: q.NewsRule = { batchMinutes: BATCH_MINUTES, notMailedKinds: NOT_MAILED_KINDS };

/** Followers of every city whose oldest unsent public news is old enough (re-checked under lock when sent). */
export function dueFollowers(db: Db, limit: number) {
  return q.dueFollowers(db, NEWS, limit);
}

/**
 * Sends what is due. Each follower is handled in its own transaction: the row is locked with SKIP LOCKED (a
 * second process passes over it), the events are read again under the lock, the mail goes into the outbox and
 * the pointer moves — all or nothing. Returns the number of mails written.
 */
export async function sendStatusMails(deps: StatusMailDeps, batch = 200): Promise<number> {
  const { db } = deps;
  let mails = 0;
  for (const candidate of await dueFollowers(db, batch)) {
    const city = candidate.organization_id;
    const sent = await db.transaction().execute(async (trx) => {
      const follower = await q.lockFollower(trx, city, candidate.report_id, candidate.email);
      if (!follower) return false;
      const events = await q.unsentNews(trx, city, NEWS, follower.report_id, follower.last_notified_event_id);
      if (events.length === 0 || !events[0]!.ripe) return false;
      // The account with this address may want a digest instead (the digest job sends it) or no status mails at
      // all (then the news is passed over: switching mails on again does not bring old news).
      const choice = await q.followerMailChoice(trx, city, follower.email);
      if (choice.statusMails && choice.digest !== 'immediately') return false;
      const report = await q.reportForMail(trx, city, follower.report_id);
      const last = events[events.length - 1]!.id;
      // A hidden or unconfirmed report has no public page: its changes are not news to pass on.
      const mailed = choice.statusMails && !report.hidden && report.status !== 'unconfirmed';
      if (mailed) {
        const stored = await q.followerLocale(trx, city, follower.report_id, follower.email);
        const locale = isLocale(stored) ? stored : null;
        const translations = locale
          ? await contentFor(
              trx,
              city,
              REPORT_EVENT_BODY,
              events.map((e) => e.id),
              locale,
            )
          : undefined;
        // Links open in the mail's language (the report page reads ?lang=).
        const lang = locale ? `?lang=${locale}` : '';
        const mail = updateMail(
          {
            city: report.city,
            reportId: report.id,
            category: { de: report.name_de, en: report.name_en },
            status: report.status,
            closeReason: report.close_reason,
            events,
            reportUrl: new URL(`/meldungen/${report.id}${lang}`, deps.publicUrl).href,
            unsubscribeUrl: new URL(`/meldungen/abbestellen/${unsubscribeToken(deps.secret, follower.unsubscribe_token_hash)}${lang}`, deps.publicUrl).href,
            ...(translations ? { translations } : {}),
          },
          locale,
        );
        await enqueueMail(trx, {
          organization_id: report.organization_id,
          to_address: follower.email,
          subject: mail.subject,
          text_body: mail.text,
          html_body: null,
        });
      }
      const moved = await q.moveFollowerPointer(trx, city, {
        reportId: follower.report_id,
        email: follower.email,
        from: follower.last_notified_event_id,
        to: last,
      });
      if (moved !== 1) throw new Error('follower pointer moved under a lock');
      return mailed;
    });
    if (sent) mails++;
  }
  return mails;
}
