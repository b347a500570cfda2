import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalogue, TranslatedLocale } from './index';

// Finds the message catalogues in the source tree by file name (`messages.ts`, `map.messages.ts`,
// `platform-messages.ts` …), for the catalogue test and the translators' list. The translations of
// `x/messages.ts` into Turkish live in `x/messages.tr.ts`, and so on for each language.

export interface CatalogueFile {
  /** Relative to the project root, with forward slashes: src/modules/home/messages.ts */
  file: string;
  /** The exported name, e.g. messages, mapMessages. */
  name: string;
  catalogue: Catalogue<string>;
}

const TRANSLATION_FILE = /\.(tr|ar|uk|pl)\.ts$/;

/** The file a language's texts of `catalogueFile` are written in. */
export function translationFile(catalogueFile: string, locale: TranslatedLocale): string {
  return catalogueFile.replace(/\.ts$/, `.${locale}.ts`);
}

function isCatalogue(value: unknown): value is Catalogue<string> {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.de === 'object' && c.de !== null && typeof c.en === 'object' && c.en !== null;
}

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/messages\.ts$/.test(entry.name) && !TRANSLATION_FILE.test(entry.name) && !entry.name.includes('.test.')) yield full;
  }
}

/** Every catalogue under `root`/src, sorted by file. */
export async function findCatalogues(root: string): Promise<CatalogueFile[]> {
  const found: CatalogueFile[] = [];
  for await (const full of sourceFiles(path.join(root, 'src'))) {
    const exports = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isCatalogue(value)) found.push({ file: path.relative(root, full).split(path.sep).join('/'), name, catalogue: value });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}
