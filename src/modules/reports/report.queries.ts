import { type Expression, type SqlBool, sql } from 'kysely';
import type { Database, ReportStatus } from '../../db-schema';
import type { Db } from '../../platform/db/connect';
import * as following from '../../platform/engagement/followers.queries';
import * as supporting from '../../platform/engagement/supporters.queries';
import { followerTable, supporterTable } from '../../platform/engagement/tables';

// SQL of the resident-facing part of the reports module (creating, reading, supporting, following).

export function listCategories(db: Db, organizationId: number) {
  return db
    .selectFrom('report_categories')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('name_de')
    .execute();
}

export function findCategory(db: Db, organizationId: number, id: number) {
  return db.selectFrom('report_categories').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function questionsOf(db: Db, organizationId: number, categoryIds: number[]) {
  if (categoryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('category_questions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('category_id', 'in', categoryIds)
    .orderBy('category_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function routingRule(db: Db, organizationId: number, categoryId: number, districtId: number) {
  return db
    .selectFrom('routing_rules')
    .select('department_id')
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .where('district_id', '=', districtId)
    .executeTakeFirst();
}

export function hasCityBoundary(db: Db, organizationId: number) {
  return db.selectFrom('districts').select('id').where('organization_id', '=', organizationId).where('kind', '=', 'stadtgrenze').executeTakeFirst();
}

export function findByIdempotencyKey(db: Db, organizationId: number, key: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'status', 'idempotency_fingerprint'])
    .where('organization_id', '=', organizationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export function insertReport(
  db: Db,
  r: {
    organizationId: number;
    categoryId: number;
    departmentId: number | null;
    districtId: number | null;
    status: ReportStatus;
    lat: number;
    lon: number;
    address: string;
    locationPrecise: boolean;
    description: string;
    answers: unknown;
    userId: number | null;
    reporterName: string;
    reporterEmail: string | null;
    showName: boolean;
    idempotencyKey: string | null;
    idempotencyFingerprint?: string | null;
  },
) {
  return db
    .insertInto('reports')
    .values({
      organization_id: r.organizationId,
      category_id: r.categoryId,
      department_id: r.departmentId,
      district_id: r.districtId,
      status: r.status,
      lat: r.lat,
      lon: r.lon,
      location: sql<string>`point(${r.lon}, ${r.lat})`,
      address: r.address,
      location_precise: r.locationPrecise,
      description: r.description,
      answers: JSON.stringify(r.answers),
      user_id: r.userId,
      reporter_name: r.reporterName,
      reporter_email: r.reporterEmail,
      show_name: r.showName,
      idempotency_key: r.idempotencyKey,
      idempotency_fingerprint: r.idempotencyFingerprint ?? null,
      confirmed_at: r.status === 'unconfirmed' ? null : sql<Date>`now()`,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export function insertPhoto(db: Db, p: { organizationId: number; reportId: number; storageKey: string; width: number; height: number; sort: number }) {
  return db
    .insertInto('report_photos')
    .values({ organization_id: p.organizationId, report_id: p.reportId, storage_key: p.storageKey, width: p.width, height: p.height, sort: p.sort })
    .execute();
}

export function insertEvent(
  db: Db,
  e: {
    organizationId: number;
    reportId: number;
    kind: string;
    public: boolean;
    actorUserId?: number | null;
    fromStatus?: ReportStatus | null;
    toStatus?: ReportStatus | null;
    body?: string;
    data?: unknown;
  },
) {
  return db
    .insertInto('report_events')
    .values({
      organization_id: e.organizationId,
      report_id: e.reportId,
      kind: e.kind,
      public: e.public,
      actor_user_id: e.actorUserId ?? null,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      body: e.body ?? '',
      data: JSON.stringify(e.data ?? {}),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** What a public report shows, from reports r with categories c, districts d and departments dep (report page too). */
export const PUBLIC_REPORT_COLUMNS = [
  'r.id',
  'r.status',
  'r.close_reason',
  'r.close_note',
  'r.duplicate_of',
  'r.lat',
  'r.lon',
  'r.address',
  'r.location_precise',
  'r.description',
  'r.answers',
  'r.reporter_name',
  'r.show_name',
  'r.supporters_count',
  'r.created_at',
  'r.updated_at',
  'r.fixed_at',
  'r.hidden',
  'r.user_id',
  'r.category_id',
  'c.name_de as category_de',
  'c.name_en as category_en',
  'c.kind as category_kind',
  'd.name as district',
  'dep.name as department',
] as const;

/** A public report with its category, district and department names. */
export function publicReport(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('departments as dep', 'dep.id', 'r.department_id')
    .select(PUBLIC_REPORT_COLUMNS)
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** A photo with a public address: its report must be public (publicFilter: an unreviewed Angstraum is not). */
export function photoForServing(db: Db, organizationId: number, photoId: number) {
  return db
    .selectFrom('report_photos as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['p.id', 'p.storage_key', 'p.status'])
    .where(publicFilter(organizationId, {}))
    .where('p.id', '=', photoId)
    .executeTakeFirst();
}

/** The state of a public report its shared page is keyed by (its last change); undefined when it is not public. */
export function publicReportVersion(db: Db, organizationId: number, id: number) {
  return db.selectFrom('reports as r').select('r.updated_at').where(publicFilter(organizationId, {})).where('r.id', '=', id).executeTakeFirst();
}

/** Open, public reports of one category near a point: the duplicate check before sending. */
export function openReportsNear(db: Db, organizationId: number, categoryId: number, box: { minLat: number; maxLat: number; minLon: number; maxLon: number }) {
  // Through publicFilter like every other public listing: nothing unreviewed or hidden shows here either.
  return db
    .selectFrom('reports as r')
    .select(['r.id', 'r.lat', 'r.lon', 'r.description', 'r.address', 'r.status', 'r.supporters_count', 'r.created_at'])
    .where(
      publicFilter(organizationId, { categoryId, status: 'open', bbox: { minLon: box.minLon, minLat: box.minLat, maxLon: box.maxLon, maxLat: box.maxLat } }),
    )
    .orderBy('r.created_at', 'desc')
    .limit(50)
    .execute();
}

export function confirmReport(db: Db, organizationId: number, reportId: number) {
  return db
    .updateTable('reports')
    .set({ status: 'new', confirmed_at: sql`now()`, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', reportId)
    .where('status', '=', 'unconfirmed')
    .returning(['id', 'organization_id', 'department_id', 'reporter_email'])
    .executeTakeFirst();
}

/** Supporters ("me too") and followers of a report, for the platform's engagement SQL (platform/engagement). */
export const SUPPORTERS = supporterTable<Database>()({
  table: 'report_supporters',
  subject: 'report_id',
  key: 'supporter_key',
  user: 'user_id',
  // The reporter is not counted: the number says how many others share the concern.
  counted: { table: 'reports', count: 'supporters_count', owner: 'user_id' },
});
export const FOLLOWERS = followerTable<Database>()({ table: 'report_followers', subject: 'report_id', email: 'email', tokenHash: 'unsubscribe_token_hash' });

/** Counts a supporter once: the primary key decides under any concurrency, the counter moves only on insert; never the reporter. */
export function addSupporter(db: Db, organizationId: number, reportId: number, supporterKey: string, userId: number | null): Promise<supporting.SupportResult> {
  return supporting.addSupporter(db, SUPPORTERS, organizationId, reportId, supporterKey, userId);
}

export function addFollower(db: Db, organizationId: number, reportId: number, email: string, unsubscribeTokenHash: string) {
  return following.addFollower(db, FOLLOWERS, {
    organizationId,
    subjectId: reportId,
    email,
    tokenHash: unsubscribeTokenHash,
    // Followers hear about what happens from now on, not about the history they have already seen.
    extra: {
      last_notified_event_id: sql<number>`coalesce((SELECT max(id) FROM report_events WHERE organization_id = ${organizationId} AND report_id = ${reportId}), 0)`,
    },
  });
}

export function removeFollower(db: Db, organizationId: number, reportId: number, email: string) {
  return following.removeFollower(db, FOLLOWERS, organizationId, reportId, email);
}

export interface ListFilter {
  categoryId?: number | undefined;
  status?: 'open' | 'fixed' | 'closed' | undefined;
  districtId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number } | undefined;
}

/**
 * A public report's first approved photo (its card's thumbnail), for a select over `reports as r`: one index lookup
 * per row (report_photos_report), run after the page's LIMIT. The home page and the list both show it.
 */
export const firstApprovedPhotoId = sql<number | null>`(SELECT p.id FROM report_photos p WHERE p.report_id = r.id
  AND p.organization_id = r.organization_id AND p.status = 'approved' ORDER BY p.id LIMIT 1)`;

/** The filter every public listing shares (list, map, feeds, exports): public reports only. */
export function publicFilter(organizationId: number, f: ListFilter) {
  return (eb: import('kysely').ExpressionBuilder<import('../../db-schema').Database & { r: import('../../db-schema').ReportsTable }, 'r'>) => {
    const parts: Expression<SqlBool>[] = [
      eb('r.organization_id', '=', organizationId),
      eb('r.hidden', '=', false),
      eb('r.status', '!=', 'unconfirmed'),
      // Angsträume are public only after staff reviewed the place and moderated its text.
      sql<SqlBool>`(r.reviewed_at IS NOT NULL OR NOT EXISTS (SELECT 1 FROM report_categories rc WHERE rc.id = r.category_id AND rc.kind = 'angstraum'))`,
    ];
    if (f.categoryId) parts.push(eb('r.category_id', '=', f.categoryId));
    if (f.districtId) parts.push(eb('r.district_id', '=', f.districtId));
    if (f.status === 'open') parts.push(eb('r.status', 'in', ['new', 'confirmed', 'in_progress']));
    if (f.status === 'fixed') parts.push(eb('r.status', '=', 'fixed'));
    if (f.status === 'closed') parts.push(eb('r.status', '=', 'closed'));
    if (f.from) parts.push(eb('r.created_at', '>=', f.from));
    if (f.to) parts.push(eb('r.created_at', '<', f.to));
    if (f.bbox) parts.push(sql<SqlBool>`r.location <@ box(point(${f.bbox.minLon}, ${f.bbox.minLat}), point(${f.bbox.maxLon}, ${f.bbox.maxLat}))`);
    return eb.and(parts);
  };
}

export function listPublicReports(db: Db, organizationId: number, f: ListFilter, page: { limit: number; offset: number }) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.lat',
      'r.lon',
      'r.address',
      'r.description',
      'r.supporters_count',
      'r.created_at',
      'r.updated_at',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'c.kind as category_kind',
      'd.name as district',
    ])
    .where(publicFilter(organizationId, f))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPublicReports(db: Db, organizationId: number, f: ListFilter): Promise<number> {
  const row = await db.selectFrom('reports as r').select(sql<number>`count(*)::int`.as('n')).where(publicFilter(organizationId, f)).executeTakeFirstOrThrow();
  return row.n;
}

export function districtsForFilter(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'kind'])
    .where('organization_id', '=', organizationId)
    .where('kind', '!=', 'stadtgrenze')
    .orderBy('name')
    .execute();
}

export function departmentById(db: Db, organizationId: number, id: number) {
  return db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function insertForward(db: Db, organizationId: number, reportId: number, departmentId: number) {
  return db
    .insertInto('report_forwards')
    .values({ organization_id: organizationId, report_id: reportId, department_id: departmentId })
    .onConflict((oc) => oc.columns(['report_id', 'department_id']).doNothing())
    .execute();
}

/** The middle of the city's boundary: the stand-in point for reports whose place was only described. */
export async function cityCentre(db: Db, organizationId: number): Promise<{ lat: number; lon: number } | null> {
  const row = await db
    .selectFrom('districts')
    .select([sql<number>`(min(min_lat) + max(max_lat)) / 2`.as('lat'), sql<number>`(min(min_lon) + max(max_lon)) / 2`.as('lon')])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'stadtgrenze')
    .executeTakeFirst();
  return row && row.lat !== null && row.lon !== null ? { lat: Number(row.lat), lon: Number(row.lon) } : null;
}

export function peekReportToken(db: Db, organizationId: number, tokenHash: string) {
  return db
    .selectFrom('login_tokens')
    .select(['email'])
    .where('token_hash', '=', tokenHash)
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', 'report_confirm')
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** What the department mail and the reporter's follow need of a report that just went public. */
export function publicationDetails(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('reports')
    .select(['reporter_email', 'department_id', 'description', 'address', 'lat', 'lon'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
}

/** The confirmed address's account becomes the report's owner. */
export function setReportUser(db: Db, organizationId: number, reportId: number, userId: number) {
  return db.updateTable('reports').set({ user_id: userId }).where('organization_id', '=', organizationId).where('id', '=', reportId).execute();
}

/** Which of these photo storage keys any report of any city uses: the file storage is shared by every city. */
export async function storedPhotoKeys(db: Db, storageKeys: string[]): Promise<Set<string>> {
  if (storageKeys.length === 0) return new Set();
  const rows = await db.selectFrom('report_photos').select('storage_key').where('storage_key', 'in', storageKeys).execute();
  return new Set(rows.map((r) => r.storage_key));
}
