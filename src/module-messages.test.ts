import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from './module-list';
import { messages as homeMessages } from './modules/home/messages';
import { LOCALES, type Locale } from './platform/i18n';
import { type CatalogueFile, findCatalogues, translationFile } from './platform/i18n/catalogue-files';
import { catalogueProblems, type Problem } from './platform/i18n/completeness';
import { languageMessages } from './platform/i18n/language-messages';
import { platformMessages } from './platform/i18n/platform-messages';

// Every catalogue's texts exist in every language that needs them (German and English: all; Turkish, Arabic,
// Ukrainian, Polish: every key not marked as staff-only), expect the same placeholders as the German text, parse,
// and have the plural branches the language uses. Translators list what is missing with
// `npx tsx scripts/i18n-missing.ts tr` (docs/i18n.md).

/**
 * Languages whose translation is still being written: their missing texts are listed, not failed (German shows
 * meanwhile). Everything else about them — wrong placeholders, plural branches, syntax, unknown keys — fails now.
 * The lead empties this list when the translations are in; from then on a missing text fails the test.
 */
// Empty since issue 15: all six languages are complete, so a missing text fails in every language.
const TRANSLATIONS_IN_PROGRESS: readonly Locale[] = [];

const root = path.resolve(import.meta.dirname, '..');

function failing(problems: Problem[]): Problem[] {
  return problems.filter((p) => !(p.kind === 'missing' && TRANSLATIONS_IN_PROGRESS.includes(p.locale)));
}

const describeProblem = (file: string, p: Problem) =>
  `${p.locale === 'de' || p.locale === 'en' ? file : translationFile(file, p.locale as never)}: ${p.key}: ${p.kind} (${p.detail})`;

describe('message catalogues', () => {
  let files: CatalogueFile[] = [];
  beforeAll(async () => {
    files = await findCatalogues(root);
  }, 60_000);

  it('are found by file name, and every registered catalogue is among them', () => {
    const found = new Set(files.map((f) => f.catalogue));
    const registered = [platformMessages, languageMessages, ...MODULES.flatMap((m) => m.messages ?? [])];
    expect(registered.length).toBeGreaterThanOrEqual(10);
    expect(registered.filter((c) => !found.has(c))).toEqual([]);
  });

  it('every language has every text it needs, with the same placeholders and the plural branches it uses', () => {
    const problems = files.flatMap(({ file, catalogue }) => failing(catalogueProblems(catalogue)).map((p) => describeProblem(file, p)));
    expect(problems).toEqual([]);
  });

  it('reports what the languages still in progress lack (the list translators work from)', () => {
    const missing = new Map<Locale, number>();
    for (const { catalogue } of files)
      for (const p of catalogueProblems(catalogue, TRANSLATIONS_IN_PROGRESS)) if (p.kind === 'missing') missing.set(p.locale, (missing.get(p.locale) ?? 0) + 1);
    const lines = TRANSLATIONS_IN_PROGRESS.map((l) => `  ${l}: ${missing.get(l) ?? 0} texts missing`);
    if (lines.length > 0)
      console.info(`Translations in progress (German shows meanwhile; list them with npx tsx scripts/i18n-missing.ts <lang>):\n${lines.join('\n')}`);
    // The in-progress list only ever holds languages we ship.
    for (const locale of TRANSLATIONS_IN_PROGRESS) expect(LOCALES).toContain(locale);
  });
});

describe('the completeness check fails on what it must find', () => {
  // A complete copy of a real catalogue in every language (German text standing in for a translation), then
  // broken one way at a time.
  const complete = () => {
    const c = structuredClone(homeMessages) as unknown as Record<string, Record<string, string>> & { staff?: unknown };
    const de = c.de as Record<string, string>;
    for (const locale of LOCALES) if (locale !== 'de') c[locale] = { ...de, ...(locale === 'en' ? c.en : {}) };
    delete c.staff;
    return c as unknown as typeof homeMessages;
  };
  const key = 'intro';

  it('a complete catalogue has no problems', () => {
    expect(catalogueProblems(complete())).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'de'))('a key removed in %s is reported as missing, and fails unless that language is in progress', (locale) => {
    const c = complete() as unknown as Record<string, Record<string, string>>;
    delete c[locale]![key];
    const problems = catalogueProblems(c as never);
    expect(problems).toEqual([expect.objectContaining({ locale, key, kind: 'missing' })]);
    expect(failing(problems).length > 0).toBe(!TRANSLATIONS_IN_PROGRESS.includes(locale));
  });

  it('a key removed in German (the source) fails in every language that still has it', () => {
    const c = complete() as unknown as Record<string, Record<string, string>>;
    delete c.de![key];
    const problems = failing(catalogueProblems(c as never));
    expect(problems.map((p) => `${p.locale}.${p.key}:${p.kind}`)).toEqual(LOCALES.filter((l) => l !== 'de').map((l) => `${l}.${key}:unknown`));
  });

  it('an empty text is missing too', () => {
    const c = complete();
    c.tr![key] = '  ';
    expect(catalogueProblems(c)).toContainEqual(expect.objectContaining({ locale: 'tr', key, kind: 'missing' }));
  });

  it('a lost or extra placeholder fails in any language, in progress or not', () => {
    const c = complete();
    c.ar![key] = 'بلا مدينة';
    c.pl![key] = '{city} {extra}';
    const problems = failing(catalogueProblems(c));
    expect(problems).toContainEqual(expect.objectContaining({ locale: 'ar', key, kind: 'placeholders' }));
    expect(problems).toContainEqual(expect.objectContaining({ locale: 'pl', key, kind: 'placeholders' }));
  });

  it('a plural without the branches the language uses fails (Polish few/many, Arabic six forms)', () => {
    const c = complete() as unknown as Record<string, Record<string, string>>;
    for (const locale of LOCALES) c[locale]![key] = '{city}: {n, plural, one {# Ort} other {# Orte}}';
    const problems = failing(catalogueProblems(c as never));
    expect(problems.filter((p) => p.kind === 'plural').map((p) => p.locale)).toEqual(
      ['uk', 'ar', 'pl'].sort((a, b) => LOCALES.indexOf(a as Locale) - LOCALES.indexOf(b as Locale)),
    );
    expect(problems.find((p) => p.locale === 'ar')!.detail).toContain('lacks few, many, two, zero');
  });

  it('a text that does not parse, a key German lacks, and a staff text outside de/en are reported', () => {
    const c = complete() as unknown as Record<string, Record<string, string>> & { staff: string[] };
    c.uk![key] = '{city';
    c.tr!.gone = 'x';
    c.staff = ['mailbox*'];
    const problems = catalogueProblems(c as never);
    expect(problems).toContainEqual(expect.objectContaining({ locale: 'uk', key, kind: 'syntax' }));
    expect(problems).toContainEqual(expect.objectContaining({ locale: 'tr', key: 'gone', kind: 'unknown' }));
    expect(problems).toContainEqual(expect.objectContaining({ locale: 'pl', key: 'mailboxTitle', kind: 'staff' }));
    // A staff mark that matches nothing is a typo.
    c.staff = ['mailbox*', 'mialboxTitle'];
    expect(catalogueProblems(c as never)).toContainEqual(expect.objectContaining({ locale: 'de', key: 'mialboxTitle', kind: 'unknown' }));
    // Staff keys are not needed outside German and English …
    delete c.pl!.mailboxTitle;
    expect(catalogueProblems(c as never).filter((p) => p.locale === 'pl' && p.key === 'mailboxTitle')).toEqual([]);
    // … but English must have them.
    delete c.en!.mailboxTitle;
    expect(catalogueProblems(c as never)).toContainEqual(expect.objectContaining({ locale: 'en', key: 'mailboxTitle', kind: 'missing' }));
  });
});
