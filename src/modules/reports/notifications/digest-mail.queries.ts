import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';
import type { NewsRule } from './status-mail.queries';

// The SQL of the daily and weekly digests (digest-mail.ts): accounts that chose them in "Mein Konto" (account mail
// settings, migration 0026) get the news of all reports they follow in one mail a day or a week.

/**
 * Over the settings row `s`: its digest period has passed since the last one. Ten minutes early is close enough, so
 * a digest sent a little after the hour does not push the next one later each time.
 */
const periodOver = sql<boolean>`(s.last_digest_at IS NULL OR s.last_digest_at <= now() - (CASE s.digest WHEN 'daily' THEN interval '1 day' ELSE interval '7 days' END - interval '10 minutes'))`;

/** Accounts of every city whose digest is due and that have news old enough to send (re-checked under lock). */
export async function dueDigests(db: Db, news: NewsRule, limit: number) {
  const result = await sql<{ organization_id: number; user_id: number }>`
    SELECT s.organization_id, s.user_id
    FROM account_mail_settings s
    JOIN users u ON u.id = s.user_id AND u.organization_id = s.organization_id
    WHERE s.status_mails AND s.digest <> 'immediately' AND ${periodOver}
      AND EXISTS (SELECT 1 FROM report_followers f
        JOIN report_events e ON e.organization_id = f.organization_id AND e.report_id = f.report_id AND e.id > f.last_notified_event_id
        WHERE f.organization_id = s.organization_id AND f.email = u.email
          AND e.public AND e.kind NOT IN (${sql.join(news.notMailedKinds)})
          AND e.created_at <= now() - make_interval(mins => ${news.batchMinutes}))
    ORDER BY s.last_digest_at NULLS FIRST
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The account whose digest is due, locked for this transaction; undefined when another process has it or it is not due. */
export async function lockDueDigest(trx: Trx, organizationId: number, userId: number) {
  const result = await sql<{ email: string; locale: string | null; digest: 'daily' | 'weekly' }>`
    SELECT u.email, u.locale, s.digest
    FROM account_mail_settings s
    JOIN users u ON u.id = s.user_id AND u.organization_id = s.organization_id
    WHERE s.organization_id = ${organizationId} AND s.user_id = ${userId}
      AND s.status_mails AND s.digest <> 'immediately' AND ${periodOver}
    FOR UPDATE OF s SKIP LOCKED`.execute(trx);
  return result.rows[0];
}

/** The address's follower rows, locked (rows another process holds are left for the next run). */
export function lockFollowersOf(trx: Trx, organizationId: number, email: string) {
  return trx
    .selectFrom('report_followers')
    .select(['report_id', 'email', 'last_notified_event_id', 'unsubscribe_token_hash'])
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .orderBy('report_id')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markDigestSent(trx: Trx, organizationId: number, userId: number): Promise<void> {
  await sql`UPDATE account_mail_settings SET last_digest_at = now() WHERE organization_id = ${organizationId} AND user_id = ${userId}`.execute(trx);
}
