import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './connect';

/**
 * Queries that run on every page view are built and compiled by Kysely once (per database and shape), then run
 * with each call's values: building and compiling cost more Node time than the query itself on the report page
 * (issue 13's profile: 12.5 % of the process). The SQL text is registered too, so that the PostgreSQL pool can
 * run it as a named prepared statement (`namedStatement`), parsed and planned once per connection.
 *
 * The builder receives slots instead of values: `$.id` stands for "the value of `id` at run time". Slots may only
 * be used where a value goes into the SQL (comparisons, `sql` templates, limits); anything that changes the
 * statement's shape (an optional filter, the length of a list) belongs in `shape`, which keys the compiled text.
 */
export interface ReusableQuery<Values extends Record<string, unknown>, Row, Shape> {
  run(db: Db, values: Values, ...shape: Shape extends undefined ? [] : [Shape]): Promise<Row[]>;
}

class Slot {
  constructor(readonly name: string) {}
}

/** `$.name` in a builder: a slot for the value called name, the same object each time. */
const slots = new Proxy({} as Record<string, Slot>, {
  get(cache, name) {
    if (typeof name !== 'string') return undefined;
    cache[name] ??= new Slot(name);
    return cache[name];
  },
});

/** Statement names by SQL text, for the pool that prepares them by name (connect.ts). */
const statementNames = new Map<string, string>();

/** The name of a registered statement, or undefined for any other SQL. */
export function namedStatement(sql: string): string | undefined {
  return statementNames.get(sql);
}

interface Compiled {
  query: CompiledQuery;
  /** For each parameter left in the text: the slot whose value goes there, or null for a constant. */
  fromSlot: Array<string | null>;
}

/** A constant the builder wrote in, as an SQL literal; null when it must stay a parameter (text with quotes, JSON …). */
function literal(value: unknown): string | null {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^[A-Za-z0-9_ .:-]*$/.test(value)) return `'${value}'`;
  return null;
}

/**
 * Writes the builder's constants ('approved', true, a LIMIT 1) into the text and numbers the remaining
 * parameters anew. As parameters they would hide from PostgreSQL's planner what a prepared statement's generic
 * plan needs to know: that `hidden = false AND status <> 'unconfirmed'` matches a partial index, for one.
 * Quoted text in the SQL is skipped, so a `$1` inside a string literal or identifier stays as it is.
 */
function inlineConstants(query: CompiledQuery): Compiled {
  const isSlot = query.parameters.map((p) => p instanceof Slot);
  const renumbered = new Map<number, number>();
  const kept: unknown[] = [];
  const text = query.sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (match, n: string | undefined) => {
    if (n === undefined) return match;
    const index = Number(n) - 1;
    const value = query.parameters[index];
    const inline = isSlot[index] ? null : literal(value);
    if (inline !== null) return inline;
    let position = renumbered.get(index);
    if (position === undefined) {
      kept.push(value);
      position = kept.length;
      renumbered.set(index, position);
    }
    return `$${position}`;
  });
  return {
    query: { ...query, sql: text, parameters: kept },
    fromSlot: kept.map((p) => (p instanceof Slot ? p.name : null)),
  };
}

export function reusableQuery<Values extends Record<string, unknown>, Row, Shape = undefined>(
  name: string,
  build: (db: Db, $: Values, shape: Shape) => Compilable<Row>,
  shapeKey: (shape: Shape) => string = (shape) => (shape === undefined ? '' : JSON.stringify(shape)),
): ReusableQuery<Values, Row, Shape> {
  // Per Kysely instance: a transaction is one too, and the compiled text depends only on the dialect, but a
  // WeakMap keyed by the instance keeps this free of any guess about which instances share a dialect.
  const byDb = new WeakMap<Db, Map<string, Compiled>>();
  const compile = (db: Db, shape: Shape, key: string): Compiled => {
    const compiled = inlineConstants(build(db, slots as unknown as Values, shape).compile());
    const statement = `k_${name}_${statementNames.size.toString(36)}`;
    if (!statementNames.has(compiled.query.sql)) statementNames.set(compiled.query.sql, statement);
    const shapes = byDb.get(db) ?? new Map<string, Compiled>();
    byDb.set(db, shapes);
    shapes.set(key, compiled);
    return compiled;
  };
  return {
    async run(db, values, ...rest) {
      const shape = rest[0] as Shape;
      const key = shapeKey(shape);
      const { query, fromSlot } = byDb.get(db)?.get(key) ?? compile(db, shape, key);
      const parameters = query.parameters.map((constant, i) => {
        const slot = fromSlot[i];
        if (slot === null || slot === undefined) return constant;
        if (!(slot in values)) throw new Error(`reusableQuery ${name}: no value for ${slot}`);
        return values[slot];
      });
      const result = await db.executeQuery<Row>({ ...query, parameters } as CompiledQuery<Row>);
      return result.rows;
    },
  };
}
