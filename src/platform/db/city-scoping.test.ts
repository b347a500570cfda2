import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import type { DatabaseHandle } from './connect';

// One install serves several cities: every table of the public schema names the city of each row, unless it is
// listed here with the reason it belongs to no city. A new table without organization_id fails this test.

const CITY_INDEPENDENT: Record<string, string> = {
  organizations: 'the cities themselves',
  kysely_migration: "the schema version of the whole install (Kysely's migration log)",
  kysely_migration_lock: "Kysely's lock that keeps two processes from migrating at once",
  rate_limits:
    'counters per client address (IPv6 per /64) or account across all cities: one process serves every city, so a client ' +
    'flooding one city spends the same server and mail capacity; counting per city would multiply its budget by the number of cities',
};

/** organization_id may be empty here, for the reason given. */
const CITY_OPTIONAL: Record<string, string> = {
  outbox: 'mail the platform itself sends belongs to no city; all mail about a city carries it',
};

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

async function catalogue() {
  const { rows } = await sql<{ table_name: string; is_nullable: string | null }>`
    SELECT t.table_name, c.is_nullable
    FROM information_schema.tables t
    LEFT JOIN information_schema.columns c
      ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'organization_id'
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY t.table_name`.execute(handle.db);
  return rows;
}

describe('city scoping in the database catalogue', () => {
  it('every table of the public schema has organization_id, except the listed city-independent ones', async () => {
    const rows = await catalogue();
    expect(rows.length).toBeGreaterThan(20);
    const missing = rows.filter((r) => r.is_nullable === null && !(r.table_name in CITY_INDEPENDENT)).map((r) => r.table_name);
    expect(missing, 'tables without organization_id: add the column (see migration 0009) or list the table with a reason').toEqual([]);
  });

  it('the list of city-independent tables names only existing tables without the column', async () => {
    const rows = await catalogue();
    for (const table of Object.keys(CITY_INDEPENDENT)) {
      const row = rows.find((r) => r.table_name === table);
      expect(row, `${table} is listed but does not exist`).toBeDefined();
      expect(row!.is_nullable, `${table} has organization_id: remove it from the list`).toBeNull();
    }
  });

  it('organization_id is required wherever it exists, except where a reason says otherwise', async () => {
    const rows = await catalogue();
    const optional = rows.filter((r) => r.is_nullable === 'YES').map((r) => r.table_name);
    expect(optional.sort()).toEqual(Object.keys(CITY_OPTIONAL).sort());
  });

  it('every organization_id is part of a foreign key (to organizations, or with its parent row to the parent)', async () => {
    const { rows } = await sql<{ table_name: string }>`
      SELECT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'organization_id'
        AND c.table_name <> 'organizations'
        AND NOT EXISTS (
          SELECT 1 FROM pg_constraint con
          JOIN pg_class cl ON cl.oid = con.conrelid
          JOIN pg_namespace n ON n.oid = cl.relnamespace
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
          WHERE con.contype = 'f' AND n.nspname = 'public' AND cl.relname = c.table_name AND a.attname = 'organization_id'
        )`.execute(handle.db);
    expect(rows.map((r) => r.table_name)).toEqual([]);
  });
});
