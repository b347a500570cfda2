// What `npm run bench load` asks for: every scenario's requests, drawn from realistic distributions over the data
// actually in the benchmark database. This is the one file that defines them (report page, list, map, Open311,
// submission); change a scenario here and both the HTTP load and the SQL baseline follow.
//
// Distributions (the same seed gives the same requests):
// - report page, Open311 one request: 40 % among the 5,000 newest public reports (shared links, the list), 60 % any
//   public report (old links, search engines).
// - list: 55 % the first page; 20 % one filter (category, status or district); 5 % two; 5 % a date range; 15 % an
//   older page of the unfiltered list, up to 20 pages deep ("ältere Meldungen" followed).
// - map: a view of 1024 × 640 px. "whole city" and "one district" are the views the list page opens (fitted);
//   "panning" draws the zoom (11: 20 %, 12–14: 10 % each, 15: 10 %, 16: 15 %, 17: 15 %, 18: 10 %) and a centre at a
//   random public report (where reports are, people look) moved by up to half a view. 85 % without filters, the
//   rest with the list's filters. The client loads a view as 256-px tiles (/api/reports/map/z/x/y), so each view is
//   several requests; "map API" asks for the same views as one box (/api/reports/map?bbox=…&zoom=…).
// - Open311 GET requests: 60 % the first 100, 20 % pages 2–5, 10 % one service_code, 10 % status=open.
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/connect';
import type { Bbox } from '../../src/platform/geo/geojson';
import { project, TILE_SIZE, unproject } from '../../src/platform/map/geometry';
import { ideaScenarios } from './ideas-scenario';

export interface Universe {
  organizationId: number;
  reports: number;
  publicReports: number;
  city: Bbox;
  districts: Array<{ id: number; box: Bbox }>;
  categories: Array<{ id: number; code: string; kind: string }>;
  /** Public reports in list order (newest first). */
  listIds: Int32Array;
  /** Public reports that have their page at /meldungen/ID (Angsträume have their own). */
  pageIds: Int32Array;
  /** lat, lon pairs of a sample of public reports: where the reports are. */
  spots: Float64Array;
  /** The densest district's busiest report: where the submission scenario puts its reports. */
  hot: { lat: number; lon: number };
}

export type Kind = 'read' | 'map' | 'write';

export interface Scenario {
  name: string;
  kind: Kind;
  connections: number;
  /** The targets: at least perSecond requests a second, p99 at most p99 ms. */
  target: { perSecond?: number; p99: number };
  /** The next request's path (with query). */
  next(): string;
}

/**
 * Request shapes. 'current': the map client's tiles and the list's keyset links. 'before-13': what the code before
 * issue 13 asked (the map by the view's box, the list by page number), to measure before and after with the same
 * draws.
 */
export type Shapes = 'current' | 'before-13';

const VIEW = { width: 1024, height: 640 };

/** A seeded random number generator (mulberry32): the same seed, the same requests. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadUniverse(db: Db, slug = 'dortmund'): Promise<Universe> {
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const o = org.id;
  const counts = await sql<{ reports: number; public_reports: number }>`
    SELECT count(*)::int AS reports, count(*) FILTER (WHERE NOT hidden AND status <> 'unconfirmed')::int AS public_reports
    FROM reports WHERE organization_id = ${o}`.execute(db);
  const districts = await sql<{ id: number; kind: string; min_lon: number; min_lat: number; max_lon: number; max_lat: number }>`
    SELECT id, kind, min_lon, min_lat, max_lon, max_lat FROM districts WHERE organization_id = ${o} ORDER BY id`.execute(db);
  const box = (d: { min_lon: number; min_lat: number; max_lon: number; max_lat: number }): Bbox => ({
    minLon: Number(d.min_lon),
    minLat: Number(d.min_lat),
    maxLon: Number(d.max_lon),
    maxLat: Number(d.max_lat),
  });
  const boundary = districts.rows.filter((d) => d.kind === 'stadtgrenze');
  const parts = districts.rows.filter((d) => d.kind !== 'stadtgrenze');
  const all = (boundary.length > 0 ? boundary : parts).map(box);
  const city = {
    minLon: Math.min(...all.map((b) => b.minLon)),
    minLat: Math.min(...all.map((b) => b.minLat)),
    maxLon: Math.max(...all.map((b) => b.maxLon)),
    maxLat: Math.max(...all.map((b) => b.maxLat)),
  };
  const categories = await sql<{ id: number; code: string; kind: string }>`
    SELECT id, code, kind FROM report_categories WHERE organization_id = ${o} ORDER BY id`.execute(db);
  // The same rule as the app's publicFilter: not hidden, confirmed, Angsträume reviewed.
  const ids = await sql<{ id: number; kind: string; lat: number; lon: number }>`
    SELECT r.id, c.kind, r.lat, r.lon FROM reports r JOIN report_categories c ON c.id = r.category_id
    WHERE r.organization_id = ${o} AND NOT r.hidden AND r.status <> 'unconfirmed' AND (r.reviewed_at IS NOT NULL OR c.kind <> 'angstraum')
    ORDER BY r.created_at DESC, r.id DESC`.execute(db);
  const rows = ids.rows;
  const pick = random(7);
  const sample = Array.from({ length: Math.min(20_000, rows.length) }, () => rows[Math.floor(pick() * rows.length)]!);
  const hot = await sql<{ lat: number; lon: number }>`
    SELECT r.lat, r.lon FROM reports r WHERE r.organization_id = ${o} AND NOT r.hidden AND r.status <> 'unconfirmed'
      AND r.district_id = (SELECT district_id FROM reports WHERE organization_id = ${o} AND district_id IS NOT NULL
                           GROUP BY district_id ORDER BY count(*) DESC LIMIT 1)
    ORDER BY r.supporters_count DESC, r.id LIMIT 1`.execute(db);
  return {
    organizationId: o,
    reports: counts.rows[0]!.reports,
    publicReports: counts.rows[0]!.public_reports,
    city,
    districts: parts.map((d) => ({ id: d.id, box: box(d) })),
    categories: categories.rows,
    listIds: Int32Array.from(rows.map((r) => r.id)),
    pageIds: Int32Array.from(rows.filter((r) => r.kind !== 'angstraum').map((r) => r.id)),
    spots: Float64Array.from(sample.flatMap((r) => [Number(r.lat), Number(r.lon)])),
    hot: hot.rows[0]
      ? { lat: Number(hot.rows[0].lat), lon: Number(hot.rows[0].lon) }
      : { lat: (city.minLat + city.maxLat) / 2, lon: (city.minLon + city.maxLon) / 2 },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Drawing

interface MapView {
  zoom: number;
  /** Pixel box at the zoom. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The largest zoom at which the box fits the view, as Leaflet's fitBounds picks it. */
export function fitZoom(box: Bbox): number {
  for (let z = 18; z > 1; z--) {
    const a = project(box.maxLat, box.minLon, z);
    const b = project(box.minLat, box.maxLon, z);
    if (b.x - a.x <= VIEW.width - 16 && b.y - a.y <= VIEW.height - 16) return z;
  }
  return 1;
}

function viewAt(lat: number, lon: number, zoom: number): MapView {
  const c = project(lat, lon, zoom);
  return { zoom, x0: c.x - VIEW.width / 2, y0: c.y - VIEW.height / 2, x1: c.x + VIEW.width / 2, y1: c.y + VIEW.height / 2 };
}

function fitted(box: Bbox): MapView {
  return viewAt((box.minLat + box.maxLat) / 2, (box.minLon + box.maxLon) / 2, fitZoom(box));
}

const fixed5 = (n: number) => n.toFixed(5);

/** The view's box as the client writes it (Leaflet's getBounds, 5 decimals). */
function viewBox(v: MapView): string {
  const nw = unproject(v.x0, v.y0, v.zoom);
  const se = unproject(v.x1, v.y1, v.zoom);
  return [nw.lon, se.lat, se.lon, nw.lat].map(fixed5).join(',');
}

/** The 256-px tiles a view covers, as the map client asks for them. */
export function viewTiles(v: MapView): Array<{ z: number; x: number; y: number }> {
  const tiles: Array<{ z: number; x: number; y: number }> = [];
  for (let x = Math.floor(v.x0 / TILE_SIZE); x <= Math.floor((v.x1 - 1) / TILE_SIZE); x++) {
    for (let y = Math.floor(v.y0 / TILE_SIZE); y <= Math.floor((v.y1 - 1) / TILE_SIZE); y++) tiles.push({ z: v.zoom, x, y });
  }
  return tiles;
}

function weighted<T>(rnd: () => number, choices: Array<[number, T]>): T {
  const total = choices.reduce((s, [w]) => s + w, 0);
  let r = rnd() * total;
  for (const [w, v] of choices) {
    r -= w;
    if (r < 0) return v;
  }
  return choices[choices.length - 1]![1];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The filters of the list (and of the map beside it): query pairs. */
function listFilter(u: Universe, rnd: () => number, shape: 'none' | 'one' | 'two' | 'dates'): Array<[string, string]> {
  const item = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const category = (): [string, string] => ['kategorie', String(item(u.categories).id)];
  const status = (): [string, string] => ['status', item(['open', 'fixed', 'closed'] as const)];
  const district = (): [string, string] => ['bezirk', String(item(u.districts).id)];
  if (shape === 'none') return [];
  if (shape === 'one') return [item([category, status, district])()];
  if (shape === 'two') return [status(), item([category, district])()];
  // A month somewhere in the last three years, or "the last 30 days".
  const now = Date.now();
  if (rnd() < 0.5) return [['von', day(now - 30 * 86_400_000)]];
  const start = now - Math.floor(rnd() * 3 * 365) * 86_400_000;
  return [
    ['von', day(start - 30 * 86_400_000)],
    ['bis', day(start)],
  ];
}

const query = (pairs: Array<[string, string]>) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`);

function reportId(u: Universe, rnd: () => number): number {
  const ids = u.pageIds;
  const range = rnd() < 0.4 ? Math.min(5000, ids.length) : ids.length;
  return ids[Math.floor(rnd() * range)]!;
}

function listPath(u: Universe, rnd: () => number, shapes: Shapes): string {
  const kind = weighted(rnd, [
    [55, 'first'],
    [20, 'one'],
    [5, 'two'],
    [5, 'dates'],
    [15, 'older'],
  ] as Array<[number, string]>);
  if (kind === 'first') return '/meldungen';
  if (kind !== 'older') return `/meldungen${query(listFilter(u, rnd, kind as 'one' | 'two' | 'dates'))}`;
  // Page k+1: after the k·25 newest public reports.
  const k = 1 + Math.floor(rnd() * Math.min(20, Math.floor((u.listIds.length - 1) / 25)));
  return shapes === 'before-13' ? `/meldungen?seite=${k + 1}` : `/meldungen?vor=${u.listIds[k * 25 - 1]}`;
}

function mapFilters(u: Universe, rnd: () => number): Array<[string, string]> {
  return listFilter(
    u,
    rnd,
    weighted(rnd, [
      [85, 'none'],
      [10, 'one'],
      [3, 'two'],
      [2, 'dates'],
    ] as Array<[number, 'none' | 'one' | 'two' | 'dates']>),
  );
}

function panningView(u: Universe, rnd: () => number): MapView {
  const zoom = weighted(rnd, [
    [20, fitZoom(u.city)],
    [10, 12],
    [10, 13],
    [10, 14],
    [10, 15],
    [15, 16],
    [15, 17],
    [10, 18],
  ]);
  if (zoom === fitZoom(u.city)) return fitted(u.city);
  const i = Math.floor(rnd() * (u.spots.length / 2));
  const v = viewAt(u.spots[2 * i]!, u.spots[2 * i + 1]!, zoom);
  const dx = (rnd() - 0.5) * VIEW.width;
  const dy = (rnd() - 0.5) * VIEW.height;
  return { zoom, x0: v.x0 + dx, y0: v.y0 + dy, x1: v.x1 + dx, y1: v.y1 + dy };
}

/** A stream of map requests: each drawn view becomes the requests the client makes for it. */
function mapStream(u: Universe, rnd: () => number, view: () => MapView, as: 'tiles' | 'box'): () => string {
  const queue: string[] = [];
  return () => {
    if (queue.length === 0) {
      const v = view();
      const filters: Array<[string, string]> = [...mapFilters(u, rnd), ['lang', 'de']];
      if (as === 'box') queue.push(`/api/reports/map${query([...filters, ['bbox', viewBox(v)], ['zoom', String(v.zoom)]])}`);
      else for (const t of viewTiles(v)) queue.push(`/api/reports/map/${t.z}/${t.x}/${t.y}${query(filters)}`);
    }
    return queue.shift()!;
  };
}

function open311ListPath(u: Universe, rnd: () => number): string {
  const kind = weighted(rnd, [
    [60, 'first'],
    [20, 'page'],
    [10, 'service'],
    [10, 'open'],
  ] as Array<[number, string]>);
  const base = '/open311/v2/requests.json?page_size=100';
  if (kind === 'page') return `${base}&page=${2 + Math.floor(rnd() * 4)}`;
  if (kind === 'service') return `${base}&service_code=${encodeURIComponent(u.categories[Math.floor(rnd() * u.categories.length)]!.code)}`;
  if (kind === 'open') return `${base}&status=open`;
  return base;
}

export function scenarios(u: Universe, options: { shapes: Shapes; seed: number }): Scenario[] {
  const { shapes } = options;
  let n = 0;
  // Every scenario its own stream from the seed, so leaving one out (BENCH_ONLY) does not change the others.
  const rnd = () => random(options.seed * 1000 + ++n);
  const r1 = rnd();
  const r2 = rnd();
  const r3 = rnd();
  const r4 = rnd();
  const r5 = rnd();
  const r6 = rnd();
  const r7 = rnd();
  const r8 = rnd();
  const tiles = shapes === 'current' ? 'tiles' : 'box';
  const district = () => u.districts[Math.floor(r4() * u.districts.length)]!.box;
  const list: Scenario[] = [
    { name: 'report page (HTML)', kind: 'read', connections: 50, target: { perSecond: 1000, p99: 100 }, next: () => `/meldungen/${reportId(u, r1)}` },
    { name: 'report list (HTML)', kind: 'read', connections: 50, target: { perSecond: 500, p99: 100 }, next: () => listPath(u, r2, shapes) },
    { name: 'map: whole city', kind: 'map', connections: 50, target: { perSecond: 1000, p99: 100 }, next: mapStream(u, r3, () => fitted(u.city), tiles) },
    { name: 'map: one district', kind: 'map', connections: 50, target: { perSecond: 1000, p99: 100 }, next: mapStream(u, r4, () => fitted(district()), tiles) },
    {
      name: 'map: panning, every zoom',
      kind: 'map',
      connections: 50,
      target: { perSecond: 1000, p99: 100 },
      next: mapStream(u, r5, () => panningView(u, r5), tiles),
    },
    {
      name: 'Open311 GET requests (100)',
      kind: 'read',
      connections: 50,
      target: { perSecond: 500, p99: 150 },
      next: () => open311ListPath(u, r6),
    },
    { name: 'Open311 GET one request', kind: 'read', connections: 50, target: { p99: 100 }, next: () => `/open311/v2/requests/${reportId(u, r7)}.json` },
    ...ideaScenarios(u, r8),
    { name: 'submission (3 MB photo)', kind: 'write', connections: 10, target: { p99: 1000 }, next: () => '/melden' },
  ];
  if (shapes === 'current') {
    const api = random(options.seed * 1000 + 99);
    list.splice(5, 0, {
      name: 'map API: random boxes',
      kind: 'map',
      connections: 50,
      target: { perSecond: 1000, p99: 100 },
      next: mapStream(u, api, () => panningView(u, api), 'box'),
    });
  }
  return list;
}
