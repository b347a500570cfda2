import { type Kysely, sql } from 'kysely';

// One install serves several cities. Every domain row now names its city (organization_id), so each query can
// filter by it and a row can be checked without a join. The column is filled from the row's parent, and a
// composite foreign key (parent id, organization_id) → parent (id, organization_id) replaces the plain one:
// a child row can never belong to another city than its parent, whatever the code does. Where a row has two
// parents (a forward's report and department, a staff member and a department), both must be of the same city.
//
// Rows that already link two cities (impossible through the application) make this migration fail on the
// foreign key named below rather than be guessed at: fix or delete them, then migrate again.

/** Parents that children point at together with the city: the composite keys need a unique (id, organization_id). */
const PARENTS = ['reports', 'report_categories', 'users', 'departments', 'api_keys'];

interface Child {
  table: string;
  /** Where the city comes from: the child's column and the parent table it points at. */
  from: { column: string; parent: string };
  /** Every foreign key that becomes composite: column, parent, the old constraint's name and its ON DELETE. */
  keys: Array<{ column: string; parent: string; old: string; onDelete: 'CASCADE' | 'NO ACTION' }>;
  /** Indexes for queries and cascades that filter by a referencing column plus the city. */
  indexes: string[][];
}

const CHILDREN: Child[] = [
  {
    table: 'staff_departments',
    from: { column: 'user_id', parent: 'users' },
    keys: [
      { column: 'user_id', parent: 'users', old: 'staff_departments_user_id_fkey', onDelete: 'CASCADE' },
      { column: 'department_id', parent: 'departments', old: 'staff_departments_department_id_fkey', onDelete: 'CASCADE' },
    ],
    // The primary key (user_id, department_id) serves lookups by staff member; the staff count per department
    // and department deletes need the other direction.
    indexes: [['organization_id', 'department_id']],
  },
  {
    table: 'category_questions',
    from: { column: 'category_id', parent: 'report_categories' },
    keys: [{ column: 'category_id', parent: 'report_categories', old: 'category_questions_category_id_fkey', onDelete: 'CASCADE' }],
    indexes: [], // UNIQUE (category_id, code) leads with the category
  },
  {
    table: 'report_photos',
    from: { column: 'report_id', parent: 'reports' },
    keys: [{ column: 'report_id', parent: 'reports', old: 'report_photos_report_id_fkey', onDelete: 'CASCADE' }],
    indexes: [], // report_photos_report (report_id)
  },
  {
    table: 'report_supporters',
    from: { column: 'report_id', parent: 'reports' },
    keys: [{ column: 'report_id', parent: 'reports', old: 'report_supporters_report_id_fkey', onDelete: 'CASCADE' }],
    indexes: [], // primary key (report_id, supporter_key)
  },
  {
    table: 'report_followers',
    from: { column: 'report_id', parent: 'reports' },
    keys: [{ column: 'report_id', parent: 'reports', old: 'report_followers_report_id_fkey', onDelete: 'CASCADE' }],
    indexes: [], // primary key (report_id, email); unsubscribe_token_hash is unique
  },
  {
    table: 'report_questionnaires',
    from: { column: 'report_id', parent: 'reports' },
    keys: [{ column: 'report_id', parent: 'reports', old: 'report_questionnaires_report_id_fkey', onDelete: 'CASCADE' }],
    indexes: [], // UNIQUE (report_id, email); token_hash is unique
  },
  {
    table: 'report_forwards',
    from: { column: 'report_id', parent: 'reports' },
    keys: [
      { column: 'report_id', parent: 'reports', old: 'report_forwards_report_id_fkey', onDelete: 'CASCADE' },
      { column: 'department_id', parent: 'departments', old: 'report_forwards_department_id_fkey', onDelete: 'CASCADE' },
    ],
    indexes: [['organization_id', 'department_id']],
  },
  {
    table: 'open311_requests',
    from: { column: 'report_id', parent: 'reports' },
    keys: [
      { column: 'report_id', parent: 'reports', old: 'open311_requests_report_id_fkey', onDelete: 'CASCADE' },
      { column: 'api_key_id', parent: 'api_keys', old: 'open311_requests_api_key_id_fkey', onDelete: 'NO ACTION' },
    ],
    indexes: [['organization_id', 'api_key_id']],
  },
  {
    table: 'open311_updates',
    from: { column: 'report_id', parent: 'reports' },
    keys: [
      { column: 'report_id', parent: 'reports', old: 'open311_updates_report_id_fkey', onDelete: 'CASCADE' },
      { column: 'api_key_id', parent: 'api_keys', old: 'open311_updates_api_key_id_fkey', onDelete: 'NO ACTION' },
    ],
    // The primary key (api_key_id, external_id) serves the lookup of a pushed update; reports need their own.
    indexes: [['organization_id', 'report_id']],
  },
  {
    table: 'safety_rating_slots',
    from: { column: 'report_id', parent: 'reports' },
    keys: [
      { column: 'report_id', parent: 'reports', old: 'safety_rating_slots_report_id_fkey', onDelete: 'CASCADE' },
      { column: 'user_id', parent: 'users', old: 'safety_rating_slots_user_id_fkey', onDelete: 'CASCADE' },
    ],
    indexes: [['organization_id', 'user_id']],
  },
];

/** Exported for the migration's test: the tables this migration gives a city. */
export const SCOPED_TABLES = CHILDREN.map((c) => c.table);

/** Where each of those tables takes its city from: for restoring backups written before this migration. */
export const CITY_SOURCES: Record<string, { column: string; parent: string }> = Object.fromEntries(CHILDREN.map((c) => [c.table, c.from]));

function statements(): string[] {
  const out: string[] = [];
  for (const parent of PARENTS) out.push(`ALTER TABLE ${parent} ADD CONSTRAINT ${parent}_id_city_key UNIQUE (id, organization_id)`);
  for (const c of CHILDREN) {
    out.push(`ALTER TABLE ${c.table} ADD COLUMN organization_id integer REFERENCES organizations(id)`);
    out.push(`UPDATE ${c.table} AS t SET organization_id = p.organization_id FROM ${c.from.parent} AS p WHERE p.id = t.${c.from.column}`);
    out.push(`ALTER TABLE ${c.table} ALTER COLUMN organization_id SET NOT NULL`);
    for (const k of c.keys) {
      out.push(
        `ALTER TABLE ${c.table} DROP CONSTRAINT ${k.old}, ADD CONSTRAINT ${c.table}_${k.column}_city_fkey ` +
          `FOREIGN KEY (${k.column}, organization_id) REFERENCES ${k.parent} (id, organization_id) ON DELETE ${k.onDelete}`,
      );
    }
    for (const columns of c.indexes) out.push(`CREATE INDEX ${c.table}_${columns.join('_')} ON ${c.table} (${columns.join(', ')})`);
  }
  // Per-city counts of the Angsträume statistics read this table by city alone.
  out.push('CREATE INDEX angstraum_questionnaires_org ON angstraum_questionnaires (organization_id)');
  return out;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements()) await sql.raw(statement).execute(db);
}
