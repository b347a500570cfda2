import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CROSS_CITY_QUERIES as CROSS_CITY } from './cross-city-queries';

// Every exported function of a *.queries.ts file (also the methods of an exported object of functions) takes the
// city (a parameter `organizationId: number`, or an object parameter with an `organizationId: number` property) and
// uses it, so no query forgets which city it serves. Functions that lock rows take a Transaction (Trx), so the
// caller must have opened one. And SQL lives in the *.queries.ts files: elsewhere only the few platform parts listed
// below build queries, so the first check sees every query. Read with the TypeScript compiler, so the checks see the
// declared types and symbols, not text that looks like them. Queries that deliberately serve every city are listed,
// with the reason, in cross-city-queries.ts. The example module (docs/example-module) is checked like a shipped one,
// since every new module starts as a copy of it.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['src', 'docs/example-module'];

const LOCKING = /\.forUpdate\(|\.skipLocked\(|\.forShare\(|\bFOR\s+(NO\s+KEY\s+)?UPDATE\b|\bSKIP\s+LOCKED\b|pg_advisory|pg_try_advisory/i;

/** Where SQL may be written outside *.queries.ts, and why. Paths relative to the repository; a trailing / is a folder. */
const SQL_OUTSIDE_QUERY_FILES: Record<string, string> = {
  'src/platform/db/': 'the database layer itself: connecting, migrating, backups',
  'src/platform/mail/': 'the outbox, which every module writes its mails to in its own transaction',
  'src/platform/http/sessions.ts': 'the sessions table, read on every request before any module runs',
  'src/platform/http/rate-limit.ts': 'the rate-limit counters, shared by every route',
  'src/platform/jobs/': 'the job queue and its backup of rows',
  'src/platform/surveys/': 'the survey machinery over any kind’s table (raw SQL: the table is a parameter)',
  'src/platform/engagement/': 'followers and supporters tables shared by the modules',
  'src/seed/': 'demo and test data for every module',
};
/** Schema changes are SQL by nature; they run once, not per city. */
const MIGRATIONS = /(^|\/)migrations\//;
const TEST_CODE = /\.test\.tsx?$|\.test-support\.tsx?$/;
const QUERY_BUILDER_CALLS = new Set(['selectFrom', 'updateTable', 'insertInto', 'deleteFrom']);

function sourceFiles(): string[] {
  return SCANNED.flatMap((dir) =>
    (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => `${dir}/${f.split(path.sep).join('/')}`),
  ).sort();
}

function queryFiles(): string[] {
  return sourceFiles().filter((f) => f.endsWith('.queries.ts'));
}

interface Finding {
  key: string;
  problem: string;
}

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node | undefined };

const isFunction = (node: ts.Node | undefined): node is ts.ArrowFunction | ts.FunctionExpression =>
  !!node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));

/**
 * Checks the query files (paths relative to the repository). `virtual` adds or replaces files by relative path, so
 * the checker itself can be tested on small sources; every other file is read from disk.
 */
function inspectQueryFiles(files: string[], virtual: Record<string, string> = {}): { checked: string[]; findings: Finding[] } {
  const absolute = (f: string) => path.join(ROOT, f);
  const byPath = new Map(Object.entries(virtual).map(([f, text]) => [path.normalize(absolute(f)), text]));
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'preact',
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => byPath.has(path.normalize(f)) || fileExists.call(host, f);
  host.readFile = (f) => byPath.get(path.normalize(f)) ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) => {
    const text = byPath.get(path.normalize(f));
    return text === undefined ? getSourceFile.call(host, f, language, ...rest) : ts.createSourceFile(f, text, language, true);
  };
  const program = ts.createProgram(files.map(absolute), options, host);
  const checker = program.getTypeChecker();
  const checked: string[] = [];
  const findings: Finding[] = [];

  const isNumber = (type: ts.Type) => (type.flags & ts.TypeFlags.NumberLike) !== 0;
  /** The variable an identifier stands for; in `{ organizationId }` (shorthand) the variable, not the property. */
  const symbolOf = (node: ts.Identifier) =>
    ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
      ? checker.getShorthandAssignmentValueSymbol(node.parent)
      : checker.getSymbolAtLocation(node);

  /**
   * The city as the function receives it: a variable holding the number (the parameter, or the binding of a
   * destructured object parameter), or an object parameter whose organizationId property must be read. Null when
   * the function takes no city at all; { variables: [] , object: null } when it takes one but binds nothing to it.
   */
  function cityOf(fn: FunctionNode): { variables: ts.Symbol[]; object: ts.Symbol | null } | null {
    for (const p of fn.parameters) {
      const type = checker.getTypeAtLocation(p);
      if (ts.isIdentifier(p.name) && p.name.text === 'organizationId' && isNumber(type))
        return { variables: [checker.getSymbolAtLocation(p.name)!], object: null };
      const prop = type.getProperty('organizationId');
      if (!prop || !isNumber(checker.getTypeOfSymbolAtLocation(prop, p))) continue;
      if (ts.isIdentifier(p.name)) return { variables: [], object: checker.getSymbolAtLocation(p.name) ?? null };
      if (ts.isObjectBindingPattern(p.name)) {
        const element = p.name.elements.find((e) => ((e.propertyName ?? e.name) as ts.Node).getText() === 'organizationId');
        const binding = element && ts.isIdentifier(element.name) ? checker.getSymbolAtLocation(element.name) : undefined;
        return { variables: binding ? [binding] : [], object: null };
      }
      return { variables: [], object: null };
    }
    return null;
  }

  /** Whether the body reads the city: references a city variable, or reads organizationId of the city object. */
  function usesCity(body: ts.Node, city: { variables: ts.Symbol[]; object: ts.Symbol | null }): boolean {
    const variables = new Set(city.variables);
    let found = false;
    // `const { organizationId } = params` makes another city variable, which must then be referenced in turn.
    const collect = (node: ts.Node) => {
      if (
        city.object &&
        ts.isVariableDeclaration(node) &&
        ts.isObjectBindingPattern(node.name) &&
        node.initializer &&
        ts.isIdentifier(node.initializer) &&
        checker.getSymbolAtLocation(node.initializer) === city.object
      ) {
        for (const e of node.name.elements) {
          if (((e.propertyName ?? e.name) as ts.Node).getText() === 'organizationId' && ts.isIdentifier(e.name)) {
            const s = checker.getSymbolAtLocation(e.name);
            if (s) variables.add(s);
          }
        }
      }
      ts.forEachChild(node, collect);
    };
    collect(body);
    const visit = (node: ts.Node) => {
      if (found) return;
      if (ts.isIdentifier(node) && !(ts.isBindingElement(node.parent) && node.parent.name === node)) {
        const s = symbolOf(node);
        if (s && variables.has(s)) found = true;
      }
      if (
        city.object &&
        ts.isPropertyAccessExpression(node) &&
        node.name.text === 'organizationId' &&
        ts.isIdentifier(node.expression) &&
        checker.getSymbolAtLocation(node.expression) === city.object
      )
        found = true;
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  function takesTransaction(fn: FunctionNode): boolean {
    const first = fn.parameters[0];
    if (!first) return false;
    const symbol = checker.getTypeAtLocation(first).getSymbol() ?? checker.getTypeAtLocation(first).aliasSymbol;
    return symbol?.getName() === 'Transaction';
  }

  for (const relative of files) {
    const source = program.getSourceFile(absolute(relative))!;
    const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const functions: Array<{ name: string; fn: FunctionNode }> = [];
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name) functions.push({ name: statement.name.text, fn: statement });
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) continue;
        if (isFunction(d.initializer)) functions.push({ name: d.name.text, fn: d.initializer });
        // An object of functions: each method is a query function too (`export const q = { f() {…}, g: () => … }`).
        const object = ts.isAsExpression(d.initializer) || ts.isSatisfiesExpression(d.initializer) ? d.initializer.expression : d.initializer;
        if (!ts.isObjectLiteralExpression(object)) continue;
        for (const member of object.properties) {
          const key = `${d.name.text}.${member.name?.getText(source) ?? '?'}`;
          if (ts.isMethodDeclaration(member)) functions.push({ name: key, fn: member });
          else if (ts.isPropertyAssignment(member) && isFunction(member.initializer)) functions.push({ name: key, fn: member.initializer });
        }
      }
    }
    for (const { name, fn } of functions) {
      const key = `${relative}#${name}`;
      checked.push(key);
      const body = fn.body;
      if (!body) continue;
      if (LOCKING.test(body.getText(source)) && !takesTransaction(fn)) {
        findings.push({ key, problem: 'locks rows but its first parameter is not a Transaction (Trx)' });
      }
      if (key in CROSS_CITY) continue;
      const city = cityOf(fn);
      if (!city) findings.push({ key, problem: 'takes no organizationId: number (nor an object carrying one)' });
      else if (!usesCity(body, city)) findings.push({ key, problem: 'takes organizationId but never uses it' });
    }
  }
  return { checked, findings };
}

/** Query-builder calls and sql`…` templates in a file, as "line: text"; the caller decides whether the file may have them. */
function sqlIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && QUERY_BUILDER_CALLS.has(node.expression.name.text))
      at(node, `${node.expression.name.text}(`);
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') at(node, 'sql`…`');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sqlMayBeIn(relative: string): boolean {
  return (
    relative.endsWith('.queries.ts') ||
    MIGRATIONS.test(relative) ||
    TEST_CODE.test(relative) ||
    Object.keys(SQL_OUTSIDE_QUERY_FILES).some((allowed) => (allowed.endsWith('/') ? relative.startsWith(allowed) : relative === allowed))
  );
}

describe('city scoping of the query files', () => {
  const files = queryFiles();
  const { checked, findings } = inspectQueryFiles(files);

  it('reads every *.queries.ts file and its exported functions, the example module’s too', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(checked.length).toBeGreaterThan(100);
    expect(checked).toContain('src/modules/reports/report.queries.ts#publicReport');
    expect(checked).toContain('docs/example-module/notices.queries.ts#currentNotices');
  });

  it('every exported query function takes the city and uses it (or is listed as cross-city with a reason)', () => {
    expect(findings.filter((f) => !f.problem.includes('Transaction')).map((f) => `${f.key}: ${f.problem}`)).toEqual([]);
  });

  it('every query that locks rows takes a Transaction', () => {
    expect(findings.filter((f) => f.problem.includes('Transaction')).map((f) => `${f.key}: ${f.problem}`)).toEqual([]);
  });

  it('the cross-city list names only functions that exist', () => {
    for (const key of Object.keys(CROSS_CITY)) expect(checked, key).toContain(key);
  });

  it('SQL is written only in *.queries.ts files (and the platform parts listed with their reason)', () => {
    const outside = sourceFiles()
      .filter((f) => !sqlMayBeIn(f))
      .flatMap((f) => sqlIn(f, readFileSync(path.join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(outside).toEqual([]);
    for (const allowed of Object.keys(SQL_OUTSIDE_QUERY_FILES))
      expect(
        sourceFiles().some((f) => f.startsWith(allowed)),
        allowed,
      ).toBe(true);
  });
});

describe('the scoping checker itself', () => {
  const check = (text: string) => {
    const file = 'src/platform/db/__checker-sample__.queries.ts';
    return inspectQueryFiles([file], { [file]: `import type { Db, Trx } from './connect';\n${text}` }).findings.map(
      (f) => `${f.key.split('#')[1]}: ${f.problem}`,
    );
  };

  it('accepts a city that is used: plain, destructured, read from the object, shorthand in an object', () => {
    expect(
      check(`
        export function a(db: Db, organizationId: number) { return [db, organizationId]; }
        export function b(db: Db, { organizationId, id }: { organizationId: number; id: number }) { return [db, organizationId, id]; }
        export function c(db: Db, p: { organizationId: number }) { return [db, p.organizationId]; }
        export function d(db: Db, p: { organizationId: number }) { const { organizationId } = p; return [db, { organizationId }]; }
        export async function e(trx: Trx, organizationId: number) { return trx.selectFrom('reports').select('id').where('organization_id', '=', organizationId).forUpdate().execute(); }`),
    ).toEqual([]);
  });

  it('refuses a destructured organizationId that is never referenced', () => {
    expect(check(`export function f(db: Db, { organizationId, id }: { organizationId: number; id: number }) { return [db, id]; }`)).toEqual([
      'f: takes organizationId but never uses it',
    ]);
    expect(check(`export function f(db: Db, p: { organizationId: number; id: number }) { const { organizationId } = p; return [db, p.id]; }`)).toEqual([
      'f: takes organizationId but never uses it',
    ]);
    // Another object's organizationId is not this function's city.
    expect(check(`export function f(db: Db, p: { organizationId: number }, q: { organizationId: number }) { return [db, q.organizationId]; }`)).toEqual([
      'f: takes organizationId but never uses it',
    ]);
  });

  it('inspects the methods of an exported object of functions', () => {
    expect(
      check(`export const q = {
        good(db: Db, organizationId: number) { return [db, organizationId]; },
        noCity(db: Db) { return db; },
        arrow: (db: Db, organizationId: number) => db,
        async lock(db: Db, organizationId: number) { return db.selectFrom('reports').select('id').where('organization_id', '=', organizationId).forUpdate().execute(); },
      };`),
    ).toEqual([
      'q.noCity: takes no organizationId: number (nor an object carrying one)',
      'q.arrow: takes organizationId but never uses it',
      'q.lock: locks rows but its first parameter is not a Transaction (Trx)',
    ]);
  });

  it('finds query-builder calls and sql templates, and allows them only where listed', () => {
    expect(
      sqlIn(
        'x.ts',
        "const a = db.selectFrom('reports');\nawait trx.updateTable('r').set({ at: sql`now()` });\nconst s = sql<boolean>`true`;\ndb.insertInto('x'); db.deleteFrom('x');\nselectFromMap(); const t = `selectFrom(`;",
      ),
    ).toEqual(['1: selectFrom(', '2: updateTable(', '2: sql`…`', '3: sql`…`', '4: insertInto(', '4: deleteFrom(']);
    expect(sqlMayBeIn('src/modules/reports/report.service.ts')).toBe(false);
    expect(sqlMayBeIn('src/platform/http/csrf.ts')).toBe(false);
    expect(sqlMayBeIn('docs/example-module/notices.routes.tsx')).toBe(false);
    expect(sqlMayBeIn('src/modules/reports/report.queries.ts')).toBe(true);
    expect(sqlMayBeIn('src/platform/http/sessions.ts')).toBe(true);
    expect(sqlMayBeIn('docs/example-module/migrations/0999_example_notices.ts')).toBe(true);
  });
});
