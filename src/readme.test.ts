import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from './config';

const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('README stays true', () => {
  it('documents every setting the app reads', () => {
    for (const [name] of SETTINGS) expect(readme, name).toContain(`| \`${name}\` |`);
  });
  it('names every runtime dependency in its table', () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(readme, dep).toContain(dep);
  });
});
