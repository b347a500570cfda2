import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import { type SurveyAnswer, type SurveyKind, surveyDay, surveyMailText } from '../../../platform/surveys/survey';
import { PENDING_TOKEN_HASH } from '../../../platform/surveys/survey.queries';
import { sendDueSurveys } from '../../../platform/surveys/survey.service';
import { insertEvent, publicReport } from '../report.queries';
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

/**
 * Creates (or, while unsent, re-times) one questionnaire per report and reporter address. The due time counts
 * from the latest time the report became fixed, so a report reopened and fixed again is asked about later.
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

export interface QuestionnaireDeps {
  db: Db;
  publicUrl: URL;
}

export interface AnswerOutcome {
  reportId: number;
  reopened: boolean;
}

export interface QuestionnaireSubject {
  reportId: number;
  name_de: string;
  name_en: string;
  fixedAt: Date | null;
}

type QuestionnaireRow = Selectable<Database['report_questionnaires']>;

/** What a questionnaire asks about: which report, its category, when it was marked fixed (as its page shows them). */
async function questionnaireSubject(db: Db, row: QuestionnaireRow): Promise<QuestionnaireSubject> {
  const report = await publicReport(db, row.organization_id, row.report_id);
  if (!report) throw new Error(`questionnaire ${row.id}: report ${row.report_id} is missing`); // the foreign key cascades: cannot happen
  return { reportId: report.id, name_de: report.category_de, name_en: report.category_en, fixedAt: report.fixed_at ? new Date(report.fixed_at) : null };
}

/** The questionnaire after "fixed", as a platform survey: what differs from every other follow-up survey. */
export const reportQuestionnaire: SurveyKind<Answer, AnswerOutcome, QuestionnaireSubject, QuestionnaireRow> = {
  table: 'report_questionnaires' satisfies keyof Database,
  path: '/meldungen/fragebogen',
  validDays: VALID_DAYS,
  answers: ANSWERS,
  commentMax: COMMENT_MAX,
  schedule: scheduleQuestionnaires,
  // A reopened report waits until it is fixed again.
  stillDue: sql<boolean>`EXISTS (SELECT 1 FROM reports r WHERE r.id = q.report_id AND r.status = 'fixed' AND NOT r.hidden)`,
  subject: questionnaireSubject,
  mail: surveyMailText({
    messages: notificationMessages,
    subject: 'mail.questionSubject',
    body: 'mail.questionBody',
    greeting: 'mail.greeting',
    englishBelow: 'mail.englishBelow',
    params: (q: QuestionnaireSubject, locale) => ({
      id: q.reportId,
      category: locale === 'de' ? q.name_de : q.name_en,
      date: surveyDay(q.fixedAt ?? new Date(), locale),
    }),
  }),
  onAnswer: recordAnswerOnReport,
};

/**
 * Mails due questionnaires of reports that are still fixed, through the platform's survey machinery (one row per
 * transaction, SKIP LOCKED, the token's hash and sent_at stored with the outbox row).
 */
export function sendDueQuestionnaires(deps: QuestionnaireDeps, batch = 50): Promise<number> {
  return sendDueSurveys(deps, reportQuestionnaire, batch);
}

/**
 * After the answer is recorded: a public 'questionnaire' event says how it was answered (the comment stays
 * internal); "no" on a report that is still fixed (or closed as done) reopens it with a public 'reopened' event.
 * The report row is locked, so a status change in the back office at the same moment waits for this.
 */
async function recordAnswerOnReport(db: Db, { row, organizationId, answer, comment }: SurveyAnswer<Answer, QuestionnaireRow>): Promise<AnswerOutcome> {
  const report = await db.selectFrom('reports').select(['id', 'status', 'close_reason']).where('id', '=', row.report_id).forUpdate().executeTakeFirstOrThrow();
  await insertEvent(db, { organizationId, reportId: report.id, kind: 'questionnaire', public: true, data: { answer } });
  if (comment) await insertEvent(db, { organizationId, reportId: report.id, kind: 'questionnaire_comment', public: false, body: comment, data: { answer } });
  if (answer !== 'no' || !(report.status === 'fixed' || (report.status === 'closed' && report.close_reason === 'done')))
    return { reportId: report.id, reopened: false };
  await db
    .updateTable('reports')
    .set({ status: 'in_progress', fixed_at: null, close_reason: null, close_note: null, updated_at: sql`now()` })
    .where('id', '=', report.id)
    .execute();
  await insertEvent(db, {
    organizationId,
    reportId: report.id,
    kind: 'reopened',
    public: true,
    fromStatus: report.status,
    toStatus: 'in_progress',
    data: { by: 'questionnaire' },
  });
  return { reportId: report.id, reopened: true };
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
