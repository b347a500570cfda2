import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/connect';
import type { RequestContext } from '../../../platform/http/context';
import { setsCsrfCookie } from '../../../platform/http/csrf';
import type { FieldErrors } from '../../../platform/http/errors';
import { publicCache } from '../../../platform/http/response-cache';
import { translator } from '../../../platform/i18n';
import { fitView, type MapView } from '../../../platform/map/geometry';
import type { FilterField, FilterProblem } from './map';
import { mapMessages } from './map.messages';
import * as mq from './map.queries';

// What the map's routes share: cached anonymous answers with an ETag, the view of the whole city, filter problems.

/** Where a map shows no city (no districts yet): the middle of Germany. */
const FALLBACK_VIEW: MapView = { zoom: 6, lat: 51.16, lon: 10.45 };

export interface CachedBody {
  body: string;
  etag: string;
}

export function withEtag(body: string): CachedBody {
  return { body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * What every visitor of a city shares: map answers and list counts. Cached per process for a short time
 * (PUBLIC_CACHE_SECONDS, the same order as the map's max-age), so a crowd costs one query per key, not one each.
 */
export function publicCaches(seconds: number) {
  return {
    mapData: publicCache<CachedBody>(seconds, 'map data', 2000),
    listCount: publicCache<number>(seconds, 'list count', 500),
  };
}
export type PublicCaches = ReturnType<typeof publicCaches>;

/** An ETag over the body, and public caching only when no cookie is being set. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, payload: string | CachedBody, type: string, maxAge = 60) {
  const { body, etag } = typeof payload === 'string' ? withEtag(payload) : payload;
  // A response that sets a cookie (a first visit, a sign-in) must never be stored by a shared cache.
  const shared = !setsCsrfCookie(request);
  reply.header('Cache-Control', `${shared ? 'public' : 'private'}, max-age=${maxAge}`);
  reply.header('ETag', etag);
  const query = request.query as Record<string, unknown>;
  if (!query.lang) reply.header('Vary', 'Accept-Language, Cookie');
  const match = request.headers['if-none-match'];
  if (match?.split(',').some((m) => m.trim() === etag)) return reply.status(304).send();
  return reply.type(type).send(body);
}

export async function cityView(db: Db, organizationId: number): Promise<MapView> {
  const box = await mq.cityBox(db, organizationId);
  return box ? fitView(box) : FALLBACK_VIEW;
}

/** Filter problems as messages per field, for the list's form and the map data's error answer. */
export function translateFilterErrors(ctx: RequestContext, errors: Partial<Record<FilterField, FilterProblem>>): FieldErrors {
  const t = translator(mapMessages, ctx.locale);
  return Object.fromEntries(Object.entries(errors).map(([f, p]) => [f, t(`err.${p}`)]));
}
