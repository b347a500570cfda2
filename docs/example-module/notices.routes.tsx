import type { FastifyInstance } from 'fastify';
import { staffOnly } from '../../src/platform/http/guards';
import type { ModuleServices } from '../../src/platform/module';
import { sendHtml } from '../../src/platform/views/render';
import { currentNotices } from './notices.queries';
import { NoticesAdminPage, NoticesPage } from './views/pages';

export async function noticeRoutes(app: FastifyInstance, { db }: ModuleServices): Promise<void> {
  app.get('/hinweise', async (request, reply) => {
    const notices = await currentNotices(db, request.ctx.org.id);
    return sendHtml(reply, <NoticesPage ctx={request.ctx} notices={notices} />);
  });
  app.get('/verwaltung/hinweise', { preHandler: staffOnly('admin') }, async (request, reply) => {
    const notices = await currentNotices(db, request.ctx.org.id);
    return sendHtml(reply, <NoticesAdminPage ctx={request.ctx} notices={notices} />);
  });
}
