import { dateTimeFormat, numberFormat } from './formatters';
import { formatMessage, type Params } from './message-format';

export { MessageSyntaxError, type Params, placeholdersOf, pluralsOf } from './message-format';

/**
 * The languages of the site. German is the source and the fallback; English is complete (staff pages too);
 * the others translate what residents read, each in its own files beside the catalogue (docs/i18n.md).
 */
export const LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

/** Staff pages (the back office, staff sign-in) are in German or English, as the staff member chooses. */
export const STAFF_LOCALES = ['de', 'en'] as const satisfies readonly Locale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** Languages whose texts live in per-language files (`messages.tr.ts` beside `messages.ts`). */
export type TranslatedLocale = Exclude<Locale, StaffLocale>;

/** Each language named in itself (no flags: a flag is a country, not a language). */
export const LOCALE_NAMES: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  pl: 'Polski',
};

// Arabic with Latin digits: report numbers, house numbers, dates and phone numbers around it are all written so
// in Germany, and a number must read the same in the list, on the map and in a letter from the city.
const INTL_LOCALES: Record<Locale, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar-u-nu-latn', uk: 'uk-UA', pl: 'pl-PL' };

/** The BCP 47 tag for Intl (dates, numbers, plural rules) in this language. */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language of staff pages for someone who reads `locale` elsewhere: English stays, the rest is German. */
export function staffLocale(locale: Locale): StaffLocale {
  return locale === 'en' ? 'en' : 'de';
}

/** A key, or every key with a beginning: `'bo.*'`. */
export type KeyPattern<K extends string> = K | `${string}*`;

/**
 * Keys only staff read (back office, staff sign-in, mails to departments): they exist in German and English
 * only, and show German in the other languages. A list of keys and beginnings (`['bo.*', 'mail.setupBody']`);
 * `'all'` for a catalogue only staff read; `{ allBut: [...] }` for one where only the listed keys reach residents.
 */
export type StaffKeys<K extends string> = 'all' | readonly KeyPattern<K>[] | { allBut: readonly KeyPattern<K>[] };

/** A module's texts: German and English in full, the other languages as far as they are translated. */
export type Catalogue<K extends string> = {
  de: Record<K, string>;
  en: Record<K, string>;
  staff?: StaffKeys<K>;
} & { [L in TranslatedLocale]?: Partial<Record<K, string>> };

/** The type of a per-language file: `export const tr: Translation<typeof messages> = { … }`. */
export type Translation<C extends { de: object }> = Partial<Record<keyof C['de'] & string, string>>;

export type Translate<K extends string> = (key: K, params?: Params) => string;

export function isStaffKey<K extends string>(catalogue: Pick<Catalogue<K>, 'staff'>, key: K): boolean {
  const staff = catalogue.staff;
  if (!staff) return false;
  if (staff === 'all') return true;
  const matches = (patterns: readonly string[]) => patterns.some((p) => p === key || (p.endsWith('*') && key.startsWith(p.slice(0, -1))));
  return 'allBut' in staff ? !matches(staff.allBut) : matches(staff);
}

/** `{name}` placeholders and `{n, plural, …}` (see message-format.ts), in German number and plural rules. */
export function format(template: string, params?: Params, locale: Locale = DEFAULT_LOCALE): string {
  return formatMessage(template, params, intlLocale(locale));
}

/**
 * Texts of one catalogue in one language. A text not (yet) translated shows the German one: a resident sees the
 * source rather than a key, and a staff text in Turkish shows German, as the staff pages are.
 */
export function translator<K extends string>(catalogue: Catalogue<K>, locale: Locale): Translate<K> {
  const own = catalogue[locale] as Partial<Record<K, string>> | undefined;
  const intl = intlLocale(locale);
  // German inside a right-to-left page is isolated as left-to-right (LRI … PDI), or its full stop and brackets land
  // on the wrong side.
  const isolate = textDirection(locale) === 'rtl';
  return (key, params) => {
    const text = own?.[key];
    if (text) return formatMessage(text, params, intl);
    const german = formatMessage(catalogue.de[key], params, INTL_LOCALES.de);
    return isolate ? `\u2066${german}\u2069` : german;
  };
}

/** The best of the browser's Accept-Language that we have (by quality, language part only), else undefined. */
export function acceptedLocale(acceptLanguage: string | undefined): Locale | undefined {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1, index };
    })
    .filter((x) => x.lang && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((x) => x.lang).find(isLocale);
}

/** Picks the locale from the cookie, else the browser's Accept-Language, else German. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return acceptedLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

export interface LocaleSources {
  /** `?lang=` of this request: a link that names its language (from a mail, say) wins. */
  query?: unknown;
  /** The signed-in person's stored choice. */
  account?: string | null;
  /** The visitor's choice on this browser. */
  cookie?: string;
  acceptLanguage?: string;
  /** Staff pages speak German or English only. */
  staffPage?: boolean;
}

/** The language of a request: link, account, cookie, browser, German — in that order. */
export function requestLocale(sources: LocaleSources): Locale {
  const locale = isLocale(sources.query)
    ? sources.query
    : isLocale(sources.account)
      ? sources.account
      : negotiateLocale(sources.cookie, sources.acceptLanguage);
  return sources.staffPage ? staffLocale(locale) : locale;
}

export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(date);
}

export function formatDate(date: Date, locale: Locale, style: 'medium' | 'long' = 'medium'): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: 'Europe/Berlin' }).format(date);
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(intlLocale(locale), options).format(value);
}
