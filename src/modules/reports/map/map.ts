import type { Bbox } from '../../../platform/geo/geojson';
import { berlinMidnight } from '../../../platform/i18n/months';
import type { ListFilter } from '../report.queries';

// Pure rules of the reports map and list: when the map answers points or clusters, and the filters. No I/O here.
// The geometry (projection, server map views, grid clustering, pins) is the platform's (src/platform/map).

// ---------------------------------------------------------------------------------------------------------
// The map endpoint's answer: single points or grid clusters (platform/map/grid.ts) by zoom and density.

/** From this zoom on the map endpoint may answer single points; below it, grid clusters. */
export const POINTS_FROM_ZOOM = 15;
/** Most features one answer carries. */
export const MAP_FEATURES_MAX = 2000;
/**
 * A street-level view is still clustered, up to ALWAYS_POINTS_ZOOM, while its tiles hold more reports than this
 * on average: a few hundred pins in a view of about twelve 256-px tiles are all a person can read, and a dense
 * quarter of a big city holds thousands (half a megabyte of JSON).
 */
export const POINTS_PER_TILE = 25;
export const ALWAYS_POINTS_ZOOM = 18;

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

/** Whether the maintained counts (category, status, district) answer a filter; dates need the reports. */
export function countable(f: ListFilter): boolean {
  return !f.from && !f.to;
}
const STATUS_FILTERS = ['open', 'fixed', 'closed'] as const;

function one(query: Record<string, unknown>, name: string): string {
  const v = query[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
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
