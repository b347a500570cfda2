import { sql } from 'kysely';
import type { Db } from '../../../platform/db/connect';

// The SQL of comments and their flags (migration 0030). Items belong to other modules and are named by
// (kind, id); every function takes the city and filters by it.

/** Minutes in which the author may still change a comment; checked with the database's clock. */
export const EDIT_MINUTES = 15;

export interface CommentRow {
  id: number;
  item_kind: string;
  item_id: number;
  parent_id: number | null;
  author_id: number | null;
  /** The account's name when the author chose to show it (and has one), else null: "Anwohner*in". */
  author_name: string | null;
  body: string;
  official: boolean;
  created_at: Date;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  removed_at: Date | null;
  /** The author may still edit it (within EDIT_MINUTES, not hidden or removed, no open flag). */
  editable: boolean;
}

function commentColumns(db: Db) {
  return db
    .selectFrom('participation_comments as c')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'c.author_id').onRef('u.organization_id', '=', 'c.organization_id'))
    .select([
      'c.id',
      'c.item_kind',
      'c.item_id',
      'c.parent_id',
      'c.author_id',
      sql<string | null>`CASE WHEN c.show_name AND u.display_name <> '' THEN u.display_name END`.as('author_name'),
      'c.body',
      'c.official',
      'c.created_at',
      'c.edited_at',
      'c.hidden_at',
      'c.hidden_reason',
      'c.removed_at',
      sql<boolean>`(c.hidden_at IS NULL AND c.removed_at IS NULL AND c.created_at > now() - make_interval(mins => ${EDIT_MINUTES})
        AND NOT EXISTS (SELECT 1 FROM participation_comment_flags f
          WHERE f.organization_id = c.organization_id AND f.comment_id = c.id AND f.resolved_at IS NULL))`.as('editable'),
    ]);
}

export function commentById(db: Db, organizationId: number, id: number): Promise<CommentRow | undefined> {
  return commentColumns(db).where('c.organization_id', '=', organizationId).where('c.id', '=', id).executeTakeFirst();
}

export interface NewComment {
  organizationId: number;
  kind: string;
  itemId: number;
  parentId: number | null;
  authorId: number;
  showName: boolean;
  body: string;
  official: boolean;
}

export async function insertComment(db: Db, c: NewComment): Promise<number> {
  const row = await db
    .insertInto('participation_comments')
    .values({
      organization_id: c.organizationId,
      item_kind: c.kind,
      item_id: c.itemId,
      parent_id: c.parentId,
      author_id: c.authorId,
      show_name: c.showName,
      body: c.body,
      official: c.official,
      edited_at: null,
      hidden_at: null,
      hidden_reason: null,
      hidden_by: null,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes the text when the author asks within the window; false when the window has closed, the comment is hidden
 * or deleted, or someone has flagged it and moderation has not yet decided (so a flagged text cannot be rewritten
 * before a moderator sees it), or it is not theirs.
 */
export async function updateOwnComment(db: Db, organizationId: number, id: number, authorId: number, body: string): Promise<boolean> {
  const r = await db
    .updateTable('participation_comments')
    .set({ body, edited_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .where('hidden_at', 'is', null)
    .where('removed_at', 'is', null)
    .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${EDIT_MINUTES})`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('participation_comment_flags as f')
            .select('f.comment_id')
            .whereRef('f.comment_id', '=', 'participation_comments.id')
            .whereRef('f.organization_id', '=', 'participation_comments.organization_id')
            .where('f.resolved_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * One page of an item's threads, oldest first (a conversation reads down), with all replies of those threads; how
 * many threads there are (for paging) and how many comments anyone can read (hidden and deleted ones not counted).
 */
export async function threadPage(db: Db, organizationId: number, kind: string, itemId: number, page: number, perPage: number) {
  const top = await commentColumns(db)
    .where('c.organization_id', '=', organizationId)
    .where('c.item_kind', '=', kind)
    .where('c.item_id', '=', itemId)
    .where('c.parent_id', 'is', null)
    .orderBy('c.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  const replies =
    top.length === 0
      ? []
      : await commentColumns(db)
          .where('c.organization_id', '=', organizationId)
          .where(
            'c.parent_id',
            'in',
            top.map((c) => c.id),
          )
          .orderBy('c.id')
          .execute();
  const counted = await db
    .selectFrom('participation_comments')
    .select([
      sql<number>`count(*) FILTER (WHERE parent_id IS NULL)::int`.as('threads'),
      sql<number>`count(*) FILTER (WHERE hidden_at IS NULL AND removed_at IS NULL)::int`.as('visible'),
    ])
    .where('organization_id', '=', organizationId)
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return { top, replies, threads: counted.threads, visible: counted.visible };
}

/** How many threads come before this top-level comment: which page shows it. */
export async function threadsBefore(db: Db, organizationId: number, kind: string, itemId: number, rootId: number): Promise<number> {
  const row = await db
    .selectFrom('participation_comments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organization_id', '=', organizationId)
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .where('parent_id', 'is', null)
    .where('id', '<', rootId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Visible comments (not hidden, not removed) per item, for lists of items. */
export async function visibleCommentCounts(db: Db, organizationId: number, kind: string, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('participation_comments')
    .select(['item_id', sql<number>`count(*)::int`.as('n')])
    .where('organization_id', '=', organizationId)
    .where('item_kind', '=', kind)
    .where('item_id', 'in', ids)
    .where('hidden_at', 'is', null)
    .where('removed_at', 'is', null)
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, r.n]));
}

/** 'added', or 'already' when this person flagged this comment before (one flag per person and comment). */
export async function addFlag(db: Db, organizationId: number, commentId: number, userId: number, reason: string): Promise<'added' | 'already'> {
  const row = await db
    .insertInto('participation_comment_flags')
    .values({ organization_id: organizationId, comment_id: commentId, user_id: userId, reason, resolved_at: null, resolution: null })
    .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
    .returning('comment_id')
    .executeTakeFirst();
  return row ? 'added' : 'already';
}

/** Comments of the city the viewer flagged, among these (so the page says "gemeldet" instead of offering it again). */
export async function flaggedBy(db: Db, organizationId: number, userId: number, commentIds: number[]): Promise<Set<number>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('participation_comment_flags')
    .select('comment_id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}
