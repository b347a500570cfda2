import { sql } from 'kysely';
import type { CloseReason, ReportStatus } from '../../db-schema';
import type { Db, Trx } from '../../platform/db/connect';
import { type ListFilter, publicFilter } from '../reports';

// Every SQL statement of the Open311 module. Reads of reports go through the reports module's publicFilter,
// so "public" means the same here as on the website.

// ---------------------------------------------------------------------------------------------------------
// API keys

export function insertApiKey(
  db: Db,
  k: {
    organizationId: number;
    name: string;
    keyHash: string;
    keyPrefix: string;
    ratePerMinute: number;
    userId: number;
    createdBy: number | null;
  },
) {
  return db
    .insertInto('api_keys')
    .values({
      organization_id: k.organizationId,
      name: k.name,
      key_hash: k.keyHash,
      key_prefix: k.keyPrefix,
      rate_per_minute: k.ratePerMinute,
      user_id: k.userId,
      created_by: k.createdBy,
    })
    .returning(['id', 'name', 'key_prefix', 'rate_per_minute', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function insertServiceUser(db: Db, organizationId: number, email: string, displayName: string) {
  return db
    .insertInto('users')
    .values({ organization_id: organizationId, email, display_name: displayName, role: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function listApiKeys(db: Db, organizationId: number) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'name', 'key_prefix', 'rate_per_minute', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function revokeApiKey(db: Db, organizationId: number, id: number) {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'user_id'])
    .executeTakeFirst();
}

export function disableUser(db: Db, organizationId: number, userId: number) {
  return db.updateTable('users').set({ disabled_at: sql<Date>`now()` }).where('organization_id', '=', organizationId).where('id', '=', userId).execute();
}

export function activeKeyByHash(db: Db, organizationId: number, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'name', 'rate_per_minute', 'user_id'])
    .where('organization_id', '=', organizationId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** At most one write a minute per key, however busy it is. */
export function touchApiKey(db: Db, organizationId: number, id: number) {
  return db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Services

export function activeCategories(db: Db, organizationId: number) {
  return db
    .selectFrom('report_categories')
    .select(['id', 'code', 'kind', 'name_de', 'name_en', 'description_de', 'description_en'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('category_questions as cq')
            .select('cq.id')
            .where('cq.organization_id', '=', organizationId)
            .whereRef('cq.category_id', '=', 'report_categories.id'),
        )
        .as('has_questions'),
    )
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('name_de')
    .execute();
}

export function activeCategoryByCode(db: Db, organizationId: number, code: string) {
  return db
    .selectFrom('report_categories')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
}

export function questionRows(db: Db, organizationId: number, categoryId: number) {
  return db
    .selectFrom('category_questions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('category_id', '=', categoryId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Requests (public reports)

export interface RequestFilter extends ListFilter {
  ids?: number[] | undefined;
  categoryCodes?: string[] | undefined;
  statuses?: Array<'open' | 'closed'> | undefined;
}

/** Public reports with everything a service request shows; never the reporter's contact data. */
export function publicRequests(db: Db, organizationId: number, f: RequestFilter, page: { limit: number; offset: number }) {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('departments as dep', 'dep.id', 'r.department_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.duplicate_of',
      'r.lat',
      'r.lon',
      'r.address',
      'r.location_precise',
      'r.description',
      'r.answers',
      'r.supporters_count',
      'r.created_at',
      'r.updated_at',
      'r.show_name',
      'r.reporter_name',
      'r.category_id',
      'c.code as category_code',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'c.kind as category_kind',
      'd.name as district',
      'dep.name as department',
    ])
    .where(publicFilter(organizationId, f));
  if (f.ids) query = query.where('r.id', 'in', f.ids.length > 0 ? f.ids : [0]);
  if (f.categoryCodes) query = query.where('c.code', 'in', f.categoryCodes.length > 0 ? f.categoryCodes : ['']);
  if (f.statuses && f.statuses.length === 1) {
    query = f.statuses[0] === 'open' ? query.where('r.status', 'in', ['new', 'confirmed', 'in_progress']) : query.where('r.status', 'in', ['fixed', 'closed']);
  }
  return query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export type PublicRequestRow = Awaited<ReturnType<typeof publicRequests>>[number];

/** Approved photos of several reports: one query for a whole page. */
export function approvedPhotosOf(db: Db, organizationId: number, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_photos')
    .select(['id', 'report_id', 'width', 'height', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .where('status', '=', 'approved')
    .orderBy('report_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/** Public events of several reports (the public timeline), oldest first. */
export function publicEventsOf(db: Db, organizationId: number, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('report_events')
    .select(['id', 'report_id', 'kind', 'from_status', 'to_status', 'body', 'data', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('report_id', 'in', reportIds)
    .where('public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function questionsOfCategories(db: Db, organizationId: number, categoryIds: number[]) {
  if (categoryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('category_questions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('category_id', 'in', categoryIds)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

/** Public events of public reports in a time window: the updates feed other systems pull. */
export function publicUpdates(db: Db, organizationId: number, window: { from: Date; to: Date | null }, page: { limit: number; offset: number }) {
  let query = db
    .selectFrom('report_events as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select(['e.id', 'e.report_id', 'e.kind', 'e.from_status', 'e.to_status', 'e.body', 'e.data', 'e.created_at', 'r.status', 'r.close_reason'])
    // The status the report had right after this event: the latest status change up to it.
    .select((eb) =>
      eb
        .selectFrom('report_events as s')
        .select(sql<string>`s.to_status || coalesce(':' || (s.data->>'closeReason'), '')`.as('state'))
        .whereRef('s.report_id', '=', 'e.report_id')
        .where('s.to_status', 'is not', null)
        .whereRef('s.id', '<=', 'e.id')
        .orderBy('s.id', 'desc')
        .limit(1)
        .as('state_then'),
    )
    .where('e.organization_id', '=', organizationId)
    .where('e.public', '=', true)
    .where('r.organization_id', '=', organizationId)
    // Public means what the website means (publicFilter), including any review gate a report kind has.
    .where('e.report_id', 'in', (eb) => eb.selectFrom('reports as r').select('r.id').where(publicFilter(organizationId, {})))
    .where('e.created_at', '>=', window.from);
  if (window.to) query = query.where('e.created_at', '<', window.to);
  return query.orderBy('e.created_at').orderBy('e.id').limit(page.limit).offset(page.offset).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export function recordApiRequest(
  db: Db,
  r: {
    organizationId: number;
    reportId: number;
    apiKeyId: number;
    mediaUrl: string | null;
    deviceId: string | null;
    accountId: string | null;
  },
) {
  return db
    .insertInto('open311_requests')
    .values({
      organization_id: r.organizationId,
      report_id: r.reportId,
      api_key_id: r.apiKeyId,
      media_url: r.mediaUrl,
      device_id: r.deviceId,
      account_id: r.accountId,
    })
    .onConflict((oc) => oc.column('report_id').doNothing())
    .execute();
}

/** What createReport does not take from a form: the phone number, and no address when none was given. */
export function setReporterContact(db: Db, organizationId: number, reportId: number, c: { phone: string | null; email: string | null }) {
  return db
    .updateTable('reports')
    .set({ reporter_phone: c.phone, reporter_email: c.email })
    .where('organization_id', '=', organizationId)
    .where('id', '=', reportId)
    .execute();
}

export function reportForUpdate(trx: Trx, organizationId: number, id: number) {
  return trx
    .selectFrom('reports')
    .select(['id', 'status', 'close_reason', 'hidden'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('hidden', '=', false)
    .where('status', '!=', 'unconfirmed')
    .forUpdate()
    .executeTakeFirst();
}

export function setReportStatus(db: Db, organizationId: number, id: number, to: { status: ReportStatus; closeReason: CloseReason | null }) {
  return db
    .updateTable('reports')
    .set({
      status: to.status,
      close_reason: to.status === 'closed' ? to.closeReason : null,
      fixed_at: to.status === 'fixed' ? sql<Date>`now()` : to.status === 'closed' ? sql<Date | null>`fixed_at` : null,
      updated_at: sql<Date>`now()`,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export function touchReport(db: Db, organizationId: number, id: number) {
  return db.updateTable('reports').set({ updated_at: sql<Date>`now()` }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export function findPushedUpdate(db: Db, organizationId: number, apiKeyId: number, externalId: string) {
  return db
    .selectFrom('open311_updates')
    .select(['event_id', 'report_id'])
    .where('organization_id', '=', organizationId)
    .where('api_key_id', '=', apiKeyId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export function recordPushedUpdate(db: Db, u: { organizationId: number; apiKeyId: number; externalId: string; reportId: number; eventId: number }) {
  return db
    .insertInto('open311_updates')
    .values({ organization_id: u.organizationId, api_key_id: u.apiKeyId, external_id: u.externalId, report_id: u.reportId, event_id: u.eventId })
    .onConflict((oc) => oc.columns(['api_key_id', 'external_id']).doNothing())
    .returning(['event_id'])
    .executeTakeFirst();
}
