import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';

// The SQL of the moderation queue: flagged comments of every item kind in the city, oldest flag first, and the
// hidden ones (to show them again). Each decision resolves the open flags and is written to audit_log.

export interface QueueRow {
  id: number;
  item_kind: string;
  item_id: number;
  body: string;
  official: boolean;
  created_at: Date;
  hidden_at: Date | null;
  hidden_reason: string | null;
  removed_at: Date | null;
  first_flag_at: Date | null;
  reasons: string[];
}

export type QueueView = 'flagged' | 'hidden';

export async function moderationQueue(db: Db, organizationId: number, view: QueueView, page: number, perPage: number) {
  const base = db
    .selectFrom('participation_comments as c')
    .where('c.organization_id', '=', organizationId)
    .where((eb) =>
      view === 'hidden'
        ? eb('c.hidden_at', 'is not', null)
        : eb.exists(
            eb
              .selectFrom('participation_comment_flags as f')
              .select('f.comment_id')
              .whereRef('f.comment_id', '=', 'c.id')
              .where('f.organization_id', '=', organizationId)
              .where('f.resolved_at', 'is', null),
          ),
    );
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'c.id',
      'c.item_kind',
      'c.item_id',
      'c.body',
      'c.official',
      'c.created_at',
      'c.hidden_at',
      'c.hidden_reason',
      'c.removed_at',
      sql<Date | null>`(SELECT min(f.created_at) FROM participation_comment_flags f
        WHERE f.comment_id = c.id AND f.organization_id = c.organization_id AND f.resolved_at IS NULL)`.as('first_flag_at'),
      sql<string[]>`ARRAY(SELECT f.reason FROM participation_comment_flags f
        WHERE f.comment_id = c.id AND f.organization_id = c.organization_id AND f.resolved_at IS NULL ORDER BY f.created_at)`.as('reasons'),
    ])
    .orderBy(view === 'hidden' ? sql`c.hidden_at DESC` : sql`first_flag_at ASC`)
    .orderBy('c.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows as QueueRow[], total: total.n };
}

/** Hides with a public reason; false when it was hidden already (or is not in this city). Resolves open flags. */
export async function hideComment(trx: Trx, organizationId: number, id: number, reason: string, byUserId: number): Promise<boolean> {
  const r = await trx
    .updateTable('participation_comments')
    .set({ hidden_at: sql<Date>`now()`, hidden_reason: reason, hidden_by: byUserId })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await resolveFlags(trx, organizationId, id, 'hidden');
  return true;
}

export async function showComment(trx: Trx, organizationId: number, id: number): Promise<boolean> {
  const r = await trx
    .updateTable('participation_comments')
    .set({ hidden_at: null, hidden_reason: null, hidden_by: null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('hidden_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the open flags decided; returns how many there were. */
export async function resolveFlags(trx: Trx, organizationId: number, commentId: number, resolution: 'hidden' | 'dismissed'): Promise<number> {
  const r = await trx
    .updateTable('participation_comment_flags')
    .set({ resolved_at: sql<Date>`now()`, resolution })
    .where('organization_id', '=', organizationId)
    .where('comment_id', '=', commentId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
