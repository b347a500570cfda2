import type { Db, Trx } from '../../../platform/db/connect';
import { AppError } from '../../../platform/http/errors';
import { enforce, type Limit } from '../../../platform/http/rate-limit';
import type { SessionUser } from '../../../platform/http/sessions';
import type { Locale } from '../../../platform/i18n';
import type { ModuleRegistry } from '../../../platform/module';
import { requireEligibility } from '../eligibility/eligibility.service';
import * as q from './comments.queries';
import { insertItemEvent } from './follows.queries';
import { type ItemEvent, type ParticipationItem, type ParticipationItemKind, participationItemKind } from './item-kind';

// Use cases of comments: every rule is decided here, on the server, for every post (a form sent without the page
// gets the same answer as one sent from it).

export const COMMENT_MAX = 5000;
export const FLAG_REASON_MAX = 1000;
export const HIDE_REASON_MAX = 500;
/** Threads (a top-level comment with its replies) per page. */
export const THREADS_PER_PAGE = 20;
/** Where comments are anchored on the item's page. */
export const COMMENTS_ANCHOR = 'kommentare';
export const commentAnchor = (id: number) => `kommentar-${id}`;

/** Comments per account: enough for a lively discussion, not for flooding one. */
export const COMMENT_LIMITS: Limit[] = [
  { name: 'participation-comment:10min', max: 10, windowSeconds: 600 },
  { name: 'participation-comment:day', max: 60, windowSeconds: 86_400 },
];
export const FLAG_LIMIT: Limit = { name: 'participation-flag:hour', max: 30, windowSeconds: 3600 };
/** Edits per account: fixing a typo a few times is fine, rewriting comments in a loop is not. */
export const EDIT_LIMIT: Limit = { name: 'participation-comment-edit:10min', max: 20, windowSeconds: 600 };

export interface FoundItem {
  kind: ParticipationItemKind;
  item: ParticipationItem;
}

/** The item in this city from its owner, or null (unknown kind, no such item, another city's, not public). */
export async function findItem(modules: ModuleRegistry, db: Db, organizationId: number, kind: string, id: number, locale: Locale): Promise<FoundItem | null> {
  const owner = modules.contributions(participationItemKind).find((k) => k.kind === kind);
  if (!owner) return null;
  const item = await owner.find(db, organizationId, id, locale);
  return item ? { kind: owner, item } : null;
}

/**
 * An admin, or department staff of the item's department, with a staff session (password + TOTP). A moderator who
 * also belongs to the department does not answer for it: moderating and answering are different offices.
 */
export function mayAnswerOfficially(user: SessionUser | null, item: ParticipationItem): boolean {
  if (user?.level !== 'staff' || !user.role) return false;
  if (user.role === 'admin') return true;
  return user.role === 'department_staff' && item.departmentId !== null && user.departmentIds.includes(item.departmentId);
}

/**
 * The checks an edit meets before the text is looked at (403, nothing saved): comments still open on the item, the
 * author still allowed under the item's rule (or still allowed to answer officially), and the edit rate limit.
 * The window, hidden/deleted and open flags are decided in the update itself.
 */
export async function checkMayEdit(
  db: Db,
  input: { organizationId: number; user: SessionUser; item: ParticipationItem; official: boolean },
  now: Date,
): Promise<void> {
  if (!input.item.commentsOpen) throw new AppError('forbidden', { reason: 'comments closed' });
  if (input.official) {
    if (!mayAnswerOfficially(input.user, input.item)) throw new AppError('forbidden', { reason: 'official answer by someone outside the department' });
  } else {
    await requireEligibility(db, { organizationId: input.organizationId, userId: input.user.id }, input.item.commentRule, now);
  }
  await enforce(db, [[EDIT_LIMIT, `u:${input.user.id}`]]);
}

export type BodyProblem = 'err.body' | 'err.bodyLong';

export function bodyProblem(body: string): BodyProblem | null {
  if (body.length === 0) return 'err.body';
  return body.length > COMMENT_MAX ? 'err.bodyLong' : null;
}

export interface CommentInput {
  organizationId: number;
  user: SessionUser;
  kind: string;
  itemId: number;
  item: ParticipationItem;
  parentId: number | null;
  body: string;
  showName: boolean;
  official: boolean;
}

/**
 * The checks that refuse a post outright (403/400/404, nothing saved), in the order a person would meet them:
 * comments closed, an official answer by someone who may not give one, the item's rule, the rate limit, a reply
 * to something that is not a top-level comment of this item.
 */
export async function checkMayPost(db: Db, input: Omit<CommentInput, 'body' | 'showName'>, now: Date): Promise<void> {
  if (!input.item.commentsOpen) throw new AppError('forbidden', { reason: 'comments closed' });
  if (input.official) {
    if (!mayAnswerOfficially(input.user, input.item)) throw new AppError('forbidden', { reason: 'official answer by someone outside the department' });
  } else {
    await requireEligibility(db, { organizationId: input.organizationId, userId: input.user.id }, input.item.commentRule, now);
  }
  if (input.parentId !== null) {
    const parent = await q.commentById(db, input.organizationId, input.parentId);
    if (!parent || parent.item_kind !== input.kind || parent.item_id !== input.itemId) throw new AppError('not_found');
    // Hidden and deleted comments offer no reply form; a reply sent anyway is not taken.
    if (parent.hidden_at || parent.removed_at) throw new AppError('bad_request');
    // One level of replies: a reply to a reply is refused (the page offers no such form).
    if (parent.parent_id !== null) throw new AppError('bad_request');
  }
}

/** Saves the comment and its news for followers in one transaction; counts against the rate limit first. */
export async function postComment(db: Db, input: CommentInput): Promise<number> {
  await enforce(
    db,
    COMMENT_LIMITS.map((l) => [l, `u:${input.user.id}`]),
  );
  return db.transaction().execute(async (trx) => {
    const id = await q.insertComment(trx, {
      organizationId: input.organizationId,
      kind: input.kind,
      itemId: input.itemId,
      parentId: input.parentId,
      authorId: input.user.id,
      showName: input.showName,
      body: input.body,
      official: input.official,
    });
    await recordItemEvent(
      trx,
      input.organizationId,
      input.kind,
      input.itemId,
      { type: input.official ? 'official_answer' : 'comment', data: { commentId: id } },
      input.user.id,
    );
    return id;
  });
}

/**
 * For owners: records public news about an item in the caller's transaction (a status change, an answer), so the
 * followers' digest tells it. `actorUserId`: whose doing it was (they are not told about it themselves).
 */
export async function recordItemEvent(
  trx: Trx | Db,
  organizationId: number,
  kind: string,
  id: number,
  event: ItemEvent,
  actorUserId: number | null = null,
): Promise<void> {
  await insertItemEvent(trx, { organizationId, kind, itemId: id }, event.type, event.data ?? {}, actorUserId);
}

/** Where a comment is seen: the item's page for the first page of threads, else the thread page it is on. */
export async function commentLocation(
  db: Db,
  organizationId: number,
  kind: string,
  itemId: number,
  item: ParticipationItem,
  comment: q.CommentRow,
): Promise<string> {
  const rootId = comment.parent_id ?? comment.id;
  const before = await q.threadsBefore(db, organizationId, kind, itemId, rootId);
  const page = Math.floor(before / THREADS_PER_PAGE) + 1;
  return page === 1 ? `${item.path}#${commentAnchor(comment.id)}` : `${threadPath(kind, itemId)}?seite=${page}#${commentAnchor(comment.id)}`;
}

export const threadPath = (kind: string, itemId: number) => `/beteiligung/kommentare/${encodeURIComponent(kind)}/${itemId}`;
