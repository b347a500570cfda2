import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { translator } from '../../platform/i18n';
import { sendHtml } from '../../platform/views/render';
import { ANONYMOUS_PER_MINUTE } from '../open311';
import { messages } from './messages';
import { publicDocument } from './openapi';
import type { OpenDataScope } from './opendata.http';
import * as q from './opendata.queries';
import { apiErrors, TAG } from './opendata.schemas';
import { ApiDocsPage } from './views/api-docs-page';
import { OpenDataPage } from './views/open-data-page';

/** The OpenAPI document, its server-rendered docs page and /offene-daten, the page that lists every interface. */
export function docsRoutes(app: FastifyInstance, { db, config, licence, abs, rateLimited }: OpenDataScope): void {
  // Built once, on first request: every route is registered by then.
  let document: ReturnType<typeof publicDocument> | null = null;
  const openApi = () => {
    document ??= publicDocument(app, {
      serverUrl: config.publicUrl.origin,
      licence: licence.url ? { name: licence.name, url: licence.url } : { name: licence.name },
    });
    return document;
  };

  app.get(
    '/api/openapi.json',
    {
      ...rateLimited,
      schema: {
        summary: 'This OpenAPI document',
        tags: [TAG],
        response: { 200: { description: 'OpenAPI 3.1', ...Type.Object({ openapi: Type.String() }, { additionalProperties: true }) }, ...apiErrors },
      },
    },
    async (_request, reply) => reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(JSON.stringify(openApi())),
  );

  // A page for people, not an interface: not in the document it shows.
  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    const doc = openApi();
    return sendHtml(
      reply,
      <ApiDocsPage ctx={request.ctx} title={t('apiDocs')} openApiUrl={abs('/api/openapi.json')} serverUrl={doc.servers[0]!.url} paths={doc.paths as never} />,
    );
  });

  app.get('/offene-daten', async (request, reply) => {
    const { ctx } = request;
    const [categories, districts] = await Promise.all([q.categoriesForFeeds(db, ctx.org.id), q.districtsForFeeds(db, ctx.org.id)]);
    return sendHtml(
      reply,
      <OpenDataPage
        ctx={ctx}
        baseUrl={config.publicUrl.href}
        licence={licence}
        categories={categories.map((c) => ({ code: c.code, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        districts={districts}
        anonymousPerMinute={ANONYMOUS_PER_MINUTE}
      />,
    );
  });
}
