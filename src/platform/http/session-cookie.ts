import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../db/connect';
import { csrfTokenFor, issueCsrfCookie } from './csrf';
import { cookieOptions, sessionCookieName } from './platform-plugin';
import { createSession, destroySession } from './sessions';
import { saveUserLocaleIfUnset } from './user-locale.queries';

/**
 * Starts a session with a fresh id (a session id planted before sign-in is worthless afterwards), and a fresh
 * CSRF cookie: forms and tokens from before the sign-in do not work after it.
 */
export async function startSession(
  db: Db,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  level: 'resident' | 'staff',
): Promise<void> {
  const secure = config.publicUrl.protocol === 'https:';
  if (request.sessionToken) await destroySession(db, request.sessionToken);
  const timeouts =
    level === 'staff'
      ? { idleMinutes: config.session.staffIdleMinutes, absoluteHours: config.session.staffAbsoluteHours }
      : { idleMinutes: config.session.residentIdleMinutes, absoluteHours: config.session.residentAbsoluteHours };
  const token = await createSession(db, { organizationId: request.ctx.org.id, userId, level, ...timeouts });
  reply.setCookie(sessionCookieName(secure), token, cookieOptions(secure, timeouts.absoluteHours * 3600));
  const csrf = issueCsrfCookie(request, reply, secure);
  // A page drawn in this same answer gets forms that work with the new session.
  request.ctx.csrfToken = csrfTokenFor(config.secret, csrf, token);
  // The language they signed in with becomes the account's, unless they chose one before: mails need one.
  await saveUserLocaleIfUnset(db, request.ctx.org.id, userId, request.ctx.locale);
}
