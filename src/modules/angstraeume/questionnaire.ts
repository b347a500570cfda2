import { type Selectable, sql } from 'kysely';
import type { Database } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import { type SurveyKind, surveyDay, surveyMailText } from '../../platform/surveys/survey';
import { PENDING_TOKEN_HASH } from '../../platform/surveys/survey.queries';
import { sendDueSurveys } from '../../platform/surveys/survey.service';
import { DEFAULT_QUESTIONNAIRE_WEEKS, isMeasureType, LIMITS, type MeasureType } from './angstraum';
import { messages } from './messages';

// "Do you feel safer here now?": N weeks (the city's setting, default 8) after the newest measure at a place,
// its reporter and followers are asked once. Rows are made by a job from report_events, like the reports
// module's questionnaire after "fixed"; the token is made when the mail is sent.

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export const VALID_DAYS = 42;
/** Measures older than their waiting time plus this are not asked about any more (old data, first start). */
export const TOO_LATE_DAYS = 14;

/** One questionnaire per newest measure and address (the reporter and everyone following the place). */
export async function scheduleSafetyQuestionnaires(db: Db): Promise<number> {
  const result = await sql`
    INSERT INTO angstraum_questionnaires (organization_id, report_id, measure_event_id, email, token_hash, due_at)
    SELECT r.organization_id, r.id, m.id, x.email, ${PENDING_TOKEN_HASH},
           m.created_at + make_interval(days => 7 * coalesce(s.questionnaire_weeks, ${DEFAULT_QUESTIONNAIRE_WEEKS}))
    FROM (SELECT DISTINCT ON (report_id) id, report_id, created_at FROM report_events
          WHERE kind = 'measure' AND public ORDER BY report_id, created_at DESC, id DESC) m
    JOIN reports r ON r.id = m.report_id
    JOIN report_categories c ON c.id = r.category_id AND c.kind = 'angstraum'
    LEFT JOIN angstraum_settings s ON s.organization_id = r.organization_id
    JOIN LATERAL (
      SELECT r.reporter_email AS email WHERE r.reporter_email IS NOT NULL
      UNION SELECT f.email FROM report_followers f WHERE f.report_id = r.id
    ) x ON true
    WHERE r.reviewed_at IS NOT NULL AND NOT r.hidden
      AND m.created_at + make_interval(days => 7 * coalesce(s.questionnaire_weeks, ${DEFAULT_QUESTIONNAIRE_WEEKS}) + ${TOO_LATE_DAYS}) > now()
    ON CONFLICT (measure_event_id, email) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface SafetyAnswerOutcome {
  reportId: number;
}

export interface SafetyQuestionnaireSubject {
  reportId: number;
  place: string;
  measureAt: Date;
  measureType: MeasureType;
}

type SafetyQuestionnaireRow = Selectable<Database['angstraum_questionnaires']>;

/** What a questionnaire asks about: which place, when the city did what there. */
async function safetyQuestionnaireSubject(db: Db, row: SafetyQuestionnaireRow): Promise<SafetyQuestionnaireSubject> {
  const measure = await db
    .selectFrom('report_events as m')
    .innerJoin('reports as r', 'r.id', 'm.report_id')
    .select(['r.address', 'm.created_at', 'm.data'])
    .where('m.id', '=', row.measure_event_id)
    .executeTakeFirstOrThrow();
  const type = (measure.data as { type?: string } | null)?.type;
  return {
    reportId: row.report_id,
    place: measure.address || `#${row.report_id}`,
    measureAt: new Date(measure.created_at),
    measureType: isMeasureType(type) ? type : 'other',
  };
}

/** The questionnaire after a measure, as a platform survey: what differs from every other follow-up survey. */
export const safetyQuestionnaire: SurveyKind<Answer, SafetyAnswerOutcome, SafetyQuestionnaireSubject, SafetyQuestionnaireRow> = {
  table: 'angstraum_questionnaires' satisfies keyof Database,
  path: '/angstraeume/umfrage',
  validDays: VALID_DAYS,
  answers: ANSWERS,
  commentMax: LIMITS.commentMax,
  schedule: scheduleSafetyQuestionnaires,
  // Only while its measure is still the newest at the place (a newer measure gets its own questionnaire).
  stillDue: sql<boolean>`EXISTS (SELECT 1 FROM reports r WHERE r.id = q.report_id AND NOT r.hidden)
    AND NOT EXISTS (SELECT 1 FROM report_events m JOIN report_events n ON n.report_id = m.report_id
                    WHERE m.id = q.measure_event_id AND n.kind = 'measure' AND n.public AND n.created_at > m.created_at)`,
  subject: safetyQuestionnaireSubject,
  mail: surveyMailText({
    messages,
    subject: 'mail.subject',
    body: 'mail.body',
    greeting: 'mail.greeting',
    englishBelow: 'mail.englishBelow',
    params: (q: SafetyQuestionnaireSubject, locale) => ({ id: q.reportId, place: q.place, date: surveyDay(q.measureAt, locale) }),
  }),
  // The recorded answer is all the before/after statistics need (questionnaireCounts); nothing else changes.
  onAnswer: async (_db, { row }) => ({ reportId: row.report_id }),
};

/** Mails due questionnaires through the platform's survey machinery (SKIP LOCKED, token stored with the outbox row). */
export function sendDueSafetyQuestionnaires(deps: { db: Db; publicUrl: URL }, batch = 50): Promise<number> {
  return sendDueSurveys(deps, safetyQuestionnaire, batch);
}
