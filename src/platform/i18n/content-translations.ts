import type { Db } from '../db/connect';
import { type ContentKey, contentTranslations } from './content-translations.queries';
import { LOCALES, type Locale } from './index';

// What staff write (a report's public note; later processes and events) is German in its own table, and may have
// translations (content_translations). A page shows the visitor's language when there is a translation, else the
// German text marked as German (lang="de" and a note in the visitor's language: views/translated-text.tsx).

/** German is the original, so translations are into every other language, English included. */
export type TranslatedContentLocale = Exclude<Locale, 'de'>;
export const CONTENT_LOCALES = LOCALES.filter((l): l is TranslatedContentLocale => l !== 'de');

export interface ShownText {
  text: string;
  /** The language the text is in. */
  lang: Locale;
  /** The visitor reads another language, and there is no translation: the German original is shown. */
  germanOnly: boolean;
}

export function shownText(german: string, translation: string | undefined, locale: Locale): ShownText {
  if (locale === 'de') return { text: german, lang: 'de', germanOnly: false };
  if (translation) return { text: translation, lang: locale, germanOnly: false };
  return { text: german, lang: 'de', germanOnly: true };
}

/** The translations a page in `locale` needs for one field of several things (none for German). */
export function contentFor(db: Db, organizationId: number, key: ContentKey, ids: readonly number[], locale: Locale): Promise<Map<number, string>> {
  if (locale === 'de') return Promise.resolve(new Map());
  return contentTranslations(db, organizationId, key, ids, locale);
}

// ---------------------------------------------------------------------------------------------------------
// The back-office page where staff translate what they wrote (translation.routes.tsx draws it for any module).

export interface TranslatableItem {
  /** content_translations.entity and entity_id of the thing, and which of its fields. */
  entity: string;
  entityId: number;
  field: string;
  /** What staff see above the German text, e.g. "Öffentliche Nachricht vom 3. Dez. 2026". */
  label: string;
  german: string;
}

export interface TranslatableSubject {
  /** The page's heading, e.g. "Meldung #42: Übersetzungen". */
  title: string;
  /** Where staff came from (the thing's back-office page). */
  back: { href: string; label: string };
  items: TranslatableItem[];
}
