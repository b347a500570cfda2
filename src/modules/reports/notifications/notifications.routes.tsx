import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { clientKey } from '../../../platform/http/client-ip';
import { asForm, field } from '../../../platform/http/form';
import { staffOnly } from '../../../platform/http/guards';
import { enforce, type Limit } from '../../../platform/http/rate-limit';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { notificationMessages } from './notifications.messages';
import { answerQuestionnaire, COMMENT_MAX, isAnswer, noComments, openQuestionnaire, questionnaireStats } from './questionnaire';
import { followerForToken, unsubscribe } from './status-mail';
import { GonePage, QuestionnairePage, QuestionnaireStatsPage, QuestionnaireThanksPage, UnsubscribedPage, UnsubscribePage } from './views/pages';

export interface NotificationRouteDeps {
  db: Db;
  config: Config;
}

/** Per IP (IPv6 per /64): enough for a person with a few mails, too few to try tokens. */
export const QUESTIONNAIRE_LIMIT: Limit = { name: 'questionnaire:ip', max: 30, windowSeconds: 15 * 60 };

const QUESTIONNAIRE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

function tokenParam(request: FastifyRequest): string {
  return (request.params as { token?: string }).token ?? '';
}

export async function notificationRoutes(app: FastifyInstance, { db, config }: NotificationRouteDeps): Promise<void> {
  app.get('/meldungen/abbestellen/:token', async (request, reply) => {
    const token = tokenParam(request);
    const follower = await followerForToken(db, config.secret, token);
    if (!follower || follower.organization_id !== request.ctx.org.id) return sendHtml(reply, <GonePage ctx={request.ctx} kind="unsubscribe" />, 410);
    return sendHtml(reply, <UnsubscribePage ctx={request.ctx} token={token} reportId={follower.report_id} />);
  });

  app.post('/meldungen/abbestellen/:token', async (request, reply) => {
    const reportId = await unsubscribe(db, config.secret, request.ctx.org.id, tokenParam(request));
    if (reportId === null) return sendHtml(reply, <GonePage ctx={request.ctx} kind="unsubscribe" />, 410);
    return sendHtml(reply, <UnsubscribedPage ctx={request.ctx} reportId={reportId} />);
  });

  app.get('/meldungen/fragebogen/:token', async (request, reply) => {
    const { ctx } = request;
    await enforce(db, [[QUESTIONNAIRE_LIMIT, clientKey(request.ip)]]);
    const token = tokenParam(request);
    const q = QUESTIONNAIRE_TOKEN.test(token) ? await openQuestionnaire(db, ctx.org.id, token) : undefined;
    if (!q) return sendHtml(reply, <GonePage ctx={ctx} kind="questionnaire" />, 410);
    const view = { reportId: q.report_id, category: ctx.locale === 'de' ? q.name_de : q.name_en, fixedAt: q.fixed_at };
    const preset = (request.query as { antwort?: string }).antwort;
    return sendHtml(reply, <QuestionnairePage ctx={ctx} token={token} q={view} values={{ answer: isAnswer(preset) ? preset : '', comment: '' }} />);
  });

  app.post('/meldungen/fragebogen/:token', async (request, reply) => {
    const { ctx } = request;
    await enforce(db, [[QUESTIONNAIRE_LIMIT, clientKey(request.ip)]]);
    const token = tokenParam(request);
    const body = asForm(request.body);
    const values = { answer: field(body, 'answer'), comment: field(body, 'comment') };
    const result = QUESTIONNAIRE_TOKEN.test(token) ? await answerQuestionnaire(db, ctx.org.id, token, values) : ({ ok: false, gone: true } as const);
    if (result.ok)
      return sendHtml(
        reply,
        <QuestionnaireThanksPage ctx={ctx} reportId={result.reportId} answer={values.answer as 'yes' | 'no' | 'unknown'} reopened={result.reopened} />,
      );
    if (result.gone) return sendHtml(reply, <GonePage ctx={ctx} kind="questionnaire" />, 410);
    const t = translator(notificationMessages, ctx.locale);
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([f, key]) => [f, key === 'answer' ? t('err.answer') : t('err.commentTooLong', { max: COMMENT_MAX })]),
    );
    const q = await openQuestionnaire(db, ctx.org.id, token);
    if (!q) return sendHtml(reply, <GonePage ctx={ctx} kind="questionnaire" />, 410);
    const view = { reportId: q.report_id, category: ctx.locale === 'de' ? q.name_de : q.name_en, fixedAt: q.fixed_at };
    return sendHtml(
      reply,
      <QuestionnairePage
        ctx={ctx}
        token={token}
        q={view}
        values={{ answer: isAnswer(values.answer) ? values.answer : '', comment: values.comment }}
        errors={errors}
      />,
      400,
    );
  });

  app.get('/verwaltung/meldungen/fragebogen', { preHandler: staffOnly('admin', 'moderator') }, async (request, reply) => {
    const orgId = request.ctx.org.id;
    const [stats, comments] = await Promise.all([questionnaireStats(db, orgId), noComments(db, orgId)]);
    return sendHtml(reply, <QuestionnaireStatsPage ctx={request.ctx} rows={stats.rows} total={stats.total} comments={comments} />);
  });
}
