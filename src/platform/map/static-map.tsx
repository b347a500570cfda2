import { renderToString } from 'preact-render-to-string';
import type { Position } from '../geo/geojson';
import { latLonToPixel, type MapView, STATIC_MAP } from './geometry';
import { type PinGroup, pinGroup } from './pins';

/**
 * The map as an SVG image, drawn on the server: city boundary, districts, reports, the chosen point. It is the
 * map without JavaScript (inside an <input type="image">) and the picture beside the list. Presentation
 * attributes only (no style element), so it renders under our CSP as well as anywhere else.
 */
export interface StaticArea {
  kind: string;
  name: string;
  geometry: unknown;
}

export interface StaticMapInput {
  view: MapView;
  areas: StaticArea[];
  /** A pin's shape follows its status, or its own group where a module's pins mean something else. */
  reports: Array<{ id: number; lat: number; lon: number; status: string; group?: PinGroup }>;
  point?: { lat: number; lon: number } | null;
  size?: { width: number; height: number };
  title?: string;
}

function ringPath(view: MapView, ring: Position[], size: { width: number; height: number }): string {
  let d = '';
  let last: { x: number; y: number } | null = null;
  for (const [lon, lat] of ring) {
    const p = latLonToPixel(view, lat, lon, size);
    // Points closer than a pixel to the previous one add nothing but bytes.
    if (last && Math.abs(p.x - last.x) < 1 && Math.abs(p.y - last.y) < 1) continue;
    d += `${d ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
    last = p;
  }
  return d ? `${d}Z` : '';
}

function areaPath(view: MapView, geometry: unknown, size: { width: number; height: number }): string {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return '';
  const polygons = g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]);
  return polygons.flatMap((polygon) => polygon.map((ring) => ringPath(view, ring, size))).join('');
}

const FILL: Record<PinGroup, string> = { open: '#b3261e', progress: '#8a5a00', fixed: '#1d6b36', closed: '#4a4d55', pending: '#ffffff' };

/** The same shapes as the live map's pins: circle, diamond, square with tick, triangle, and a ring for "not known yet". */
export function PinShape({ group, x, y, r = 7 }: { group: PinGroup; x: number; y: number; r?: number }) {
  const common = { fill: FILL[group], stroke: '#ffffff', 'stroke-width': 1.5 };
  switch (group) {
    case 'open':
      return <circle cx={x} cy={y} r={r} {...common} />;
    case 'progress':
      return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`} {...common} />;
    case 'fixed':
      return (
        <g>
          <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />
          <path d={`M${x - 3.5} ${y}l2.5 2.5 4.5-5`} fill="none" stroke="#ffffff" stroke-width={2} />
        </g>
      );
    case 'closed':
      return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`} {...common} />;
    case 'pending':
      return <circle cx={x} cy={y} r={r - 1} fill={FILL.pending} stroke="#4a4d55" stroke-width={3} />;
  }
}

export function renderStaticMapSvg(input: StaticMapInput): string {
  const size = input.size ?? STATIC_MAP;
  const { view } = input;
  const boundary = input.areas.filter((a) => a.kind === 'stadtgrenze');
  const districts = input.areas.filter((a) => a.kind !== 'stadtgrenze');
  const point = input.point ? latLonToPixel(view, input.point.lat, input.point.lon, size) : null;
  const inside = (p: { x: number; y: number }) => p.x >= -10 && p.y >= -10 && p.x <= size.width + 10 && p.y <= size.height + 10;
  const svg = (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size.width}
      height={size.height}
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="img"
      aria-label={input.title ?? 'Karte'}
    >
      <title>{input.title ?? 'Karte'}</title>
      <rect x={0} y={0} width={size.width} height={size.height} fill="#eef1ec" />
      {boundary.map((a) => (
        <path d={areaPath(view, a.geometry, size)} fill="#ffffff" fill-rule="evenodd" stroke="none" />
      ))}
      {districts.map((a) => (
        <path d={areaPath(view, a.geometry, size)} fill="none" stroke="#4a5b6c" stroke-width={1.5} stroke-dasharray="5 4" />
      ))}
      {boundary.map((a) => (
        <path d={areaPath(view, a.geometry, size)} fill="none" stroke="#1d3557" stroke-width={3} />
      ))}
      {input.reports
        .map((r) => ({ r, p: latLonToPixel(view, r.lat, r.lon, size) }))
        .filter(({ p }) => inside(p))
        .map(({ r, p }) => (
          <PinShape group={r.group ?? pinGroup(r.status)} x={Math.round(p.x)} y={Math.round(p.y)} />
        ))}
      {point && inside(point) && (
        <g>
          <path d={`M${point.x} ${point.y}c0 0-13-14-13-23a13 13 0 0 1 26 0c0 9-13 23-13 23Z`} fill="#004f9f" stroke="#ffffff" stroke-width={2} />
          <circle cx={point.x} cy={point.y - 23} r={5} fill="#ffffff" />
        </g>
      )}
      <rect x={0.5} y={0.5} width={size.width - 1} height={size.height - 1} fill="none" stroke="#6b6f78" />
    </svg>
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderToString(svg)}`;
}
