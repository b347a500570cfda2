import { dateTimeFormat } from './formatters';
/** German is the source language; every other locale must translate every key (the type enforces it). */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

export const LOCALE_NAMES: Record<Locale, string> = { de: 'Deutsch', en: 'English' };

export type Catalogue<K extends string> = { de: Record<K, string>; en: Record<K, string> };
export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `{name}` placeholders; a missing parameter stays visible rather than silently vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translator<K extends string>(catalogue: Catalogue<K>, locale: Locale): Translate<K> {
  const messages = catalogue[locale];
  return (key, params) => format(messages[key], params);
}

/** Picks the locale from the cookie, else the browser's Accept-Language, else German. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.lang && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}
