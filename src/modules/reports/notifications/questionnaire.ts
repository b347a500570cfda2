import type { Selectable } from 'kysely';
import type { Database } from '../../../db-schema';
import type { Db, Trx } from '../../../platform/db/connect';
import { isLocale } from '../../../platform/i18n';
import { type SurveyAnswer, type SurveyKind, surveyDay, surveyMailText } from '../../../platform/surveys/survey';
import { sendDueSurveys } from '../../../platform/surveys/survey.service';
import { insertEvent, publicReport } from '../report.queries';
import { notificationMessages } from './notifications.messages';
import {
  lockAnsweredReport,
  questionnaireCountsByCategory,
  questionnaireLocale,
  questionnaireStillDue,
  reopenReport,
  scheduleQuestionnaires,
} from './questionnaire.queries';

// The scheduling job's SQL is in the queries file; the tests and the demo seed run it from here.
export { scheduleQuestionnaires } from './questionnaire.queries';

// "Has it been fixed?": N weeks (category.questionnaire_weeks; 0 = never) after a report became fixed, its
// reporter is asked once. "No" reopens the report. Rows are made by a job from report_events, so whoever
// marks a report fixed needs to know nothing about this.

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export const COMMENT_MAX = 2000;
/** How long a mailed questionnaire link works. */
export const VALID_DAYS = 42;

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
  // ...and the reporter's account has not switched the questionnaire off ("Mein Konto").
  stillDue: questionnaireStillDue,
  subject: questionnaireSubject,
  recipientLocale: async (db, row) => {
    const locale = await questionnaireLocale(db, row.organization_id, row.report_id, row.email);
    return isLocale(locale) ? locale : null;
  },
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
async function recordAnswerOnReport(trx: Trx, { row, organizationId, answer, comment }: SurveyAnswer<Answer, QuestionnaireRow>): Promise<AnswerOutcome> {
  const report = await lockAnsweredReport(trx, organizationId, row.report_id);
  await insertEvent(trx, { organizationId, reportId: report.id, kind: 'questionnaire', public: true, data: { answer } });
  if (comment) await insertEvent(trx, { organizationId, reportId: report.id, kind: 'questionnaire_comment', public: false, body: comment, data: { answer } });
  if (answer !== 'no' || !(report.status === 'fixed' || (report.status === 'closed' && report.close_reason === 'done')))
    return { reportId: report.id, reopened: false };
  await reopenReport(trx, organizationId, report.id);
  await insertEvent(trx, {
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
  const rows = await questionnaireCountsByCategory(db, organizationId);
  const total: StatsRow = { categoryId: null, name_de: '', name_en: '', sent: 0, answered: 0, yes: 0, no: 0, unknown: 0 };
  for (const r of rows) for (const k of ['sent', 'answered', 'yes', 'no', 'unknown'] as const) total[k] += Number(r[k]);
  return {
    rows: rows.map((r) => ({ ...r, sent: Number(r.sent), answered: Number(r.answered), yes: Number(r.yes), no: Number(r.no), unknown: Number(r.unknown) })),
    total,
  };
}

/** Share of answered, rounded to whole percent; empty when nothing was answered. */
export function share(part: number, answered: number): number | null {
  return answered > 0 ? Math.round((part / answered) * 100) : null;
}
