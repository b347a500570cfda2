import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { sendHtml } from '../../../platform/views/render';
import { questionnaireRoutes } from './questionnaire.routes';
import { followerForToken, unsubscribe } from './status-mail';
import { GonePage, UnsubscribedPage, UnsubscribePage } from './views/pages';

export interface NotificationRouteDeps {
  db: Db;
  config: Config;
}

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

  questionnaireRoutes(app, { db });
}
