import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The shape that keeps modules replaceable: a module is reached only through its index.ts, the platform knows no
// module, and modules do not depend on each other in a circle. Read from the sources, so a new file that breaks a
// rule fails here with the file and the import named.

const SRC = path.resolve(import.meta.dirname);
const MODULES = path.join(SRC, 'modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Test code may reach into what it tests; the rules are for what ships. */
function isProduction(file: string): boolean {
  return !/\.test\.tsx?$|\.test-support\.tsx?$|[\\/]test-fixtures[\\/]/.test(file);
}

function moduleOf(file: string): string | null {
  const rel = path.relative(MODULES, file);
  if (rel.startsWith('..')) return null;
  return rel.split(path.sep)[0] ?? null;
}

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return base;
}

interface Edge {
  from: string;
  to: string;
  specifier: string;
}

function imports(): Edge[] {
  return sourceFiles(SRC)
    .filter(isProduction)
    .flatMap((file) => {
      // The compiler's own scanner: static, side-effect, re-export and dynamic imports, whatever the quotes.
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      return importedFiles.flatMap(({ fileName: specifier }) => {
        const to = resolve(file, specifier);
        return to ? [{ from: file, to, specifier }] : [];
      });
    });
}

const rel = (f: string) => path.relative(SRC, f);
const isIndex = (file: string, module: string) => file === path.join(MODULES, module, 'index.ts');

describe('module boundaries', () => {
  const edges = imports();

  it('reads the sources (the rules below are not vacuous)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => moduleOf(e.from) && moduleOf(e.to) && moduleOf(e.from) !== moduleOf(e.to))).toBe(true);
  });

  it('reaches another module only through its index.ts', () => {
    const offending = edges.filter((e) => {
      const target = moduleOf(e.to);
      return target !== null && moduleOf(e.from) !== target && !isIndex(e.to, target);
    });
    expect(offending.map((e) => `${rel(e.from)} imports ${e.specifier}`)).toEqual([]);
  });

  it('lets an index name what it exports (no `export *`, which would make a whole file public)', () => {
    const offending = readdirSync(MODULES).filter((m) => {
      try {
        return /export\s+\*/.test(readFileSync(path.join(MODULES, m, 'index.ts'), 'utf8'));
      } catch {
        return false;
      }
    });
    expect(offending).toEqual([]);
  });

  it('keeps the platform free of modules', () => {
    const offending = edges.filter((e) => rel(e.from).startsWith(`platform${path.sep}`) && (moduleOf(e.to) !== null || rel(e.to).startsWith('module-list')));
    expect(offending.map((e) => `${rel(e.from)} imports ${e.specifier}`)).toEqual([]);
  });

  it('keeps route files small (at most 250 lines: split by feature, helpers beside them)', () => {
    const long = sourceFiles(SRC)
      .filter((f) => /\.routes\.tsx?$/.test(f))
      .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 250);
    expect(long.map((f) => `${f.file}: ${f.lines} lines`)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const a = moduleOf(e.from);
      const b = moduleOf(e.to);
      if (a && b && a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
