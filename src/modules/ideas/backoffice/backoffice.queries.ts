import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';
import type { IdeaStatus } from '../tables';

// The back office's SQL: the queue, staff changes to an idea, merging, the audit log.

export interface QueueFilter {
  view: 'due' | 'all';
  status?: IdeaStatus | undefined;
  departmentId?: number | undefined;
  /** Department staff see their departments' ideas only; null: all. */
  departmentIds: number[] | null;
}

export function queue(db: Db, organizationId: number, f: QueueFilter, limit: number, offset: number) {
  let q = db
    .selectFrom('ideas as i')
    .leftJoin('departments as dep', (j) => j.onRef('dep.id', '=', 'i.department_id').onRef('dep.organization_id', '=', 'i.organization_id'))
    .select(['i.id', 'i.title', 'i.status', 'i.supporters_count', 'i.reached_at', 'i.answer_due_at', 'i.answered_at', 'i.created_at', 'dep.name as department'])
    .where('i.organization_id', '=', organizationId)
    .where('i.status', '!=', 'merged');
  if (f.view === 'due') q = q.where('i.answer_due_at', 'is not', null).where('i.answered_at', 'is', null);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.departmentId) q = q.where('i.department_id', '=', f.departmentId);
  if (f.departmentIds) q = f.departmentIds.length > 0 ? q.where('i.department_id', 'in', f.departmentIds) : q.where(sql<boolean>`false`);
  q = f.view === 'due' ? q.orderBy('i.answer_due_at', 'asc').orderBy('i.id') : q.orderBy('i.id', 'desc');
  return q.limit(limit).offset(offset).execute();
}

export function departments(db: Db, organizationId: number) {
  return db.selectFrom('departments').select(['id', 'name']).where('organization_id', '=', organizationId).orderBy('name').execute();
}

export function updateIdea(
  trx: Trx,
  organizationId: number,
  id: number,
  set: Partial<{
    status: IdeaStatus;
    reason: string | null;
    answer: string;
    answered_at: Date;
    department_id: number | null;
    merged_into_id: number;
    supporters_count: number;
    report_id: number;
  }>,
) {
  return trx
    .updateTable('ideas')
    .set({ ...set, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/**
 * Moves the supporters of `fromId` to `intoId`: a person who supported both counts once, the kept idea's author
 * is not counted. Returns how many supporters the kept idea gained.
 */
export async function moveSupporters(trx: Trx, organizationId: number, fromId: number, intoId: number, intoAuthor: number | null): Promise<number> {
  const moved = await sql<{ n: number }>`
    WITH ins AS (
      INSERT INTO idea_supporters (organization_id, idea_id, supporter_key, user_id, created_at)
      SELECT organization_id, ${intoId}, supporter_key, user_id, created_at FROM idea_supporters
      WHERE organization_id = ${organizationId} AND idea_id = ${fromId} AND user_id IS DISTINCT FROM ${intoAuthor}
      ON CONFLICT (idea_id, supporter_key) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`.execute(trx);
  const n = moved.rows[0]?.n ?? 0;
  await trx.deleteFrom('idea_supporters').where('organization_id', '=', organizationId).where('idea_id', '=', fromId).execute();
  await trx
    .updateTable('ideas')
    .set((eb) => ({ supporters_count: eb('supporters_count', '+', n) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', intoId)
    .execute();
  return n;
}

export function audit(db: Db, a: { organizationId: number; actorUserId: number; action: string; subject: string; details?: unknown }) {
  return db
    .insertInto('audit_log')
    .values({ organization_id: a.organizationId, actor_user_id: a.actorUserId, action: a.action, subject: a.subject, details: JSON.stringify(a.details ?? {}) })
    .execute();
}
