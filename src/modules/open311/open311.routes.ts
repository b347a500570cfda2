import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Organization } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import type { FileStorage } from '../../platform/files/storage';
import { AppError } from '../../platform/http/errors';
import { publicCache } from '../../platform/http/response-cache';
import { type XmlValue, xmlDocument } from '../opendata/xml';
import { type ApiClient, authenticate } from './api-key.service';
import {
  CONTENT_TYPE,
  DEFAULT_WINDOW_DAYS,
  FORMATS,
  type Format,
  formatOf,
  itemName,
  PAGE_SIZE_DEFAULT,
  parseIdempotencyKey,
  parseW3cDate,
  SPEC_URL,
} from './open311';
import * as s from './open311.schemas';
import { createRequest, listRequests, listUpdates, Open311Error, pushUpdate, serviceDefinition, serviceList } from './open311.service';
import { countAuthFailure, countRequest } from './rate';

export interface Open311RouteDeps {
  db: Db;
  config: Config;
  storage: FileStorage;
}

/** Bumped when the discovery document or the shape of the services changes: clients refresh their caches. */
export const DISCOVERY_CHANGESET = '2026-11-30T00:00:00Z';

declare module 'fastify' {
  interface FastifyRequest {
    apiClient: ApiClient | null;
  }
}

type Query = Record<string, string | number | undefined>;

export function sendOpen311(reply: FastifyReply, format: Format, root: string, value: XmlValue | object, status = 200) {
  reply.status(status).type(CONTENT_TYPE[format]);
  if (format === 'json') return reply.send(value);
  return reply.send(xmlDocument(root, value as XmlValue, itemName));
}

export function sendOpen311Error(reply: FastifyReply, format: Format, status: number, description: string) {
  reply.status(status).type(CONTENT_TYPE[format]);
  const errors = [{ code: status, description }];
  // Only 200 has a response schema, so errors are written as they are.
  return reply.send(format === 'json' ? errors : xmlDocument('errors', errors, itemName));
}

function bool(v: unknown): boolean {
  return v === 'true' || v === '1';
}

function list(v: unknown): string[] {
  return typeof v === 'string'
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

function bbox(v: unknown) {
  if (typeof v !== 'string') return undefined;
  const [minLon, minLat, maxLon, maxLat] = v.split(',').map((x) => Number(x.trim()));
  if ([minLon, minLat, maxLon, maxLat].some((n) => n === undefined || !Number.isFinite(n)))
    throw new Open311Error(400, 'bbox must be min_long,min_lat,max_long,max_lat');
  if (Math.abs(minLat!) > 90 || Math.abs(maxLat!) > 90 || Math.abs(minLon!) > 180 || Math.abs(maxLon!) > 180 || minLon! > maxLon! || minLat! > maxLat!) {
    throw new Open311Error(400, 'bbox must be min_long,min_lat,max_long,max_lat within WGS84 bounds, minimum first');
  }
  return { minLon: minLon!, minLat: minLat!, maxLon: maxLon!, maxLat: maxLat! };
}

function date(v: unknown, name: string): Date | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const d = parseW3cDate(v);
  if (!d) throw new Open311Error(400, `${name} must be a W3C date or date-time with zone, e.g. 2024-05-01T00:00:00Z`);
  return d;
}

function window(query: Query): { from: Date; to: Date | null } {
  const start = date(query.start_date, 'start_date');
  const end = date(query.end_date, 'end_date');
  if (start && end && start >= end) throw new Open311Error(400, 'start_date must be before end_date');
  const days = DEFAULT_WINDOW_DAYS * 24 * 3600 * 1000;
  if (start) return { from: start, to: end ?? null };
  if (end) return { from: new Date(end.getTime() - days), to: end };
  return { from: new Date(Date.now() - days), to: null };
}

function jurisdictionMatches(org: Organization, id: string): boolean {
  const wanted = id
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return wanted === org.slug || org.hosts.some((h) => h.toLowerCase().replace(/^www\./, '') === wanted);
}

const TAG = 'Open311 GeoReport v2';

export async function open311Routes(app: FastifyInstance, { db, config, storage }: Open311RouteDeps): Promise<void> {
  const deps = { db, storage, secret: config.secret, publicUrl: config.publicUrl };
  // GET answers are public data and the same for every client: a crowd of pollers shares one set of queries
  // for PUBLIC_CACHE_SECONDS (rate limits still count every request).
  const sharedLists = publicCache<Awaited<ReturnType<typeof listRequests>>>(config.publicCacheSeconds, 'Open311', 1000);
  const shared = (request: FastifyRequest, load: () => ReturnType<typeof listRequests>) =>
    sharedLists.get(`${request.ctx.org.id}|${request.ctx.locale}|${request.url}`, load);
  const base = new URL('/open311/v2/', config.publicUrl).href;

  await app.register(
    async (o) => {
      o.decorateRequest('apiClient', null);

      // Before validation, so malformed requests count against the limit too, and a missing key is a 403.
      o.addHook('preValidation', async (request, reply) => {
        const body = (request.method === 'POST' ? request.body : null) as Record<string, unknown> | null;
        const query = (request.query ?? {}) as Record<string, unknown>;
        const jurisdiction = body?.jurisdiction_id ?? query.jurisdiction_id;
        if (typeof jurisdiction === 'string' && jurisdiction.trim() !== '' && !jurisdictionMatches(request.ctx.org, jurisdiction)) {
          throw new Open311Error(404, `jurisdiction_id "${jurisdiction.slice(0, 80)}" not found`);
        }
        const header = request.headers['x-api-key'];
        const raw = body?.api_key ?? query.api_key ?? (typeof header === 'string' ? header : undefined);
        const key = typeof raw === 'string' ? raw.trim() : '';
        const refuse = async (description: string) => {
          const failed = await countAuthFailure(db, request);
          if (!failed.allowed) {
            reply.header('Retry-After', String(failed.retryAfter));
            throw new Open311Error(429, `too many requests without a valid api_key from this address; try again in ${failed.retryAfter} seconds`);
          }
          throw new Open311Error(403, description);
        };
        if (key) {
          request.apiClient = await authenticate(db, request.ctx.org.id, key);
          if (!request.apiClient) await refuse('api_key is not valid (unknown or revoked)');
        } else if (request.method === 'POST') {
          await refuse('api_key is required to write');
        }
        const counted = await countRequest(db, request, request.apiClient);
        reply.header('X-RateLimit-Limit', String(counted.limit));
        if (!counted.allowed) {
          reply.header('Retry-After', String(counted.retryAfter));
          throw new Open311Error(429, `too many requests: at most ${counted.limit} a minute; try again in ${counted.retryAfter} seconds`);
        }
      });

      o.setErrorHandler(async (error: FastifyError | AppError | Open311Error, request, reply) => {
        const format = formatOf(request.url);
        if (error instanceof Open311Error) {
          if (error.status >= 500) request.log.error({ err: error }, 'open311 error');
          return sendOpen311Error(reply, format, error.status, error.description);
        }
        if (error instanceof AppError) {
          if (error.details.retryAfterSeconds) reply.header('Retry-After', String(error.details.retryAfterSeconds));
          const description =
            error.code === 'organization_unknown' ? 'no city is served at this address (jurisdiction not found)' : error.code.replace(/_/g, ' ');
          return sendOpen311Error(reply, format, Math.min(error.status, 500), description);
        }
        if ((error as FastifyError).validation) {
          const e = error as FastifyError;
          return sendOpen311Error(
            reply,
            format,
            400,
            `${e.validationContext ?? 'request'}: ${e.message.replace(/^(querystring|body|params)\/?/, '')}`.slice(0, 300),
          );
        }
        const status = (error as FastifyError).statusCode ?? 500;
        if (status >= 400 && status < 500) return sendOpen311Error(reply, format, status === 413 ? 413 : 400, 'the request could not be read');
        request.log.error({ err: error, reference: request.id }, 'unhandled error');
        return sendOpen311Error(reply, format, 500, `internal error; reference ${request.id}`);
      });

      o.setNotFoundHandler(async (request, reply) => {
        const known = /^\/open311\/(discovery|v2\/(services|requests|servicerequestupdates)(\/[^/.?]+)?)\.(json|xml)(\?|$)/.test(request.url);
        return sendOpen311Error(
          reply,
          formatOf(request.url),
          known ? 405 : 404,
          known ? `method ${request.method} is not supported here` : 'no such resource (tokens are not used: POST requests answers with the id at once)',
        );
      });

      for (const format of FORMATS) {
        const json = format === 'json';
        const ok = (schema: object) =>
          json
            ? { 200: schema }
            : {
                200: {
                  content: {
                    'text/xml': {
                      schema: { type: 'string', description: 'The same content as XML (Spark convention).' },
                    },
                  },
                },
              };
        const doc = (summary: string, description: string) => ({
          summary: `${summary} (${format.toUpperCase()})`,
          description,
          tags: [TAG],
        });

        o.get(
          `/discovery.${format}`,
          {
            schema: {
              ...doc('Service discovery', 'Where the GeoReport v2 endpoint is and which formats it speaks.'),
              response: ok(s.discoveryResponse),
            },
          },
          async (request, reply) => {
            const org = request.ctx.org;
            return sendOpen311(reply, format, 'discovery', {
              changeset: DISCOVERY_CHANGESET,
              contact: `${org.name}: ${org.contact_email}`,
              key_service: `API keys to create requests are issued by ${org.name}: ${org.contact_email}. Reading needs no key.`,
              endpoints: [
                {
                  specification: SPEC_URL,
                  url: base,
                  changeset: DISCOVERY_CHANGESET,
                  type: config.mode === 'production' ? 'production' : 'test',
                  formats: ['text/xml', 'application/json'],
                },
              ],
            });
          },
        );

        o.get(
          `/v2/services.${format}`,
          {
            schema: {
              ...doc('GET service list', 'The categories residents can report, as Open311 services.'),
              querystring: s.commonQuery,
              response: ok(s.servicesResponse),
            },
          },
          async (request, reply) => sendOpen311(reply, format, 'services', await serviceList(db, request.ctx.org, request.ctx.locale)),
        );

        o.get(
          `/v2/services/:service_code.${format}`,
          {
            schema: {
              ...doc('GET service definition', 'The extra questions of a service: datatype, required, order and the values of lists.'),
              querystring: s.commonQuery,
              params: {
                type: 'object',
                properties: { service_code: { type: 'string', description: 'A service_code.' } },
              },
              response: ok(s.serviceDefinitionResponse),
            },
          },
          async (request, reply) => {
            const code = (request.params as { service_code: string }).service_code;
            return sendOpen311(reply, format, 'service_definition', await serviceDefinition(db, request.ctx.org, code, request.ctx.locale));
          },
        );

        o.post(
          `/v2/requests.${format}`,
          {
            config: { csrf: false },
            schema: {
              ...doc(
                'POST service request',
                'Creates a report (api_key required). It is public at once with status open/new; the answer carries its id (no tokens). ' +
                  'An `Idempotency-Key` header (1–100 visible ASCII characters, per API key) makes retries safe: the same request again answers with the first id (header `Idempotent-Replayed: true`), a different request under the same key is refused with 422.',
              ),
              body: s.createRequestBody,
              response: json ? { 200: s.createRequestResponse } : ok(s.createRequestResponse),
            },
          },
          async (request, reply) => {
            const client = request.apiClient!;
            const idempotencyKey = parseIdempotencyKey(request.headers['idempotency-key']);
            if (idempotencyKey instanceof Error) throw new Open311Error(400, idempotencyKey.message);
            const result = await createRequest(
              deps,
              request.ctx.org,
              client,
              (request.body ?? {}) as Record<string, unknown>,
              request.ctx.locale,
              idempotencyKey,
            );
            if (result.repeated) reply.header('Idempotent-Replayed', 'true');
            return sendOpen311(reply, format, 'service_requests', result.answer);
          },
        );

        o.get(
          `/v2/requests.${format}`,
          {
            schema: {
              ...doc('GET service requests', 'Public reports, newest first, with every filter of the spec plus bbox, paging and extensions.'),
              querystring: s.requestsQuery,
              response: ok(s.requestsResponse),
            },
          },
          async (request, reply) => {
            const query = request.query as Query;
            const ids = list(query.service_request_id).map(Number);
            const w = ids.length > 0 ? null : window(query);
            const statuses = list(query.status) as Array<'open' | 'closed'>;
            const pageSize = Number(query.page_size ?? PAGE_SIZE_DEFAULT);
            const result = await shared(request, () =>
              listRequests(
                deps,
                request.ctx.org,
                ids.length > 0
                  ? { ids, extensions: bool(query.extensions), page: 1, pageSize: ids.length }
                  : {
                      categoryCodes: query.service_code !== undefined && String(query.service_code).trim() !== '' ? list(query.service_code) : undefined,
                      statuses: statuses.length === 1 ? statuses : undefined,
                      from: w!.from,
                      to: w!.to ?? undefined,
                      bbox: bbox(query.bbox),
                      extensions: bool(query.extensions),
                      page: Number(query.page ?? 1),
                      pageSize,
                    },
                request.ctx.locale,
              ),
            );
            return sendOpen311(reply, format, 'service_requests', result);
          },
        );

        o.get(
          `/v2/requests/:service_request_id.${format}`,
          {
            schema: {
              ...doc('GET service request', 'One public report.'),
              querystring: {
                type: 'object',
                properties: {
                  ...s.commonQuery.properties,
                  extensions: s.requestsQuery.properties.extensions,
                },
              },
              params: { type: 'object', properties: { service_request_id: { type: 'string' } } },
              response: ok(s.requestsResponse),
            },
          },
          async (request, reply) => {
            const id = (request.params as { service_request_id: string }).service_request_id;
            if (!/^\d{1,9}$/.test(id)) throw new Open311Error(404, `service_request_id "${id.slice(0, 40)}" not found`);
            const result = await shared(request, () =>
              listRequests(
                deps,
                request.ctx.org,
                {
                  ids: [Number(id)],
                  extensions: bool((request.query as Query).extensions),
                  page: 1,
                  pageSize: 1,
                },
                request.ctx.locale,
              ),
            );
            if (result.length === 0) throw new Open311Error(404, `service_request_id "${id}" not found`);
            return sendOpen311(reply, format, 'service_requests', result);
          },
        );

        o.get(
          `/v2/servicerequestupdates.${format}`,
          {
            schema: {
              ...doc('GET service request updates', 'Public timeline entries of public reports in a time window, oldest first (FixMyStreet-style pull).'),
              querystring: s.updatesQuery,
              response: ok(s.updatesResponse),
            },
          },
          async (request, reply) => {
            const query = request.query as Query;
            const result = await listUpdates(
              db,
              request.ctx.org,
              window(query),
              { page: Number(query.page ?? 1), pageSize: Number(query.page_size ?? PAGE_SIZE_DEFAULT) },
              bool(query.extensions),
              request.ctx.locale,
            );
            return sendOpen311(reply, format, 'service_requests_updates', result);
          },
        );

        o.post(
          `/v2/servicerequestupdates.${format}`,
          {
            config: { csrf: false },
            schema: {
              ...doc(
                'POST service request update',
                'A back office pushes a status change or a public note (api_key required); it appears on the report’s public timeline.',
              ),
              body: s.pushUpdateBody,
              response: json ? { 200: s.pushUpdateResponse } : ok(s.pushUpdateResponse),
            },
          },
          async (request, reply) => {
            const result = await pushUpdate(db, request.ctx.org, request.apiClient!, (request.body ?? {}) as Record<string, unknown>);
            return sendOpen311(reply, format, 'service_request_updates', result);
          },
        );
      }
    },
    { prefix: '/open311' },
  );
}
