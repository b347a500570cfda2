import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { createGeocoder, type Geocoder, type GeocoderAnswer } from '../../../platform/geo/geocoder';
import type { Bbox } from '../../../platform/geo/geojson';
import { clientKey } from '../../../platform/http/client-ip';
import type { RequestContext } from '../../../platform/http/context';
import { AppError, type FieldErrors } from '../../../platform/http/errors';
import { asForm, field } from '../../../platform/http/form';
import { type SharedPages, sharedPages } from '../../../platform/http/page-cache';
import { enforce } from '../../../platform/http/rate-limit';
import { publicCache } from '../../../platform/http/response-cache';
import { translator } from '../../../platform/i18n';
import { sendHtml } from '../../../platform/views/render';
import { LIMITS, parseCoordinate } from '../report';
import type { ListFilter } from '../report.queries';
import * as rq from '../report.queries';
import type { LocationStepExtras } from '../report.routes';
import { locate } from '../report.service';
import { Step1Page, type Step1Values } from '../views/report-form';
import { statusLabel } from '../views/status';
import {
  ALWAYS_POINTS_ZOOM,
  DENSE_POINTS_MAX,
  type FilterField,
  fitView,
  formatView,
  gridFor,
  MAP_FEATURES_MAX,
  type MapAction,
  type MapView,
  mapAction,
  mapClick,
  PAGE_SIZE,
  POINTS_FROM_ZOOM,
  parseBbox,
  parseFilters,
  parseView,
  parseZoom,
  pinGroup,
  snapToGrid,
  viewAround,
  viewBounds,
} from './map';
import { mapMessages } from './map.messages';
import * as mq from './map.queries';
import { chosenPoint, LocationPicker, PICKER_ACTION, type PickerState } from './views/location-picker';
import type { MapSettings } from './views/parts';
import { ReportMap } from './views/report-map';
import { ReportsListPage } from './views/reports-list';
import { renderStaticMapSvg } from './views/static-map';

export interface MapDeps {
  db: Db;
  config: Config;
  /** Tests pass their own; by default built from GEOCODER_URL. */
  geocoder?: Geocoder;
  /** Tests pass their own fetch for the tile proxy. */
  fetchTile?: typeof fetch;
}

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BUNDLE = path.join(ROOT, 'public', 'js', 'map.js');
/** Where a map shows no city (no districts yet): the middle of Germany. */
const FALLBACK_VIEW: MapView = { zoom: 6, lat: 51.16, lon: 10.45 };
const MAP_ACTIONS: MapAction[] = ['in', 'out', 'north', 'south', 'east', 'west', 'city'];
const SEARCH_LIMIT = { name: 'geocode:ip', max: 30, windowSeconds: 60 };
const TILE_LIMIT = { name: 'tiles:ip', max: 600, windowSeconds: 60 };

/**
 * Builds the client bundle when it is missing (a fresh clone, CI): the pages work without it, so a failure
 * (esbuild is a dev dependency) is logged and nothing more.
 */
export async function ensureClientBundle(log: (msg: string) => void = () => {}): Promise<void> {
  if (existsSync(BUNDLE)) return;
  await new Promise<void>((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'build-client.mjs'), '--quiet'], { cwd: ROOT, timeout: 60_000 }, (err) => {
      if (err) log(`client bundle could not be built (maps work without JavaScript only): ${err.message}`);
      resolve();
    });
  });
}

export function mapSettings(config: Config): MapSettings {
  return { tiles: config.mapTileUrl ? '/karte/kacheln/{z}/{x}/{y}.png' : null, attribution: config.mapTileAttribution };
}

/** The map feature: the extras for the report form and page, and its own routes. */
export function createMapFeature(deps: MapDeps) {
  const { db, config } = deps;
  const geocoder = deps.geocoder ?? createGeocoder({ url: config.geocoderUrl, userAgent: `Kuemmerer (${config.publicUrl.host})` });
  const settings = mapSettings(config);
  const caches = publicCaches(config.publicCacheSeconds);

  const extras: LocationStepExtras = {
    render: (ctx, values) => (
      <LocationPicker ctx={ctx} values={values} settings={settings} state={{ view: null, search: null, geocoderConfigured: geocoder.configured }} />
    ),
    reportMap: (ctx, report) => <ReportMap ctx={ctx} report={report} settings={settings} />,
  };

  async function routes(app: FastifyInstance): Promise<void> {
    await ensureClientBundle((msg) => app.log.warn(msg));
    registerPicker(app, deps, geocoder, settings);
    registerList(app, db, settings, caches, sharedPages(config.publicCacheSeconds));
    registerData(app, db, caches);
    registerTiles(app, db, config, deps.fetchTile ?? fetch);
  }

  return { extras, routes, geocoder };
}

// ---------------------------------------------------------------------------------------------------------
// Caching of anonymous map data: an ETag over the body, and public caching only when no cookie is being set.

interface CachedBody {
  body: string;
  etag: string;
}

function withEtag(body: string): CachedBody {
  return { body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * What every visitor of a city shares: map answers and list counts. Cached per process for a short time
 * (PUBLIC_CACHE_SECONDS, the same order as the map's max-age), so a crowd costs one query per key, not one each.
 */
function publicCaches(seconds: number) {
  return {
    mapData: publicCache<CachedBody>(seconds, 'map data', 2000),
    listCount: publicCache<number>(seconds, 'list count', 500),
  };
}
type PublicCaches = ReturnType<typeof publicCaches>;

function sendCached(request: FastifyRequest, reply: FastifyReply, payload: string | CachedBody, type: string, maxAge = 60) {
  const { body, etag } = typeof payload === 'string' ? withEtag(payload) : payload;
  // A response that sets a cookie (a first visit) must never be stored by a shared cache.
  const shared = Boolean(request.cookies.k_csrf);
  reply.header('Cache-Control', `${shared ? 'public' : 'private'}, max-age=${maxAge}`);
  reply.header('ETag', etag);
  const query = request.query as Record<string, unknown>;
  if (!query.lang) reply.header('Vary', 'Accept-Language, Cookie');
  const match = request.headers['if-none-match'];
  if (match?.split(',').some((m) => m.trim() === etag)) return reply.status(304).send();
  return reply.type(type).send(body);
}

async function cityView(db: Db, organizationId: number): Promise<MapView> {
  const box = await mq.cityBox(db, organizationId);
  return box ? fitView(box) : FALLBACK_VIEW;
}

// ---------------------------------------------------------------------------------------------------------
// Step one without JavaScript: the picker's buttons post here; the answer redirects to a GET page.

function registerPicker(app: FastifyInstance, deps: MapDeps, geocoder: Geocoder, settings: MapSettings) {
  const { db } = deps;

  function pickerUrl(values: Step1Values, extra: { view?: MapView | null; search?: string }): string {
    const params = new URLSearchParams();
    if (values.categoryId) params.set('kategorie', values.categoryId);
    if (values.lat) params.set('lat', values.lat);
    if (values.lon) params.set('lon', values.lon);
    if (values.address) params.set('ort', values.address.slice(0, LIMITS.addressMax));
    if (extra.view) params.set('ansicht', formatView(extra.view));
    if (extra.search) params.set('suche', extra.search);
    return `${PICKER_ACTION}?${params.toString()}`;
  }

  app.post(PICKER_ACTION, async (request, reply) => {
    const body = asForm(request.body);
    const values: Step1Values = { categoryId: field(body, 'categoryId'), lat: field(body, 'lat'), lon: field(body, 'lon'), address: field(body, 'address') };
    const view = parseView(field(body, 'ansicht'));
    const action = field(body, 'karte_aktion') as MapAction;
    const search = field(body, 'suche').slice(0, 200);

    const hit = field(body, 'treffer');
    if (hit) {
      const [coords = '', ...label] = hit.split('|');
      const [rawLat = '', rawLon = ''] = coords.split(',');
      const lat = parseCoordinate(rawLat, 'lat');
      const lon = parseCoordinate(rawLon, 'lon');
      if (lat === null || lon === null) throw new AppError('bad_request');
      const chosen = { ...values, lat: String(lat), lon: String(lon), address: values.address || label.join('|').slice(0, LIMITS.addressMax) };
      return reply.redirect(pickerUrl(chosen, { view: viewAround(lat, lon) }), 303);
    }
    if (MAP_ACTIONS.includes(action)) {
      const city = await cityView(db, request.ctx.org.id);
      return reply.redirect(pickerUrl(values, { view: mapAction(view ?? city, action, city), search }), 303);
    }
    const x = field(body, 'karte.x');
    const y = field(body, 'karte.y');
    if (/^\d{1,5}$/.test(x) && /^\d{1,5}$/.test(y)) {
      const point = chosenPoint(values);
      const current = view ?? (point ? viewAround(point.lat, point.lon) : await cityView(db, request.ctx.org.id));
      const outcome = mapClick(current, Number(x), Number(y));
      const next = outcome.kind === 'pick' ? { ...values, lat: String(outcome.lat), lon: String(outcome.lon) } : values;
      return reply.redirect(pickerUrl(next, { view: outcome.view, search }), 303);
    }
    if (field(body, 'aktion') === 'suchen' && search) {
      return reply.redirect(pickerUrl(values, { view, search }), 303);
    }
    // Enter in a text field presses the first button, the search: with nothing to search, it means "continue".
    return reply.redirect('/melden/ort', 307);
  });

  app.get(PICKER_ACTION, async (request, reply) => {
    const { ctx } = request;
    const query = request.query as Record<string, string | undefined>;
    const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
    const values: Step1Values = { categoryId: one('kategorie'), lat: one('lat'), lon: one('lon'), address: one('ort').slice(0, LIMITS.addressMax) };
    const view = parseView(one('ansicht'));
    const searchQuery = one('suche').slice(0, 200);
    let search: PickerState['search'] = null;
    if (searchQuery) {
      await enforce(db, [[SEARCH_LIMIT, clientKey(request.ip)]]);
      const box = await mq.cityBox(db, ctx.org.id);
      let answer: GeocoderAnswer = await geocoder.search(searchQuery, { bbox: box ?? undefined, language: ctx.locale, limit: 5 });
      if (answer.ok) {
        // Only places inside the city: anything else would be refused at "Weiter".
        const inside = await Promise.all(answer.results.map((r) => locate(db, ctx.org.id, r.lat, r.lon)));
        answer = { ok: true, results: answer.results.filter((_, i) => inside[i]!.inside) };
      }
      if (!answer.ok) request.log.warn({ reason: answer.reason }, 'geocoder failed');
      search = { query: searchQuery, answer };
    }
    const categories = await rq.listCategories(db, ctx.org.id);
    const options = categories.map((c) => ({
      id: c.id,
      name: ctx.locale === 'de' ? c.name_de : c.name_en,
      description: ctx.locale === 'de' ? c.description_de : c.description_en,
    }));
    const state: PickerState = { view, search, geocoderConfigured: geocoder.configured };
    return sendHtml(
      reply,
      <Step1Page ctx={ctx} categories={options} values={values} extra={<LocationPicker ctx={ctx} values={values} state={state} settings={settings} />} />,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// /meldungen: the public list with filters and the map.

function translateFilterErrors(ctx: RequestContext, errors: Partial<Record<FilterField, string>>): FieldErrors {
  const t = translator(mapMessages, ctx.locale);
  return Object.fromEntries(Object.entries(errors).map(([f, p]) => [f, t(`err.${p}` as Parameters<typeof t>[0])]));
}

function registerList(app: FastifyInstance, db: Db, settings: MapSettings, caches: PublicCaches, shared: SharedPages) {
  app.get('/meldungen', async (request, reply) => shared.send(request, reply, (ctx) => listPage(ctx, request.query as Record<string, unknown>)));

  async function listPage(ctx: RequestContext, query: Record<string, unknown>) {
    const parsed = parseFilters(query);
    const hasErrors = Object.keys(parsed.errors).length > 0;
    // A fixed number of queries whatever the page shows: filter lists, the count, one page of rows (with joins).
    const [categories, districts, total, rows] = await Promise.all([
      mq.categoriesForFilter(db, ctx.org.id),
      rq.districtsForFilter(db, ctx.org.id),
      hasErrors
        ? Promise.resolve(0)
        : caches.listCount.get(`${ctx.org.id}|${JSON.stringify(parsed.filter)}`, () => rq.countPublicReports(db, ctx.org.id, parsed.filter)),
      hasErrors ? Promise.resolve([]) : rq.listPublicReports(db, ctx.org.id, parsed.filter, { limit: PAGE_SIZE, offset: (parsed.page - 1) * PAGE_SIZE }),
    ]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const errors = { ...parsed.errors };
    if (!hasErrors && parsed.page > pages) errors.seite = 'page';
    const page = (
      <ReportsListPage
        ctx={ctx}
        values={parsed.values}
        errors={translateFilterErrors(ctx, errors)}
        categories={categories.map((c) => ({ id: c.id, name: ctx.locale === 'de' ? c.name_de : c.name_en }))}
        districts={districts}
        rows={errors.seite ? [] : rows}
        total={total}
        page={parsed.page}
        pages={pages}
        settings={settings}
      />
    );
    return { page, status: Object.keys(errors).length > 0 ? 400 : 200 };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Data for the maps: GeoJSON for Leaflet and the SVG picture.

function badRequest(reply: FastifyReply, ctx: RequestContext, errors: Partial<Record<FilterField, string>>) {
  const t = translator(mapMessages, ctx.locale);
  const fields = Object.fromEntries(Object.entries(errors).map(([f, p]) => [f, t(`err.${p}` as Parameters<typeof t>[0])]));
  const message = Object.entries(fields)
    .map(([f, m]) => `${f}: ${m}`)
    .join('; ');
  return reply.status(400).send({ error: { code: 'bad_request', message, fields } });
}

function registerData(app: FastifyInstance, db: Db, caches: PublicCaches) {
  app.get('/api/karte/gebiete', async (request, reply) => {
    const areas = await mq.mapAreas(db, request.ctx.org.id);
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: areas.map((a) => ({ type: 'Feature', id: a.id, properties: { kind: a.kind, name: a.name }, geometry: a.geometry })),
    });
    return sendCached(request, reply, body, 'application/geo+json; charset=utf-8', 300);
  });

  app.get('/api/reports/map', async (request, reply) => {
    const { ctx } = request;
    const query = request.query as Record<string, unknown>;
    const parsed = parseFilters(query);
    const errors: Partial<Record<FilterField, string>> = { ...parsed.errors };
    delete errors.seite;
    const rawBbox = typeof query.bbox === 'string' ? query.bbox : '';
    const rawZoom = typeof query.zoom === 'string' ? query.zoom : '';
    const bbox = parseBbox(rawBbox);
    const zoom = parseZoom(rawZoom);
    if (!bbox) errors.bbox = 'bbox';
    if (zoom === null) errors.zoom = 'zoom';
    if (Object.keys(errors).length > 0 || !bbox || zoom === null) return badRequest(reply, ctx, errors);
    // Clusters are counted over whole grid cells (the box grown to cell edges), which also makes panned views
    // of the same area share one cache entry.
    const grid = zoom < POINTS_FROM_ZOOM ? gridFor(zoom, bbox) : null;
    const filter = { ...parsed.filter, bbox: grid ? snapToGrid(bbox, grid) : bbox };
    const key = `${ctx.org.id}|${ctx.locale}|${zoom}|${JSON.stringify(filter)}`;
    const answer = await caches.mapData.get(key, async () => withEtag(await mapAnswer(db, ctx, filter, zoom, grid)));
    return sendCached(request, reply, answer, 'application/geo+json; charset=utf-8');
  });

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

  app.get('/karte/bild.svg', async (request, reply) => {
    const { ctx } = request;
    const query = request.query as Record<string, unknown>;
    const str = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
    const city = await cityView(db, ctx.org.id);
    const view = parseView(str('ansicht')) ?? city;
    const [rawLat = '', rawLon = ''] = str('punkt').split(',');
    const lat = parseCoordinate(rawLat, 'lat');
    const lon = parseCoordinate(rawLon, 'lon');
    const point = lat !== null && lon !== null ? { lat, lon } : null;
    const which = str('meldungen');
    const parsed = parseFilters(query);
    if (Object.keys(parsed.errors).length > 0) throw new AppError('bad_request');
    const bbox: Bbox = viewBounds(view);
    const filter = which === 'offen' ? { status: 'open' as const, bbox } : which === 'filter' ? { ...parsed.filter, bbox } : null;
    const [areas, reports] = await Promise.all([mq.mapAreas(db, ctx.org.id), filter ? mq.staticMapReports(db, ctx.org.id, filter) : Promise.resolve([])]);
    const svg = renderStaticMapSvg({ view, areas, reports, point });
    return sendCached(request, reply, svg, 'image/svg+xml; charset=utf-8');
  });
}

// ---------------------------------------------------------------------------------------------------------
// The tile proxy: browsers ask us, we ask the configured tile source once and keep the tile.

export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

function registerTiles(app: FastifyInstance, db: Db, config: Config, doFetch: typeof fetch) {
  const cacheDir = path.join(config.dataDir, 'tile-cache');
  const inFlight = new Map<string, Promise<Buffer | null>>();
  const MAX_AGE_MS = 7 * 24 * 3600_000;

  async function fetchTile(z: number, x: number, y: number): Promise<Buffer | null> {
    const file = path.join(cacheDir, String(z), String(x), `${y}.png`);
    try {
      const s = await stat(file);
      if (Date.now() - s.mtimeMs < MAX_AGE_MS) return await readFile(file);
    } catch {
      // not cached yet
    }
    const res = await doFetch(tileUrl(config.mapTileUrl!, z, x, y), {
      headers: { 'user-agent': `Kuemmerer tile proxy (${config.publicUrl.host})`, accept: 'image/png,image/*' },
      signal: AbortSignal.timeout(8000),
      redirect: 'error',
    });
    if (!res.ok) return null;
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) return null;
    const data = Buffer.from(await res.arrayBuffer());
    if (data.length > 1024 * 1024) return null;
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
    return data;
  }

  app.get('/karte/kacheln/:z/:x/:file', async (request, reply) => {
    if (!config.mapTileUrl) throw new AppError('not_found');
    const { z: rz, x: rx, file } = request.params as { z: string; x: string; file: string };
    const m = /^(\d{1,7})\.png$/.exec(file);
    if (!/^\d{1,2}$/.test(rz) || !/^\d{1,7}$/.test(rx) || !m) throw new AppError('not_found');
    const z = Number(rz);
    const x = Number(rx);
    const y = Number(m[1]);
    if (z > 19 || x >= 2 ** z || y >= 2 ** z) throw new AppError('not_found');
    await enforce(db, [[TILE_LIMIT, clientKey(request.ip)]]);
    const key = `${z}/${x}/${y}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchTile(z, x, y)
        .catch((err) => {
          request.log.warn({ err }, 'tile source failed');
          return null;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const data = await pending;
    if (!data) {
      reply.header('Cache-Control', 'no-store');
      return reply.status(502).type('text/plain; charset=utf-8').send('tile source unavailable');
    }
    return reply.type('image/png').header('Cache-Control', 'public, max-age=86400').send(data);
  });
}
