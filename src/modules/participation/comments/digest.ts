import type { Db } from '../../../platform/db/connect';
import { unsubscribeToken } from '../../../platform/engagement/unsubscribe';
import { isLocale, type Locale, translator } from '../../../platform/i18n';
import { enqueueMail } from '../../../platform/mail/outbox';
import type { ModuleRegistry } from '../../../platform/module';
import * as dq from './digest.queries';
import { type ItemEvent, type ParticipationItemKind, participationItemKind } from './item-kind';
import { commentMessages } from './messages';

// The participation digest: one mail per follower with the news of all items they follow since their last digest,
// at most once a day (or a week, as "Mein Konto" says; 'immediately' is daily here: no mail per comment). Nothing
// is sent when nothing happened, and nobody is told about their own comments. Each follower in one transaction:
// the digest row is locked (SKIP LOCKED, so two processes send once), the news read under the lock, the mail
// written to the outbox, the pointers moved and the time kept — all or nothing.

export interface DigestDeps {
  db: Db;
  modules: ModuleRegistry;
  secret: string;
  publicUrl: string | URL;
}

interface Part {
  title: string;
  lines: string[];
  url: string;
  unsubscribeUrl: string;
}

type Row = { event_type: string; data: unknown };

/** The news of one item as lines: comments counted, everything else one line each (the owner's words when it has them). */
export function eventLines(locale: Locale, owner: ParticipationItemKind, events: Row[]): string[] {
  const t = translator(commentMessages, locale);
  const lines: string[] = [];
  const comments = events.filter((e) => e.event_type === 'comment').length;
  if (comments > 0) lines.push(t('digest.comments', { n: comments }));
  for (const e of events) {
    if (e.event_type === 'comment') continue;
    const event: ItemEvent = { type: e.event_type, data: (e.data ?? {}) as ItemEvent['data'] };
    const own = owner.describeEvent?.(event, locale);
    if (own) lines.push(own);
    else if (e.event_type === 'official_answer') lines.push(t('digest.officialAnswer'));
    else if (e.event_type === 'status') lines.push(t('digest.status'));
    else lines.push(t('digest.news'));
  }
  return [...new Set(lines)];
}

export function digestMail(locale: Locale, digest: 'daily' | 'weekly', city: string, parts: Part[], settingsUrl: string) {
  const t = translator(commentMessages, locale);
  const text = [
    t(`digest.intro.${digest}`),
    '',
    ...parts.flatMap((p) => [
      t('digest.item', { title: p.title }),
      ...p.lines.map((l) => `- ${l}`),
      t('digest.link', { link: p.url }),
      t('digest.unsubscribe', { link: p.unsubscribeUrl }),
      '',
    ]),
    t('digest.settings', { link: settingsUrl }),
    '',
    t('digest.greeting', { city }),
  ].join('\n');
  return { subject: `${t('digest.subject', { n: parts.length })} – ${city}`, text };
}

/** Sends the digests that are due; returns how many mails were written. Safe to run in several processes at once. */
export async function sendParticipationDigests(deps: DigestDeps, batch = 100): Promise<number> {
  const { db } = deps;
  const owners = new Map(deps.modules.contributions(participationItemKind).map((k) => [k.kind, k]));
  let mails = 0;
  for (const candidate of await dq.dueParticipationDigests(db, batch)) {
    const city = candidate.organization_id;
    const sent = await db.transaction().execute(async (trx) => {
      const account = await dq.lockDueParticipationDigest(trx, city, candidate.user_id);
      if (!account) return false;
      const locale: Locale = isLocale(account.locale) ? account.locale : 'de';
      const lang = `?lang=${locale}`;
      const { follows, events } = await dq.followsWithNews(trx, city, candidate.user_id);
      const parts: Part[] = [];
      for (const f of follows) {
        const news = events.filter((e) => e.item_kind === f.item_kind && e.item_id === f.item_id);
        if (news.length === 0) continue;
        const told = news.filter((e) => e.actor_user_id !== candidate.user_id && !e.gone);
        const owner = owners.get(f.item_kind);
        const item = owner && told.length > 0 ? await owner.find(trx, city, f.item_id, locale) : null;
        if (owner && item) {
          parts.push({
            title: item.title,
            lines: eventLines(locale, owner, told),
            url: new URL(`${item.path}${lang}`, deps.publicUrl).href,
            unsubscribeUrl: new URL(`/beteiligung/abbestellen/${unsubscribeToken(deps.secret, f.unsubscribe_token_hash)}${lang}`, deps.publicUrl).href,
          });
        }
        // Own news, news of hidden or deleted comments and news of items that are gone are passed over for good.
        await dq.moveFollowPointer(trx, city, candidate.user_id, f.item_kind, f.item_id, news[news.length - 1]!.id);
      }
      if (parts.length === 0) return false;
      const cityName = await dq.cityName(trx, city);
      const mail = digestMail(locale, account.digest, cityName, parts, new URL(`/konto${lang}`, deps.publicUrl).href);
      await enqueueMail(trx, { organization_id: city, to_address: account.email, subject: mail.subject, text_body: mail.text, html_body: null });
      await dq.markParticipationDigestSent(trx, city, candidate.user_id);
      return true;
    });
    if (sent) mails++;
  }
  return mails;
}
