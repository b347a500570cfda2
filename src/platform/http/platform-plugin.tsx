import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Organization } from '../../db-schema';
import type { Db } from '../db/connect';
import { negotiateLocale } from '../i18n';
import { createRegistry, type ModuleRegistry } from '../module';
import { randomToken } from '../security/tokens';
import { ErrorPage } from '../views/error-page';
import { sendHtml } from '../views/render';
import { noStoreForPersonalAnswers } from './cache-control';
import type { RequestContext } from './context';
import { csrfCookieName, csrfTokenFor, csrfValid, issueCsrfCookie } from './csrf';
import { AppError, type ErrorCode, isDatabaseUnavailable } from './errors';
import { asForm } from './form';
import { keepLinkLocale, LOCALE_COOKIE, languageSwitchRoute, localeOfRequest } from './locale';
import { createMethodIndex } from './method-router';
import { containsNul } from './nul-bytes';
import { logRefusal, noteThrownRefusal } from './request-log';
import { schemaValidatorCompiler, validationMessage } from './schemas';
import { setSecurityHeaders } from './security-headers';
import { loadSession } from './sessions';

export { LOCALE_COOKIE } from './locale';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Machine endpoints authenticated by API key opt out of the browser CSRF check. */
    csrf?: false;
  }
}

export interface PlatformOptions {
  config: Config;
  db: Db;
  findOrganization(host: string): Promise<Organization | null>;
  modules: ModuleRegistry;
}

export function sessionCookieName(secure: boolean): string {
  // __Host- cookies must be Secure; browsers refuse them on plain http, so localhost demos use a plain name.
  return secure ? '__Host-k_session' : 'k_session';
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

function wantsJson(request: FastifyRequest): boolean {
  const url = request.url;
  if (url.startsWith('/api/') || url.startsWith('/open311/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export async function platformPlugin(app: FastifyInstance, options: PlatformOptions): Promise<void> {
  const { config, db } = options;
  const secure = config.publicUrl.protocol === 'https:';
  const csrfName = csrfCookieName(secure);
  const methodIndex = createMethodIndex();
  app.addHook('onRoute', (route) => methodIndex.add(route.method, route.url));
  // Route schemas are TypeBox, checked strictly (see schemas.ts); a failed check is a 400 in the error handler below.
  app.setValidatorCompiler(schemaValidatorCompiler);

  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionToken', null);
  // Personal answers are never cached (cache-control.ts); refusals are logged with who and why (request-log.ts).
  app.addHook('onSend', noStoreForPersonalAnswers);
  app.addHook('onError', noteThrownRefusal);
  app.addHook('onResponse', logRefusal);

  app.addHook('onRequest', async (request, reply) => {
    setSecurityHeaders(request, reply, secure);
    if (request.url.startsWith('/static/')) return;
    const org = (await options.findOrganization(request.hostname)) ?? null;
    let csrfCookie = request.cookies[csrfName];
    if (!csrfCookie || csrfCookie.length > 64) csrfCookie = issueCsrfCookie(request, reply, secure);
    const token = request.cookies[sessionCookieName(secure)] ?? null;
    request.sessionToken = token;
    const user = org && token ? await loadSession(db, org.id, token) : null;
    // Link (?lang=), account, cookie, browser, German; staff pages German or English (locale.ts).
    keepLinkLocale(request, reply, secure);
    request.ctx = {
      org: org ?? fallbackOrganization,
      locale: localeOfRequest(request, user?.locale),
      user,
      csrfToken: csrfTokenFor(config.secret, csrfCookie, token),
      path: request.url,
      demo: config.devMailbox,
      requestId: request.id,
      modules: options.modules,
    };
    if (!org) throw new AppError('organization_unknown');
  });

  app.addHook('preHandler', async (request) => {
    if (STATE_CHANGING.has(request.method) && !request.is404 && request.routeOptions.config.csrf !== false) {
      const body = asForm(request.body);
      const token = body._csrf ?? request.headers['x-csrf-token'];
      if (!csrfValid(config.secret, request.cookies[csrfName], Array.isArray(token) ? token[0] : token, request.sessionToken)) {
        throw new AppError('csrf_invalid');
      }
    }
    // After the CSRF check (a forged request is a 403 whatever it carries), before any route guard or handler.
    if (containsNul(request.query) || containsNul(request.params) || containsNul(request.body)) throw new AppError('bad_request');
  });

  // The language switch in every page's header; a signed-in person's choice is kept on the account too.
  languageSwitchRoute(app, { db, secure, allowedMethods: (path) => methodIndex.allowed(path) });

  app.get('/health', async () => ({ status: 'ok' }));

  app.setNotFoundHandler(async (request, reply) => {
    const allow = methodIndex.allowed(request.url);
    if (allow.length > 0) {
      reply.header('Allow', allow.join(', '));
      return sendError(request, reply, 'method_not_allowed');
    }
    return sendError(request, reply, 'not_found');
  });

  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.details.retryAfterSeconds) reply.header('Retry-After', String(error.details.retryAfterSeconds));
      return sendError(request, reply, error.code, undefined, error.details.retryAfterSeconds);
    }
    const status = error.statusCode ?? 500;
    // A path parameter outside its route schema (an id that is not a number, a size we do not have) names
    // nothing that exists: 404, as for an unknown id. Bad query parameters stay 400, and so does a NUL anywhere
    // (a malformed request, whichever check meets it first).
    if (error.validation && error.validationContext === 'params' && !containsNul(request.params)) return sendError(request, reply, 'not_found');
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return sendError(request, reply, 'payload_too_large');
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'client error');
      // A query outside its schema says which parameter and what it must be (schemas.ts words it), for API clients.
      const message = error.validation ? validationMessage(error.validation, error.validationContext) : undefined;
      // A person gets the names of the address's parameters that were wrong (a mistyped or cut-off link).
      const params =
        error.validation && error.validationContext === 'querystring'
          ? [...new Set(error.validation.map((e) => e.instancePath.replace(/^\//, '').split('/')[0] ?? '').filter((n) => n !== ''))]
          : [];
      return sendError(request, reply, status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'bad_request', undefined, undefined, message, params);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error, reference: request.id }, 'database unavailable');
      reply.header('Retry-After', '30');
      return sendError(request, reply, 'unavailable', request.id);
    }
    // Never show internals: the reference ties the page the person sees to the log line we keep.
    request.log.error({ err: error, reference: request.id }, 'unhandled error');
    return sendError(request, reply, 'internal', request.id);
  });
}

/**
 * Fastify answers a path it cannot decode (broken %-encoding, found by fuzzing) or an over-long parameter
 * before any hook runs, with its own JSON that echoes the path. This gives them our answer instead: JSON under
 * /api/ and /open311/, otherwise the error page, without a city (as for a host no city claims).
 */
export function frameworkErrorHandler(config: Config) {
  const secure = config.publicUrl.protocol === 'https:';
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    setSecurityHeaders(request, reply, secure);
    const language = request.headers['accept-language'];
    request.ctx = {
      org: fallbackOrganization,
      locale: negotiateLocale(undefined, typeof language === 'string' ? language : undefined),
      user: null,
      csrfToken: '',
      path: '/',
      demo: config.devMailbox,
      requestId: request.id,
      modules: noModules,
    };
    return sendError(request, reply, (error.statusCode ?? 500) < 500 ? 'bad_request' : 'internal');
  };
}

/** Error pages drawn before the city is known show no module links. */
const noModules = createRegistry([]);

const fallbackOrganization: Organization = {
  id: 0,
  slug: 'unknown',
  name: 'Kümmerer',
  hosts: [],
  contact_email: '',
  created_at: new Date(0),
};

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  reference?: string,
  retryAfter?: number,
  message?: string,
  params: string[] = [],
) {
  const status = new AppError(code).status;
  if (wantsJson(request)) {
    return reply.status(status).send({ error: { code, ...(reference ? { reference } : {}), ...(message ? { message } : {}) } });
  }
  // The context is missing when the very first step failed (the city lookup, e.g. with the database down):
  // a browser still gets a page in its language, without anything that needs the database.
  const ctx: RequestContext = request.ctx ?? {
    org: fallbackOrganization,
    locale: negotiateLocale(request.cookies?.[LOCALE_COOKIE], request.headers['accept-language']),
    user: null,
    csrfToken: '',
    path: request.url,
    demo: false,
    requestId: request.id,
    modules: noModules,
  };
  return sendHtml(
    reply,
    <ErrorPage
      ctx={ctx}
      code={code}
      reference={reference ?? (status >= 500 ? request.id : undefined)}
      minutes={retryAfter ? Math.ceil(retryAfter / 60) : undefined}
      params={params}
    />,
    status,
  );
}

export function requestIdGenerator(): string {
  // Short enough to read out on the phone to a help desk.
  return randomToken(6).replace(/[-_]/g, 'x').slice(0, 8).toUpperCase();
}
