import type { CloseReason, QuestionDatatype, ReportStatus } from '../../db-schema';
import { canTransition } from '../reports';

// Pure rules of the Open311 GeoReport v2 interface: no I/O here.

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';

/** GET requests and servicerequestupdates: `page_size` without a value, and the most one may ask for. */
export const PAGE_SIZE_DEFAULT = 100;
export const PAGE_SIZE_MAX = 1000;
/** min_long,min_lat,max_long,max_lat in decimal degrees; the bounds are checked after parsing (see parseBbox). */
export const BBOX_PATTERN = '^\\s*-?\\d{1,3}(\\.\\d+)?(\\s*,\\s*-?\\d{1,3}(\\.\\d+)?){3}\\s*$';

export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** A bbox as min_long,min_lat,max_long,max_lat; null when it is malformed, outside WGS84 or has a minimum second. */
export function parseBbox(raw: string): Bbox | null {
  const numbers = raw.split(',').map((x) => Number(x.trim()));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return null;
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 || Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 || minLon > maxLon || minLat > maxLat) return null;
  return { minLon, minLat, maxLon, maxLat };
}

/** Without start_date/end_date, GET requests covers the most recent 90 days (as the spec says). */
export const DEFAULT_WINDOW_DAYS = 90;

/** Element names of array items in the XML form (Spark convention: the wrapper is plural). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_requests_updates: 'request_update',
  service_request_updates: 'request_update',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  photos: 'photo',
  answers: 'answer',
  value: 'item',
};

export function itemName(wrapper: string): string {
  return ITEM_NAMES[wrapper] ?? 'item';
}

/** W3C date-time with zone, to the second: 2024-05-01T08:15:30Z. */
export function w3cDate(date: Date | string): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A W3C date or date-time; a time must carry its zone (Z or ±HH:MM). A bare date is midnight UTC. */
export function parseW3cDate(raw: string): Date | null {
  // A "+" in an unencoded form or query string arrives as a space: 2024-05-01T10:00:00 02:00.
  const s = raw.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?) (\d{2}:\d{2})$/, '$1+$2');
  const m = W3C.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  if (new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() !== Number(d) || Number(mo) < 1 || Number(mo) > 12) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return null;
  const date = new Date(h === undefined ? `${y}-${mo}-${d}T00:00:00Z` : s);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= 1970 && year <= 9999 ? date : null;
}

/** Our question types in Open311 words. Our "text" answers are multi-line (a textarea), so they stay "text". */
export function open311Datatype(datatype: QuestionDatatype): 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist' {
  return datatype;
}

export type AttributeParse = { ok: true; answers: Record<string, string | string[]> } | { ok: false; problem: string };

/**
 * Reads `attribute[code]=value` and `attribute[code][]=value` pairs from a form body. Anything else that
 * starts with "attribute" is malformed; codes the service does not define are refused too, so a client
 * learns about a typo instead of losing data silently.
 */
export function parseAttributes(body: Record<string, unknown>, knownCodes: Set<string>): AttributeParse {
  const answers: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (!key.startsWith('attribute')) continue;
    const m = /^attribute\[([A-Za-z0-9_-]{1,60})\](\[\])?$/.exec(key);
    if (!m)
      return {
        ok: false,
        problem: `malformed attribute parameter "${key.slice(0, 80)}"; use attribute[code]=value or attribute[code][]=value`,
      };
    const code = m[1]!;
    if (!knownCodes.has(code)) return { ok: false, problem: `attribute "${code}" is not defined for this service` };
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (values.length !== (Array.isArray(raw) ? raw.length : 1)) return { ok: false, problem: `attribute "${code}" has a value that is not text` };
    const before = answers[code];
    const merged = before === undefined ? values : [...(Array.isArray(before) ? before : [before]), ...values];
    answers[code] = m[2] || merged.length > 1 ? merged : merged[0]!;
  }
  return { ok: true, answers };
}

export interface StatusTarget {
  status: ReportStatus;
  closeReason: CloseReason | null;
}

/**
 * The status a back office pushed, in our words. Open311's open/closed, FixMyStreet's detailed states and our
 * own names are understood (case does not matter). "open" on an open report changes nothing; on a closed or
 * fixed one it reopens the report as "in progress".
 */
export function pushedStatus(raw: string, current: ReportStatus): StatusTarget | null | 'unknown' {
  const s = raw.trim().toLowerCase();
  const open = current === 'new' || current === 'confirmed' || current === 'in_progress';
  switch (s) {
    case '':
      return null;
    case 'open':
      return open ? null : { status: 'in_progress', closeReason: null };
    case 'new':
      return { status: 'new', closeReason: null };
    case 'confirmed':
    case 'investigating':
      return { status: 'confirmed', closeReason: null };
    case 'in_progress':
    case 'action_scheduled':
      return { status: 'in_progress', closeReason: null };
    case 'fixed':
      return { status: 'fixed', closeReason: null };
    case 'closed':
    case 'done':
      return { status: 'closed', closeReason: 'done' };
    case 'duplicate':
      return { status: 'closed', closeReason: 'duplicate' };
    case 'not_councils_responsibility':
    case 'not_responsible':
      return { status: 'closed', closeReason: 'not_responsible' };
    case 'no_further_action':
    case 'rejected':
      return { status: 'closed', closeReason: 'rejected' };
    default:
      return 'unknown';
  }
}

/** Whether a pushed status is a change we can make: same state is "no change", impossible moves are refused. */
export function statusChange(current: { status: ReportStatus; close_reason: CloseReason | null }, target: StatusTarget | null): 'none' | 'change' | 'refused' {
  if (!target) return 'none';
  if (target.status === current.status && (target.status !== 'closed' || target.closeReason === current.close_reason)) return 'none';
  if (target.status === current.status) return 'change'; // closed for a different reason
  return canTransition(current.status, target.status) ? 'change' : 'refused';
}

/** Where to read the format from: the extension the route was registered with. */
export function formatOf(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/**
 * The `Idempotency-Key` request header (IETF httpapi draft): a structured-field string, so it may come quoted;
 * bare tokens are accepted too, as most clients send them. Absent: null; malformed: an Error to report as 400.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null | Error {
  if (header === undefined) return null;
  const raw = (Array.isArray(header) ? header.join(', ') : header).trim();
  const value = /^"[^"\\]*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (!/^[\x21-\x7e]{1,100}$/.test(value)) {
    return new Error('Idempotency-Key must be one value of 1 to 100 visible ASCII characters (no spaces), e.g. a UUID');
  }
  return value;
}
