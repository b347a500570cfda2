import { hmac, randomToken, safeEqual } from '../security/tokens';

/**
 * Double-submit token bound to a random per-browser cookie and signed with the app secret: works for
 * anonymous visitors without a server session, and a forged cookie cannot produce a matching token.
 */
export const CSRF_COOKIE = 'k_csrf';

export function newCsrfCookie(): string {
  return randomToken(18);
}

export function csrfTokenFor(secret: string, cookie: string): string {
  return hmac(secret, `csrf:${cookie}`);
}

export function csrfValid(secret: string, cookie: string | undefined, token: unknown): boolean {
  if (!cookie || typeof token !== 'string' || token.length === 0) return false;
  return safeEqual(csrfTokenFor(secret, cookie), token);
}
