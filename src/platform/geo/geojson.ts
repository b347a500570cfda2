/** Minimal GeoJSON reading for district boundaries: WGS84 Polygon and MultiPolygon only. */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export interface Area {
  type: 'MultiPolygon';
  coordinates: PolygonCoords[];
}
export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export class GeoJsonError extends Error {}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    p[0] >= -180 &&
    p[0] <= 180 &&
    p[1] >= -90 &&
    p[1] <= 90
  );
}

function readPolygon(coords: unknown, where: string): PolygonCoords {
  if (!Array.isArray(coords) || coords.length === 0) throw new GeoJsonError(`${where}: a polygon needs at least one ring`);
  return coords.map((ring, i) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new GeoJsonError(`${where}, ring ${i + 1}: a ring needs at least 4 positions`);
    const positions = ring.map((p, j) => {
      if (!isPosition(p)) throw new GeoJsonError(`${where}, ring ${i + 1}, position ${j + 1}: not a WGS84 [longitude, latitude] pair`);
      return [p[0], p[1]] as Position;
    });
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) throw new GeoJsonError(`${where}, ring ${i + 1}: the ring is not closed`);
    return positions;
  });
}

/** Accepts a Polygon or MultiPolygon geometry and returns it as a MultiPolygon. */
export function readArea(geometry: unknown, where = 'geometry'): Area {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object') throw new GeoJsonError(`${where}: missing`);
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [readPolygon(g.coordinates, where)] };
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new GeoJsonError(`${where}: empty MultiPolygon`);
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((p, i) => readPolygon(p, `${where}, polygon ${i + 1}`)) };
  }
  throw new GeoJsonError(`${where}: type must be Polygon or MultiPolygon, got ${JSON.stringify(g.type)}`);
}

export function bboxOf(area: Area): Bbox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of area.coordinates)
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLon = Math.max(box.maxLon, lon);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  return box;
}

/** Even-odd ray casting; holes (inner rings) exclude their inside. */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function areaContains(area: Area, lon: number, lat: number): boolean {
  return area.coordinates.some((polygon) => inRing(lon, lat, polygon[0] ?? []) && !polygon.slice(1).some((hole) => inRing(lon, lat, hole)));
}

export interface NamedFeature {
  name: string;
  code: string | null;
  area: Area;
}

const NAME_KEYS = ['name', 'NAME', 'Name', 'bezeichnung', 'BEZEICHNUNG', 'bezirk', 'BEZIRK', 'GEN', 'stadtbezirk', 'STADTBEZIRK'];
const CODE_KEYS = ['code', 'CODE', 'id', 'ID', 'nummer', 'NUMMER', 'nr', 'NR', 'AGS', 'bezirksnummer'];

/** Reads a FeatureCollection (or single Feature) of districts; names come from the usual property names. */
export function readDistrictFeatures(json: unknown, nameProperty?: string): NamedFeature[] {
  const doc = json as { type?: unknown; features?: unknown };
  const features = doc?.type === 'FeatureCollection' ? doc.features : doc?.type === 'Feature' ? [doc] : null;
  if (!Array.isArray(features)) throw new GeoJsonError('The file must be a GeoJSON FeatureCollection or Feature');
  if (features.length === 0) throw new GeoJsonError('The file contains no features');
  return features.map((f, i) => {
    const where = `feature ${i + 1}`;
    const props = ((f as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
    const keys = nameProperty ? [nameProperty] : NAME_KEYS;
    const name = keys.map((k) => props[k]).find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
    if (!name) throw new GeoJsonError(`${where}: no name found (looked for properties ${keys.join(', ')})`);
    const code = CODE_KEYS.map((k) => props[k]).find((v) => typeof v === 'string' || typeof v === 'number');
    return { name: name.trim(), code: code === undefined ? null : String(code), area: readArea((f as { geometry?: unknown }).geometry, `${where} (${name})`) };
  });
}
