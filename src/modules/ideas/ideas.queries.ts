import { sql } from 'kysely';
import type { Database } from '../../db-schema';
import type { Db, Trx } from '../../platform/db/connect';
import { supporterTable } from '../../platform/engagement/tables';
import { type IdeaStatus, PUBLIC_STATUSES, searchQuery } from './idea';

// All SQL of the ideas' public side and of what residents do (submit, support). Every function takes the city.

export const IDEA_SUPPORTERS = supporterTable<Database>()({
  table: 'idea_supporters',
  subject: 'idea_id',
  key: 'supporter_key',
  user: 'user_id',
  counted: { table: 'ideas', count: 'supporters_count', owner: 'author_user_id' },
});

export type IdeaSort = 'supported' | 'newest' | 'due';

export interface IdeaFilter {
  topic?: string | undefined;
  districtId?: number | undefined;
  status?: IdeaStatus | undefined;
  search?: string | undefined;
  sort: IdeaSort;
  /** Keyset: the last row of the previous page, as `<sort value>.<id>`. */
  after?: { value: number; id: number } | undefined;
}

const LIST_COLUMNS = [
  'i.id',
  'i.title',
  'i.topic',
  'i.status',
  'i.district_id',
  'i.lat',
  'i.lon',
  'i.supporters_count',
  'i.created_at',
  'i.updated_at',
  'i.reached_at',
  'i.answer_due_at',
  'i.answered_at',
  'i.department_id',
] as const;

function filtered(db: Db, organizationId: number, f: Omit<IdeaFilter, 'sort' | 'after'> & { sort?: IdeaSort }) {
  let q = db.selectFrom('ideas as i').where('i.organization_id', '=', organizationId).where('i.status', '!=', 'merged');
  if (f.topic) q = q.where('i.topic', '=', f.topic);
  if (f.districtId) q = q.where('i.district_id', '=', f.districtId);
  if (f.status) q = q.where('i.status', '=', f.status);
  else q = q.where('i.status', 'in', [...PUBLIC_STATUSES]);
  const words = f.search ? searchQuery(f.search) : '';
  if (words) q = q.where(sql<boolean>`i.search @@ websearch_to_tsquery('german', ${words})`);
  if (f.sort === 'due') q = q.where('i.answer_due_at', 'is not', null).where('i.answered_at', 'is', null);
  return q;
}

/** One page of the public list, in the chosen order; `limit + 1` rows tell whether there is a next page. */
export function listIdeas(db: Db, organizationId: number, f: IdeaFilter, limit: number) {
  let q = filtered(db, organizationId, f)
    .leftJoin('districts as d', 'd.id', 'i.district_id')
    .select([...LIST_COLUMNS, 'd.name as district'])
    .select(sql<string>`left(i.description, 200)`.as('excerpt'));
  const a = f.after;
  // With search words the matches come from the full-text index and are sorted afterwards: ordering by the bare
  // columns let PostgreSQL walk a whole order index looking for rare words (147 ms for a word nobody used, at 100k).
  const searching = f.search ? searchQuery(f.search) !== '' : false;
  const id = searching ? sql`i.id + 0` : sql.ref('i.id');
  if (f.sort === 'supported') {
    if (a) q = q.where(sql<boolean>`(i.supporters_count, i.id) < (${a.value}, ${a.id})`);
    q = q.orderBy(searching ? sql`i.supporters_count + 0` : sql.ref('i.supporters_count'), 'desc').orderBy(id, 'desc');
  } else if (f.sort === 'due') {
    if (a) q = q.where(sql<boolean>`(i.answer_due_at, i.id) > (${new Date(a.value)}, ${a.id})`);
    q = q.orderBy('i.answer_due_at', 'asc').orderBy(id, 'asc');
  } else {
    if (a) q = q.where('i.id', '<', a.id);
    q = q.orderBy(id, 'desc');
  }
  return q.limit(limit + 1).execute();
}
export type IdeaListRow = Awaited<ReturnType<typeof listIdeas>>[number];

/** Ideas with a place for the map (same filters, newest first, bounded). */
export function mapIdeas(db: Db, organizationId: number, f: Omit<IdeaFilter, 'after'>, limit: number) {
  return filtered(db, organizationId, f)
    .where('i.lat', 'is not', null)
    .select(['i.id', 'i.lat', 'i.lon', 'i.status', 'i.title'])
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

export function findIdea(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('ideas as i')
    .leftJoin('districts as d', 'd.id', 'i.district_id')
    .leftJoin('departments as dep', (j) => j.onRef('dep.id', '=', 'i.department_id').onRef('dep.organization_id', '=', 'i.organization_id'))
    .selectAll('i')
    .select(['d.name as district', 'dep.name as department'])
    .where('i.organization_id', '=', organizationId)
    .where('i.id', '=', id)
    .executeTakeFirst();
}
export type IdeaRow = NonNullable<Awaited<ReturnType<typeof findIdea>>>;

export function ideaPhotos(db: Db, organizationId: number, ideaId: number) {
  return db
    .selectFrom('idea_photos')
    .select(['id', 'storage_key', 'width', 'height'])
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .orderBy('sort')
    .execute();
}

export function findPhoto(db: Db, organizationId: number, photoId: number) {
  return db
    .selectFrom('idea_photos as p')
    .innerJoin('ideas as i', 'i.id', 'p.idea_id')
    .select(['p.storage_key', 'i.status'])
    .where('p.organization_id', '=', organizationId)
    .where('p.id', '=', photoId)
    .executeTakeFirst();
}

export function ideaEvents(db: Db, organizationId: number, ideaId: number) {
  return db
    .selectFrom('idea_events')
    .select(['id', 'kind', 'to_status', 'text', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertIdea(
  trx: Trx,
  i: {
    organizationId: number;
    title: string;
    description: string;
    topic: string;
    districtId: number | null;
    lat: number | null;
    lon: number | null;
    authorUserId: number | null;
    processId: number | null;
    departmentId?: number | null;
    status?: IdeaStatus;
    createdAt?: Date;
  },
): Promise<number> {
  const row = await trx
    .insertInto('ideas')
    .values({
      organization_id: i.organizationId,
      title: i.title,
      description: i.description,
      topic: i.topic,
      district_id: i.districtId,
      lat: i.lat,
      lon: i.lon,
      author_user_id: i.authorUserId,
      process_id: i.processId,
      department_id: i.departmentId ?? null,
      ...(i.status ? { status: i.status } : {}),
      ...(i.createdAt ? { created_at: i.createdAt, updated_at: i.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function insertPhoto(trx: Trx, p: { organizationId: number; ideaId: number; storageKey: string; width: number; height: number; sort: number }) {
  return trx
    .insertInto('idea_photos')
    .values({ organization_id: p.organizationId, idea_id: p.ideaId, storage_key: p.storageKey, width: p.width, height: p.height, sort: p.sort })
    .execute();
}

export function insertEvent(
  db: Db,
  e: { organizationId: number; ideaId: number; kind: string; toStatus?: IdeaStatus | null; text?: string | null; actorUserId?: number | null; at?: Date },
) {
  return db
    .insertInto('idea_events')
    .values({
      organization_id: e.organizationId,
      idea_id: e.ideaId,
      kind: e.kind,
      to_status: e.toStatus ?? null,
      text: e.text ?? null,
      actor_user_id: e.actorUserId ?? null,
      ...(e.at ? { created_at: e.at } : {}),
    })
    .execute();
}

/** Locks the idea for a change of its supporters or status (the caller's transaction). */
export function lockIdea(trx: Trx, organizationId: number, id: number) {
  return trx
    .selectFrom('ideas')
    .select(['id', 'status', 'supporters_count', 'reached_at', 'author_user_id', 'merged_into_id'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks the threshold reached once (the first support that reaches it); null when it was not reached now. */
export function markReached(trx: Trx, organizationId: number, id: number, threshold: number, now: Date, dueAt: Date) {
  return trx
    .updateTable('ideas')
    .set({ reached_at: now, answer_due_at: dueAt, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('reached_at', 'is', null)
    .where('supporters_count', '>=', threshold)
    .returning('id')
    .executeTakeFirst();
}

/** Withdraws a support: the counter moves only when a row was removed. */
export async function removeSupporter(trx: Trx, organizationId: number, ideaId: number, supporterKey: string): Promise<boolean> {
  const removed = await trx
    .deleteFrom('idea_supporters')
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .where('supporter_key', '=', supporterKey)
    .returning('idea_id')
    .executeTakeFirst();
  if (!removed) return false;
  await trx
    .updateTable('ideas')
    .set((eb) => ({ supporters_count: eb('supporters_count', '-', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', ideaId)
    .execute();
  return true;
}

export function ideaSettings(db: Db, organizationId: number) {
  return db.selectFrom('idea_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

/** Accounts of the city active in the last 12 months (a sign-in, or created then): what the threshold scales with. */
export async function activeAccounts(db: Db, organizationId: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 365 * 24 * 60 * 60 * 1000);
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organization_id', '=', organizationId)
    .where('disabled_at', 'is', null)
    .where('role', 'is', null)
    .where(sql<boolean>`coalesce(last_login_at, created_at) >= ${since}`)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function saveThreshold(db: Db, organizationId: number, threshold: number, now: Date) {
  return db
    .insertInto('idea_settings')
    .values({ organization_id: organizationId, threshold, computed_at: now })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ threshold, computed_at: now }))
    .execute();
}

export function saveSettings(db: Db, organizationId: number, s: { rules: unknown; permille: number; floor: number; answerWeeks: number }) {
  const values = { rules: JSON.stringify(s.rules), threshold_permille: s.permille, threshold_floor: s.floor, answer_weeks: s.answerWeeks, computed_at: null };
  return db
    .insertInto('idea_settings')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

/** The newest public ideas for feeds, the sitemap and the open data (no author, no personal data). */
export function newestIdeas(db: Db, organizationId: number, limit: number, withPlaceOnly = false) {
  let q = db
    .selectFrom('ideas as i')
    .leftJoin('districts as d', 'd.id', 'i.district_id')
    .select([
      'i.id',
      'i.title',
      'i.description',
      'i.topic',
      'i.status',
      'i.lat',
      'i.lon',
      'i.supporters_count',
      'i.reached_at',
      'i.answer_due_at',
      'i.answered_at',
      'i.answer',
      'i.created_at',
      'i.updated_at',
      'd.name as district',
    ])
    .where('i.organization_id', '=', organizationId)
    .where('i.status', '!=', 'merged');
  if (withPlaceOnly) q = q.where('i.lat', 'is not', null);
  return q.orderBy('i.id', 'desc').limit(limit).execute();
}
export type PublicIdea = Awaited<ReturnType<typeof newestIdeas>>[number];
