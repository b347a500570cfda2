import type { Organization } from '../../../db-schema';
import type { Db, Trx } from '../../../platform/db/connect';
import { AppError } from '../../../platform/http/errors';
import { canTransition, LIMITS, needsReason } from '../idea';
import * as q from '../ideas.queries';
import type { IdeaStatus } from '../tables';
import * as bq from './backoffice.queries';
import { itemEvent } from './item-events';

// Staff actions on an idea. Each one is written to the public history (idea_events) and the audit log in one
// transaction, and tells the followers (the participation core's item events).

export type StaffProblem = 'transition' | 'reason' | 'answer' | 'department' | 'merge';

async function locked(trx: Trx, org: Organization, id: number) {
  const idea = await q.lockIdea(trx, org.id, id);
  if (!idea) throw new AppError('not_found');
  return idea;
}

export async function changeStatus(db: Db, org: Organization, id: number, to: IdeaStatus, reason: string, actorId: number): Promise<StaffProblem | null> {
  const text = reason.trim();
  if (text.length > LIMITS.reasonMax) return 'reason';
  return db.transaction().execute(async (trx) => {
    const idea = await locked(trx, org, id);
    if (!canTransition(idea.status, to)) return 'transition';
    if (needsReason(to) && !text) return 'reason';
    await bq.updateIdea(trx, org.id, id, { status: to, ...(to === 'rejected' ? { reason: text } : {}) });
    await q.insertEvent(trx, { organizationId: org.id, ideaId: id, kind: 'status', toStatus: to, text: text || null, actorUserId: actorId });
    await bq.audit(trx, { organizationId: org.id, actorUserId: actorId, action: 'ideas.status', subject: String(id), details: { from: idea.status, to } });
    await itemEvent(trx, org.id, id, 'status', { status: to }, actorId);
    return null;
  });
}

/** The official answer: public, marked as the city's, and it stops the deadline. */
export async function answerIdea(db: Db, org: Organization, id: number, answer: string, actorId: number): Promise<StaffProblem | null> {
  const text = answer.trim();
  if (!text || text.length > LIMITS.answerMax) return 'answer';
  return db.transaction().execute(async (trx) => {
    await locked(trx, org, id);
    await bq.updateIdea(trx, org.id, id, { answer: text, answered_at: new Date() });
    await q.insertEvent(trx, { organizationId: org.id, ideaId: id, kind: 'answer', text, actorUserId: actorId });
    await bq.audit(trx, { organizationId: org.id, actorUserId: actorId, action: 'ideas.answer', subject: String(id) });
    await itemEvent(trx, org.id, id, 'official_answer', {}, actorId);
    return null;
  });
}

export async function assignDepartment(db: Db, org: Organization, id: number, departmentId: number | null, actorId: number): Promise<StaffProblem | null> {
  const all = await bq.departments(db, org.id);
  const department = departmentId === null ? null : all.find((d) => d.id === departmentId);
  if (department === undefined) return 'department';
  return db.transaction().execute(async (trx) => {
    await locked(trx, org, id);
    await bq.updateIdea(trx, org.id, id, { department_id: department?.id ?? null });
    if (department) await q.insertEvent(trx, { organizationId: org.id, ideaId: id, kind: 'department', text: department.name, actorUserId: actorId });
    await bq.audit(trx, { organizationId: org.id, actorUserId: actorId, action: 'ideas.department', subject: String(id), details: { departmentId } });
    return null;
  });
}

/**
 * Merges a duplicate into the kept idea: its supporters move (counted once), it redirects to the kept one and says
 * so in both histories. Ideas are locked in id order, so two merges of the same pair cannot deadlock.
 */
export async function mergeIdea(db: Db, org: Organization, fromId: number, intoId: number, actorId: number): Promise<StaffProblem | null> {
  if (fromId === intoId) return 'merge';
  return db.transaction().execute(async (trx) => {
    const [a, b] = fromId < intoId ? [fromId, intoId] : [intoId, fromId];
    const first = await q.lockIdea(trx, org.id, a);
    const second = await q.lockIdea(trx, org.id, b);
    const from = fromId === a ? first : second;
    const into = intoId === a ? first : second;
    if (!from) throw new AppError('not_found');
    if (!into || into.status === 'merged' || from.status === 'merged') return 'merge';
    const gained = await bq.moveSupporters(trx, org.id, fromId, intoId, into.author_user_id);
    await bq.updateIdea(trx, org.id, fromId, { status: 'merged', merged_into_id: intoId, supporters_count: 0 });
    await q.insertEvent(trx, { organizationId: org.id, ideaId: fromId, kind: 'merged', toStatus: 'merged', text: String(intoId), actorUserId: actorId });
    await q.insertEvent(trx, { organizationId: org.id, ideaId: intoId, kind: 'merged_from', text: String(fromId), actorUserId: actorId });
    await bq.audit(trx, {
      organizationId: org.id,
      actorUserId: actorId,
      action: 'ideas.merge',
      subject: String(fromId),
      details: { into: intoId, supportersMoved: gained },
    });
    await itemEvent(trx, org.id, intoId, 'merged', { from: fromId }, actorId);
    return null;
  });
}
