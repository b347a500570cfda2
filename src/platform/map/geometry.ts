import type { Bbox } from '../geo/geojson';

// Map geometry without I/O: the Web Mercator projection and the clickable server map's views, for every map the
// server draws and for the grid clustering (grid.ts).

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
