import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../../config';
import { AppError } from './errors';

// What the request log may say. Links in mails carry their credential in the path (sign-in, staff set-up valid for
// 72 hours, password reset, report confirmation, questionnaires, unsubscribe), partner systems may put their API
// key in the query string, and log files travel further than the database (support tickets, log shippers): the
// log keeps the shape of a URL and never the secret in it. Refusals (401/403) say who was refused and why.

export const REDACTED = '[redacted]';

/** Query parameters whose value is a credential: api_key and anything named like a key, token, secret or password. */
const SECRET_PARAM = /^(api[-_]?key|apikey|key|access[-_]?key|.*token|secret|password|passwor[dt]|signature|sig)$/i;

/**
 * A path segment that is a credential by its looks: a random token (base64url, at least 20 characters, with at
 * least one capital letter, digit or underscore, so long lower-case words and slugs stay readable), or such a
 * token with a signature or an extension after a dot (unsubscribe links, `TOKEN.json`).
 */
const TOKEN_PART = /^[A-Za-z0-9_-]{20,}$/;
const TOKEN_MIX = /[A-Z0-9_]/;

function looksLikeToken(segment: string): boolean {
  return segment.split('.').some((part) => TOKEN_PART.test(part) && TOKEN_MIX.test(part));
}

/**
 * The URL as it may be logged: token segments and credential query values replaced by `[redacted]`. `tokenValues`
 * are the values of the route's parameters that hold credentials (any `:token`), redacted whatever they look like.
 */
export function redactUrl(url: string, tokenValues: readonly string[] = []): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? null : url.slice(q + 1);
  const secrets = new Set(tokenValues.filter((v) => v.length > 0));
  const redactedPath = path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // a broken %-escape is logged as it came
      }
      return secrets.has(decoded) || looksLikeToken(decoded) ? REDACTED : segment;
    })
    .join('/');
  if (query === null) return redactedPath;
  const redactedQuery = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return eq !== -1 && SECRET_PARAM.test(name.trim()) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${redactedPath}?${redactedQuery}`;
}

/** Values of the route's parameters that hold credentials (`:token` and the like). */
function tokenParams(request: FastifyRequest): string[] {
  const params = request.params;
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params as Record<string, unknown>)
    .filter(([name, value]) => /token|key|secret/i.test(name) && typeof value === 'string')
    .map(([, value]) => String(value));
}

/** Fastify's request serializer with the URL redacted (everything else as Fastify logs it). */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url, tokenParams(request)),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The app's logger settings: the level from the config, the redacting serializer, and a stream for tests and tools. */
export function loggerOptions(config: Config, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent' && !stream) return false;
  // A stream is asked for by a test or tool that reads the lines: silent (test mode's default) then means info.
  const level = stream && config.logLevel === 'silent' ? 'info' : config.logLevel;
  return { level, serializers: { req: serializeRequest as never }, ...(stream ? { stream } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Refusals: who was refused, and why

declare module 'fastify' {
  interface FastifyRequest {
    /** Why this request is being refused (401/403), for the log line; set where the decision is made. */
    refusal?: string;
  }
}

/** Records why a request is refused, for its 401/403 log line (routes that answer 401/403 themselves call this). */
export function noteRefusal(request: FastifyRequest, reason: string): void {
  request.refusal = reason;
}

/** onError hook: a thrown refusal (AppError, a module's own error with a 401/403 status) keeps its reason. */
export async function noteThrownRefusal(request: FastifyRequest, _reply: FastifyReply, error: FastifyError | AppError): Promise<void> {
  if (request.refusal) return;
  // AppError and module errors (Open311's) carry `status`, Fastify's errors `statusCode`.
  const { statusCode, status: own } = error as { statusCode?: number; status?: number };
  const status = statusCode ?? own;
  if (status === 401 || status === 403) request.refusal = error instanceof AppError ? (error.details.reason ?? error.code) : error.message || error.code;
}

/** onResponse hook: one warning per 401/403 with the actor (user id or "anonymous") and the reason. */
export async function logRefusal(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const status = reply.statusCode;
  if (status !== 401 && status !== 403) return;
  const user = request.ctx?.user;
  const url = redactUrl(request.url, tokenParams(request));
  request.log.warn(
    {
      actor: user ? user.id : 'anonymous',
      // Not `level`: that is the log line's own (pino).
      ...(user ? { session: user.level, role: user.role } : {}),
      reason: request.refusal ?? `${request.method} ${request.routeOptions.url ?? url.split('?')[0]} answered ${status}`,
      status,
      route: request.routeOptions.url ?? null,
      url,
    },
    'request refused',
  );
}
