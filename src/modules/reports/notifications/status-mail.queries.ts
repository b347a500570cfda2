import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, ReportEventsTable } from '../../../db-schema';
import type { Db, Trx } from '../../../platform/db/connect';

// SQL of the status mails. `news` says which events are news to a follower and how old the oldest must be
// (status-mail.ts owns those rules). The unsubscribe lookups are the platform's (platform/engagement).

export interface NewsRule {
  batchMinutes: number;
  /** Public event kinds that are not news (the report's own creation and confirmation). */
  notMailedKinds: string[];
}

const publicNews = (news: NewsRule) => (eb: ExpressionBuilder<Database & { e: ReportEventsTable }, 'e'>) =>
  eb.and([eb('e.public', '=', true), eb('e.kind', 'not in', news.notMailedKinds)]);

/**
 * Over the follower row `f`: its address has an account that wants news as a daily or weekly digest (account mail
 * settings, migration 0026). Such followers wait for the digest job (digest-mail.ts) instead of the 10-minute mail.
 */
const inDigest = sql<boolean>`EXISTS (SELECT 1 FROM users u JOIN account_mail_settings s ON s.organization_id = u.organization_id AND s.user_id = u.id
  WHERE u.organization_id = f.organization_id AND u.email = f.email AND s.status_mails AND s.digest <> 'immediately')`;

/** Followers whose oldest unsent public event is old enough, in every city: a cheap scan, each is re-checked under lock. */
export function dueFollowers(db: Db, news: NewsRule, limit: number) {
  return db
    .selectFrom('report_followers as f')
    .innerJoin('report_events as e', (j) =>
      j.onRef('e.organization_id', '=', 'f.organization_id').onRef('e.report_id', '=', 'f.report_id').onRef('e.id', '>', 'f.last_notified_event_id'),
    )
    .select(['f.organization_id', 'f.report_id', 'f.email'])
    .where(publicNews(news))
    .where(sql<boolean>`NOT ${inDigest}`)
    .groupBy(['f.organization_id', 'f.report_id', 'f.email'])
    .having(sql<boolean>`min(e.created_at) <= now() - make_interval(mins => ${news.batchMinutes})`)
    .orderBy('f.report_id')
    .limit(limit)
    .execute();
}

/** The follower row, locked for this transaction; undefined when another process holds it (SKIP LOCKED). */
export function lockFollower(trx: Trx, organizationId: number, reportId: number, email: string) {
  return trx
    .selectFrom('report_followers')
    .select(['report_id', 'email', 'last_notified_event_id', 'unsubscribe_token_hash'])
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', reportId)
    .where('email', '=', email)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Public news after the follower's pointer, oldest first; `ripe` when old enough to be mailed. */
export function unsentNews(db: Db, organizationId: number, news: NewsRule, reportId: number, afterEventId: number) {
  return db
    .selectFrom('report_events as e')
    .select([
      'e.id',
      'e.kind',
      'e.from_status',
      'e.to_status',
      'e.body',
      'e.data',
      'e.created_at',
      sql<boolean>`e.created_at <= now() - make_interval(mins => ${news.batchMinutes})`.as('ripe'),
    ])
    .where('e.organization_id', '=', organizationId)
    .where('e.report_id', '=', reportId)
    .where('e.id', '>', afterEventId)
    .where(publicNews(news))
    .orderBy('e.id')
    .execute();
}

export function reportForMail(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.id', 'r.organization_id', 'r.status', 'r.close_reason', 'r.hidden', 'c.name_de', 'c.name_en', 'o.name as city'])
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', reportId)
    .executeTakeFirstOrThrow();
}

/** Moves the follower's pointer, only from where it was read: 1 on success. */
export async function moveFollowerPointer(db: Db, organizationId: number, f: { reportId: number; email: string; from: number; to: number }): Promise<number> {
  const moved = await db
    .updateTable('report_followers')
    .set({ last_notified_event_id: f.to, notify_after: null })
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', f.reportId)
    .where('email', '=', f.email)
    .where('last_notified_event_id', '=', f.from)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/**
 * The language to write to a follower in: the account's with that address (their current choice), else the one
 * kept when they followed, else the report's when they are its reporter; null for rows from before languages were
 * kept (the mail is then German with English below).
 */
export async function followerLocale(db: Db, organizationId: number, reportId: number, email: string): Promise<string | null> {
  const row = await sql<{ locale: string | null }>`
    SELECT coalesce(u.locale, f.locale, CASE WHEN r.reporter_email = f.email THEN r.locale END) AS locale
    FROM report_followers f
    JOIN reports r ON r.id = f.report_id AND r.organization_id = f.organization_id
    LEFT JOIN users u ON u.organization_id = f.organization_id AND u.email = f.email
    WHERE f.organization_id = ${organizationId} AND f.report_id = ${reportId} AND f.email = ${email}`.execute(db);
  return row.rows[0]?.locale ?? null;
}

/**
 * What the account with the follower's address wants (account mail settings, migration 0026): status mails at all,
 * and how often. An address without an account, or an account that never chose, gets every change after 10 minutes.
 */
export async function followerMailChoice(db: Db, organizationId: number, email: string): Promise<{ statusMails: boolean; digest: string }> {
  const row = await sql<{ status_mails: boolean; digest: string }>`
    SELECT s.status_mails, s.digest FROM users u
    JOIN account_mail_settings s ON s.organization_id = u.organization_id AND s.user_id = u.id
    WHERE u.organization_id = ${organizationId} AND u.email = ${email}`.execute(db);
  const found = row.rows[0];
  return found ? { statusMails: found.status_mails, digest: found.digest } : { statusMails: true, digest: 'immediately' };
}
