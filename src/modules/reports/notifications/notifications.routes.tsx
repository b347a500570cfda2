import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
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

/**
 * The link in every status mail. Any text is taken: the token is checked against its signature and the
 * followers, and a link that fits none (mangled by a mail program, or already used) gets the page saying so.
 */
const UnsubscribeParams = Type.Object({ token: Type.String({ description: 'The unsubscribe token from the mail' }) });

export async function notificationRoutes(app: FastifyInstance, { db, config }: NotificationRouteDeps): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/meldungen/abbestellen/:token', { schema: { params: UnsubscribeParams } }, async (request, reply) => {
    const { token } = request.params;
    const follower = await followerForToken(db, config.secret, request.ctx.org.id, token);
    if (!follower || follower.organization_id !== request.ctx.org.id) return sendHtml(reply, <GonePage ctx={request.ctx} kind="unsubscribe" />, 410);
    return sendHtml(reply, <UnsubscribePage ctx={request.ctx} token={token} reportId={follower.report_id} />);
  });

  routes.post('/meldungen/abbestellen/:token', { schema: { params: UnsubscribeParams } }, async (request, reply) => {
    const reportId = await unsubscribe(db, config.secret, request.ctx.org.id, request.params.token);
    if (reportId === null) return sendHtml(reply, <GonePage ctx={request.ctx} kind="unsubscribe" />, 410);
    return sendHtml(reply, <UnsubscribedPage ctx={request.ctx} reportId={reportId} />);
  });

  questionnaireRoutes(app, { db });
}
