import { type RawBuilder, sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';
import { PENDING_TOKEN_HASH } from '../../../platform/surveys/survey.queries';

// The SQL of the questionnaire after "fixed" (questionnaire.ts says what it is for).

/** A report fixed longer ago than its waiting time plus this is not asked about any more (old data, first start). */
export const TOO_LATE_DAYS = 14;

/**
 * Creates (or, while unsent, re-times) one questionnaire per report and reporter address, in every city at once
 * (a job); each row takes its report's city. The due time counts from the latest time the report became fixed,
 * so a report reopened and fixed again is asked about later.
 */
export async function scheduleQuestionnaires(db: Db): Promise<number> {
  const result = await sql`
    INSERT INTO report_questionnaires (organization_id, report_id, email, token_hash, due_at)
    SELECT r.organization_id, r.id, r.reporter_email, ${PENDING_TOKEN_HASH},
           f.fixed_at + make_interval(days => 7 * c.questionnaire_weeks)
    FROM reports r
    JOIN report_categories c ON c.id = r.category_id
    JOIN (SELECT report_id, max(created_at) AS fixed_at FROM report_events WHERE to_status = 'fixed' GROUP BY report_id) f
      ON f.report_id = r.id
    WHERE c.questionnaire_weeks > 0
      AND r.reporter_email IS NOT NULL
      AND r.status = 'fixed'
      AND NOT r.hidden
      AND f.fixed_at + make_interval(days => 7 * c.questionnaire_weeks + ${TOO_LATE_DAYS}) > now()
    ON CONFLICT (report_id, email) DO UPDATE SET due_at = EXCLUDED.due_at
      WHERE report_questionnaires.sent_at IS NULL AND report_questionnaires.due_at <> EXCLUDED.due_at`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Over the survey row `q`: its report (of the row's city) is still fixed and shown; a reopened report waits until it is fixed again. */
export const reportStillFixed: RawBuilder<boolean> = sql<boolean>`EXISTS (SELECT 1 FROM reports r
  WHERE r.id = q.report_id AND r.organization_id = q.organization_id AND r.status = 'fixed' AND NOT r.hidden)`;

/**
 * Over the survey row `q`: the account with the row's address (if any) has not switched the questionnaire off
 * (account mail settings, migration 0026). A row whose address said no stays unsent.
 */
export const questionnaireWanted: RawBuilder<boolean> = sql<boolean>`NOT EXISTS (SELECT 1 FROM users u
  JOIN account_mail_settings s ON s.organization_id = u.organization_id AND s.user_id = u.id
  WHERE u.organization_id = q.organization_id AND u.email = q.email AND NOT s.questionnaire)`;

/** When an unsent questionnaire is still to be sent: the report is still fixed and the reporter still wants it. */
export const questionnaireStillDue: RawBuilder<boolean> = sql<boolean>`(${reportStillFixed} AND ${questionnaireWanted})`;

/** Locks the report an answer is about, so a status change in the back office at the same moment waits. */
export function lockAnsweredReport(trx: Trx, organizationId: number, reportId: number) {
  return trx
    .selectFrom('reports')
    .select(['id', 'status', 'close_reason'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** "No, not fixed": the report is in progress again, without its fixed time and closing. */
export async function reopenReport(trx: Trx, organizationId: number, reportId: number): Promise<void> {
  await trx
    .updateTable('reports')
    .set({ status: 'in_progress', fixed_at: null, close_reason: null, close_note: null, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', reportId)
    .execute();
}

/** Sent questionnaires and their answers per category of the city. */
export function questionnaireCountsByCategory(db: Db, organizationId: number) {
  return db
    .selectFrom('report_questionnaires as q')
    .innerJoin('reports as r', 'r.id', 'q.report_id')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'c.id as categoryId',
      'c.name_de',
      'c.name_en',
      sql<number>`count(*)::int`.as('sent'),
      sql<number>`count(q.answered_at)::int`.as('answered'),
      sql<number>`count(*) FILTER (WHERE q.answer = 'yes')::int`.as('yes'),
      sql<number>`count(*) FILTER (WHERE q.answer = 'no')::int`.as('no'),
      sql<number>`count(*) FILTER (WHERE q.answer = 'unknown')::int`.as('unknown'),
    ])
    .where('q.organization_id', '=', organizationId)
    .where('r.organization_id', '=', organizationId)
    .where('q.sent_at', 'is not', null)
    .groupBy(['c.id', 'c.name_de', 'c.name_en', 'c.sort'])
    .orderBy('c.sort')
    .orderBy('c.name_de')
    .execute();
}

/** The "no" answers with their comments, newest first, for the statistics page. */
export function noComments(db: Db, organizationId: number, limit = 100) {
  return db
    .selectFrom('report_questionnaires as q')
    .innerJoin('reports as r', 'r.id', 'q.report_id')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select(['q.report_id', 'q.comment', 'q.answered_at', 'c.name_de', 'c.name_en'])
    .where('q.organization_id', '=', organizationId)
    .where('r.organization_id', '=', organizationId)
    .where('q.answer', '=', 'no')
    .orderBy('q.answered_at', 'desc')
    .limit(limit)
    .execute();
}

/** The language to ask the reporter in: their account's (current choice), else the report's; null when neither is known. */
export async function questionnaireLocale(db: Db, organizationId: number, reportId: number, email: string): Promise<string | null> {
  const row = await sql<{ locale: string | null }>`
    SELECT coalesce(u.locale, r.locale) AS locale FROM reports r
    LEFT JOIN users u ON u.organization_id = r.organization_id AND u.email = ${email}
    WHERE r.organization_id = ${organizationId} AND r.id = ${reportId}`.execute(db);
  return row.rows[0]?.locale ?? null;
}
