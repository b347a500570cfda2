import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../../platform/db/connect';
import type { Bbox } from '../../../platform/geo/geojson';
import type { RequestContext } from '../../../platform/http/context';
import { AppError } from '../../../platform/http/errors';
import { parseView, viewBounds } from '../../../platform/map/geometry';
import { gridFor, snapToGrid } from '../../../platform/map/grid';
import { pinGroup } from '../../../platform/map/pins';
import { renderStaticMapSvg } from '../../../platform/map/static-map';
import { parseCoordinate } from '../report';
import type { ListFilter } from '../report.queries';
import { statusLabel } from '../views/status';
import { ALWAYS_POINTS_ZOOM, DENSE_POINTS_MAX, type FilterField, type FilterProblem, MAP_FEATURES_MAX, POINTS_FROM_ZOOM, parseBbox, parseFilters } from './map';
import * as mq from './map.queries';
import type { MapDeps } from './map.routes';
import { FilterFields, ViewText } from './map.schemas';
import { MapAreasAnswer, MapDataAnswer, MapDataError } from './map-data.schemas';
import { cityView, type PublicCaches, sendCached, translateFilterErrors, withEtag } from './map-http';

const GEOJSON = 'application/geo+json; charset=utf-8';
const COORDINATE = '-?\\d{1,3}(\\.\\d{1,15})?';

const MapDataQuery = Type.Object({
  ...FilterFields,
  bbox: Type.String({ pattern: `^${COORDINATE}(,${COORDINATE}){3}$`, description: 'minLon,minLat,maxLon,maxLat (WGS 84)' }),
  zoom: Type.Integer({ minimum: 0, maximum: 22, description: 'The map zoom level' }),
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
  routes.get(
    '/api/reports/map',
    { schema: { querystring: MapDataQuery, response: { 200: MapDataAnswer, 400: MapDataError } }, attachValidation: true },
    async (request, reply) => {
      const { ctx } = request;
      const query = request.query;
      const parsed = parseFilters(query);
      const errors = { ...parsed.errors, ...schemaProblems(request.validationError) };
      delete errors.seite;
      const bbox = errors.bbox ? null : parseBbox(query.bbox);
      if (!bbox) errors.bbox = 'bbox';
      if (Object.keys(errors).length > 0 || !bbox) {
        const fields = translateFilterErrors(ctx, errors);
        const message = Object.entries(fields)
          .map(([f, m]) => `${f}: ${m}`)
          .join('; ');
        return reply.status(400).send({ error: { code: 'bad_request', message, fields } });
      }
      const { zoom } = query;
      // Clusters are counted over whole grid cells (the box grown to cell edges), which also makes panned views
      // of the same area share one cache entry.
      const grid = zoom < POINTS_FROM_ZOOM ? gridFor(zoom, bbox) : null;
      const filter = { ...parsed.filter, bbox: grid ? snapToGrid(bbox, grid) : bbox };
      const key = `${ctx.org.id}|${ctx.locale}|${zoom}|${JSON.stringify(filter)}`;
      const answer = await caches.mapData.get(key, async () => withEtag(await mapAnswer(db, ctx, filter, zoom, grid)));
      return sendCached(request, reply, answer, GEOJSON);
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

async function mapAnswer(
  db: Db,
  ctx: RequestContext,
  filter: ListFilter & { bbox: Bbox },
  zoom: number,
  grid: { lonStep: number; latStep: number } | null,
): Promise<string> {
  const category = (r: { category_de: string | null; category_en: string | null }) => (ctx.locale === 'de' ? r.category_de : r.category_en) ?? '';
  let features: unknown[];
  let clustered = false;
  let truncated = false;
  if (!grid) {
    const dense = zoom < ALWAYS_POINTS_ZOOM;
    const rows = await mq.mapPoints(db, ctx.org.id, filter, (dense ? DENSE_POINTS_MAX : MAP_FEATURES_MAX) + 1);
    if (dense && rows.length > DENSE_POINTS_MAX) {
      const cells = gridFor(zoom, filter.bbox);
      return mapAnswer(db, ctx, { ...filter, bbox: snapToGrid(filter.bbox, cells) }, zoom, cells);
    }
    truncated = rows.length > MAP_FEATURES_MAX;
    features = rows.slice(0, MAP_FEATURES_MAX).map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        cluster: false,
        id: r.id,
        group: pinGroup(r.status),
        status: statusLabel(ctx.locale, r),
        category: category(r),
        url: `/meldungen/${r.id}`,
      },
    }));
  } else {
    clustered = true;
    const rows = await mq.mapClusters(db, ctx.org.id, filter, grid, MAP_FEATURES_MAX + 1);
    truncated = rows.length > MAP_FEATURES_MAX;
    features = rows.slice(0, MAP_FEATURES_MAX).map((r) =>
      r.count === 1 && r.id !== null
        ? {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
            properties: {
              cluster: false,
              id: r.id,
              group: pinGroup(r.status ?? 'new'),
              status: statusLabel(ctx.locale, { status: r.status as never, close_reason: r.close_reason as never }),
              category: category(r),
              url: `/meldungen/${r.id}`,
            },
          }
        : { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { cluster: true, count: r.count } },
    );
  }
  return JSON.stringify({ type: 'FeatureCollection', features, clustered, truncated, zoom });
}
