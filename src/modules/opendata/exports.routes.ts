import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { parseBbox, parseW3cDate } from '../open311';
import { csvDocument } from './csv';
import { messages } from './messages';
import { describeReport, type OpenDataScope } from './opendata.http';
import * as q from './opendata.queries';
import { apiErrors, CSV_LIMIT_MAX, EXPORT_LIMIT_DEFAULT, type ExportQuery, exportQuery, GEOJSON_LIMIT_MAX, geojsonResponse, TAG } from './opendata.schemas';

function filterFrom(query: ExportQuery): q.ExportFilter {
  const date = (v: string | undefined) => {
    if (v === undefined || v.trim() === '') return undefined;
    const d = parseW3cDate(v);
    if (!d) throw new AppError('bad_request');
    return d;
  };
  const bbox = query.bbox === undefined ? undefined : parseBbox(query.bbox);
  if (bbox === null) throw new AppError('bad_request');
  return { bbox, categoryCode: query.category, districtId: query.district, status: query.status, from: date(query.from), to: date(query.to) };
}

function page(query: ExportQuery) {
  const limit = query.limit ?? EXPORT_LIMIT_DEFAULT;
  return { limit, offset: ((query.page ?? 1) - 1) * limit };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The public reports as GeoJSON and CSV, with the same filters and paging. */
export function exportRoutes(app: FastifyInstance, { db, abs, rateLimited }: OpenDataScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();

  o.get(
    '/api/reports.geojson',
    {
      ...rateLimited,
      schema: {
        summary: 'Reports as GeoJSON',
        description: 'Public reports as an RFC 7946 FeatureCollection of points (WGS84, longitude first), newest first.',
        tags: [TAG],
        querystring: exportQuery(GEOJSON_LIMIT_MAX),
        response: { 200: { description: 'OK', content: { 'application/geo+json': { schema: geojsonResponse } } }, ...apiErrors },
      },
    },
    async (request, reply) => {
      const rows = await q.exportReports(db, request.ctx.org.id, filterFrom(request.query), page(request.query));
      const features = rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [round(Number(r.lon)), round(Number(r.lat))] },
        properties: describeReport(r, request.ctx.locale, abs),
      }));
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('Cache-Control', 'public, max-age=60')
        .header('Content-Disposition', 'inline; filename="meldungen.geojson"')
        .send({ type: 'FeatureCollection' as const, features });
    },
  );

  o.get(
    '/api/reports.csv',
    {
      ...rateLimited,
      schema: {
        summary: 'Reports as CSV',
        description:
          'Public reports as a CSV table (UTF-8 with BOM, comma-separated, RFC 4180 quoting, CRLF); text cells that start with = + - @ are prefixed with an apostrophe.',
        tags: [TAG],
        querystring: exportQuery(CSV_LIMIT_MAX),
        response: { 200: { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } }, ...apiErrors },
      },
    },
    async (request, reply) => {
      const { ctx } = request;
      const rows = await q.exportReports(db, ctx.org.id, filterFrom(request.query), page(request.query));
      const t = translator(messages, ctx.locale);
      const body = csvDocument(
        t('csvHeader').split(','),
        rows.map((r) => {
          const d = describeReport(r, ctx.locale, abs);
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
}
