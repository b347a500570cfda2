import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, NoticeQuery } from '../../platform/http/schemas';
import { fitView, type MapView } from '../../platform/map/geometry';
import { renderStaticMapSvg } from '../../platform/map/static-map';
import { sendHtml } from '../../platform/views/render';
import { cityBox, mapAreas } from '../reports';
import { type AngstraeumeScope, placePage } from './angstraeume.http';
import * as q from './angstraeume.queries';
import { PlacesMap, TAG } from './angstraeume.schemas';
import * as service from './angstraeume.service';
import { CHANGE_PIN, publicPlaceName, tr } from './views/parts';
import { AngstraeumeMapPage } from './views/public-pages';

const FALLBACK_VIEW: MapView = { zoom: 6, lat: 51.16, lon: 10.45 };

/** The public Angsträume-Karte: the map page, its picture without JavaScript, its GeoJSON, and the page of one place. */
export function publicRoutes(app: FastifyInstance, scope: AngstraeumeScope): void {
  const o = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, now, settings } = scope;

  o.get('/angstraeume', async (request, reply) => {
    const { ctx } = request;
    const [{ places, settings: s }, categories] = await Promise.all([service.loadPlaces(db, ctx.org.id, now()), q.angstraumCategories(db, ctx.org.id)]);
    const reportCategory = categories.find((c) => c.active)?.id ?? null;
    return sendHtml(
      reply,
      <AngstraeumeMapPage ctx={ctx} places={places} intervalDays={s.intervalDays} now={now()} settings={settings} reportCategoryId={reportCategory} />,
    );
  });

  o.get('/angstraeume/karte.svg', async (request, reply) => {
    const { ctx } = request;
    const [{ places }, areas, box] = await Promise.all([service.loadPlaces(db, ctx.org.id, now()), mapAreas(db, ctx.org.id), cityBox(db, ctx.org.id)]);
    const view = box ? fitView(box) : FALLBACK_VIEW;
    const reports = places
      .filter((p) => p.location_precise)
      .map((p) => ({ id: p.id, lat: p.lat, lon: p.lon, status: p.status, group: CHANGE_PIN[p.change.group] }));
    const svg = renderStaticMapSvg({ view, areas, reports, title: tr(ctx.locale)('mapAlt', { city: ctx.org.name, n: places.length }) });
    return reply.type('image/svg+xml; charset=utf-8').header('Cache-Control', 'private, max-age=60').send(svg);
  });

  o.get(
    '/api/angstraeume/karte',
    {
      schema: {
        summary: 'Angsträume as GeoJSON points',
        description: 'Reviewed places with an exact location, with the change in the feeling of safety since the last measure.',
        tags: [TAG],
        response: { 200: { description: 'OK', content: { 'application/geo+json': { schema: PlacesMap } } } },
      },
    },
    async (request, reply) => {
      const { ctx } = request;
      const t = tr(ctx.locale);
      const { places } = await service.loadPlaces(db, ctx.org.id, now());
      const features = places
        .filter((p) => p.location_precise)
        .map((p) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
          properties: {
            cluster: false,
            id: p.id,
            group: CHANGE_PIN[p.change.group],
            change: p.change.group,
            status: `${t(`change.${p.change.group}`)}${p.overdue ? ` · ${t('overdueMark')}` : ''}`,
            category: publicPlaceName(ctx.locale, p),
            overdue: p.overdue,
            measures: p.measures.length,
            url: `/angstraeume/${p.id}`,
          },
        }));
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('Cache-Control', 'private, no-cache')
        .send({ type: 'FeatureCollection' as const, features, clustered: false, truncated: false });
    },
  );

  o.get('/angstraeume/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const notice = request.query.ok === 'bewertet' ? tr(request.ctx.locale)('rateDone') : undefined;
    return placePage(scope, request, reply, request.params.id, { notice });
  });
}
