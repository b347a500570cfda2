import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate';

const create = (table: string) => ({ up: async (db: Kysely<unknown>) => void (await sql.raw(`CREATE TABLE ${table} (id int)`).execute(db)) });

describe('migrateToLatest', () => {
  it('applies a migration numbered below one the database already has (numbers given out to parallel work)', async () => {
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite: await PGlite.create() }) });
    try {
      expect(await migrateToLatest(db, { '0001_a': create('a'), '0003_c': create('c') })).toEqual(['0001_a', '0003_c']);
      expect(await migrateToLatest(db, { '0001_a': create('a'), '0002_b': create('b'), '0003_c': create('c') })).toEqual(['0002_b']);
      const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('a', 'b', 'c')`.execute(db);
      expect(tables.rows[0]!.n).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});
