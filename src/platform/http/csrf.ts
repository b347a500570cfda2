import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, hmac, randomToken, safeEqual } from '../security/tokens';

/**
 * Double-submit token bound to a random per-browser cookie and signed with the app secret: works for
 * anonymous visitors without a server session, and a forged cookie cannot produce a matching token.
 *
 * With a session the token is bound to it as well: whoever managed to plant a CSRF cookie (and so knows the
 * anonymous token that goes with it) still cannot forge a form of the signed-in person, whose session id they do
 * not know; and a token from before sign-in stops working with the sign-in.
 */
export const CSRF_COOKIE = 'k_csrf';

/**
 * On https the `__Host-` prefix makes browsers refuse the cookie unless it is Secure, for Path=/ and without a
 * Domain, so neither a sibling subdomain nor a plain-http answer can plant or overwrite it. Browsers refuse such
 * cookies on http, so localhost demos keep the plain name.
 */
export function csrfCookieName(secure: boolean): string {
  return secure ? `__Host-${CSRF_COOKIE}` : CSRF_COOKIE;
}

/** Answers that set a new CSRF cookie; a shared cache must never store one (it would hand the cookie to others). */
const issued = new WeakSet<FastifyRequest>();

/** Gives the browser a new CSRF cookie (first visit, sign-in) and returns its value. */
export function issueCsrfCookie(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const value = randomToken(18);
  // Session cookie for the browser's lifetime; the same attributes as the session cookie (platform-plugin.tsx).
  reply.setCookie(csrfCookieName(secure), value, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  issued.add(request);
  return value;
}

export function setsCsrfCookie(request: FastifyRequest): boolean {
  return issued.has(request);
}

/** `session`: the session cookie the request carries, if any (valid or not: what matters is that it is the same one). */
export function csrfTokenFor(secret: string, cookie: string, session?: string | null): string {
  return hmac(secret, session ? `csrf:${cookie}:session:${hashToken(session)}` : `csrf:${cookie}`);
}

export function csrfValid(secret: string, cookie: string | undefined, token: unknown, session?: string | null): boolean {
  if (!cookie || typeof token !== 'string' || token.length === 0) return false;
  return safeEqual(csrfTokenFor(secret, cookie, session), token);
}
