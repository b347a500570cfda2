import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { Type } from 'typebox';
import type { Bbox } from '../../../platform/geo/geojson';
import type { RequestContext } from '../../../platform/http/context';
import { AppError } from '../../../platform/http/errors';
import { parseView, viewBounds } from '../../../platform/map/geometry';
import { isTile, type TileRange, tilesCovering } from '../../../platform/map/grid';
import { renderStaticMapSvg } from '../../../platform/map/static-map';
import { parseCoordinate } from '../report';
import type { ListFilter } from '../report.queries';
import { type FilterField, type FilterProblem, parseBbox, parseFilters } from './map';
import * as mq from './map.queries';
import type { MapDeps } from './map.routes';
import { FilterFields, ViewText } from './map.schemas';
import { mapAnswer } from './map-answer';
import { MapAreasAnswer, MapDataAnswer, MapDataError } from './map-data.schemas';
import { cityView, type PublicCaches, sendCached, translateFilterErrors, withEtag } from './map-http';

const GEOJSON = 'application/geo+json; charset=utf-8';
const COORDINATE = '-?\\d{1,3}(\\.\\d{1,15})?';

const MapDataQuery = Type.Object({
  ...FilterFields,
  bbox: Type.String({ pattern: `^${COORDINATE}(,${COORDINATE}){3}$`, description: 'minLon,minLat,maxLon,maxLat (WGS 84)' }),
  zoom: Type.Integer({ minimum: 0, maximum: 22, description: 'The map zoom level' }),
});

const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: 22, description: 'Zoom level' }),
  x: Type.Integer({ minimum: 0, maximum: 4_194_303, description: 'Tile column (0 at 180° W)' }),
  y: Type.Integer({ minimum: 0, maximum: 4_194_303, description: 'Tile row (0 at the north edge)' }),
});

const StaticMapQuery = Type.Object({
  ...FilterFields,
  ansicht: Type.Optional(ViewText),
  punkt: Type.Optional(Type.String({ pattern: `^${COORDINATE},${COORDINATE}$`, description: 'lat,lon of a pin' })),
  meldungen: Type.Optional(Type.Enum(['offen', 'filter'], { description: 'Which reports to draw: open ones, or those of the filter' })),
});

/** The fields a failed schema check names (missing ones included), as the map's own filter problems. */
function schemaProblems(error: { validation?: FastifySchemaValidationError[] } | undefined): Partial<Record<FilterField, FilterProblem>> {
  const problems: Partial<Record<FilterField, FilterProblem>> = {};
  for (const e of error?.validation ?? []) {
    const names = e.keyword === 'required' ? ((e.params as { requiredProperties?: string[] }).requiredProperties ?? []) : [e.instancePath.slice(1)];
    for (const name of names) if (name === 'bbox' || name === 'zoom') problems[name] = name;
  }
  return problems;
}

/** Data for the maps: GeoJSON for Leaflet and the SVG picture. */
export function mapDataRoutes(app: FastifyInstance, { db }: MapDeps, caches: PublicCaches): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get('/api/karte/gebiete', { schema: { response: { 200: MapAreasAnswer } } }, async (request, reply) => {
    const areas = await mq.mapAreas(db, request.ctx.org.id);
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: areas.map((a) => ({ type: 'Feature', id: a.id, properties: { kind: a.kind, name: a.name }, geometry: a.geometry })),
    });
    return sendCached(request, reply, body, GEOJSON, 300);
  });

  // Bad parameters get the map's own answer, every bad field named with a message in the visitor's language.
  const badRequest = (reply: FastifyReply, ctx: RequestContext, errors: Partial<Record<FilterField, FilterProblem>>) => {
    const fields = translateFilterErrors(ctx, errors);
    const message = Object.entries(fields)
      .map(([f, m]) => `${f}: ${m}`)
      .join('; ');
    return reply.status(400).send({ error: { code: 'bad_request', message, fields } });
  };
  // Answers are per block of whole tiles, so every view that loads a tile gets the same answer: shared by the
  // in-process cache when it is on, and by browsers and proxies through Cache-Control and the ETag.
  const send = async (request: FastifyRequest, reply: FastifyReply, filter: ListFilter, tiles: TileRange) => {
    const { ctx } = request;
    const key = `${ctx.org.id}|${ctx.locale}|${tiles.zoom}/${tiles.x0}-${tiles.x1}/${tiles.y0}-${tiles.y1}|${JSON.stringify(filter)}`;
    const body = await caches.mapData.get(key, async () => withEtag(await mapAnswer(db, ctx, filter, tiles)));
    return sendCached(request, reply, body, GEOJSON);
  };

  routes.get(
    '/api/reports/map',
    { schema: { querystring: MapDataQuery, response: { 200: MapDataAnswer, 400: MapDataError } }, attachValidation: true },
    async (request, reply) => {
      const query = request.query;
      const parsed = parseFilters(query);
      const errors = { ...parsed.errors, ...schemaProblems(request.validationError) };
      delete errors.seite;
      const bbox = errors.bbox ? null : parseBbox(query.bbox);
      if (!bbox) errors.bbox = 'bbox';
      if (Object.keys(errors).length > 0 || !bbox) return badRequest(reply, request.ctx, errors);
      // The box grown to whole tiles: the answer covers every cell it touches, and nearby views share it.
      return send(request, reply, parsed.filter, tilesCovering(bbox, query.zoom));
    },
  );

  // What the map client loads: one 256-px tile (standard z/x/y numbering) at a time.
  routes.get(
    '/api/reports/map/:z/:x/:y',
    { schema: { params: TileParams, querystring: Type.Object(FilterFields), response: { 200: MapDataAnswer, 400: MapDataError } } },
    async (request, reply) => {
      const { z, x, y } = request.params;
      if (!isTile(z, x, y)) throw new AppError('not_found');
      const parsed = parseFilters(request.query);
      if (Object.keys(parsed.errors).length > 0) return badRequest(reply, request.ctx, parsed.errors);
      return send(request, reply, parsed.filter, { zoom: z, x0: x, x1: x, y0: y, y1: y });
    },
  );

  routes.get('/karte/bild.svg', { schema: { querystring: StaticMapQuery } }, async (request, reply) => {
    const { ctx } = request;
    const query = request.query;
    const parsed = parseFilters(query);
    if (Object.keys(parsed.errors).length > 0) throw new AppError('bad_request');
    const view = parseView(query.ansicht) ?? (await cityView(db, ctx.org.id));
    const [rawLat = '', rawLon = ''] = (query.punkt ?? '').split(',');
    const lat = parseCoordinate(rawLat, 'lat');
    const lon = parseCoordinate(rawLon, 'lon');
    const point = lat !== null && lon !== null ? { lat, lon } : null;
    const bbox: Bbox = viewBounds(view);
    const filter = query.meldungen === 'offen' ? { status: 'open' as const, bbox } : query.meldungen === 'filter' ? { ...parsed.filter, bbox } : null;
    const [areas, reports] = await Promise.all([mq.mapAreas(db, ctx.org.id), filter ? mq.staticMapReports(db, ctx.org.id, filter) : Promise.resolve([])]);
    const svg = renderStaticMapSvg({ view, areas, reports, point });
    return sendCached(request, reply, svg, 'image/svg+xml; charset=utf-8');
  });
}
