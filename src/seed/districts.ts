import type { Area, Position, Ring } from '../platform/geo/geojson';

// Approximate Stadtbezirke for the demo: a Voronoi partition around rough centre points of the 12 official
// Dortmund Stadtbezirke, clipped to the real city boundary. Not official boundaries — named and sourced as such.

export const DEMO_DISTRICT_SOURCE = 'Demo-Näherung, nicht amtlich';
export const APPROXIMATION_SUFFIX = ' (Näherung)';

/** Rough centres [lon, lat] and approximate population (thousands), which weights how many demo reports land there. */
export const STADTBEZIRKE: ReadonlyArray<{ name: string; centre: Position; population: number; central: boolean }> = [
  { name: 'Innenstadt-West', centre: [7.452, 51.508], population: 55, central: true },
  { name: 'Innenstadt-Nord', centre: [7.462, 51.527], population: 60, central: true },
  { name: 'Innenstadt-Ost', centre: [7.492, 51.506], population: 57, central: true },
  { name: 'Eving', centre: [7.478, 51.558], population: 39, central: false },
  { name: 'Scharnhorst', centre: [7.545, 51.548], population: 46, central: false },
  { name: 'Brackel', centre: [7.565, 51.515], population: 57, central: false },
  { name: 'Aplerbeck', centre: [7.565, 51.478], population: 56, central: false },
  { name: 'Hörde', centre: [7.5, 51.474], population: 56, central: false },
  { name: 'Hombruch', centre: [7.432, 51.465], population: 58, central: false },
  { name: 'Lütgendortmund', centre: [7.348, 51.5], population: 49, central: false },
  { name: 'Huckarde', centre: [7.408, 51.532], population: 36, central: false },
  { name: 'Mengede', centre: [7.38, 51.575], population: 39, central: false },
];

/** Local equirectangular projection: distances come out right enough at Dortmund's latitude. */
const K = Math.cos((51.51 * Math.PI) / 180);
const project = ([lon, lat]: Position): Position => [lon * K, lat];
const unproject = ([x, y]: Position): Position => [Number((x / K).toFixed(6)), Number(y.toFixed(6))];

/** Index of the nearest centre: the Voronoi cell a point falls in. */
export function nearestDistrict(lon: number, lat: number): number {
  const [x, y] = project([lon, lat]);
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  for (const [i, d] of STADTBEZIRKE.entries()) {
    const [cx, cy] = project(d.centre);
    const dist = (x - cx) ** 2 + (y - cy) ** 2;
    if (dist < bestD) {
      bestD = dist;
      best = i;
    }
  }
  return best;
}

/** Sutherland–Hodgman against the half-plane a·p <= b (ring open: first point not repeated). */
function clip(points: Position[], a: Position, b: number): Position[] {
  const out: Position[] = [];
  const inside = (p: Position) => a[0] * p[0] + a[1] * p[1] <= b;
  for (let i = 0; i < points.length; i++) {
    const cur = points[i]!;
    const prev = points[(i + points.length - 1) % points.length]!;
    const cIn = inside(cur);
    const pIn = inside(prev);
    if (cIn !== pIn) {
      const dp = a[0] * prev[0] + a[1] * prev[1];
      const dc = a[0] * cur[0] + a[1] * cur[1];
      const t = (b - dp) / (dc - dp);
      out.push([prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])]);
    }
    if (cIn) out.push(cur);
  }
  return out;
}

/** One clipped cell per district, as a GeoJSON FeatureCollection the normal district import reads. */
export function approximateStadtbezirke(boundary: Area): { type: 'FeatureCollection'; features: unknown[] } {
  const features = STADTBEZIRKE.map((site, i) => {
    const polygons: Ring[][] = [];
    for (const polygon of boundary.coordinates) {
      // Holes are dropped: Dortmund's boundary has none.
      let ring = polygon[0]!.slice(0, -1).map(project);
      const s = project(site.centre);
      for (const [j, other] of STADTBEZIRKE.entries()) {
        if (j === i || ring.length === 0) continue;
        const o = project(other.centre);
        // |p - s|² <= |p - o|²  ⇔  2p·(o - s) <= |o|² - |s|²
        ring = clip(ring, [2 * (o[0] - s[0]), 2 * (o[1] - s[1])], o[0] ** 2 + o[1] ** 2 - s[0] ** 2 - s[1] ** 2);
      }
      if (ring.length >= 3) {
        const closed = ring.map(unproject);
        closed.push(closed[0]!);
        polygons.push([closed]);
      }
    }
    return {
      type: 'Feature',
      properties: { name: `${site.name}${APPROXIMATION_SUFFIX}` },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    };
  });
  return { type: 'FeatureCollection', features };
}
