import { describe, expect, it } from 'vitest';
import { MODULES } from './module-list';
import { LOCALES } from './platform/i18n';
import { platformMessages } from './platform/i18n/platform-messages';

// Every module's texts exist in every language, and each translation keeps the German text's placeholders (a
// missing {name} shows a blank to residents; an extra one shows the braces). The type checks the keys; this the rest.

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('module and platform messages', () => {
  const catalogues = [
    { name: 'platform', catalogue: platformMessages },
    ...MODULES.flatMap((m) => (m.messages ?? []).map((catalogue, i) => ({ name: `${m.name}#${i}`, catalogue }))),
  ];

  it('are declared by the modules that have texts', () => {
    expect(catalogues.length).toBeGreaterThanOrEqual(8);
  });

  for (const { name, catalogue } of catalogues) {
    it(`${name}: every language has every German text, non-empty, with the same placeholders`, () => {
      const german = catalogue.de as Record<string, string>;
      const problems: string[] = [];
      for (const locale of LOCALES) {
        const texts = catalogue[locale] as Record<string, string>;
        for (const [key, source] of Object.entries(german)) {
          const text = texts[key];
          if (typeof text !== 'string' || text.trim() === '') problems.push(`${locale}.${key}: missing`);
          else if (placeholders(text).join() !== placeholders(source).join())
            problems.push(`${locale}.${key}: {${placeholders(text)}} ≠ {${placeholders(source)}}`);
        }
        for (const key of Object.keys(texts)) if (!(key in german)) problems.push(`${locale}.${key}: not in German`);
      }
      expect(problems).toEqual([]);
    });
  }
});
