import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CROSS_CITY_QUERIES as CROSS_CITY } from './cross-city-queries';

// Every exported function of a *.queries.ts file takes the city (a parameter `organizationId: number`, or an object
// parameter with an `organizationId: number` property) and uses it, so no query forgets which city it serves.
// Functions that lock rows take a Transaction (Trx), so the caller must have opened one.
// Read with the TypeScript compiler, so the check sees the declared types, not text that looks like them. Queries
// that deliberately serve every city are listed, with the reason, in cross-city-queries.ts.

const ROOT = path.resolve(import.meta.dirname, '../../..');

const LOCKING = /\.forUpdate\(|\.skipLocked\(|\.forShare\(|\bFOR\s+(NO\s+KEY\s+)?UPDATE\b|\bSKIP\s+LOCKED\b|pg_advisory|pg_try_advisory/i;

function queryFiles(): string[] {
  return (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.queries.ts'))
    .map((f) => path.join(ROOT, 'src', f))
    .sort();
}

interface Finding {
  key: string;
  problem: string;
}

function inspect(): { checked: string[]; findings: Finding[] } {
  const files = queryFiles();
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: 'preact',
  });
  const checker = program.getTypeChecker();
  const checked: string[] = [];
  const findings: Finding[] = [];

  const isNumber = (type: ts.Type) => (type.flags & ts.TypeFlags.NumberLike) !== 0;

  /** The symbols whose use in the body means "the city": the number parameter, or the object's property. */
  function citySymbols(fn: ts.SignatureDeclaration): { param: ts.Symbol | null; property: ts.Symbol | null } {
    for (const p of fn.parameters) {
      const type = checker.getTypeAtLocation(p);
      if (ts.isIdentifier(p.name) && p.name.text === 'organizationId' && isNumber(type))
        return { param: checker.getSymbolAtLocation(p.name) ?? null, property: null };
      const prop = type.getProperty('organizationId');
      if (prop && isNumber(checker.getTypeOfSymbolAtLocation(prop, p))) return { param: null, property: prop };
    }
    return { param: null, property: null };
  }

  function usesCity(body: ts.Node, city: { param: ts.Symbol | null; property: ts.Symbol | null }): boolean {
    let found = false;
    const visit = (node: ts.Node) => {
      if (found) return;
      if (city.param && ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === city.param) found = true;
      if (city.property && (ts.isPropertyAccessExpression(node) || ts.isBindingElement(node))) {
        const name = ts.isPropertyAccessExpression(node) ? node.name : (node.propertyName ?? node.name);
        if (ts.isIdentifier(name) && name.text === 'organizationId') found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  function takesTransaction(fn: ts.SignatureDeclaration): boolean {
    const first = fn.parameters[0];
    if (!first) return false;
    const symbol = checker.getTypeAtLocation(first).getSymbol() ?? checker.getTypeAtLocation(first).aliasSymbol;
    return symbol?.getName() === 'Transaction';
  }

  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const functions: Array<{ name: string; fn: ts.SignatureDeclaration & { body?: ts.Node | undefined } }> = [];
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name) functions.push({ name: statement.name.text, fn: statement });
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
            functions.push({ name: d.name.text, fn: d.initializer });
          }
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
      const city = citySymbols(fn);
      if (!city.param && !city.property) findings.push({ key, problem: 'takes no organizationId: number (nor an object carrying one)' });
      else if (!usesCity(body, city)) findings.push({ key, problem: 'takes organizationId but never uses it' });
    }
  }
  return { checked, findings };
}

describe('city scoping of the query files', () => {
  const { checked, findings } = inspect();

  it('reads every *.queries.ts file and its exported functions', () => {
    expect(queryFiles().length).toBeGreaterThanOrEqual(9);
    expect(checked.length).toBeGreaterThan(100);
    expect(checked).toContain('src/modules/reports/report.queries.ts#publicReport');
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
});
