import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { atomFeed } from '../../platform/formats/atom';
import { csvDocument } from '../../platform/formats/csv';
import { translator } from '../../platform/i18n';
import type { ModuleServices } from '../../platform/module';
import { feedItem } from './contributions';
import * as q from './ideas.queries';
import { messages } from './messages';

// Ideas as open data: GeoJSON (RFC 7946), CSV and Atom. Only what the public pages show; never who wrote or
// supported an idea.

const TAG = 'Ideen';
const EXPORT_MAX = 5000;
const FEED_ENTRIES = 50;
const LimitQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: EXPORT_MAX, default: 1000, description: 'Newest ideas first' })) });

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function properties(r: q.PublicIdea, base: string) {
  return {
    title: r.title,
    topic: r.topic,
    status: r.status,
    district: r.district,
    supporters: r.supporters_count,
    created_at: iso(r.created_at),
    threshold_reached_at: iso(r.reached_at),
    answer_due_at: iso(r.answer_due_at),
    answered_at: iso(r.answered_at),
    url: new URL(`/ideen/${r.id}`, base).href,
  };
}

const FeatureProperties = Type.Object({
  title: Type.String(),
  topic: Type.String(),
  status: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  supporters: Type.Integer(),
  created_at: Type.Union([Type.String(), Type.Null()]),
  threshold_reached_at: Type.Union([Type.String(), Type.Null()]),
  answer_due_at: Type.Union([Type.String(), Type.Null()]),
  answered_at: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});

const IdeaCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: FeatureProperties,
    }),
  ),
});

export async function openDataRoutes(app: FastifyInstance, { db, config }: ModuleServices): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const base = config.publicUrl.href;

  routes.get(
    '/api/ideas.geojson',
    {
      schema: {
        summary: 'Ideas as GeoJSON',
        description:
          'Public ideas (KümmertEuch) that have a place, as an RFC 7946 FeatureCollection of points (WGS84, longitude first), newest first. No personal data.',
        tags: [TAG],
        querystring: LimitQuery,
        response: { 200: { description: 'A FeatureCollection with one point per idea', content: { 'application/geo+json': { schema: IdeaCollection } } } },
      },
    },
    async (request, reply) => {
      const rows = await q.newestIdeas(db, request.ctx.org.id, request.query.limit ?? 1000, true);
      const features = rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [round(r.lon!), round(r.lat!)] },
        properties: properties(r, base),
      }));
      return reply.type('application/geo+json').header('Cache-Control', 'public, max-age=300').send({ type: 'FeatureCollection', features });
    },
  );

  routes.get(
    '/api/ideas.csv',
    {
      schema: {
        summary: 'Ideas as CSV',
        description:
          'Public ideas as a CSV table (UTF-8 with BOM, RFC 4180 quoting, CRLF); text cells that start with = + - @ get a leading apostrophe. No personal data.',
        tags: [TAG],
        querystring: LimitQuery,
        response: { 200: { description: 'The table, one row per idea', content: { 'text/csv': { schema: { type: 'string' } } } } },
      },
    },
    async (request, reply) => {
      const rows = await q.newestIdeas(db, request.ctx.org.id, request.query.limit ?? 1000);
      const header = [
        'id',
        'title',
        'description',
        'topic',
        'status',
        'district',
        'lat',
        'lon',
        'supporters',
        'created_at',
        'answer_due_at',
        'answered_at',
        'answer',
        'url',
      ];
      const lines = rows.map((r) => {
        const p = properties(r, base);
        return [
          r.id,
          r.title,
          r.description,
          r.topic,
          r.status,
          r.district,
          r.lat,
          r.lon,
          r.supporters_count,
          p.created_at,
          p.answer_due_at,
          p.answered_at,
          r.answer,
          p.url,
        ];
      });
      const body = csvDocument(header, lines);
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="ideen.csv"').send(body);
    },
  );

  routes.get(
    '/feeds/ideen.atom',
    { schema: { summary: 'Ideas as an Atom feed', description: 'The newest public ideas (KümmertEuch).', tags: [TAG] } },
    async (request, reply) => {
      const { ctx } = request;
      const t = translator(messages, ctx.locale);
      const rows = await q.newestIdeas(db, ctx.org.id, FEED_ENTRIES);
      const abs = (path: string) => new URL(path, base).href;
      const body = atomFeed(
        {
          id: abs('/feeds/ideen.atom'),
          title: t('feedTitle', { city: ctx.org.name }),
          subtitle: t('listTitle', { city: ctx.org.name }),
          selfUrl: abs('/feeds/ideen.atom'),
          alternateUrl: abs('/ideen'),
          author: ctx.org.name,
          rights: ctx.org.name,
          updated: rows.reduce((max, r) => (new Date(r.updated_at) > max ? new Date(r.updated_at) : max), new Date(0)),
          entries: rows.map((r) => {
            const item = feedItem(ctx.locale, r);
            return { ...item, id: abs(item.path), link: abs(item.path) };
          }),
        },
        ctx.locale,
      );
      return reply.type('application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(body);
    },
  );
}
