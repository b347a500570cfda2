import type { Bbox } from './geojson';

/**
 * Address search against a Nominatim-compatible service (`/search?format=jsonv2`). Only our server talks to
 * it, so residents' browsers never contact a third party. Every failure is an answer, never an exception:
 * the report form then says the search is unavailable and still accepts a described place.
 */
export interface GeocoderResult {
  label: string;
  lat: number;
  lon: number;
}

export type GeocoderFailure = 'not_configured' | 'unreachable' | 'timeout' | 'bad_response';

export type GeocoderAnswer = { ok: true; results: GeocoderResult[] } | { ok: false; reason: GeocoderFailure };

export interface SearchOptions {
  /** Prefer (and keep only) results inside this box, e.g. the city's boundary box. */
  bbox?: Bbox | undefined;
  limit?: number;
  language?: string;
}

export interface Geocoder {
  readonly configured: boolean;
  search(query: string, options?: SearchOptions): Promise<GeocoderAnswer>;
}

export interface GeocoderOptions {
  /** Base URL; `/search` is appended unless the path already ends in it. Null: not configured. */
  url: URL | null;
  timeoutMs?: number;
  /** Nominatim's usage policy asks for an identifying User-Agent. */
  userAgent?: string;
  /** Answers are cached for this long (the public Nominatim asks for caching); 0 turns the cache off. */
  cacheSeconds?: number;
  fetch?: typeof fetch;
}

export const QUERY_MAX = 200;

export function createGeocoder(options: GeocoderOptions): Geocoder {
  const { url } = options;
  const timeoutMs = options.timeoutMs ?? 4000;
  const doFetch = options.fetch ?? fetch;
  const cacheMs = (options.cacheSeconds ?? 600) * 1000;
  // A small cache of answers by request URL: repeated searches (reloads, back button) cost nothing upstream.
  const cache = new Map<string, { at: number; results: GeocoderResult[] }>();

  return {
    configured: url !== null,
    async search(query, opts = {}) {
      if (!url) return { ok: false, reason: 'not_configured' };
      const q = query.trim().slice(0, QUERY_MAX);
      if (!q) return { ok: true, results: [] };
      const limit = Math.min(Math.max(opts.limit ?? 5, 1), 20);
      const target = new URL(url.href);
      if (!target.pathname.endsWith('/search')) target.pathname = `${target.pathname.replace(/\/$/, '')}/search`;
      target.searchParams.set('q', q);
      target.searchParams.set('format', 'jsonv2');
      target.searchParams.set('limit', String(limit));
      if (opts.language) target.searchParams.set('accept-language', opts.language);
      if (opts.bbox) {
        const b = opts.bbox;
        target.searchParams.set('viewbox', `${b.minLon},${b.maxLat},${b.maxLon},${b.minLat}`);
        target.searchParams.set('bounded', '1');
      }
      const key = target.href;
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < cacheMs) return { ok: true, results: hit.results };

      let body: unknown;
      try {
        const res = await doFetch(target, {
          headers: { accept: 'application/json', 'user-agent': options.userAgent ?? 'Kuemmerer (civic platform)' },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
        if (!res.ok) return { ok: false, reason: res.status >= 500 || res.status === 429 ? 'unreachable' : 'bad_response' };
        const text = await res.text();
        body = JSON.parse(text);
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, reason: 'timeout' };
        if (err instanceof SyntaxError) return { ok: false, reason: 'bad_response' };
        return { ok: false, reason: 'unreachable' };
      }
      const results = readResults(body, opts.bbox);
      if (results === null) return { ok: false, reason: 'bad_response' };
      const limited = results.slice(0, limit);
      if (cacheMs > 0) {
        if (cache.size > 500) cache.clear();
        cache.set(key, { at: Date.now(), results: limited });
      }
      return { ok: true, results: limited };
    },
  };
}

/** Nominatim answers an array of places with string coordinates; anything else is a bad response. */
export function readResults(body: unknown, bbox?: Bbox): GeocoderResult[] | null {
  if (!Array.isArray(body)) return null;
  const out: GeocoderResult[] = [];
  for (const item of body) {
    if (!item || typeof item !== 'object') return null;
    const r = item as { lat?: unknown; lon?: unknown; display_name?: unknown; name?: unknown };
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if ((typeof r.lat !== 'string' && typeof r.lat !== 'number') || (typeof r.lon !== 'string' && typeof r.lon !== 'number')) return null;
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    if (bbox && (lon < bbox.minLon || lon > bbox.maxLon || lat < bbox.minLat || lat > bbox.maxLat)) continue;
    const label = typeof r.display_name === 'string' ? r.display_name : typeof r.name === 'string' ? r.name : `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
    out.push({ label: label.slice(0, 300), lat, lon });
  }
  return out;
}
