import type { Bbox } from '../geo/geojson';
import { project, TILE_SIZE, unproject } from './geometry';

// Clustering on the server, on the grid of map tiles: a cluster cell is CLUSTER_CELL_PX wide on screen, so at zoom z
// the cells are the Web Mercator tiles of level z + CELL_LEVELS and a 256-px tile holds 4 × 4 cells. The grid is
// the same for every city and view: clusters stay put while the map is panned, a tile's answer is the same for
// every visitor (so browsers and proxies can cache it), and cell counts can be kept in the database on write.

export const CLUSTER_CELL_PX = 64;
export const CELL_LEVELS = Math.log2(TILE_SIZE / CLUSTER_CELL_PX);

/** A block of whole tiles at a zoom, inclusive. */
export interface TileRange {
  zoom: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const tileCount = (zoom: number) => 2 ** zoom;

export function isTile(zoom: number, x: number, y: number): boolean {
  return Number.isInteger(zoom) && zoom >= 0 && zoom <= 22 && [x, y].every((v) => Number.isInteger(v) && v >= 0 && v < tileCount(zoom));
}

/** The tiles a box touches at a zoom: what a map showing the box loads. */
export function tilesCovering(bbox: Bbox, zoom: number): TileRange {
  const last = tileCount(zoom) - 1;
  const clamp = (v: number) => Math.max(0, Math.min(last, Math.floor(v / TILE_SIZE)));
  const nw = project(bbox.maxLat, bbox.minLon, zoom);
  const se = project(bbox.minLat, bbox.maxLon, zoom);
  return { zoom, x0: clamp(nw.x), y0: clamp(nw.y), x1: clamp(se.x), y1: clamp(se.y) };
}

export function tileCountOf(range: TileRange): number {
  return (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1);
}

/** The box the tiles cover. */
export function tileBox(range: TileRange): Bbox {
  const nw = unproject(range.x0 * TILE_SIZE, range.y0 * TILE_SIZE, range.zoom);
  const se = unproject((range.x1 + 1) * TILE_SIZE, (range.y1 + 1) * TILE_SIZE, range.zoom);
  return { minLon: nw.lon, minLat: se.lat, maxLon: se.lon, maxLat: nw.lat };
}

/** The cluster cells of the tiles (indices at level zoom + CELL_LEVELS), inclusive. */
export function cellsOf(range: TileRange): TileRange {
  const k = 2 ** CELL_LEVELS;
  return { zoom: range.zoom, x0: range.x0 * k, y0: range.y0 * k, x1: range.x1 * k + k - 1, y1: range.y1 * k + k - 1 };
}

/** The cell of a point at a zoom (the SQL functions map_cell_x/map_cell_y compute the same). */
export function cellOf(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const p = project(lat, lon, zoom);
  return { x: Math.floor(p.x / CLUSTER_CELL_PX), y: Math.floor(p.y / CLUSTER_CELL_PX) };
}

export interface ClusterCell {
  count: number;
  lat: number;
  lon: number;
  /** The one point's id when the cell holds exactly one. */
  id: number | null;
}

/** The reference implementation of the SQL grouping (the reports map's aggregates): used by tests. */
export function clusterPoints(points: Array<{ id: number; lat: number; lon: number }>, zoom: number): ClusterCell[] {
  const cells = new Map<string, { n: number; lat: number; lon: number; id: number }>();
  for (const p of points) {
    const { x, y } = cellOf(p.lat, p.lon, zoom);
    const key = `${x}:${y}`;
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
