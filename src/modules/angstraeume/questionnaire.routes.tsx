import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/connect';
import type { Limit } from '../../platform/http/rate-limit';
import { surveyLimit } from '../../platform/surveys/survey';
import { surveyRoutes } from '../../platform/surveys/survey.routes';
import { safetyQuestionnaire } from './questionnaire';
import { safetyQuestionnairePages } from './views/questionnaire-pages';

/** Per IP (IPv6 per /64); the counter keeps the name it had before surveys moved into the platform. */
export const QUESTIONNAIRE_LIMIT: Limit = surveyLimit('angstraum-questionnaire');

/** The link in the "do you feel safer now?" mail: /angstraeume/umfrage/:token (GET the question, POST the answer). */
export function safetyQuestionnaireRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  surveyRoutes(app, { db, kind: safetyQuestionnaire, limit: QUESTIONNAIRE_LIMIT, pages: safetyQuestionnairePages });
}
