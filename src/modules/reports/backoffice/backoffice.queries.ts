import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { CategoryKind, CloseReason, Database, QuestionDatatype, ReportStatus, ReportsTable } from '../../../db-schema';
import type { Db, Trx } from '../../../platform/db/connect';
import { likePattern } from '../../../platform/db/like-pattern';

// Every SQL statement of the back office for reports. Rows are returned as plain objects; ids are int4.

export type AgeFilter = 'lt1' | 'lt7' | 'gt7' | 'gt30';
export type StatusFilter = ReportStatus | 'open' | 'all';

export interface InboxFilter {
  status: StatusFilter;
  categoryId?: number | undefined;
  districtId?: number | undefined;
  /** A department id, or 'none' for reports no department holds. */
  departmentId?: number | 'none' | undefined;
  text?: string | undefined;
  age?: AgeFilter | undefined;
}

type R = ExpressionBuilder<Database & { r: ReportsTable }, 'r'>;

/** departmentIds null: every report of the city; otherwise only these departments' reports. */
function inboxWhere(organizationId: number, departmentIds: number[] | null, f: InboxFilter, withStatus: boolean) {
  return (eb: R) => {
    const parts: Expression<SqlBool>[] = [eb('r.organization_id', '=', organizationId)];
    if (departmentIds !== null) {
      parts.push(departmentIds.length > 0 ? eb('r.department_id', 'in', departmentIds) : sql<SqlBool>`false`);
    }
    if (withStatus) {
      if (f.status === 'open') parts.push(eb('r.status', 'in', ['new', 'confirmed', 'in_progress']));
      else if (f.status !== 'all') parts.push(eb('r.status', '=', f.status));
    }
    if (f.categoryId) parts.push(eb('r.category_id', '=', f.categoryId));
    if (f.districtId) parts.push(eb('r.district_id', '=', f.districtId));
    if (f.departmentId === 'none') parts.push(eb('r.department_id', 'is', null));
    else if (f.departmentId) parts.push(eb('r.department_id', '=', f.departmentId));
    if (f.text) parts.push(eb('r.description', 'ilike', likePattern(f.text)));
    if (f.age === 'lt1') parts.push(sql<SqlBool>`r.created_at > now() - interval '1 day'`);
    if (f.age === 'lt7') parts.push(sql<SqlBool>`r.created_at > now() - interval '7 days'`);
    if (f.age === 'gt7') parts.push(sql<SqlBool>`r.created_at <= now() - interval '7 days'`);
    if (f.age === 'gt30') parts.push(sql<SqlBool>`r.created_at <= now() - interval '30 days'`);
    return eb.and(parts);
  };
}

export function listInbox(
  db: Db,
  organizationId: number,
  departmentIds: number[] | null,
  f: InboxFilter,
  page: { limit: number; offset: number; newestFirst: boolean },
) {
  const dir = page.newestFirst ? 'desc' : 'asc';
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('departments as dep', 'dep.id', 'r.department_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.description',
      'r.address',
      'r.supporters_count',
      'r.created_at',
      'r.updated_at',
      'r.department_id',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'd.name as district',
      'dep.name as department',
    ])
    .where(inboxWhere(organizationId, departmentIds, f, true))
    .orderBy('r.created_at', dir)
    .orderBy('r.id', dir)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countInbox(db: Db, organizationId: number, departmentIds: number[] | null, f: InboxFilter): Promise<number> {
  const row = await db
    .selectFrom('reports as r')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(inboxWhere(organizationId, departmentIds, f, true))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts per status under all other filters: the tabs above the inbox. */
export async function statusCounts(db: Db, organizationId: number, departmentIds: number[] | null, f: InboxFilter): Promise<Record<ReportStatus, number>> {
  const rows = await db
    .selectFrom('reports as r')
    .select(['r.status', sql<number>`count(*)::int`.as('n')])
    .where(inboxWhere(organizationId, departmentIds, f, false))
    .groupBy('r.status')
    .execute();
  const counts: Record<ReportStatus, number> = { unconfirmed: 0, new: 0, confirmed: 0, in_progress: 0, fixed: 0, closed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Everything about one report, private contact data included: for the back office only. */
export function reportForStaff(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('departments as dep', 'dep.id', 'r.department_id')
    .selectAll('r')
    .select(['c.name_de as category_de', 'c.name_en as category_en', 'c.kind as category_kind', 'd.name as district', 'dep.name as department'])
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The report row, locked until the transaction ends: every change to a report goes through this. */
export function lockReport(trx: Trx, organizationId: number, id: number) {
  return trx
    .selectFrom('reports')
    .select(['id', 'organization_id', 'status', 'close_reason', 'department_id', 'category_id', 'duplicate_of', 'hidden'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateReport(
  trx: Db,
  organizationId: number,
  id: number,
  patch: Partial<{
    status: ReportStatus;
    close_reason: CloseReason | null;
    close_note: string | null;
    duplicate_of: number | null;
    category_id: number;
    department_id: number | null;
    fixed: 'set' | 'clear';
  }>,
) {
  const { fixed, ...rest } = patch;
  return trx
    .updateTable('reports')
    .set({
      ...rest,
      ...(fixed === 'set' ? { fixed_at: sql<Date>`now()` } : fixed === 'clear' ? { fixed_at: null } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** A report staff set from unconfirmed to new counts as confirmed from now on. */
export function markConfirmed(trx: Db, organizationId: number, id: number) {
  return trx.updateTable('reports').set({ confirmed_at: sql<Date>`now()` }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export function allPhotos(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('report_photos as p')
    .select(['p.id', 'p.storage_key', 'p.width', 'p.height', 'p.status', 'p.redacted_from', 'p.sort', 'p.created_at'])
    .select(sql<boolean>`exists (SELECT 1 FROM report_photos x WHERE x.redacted_from = p.id)`.as('has_redacted_copy'))
    .where('p.organization_id', '=', organizationId)
    .where('p.report_id', '=', reportId)
    .orderBy('p.sort')
    .orderBy('p.id')
    .execute();
}

/** One photo with what the permission check needs about its report. */
export function photoForStaff(db: Db, organizationId: number, photoId: number) {
  return db
    .selectFrom('report_photos as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['p.id', 'p.report_id', 'p.storage_key', 'p.width', 'p.height', 'p.status', 'p.redacted_from', 'p.sort', 'r.department_id'])
    .select(sql<boolean>`exists (SELECT 1 FROM report_photos x WHERE x.redacted_from = p.id)`.as('has_redacted_copy'))
    .where('r.organization_id', '=', organizationId)
    .where('p.id', '=', photoId)
    .executeTakeFirst();
}

export function lockPhoto(trx: Trx, organizationId: number, reportId: number, photoId: number) {
  return trx
    .selectFrom('report_photos as p')
    .select(['p.id', 'p.storage_key', 'p.width', 'p.height', 'p.status', 'p.redacted_from', 'p.sort'])
    .select(sql<boolean>`exists (SELECT 1 FROM report_photos x WHERE x.redacted_from = p.id)`.as('has_redacted_copy'))
    .where('p.organization_id', '=', organizationId)
    .where('p.report_id', '=', reportId)
    .where('p.id', '=', photoId)
    .forUpdate()
    .executeTakeFirst();
}

export function setPhotoStatus(trx: Db, organizationId: number, photoId: number, status: 'approved' | 'hidden') {
  return trx.updateTable('report_photos').set({ status }).where('organization_id', '=', organizationId).where('id', '=', photoId).execute();
}

export function insertRedactedPhoto(
  trx: Db,
  p: { organizationId: number; reportId: number; storageKey: string; width: number; height: number; sort: number; redactedFrom: number },
) {
  return trx
    .insertInto('report_photos')
    .values({
      organization_id: p.organizationId,
      report_id: p.reportId,
      storage_key: p.storageKey,
      width: p.width,
      height: p.height,
      sort: p.sort,
      redacted_from: p.redactedFrom,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** The whole history, public and internal, with who did it. */
export function fullTimeline(db: Db, organizationId: number, reportId: number) {
  return db
    .selectFrom('report_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.kind',
      'e.public',
      'e.from_status',
      'e.to_status',
      'e.body',
      'e.data',
      'e.created_at',
      'u.display_name as actor_name',
      'u.email as actor_email',
    ])
    .where('e.organization_id', '=', organizationId)
    .where('e.report_id', '=', reportId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

// Duplicates ------------------------------------------------------------------------------------------------

/** Locks two reports in id order, so two staff merging in opposite directions cannot deadlock. */
export async function lockPair(trx: Trx, organizationId: number, a: number, b: number) {
  const rows = await trx
    .selectFrom('reports')
    .select(['id', 'status', 'close_reason', 'department_id', 'duplicate_of'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [a, b])
    .orderBy('id')
    .forUpdate()
    .execute();
  return { first: rows.find((r) => r.id === a), second: rows.find((r) => r.id === b) };
}

/** Supporters of one report become supporters of another; someone supporting both counts once. */
export async function moveSupporters(trx: Db, organizationId: number, fromId: number, toId: number): Promise<void> {
  const moved = await trx
    .deleteFrom('report_supporters')
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', fromId)
    .returning(['supporter_key', 'user_id', 'created_at'])
    .execute();
  if (moved.length > 0) {
    await trx
      .insertInto('report_supporters')
      .values(
        moved.map((s) => ({ organization_id: organizationId, report_id: toId, supporter_key: s.supporter_key, user_id: s.user_id, created_at: s.created_at })),
      )
      .onConflict((oc) => oc.columns(['report_id', 'supporter_key']).doNothing())
      .execute();
  }
  await recountSupporters(trx, organizationId, fromId);
  await recountSupporters(trx, organizationId, toId);
}

/** The counter residents see is the number of rows, set in the same transaction that changed them. */
export function recountSupporters(trx: Db, organizationId: number, reportId: number) {
  return trx
    .updateTable('reports')
    .set({ supporters_count: sql<number>`(SELECT count(*)::int FROM report_supporters WHERE organization_id = ${organizationId} AND report_id = ${reportId})` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', reportId)
    .execute();
}

/**
 * Followers move with their unsubscribe links unchanged. On the original they start after its newest event:
 * they hear what happens from now on, not its whole past.
 */
export async function moveFollowers(trx: Db, organizationId: number, fromId: number, toId: number): Promise<void> {
  const moved = await trx
    .deleteFrom('report_followers')
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', fromId)
    .returning(['email', 'unsubscribe_token_hash', 'created_at'])
    .execute();
  if (moved.length === 0) return;
  const last = await trx
    .selectFrom('report_events')
    .select(sql<number>`coalesce(max(id), 0)::int`.as('id'))
    .where('organization_id', '=', organizationId)
    .where('report_id', '=', toId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_followers')
    .values(
      moved.map((f) => ({
        organization_id: organizationId,
        report_id: toId,
        email: f.email,
        unsubscribe_token_hash: f.unsubscribe_token_hash,
        created_at: f.created_at,
        last_notified_event_id: Number(last.id),
      })),
    )
    .onConflict((oc) => oc.columns(['report_id', 'email']).doNothing())
    .execute();
}

// Lookups for forms -----------------------------------------------------------------------------------------

export function allCategories(db: Db, organizationId: number) {
  return db.selectFrom('report_categories').selectAll().where('organization_id', '=', organizationId).orderBy('sort').orderBy('name_de').execute();
}

export function findCategory(db: Db, organizationId: number, id: number) {
  return db.selectFrom('report_categories').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function findCategoryByCode(db: Db, organizationId: number, code: string) {
  return db.selectFrom('report_categories').select('id').where('organization_id', '=', organizationId).where('code', '=', code).executeTakeFirst();
}

export function departments(db: Db, organizationId: number) {
  return db
    .selectFrom('departments')
    .select([
      'id',
      'name',
      'email',
      'open311_endpoint',
      'open311_enabled',
      sql<boolean>`open311_api_key IS NOT NULL AND open311_api_key <> ''`.as('has_api_key'),
    ])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export function findDepartment(db: Db, organizationId: number, id: number) {
  return db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function updateOpen311(db: Db, organizationId: number, id: number, s: { endpoint: string | null; apiKey?: string | null; enabled: boolean }) {
  return db
    .updateTable('departments')
    .set({ open311_endpoint: s.endpoint, open311_enabled: s.enabled, ...(s.apiKey !== undefined ? { open311_api_key: s.apiKey } : {}) })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export function districts(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'kind'])
    .where('organization_id', '=', organizationId)
    .where('kind', '!=', 'stadtgrenze')
    .orderBy('name')
    .execute();
}

export function findDistrict(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('kind', '!=', 'stadtgrenze')
    .executeTakeFirst();
}

export function actorAudit(db: Db, a: { organizationId: number; actorUserId: number; action: string; subject: string; details?: unknown }) {
  return db
    .insertInto('audit_log')
    .values({ organization_id: a.organizationId, actor_user_id: a.actorUserId, action: a.action, subject: a.subject, details: JSON.stringify(a.details ?? {}) })
    .execute();
}

// Response templates ----------------------------------------------------------------------------------------

export function listTemplates(db: Db, organizationId: number) {
  return db.selectFrom('response_templates').selectAll().where('organization_id', '=', organizationId).orderBy('title').execute();
}

export function findTemplate(db: Db, organizationId: number, id: number) {
  return db.selectFrom('response_templates').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function findTemplateByTitle(db: Db, organizationId: number, title: string) {
  return db.selectFrom('response_templates').select('id').where('organization_id', '=', organizationId).where('title', '=', title).executeTakeFirst();
}

export function insertTemplate(db: Db, organizationId: number, t: { title: string; body: string }) {
  return db
    .insertInto('response_templates')
    .values({ organization_id: organizationId, ...t })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateTemplate(db: Db, organizationId: number, id: number, t: { title: string; body: string }) {
  return db.updateTable('response_templates').set(t).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function deleteTemplate(db: Db, organizationId: number, id: number) {
  return db.deleteFrom('response_templates').where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

// Categories, questions, routing rules ---------------------------------------------------------------------

export interface CategoryInput {
  code: string;
  kind: CategoryKind;
  name_de: string;
  name_en: string;
  description_de: string;
  description_en: string;
  department_id: number | null;
  questionnaire_weeks: number;
  active: boolean;
  sort: number;
}

export function insertCategory(db: Db, organizationId: number, c: CategoryInput) {
  return db
    .insertInto('report_categories')
    .values({ organization_id: organizationId, ...c })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateCategory(db: Db, organizationId: number, id: number, c: CategoryInput) {
  return db.updateTable('report_categories').set(c).where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

export function reportCountsByCategory(db: Db, organizationId: number) {
  return db
    .selectFrom('reports')
    .select(['category_id', sql<number>`count(*)::int`.as('n')])
    .where('organization_id', '=', organizationId)
    .groupBy('category_id')
    .execute();
}

export function questions(db: Db, organizationId: number, categoryId: number) {
  return db
    .selectFrom('category_questions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function findQuestion(db: Db, organizationId: number, categoryId: number, id: number) {
  return db
    .selectFrom('category_questions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface QuestionInput {
  code: string;
  datatype: QuestionDatatype;
  label_de: string;
  label_en: string;
  required: boolean;
  sort: number;
  options: Array<{ key: string; de: string; en: string }>;
}

export function insertQuestion(db: Db, organizationId: number, categoryId: number, q: QuestionInput) {
  return db
    .insertInto('category_questions')
    .values({ organization_id: organizationId, category_id: categoryId, ...q, options: JSON.stringify(q.options) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateQuestion(db: Db, organizationId: number, categoryId: number, id: number, q: QuestionInput) {
  return db
    .updateTable('category_questions')
    .set({ ...q, options: JSON.stringify(q.options) })
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function deleteQuestion(db: Db, organizationId: number, categoryId: number, id: number) {
  return db
    .deleteFrom('category_questions')
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findQuestionByCode(db: Db, organizationId: number, categoryId: number, code: string) {
  return db
    .selectFrom('category_questions')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function routingRules(db: Db, organizationId: number, categoryId: number) {
  return db
    .selectFrom('routing_rules as rr')
    .innerJoin('districts as d', 'd.id', 'rr.district_id')
    .innerJoin('departments as dep', 'dep.id', 'rr.department_id')
    .select(['rr.id', 'rr.district_id', 'rr.department_id', 'd.name as district', 'dep.name as department'])
    .where('rr.organization_id', '=', organizationId)
    .where('rr.category_id', '=', categoryId)
    .orderBy('d.name')
    .execute();
}

/** One rule per category and district: saving again replaces the department. */
export function upsertRoutingRule(db: Db, organizationId: number, r: { categoryId: number; districtId: number; departmentId: number }) {
  return db
    .insertInto('routing_rules')
    .values({ organization_id: organizationId, category_id: r.categoryId, district_id: r.districtId, department_id: r.departmentId })
    .onConflict((oc) => oc.columns(['category_id', 'district_id']).doUpdateSet({ department_id: r.departmentId }))
    .execute();
}

export function deleteRoutingRule(db: Db, organizationId: number, categoryId: number, id: number) {
  return db
    .deleteFrom('routing_rules')
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .where('id', '=', id)
    .executeTakeFirst();
}
