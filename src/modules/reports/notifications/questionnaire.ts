import { sql } from 'kysely';
import type { Db } from '../../../platform/db/connect';
import { formatDateTime, translator } from '../../../platform/i18n';
import { enqueueMail } from '../../../platform/mail/outbox';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { insertEvent } from '../report.queries';
import { notificationMessages } from './notifications.messages';

// "Has it been fixed?": N weeks (category.questionnaire_weeks; 0 = never) after a report became fixed, its
// reporter is asked once. "No" reopens the report. Rows are made by a job from report_events, so whoever
// marks a report fixed needs to know nothing about this.

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export const COMMENT_MAX = 2000;
/** How long a mailed questionnaire link works. */
export const VALID_DAYS = 42;
/** A report fixed longer ago than its waiting time plus this is not asked about any more (old data, first start). */
export const TOO_LATE_DAYS = 14;

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

/**
 * Creates (or, while unsent, re-times) one questionnaire per report and reporter address. The due time counts
 * from the latest time the report became fixed, so a report reopened and fixed again is asked about later.
 * The token hash is a placeholder that no token can hash to; the real token is made when the mail is sent.
 */
export async function scheduleQuestionnaires(db: Db): Promise<number> {
  const result = await sql`
    INSERT INTO report_questionnaires (report_id, email, token_hash, due_at)
    SELECT r.id, r.reporter_email, 'pending:' || gen_random_uuid()::text,
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

export interface QuestionnaireDeps {
  db: Db;
  publicUrl: URL;
}

/**
 * Mails due questionnaires of reports that are still fixed (a reopened report waits until it is fixed again).
 * Each row is claimed with SKIP LOCKED; the fresh token's hash and sent_at are stored with the outbox row.
 */
export async function sendDueQuestionnaires(deps: QuestionnaireDeps, batch = 50): Promise<number> {
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('report_questionnaires as q')
        .innerJoin('reports as r', 'r.id', 'q.report_id')
        .innerJoin('report_categories as c', 'c.id', 'r.category_id')
        .innerJoin('organizations as o', 'o.id', 'r.organization_id')
        .select(['q.id', 'q.email', 'r.id as report_id', 'r.organization_id', 'r.fixed_at', 'c.name_de', 'c.name_en', 'o.name as city'])
        .where('q.sent_at', 'is', null)
        .where('q.due_at', '<=', sql<Date>`now()`)
        .where('r.status', '=', 'fixed')
        .where('r.hidden', '=', false)
        .orderBy('q.due_at')
        .limit(1)
        .forUpdate('q')
        .skipLocked()
        .executeTakeFirst();
      if (!row) return false;
      const token = randomToken();
      const updated = await trx
        .updateTable('report_questionnaires')
        .set({ token_hash: hashToken(token), sent_at: sql`now()` })
        .where('id', '=', row.id)
        .returning(['sent_at'])
        .executeTakeFirstOrThrow();
      const until = new Date(new Date(updated.sent_at!).getTime() + VALID_DAYS * 86_400_000);
      const link = new URL(`/meldungen/fragebogen/${token}`, deps.publicUrl).href;
      const fixedAt = row.fixed_at ? new Date(row.fixed_at) : new Date();
      const text = (['de', 'en'] as const).map((locale) => {
        const t = translator(notificationMessages, locale);
        const day = (d: Date) => formatDateTime(d, locale).replace(/,? \d{1,2}:\d{2}.*$/, '');
        return `${t('mail.questionBody', { id: row.report_id, category: locale === 'de' ? row.name_de : row.name_en, date: day(fixedAt), until: day(until), link })}\n\n${t('mail.greeting', { city: row.city })}`;
      });
      const de = translator(notificationMessages, 'de');
      const en = translator(notificationMessages, 'en');
      await enqueueMail(trx, {
        organization_id: row.organization_id,
        to_address: row.email,
        subject: `${de('mail.questionSubject', { id: row.report_id })} / ${en('mail.questionSubject', { id: row.report_id })} – ${row.city}`,
        text_body: [de('mail.englishBelow'), '', text[0], '', '-------------------- English --------------------', '', text[1]].join('\n'),
        html_body: null,
      });
      return true;
    });
    if (!done) break;
    sent++;
  }
  return sent;
}

/** The open questionnaire a link stands for: sent, not answered, not expired. */
export function openQuestionnaire(db: Db, organizationId: number, token: string) {
  return db
    .selectFrom('report_questionnaires as q')
    .innerJoin('reports as r', 'r.id', 'q.report_id')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select(['q.id', 'q.report_id', 'r.fixed_at', 'c.name_de', 'c.name_en'])
    .where('q.token_hash', '=', hashToken(token))
    .where('r.organization_id', '=', organizationId)
    .where('q.answered_at', 'is', null)
    .where('q.sent_at', 'is not', null)
    .where('q.sent_at', '>', sql<Date>`now() - make_interval(days => ${VALID_DAYS})`)
    .executeTakeFirst();
}

export type AnswerResult =
  | { ok: true; reportId: number; reopened: boolean }
  | { ok: false; gone: true }
  | { ok: false; gone: false; errors: Record<string, 'answer' | 'commentTooLong'> };

/**
 * Records an answer once. The questionnaire row is locked and must still be open, so two clicks (or two
 * processes) record one answer. A public 'questionnaire' event says how it was answered (the comment stays
 * internal); "no" on a report that is still fixed (or closed as done) reopens it with a public 'reopened' event.
 */
export async function answerQuestionnaire(db: Db, organizationId: number, token: string, input: { answer: string; comment: string }): Promise<AnswerResult> {
  const comment = input.comment.trim();
  return db.transaction().execute(async (trx) => {
    const open = await openQuestionnaire(trx, organizationId, token);
    if (!open) return { ok: false, gone: true } as const;
    const errors: Record<string, 'answer' | 'commentTooLong'> = {};
    if (!isAnswer(input.answer)) errors.answer = 'answer';
    if ([...comment].length > COMMENT_MAX) errors.comment = 'commentTooLong';
    if (Object.keys(errors).length > 0 || !isAnswer(input.answer)) return { ok: false, gone: false, errors } as const;
    const answer = input.answer;
    const claimed = await trx
      .updateTable('report_questionnaires')
      .set({ answered_at: sql`now()`, answer, comment })
      .where('id', '=', open.id)
      .where('answered_at', 'is', null)
      .returning(['id'])
      .executeTakeFirst();
    if (!claimed) return { ok: false, gone: true } as const;
    const report = await trx
      .selectFrom('reports')
      .select(['id', 'status', 'close_reason'])
      .where('id', '=', open.report_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await insertEvent(trx, { organizationId, reportId: report.id, kind: 'questionnaire', public: true, data: { answer } });
    if (comment) await insertEvent(trx, { organizationId, reportId: report.id, kind: 'questionnaire_comment', public: false, body: comment, data: { answer } });
    let reopened = false;
    if (answer === 'no' && (report.status === 'fixed' || (report.status === 'closed' && report.close_reason === 'done'))) {
      await trx
        .updateTable('reports')
        .set({ status: 'in_progress', fixed_at: null, close_reason: null, close_note: null, updated_at: sql`now()` })
        .where('id', '=', report.id)
        .execute();
      await insertEvent(trx, {
        organizationId,
        reportId: report.id,
        kind: 'reopened',
        public: true,
        fromStatus: report.status,
        toStatus: 'in_progress',
        data: { by: 'questionnaire' },
      });
      reopened = true;
    }
    return { ok: true, reportId: report.id, reopened } as const;
  });
}

export interface StatsRow {
  categoryId: number | null;
  name_de: string;
  name_en: string;
  sent: number;
  answered: number;
  yes: number;
  no: number;
  unknown: number;
}

/** Counts per category and overall (categoryId null), in one query. */
export async function questionnaireStats(db: Db, organizationId: number): Promise<{ rows: StatsRow[]; total: StatsRow }> {
  const rows = await db
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
    .where('r.organization_id', '=', organizationId)
    .where('q.sent_at', 'is not', null)
    .groupBy(['c.id', 'c.name_de', 'c.name_en', 'c.sort'])
    .orderBy('c.sort')
    .orderBy('c.name_de')
    .execute();
  const total: StatsRow = { categoryId: null, name_de: '', name_en: '', sent: 0, answered: 0, yes: 0, no: 0, unknown: 0 };
  for (const r of rows) for (const k of ['sent', 'answered', 'yes', 'no', 'unknown'] as const) total[k] += Number(r[k]);
  return {
    rows: rows.map((r) => ({ ...r, sent: Number(r.sent), answered: Number(r.answered), yes: Number(r.yes), no: Number(r.no), unknown: Number(r.unknown) })),
    total,
  };
}

/** The "no" answers with their comments, newest first, for the statistics page. */
export function noComments(db: Db, organizationId: number, limit = 100) {
  return db
    .selectFrom('report_questionnaires as q')
    .innerJoin('reports as r', 'r.id', 'q.report_id')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select(['q.report_id', 'q.comment', 'q.answered_at', 'c.name_de', 'c.name_en'])
    .where('r.organization_id', '=', organizationId)
    .where('q.answer', '=', 'no')
    .orderBy('q.answered_at', 'desc')
    .limit(limit)
    .execute();
}

/** Share of answered, rounded to whole percent; empty when nothing was answered. */
export function share(part: number, answered: number): number | null {
  return answered > 0 ? Math.round((part / answered) * 100) : null;
}
