import type { Bbox } from '../geo/geojson';
import { worldSize } from './geometry';

// Clustering on the server: a grid of cells about CLUSTER_CELL_PX wide at the requested zoom.

export const CLUSTER_CELL_PX = 64;

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
  /** The one point's id when the cell holds exactly one. */
  id: number | null;
}

/** The reference implementation of the SQL grouping (the reports map's SQL in map.queries.ts): used by tests and small data sets. */
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
