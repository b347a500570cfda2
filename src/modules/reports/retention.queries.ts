import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';

// Retention of reporter contact (RETENTION_REPORTER_CONTACT_MONTHS): once a report has been closed or fixed for that
// long, nothing more is asked or told about it, and the reporter's name, address and phone go. The report itself
// stays (it is public record); so does the link to the reporter's account, which is theirs to delete.

/**
 * Reports of every city whose status (closed or fixed) was set more than `months` ago: when the newest event that
 * set the current status happened (reports from before events were kept: their last change).
 */
const finishedLongAgo = (months: number) => sql<boolean>`r.status IN ('closed', 'fixed')
  AND coalesce(
        (SELECT max(e.created_at) FROM report_events e
          WHERE e.report_id = r.id AND e.organization_id = r.organization_id AND e.to_status = r.status),
        r.updated_at
      ) < now() - make_interval(months => ${months})`;

/**
 * Removes reporter contact from reports of every city finished more than `months` ago, with the followers' addresses
 * of those reports and the addresses on their questionnaires (answers stay under a placeholder). A second run finds
 * nothing left to change.
 */
export async function purgeReporterContact(db: Db, months: number): Promise<{ reports: number; followers: number; questionnaires: number }> {
  return db.transaction().execute(async (trx) => {
    const reports = await sql`
      UPDATE reports r SET reporter_name = '', reporter_email = NULL, reporter_phone = NULL, show_name = false,
                           idempotency_fingerprint = NULL
      WHERE ${finishedLongAgo(months)}
        AND (r.reporter_name <> '' OR r.reporter_email IS NOT NULL OR r.reporter_phone IS NOT NULL OR r.show_name
             OR r.idempotency_fingerprint IS NOT NULL)`.execute(trx);
    const followers = await sql`
      DELETE FROM report_followers f USING reports r
      WHERE r.id = f.report_id AND r.organization_id = f.organization_id AND ${finishedLongAgo(months)}`.execute(trx);
    const unanswered = await sql`
      DELETE FROM report_questionnaires q USING reports r
      WHERE r.id = q.report_id AND r.organization_id = q.organization_id AND q.answered_at IS NULL
        AND ${finishedLongAgo(months)}`.execute(trx);
    const answered = await sql`
      UPDATE report_questionnaires q SET email = 'anonym:' || q.id::text FROM reports r
      WHERE r.id = q.report_id AND r.organization_id = q.organization_id AND q.email NOT LIKE 'anonym:%'
        AND ${finishedLongAgo(months)}`.execute(trx);
    const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
    return { reports: n(reports), followers: n(followers), questionnaires: n(unanswered) + n(answered) };
  });
}
