import { type Kysely, type RawBuilder, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPED_TABLES } from '../../../migrations/0009_city_scoping';
import { moduleRegistry } from '../../module-list';
import { randomToken } from '../security/tokens';
import { type DatabaseHandle, openPglite, openPostgres } from './connect';

// 0009 on a database that already holds two cities' data: every new organization_id comes from the row's parent,
// and afterwards a child row cannot name another city than its parent. Runs on PGlite, and on PostgreSQL when
// DATABASE_URL is set (a fresh, unmigrated database of its own).

let handle: DatabaseHandle;
// biome-ignore lint/suspicious/noExplicitAny: the schema of 0008 is not the Database type of today.
let db: Kysely<any>;
let dropDatabase: (() => Promise<void>) | null = null;

async function freshDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite({});
  const name = `kuemmerer_m_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  return openPostgres(target.href, 2);
}

const one = async <T>(query: RawBuilder<T>): Promise<T> => (await query.execute(db)).rows[0]!;

/** One city's worth of rows in the 0008 schema: a row in every table 0009 changes. */
async function fillCity(slug: string) {
  const { id: org } = await one<{ id: number }>(
    sql`INSERT INTO organizations (slug, name, hosts, contact_email) VALUES (${slug}, ${slug}, ${sql.raw(`'{${slug}.example}'`)}, 'k@example.de') RETURNING id`,
  );
  const { id: user } = await one<{ id: number }>(
    sql`INSERT INTO users (organization_id, email, role) VALUES (${org}, ${`staff@${slug}.example`}, 'department_staff') RETURNING id`,
  );
  const { id: department } = await one<{ id: number }>(
    sql`INSERT INTO departments (organization_id, name, email) VALUES (${org}, 'Tiefbauamt', 'amt@example.de') RETURNING id`,
  );
  await sql`INSERT INTO staff_departments (user_id, department_id) VALUES (${user}, ${department})`.execute(db);
  const { id: category } = await one<{ id: number }>(
    sql`INSERT INTO report_categories (organization_id, code, name_de, name_en) VALUES (${org}, 'schlagloch', 'Schlagloch', 'Pothole') RETURNING id`,
  );
  await sql`INSERT INTO category_questions (category_id, code, datatype, label_de, label_en) VALUES (${category}, 'tiefe', 'text', 'Tiefe', 'Depth')`.execute(
    db,
  );
  const { id: report } = await one<{ id: number }>(
    sql`INSERT INTO reports (organization_id, category_id, status, lat, lon, location, description)
        VALUES (${org}, ${category}, 'new', 51.5, 7.5, point(7.5, 51.5), 'Loch') RETURNING id`,
  );
  await sql`INSERT INTO report_photos (report_id, storage_key, width, height) VALUES (${report}, ${`reports/${slug}`}, 10, 10)`.execute(db);
  await sql`INSERT INTO report_supporters (report_id, supporter_key, user_id) VALUES (${report}, 'u:1', ${user})`.execute(db);
  await sql`INSERT INTO report_followers (report_id, email, unsubscribe_token_hash) VALUES (${report}, 'f@example.de', ${`h-${slug}`})`.execute(db);
  await sql`INSERT INTO report_questionnaires (report_id, email, token_hash, due_at) VALUES (${report}, 'f@example.de', ${`q-${slug}`}, now())`.execute(db);
  await sql`INSERT INTO report_forwards (report_id, department_id) VALUES (${report}, ${department})`.execute(db);
  const { id: apiKey } = await one<{ id: number }>(
    sql`INSERT INTO api_keys (organization_id, name, key_hash, key_prefix, user_id) VALUES (${org}, 'Partner', ${`k-${slug}`}, 'k311_abcd', ${user}) RETURNING id`,
  );
  await sql`INSERT INTO open311_requests (report_id, api_key_id) VALUES (${report}, ${apiKey})`.execute(db);
  const { id: event } = await one<{ id: number }>(
    sql`INSERT INTO report_events (organization_id, report_id, kind, public) VALUES (${org}, ${report}, 'public_note', true) RETURNING id`,
  );
  await sql`INSERT INTO open311_updates (api_key_id, external_id, report_id, event_id) VALUES (${apiKey}, 'x1', ${report}, ${event})`.execute(db);
  await sql`INSERT INTO safety_rating_slots (report_id, user_id, last_rated_at) VALUES (${report}, ${user}, now())`.execute(db);
  return { org, user, department, category, report, apiKey };
}

let a: Awaited<ReturnType<typeof fillCity>>;
let b: Awaited<ReturnType<typeof fillCity>>;

beforeAll(async () => {
  handle = await freshDatabase();
  db = handle.db;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => moduleRegistry().migrations() } });
  const before = await migrator.migrateTo('0008_read_performance');
  if (before.error) throw before.error;
  a = await fillCity('stadt-a');
  b = await fillCity('stadt-b');
  const after = await migrator.migrateToLatest();
  if (after.error) throw after.error;
  expect(after.results?.map((r) => r.migrationName)).toContain('0009_city_scoping');
});

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
});

describe('migration 0009 (city scoping) on existing data', () => {
  it('gives every row of the changed tables the city of its parent', async () => {
    for (const table of SCOPED_TABLES) {
      const { rows } = await sql<{ organization_id: number; n: number }>`
        SELECT organization_id, count(*)::int AS n FROM ${sql.table(table)} GROUP BY organization_id ORDER BY organization_id`.execute(db);
      expect(rows, table).toEqual([
        { organization_id: a.org, n: 1 },
        { organization_id: b.org, n: 1 },
      ]);
    }
    // Each row got the city of its own report, not merely one of each.
    const photo = await one<{ organization_id: number }>(sql`SELECT organization_id FROM report_photos WHERE report_id = ${b.report}`);
    expect(photo.organization_id).toBe(b.org);
    const member = await one<{ organization_id: number }>(sql`SELECT organization_id FROM staff_departments WHERE user_id = ${a.user}`);
    expect(member.organization_id).toBe(a.org);
  });

  it('makes organization_id required and a real reference on every changed table', async () => {
    const { rows } = await sql<{ table_name: string; is_nullable: string }>`
      SELECT table_name, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'organization_id' AND table_name = ANY(${SCOPED_TABLES})`.execute(db);
    expect(rows.map((r) => r.table_name).sort()).toEqual([...SCOPED_TABLES].sort());
    expect(rows.every((r) => r.is_nullable === 'NO')).toBe(true);
    await expect(
      sql`INSERT INTO report_followers (report_id, email, unsubscribe_token_hash) VALUES (${a.report}, 'x@example.de', 'h-none')`.execute(db),
    ).rejects.toThrow(/organization_id/);
  });

  it('refuses a child row that names another city than its parent', async () => {
    const refused = (query: RawBuilder<unknown>) => expect(query.execute(db)).rejects.toThrow(/foreign key/);
    await refused(sql`INSERT INTO report_photos (organization_id, report_id, storage_key, width, height) VALUES (${b.org}, ${a.report}, 'reports/x', 1, 1)`);
    await refused(sql`INSERT INTO report_supporters (organization_id, report_id, supporter_key) VALUES (${b.org}, ${a.report}, 'u:99')`);
    await refused(sql`INSERT INTO category_questions (organization_id, category_id, code, datatype, label_de, label_en)
      VALUES (${b.org}, ${a.category}, 'zwei', 'text', 'x', 'x')`);
    // Two parents, two cities: a forward of city A's report to city B's department.
    await refused(sql`INSERT INTO report_forwards (organization_id, report_id, department_id) VALUES (${a.org}, ${a.report}, ${b.department})`);
    await refused(sql`INSERT INTO staff_departments (organization_id, user_id, department_id) VALUES (${a.org}, ${a.user}, ${b.department})`);
    const { id: second } = await one<{ id: number }>(
      sql`INSERT INTO reports (organization_id, category_id, status, lat, lon, location, description)
          VALUES (${a.org}, ${a.category}, 'new', 51.5, 7.5, point(7.5, 51.5), 'Noch ein Loch') RETURNING id`,
    );
    await refused(sql`INSERT INTO open311_requests (organization_id, report_id, api_key_id) VALUES (${a.org}, ${second}, ${b.apiKey})`);
    await refused(sql`INSERT INTO safety_rating_slots (organization_id, report_id, user_id, last_rated_at) VALUES (${a.org}, ${a.report}, ${b.user}, now())`);
    // The same rows within one city are fine.
    await sql`INSERT INTO report_photos (organization_id, report_id, storage_key, width, height) VALUES (${a.org}, ${a.report}, 'reports/ok', 1, 1)`.execute(
      db,
    );
  });

  it('still deletes children with their parent', async () => {
    await sql`DELETE FROM open311_updates WHERE report_id = ${b.report}`.execute(db);
    await sql`DELETE FROM open311_requests WHERE report_id = ${b.report}`.execute(db);
    await sql`DELETE FROM reports WHERE id = ${b.report}`.execute(db);
    for (const table of ['report_photos', 'report_supporters', 'report_followers', 'report_questionnaires', 'report_forwards', 'safety_rating_slots']) {
      const row = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE organization_id = ${b.org}`);
      expect(row.n, table).toBe(0);
    }
  });
});
