// What a language still lacks, per file, ready to paste: `npm run i18n:missing -- tr` (or `node --import tsx
// scripts/i18n-missing.ts tr`). Without a language: how many texts each language lacks, per file.
//
// For each translation file (e.g. src/modules/home/messages.tr.ts) it prints the missing keys as lines for the
// file's object, with the German and English texts as comments, and then every other problem the catalogue test
// (src/module-messages.test.ts) would fail on: wrong placeholders, plural branches, syntax, unknown or staff keys.
// See docs/i18n.md.
//
// `npm run i18n:missing -- --stubs` writes an empty translation file for every catalogue and language that has
// none yet (never overwriting one); the catalogue then imports them (docs/i18n.md, "A new catalogue").
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isLocale, LOCALES, type TranslatedLocale } from '../src/platform/i18n';
import { findCatalogues, translationFile } from '../src/platform/i18n/catalogue-files';
import { catalogueProblems, pluralCategories } from '../src/platform/i18n/completeness';

const root = path.resolve(import.meta.dirname, '..');
const wanted = process.argv[2];
const translated = LOCALES.filter((l): l is TranslatedLocale => l !== 'de' && l !== 'en');

const LANGUAGE_NAMES: Record<TranslatedLocale, string> = {
  tr: 'Türkçe (Turkish)',
  ar: 'العربية (Arabic)',
  uk: 'Українська (Ukrainian)',
  pl: 'Polski (Polish)',
};

function stub(file: string, name: string, locale: TranslatedLocale): string {
  const dir = path.posix.dirname(file);
  const i18n = path.posix.relative(dir, 'src/platform/i18n') || 'index';
  const base = path.posix.basename(file, '.ts');
  return [
    `import type { Translation } from '${i18n.startsWith('.') ? i18n : `./${i18n}`}';`,
    `import type { ${name} } from './${base}';`,
    '',
    `// ${LANGUAGE_NAMES[locale]}: the residents' texts of ./${base}.ts. What is missing shows German; list it with`,
    `// \`npm run i18n:missing -- ${locale}\` (docs/i18n.md).`,
    `export const ${locale}: Translation<typeof ${name}> = {};`,
    '',
  ].join('\n');
}

function writeStubs(catalogues: Awaited<ReturnType<typeof findCatalogues>>): void {
  for (const { file, name, catalogue } of catalogues) {
    if (catalogue.staff === 'all') continue;
    for (const locale of translated) {
      const target = translationFile(file, locale);
      // A file exists already, or the catalogue holds this language itself (the platform's language texts).
      if (existsSync(path.join(root, target)) || catalogue[locale]) continue;
      writeFileSync(path.join(root, target), stub(file, name, locale));
      console.log(`wrote ${target}`);
    }
  }
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const comment = (label: string, text: string) => `  // ${label}: ${text.replace(/\n/g, '\n  //     ')}`;

async function main(): Promise<void> {
  const catalogues = await findCatalogues(root);
  if (wanted === '--stubs') {
    writeStubs(catalogues);
    return;
  }
  if (!wanted) {
    for (const locale of translated) {
      const counts = catalogues
        .map(({ file, catalogue }) => ({ file: translationFile(file, locale), n: catalogueProblems(catalogue, [locale]).length }))
        .filter((c) => c.n > 0);
      const total = counts.reduce((sum, c) => sum + c.n, 0);
      console.log(`${locale}: ${total === 0 ? 'complete' : `${total} to do`}`);
      for (const c of counts) console.log(`  ${String(c.n).padStart(4)}  ${c.file}`);
    }
    console.log('\nDetails for one language: npm run i18n:missing -- <tr|ar|uk|pl>');
    return;
  }
  if (!isLocale(wanted) || wanted === 'de' || wanted === 'en') {
    console.error(`Usage: npm run i18n:missing -- <${translated.join('|')}>`);
    process.exitCode = 2;
    return;
  }
  const locale = wanted as TranslatedLocale;
  console.log(`// ${locale}: plural branches this language needs in {n, plural, …}: ${pluralCategories(locale).join(', ')}\n`);
  let total = 0;
  for (const { file, catalogue } of catalogues) {
    const problems = catalogueProblems(catalogue, [locale]);
    if (problems.length === 0) continue;
    total += problems.length;
    const german = catalogue.de as Record<string, string>;
    const english = catalogue.en as Record<string, string>;
    console.log(`// ===== ${translationFile(file, locale)} (${problems.length})`);
    for (const p of problems.filter((x) => x.kind === 'missing')) {
      console.log(comment('de', german[p.key] ?? ''));
      console.log(comment('en', english[p.key] ?? ''));
      console.log(`  ${/^[A-Za-z_$][\w$]*$/.test(p.key) ? p.key : quote(p.key)}: '',`);
    }
    for (const p of problems.filter((x) => x.kind !== 'missing')) console.log(`  // FIX ${p.key}: ${p.kind}: ${p.detail}`);
    console.log('');
  }
  console.log(total === 0 ? `// ${locale} is complete.` : `// ${total} to do in ${locale}.`);
}

await main();
