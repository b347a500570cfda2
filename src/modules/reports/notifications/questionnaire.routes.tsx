import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import { staffOnly } from '../../../platform/http/guards';
import type { Limit } from '../../../platform/http/rate-limit';
import { surveyLimit } from '../../../platform/surveys/survey';
import { surveyRoutes } from '../../../platform/surveys/survey.routes';
import { sendHtml } from '../../../platform/views/render';
import { questionnaireStats, reportQuestionnaire } from './questionnaire';
import { noComments } from './questionnaire.queries';
import { QuestionnaireStatsPage, questionnairePages } from './views/pages';

/** Per IP (IPv6 per /64); the counter keeps the name it had before surveys moved into the platform. */
export const QUESTIONNAIRE_LIMIT: Limit = surveyLimit('questionnaire');

/**
 * The link in the "has it been fixed?" mail, /meldungen/fragebogen/:token (GET the question, POST the answer),
 * and the answers' statistics in the back office.
 */
export function questionnaireRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  surveyRoutes(app, { db, kind: reportQuestionnaire, limit: QUESTIONNAIRE_LIMIT, pages: questionnairePages });

  app.get('/verwaltung/meldungen/fragebogen', { preHandler: staffOnly('admin', 'moderator') }, async (request, reply) => {
    const orgId = request.ctx.org.id;
    const [stats, comments] = await Promise.all([questionnaireStats(db, orgId), noComments(db, orgId)]);
    return sendHtml(reply, <QuestionnaireStatsPage ctx={request.ctx} rows={stats.rows} total={stats.total} comments={comments} />);
  });
}
