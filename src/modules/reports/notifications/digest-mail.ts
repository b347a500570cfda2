import { isLocale, type Locale, translator } from '../../../platform/i18n';
import { contentFor } from '../../../platform/i18n/content-translations';
import { enqueueMail } from '../../../platform/mail/outbox';
import { accountSectionMessages } from '../account-section.messages';
import { REPORT_EVENT_BODY } from '../note-translations';
import { statusLabel } from '../views/status';
import * as dq from './digest-mail.queries';
import { notificationMessages } from './notifications.messages';
import { BATCH_MINUTES, eventLines, type MailEvent, NOT_MAILED_KINDS, type StatusMailDeps, unsubscribeToken } from './status-mail';
import * as q from './status-mail.queries';

// Daily and weekly digests: a resident who chose them in "Mein Konto" gets the news of every report they follow in
// one mail a day or a week, instead of a mail per report 10 minutes after each change (status-mail.ts passes them
// over). Same rules as the status mails otherwise: only public events, a hidden or unconfirmed report is no news,
// and each follower's pointer moves in the same transaction as the outbox row.

const NEWS: q.NewsRule = { batchMinutes: BATCH_MINUTES, notMailedKinds: NOT_MAILED_KINDS };

interface Part {
  report: Awaited<ReturnType<typeof q.reportForMail>>;
  events: MailEvent[];
  reportUrl: string;
  unsubscribeUrl: string;
  translations: Map<number, string> | undefined;
}

function partText(locale: Locale, p: Part): string[] {
  const td = translator(accountSectionMessages, locale);
  const tn = translator(notificationMessages, locale);
  const lines = [td('digest.report', { id: p.report.id, category: locale === 'de' ? p.report.name_de : p.report.name_en })];
  lines.push(...eventLines(locale, p.events, p.translations));
  lines.push(
    tn('mail.updateState', { status: statusLabel(locale, { status: p.report.status, close_reason: p.report.close_reason }) }),
    tn('mail.updateLink', { link: p.reportUrl }),
    td('digest.unsubscribe', { link: p.unsubscribeUrl }),
  );
  return lines;
}

function digestText(locale: Locale, digest: 'daily' | 'weekly', city: string, parts: Part[], settingsUrl: string): string {
  const td = translator(accountSectionMessages, locale);
  return [
    td(`digest.intro.${digest}`),
    '',
    ...parts.flatMap((p) => [...partText(locale, p), '']),
    td('digest.settings', { link: settingsUrl }),
    '',
    translator(notificationMessages, locale)('mail.greeting', { city }),
  ].join('\n');
}

/** One digest: in the account's language, else German with English below (accounts from before languages were kept). */
export function digestMail(locale: Locale | null, digest: 'daily' | 'weekly', city: string, parts: Part[], settingsUrl: string) {
  const subject = (l: Locale) => translator(accountSectionMessages, l)('digest.subject', { n: parts.length });
  if (locale) return { subject: `${subject(locale)} – ${city}`, text: digestText(locale, digest, city, parts, settingsUrl) };
  const german = parts.map((p) => ({ ...p, translations: undefined }));
  return {
    subject: `${subject('de')} / ${subject('en')} – ${city}`,
    text: [
      translator(notificationMessages, 'de')('mail.englishBelow'),
      '',
      digestText('de', digest, city, german, settingsUrl),
      '',
      '-------------------- English --------------------',
      '',
      digestText('en', digest, city, german, settingsUrl),
    ].join('\n'),
  };
}

/**
 * Sends the digests that are due. Each account in its own transaction: its settings row and its follower rows are
 * locked (SKIP LOCKED), the news old enough is read under the lock, one mail goes into the outbox, every pointer
 * moves and the digest's time is kept — all or nothing. Returns the number of mails written.
 */
export async function sendDigests(deps: StatusMailDeps, batch = 100): Promise<number> {
  const { db } = deps;
  let mails = 0;
  for (const candidate of await dq.dueDigests(db, NEWS, batch)) {
    const city = candidate.organization_id;
    const sent = await db.transaction().execute(async (trx) => {
      const account = await dq.lockDueDigest(trx, city, candidate.user_id);
      if (!account) return false;
      const locale = isLocale(account.locale) ? account.locale : null;
      const lang = locale ? `?lang=${locale}` : '';
      const parts: Part[] = [];
      let cityName = '';
      for (const follower of await dq.lockFollowersOf(trx, city, account.email)) {
        const unsent = await q.unsentNews(trx, city, NEWS, follower.report_id, follower.last_notified_event_id);
        // News younger than the batching window waits for the next digest (staff may still be at work on it).
        const firstUnripe = unsent.findIndex((e) => !e.ripe);
        const events = firstUnripe === -1 ? unsent : unsent.slice(0, firstUnripe);
        if (events.length === 0) continue;
        const report = await q.reportForMail(trx, city, follower.report_id);
        cityName = report.city;
        if (!report.hidden && report.status !== 'unconfirmed') {
          const translations = locale
            ? await contentFor(
                trx,
                city,
                REPORT_EVENT_BODY,
                events.map((e) => e.id),
                locale,
              )
            : undefined;
          parts.push({
            report,
            events,
            reportUrl: new URL(`/meldungen/${report.id}${lang}`, deps.publicUrl).href,
            unsubscribeUrl: new URL(`/meldungen/abbestellen/${unsubscribeToken(deps.secret, follower.unsubscribe_token_hash)}${lang}`, deps.publicUrl).href,
            translations,
          });
        }
        const moved = await q.moveFollowerPointer(trx, city, {
          reportId: follower.report_id,
          email: follower.email,
          from: follower.last_notified_event_id,
          to: events[events.length - 1]!.id,
        });
        if (moved !== 1) throw new Error('follower pointer moved under a lock');
      }
      if (parts.length === 0) return false;
      const mail = digestMail(locale, account.digest, cityName, parts, new URL(`/konto${lang}#konto-benachrichtigungen`, deps.publicUrl).href);
      await enqueueMail(trx, { organization_id: city, to_address: account.email, subject: mail.subject, text_body: mail.text, html_body: null });
      await dq.markDigestSent(trx, city, candidate.user_id);
      return true;
    });
    if (sent) mails++;
  }
  return mails;
}
