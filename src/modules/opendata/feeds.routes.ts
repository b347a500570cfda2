import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { atomFeed } from '../../platform/formats/atom';
import { AppError } from '../../platform/http/errors';
import { IdParams } from '../../platform/http/schemas';
import { translator } from '../../platform/i18n';
import { categoryName, statusLabel } from '../reports';
import { messages } from './messages';
import type { OpenDataScope } from './opendata.http';
import * as q from './opendata.queries';

const FEED_ENTRIES = 50;

const CategoryParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });

/** Atom feeds (all reports, per category, per district). */
export function feedRoutes(app: FastifyInstance, { db, licence, abs, rateLimited }: OpenDataScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  async function feed(request: FastifyRequest, reply: FastifyReply, scope: { title: string; self: string; filter: q.ExportFilter }) {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const rows = await q.exportReports(db, ctx.org.id, scope.filter, { limit: FEED_ENTRIES, offset: 0 });
    const body = atomFeed(
      {
        id: abs(scope.self),
        title: scope.title,
        subtitle: t('feedSubtitle', { licence: licence.name }),
        selfUrl: abs(scope.self),
        alternateUrl: abs('/offene-daten'),
        author: ctx.org.name,
        rights: licence.url ? `${licence.name} (${licence.url})` : licence.name,
        updated: rows.reduce((max, r) => (new Date(r.updated_at) > max ? new Date(r.updated_at) : max), new Date(0)),
        entries: rows.map((r) => ({
          id: abs(`/meldungen/${r.id}`),
          title: t('entryTitle', { id: r.id, category: categoryName(ctx.locale, r) }),
          link: abs(`/meldungen/${r.id}`),
          published: new Date(r.created_at),
          updated: new Date(r.updated_at),
          summary: t('entrySummary', { status: statusLabel(ctx.locale, r), description: r.description }),
          categories: [r.category_code, ...(r.district ? [r.district] : [])],
        })),
      },
      ctx.locale,
    );
    return reply.type('application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(body);
  }

  o.get('/feeds/meldungen.atom', rateLimited, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    return feed(request, reply, { title: t('feedTitleAll', { city: request.ctx.org.name }), self: '/feeds/meldungen.atom', filter: {} });
  });

  o.get('/feeds/kategorien/:code.atom', { ...rateLimited, schema: { params: CategoryParams } }, async (request, reply) => {
    const category = await q.categoryByCode(db, request.ctx.org.id, request.params.code);
    if (!category) throw new AppError('not_found');
    const t = translator(messages, request.ctx.locale);
    const name = request.ctx.locale === 'de' ? category.name_de : category.name_en;
    return feed(request, reply, {
      title: t('feedTitleCategory', { category: name, city: request.ctx.org.name }),
      self: `/feeds/kategorien/${category.code}.atom`,
      filter: { categoryId: category.id },
    });
  });

  o.get('/feeds/bezirke/:id.atom', { ...rateLimited, schema: { params: IdParams } }, async (request, reply) => {
    const district = await q.districtById(db, request.ctx.org.id, request.params.id);
    if (!district) throw new AppError('not_found');
    const t = translator(messages, request.ctx.locale);
    return feed(request, reply, {
      title: t('feedTitleDistrict', { district: district.name, city: request.ctx.org.name }),
      self: `/feeds/bezirke/${district.id}.atom`,
      filter: { districtId: district.id },
    });
  });
}
