import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect';
import type { Area, Bbox } from '../../platform/geo/geojson';

// Every SQL statement of the organizations module.

export function findOrganizationByHost(db: Db, host: string) {
  return db.selectFrom('organizations').selectAll().where(sql<boolean>`${host} = ANY(hosts)`).executeTakeFirst();
}

export function findOrganizationBySlug(db: Db, slug: string) {
  return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function insertOrganization(db: Db, org: { slug: string; name: string; hosts: string[]; contact_email: string }) {
  return db.insertInto('organizations').values(org).returningAll().executeTakeFirstOrThrow();
}

export function listDistricts(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'kind', 'name', 'code', 'source', 'created_at', 'min_lon', 'min_lat', 'max_lon', 'max_lat'])
    .where('organization_id', '=', organizationId)
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

/** The city's Stadtbezirke by name: the choice of district in other modules' forms and filters. */
export function listStadtbezirke(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'stadtbezirk')
    .orderBy('name')
    .execute();
}

/** Candidates for a point: the bounding-box filter narrows the exact polygon test done in TypeScript. */
export function districtsAround(db: Db, organizationId: number, lon: number, lat: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'kind', 'name', 'code', 'geometry'])
    .where('organization_id', '=', organizationId)
    .where('min_lon', '<=', lon)
    .where('max_lon', '>=', lon)
    .where('min_lat', '<=', lat)
    .where('max_lat', '>=', lat)
    .execute();
}

export function upsertDistrict(db: Db, d: { organizationId: number; kind: string; name: string; code: string | null; area: Area; bbox: Bbox; source: string }) {
  const values = {
    geometry: JSON.stringify(d.area),
    code: d.code,
    min_lon: d.bbox.minLon,
    min_lat: d.bbox.minLat,
    max_lon: d.bbox.maxLon,
    max_lat: d.bbox.maxLat,
    source: d.source,
  };
  return db
    .insertInto('districts')
    .values({ organization_id: d.organizationId, kind: d.kind, name: d.name, ...values })
    .onConflict((oc) => oc.columns(['organization_id', 'kind', 'name']).doUpdateSet(values))
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function deleteDistrict(db: Db, organizationId: number, id: number) {
  return db.deleteFrom('districts').where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function listDepartments(db: Db, organizationId: number) {
  return db
    .selectFrom('departments as d')
    .select(['d.id', 'd.name', 'd.email'])
    .select((eb) =>
      eb.selectFrom('staff_departments as sd').whereRef('sd.department_id', '=', 'd.id').select(sql<number>`count(*)::int`.as('n')).as('staff_count'),
    )
    .where('d.organization_id', '=', organizationId)
    .orderBy('d.name')
    .execute();
}

export function findDepartment(db: Db, organizationId: number, id: number) {
  return db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function findDepartmentByName(db: Db, organizationId: number, name: string) {
  return db
    .selectFrom('departments')
    .select(['id'])
    .where('organization_id', '=', organizationId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export function insertDepartment(db: Db, organizationId: number, d: { name: string; email: string }) {
  return db
    .insertInto('departments')
    .values({ organization_id: organizationId, ...d })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function updateDepartment(db: Db, organizationId: number, id: number, d: { name: string; email: string }) {
  return db.updateTable('departments').set(d).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function deleteDepartment(db: Db, organizationId: number, id: number) {
  return db.deleteFrom('departments').where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function getLegalPage(db: Db, organizationId: number, slug: string, locale: string) {
  return db
    .selectFrom('legal_pages')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug as 'impressum')
    .where('locale', 'in', [locale, 'de'])
    .orderBy(sql`locale = ${locale}`, 'desc')
    .executeTakeFirst();
}

export function upsertLegalPage(
  db: Db,
  p: { organizationId: number; slug: 'impressum' | 'datenschutz' | 'barrierefreiheit'; locale: string; title: string; body: string; updatedBy: number | null },
) {
  return db
    .insertInto('legal_pages')
    .values({ organization_id: p.organizationId, slug: p.slug, locale: p.locale, title: p.title, body: p.body, updated_by: p.updatedBy })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'slug', 'locale']).doUpdateSet({ title: p.title, body: p.body, updated_by: p.updatedBy, updated_at: sql`now()` }),
    )
    .execute();
}

export function insertAccessibilityFeedback(db: Db, f: { organizationId: number; pageUrl: string; message: string; email: string | null }) {
  return db
    .insertInto('accessibility_feedback')
    .values({ organization_id: f.organizationId, page_url: f.pageUrl, message: f.message, email: f.email })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function listAccessibilityFeedback(db: Db, organizationId: number) {
  return db.selectFrom('accessibility_feedback').selectAll().where('organization_id', '=', organizationId).orderBy('id', 'desc').limit(200).execute();
}

export function insertAudit(db: Db, a: { organizationId: number; actorUserId: number | null; action: string; subject: string; details?: unknown }) {
  return db
    .insertInto('audit_log')
    .values({ organization_id: a.organizationId, actor_user_id: a.actorUserId, action: a.action, subject: a.subject, details: JSON.stringify(a.details ?? {}) })
    .execute();
}
