import { pluralRules } from './formatters';
import { type Catalogue, intlLocale, isStaffKey, LOCALES, type Locale, placeholdersOf, pluralsOf } from './index';

// What the catalogue test (src/module-messages.test.ts) and the translators' list (scripts/i18n-missing.ts) check:
// every text a language needs is there, non-empty, expects the same placeholders as the German one, parses, and
// each plural has the branches the language's plural rules use (Arabic six, Polish and Ukrainian four, …).

export type ProblemKind =
  /** A text the language needs is not there (or empty). */
  | 'missing'
  /** The placeholders differ from the German text's: a missing one shows a blank, an extra one shows braces. */
  | 'placeholders'
  /** A plural lacks a category the language uses, or has one it does not use. */
  | 'plural'
  /** The text does not parse (an unclosed brace, a plural without `other`). */
  | 'syntax'
  /** A key German does not have (renamed or removed in German): the text is never shown. */
  | 'unknown'
  /** A staff key in a language other than German and English: staff pages do not use it. */
  | 'staff';

export interface Problem {
  locale: Locale;
  key: string;
  kind: ProblemKind;
  detail: string;
}

/** The plural categories a language uses, e.g. ['few', 'many', 'one', 'other'] for Polish. */
export function pluralCategories(locale: Locale): string[] {
  return [...pluralRules(intlLocale(locale)).resolvedOptions().pluralCategories].sort();
}

/** Whether a language must have this key: German and English have all, the others the residents' texts. */
export function needsKey(catalogue: Pick<Catalogue<string>, 'staff'>, locale: Locale, key: string): boolean {
  return locale === 'de' || locale === 'en' || !isStaffKey(catalogue, key);
}

function textProblems(locale: Locale, key: string, text: string, source: string): Problem[] {
  const problem = (kind: ProblemKind, detail: string): Problem => ({ locale, key, kind, detail });
  let expected: string[];
  let found: string[];
  let plurals: ReturnType<typeof pluralsOf>;
  try {
    expected = placeholdersOf(source);
  } catch {
    expected = [];
  }
  try {
    found = placeholdersOf(text);
    plurals = pluralsOf(text);
  } catch (err) {
    return [problem('syntax', err instanceof Error ? err.message : String(err))];
  }
  const problems: Problem[] = [];
  if (found.join() !== expected.join()) problems.push(problem('placeholders', `has {${found.join('}, {')}}, German has {${expected.join('}, {')}}`));
  const categories = pluralCategories(locale);
  for (const plural of plurals) {
    const lacking = categories.filter((c) => !plural.categories.includes(c));
    const extra = plural.categories.filter((c) => !categories.includes(c));
    if (lacking.length > 0) problems.push(problem('plural', `{${plural.arg}, plural} lacks ${lacking.join(', ')} (${locale} uses ${categories.join(', ')})`));
    if (extra.length > 0) problems.push(problem('plural', `{${plural.arg}, plural} has ${extra.join(', ')}, which ${locale} does not use`));
  }
  return problems;
}

/** Everything wrong with one catalogue in the given languages; an empty list when it is complete. */
export function catalogueProblems(catalogue: Catalogue<string>, locales: readonly Locale[] = LOCALES): Problem[] {
  const german = catalogue.de as Record<string, string>;
  const problems: Problem[] = [];
  // A staff mark that matches no key is a typo, and the key it meant is asked of every language.
  const staff = catalogue.staff;
  const patterns = !staff || staff === 'all' ? [] : 'allBut' in staff ? staff.allBut : staff;
  for (const pattern of locales.includes('de') ? patterns : []) {
    const matches = (key: string) => key === pattern || (pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)));
    if (!Object.keys(german).some(matches)) problems.push({ locale: 'de', key: pattern, kind: 'unknown', detail: 'the staff mark matches no key' });
  }
  for (const locale of locales) {
    const texts = (catalogue[locale] ?? {}) as Record<string, string | undefined>;
    for (const [key, source] of Object.entries(german)) {
      const text = texts[key];
      const needed = needsKey(catalogue, locale, key);
      if (typeof text !== 'string' || text.trim() === '') {
        if (needed) problems.push({ locale, key, kind: 'missing', detail: source });
        continue;
      }
      if (!needed) {
        problems.push({ locale, key, kind: 'staff', detail: 'staff pages are in German and English only; remove this text' });
        continue;
      }
      problems.push(...textProblems(locale, key, text, source));
    }
    for (const key of Object.keys(texts)) {
      if (!Object.hasOwn(german, key)) problems.push({ locale, key, kind: 'unknown', detail: 'German has no such key (renamed or removed?)' });
    }
  }
  return problems;
}
