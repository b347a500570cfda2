import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connect';
import { isLocale, type Locale, requestLocale } from '../i18n';
import { asForm, field, safeReturnPath } from './form';
import { STAFF_AREA } from './guards';
import { saveUserLocale } from './user-locale.queries';

// Which language a request is answered in, and the language switch. A visitor's choice is a cookie; a signed-in
// person's is also kept on the account (every device, every mail). A link may name its language (?lang=tr, as
// mailed links do): that wins for the request and becomes the visitor's choice, so the pages after it keep it.
// Without any choice, the browser's Accept-Language decides; else German. Staff pages are German or English.

export const LOCALE_COOKIE = 'k_lang';
const YEAR_SECONDS = 365 * 24 * 3600;

export function isStaffPath(path: string): boolean {
  const pathname = path.split('?')[0] ?? '';
  return pathname === STAFF_AREA || pathname.startsWith(`${STAFF_AREA}/`);
}

function queryLang(request: FastifyRequest): unknown {
  return (request.query as Record<string, unknown> | undefined)?.lang;
}

export function localeOfRequest(request: FastifyRequest, account: string | null | undefined): Locale {
  const language = request.headers['accept-language'];
  return requestLocale({
    query: queryLang(request),
    account,
    cookie: request.cookies?.[LOCALE_COOKIE],
    acceptLanguage: typeof language === 'string' ? language : undefined,
    staffPage: isStaffPath(request.url),
  });
}

function setLocaleCookie(reply: FastifyReply, locale: Locale, secure: boolean): void {
  // Readable by scripts on purpose (nothing secret); lax so that a link from a mail keeps the language.
  reply.setCookie(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', secure, maxAge: YEAR_SECONDS });
}

/** A link that names its language makes it the visitor's choice (not the account's: a link is not a decision). */
export function keepLinkLocale(request: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  const lang = queryLang(request);
  if (request.method === 'GET' && isLocale(lang) && request.cookies?.[LOCALE_COOKIE] !== lang) setLocaleCookie(reply, lang, secure);
}

export interface LanguageSwitchOptions {
  db: Db;
  secure: boolean;
  /** The methods a path answers, so the switch never sends someone back to a POST-only address. */
  allowedMethods(path: string): string[];
}

/** POST /sprache: the switch in every page's header (a form, so it works without JavaScript). */
export function languageSwitchRoute(app: FastifyInstance, options: LanguageSwitchOptions): void {
  app.post('/sprache', async (request, reply) => {
    const body = asForm(request.body);
    const locale = field(body, 'locale');
    if (isLocale(locale)) {
      setLocaleCookie(reply, locale, options.secure);
      const { user, org } = request.ctx;
      if (user) await saveUserLocale(options.db, org.id, user.id, locale);
    }
    // Back to the page the person was on, without a ?lang= that would undo the choice, and never to a URL that
    // only answers POST (after a sign-out).
    const target = withoutLang(safeReturnPath(field(body, 'return')));
    const methods = options.allowedMethods(target);
    return reply.redirect(methods.length === 0 || methods.includes('GET') ? target : '/', 303);
  });
}

function withoutLang(path: string): string {
  const [pathname, query] = path.split('?', 2) as [string, string | undefined];
  if (query === undefined) return path;
  const params = new URLSearchParams(query);
  params.delete('lang');
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}
