import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CloseReason, Database, ReportStatus } from '../../db-schema';
import type { Db, Trx } from '../../platform/db/connect';
import { reusableQuery } from '../../platform/db/reusable-query';
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

interface RequestValues extends Record<string, unknown> {
  organizationId: number;
  ids: number[] | undefined;
  codes: string[] | undefined;
  from: Date | undefined;
  to: Date | undefined;
  minLon: number | undefined;
  minLat: number | undefined;
  maxLon: number | undefined;
  maxLat: number | undefined;
  limit: number;
  offset: number;
}

/** What changes the statement: which filters are given, and whether the answer carries the extensions. */
interface RequestShape {
  ids: boolean;
  codes: boolean;
  status: 'open' | 'closed' | null;
  from: boolean;
  to: boolean;
  bbox: boolean;
  extensions: boolean;
}

/**
 * One page of service requests in one statement: the page is chosen first (newest first, through publicFilter),
 * then each of its reports brings its photos and public timeline as JSON, or, without extensions, just the first
 * photo and the newest note. Only the page's rows pay for those (the subqueries run after LIMIT).
 */
const REQUESTS = reusableQuery('open311_requests', (db, $: RequestValues, shape: RequestShape) => {
  const f: ListFilter = {
    from: shape.from ? $.from : undefined,
    to: shape.to ? $.to : undefined,
    bbox: shape.bbox ? { minLon: $.minLon!, minLat: $.minLat!, maxLon: $.maxLon!, maxLat: $.maxLat! } : undefined,
  };
  let page = db
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
    .where(publicFilter($.organizationId, f));
  if (shape.ids) page = page.where(sql<boolean>`r.id = ANY(${$.ids}::int4[])`);
  if (shape.codes) page = page.where(sql<boolean>`c.code = ANY(${$.codes}::text[])`);
  if (shape.status === 'open') page = page.where('r.status', 'in', ['new', 'confirmed', 'in_progress']);
  if (shape.status === 'closed') page = page.where('r.status', 'in', ['fixed', 'closed']);
  const chosen = page.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit($.limit).offset($.offset);
  const photos = (eb: ExpressionBuilder<Database & { q: { id: number } }, 'q'>) =>
    eb
      .selectFrom('report_photos as p')
      .where('p.organization_id', '=', $.organizationId)
      .whereRef('p.report_id', '=', 'q.id')
      .where('p.status', '=', 'approved')
      .orderBy('p.sort')
      .orderBy('p.id');
  const events = (eb: ExpressionBuilder<Database & { q: { id: number } }, 'q'>) =>
    eb.selectFrom('report_events as e').where('e.organization_id', '=', $.organizationId).whereRef('e.report_id', '=', 'q.id').where('e.public', '=', true);
  return db
    .selectFrom(chosen.as('q'))
    .selectAll('q')
    .select((eb) => [
      jsonArrayFrom(shape.extensions ? photos(eb).select(['p.id', 'p.width', 'p.height']) : photos(eb).select(['p.id', 'p.width', 'p.height']).limit(1)).as(
        'photos',
      ),
      jsonArrayFrom(
        shape.extensions
          ? events(eb).select(['e.id', 'e.kind', 'e.from_status', 'e.to_status', 'e.body', 'e.data', 'e.created_at']).orderBy('e.created_at').orderBy('e.id')
          : // Without extensions only the status note is shown: the newest public event with a text.
            events(eb)
              .select(['e.id', 'e.kind', 'e.from_status', 'e.to_status', 'e.body', 'e.data', 'e.created_at'])
              .where(sql<boolean>`e.body ~ '[^[:space:]]'`)
              .orderBy('e.created_at', 'desc')
              .orderBy('e.id', 'desc')
              .limit(1),
      ).as('events'),
    ])
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc');
});

/**
 * Public reports with everything a service request shows, never the reporter's contact data: each with its
 * approved photos and public timeline (oldest first), or with `extensions` off only its first photo and its
 * newest note with a text.
 */
export async function publicRequests(db: Db, organizationId: number, f: RequestFilter, page: { limit: number; offset: number; extensions: boolean }) {
  const status = f.statuses && f.statuses.length === 1 ? f.statuses[0]! : null;
  const rows = await REQUESTS.run(
    db,
    {
      organizationId,
      ids: f.ids && f.ids.length > 0 ? f.ids : f.ids ? [0] : undefined,
      codes: f.categoryCodes && f.categoryCodes.length > 0 ? f.categoryCodes : f.categoryCodes ? [''] : undefined,
      from: f.from,
      to: f.to,
      minLon: f.bbox?.minLon,
      minLat: f.bbox?.minLat,
      maxLon: f.bbox?.maxLon,
      maxLat: f.bbox?.maxLat,
      limit: page.limit,
      offset: page.offset,
    },
    {
      ids: Boolean(f.ids),
      codes: Boolean(f.categoryCodes),
      status,
      from: Boolean(f.from),
      to: Boolean(f.to),
      bbox: Boolean(f.bbox),
      extensions: page.extensions,
    },
  );
  // JSON has no dates: the timeline's times come back as text.
  return rows.map((r) => ({ ...r, events: r.events.map((e) => ({ ...e, created_at: new Date(e.created_at) })) }));
}

export type PublicRequestRow = Awaited<ReturnType<typeof publicRequests>>[number];

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
