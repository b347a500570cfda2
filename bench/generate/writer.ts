import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../src/platform/db/connect';

// Bulk writing without COPY (no pg-copy-streams here): each table's rows travel as one array per column and are
// unpacked by unnest(). All tables of a batch go in ONE statement of data-modifying CTEs, so a batch is one
// round trip and one transaction, and foreign keys between the batch's own rows are checked at its end. The
// same SQL runs on PGlite and PostgreSQL. Columns are always named: a column someone adds later (nullable or
// with a default) simply stays at its default.

/** int: int4; float: float8; ts: epoch milliseconds (float8) → timestamptz; json: text → jsonb. */
type ColumnKind = 'int' | 'float' | 'text' | 'bool' | 'ts' | 'json';

interface TableSpec {
  table: string;
  /** Ids are chosen by the generator (their sequences are moved past them afterwards). */
  explicitIds: boolean;
  columns: ReadonlyArray<readonly [string, ColumnKind]>;
  /** Columns computed in SQL: organization id, point from lon/lat. */
  extra?: ReadonlyArray<readonly [string, 'organization' | string]>;
}

const PG_TYPE: Record<ColumnKind, string> = { int: 'int4', float: 'float8', text: 'text', bool: 'bool', ts: 'float8', json: 'text' };

export const SPECS = {
  users: {
    table: 'users',
    explicitIds: true,
    columns: [
      ['id', 'int'],
      ['email', 'text'],
      ['created_at', 'ts'],
    ],
    extra: [['organization_id', 'organization']],
  },
  reports: {
    table: 'reports',
    explicitIds: true,
    columns: [
      ['id', 'int'],
      ['category_id', 'int'],
      ['department_id', 'int'],
      ['district_id', 'int'],
      ['status', 'text'],
      ['close_reason', 'text'],
      ['close_note', 'text'],
      ['duplicate_of', 'int'],
      ['lat', 'float'],
      ['lon', 'float'],
      ['address', 'text'],
      ['location_precise', 'bool'],
      ['description', 'text'],
      ['answers', 'json'],
      ['user_id', 'int'],
      ['reporter_name', 'text'],
      ['reporter_email', 'text'],
      ['reporter_phone', 'text'],
      ['show_name', 'bool'],
      ['hidden', 'bool'],
      ['supporters_count', 'int'],
      ['created_at', 'ts'],
      ['confirmed_at', 'ts'],
      ['updated_at', 'ts'],
      ['fixed_at', 'ts'],
      ['reviewed_at', 'ts'],
      ['reviewed_by', 'int'],
    ],
    extra: [
      ['organization_id', 'organization'],
      ['location', 'point(t.lon, t.lat)'],
    ],
  },
  events: {
    table: 'report_events',
    explicitIds: true,
    columns: [
      ['id', 'int'],
      ['report_id', 'int'],
      ['kind', 'text'],
      ['public', 'bool'],
      ['actor_user_id', 'int'],
      ['from_status', 'text'],
      ['to_status', 'text'],
      ['body', 'text'],
      ['data', 'json'],
      ['created_at', 'ts'],
    ],
    extra: [['organization_id', 'organization']],
  },
  photos: {
    table: 'report_photos',
    explicitIds: true,
    columns: [
      ['id', 'int'],
      ['report_id', 'int'],
      ['storage_key', 'text'],
      ['width', 'int'],
      ['height', 'int'],
      ['status', 'text'],
      ['created_at', 'ts'],
    ],
    extra: [['organization_id', 'organization']],
  },
  supporters: {
    table: 'report_supporters',
    explicitIds: false,
    columns: [
      ['report_id', 'int'],
      ['supporter_key', 'text'],
      ['user_id', 'int'],
      ['created_at', 'ts'],
    ],
    extra: [['organization_id', 'organization']],
  },
  followers: {
    table: 'report_followers',
    explicitIds: false,
    columns: [
      ['report_id', 'int'],
      ['email', 'text'],
      ['unsubscribe_token_hash', 'text'],
      ['last_notified_event_id', 'int'],
      ['created_at', 'ts'],
    ],
    extra: [['organization_id', 'organization']],
  },
  questionnaires: {
    table: 'report_questionnaires',
    explicitIds: false,
    columns: [
      ['report_id', 'int'],
      ['email', 'text'],
      ['token_hash', 'text'],
      ['due_at', 'ts'],
      ['sent_at', 'ts'],
      ['answered_at', 'ts'],
      ['answer', 'text'],
      ['comment', 'text'],
    ],
    extra: [['organization_id', 'organization']],
  },
  safetyQuestionnaires: {
    table: 'angstraum_questionnaires',
    explicitIds: false,
    columns: [
      ['report_id', 'int'],
      ['measure_event_id', 'int'],
      ['email', 'text'],
      ['token_hash', 'text'],
      ['due_at', 'ts'],
      ['sent_at', 'ts'],
      ['answered_at', 'ts'],
      ['answer', 'text'],
    ],
    extra: [['organization_id', 'organization']],
  },
  ratings: {
    table: 'safety_ratings',
    explicitIds: false,
    columns: [
      ['report_id', 'int'],
      ['user_id', 'int'],
      ['day', 'int'],
      ['night', 'int'],
      ['created_at', 'ts'],
    ],
    extra: [['organization_id', 'organization']],
  },
} as const satisfies Record<string, TableSpec>;

export type SpecName = keyof typeof SPECS;
type ColumnNames<S extends SpecName> = (typeof SPECS)[S]['columns'][number][0];
export type Row<S extends SpecName> = Record<ColumnNames<S>, string | number | boolean | null>;

/** Rows of one table, stored column by column (what unnest wants). */
export class Columns<S extends SpecName> {
  readonly spec: TableSpec;
  readonly data: Record<string, Array<string | number | boolean | null>> = {};
  private readonly names: string[];
  private readonly arrays: Array<Array<string | number | boolean | null>>;
  length = 0;
  constructor(readonly name: S) {
    this.spec = SPECS[name];
    this.names = this.spec.columns.map(([c]) => c);
    this.arrays = this.names.map((c) => {
      this.data[c] = [];
      return this.data[c];
    });
  }
  push(row: Row<S>): void {
    const r = row as Record<string, string | number | boolean | null>;
    for (let i = 0; i < this.names.length; i++) this.arrays[i]!.push(r[this.names[i]!] ?? null);
    this.length++;
  }

  private literals: Record<string, string> | null = null;

  /**
   * The columns as PostgreSQL array literals. Done once the batch is complete, while the database still writes
   * the previous one, instead of by the driver when the statement is sent (when the database would wait).
   */
  seal(): Record<string, string> {
    if (!this.literals) {
      this.literals = {};
      for (const [i, [name, kind]] of this.spec.columns.entries()) this.literals[name] = arrayLiteral(this.arrays[i]!, kind === 'text' || kind === 'json');
    }
    return this.literals;
  }
}

/** `{1,NULL,3}` or `{"a \"quoted\" text",NULL}`: quoted elements may hold anything but unescaped `"` and `\`. */
export function arrayLiteral(values: ReadonlyArray<string | number | boolean | null>, quote: boolean): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else if (quote) parts[i] = `"${String(v).replace(/["\\]/g, '\\$&')}"`;
    else parts[i] = String(v);
  }
  return `{${parts.join(',')}}`;
}

function insertFrom(spec: TableSpec, data: Record<string, string>, organizationId: number): RawBuilder<unknown> {
  const names = spec.columns.map(([c]) => c);
  const targets = [...names, ...(spec.extra ?? []).map(([c]) => c)];
  const values = [
    ...spec.columns.map(([c, kind]) => (kind === 'ts' ? `to_timestamp(t.${c} / 1000.0)` : kind === 'json' ? `t.${c}::jsonb` : `t.${c}`)),
    ...(spec.extra ?? []).map(([, expr]) => (expr === 'organization' ? String(organizationId) : expr)),
  ];
  const arrays = sql.join(spec.columns.map(([c, kind]) => sql`${data[c]}::${sql.raw(PG_TYPE[kind])}[]`));
  return sql`INSERT INTO ${sql.raw(spec.table)} (${sql.raw(targets.join(', '))}) ${sql.raw(spec.explicitIds ? 'OVERRIDING SYSTEM VALUE ' : '')}SELECT ${sql.raw(values.join(', '))} FROM unnest(${arrays}) AS t(${sql.raw(names.join(', '))})`;
}

/** One statement for every table that has rows; the order of the CTEs does not matter to the foreign keys. */
export function batchStatement(organizationId: number, tables: ReadonlyArray<Columns<SpecName>>): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  for (const [i, t] of tables.entries()) {
    if (t.length === 0) continue;
    const literals = t.seal();
    parts.push(sql`${sql.raw(`w${i}`)} AS (${insertFrom(t.spec, literals, organizationId)})`);
    if (t.name === 'ratings') {
      // The 30-day gate of each rating: one slot per person and place (the generator never repeats a pair).
      parts.push(sql`${sql.raw(`s${i}`)} AS (INSERT INTO safety_rating_slots (organization_id, report_id, user_id, last_rated_at)
        SELECT ${organizationId}::int, t.report_id, t.user_id, max(to_timestamp(t.created_at / 1000.0))
        FROM unnest(${literals.report_id}::int4[], ${literals.user_id}::int4[], ${literals.created_at}::float8[]) AS t(report_id, user_id, created_at)
        GROUP BY t.report_id, t.user_id)`);
    }
  }
  return parts.length === 0 ? null : sql`WITH ${sql.join(parts)} SELECT 1`;
}

export async function writeBatch(db: Db, organizationId: number, tables: ReadonlyArray<Columns<SpecName>>): Promise<void> {
  const statement = batchStatement(organizationId, tables);
  if (statement) await statement.execute(db);
}

/** The first id the generator may use in a table: past both the rows and the sequence. */
export async function firstFreeId(db: Db, table: string): Promise<number> {
  const row = await sql<{ n: number | string | null }>`
    SELECT GREATEST(coalesce((SELECT max(id) FROM ${sql.table(table)}), 0),
                    coalesce(pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass), 0)) + 1 AS n`.execute(db);
  return Number(row.rows[0]!.n);
}

/**
 * Moves a table's id sequence to `last`: reserved before writing (so a process inserting meanwhile gets ids
 * beyond the generator's), and afterwards set to just past the largest id really used.
 */
export async function reserveIds(db: Db, table: string, last: number): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${last}::bigint)`.execute(db);
}

export async function settleSequence(db: Db, table: string): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false) FROM ${sql.table(table)}`.execute(db);
}

/** What a bulk load takes off the tables it writes, to put back (exactly as it was) at the end. */
export interface Deferred {
  constraints: Array<{ table: string; name: string; def: string }>;
  indexes: Array<{ name: string; def: string }>;
}

/**
 * Bulk-load mode, the way pg_restore loads: foreign keys and plain secondary indexes of the written tables are
 * dropped inside the load's transaction and recreated from their own definitions at its end. Checking a
 * foreign key once over the whole table (a join) and building an index once (a sort) is several times cheaper
 * than doing both row by row. Primary keys and unique constraints stay: they guard the generator's own rows.
 * All in one transaction, so a failed or interrupted load leaves the schema and the data as they were.
 */
export async function deferChecksAndIndexes(trx: Db, tables: readonly string[]): Promise<Deferred> {
  const regclasses = sql.join(tables.map((t) => sql`${t}::regclass`));
  const constraints = (
    await sql<{ table: string; name: string; def: string }>`
      SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND conrelid IN (${regclasses}) ORDER BY conrelid::regclass::text, conname`.execute(trx)
  ).rows;
  const indexes = (
    await sql<{ name: string; def: string }>`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
      WHERE i.indrelid IN (${regclasses}) AND NOT i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`.execute(trx)
  ).rows;
  for (const c of constraints) await sql`ALTER TABLE ${sql.raw(c.table)} DROP CONSTRAINT ${sql.id(c.name)}`.execute(trx);
  for (const i of indexes) await sql`DROP INDEX ${sql.raw(i.name)}`.execute(trx);
  return { constraints, indexes };
}

export async function restoreChecksAndIndexes(trx: Db, deferred: Deferred, onStep: (what: string) => void = () => {}): Promise<void> {
  await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
  for (const i of deferred.indexes) {
    onStep(`index ${i.name}`);
    await sql.raw(i.def).execute(trx);
  }
  for (const c of deferred.constraints) {
    onStep(`foreign key ${c.name}`);
    await sql`ALTER TABLE ${sql.raw(c.table)} ADD CONSTRAINT ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(trx);
  }
}
