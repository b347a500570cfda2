import type { Bbox } from '../../../platform/geo/geojson';
import { dateTimeFormat } from '../../../platform/i18n/formatters';
import type { ListFilter } from '../report.queries';

// Pure rules of the map feature: projection, the clickable server map, clustering, filters. No I/O here.

// ---------------------------------------------------------------------------------------------------------
// Web Mercator, the projection of every web map (and of Leaflet): pixel coordinates at a zoom level.

export const TILE_SIZE = 256;
const MAX_LAT = 85.05112878;

export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

export function project(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const s = worldSize(zoom);
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return { x: ((lon + 180) / 360) * s, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * s };
}

export function unproject(x: number, y: number, zoom: number): { lat: number; lon: number } {
  const s = worldSize(zoom);
  const lon = (x / s) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / s;
  const lat = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return { lat, lon };
}

// ---------------------------------------------------------------------------------------------------------
// The clickable server-rendered map (no JavaScript): an <input type="image"> whose click position comes back
// as name.x / name.y. A view is a centre and a zoom level; the image is always STATIC_MAP pixels.

export interface MapSize {
  width: number;
  height: number;
}
export const STATIC_MAP: MapSize = { width: 640, height: 400 };
/** From this zoom on a click picks the point (about 6 m per pixel at 51° N); below it a click zooms in. */
export const PICK_ZOOM = 15;
export const ZOOM_STEP = 2;
export const MIN_ZOOM = 8;
export const MAX_ZOOM = 18;

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function pixelToLatLon(view: MapView, px: number, py: number, size = STATIC_MAP): { lat: number; lon: number } {
  const c = project(view.lat, view.lon, view.zoom);
  const p = unproject(c.x + (px - size.width / 2), c.y + (py - size.height / 2), view.zoom);
  return { lat: round6(p.lat), lon: round6(p.lon) };
}

export function latLonToPixel(view: MapView, lat: number, lon: number, size = STATIC_MAP): { x: number; y: number } {
  const c = project(view.lat, view.lon, view.zoom);
  const p = project(lat, lon, view.zoom);
  return { x: p.x - c.x + size.width / 2, y: p.y - c.y + size.height / 2 };
}

/** The box the view shows. */
export function viewBounds(view: MapView, size = STATIC_MAP): Bbox {
  const nw = pixelToLatLon(view, 0, 0, size);
  const se = pixelToLatLon(view, size.width, size.height, size);
  return { minLon: nw.lon, minLat: se.lat, maxLon: se.lon, maxLat: nw.lat };
}

/** The largest zoom at which the whole box fits (with a small margin), centred on it. */
export function fitView(box: Bbox, size = STATIC_MAP): MapView {
  const lat = (box.minLat + box.maxLat) / 2;
  const lon = (box.minLon + box.maxLon) / 2;
  let zoom = MAX_ZOOM;
  for (; zoom > 1; zoom--) {
    const a = project(box.maxLat, box.minLon, zoom);
    const b = project(box.minLat, box.maxLon, zoom);
    if (b.x - a.x <= size.width * 0.92 && b.y - a.y <= size.height * 0.92) break;
  }
  return { zoom: Math.min(zoom, PICK_ZOOM - 1), lat: round6(lat), lon: round6(lon) };
}

export function formatView(v: MapView): string {
  return `${v.zoom}/${v.lat.toFixed(6)}/${v.lon.toFixed(6)}`;
}

/** "zoom/lat/lon" as sent back by the form; anything else is null (the page then shows the whole city). */
export function parseView(raw: string | undefined): MapView | null {
  const m = /^(\d{1,2})\/(-?\d{1,2}(?:\.\d{1,8})?)\/(-?\d{1,3}(?:\.\d{1,8})?)$/.exec(raw ?? '');
  if (!m) return null;
  const zoom = Number(m[1]);
  const lat = Number(m[2]);
  const lon = Number(m[3]);
  if (zoom < 1 || zoom > MAX_ZOOM || Math.abs(lat) > MAX_LAT || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

export type MapAction = 'in' | 'out' | 'north' | 'south' | 'east' | 'west' | 'city';

export type ClickOutcome = { kind: 'zoom'; view: MapView } | { kind: 'pick'; view: MapView; lat: number; lon: number };

/**
 * A click on the server map. Below PICK_ZOOM it zooms in around the clicked place; from PICK_ZOOM on it picks
 * the clicked point. (0, 0) is what a keyboard activation of an image button sends: it zooms in at the centre.
 */
export function mapClick(view: MapView, px: number, py: number, size = STATIC_MAP): ClickOutcome {
  const x = Math.max(0, Math.min(size.width, px));
  const y = Math.max(0, Math.min(size.height, py));
  if (px === 0 && py === 0) return { kind: 'zoom', view: { ...view, zoom: Math.min(MAX_ZOOM, view.zoom + ZOOM_STEP) } };
  const at = pixelToLatLon(view, x, y, size);
  if (view.zoom >= PICK_ZOOM) return { kind: 'pick', view, lat: at.lat, lon: at.lon };
  return { kind: 'zoom', view: { zoom: Math.min(MAX_ZOOM, view.zoom + ZOOM_STEP), lat: at.lat, lon: at.lon } };
}

/** The buttons beside the map: zoom, move by half a view, back to the whole city. */
export function mapAction(view: MapView, action: MapAction, city: MapView, size = STATIC_MAP): MapView {
  const move = (dx: number, dy: number) => ({ ...pixelToLatLon(view, size.width / 2 + dx, size.height / 2 + dy, size), zoom: view.zoom });
  switch (action) {
    case 'in':
      return { ...view, zoom: Math.min(MAX_ZOOM, view.zoom + ZOOM_STEP) };
    case 'out':
      return { ...view, zoom: Math.max(Math.min(MIN_ZOOM, city.zoom), view.zoom - ZOOM_STEP) };
    case 'north':
      return move(0, -size.height / 2);
    case 'south':
      return move(0, size.height / 2);
    case 'east':
      return move(size.width / 2, 0);
    case 'west':
      return move(-size.width / 2, 0);
    case 'city':
      return city;
  }
}

/** The view that shows a chosen point closely enough to check it. */
export function viewAround(lat: number, lon: number): MapView {
  return { zoom: PICK_ZOOM, lat: round6(lat), lon: round6(lon) };
}

// ---------------------------------------------------------------------------------------------------------
// Clustering on the server: a grid of cells about CLUSTER_CELL_PX wide at the requested zoom.

/** From this zoom on the map endpoint answers single points; below it, grid clusters. */
export const POINTS_FROM_ZOOM = 15;
export const CLUSTER_CELL_PX = 64;
/** Most features one answer carries. */
export const MAP_FEATURES_MAX = 2000;
/**
 * A street-level view with more reports than this is still clustered, up to ALWAYS_POINTS_ZOOM: a few hundred
 * pins are all a person can read, and a dense quarter of a big city holds thousands (half a megabyte of JSON).
 */
export const DENSE_POINTS_MAX = 300;
export const ALWAYS_POINTS_ZOOM = 18;

/**
 * Cell size in degrees (longitude, latitude) for a zoom level, about square on screen. The latitude factor uses
 * the box's middle rounded to half a degree, so every view of one city shares one grid: clusters stay put
 * while the map is panned, and equal cells make equal cache keys.
 */
export function gridFor(zoom: number, bbox: Bbox): { lonStep: number; latStep: number } {
  const lonStep = (CLUSTER_CELL_PX * 360) / worldSize(zoom);
  const midLat = Math.round(bbox.minLat + bbox.maxLat) / 2;
  return { lonStep, latStep: lonStep * Math.cos((midLat * Math.PI) / 180) };
}

/** The box grown to whole grid cells: a cell at the edge is counted whole, not cut where the screen ends. */
export function snapToGrid(bbox: Bbox, grid: { lonStep: number; latStep: number }): Bbox {
  const down = (v: number, step: number) => Number((Math.floor(v / step) * step).toFixed(9));
  const up = (v: number, step: number) => Number((Math.ceil(v / step) * step).toFixed(9));
  return {
    minLon: down(bbox.minLon, grid.lonStep),
    minLat: down(bbox.minLat, grid.latStep),
    maxLon: up(bbox.maxLon, grid.lonStep),
    maxLat: up(bbox.maxLat, grid.latStep),
  };
}

export interface ClusterCell {
  count: number;
  lat: number;
  lon: number;
  /** The one report's id when the cell holds exactly one. */
  id: number | null;
}

/** The reference implementation of the SQL grouping (map.queries.ts): used by tests and small data sets. */
export function clusterPoints(points: Array<{ id: number; lat: number; lon: number }>, zoom: number, bbox: Bbox): ClusterCell[] {
  const { lonStep, latStep } = gridFor(zoom, bbox);
  const cells = new Map<string, { n: number; lat: number; lon: number; id: number }>();
  for (const p of points) {
    const key = `${Math.floor(p.lon / lonStep)}:${Math.floor(p.lat / latStep)}`;
    const c = cells.get(key);
    if (c) {
      c.n++;
      c.lat += p.lat;
      c.lon += p.lon;
      c.id = Math.min(c.id, p.id);
    } else cells.set(key, { n: 1, lat: p.lat, lon: p.lon, id: p.id });
  }
  return [...cells.values()].map((c) => ({ count: c.n, lat: c.lat / c.n, lon: c.lon / c.n, id: c.n === 1 ? c.id : null }));
}

// ---------------------------------------------------------------------------------------------------------
// Filters of the public list and map, read from the query string. Bad values are errors, never ignored.

export type FilterField = 'kategorie' | 'status' | 'bezirk' | 'von' | 'bis' | 'seite' | 'bbox' | 'zoom';
export type FilterProblem = 'number' | 'status' | 'date' | 'range' | 'page' | 'bbox' | 'zoom';

export interface FilterValues {
  kategorie: string;
  status: string;
  bezirk: string;
  von: string;
  bis: string;
}

export interface ParsedFilters {
  filter: ListFilter;
  values: FilterValues;
  page: number;
  errors: Partial<Record<FilterField, FilterProblem>>;
}

export const PAGE_SIZE = 25;
const STATUS_FILTERS = ['open', 'fixed', 'closed'] as const;

function one(query: Record<string, unknown>, name: string): string {
  const v = query[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

/** Midnight in Berlin of a YYYY-MM-DD date, as an instant (summer and winter time handled). */
export function berlinMidnight(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(utc);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return null;
  const offsetName = dateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(utc + 12 * 3600_000))
    .find((p) => p.type === 'timeZoneName')?.value;
  const o = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName ?? '');
  const offsetMs = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) * 60_000 : 0;
  return new Date(utc - offsetMs);
}

export function parseFilters(query: Record<string, unknown>): ParsedFilters {
  const values: FilterValues = {
    kategorie: one(query, 'kategorie'),
    status: one(query, 'status'),
    bezirk: one(query, 'bezirk'),
    von: one(query, 'von'),
    bis: one(query, 'bis'),
  };
  const errors: ParsedFilters['errors'] = {};
  const filter: ListFilter = {};
  if (values.kategorie) {
    if (/^\d{1,9}$/.test(values.kategorie)) filter.categoryId = Number(values.kategorie);
    else errors.kategorie = 'number';
  }
  if (values.bezirk) {
    if (/^\d{1,9}$/.test(values.bezirk)) filter.districtId = Number(values.bezirk);
    else errors.bezirk = 'number';
  }
  if (values.status) {
    if ((STATUS_FILTERS as readonly string[]).includes(values.status)) filter.status = values.status as ListFilter['status'];
    else errors.status = 'status';
  }
  if (values.von) {
    const d = berlinMidnight(values.von);
    if (d) filter.from = d;
    else errors.von = 'date';
  }
  if (values.bis) {
    // "bis" includes the whole day: the filter ends at the next midnight.
    const d = berlinMidnight(values.bis) ? berlinMidnight(nextDay(values.bis)) : null;
    if (d) filter.to = d;
    else errors.bis = 'date';
  }
  if (filter.from && filter.to && filter.from >= filter.to) errors.bis = 'range';
  let page = 1;
  const rawPage = one(query, 'seite');
  if (rawPage) {
    if (/^\d{1,5}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
    else errors.seite = 'page';
  }
  return { filter, values, page, errors };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** bbox=minLon,minLat,maxLon,maxLat (WGS84), at most a continent wide. */
export function parseBbox(raw: string): Bbox | null {
  const parts = raw.split(',');
  if (parts.length !== 4 || !parts.every((p) => /^-?\d{1,3}(\.\d{1,12})?$/.test(p.trim()))) return null;
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
  if (Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 || Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) return null;
  if (minLon >= maxLon || minLat >= maxLat) return null;
  return { minLon, minLat, maxLon, maxLat };
}

export function parseZoom(raw: string): number | null {
  if (!/^\d{1,2}$/.test(raw)) return null;
  const z = Number(raw);
  return z >= 0 && z <= 22 ? z : null;
}

/** The query string of a filter (for page links and the map's data URL); empty values are left out. */
export function filterQuery(values: FilterValues, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

// Page links are shared by every list (platform paging); re-exported for this module's callers and tests.
export { pageLinks } from '../../../platform/views/components/paging';

/** Shape and colour group of a status: pins differ by shape, not only by colour. */
export type PinGroup = 'open' | 'progress' | 'fixed' | 'closed';

export function pinGroup(status: string): PinGroup {
  if (status === 'in_progress') return 'progress';
  if (status === 'fixed') return 'fixed';
  if (status === 'closed') return 'closed';
  return 'open';
}
