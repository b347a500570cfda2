import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { publicCache } from '../../platform/http/response-cache';
import { type ApiClient, authenticate } from './api-key.service';
import { FORMATS, formatOf } from './open311';
import { discoveryRoutes } from './open311.discovery.routes';
import { jurisdictionMatches, type Open311RouteDeps, type Open311Scope, sendOpen311Error } from './open311.http';
import { requestRoutes } from './open311.requests.routes';
import { type listRequests, Open311Error } from './open311.service';
import { updateRoutes } from './open311.updates.routes';
import { countAuthFailure, countRequest } from './rate';

export { DISCOVERY_CHANGESET } from './open311.discovery.routes';
export { type Open311RouteDeps, sendOpen311, sendOpen311Error } from './open311.http';

declare module 'fastify' {
  interface FastifyRequest {
    apiClient: ApiClient | null;
  }
}

/**
 * Open311 GeoReport v2 under /open311, in JSON and XML: keys and rate limits, and errors in GeoReport's own
 * format (a list of code and description) for every failure, including schema validation.
 */
export async function open311Routes(app: FastifyInstance, { db, config, storage }: Open311RouteDeps): Promise<void> {
  // GET answers are public data and the same for every client: a crowd of pollers shares one set of queries
  // for PUBLIC_CACHE_SECONDS (rate limits still count every request).
  const sharedLists = publicCache<Awaited<ReturnType<typeof listRequests>>>(config.publicCacheSeconds, 'Open311', 1000);
  const scope: Open311Scope = {
    db,
    config,
    deps: { db, storage, secret: config.secret, publicUrl: config.publicUrl },
    base: new URL('/open311/v2/', config.publicUrl).href,
    shared: (request, load) => sharedLists.get(`${request.ctx.org.id}|${request.ctx.locale}|${request.url}`, load),
  };

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
        discoveryRoutes(o, scope, format);
        requestRoutes(o, scope, format);
        updateRoutes(o, scope, format);
      }
    },
    { prefix: '/open311' },
  );
}
