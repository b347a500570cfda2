import { sql } from 'kysely';
import { DEFAULT_QUESTIONNAIRE_WEEKS } from '../../src/modules/angstraeume/angstraum';
import type { Db } from '../../src/platform/db/connect';
import { type Area, bboxOf, readArea } from '../../src/platform/geo/geojson';
import type { City, CityCategory } from './synthesize';

// Reads the city the demo seed created (or a city imported for real) into the shape the generator works with,
// and adds the staff the timelines need as actors.

const STAFF_PER_DEPARTMENT = 4;
const MODERATORS = 3;

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export async function loadCity(db: Db, organizationId: number): Promise<City> {
  const [categories, questions, departments, districts, routing, settings] = await Promise.all([
    db
      .selectFrom('report_categories')
      .select(['id', 'code', 'kind', 'name_de', 'name_en', 'department_id', 'questionnaire_weeks'])
      .where('organization_id', '=', organizationId)
      .where('active', '=', true)
      .orderBy('sort')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('category_questions as q')
      .innerJoin('report_categories as c', 'c.id', 'q.category_id')
      .select(['q.category_id', 'q.code', 'q.datatype', 'q.required', 'q.options'])
      .where('c.organization_id', '=', organizationId)
      .orderBy('q.sort')
      .orderBy('q.id')
      .execute(),
    db.selectFrom('departments').select(['id', 'name']).where('organization_id', '=', organizationId).orderBy('id').execute(),
    db.selectFrom('districts').select(['id', 'kind', 'name', 'geometry']).where('organization_id', '=', organizationId).orderBy('id').execute(),
    db.selectFrom('routing_rules').select(['category_id', 'district_id', 'department_id']).where('organization_id', '=', organizationId).execute(),
    db.selectFrom('angstraum_settings').select('questionnaire_weeks').where('organization_id', '=', organizationId).executeTakeFirst(),
  ]);
  if (categories.length === 0) throw new Error('The city has no active report categories');
  const boundaries = districts.filter((d) => d.kind === 'stadtgrenze');
  if (boundaries.length === 0) throw new Error('The city has no boundary (a district of kind "stadtgrenze")');
  const boundary: Area = { type: 'MultiPolygon', coordinates: boundaries.flatMap((d) => readArea(json(d.geometry)).coordinates) };
  const box = bboxOf(boundary);
  const cats: CityCategory[] = categories.map((c) => ({
    ...c,
    questions: questions
      .filter((q) => q.category_id === c.id)
      .map((q) => ({ code: q.code, datatype: q.datatype, required: q.required, options: (json(q.options) ?? []) as Array<{ key: string }> })),
  }));
  return {
    organizationId,
    categories: cats,
    departments,
    staffByDepartment: new Map(),
    moderators: [],
    districts: districts
      .filter((d) => d.kind !== 'stadtgrenze')
      .map((d) => {
        const area = readArea(json(d.geometry));
        return { id: d.id, kind: d.kind, name: d.name, area, bbox: bboxOf(area) };
      }),
    boundary,
    centre: { lat: (box.minLat + box.maxLat) / 2, lon: (box.minLon + box.maxLon) / 2 },
    routing: new Map(routing.map((r) => [`${r.category_id}:${r.district_id}`, r.department_id])),
    angstraumWeeks: settings?.questionnaire_weeks ?? DEFAULT_QUESTIONNAIRE_WEEKS,
  };
}

/**
 * Staff who act in the timelines: a few per department and some moderators, found again on a second run. They
 * have no password, so nobody can sign in as them; `kuemmerer create-staff` makes a real account.
 */
export async function addBenchStaff(db: Db, city: City): Promise<void> {
  const org = city.organizationId;
  const wanted = [
    ...city.departments.flatMap((d) =>
      Array.from({ length: STAFF_PER_DEPARTMENT }, (_, k) => ({
        email: `bench-amt${d.id}-${k + 1}@dortmund.example`,
        name: `${d.name} ${k + 1}`,
        role: 'department_staff' as const,
        department: d.id,
      })),
    ),
    ...Array.from({ length: MODERATORS }, (_, k) => ({
      email: `bench-moderation-${k + 1}@dortmund.example`,
      name: `Moderation ${k + 1}`,
      role: 'moderator' as const,
      department: null,
    })),
  ];
  await db
    .insertInto('users')
    .values(wanted.map((w) => ({ organization_id: org, email: w.email, display_name: w.name, role: w.role })))
    .onConflict((oc) => oc.columns(['organization_id', 'email']).doNothing())
    .execute();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('organization_id', '=', org)
    .where(
      'email',
      'in',
      wanted.map((w) => w.email),
    )
    .execute();
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  const links = wanted.filter((w) => w.department !== null).map((w) => ({ organization_id: org, user_id: idOf.get(w.email)!, department_id: w.department! }));
  if (links.length > 0)
    await db
      .insertInto('staff_departments')
      .values(links)
      .onConflict((oc) => oc.doNothing())
      .execute();
  for (const w of wanted) {
    const id = idOf.get(w.email)!;
    if (w.department === null) city.moderators.push(id);
    else city.staffByDepartment.set(w.department, [...(city.staffByDepartment.get(w.department) ?? []), id]);
  }
  // Admins (the demo's) moderate too.
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', org)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute();
  city.moderators.push(...admins.map((a) => a.id));
}

/** Table sizes with indexes and TOAST, largest first: what the benchmark database weighs. */
export async function tableSizes(db: Db): Promise<Array<{ table: string; rows: number; size: string; bytes: number }>> {
  const tables = [
    'reports',
    'report_events',
    'report_supporters',
    'report_followers',
    'report_questionnaires',
    'report_photos',
    'users',
    'safety_ratings',
    'safety_rating_slots',
    'angstraum_questionnaires',
  ];
  const out: Array<{ table: string; rows: number; size: string; bytes: number }> = [];
  for (const table of tables) {
    const r = await sql<{ rows: number; bytes: number; size: string }>`
      SELECT (SELECT count(*) FROM ${sql.table(table)})::int AS rows, pg_total_relation_size(${table}::regclass)::float8 AS bytes,
        pg_size_pretty(pg_total_relation_size(${table}::regclass)) AS size`.execute(db);
    const row = r.rows[0]!;
    out.push({ table, rows: Number(row.rows), size: row.size, bytes: Number(row.bytes) });
  }
  return out.sort((a, b) => b.bytes - a.bytes);
}
