import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { AppError } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { sendHtml } from '../../platform/views/render';
import { parseW3cDate } from '../open311/open311';
import { ANONYMOUS_PER_MINUTE, countRequest } from '../open311/rate';
import { publicState } from '../reports/report';
import { categoryName } from '../reports/views/report-page';
import { statusLabel } from '../reports/views/status';
import { csvDocument } from './csv';
import { atomFeed, licence, sitemap } from './feeds';
import { messages } from './messages';
import { type CollectedRoute, openApiDocument } from './openapi';
import * as q from './opendata.queries';
import { ApiDocsPage } from './views/api-docs-page';
import { OpenDataPage } from './views/open-data-page';

export interface OpenDataDeps {
  db: Db;
  config: Config;
  routes: CollectedRoute[];
}

export const EXPORT_LIMIT_DEFAULT = 1000;
export const GEOJSON_LIMIT_MAX = 10_000;
export const CSV_LIMIT_MAX = 100_000;
const FEED_ENTRIES = 50;
const SITEMAP_REPORTS = 45_000;
const TAG = 'Open data';

const str = (description: string, extra: Record<string, unknown> = {}) => ({
  type: 'string',
  description,
  ...extra,
});

function exportQuery(max: number) {
  return {
    type: 'object',
    additionalProperties: true,
    properties: {
      bbox: str('min_lon,min_lat,max_lon,max_lat (WGS84).', {
        pattern: '^\\s*-?\\d{1,3}(\\.\\d+)?(\\s*,\\s*-?\\d{1,3}(\\.\\d+)?){3}\\s*$',
      }),
      category: str('A category code (service_code).', { pattern: '^[a-z0-9-]{1,60}$' }),
      district: {
        type: 'integer',
        minimum: 1,
        maximum: 999999999,
        description: 'A district id (see /offene-daten).',
      },
      status: str('open (new, confirmed, in progress), fixed or closed.', {
        enum: ['open', 'fixed', 'closed'],
      }),
      from: str('Reported on or after (YYYY-MM-DD or W3C date-time).', { maxLength: 40 }),
      to: str('Reported before (YYYY-MM-DD or W3C date-time).', { maxLength: 40 }),
      limit: {
        type: 'integer',
        minimum: 1,
        maximum: max,
        default: EXPORT_LIMIT_DEFAULT,
        description: `Reports per page (newest first), at most ${max}.`,
      },
      page: { type: 'integer', minimum: 1, maximum: 100000, default: 1, description: 'Page number, from 1.' },
    },
  } as const;
}

const geojsonResponse = {
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { const: 'FeatureCollection' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'geometry', 'properties'],
        properties: {
          type: { const: 'Feature' },
          id: { type: 'integer' },
          geometry: {
            type: 'object',
            required: ['type', 'coordinates'],
            properties: {
              type: { const: 'Point' },
              coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
            },
          },
          properties: {
            type: 'object',
            required: ['id', 'url', 'status', 'detailed_status', 'status_label', 'category_code', 'category', 'created_at', 'updated_at'],
            properties: {
              id: { type: 'integer' },
              url: { type: 'string' },
              status: { type: 'string', enum: ['open', 'closed'] },
              detailed_status: { type: 'string' },
              status_label: { type: 'string' },
              category_code: { type: 'string' },
              category: { type: 'string' },
              district: { type: ['string', 'null'] },
              department: { type: ['string', 'null'] },
              address: { type: ['string', 'null'] },
              description: { type: 'string' },
              location_precise: { type: 'boolean' },
              supporters: { type: 'integer' },
              created_at: { type: 'string' },
              updated_at: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

interface ExportQuery {
  bbox?: string;
  category?: string;
  district?: number;
  status?: 'open' | 'fixed' | 'closed';
  from?: string;
  to?: string;
  limit?: number;
  page?: number;
}

function filterFrom(query: ExportQuery): q.ExportFilter {
  const date = (v: string | undefined, name: string) => {
    if (v === undefined || v.trim() === '') return undefined;
    const d = parseW3cDate(v);
    if (!d) throw new AppError('bad_request');
    void name;
    return d;
  };
  let bbox: q.ExportFilter['bbox'];
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox.split(',').map((x) => Number(x.trim())) as [number, number, number, number];
    if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 || Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 || minLon > maxLon || minLat > maxLat)
      throw new AppError('bad_request');
    bbox = { minLon, minLat, maxLon, maxLat };
  }
  return {
    bbox,
    categoryCode: query.category,
    districtId: query.district,
    status: query.status,
    from: date(query.from, 'from'),
    to: date(query.to, 'to'),
  };
}

/** Anonymous reading is counted per address (generous, never a lock-out); JSON errors with Retry-After. */
async function limited(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const counted = await countRequest(db, request, null);
  if (!counted.allowed) {
    reply.header('Retry-After', String(counted.retryAfter));
    throw new AppError('rate_limited', { retryAfterSeconds: counted.retryAfter });
  }
}

export async function openDataRoutes(app: FastifyInstance, { db, config, routes }: OpenDataDeps): Promise<void> {
  const lic = licence(config.openDataLicence);
  const abs = (path: string) => new URL(path, config.publicUrl).href;
  const rateLimited = {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => limited(db, request, reply),
  };

  function describe(r: q.ExportRow, locale: 'de' | 'en') {
    const state = publicState(r);
    return {
      id: r.id,
      url: abs(`/meldungen/${r.id}`),
      status: state === 'fixed' || state.startsWith('closed') ? ('closed' as const) : ('open' as const),
      detailed_status: state,
      status_label: statusLabel(locale, r),
      category_code: r.category_code,
      category: categoryName(locale, r),
      district: r.district ?? null,
      department: r.department ?? null,
      address: r.address || null,
      description: r.description,
      location_precise: r.location_precise,
      supporters: r.supporters_count,
      created_at: new Date(r.created_at).toISOString(),
      updated_at: new Date(r.updated_at).toISOString(),
    };
  }

  app.get(
    '/api/reports.geojson',
    {
      ...rateLimited,
      schema: {
        summary: 'Reports as GeoJSON',
        description: 'Public reports as an RFC 7946 FeatureCollection of points (WGS84, longitude first), newest first.',
        tags: [TAG],
        querystring: exportQuery(GEOJSON_LIMIT_MAX),
        response: { 200: { content: { 'application/geo+json': { schema: geojsonResponse } } } },
      },
    },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const limit = query.limit ?? EXPORT_LIMIT_DEFAULT;
      const rows = await q.exportReports(db, request.ctx.org.id, filterFrom(query), {
        limit,
        offset: ((query.page ?? 1) - 1) * limit,
      });
      const features = rows.map((r) => ({
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: [round(Number(r.lon)), round(Number(r.lat))] },
        properties: describe(r, request.ctx.locale),
      }));
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('Cache-Control', 'public, max-age=60')
        .header('Content-Disposition', 'inline; filename="meldungen.geojson"')
        .send(JSON.stringify({ type: 'FeatureCollection', features }));
    },
  );

  app.get(
    '/api/reports.csv',
    {
      ...rateLimited,
      schema: {
        summary: 'Reports as CSV',
        description:
          'Public reports as a CSV table (UTF-8 with BOM, comma-separated, RFC 4180 quoting, CRLF); text cells that start with = + - @ are prefixed with an apostrophe.',
        tags: [TAG],
        querystring: exportQuery(CSV_LIMIT_MAX),
        response: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } } },
      },
    },
    async (request, reply) => {
      const query = request.query as ExportQuery;
      const limit = query.limit ?? EXPORT_LIMIT_DEFAULT;
      const rows = await q.exportReports(db, request.ctx.org.id, filterFrom(query), {
        limit,
        offset: ((query.page ?? 1) - 1) * limit,
      });
      const t = translator(messages, request.ctx.locale);
      const body = csvDocument(
        t('csvHeader').split(','),
        rows.map((r) => {
          const d = describe(r, request.ctx.locale);
          return [
            d.id,
            d.url,
            d.created_at,
            d.updated_at,
            d.status,
            d.detailed_status,
            d.status_label,
            d.category_code,
            d.category,
            d.district,
            d.department,
            d.address,
            Number(r.lat),
            Number(r.lon),
            d.location_precise,
            d.supporters,
            d.description,
          ];
        }),
      );
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('Cache-Control', 'public, max-age=60')
        .header('Content-Disposition', 'attachment; filename="meldungen.csv"')
        .send(body);
    },
  );

  async function feed(request: FastifyRequest, reply: FastifyReply, scope: { title: string; self: string; filter: q.ExportFilter }) {
    const { ctx } = request;
    const t = translator(messages, ctx.locale);
    const rows = await q.exportReports(db, ctx.org.id, scope.filter, { limit: FEED_ENTRIES, offset: 0 });
    const body = atomFeed(
      {
        id: abs(scope.self),
        title: scope.title,
        subtitle: t('feedSubtitle', { licence: lic.name }),
        selfUrl: abs(scope.self),
        alternateUrl: abs('/offene-daten'),
        author: ctx.org.name,
        rights: lic.url ? `${lic.name} (${lic.url})` : lic.name,
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

  app.get('/feeds/meldungen.atom', rateLimited, async (request, reply) => {
    const t = translator(messages, request.ctx.locale);
    return feed(request, reply, {
      title: t('feedTitleAll', { city: request.ctx.org.name }),
      self: '/feeds/meldungen.atom',
      filter: {},
    });
  });

  app.get('/feeds/kategorien/:code.atom', rateLimited, async (request, reply) => {
    const code = (request.params as { code: string }).code;
    const category = /^[a-z0-9-]{1,60}$/.test(code) ? await q.categoryByCode(db, request.ctx.org.id, code) : undefined;
    if (!category) throw new AppError('not_found');
    const t = translator(messages, request.ctx.locale);
    const name = request.ctx.locale === 'de' ? category.name_de : category.name_en;
    return feed(request, reply, {
      title: t('feedTitleCategory', { category: name, city: request.ctx.org.name }),
      self: `/feeds/kategorien/${category.code}.atom`,
      filter: { categoryId: category.id },
    });
  });

  app.get('/feeds/bezirke/:id.atom', rateLimited, async (request, reply) => {
    const raw = (request.params as { id: string }).id;
    const district = /^\d{1,9}$/.test(raw) ? await q.districtById(db, request.ctx.org.id, Number(raw)) : undefined;
    if (!district) throw new AppError('not_found');
    const t = translator(messages, request.ctx.locale);
    return feed(request, reply, {
      title: t('feedTitleDistrict', { district: district.name, city: request.ctx.org.name }),
      self: `/feeds/bezirke/${district.id}.atom`,
      filter: { districtId: district.id },
    });
  });

  app.get('/sitemap.xml', rateLimited, async (request, reply) => {
    const pages = ['/', '/melden', '/offene-daten', '/api/docs', '/impressum', '/datenschutz', '/barrierefreiheit'];
    const reports = await q.sitemapReports(db, request.ctx.org.id, SITEMAP_REPORTS);
    const body = sitemap([
      ...pages.map((p) => ({ loc: abs(p) })),
      ...reports.map((r) => ({ loc: abs(`/meldungen/${r.id}`), lastmod: new Date(r.updated_at) })),
    ]);
    return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(body);
  });

  let document: ReturnType<typeof openApiDocument> | null = null;
  const openApi = () => {
    document ??= openApiDocument(routes, {
      title: 'Kümmerer API',
      version: '1',
      description: 'Open311 GeoReport v2 (XML and JSON) and open data of the reports. Reading needs no key; writing needs an API key from the city.',
      serverUrl: config.publicUrl.origin,
      licence: lic.url ? { name: lic.name, url: lic.url } : { name: lic.name },
    });
    return document;
  };

  app.get('/api/openapi.json', rateLimited, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(JSON.stringify(openApi())),
  );

  app.get('/api/docs', async (request, reply) => {
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
        licence={lic}
        categories={categories.map((c) => ({
          code: c.code,
          name: ctx.locale === 'de' ? c.name_de : c.name_en,
        }))}
        districts={districts}
        anonymousPerMinute={ANONYMOUS_PER_MINUTE}
      />,
    );
  });
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
