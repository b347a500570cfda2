import { type Area, areaContains, type Bbox } from '../../src/platform/geo/geojson';

// Point-in-polygon for millions of points: a raster over the areas' box remembers, per cell, which area covers
// it. Only cells an edge passes through are undecided; points there get the exact test (the platform's
// areaContains). So the answer is exactly areaContains', at a fraction of the cost: most points never walk the
// boundary's 450 edges.

const EDGE = -2;
const NONE = -1;

export interface AreaLookup {
  /** Index (into the list given) of the first area containing the point, or -1. */
  find(lon: number, lat: number): number;
}

export function createAreaLookup(areas: ReadonlyArray<{ area: Area }>, cellDeg = 0.002): AreaLookup {
  const box: Bbox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const { area } of areas)
    for (const polygon of area.coordinates)
      for (const ring of polygon)
        for (const [lon, lat] of ring) {
          box.minLon = Math.min(box.minLon, lon);
          box.minLat = Math.min(box.minLat, lat);
          box.maxLon = Math.max(box.maxLon, lon);
          box.maxLat = Math.max(box.maxLat, lat);
        }
  if (!Number.isFinite(box.minLon)) return { find: () => NONE };
  const cols = Math.ceil((box.maxLon - box.minLon) / cellDeg) + 1;
  const rows = Math.ceil((box.maxLat - box.minLat) / cellDeg) + 1;
  const cells = new Int32Array(cols * rows).fill(NONE);
  const col = (lon: number) => Math.floor((lon - box.minLon) / cellDeg);
  const row = (lat: number) => Math.floor((lat - box.minLat) / cellDeg);
  const exact = (lon: number, lat: number) => {
    for (let i = 0; i < areas.length; i++) if (areaContains(areas[i]!.area, lon, lat)) return i;
    return NONE;
  };
  // Every cell an edge touches (and its neighbours, so samples closer than a cell cannot skip one) is undecided.
  for (const { area } of areas)
    for (const polygon of area.coordinates)
      for (const ring of polygon)
        for (let k = 1; k < ring.length; k++) {
          const [x0, y0] = ring[k - 1]!;
          const [x1, y1] = ring[k]!;
          const steps = Math.max(1, Math.ceil((Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) / cellDeg) * 2));
          for (let s = 0; s <= steps; s++) {
            const c = col(x0 + ((x1 - x0) * s) / steps);
            const r = row(y0 + ((y1 - y0) * s) / steps);
            for (let dr = -1; dr <= 1; dr++)
              for (let dc = -1; dc <= 1; dc++) {
                const cc = c + dc;
                const rr = r + dr;
                if (cc >= 0 && cc < cols && rr >= 0 && rr < rows) cells[rr * cols + cc] = EDGE;
              }
          }
        }
  // A cell no edge touches lies wholly inside one area (or none): its centre decides.
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (cells[i] !== EDGE) cells[i] = exact(box.minLon + (c + 0.5) * cellDeg, box.minLat + (r + 0.5) * cellDeg);
    }
  return {
    find(lon, lat) {
      const c = col(lon);
      const r = row(lat);
      if (c < 0 || c >= cols || r < 0 || r >= rows) return NONE;
      const v = cells[r * cols + c]!;
      return v === EDGE ? exact(lon, lat) : v;
    },
  };
}
