import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Organization } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { type XmlValue, xmlDocument } from '../../platform/formats/xml';
import { CONTENT_TYPE, DEFAULT_WINDOW_DAYS, type Format, itemName, parseBbox, parseW3cDate } from './open311';
import { errorsResponse } from './open311.schemas';
import { type listRequests, Open311Error } from './open311.service';

// What the Open311 route files share: answers in either format, the readers of query values the schemas cannot
// fully check (dates, windows, boxes), and the pieces of each route's schema.

export interface Open311RouteDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
}

export interface Open311Scope {
  db: Db;
  config: Config;
  deps: { db: Db; storage: FileStorage; secret: string; publicUrl: URL };
  /** The v2 endpoint's absolute URL. */
  base: string;
  /** GET answers shared between pollers for PUBLIC_CACHE_SECONDS. */
  shared(request: FastifyRequest, load: () => ReturnType<typeof listRequests>): ReturnType<typeof listRequests>;
}

export function sendOpen311(reply: FastifyReply, format: Format, root: string, value: XmlValue | object, status = 200) {
  reply.status(status).type(CONTENT_TYPE[format]);
  if (format === 'json') return reply.send(value);
  return reply.send(xmlDocument(root, value as XmlValue, itemName));
}

export function sendOpen311Error(reply: FastifyReply, format: Format, status: number, description: string) {
  reply.status(status).type(CONTENT_TYPE[format]);
  const errors = [{ code: status, description }];
  return reply.send(format === 'json' ? errors : xmlDocument('errors', errors, itemName));
}

export function flag(v: string | undefined): boolean {
  return v === 'true' || v === '1';
}

export function list(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

export function bbox(v: string | undefined) {
  if (v === undefined) return undefined;
  const box = parseBbox(v);
  if (!box) throw new Open311Error(400, 'bbox must be min_long,min_lat,max_long,max_lat within WGS84 bounds, minimum first');
  return box;
}

function date(v: string | undefined, name: string): Date | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const d = parseW3cDate(v);
  if (!d) throw new Open311Error(400, `${name} must be a W3C date or date-time with zone, e.g. 2024-05-01T00:00:00Z`);
  return d;
}

/** start_date/end_date as a window; without both, the most recent 90 days (as the spec says). */
export function window(query: { start_date?: string; end_date?: string }): { from: Date; to: Date | null } {
  const start = date(query.start_date, 'start_date');
  const end = date(query.end_date, 'end_date');
  if (start && end && start >= end) throw new Open311Error(400, 'start_date must be before end_date');
  const days = DEFAULT_WINDOW_DAYS * 24 * 3600 * 1000;
  if (start) return { from: start, to: end ?? null };
  if (end) return { from: new Date(end.getTime() - days), to: end };
  return { from: new Date(Date.now() - days), to: null };
}

export function jurisdictionMatches(org: Organization, id: string): boolean {
  const wanted = id
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return wanted === org.slug || org.hosts.some((h) => h.toLowerCase().replace(/^www\./, '') === wanted);
}

const TAG = 'Open311 GeoReport v2';

/** Summary, description and tag of an operation; the format goes into the summary and the operation id. */
export function describeOperation(format: Format, summary: string, description: string) {
  return { summary: `${summary} (${format.toUpperCase()})`, description, tags: [TAG] };
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: a parameter or field is malformed or missing',
  403: 'api_key missing, unknown or revoked',
  404: 'Not found: the jurisdiction, service or service request does not exist (or is not public)',
  422: 'Idempotency-Key already used for a different request',
  429: 'Too many requests: see the Retry-After header',
};

/**
 * The 200 answer and the errors a route can give, in the route's format. Every route can give 400 (parameters),
 * 404 (jurisdiction_id) and 429 (rate limit); writing adds 403 and whatever the route names.
 */
export function responses(format: Format, ok: object, extra: Array<403 | 404 | 422> = []) {
  const body = (schema: object) =>
    format === 'json' ? schema : { content: { 'text/xml': { schema: { type: 'string', description: 'The same content as XML (Spark convention).' } } } };
  const answers: Record<string, object> = { 200: body(ok) };
  for (const status of [...new Set([400, 404, 429, ...extra])].sort()) {
    answers[status] = { description: ERROR_TEXT[status], ...body(errorsResponse) };
  }
  return answers;
}
