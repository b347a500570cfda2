import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { CITY_SOURCES } from '../../../migrations/0009_city_scoping';
import { jobBackupLines } from '../jobs/backup-rows';
import type { Db } from './connect';

/**
 * A portable backup: every table as JSON lines (row_to_json, ordered by primary key), the stored files, and
 * a manifest with counts and SHA-256 checksums. The same format restores into PGlite or PostgreSQL, so a
 * demo can move to a server. Sessions, rate-limit counters and login tokens are left out on purpose: a
 * restored instance must not accept old sign-ins.
 */
export const EXCLUDED_TABLES = new Set(['sessions', 'rate_limits', 'login_tokens', 'kysely_migration', 'kysely_migration_lock']);
const BATCH = 500;

export interface Manifest {
  format: 'kuemmerer-backup-1';
  createdAt: string;
  migrations: string[];
  tables: Array<{ name: string; rows: number; sha256: string }>;
  files: Array<{ key: string; bytes: number; sha256: string }>;
}

interface TableInfo {
  name: string;
  primaryKey: string[];
  identity: string[];
  selfReferences: string[];
}

async function tables(db: Db): Promise<TableInfo[]> {
  // Derived tables (their comment starts with "derived:", e.g. counts a trigger keeps) are rebuilt by inserting the
  // rows they derive from, so they are neither saved nor restored.
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE 'derived:%'
    ORDER BY c.relname`.execute(db);
  const { rows: fks } = await sql<{ child: string; parent: string; column: string }>`
    SELECT cl.relname AS child, pl.relname AS parent, a.attname AS column
    FROM pg_constraint con
    JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class pl ON pl.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
    WHERE con.contype = 'f' AND n.nspname = 'public'`.execute(db);
  const { rows: pks } = await sql<{ table: string; column: string; position: number }>`
    SELECT cl.relname AS table, a.attname AS column, array_position(con.conkey, a.attnum) AS position
    FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
    WHERE con.contype = 'p' AND n.nspname = 'public'`.execute(db);
  const { rows: ids } = await sql<{ table: string; column: string }>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND is_identity = 'YES'`.execute(db);

  const names = rows.map((r) => r.name).filter((n) => !EXCLUDED_TABLES.has(n));
  // Parents before children, so foreign keys hold at every insert.
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const fk of fks) if (fk.child === name && fk.parent !== name && names.includes(fk.parent)) visit(fk.parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered.map((name) => ({
    name,
    primaryKey: pks
      .filter((p) => p.table === name)
      .sort((a, b) => a.position - b.position)
      .map((p) => p.column),
    identity: ids.filter((i) => i.table === name).map((i) => i.column),
    selfReferences: fks.filter((f) => f.child === name && f.parent === name).map((f) => f.column),
  }));
}

const ident = (name: string) => sql.id(name);

/**
 * Tables the backup reads in their own way. jobs: only jobs that have not finished, from the embedded queue's table
 * and from pg-boss's schema on PostgreSQL alike (src/platform/jobs/backup-rows.ts), so waiting reminders survive a
 * restore, also from PGlite to PostgreSQL and back.
 */
const CUSTOM_DUMPS: Record<string, (db: Db) => Promise<string[]>> = { jobs: jobBackupLines };

async function dumpTable(db: Db, table: TableInfo): Promise<string[]> {
  const custom = CUSTOM_DUMPS[table.name];
  if (custom) return custom(db);
  const order = table.primaryKey.length > 0 ? sql.join(table.primaryKey.map(ident)) : sql`1`;
  const out: string[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await sql<{
      j: string;
    }>`SELECT row_to_json(t)::text AS j FROM ${ident(table.name)} t ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}`.execute(db);
    for (const r of rows) out.push(r.j);
    if (rows.length < BATCH) return out;
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function listFiles(root: string, dir = ''): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, rel)));
    else if (!e.name.includes('.tmp-')) out.push(rel);
  }
  return out.sort();
}

export async function tableChecksums(db: Db): Promise<Manifest['tables']> {
  const result: Manifest['tables'] = [];
  for (const table of await tables(db)) {
    const lines = await dumpTable(db, table);
    result.push({ name: table.name, rows: lines.length, sha256: sha256(lines.join('\n')) });
  }
  return result;
}

export async function backup(db: Db, filesDir: string, target: string): Promise<Manifest> {
  await mkdir(path.join(target, 'tables'), { recursive: true });
  const existing = await readdir(target);
  if (existing.some((e) => e !== 'tables') || (await readdir(path.join(target, 'tables'))).length > 0) {
    throw new Error(`The backup folder ${target} is not empty`);
  }
  const { rows: applied } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  const manifest: Manifest = {
    format: 'kuemmerer-backup-1',
    createdAt: new Date().toISOString(),
    migrations: applied.map((m) => m.name),
    tables: [],
    files: [],
  };
  // One snapshot for all tables: a backup taken while the city works is still consistent.
  await db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(trx);
    for (const table of await tables(trx)) {
      const lines = await dumpTable(trx, table);
      const text = lines.join('\n');
      await writeFile(path.join(target, 'tables', `${table.name}.ndjson`), text);
      manifest.tables.push({ name: table.name, rows: lines.length, sha256: sha256(text) });
    }
  });
  for (const key of await listFiles(filesDir)) {
    const data = await readFile(path.join(filesDir, key));
    await mkdir(path.dirname(path.join(target, 'files', key)), { recursive: true });
    await copyFile(path.join(filesDir, key), path.join(target, 'files', key));
    manifest.files.push({ key, bytes: data.length, sha256: sha256(data) });
  }
  await writeFile(path.join(target, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export class RestoreError extends Error {}

/**
 * Backups written before migration 0009 have no organization_id on child rows: each row takes it from its parent
 * row in the same backup, as the migration did for the database. A no-op for newer backups.
 */
function cityFiller(manifest: Manifest, texts: Map<string, string>): (table: string, row: Record<string, unknown>) => void {
  if (manifest.migrations.includes('0009_city_scoping')) return () => {};
  const cities = new Map<string, Map<unknown, unknown>>();
  const citiesOf = (parent: string) => {
    let map = cities.get(parent);
    if (!map) {
      const rows = (texts.get(parent) ?? '').split('\n').filter(Boolean);
      map = new Map(rows.map((line) => JSON.parse(line) as Record<string, unknown>).map((r) => [r.id, r.organization_id]));
      cities.set(parent, map);
    }
    return map;
  };
  return (table, row) => {
    const source = CITY_SOURCES[table];
    if (source && (row.organization_id === undefined || row.organization_id === null)) row.organization_id = citiesOf(source.parent).get(row[source.column]);
  };
}

/** Restores into a migrated, empty database; checks every checksum before writing anything. */
export async function restore(db: Db, filesDir: string, source: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(source, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new RestoreError(`${source} has no readable manifest.json: is it a Kümmerer backup folder?`);
  }
  if (manifest.format !== 'kuemmerer-backup-1') throw new RestoreError(`Unknown backup format ${String(manifest.format)}`);
  const texts = new Map<string, string>();
  for (const t of manifest.tables) {
    const text = await readFile(path.join(source, 'tables', `${t.name}.ndjson`), 'utf8');
    if (sha256(text) !== t.sha256) throw new RestoreError(`Checksum mismatch in table ${t.name}: the backup is damaged`);
    texts.set(t.name, text);
  }
  for (const f of manifest.files) {
    const data = await readFile(path.join(source, 'files', f.key));
    if (sha256(data) !== f.sha256) throw new RestoreError(`Checksum mismatch in file ${f.key}: the backup is damaged`);
  }
  const { rows: applied } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  const missing = manifest.migrations.filter((m) => !applied.some((a) => a.name === m));
  if (missing.length > 0) throw new RestoreError(`The backup is newer than this version (unknown migrations: ${missing.join(', ')})`);
  const { rows: orgs } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organizations`.execute(db);
  if (Number(orgs[0]?.n) > 0) throw new RestoreError('The database is not empty: restore only into a fresh instance');

  const fillCity = cityFiller(manifest, texts);
  await db.transaction().execute(async (trx) => {
    for (const table of await tables(trx)) {
      const text = texts.get(table.name);
      if (!text) continue;
      const rows = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const later: Array<Record<string, unknown>> = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH).map((row) => {
          fillCity(table.name, row);
          if (table.selfReferences.length === 0) return row;
          // Rows may point at rows that come later: insert without the link, set it afterwards.
          const copy = { ...row };
          if (table.selfReferences.some((col) => copy[col] !== null && copy[col] !== undefined)) later.push(row);
          for (const col of table.selfReferences) copy[col] = null;
          return copy;
        });
        const overriding = table.identity.length > 0 ? sql`OVERRIDING SYSTEM VALUE` : sql``;
        await sql`INSERT INTO ${ident(table.name)} ${overriding} SELECT * FROM json_populate_recordset(null::${ident(table.name)}, ${JSON.stringify(batch)}::json)`.execute(
          trx,
        );
      }
      for (const row of later) {
        for (const col of table.selfReferences) {
          if (row[col] === null || row[col] === undefined) continue;
          const where = sql.join(
            table.primaryKey.map((k) => sql`${ident(k)} = ${row[k] as number}`),
            sql` AND `,
          );
          await sql`UPDATE ${ident(table.name)} SET ${ident(col)} = ${row[col] as number} WHERE ${where}`.execute(trx);
        }
      }
      for (const col of table.identity) {
        await sql`SELECT setval(pg_get_serial_sequence(${table.name}, ${col}), coalesce((SELECT max(${ident(col)}) FROM ${ident(table.name)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
  });
  for (const f of manifest.files) {
    await mkdir(path.dirname(path.join(filesDir, f.key)), { recursive: true });
    await copyFile(path.join(source, 'files', f.key), path.join(filesDir, f.key));
  }
  return manifest;
}
