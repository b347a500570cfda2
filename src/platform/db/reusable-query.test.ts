import { type CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import type { DatabaseHandle, Db } from './connect';
import { namedStatement, reusableQuery } from './reusable-query';

let handle: DatabaseHandle;
let db: Db;
const executed: CompiledQuery[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`CREATE TABLE reuse_probe (id int PRIMARY KEY, kind text NOT NULL, note text NOT NULL, visible boolean NOT NULL)`.execute(handle.db);
  await sql`INSERT INTO reuse_probe VALUES (1, 'a', 'it''s $1', true), (2, 'a', 'plain', false), (3, 'b', 'plain', true), (4, 'a', 'x', true)`.execute(
    handle.db,
  );
  // Sees every statement as it is sent (text and parameters), precompiled ones included.
  db = handle.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => args.result,
  });
  const execute = db.executeQuery.bind(db);
  db.executeQuery = ((query: CompiledQuery) => {
    executed.push(query);
    return execute(query);
  }) as typeof db.executeQuery;
});
afterAll(() => handle?.close());

let builds = 0;
const PROBE = reusableQuery('probe', (d, $: { kind: string; minId: number; limit: number }, shape: { visibleOnly: boolean }) => {
  builds++;
  let q = d
    .selectFrom('reuse_probe' as never)
    .select(['id', 'note'] as never[])
    .where('kind' as never, '=', $.kind as never)
    .where('id' as never, '>=', $.minId as never)
    .where(sql<boolean>`note <> 'it''s $2'`);
  if (shape.visibleOnly) q = q.where('visible' as never, '=', true as never);
  return q.orderBy('id' as never).limit($.limit) as never;
}) as { run(db: Db, values: { kind: string; minId: number; limit: number }, shape: { visibleOnly: boolean }): Promise<Array<{ id: number; note: string }>> };

describe('a reusable query', () => {
  it('is built once per shape and answers each call with its own values', async () => {
    executed.length = 0;
    const ids = async (kind: string, minId: number, visibleOnly: boolean, limit = 10) =>
      (await PROBE.run(db, { kind, minId, limit }, { visibleOnly })).map((r) => r.id);
    expect(await ids('a', 1, false)).toEqual([1, 2, 4]);
    expect(await ids('a', 2, false)).toEqual([2, 4]);
    expect(await ids('b', 1, false)).toEqual([3]);
    expect(await ids('a', 1, true)).toEqual([1, 4]);
    expect(await ids('a', 1, true, 1)).toEqual([1]);
    expect(builds).toBe(2);
    expect(new Set(executed.map((q) => q.sql)).size).toBe(2);
  });

  it('writes the builder’s constants into the text, keeps the values as parameters, and leaves quoted text alone', async () => {
    executed.length = 0;
    await PROBE.run(db, { kind: "a'; DROP TABLE reuse_probe; --", minId: 1, limit: 5 }, { visibleOnly: true });
    const [query] = executed;
    expect(query!.sql).toContain("note <> 'it''s $2'");
    expect(query!.sql).toMatch(/"visible" = TRUE/);
    expect(query!.parameters).toEqual(["a'; DROP TABLE reuse_probe; --", 1, 5]);
    expect(query!.sql).toMatch(/"kind" = \$1 and "id" >= \$2 .* limit \$3$/);
    expect(namedStatement(query!.sql)).toMatch(/^k_probe_/);
    expect(namedStatement('SELECT 1')).toBeUndefined();
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM reuse_probe`.execute(handle.db)).rows[0]!.n).toBe(4);
  });

  it.runIf(process.env.DATABASE_URL)('runs on PostgreSQL as a statement prepared by name on the connection', async () => {
    // The pool hands out the connection released last, so these run on one connection, one after another.
    await PROBE.run(db, { kind: 'b', minId: 1, limit: 5 }, { visibleOnly: false });
    const prepared = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements`.execute(handle.db);
    expect(prepared.rows.map((r) => r.name)).toContainEqual(expect.stringMatching(/^k_probe_/));
  });

  it('refuses a call that lacks a value instead of sending a placeholder', async () => {
    await expect(PROBE.run(db, { kind: 'a', minId: 1 } as never, { visibleOnly: false })).rejects.toThrow(/no value for limit/);
  });
});
