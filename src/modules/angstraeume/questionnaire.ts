import type { Selectable } from 'kysely';
import type { Database } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import { type SurveyKind, surveyDay, surveyMailText } from '../../platform/surveys/survey';
import { sendDueSurveys } from '../../platform/surveys/survey.service';
import { measureStillNewest, questionnaireMeasure, scheduleSafetyQuestionnaires } from './angstraeume.queries';
import { isMeasureType, LIMITS, type MeasureType } from './angstraum';
import { messages } from './messages';

// The scheduling job's SQL is in the queries file; the tests run it from here.
export { scheduleSafetyQuestionnaires } from './angstraeume.queries';

// "Do you feel safer here now?": N weeks (the city's setting, default 8) after the newest measure at a place,
// its reporter and followers are asked once. Rows are made by a job from report_events, like the reports
// module's questionnaire after "fixed"; the token is made when the mail is sent.

export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];
export const VALID_DAYS = 42;

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
  const measure = await questionnaireMeasure(db, row.organization_id, row.measure_event_id);
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
  stillDue: measureStillNewest,
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
