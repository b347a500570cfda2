import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/http/errors';
import { Id, Page } from '../../../platform/http/schemas';
import type { ModuleServices } from '../../../platform/module';
import { sendHtml } from '../../../platform/views/render';
import { listStadtbezirke } from '../../organizations';
import { processConversation } from './conversation';
import { listCards } from './list-cards';
import { PROCESS_STATES, type ProcessState, TOPICS } from './process';
import * as q from './process.queries';
import { findPublicProcess, ruleNames } from './process.service';
import { ProcessListPage, STATE_PARAM } from './views/list-page';
import { ProcessPage } from './views/process-page';

export const PAGE_SIZE = 10;

const ListQuery = Type.Object({
  stand: Type.Optional(
    Type.Union(
      PROCESS_STATES.map((s) => Type.Literal(STATE_PARAM[s])),
      { description: 'laufend (default), demnaechst or abgeschlossen' },
    ),
  ),
  // The filter form sends '' for "all"; nine digits stay inside int4.
  bezirk: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,8})?$', description: 'District id, or empty for all' })),
  thema: Type.Optional(Type.Union([Type.Literal(''), ...TOPICS.map((code) => Type.Literal(code))], { description: 'Topic code, or empty for all' })),
  seite: Type.Optional(Page),
});
const ProcessParams = Type.Object({ id: Id });
const DocumentParams = Type.Object({ id: Id, documentId: Id });
const ImageQuery = Type.Object({ groesse: Type.Optional(Type.Literal('klein', { description: 'klein: the list thumbnail' })) });

const stateOf = (param: string | undefined): ProcessState => PROCESS_STATES.find((s) => STATE_PARAM[s] === param) ?? 'current';

/** The public side: /beteiligung (current, upcoming, finished with filters), a process's page, its image and documents. */
export async function publicProcessRoutes(app: FastifyInstance, { db, storage }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/beteiligung', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const { ctx } = request;
    const state = stateOf(request.query.stand);
    const page = request.query.seite ?? 1;
    const districtId = request.query.bezirk ? Number(request.query.bezirk) : undefined;
    const topic = request.query.thema || undefined;
    const { cards, total } = await listCards(db, ctx.org.id, ctx.locale, { state, districtId, topic, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const districts = await listStadtbezirke(db, ctx.org.id);
    const query = { stand: request.query.stand, bezirk: request.query.bezirk, thema: request.query.thema, seite: page > 1 ? String(page) : undefined };
    return sendHtml(
      reply,
      <ProcessListPage
        ctx={ctx}
        state={state}
        districtId={request.query.bezirk ?? ''}
        topic={request.query.thema ?? ''}
        districts={districts}
        cards={cards}
        total={total}
        paging={{ page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }}
        url={{ path: '/beteiligung', query }}
      />,
    );
  });

  routes.get('/beteiligung/:id', { schema: { params: ProcessParams } }, async (request, reply) => {
    const { ctx } = request;
    const p = await findPublicProcess(db, ctx.org.id, request.params.id);
    if (!p) throw new AppError('not_found');
    const [names, conversation] = await Promise.all([ruleNames(db, ctx.org.id), processConversation(db, ctx, p)]);
    return sendHtml(reply, <ProcessPage ctx={ctx} p={p} names={names} conversation={conversation} />);
  });

  routes.get('/beteiligung/:id/bild', { schema: { params: ProcessParams, querystring: ImageQuery } }, async (request, reply) => {
    const process = await q.findProcess(db, request.ctx.org.id, request.params.id);
    if (!process?.published || !process.image_key) throw new AppError('not_found');
    const data = await storage.get(`${process.image_key}-${request.query.groesse === 'klein' ? 'thumb' : 'large'}.jpg`);
    if (!data) throw new AppError('not_found');
    return reply.type('image/jpeg').header('Cache-Control', 'public, max-age=300').send(data);
  });

  // PDFs as downloads, never sniffed into something else: a PDF an attacker made is only ever a file to save.
  routes.get('/beteiligung/:id/dokumente/:documentId', { schema: { params: DocumentParams } }, async (request, reply) => {
    const { ctx } = request;
    const process = await q.findProcess(db, ctx.org.id, request.params.id);
    const doc = process?.published ? await q.findDocument(db, ctx.org.id, process.id, request.params.documentId) : undefined;
    const data = doc ? await storage.get(doc.storage_key) : null;
    if (!doc || !data) throw new AppError('not_found');
    const name = `${doc.title.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'dokument'}.pdf`;
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `attachment; filename="dokument-${doc.id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .send(data);
  });
}
