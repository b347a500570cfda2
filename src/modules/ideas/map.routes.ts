import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/connect';
import { Latitude, Longitude } from '../../platform/http/schemas';
import { fitView, type MapView, parseView, viewAround } from '../../platform/map/geometry';
import { renderStaticMapSvg } from '../../platform/map/static-map';
import { cityBox, mapAreas } from '../reports';
import * as q from './ideas.queries';
import { IdeaListQuery, listFilter } from './list-query';

const FALLBACK: MapView = { zoom: 11, lat: 51.514, lon: 7.465 };
const MAP_PINS = 500;

export async function cityView(db: Db, organizationId: number): Promise<MapView> {
  const box = await cityBox(db, organizationId);
  return box ? fitView(box) : FALLBACK;
}

const PlaceQuery = Type.Object({ ansicht: Type.Optional(Type.String({ maxLength: 60 })), lat: Type.Optional(Latitude), lon: Type.Optional(Longitude) });

/** The server-drawn maps: the picker on the idea form, an idea's place, and the filtered ideas (no script needed). */
export function ideaMapRoutes(app: FastifyInstance, db: Db): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const svg = (body: string) => body;

  routes.get('/ideen/ort.svg', { schema: { querystring: PlaceQuery } }, async (request, reply) => {
    const { ansicht, lat, lon } = request.query;
    const point = lat !== undefined && lon !== undefined ? { lat, lon } : null;
    const view = parseView(ansicht) ?? (point ? viewAround(point.lat, point.lon) : await cityView(db, request.ctx.org.id));
    const areas = await mapAreas(db, request.ctx.org.id);
    reply.header('Cache-Control', 'public, max-age=300');
    return reply.type('image/svg+xml').send(svg(renderStaticMapSvg({ view, areas, reports: [], point })));
  });

  routes.get('/ideen/karte.svg', { schema: { querystring: IdeaListQuery } }, async (request, reply) => {
    const { org } = request.ctx;
    const filter = listFilter(request.query);
    const [view, areas, pins] = await Promise.all([cityView(db, org.id), mapAreas(db, org.id), q.mapIdeas(db, org.id, filter, MAP_PINS)]);
    const group = (s: string) => (s === 'implemented' ? 'fixed' : s === 'rejected' ? 'closed' : s === 'submitted' ? 'open' : 'progress') as 'open';
    const reports = pins.map((p) => ({ id: p.id, lat: p.lat!, lon: p.lon!, status: p.status, group: group(p.status) }));
    reply.header('Cache-Control', 'public, max-age=60');
    return reply.type('image/svg+xml').send(renderStaticMapSvg({ view, areas, reports }));
  });
}
