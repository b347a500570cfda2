import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Db } from '../../../platform/db/connect';
import { processPhoto } from '../../../platform/files/photos';
import type { FileStorage } from '../../../platform/files/storage';
import { AppError } from '../../../platform/http/errors';
import type { SessionUser } from '../../../platform/http/sessions';
import { listStadtbezirke } from '../../organizations';
import { berlinDay, phaseState } from './process';
import * as q from './process.queries';
import type { FormChoices } from './process-form';

// The back office's use cases: who may work on a process, ending a phase early (logged), documents and the image.

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 15 * 1024 * 1024;

/** Admins work on every process; department staff only on those of their own departments. */
export function canWorkOn(user: SessionUser, process: { department_id: number | null }): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'department_staff' && process.department_id !== null && user.departmentIds.includes(process.department_id);
}

/** The process, if this staff member may work on it: 404 for none (or another city's), 403 for another department's. */
export async function processForStaff(db: Db, organizationId: number, user: SessionUser, id: number): Promise<q.ProcessRow> {
  const process = await q.findProcess(db, organizationId, id);
  if (!process) throw new AppError('not_found');
  if (!canWorkOn(user, process)) throw new AppError('forbidden', { reason: `process ${id} belongs to another department` });
  return process;
}

/** What the form may offer: department staff choose only their own departments and no body. */
export async function formChoices(db: Db, organizationId: number, user: SessionUser) {
  const [districts, departments, bodies] = await Promise.all([
    listStadtbezirke(db, organizationId),
    q.cityDepartments(db, organizationId),
    q.cityBodies(db, organizationId),
  ]);
  const admin = user.role === 'admin';
  const ownDepartments = admin ? departments : departments.filter((d) => user.departmentIds.includes(d.id));
  const options = { districts, departments: ownDepartments, bodies: admin ? bodies : [], allBodies: bodies };
  const choices: FormChoices = {
    districtIds: new Set(districts.map((d) => d.id)),
    departmentIds: new Set(ownDepartments.map((d) => d.id)),
    bodyIds: new Set(options.bodies.map((b) => b.id)),
    // Rules may name any body of the city, also for department staff.
    ruleBodyIds: new Set(bodies.map((b) => b.id)),
  };
  return { options, choices };
}

/**
 * Ends a phase now, with a public reason, and writes who and why to the audit log, in one transaction (the phase
 * row locked, so two clicks end it once). 'over' when it had ended already.
 */
export async function endPhaseEarly(
  db: Db,
  a: { organizationId: number; processId: number; phaseId: number; actorUserId: number; reason: string },
  now = new Date(),
): Promise<'ended' | 'over'> {
  return db.transaction().execute(async (trx) => {
    const phase = await q.lockPhase(trx, a.organizationId, a.processId, a.phaseId);
    if (!phase) throw new AppError('not_found');
    if (phaseState({ startsOn: phase.starts_on, endsOn: phase.ends_on, endedEarlyAt: phase.ended_early_at }, berlinDay(now)) === 'over') return 'over';
    await q.markPhaseEnded(trx, a.organizationId, a.phaseId, a.actorUserId, a.reason);
    await q.processAudit(trx, {
      organizationId: a.organizationId,
      actorUserId: a.actorUserId,
      action: 'participation.phase_ended_early',
      subject: `participation_phase:${a.phaseId}`,
      details: { processId: a.processId, title: phase.title, endsOn: phase.ends_on, reason: a.reason },
    });
    await q.touchProcess(trx, a.organizationId, a.processId);
    return 'ended';
  });
}

/** A PDF by its content: the file starts with `%PDF-` (whatever its name or the browser's type says). */
export async function isPdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    await handle.close();
  }
}

export async function storeDocument(
  db: Db,
  storage: FileStorage,
  d: { organizationId: number; processId: number; title: string; data: Buffer; actorUserId: number },
): Promise<number> {
  const key = `participation/${d.organizationId}/documents/${d.processId}-${randomBytes(8).toString('hex')}.pdf`;
  await storage.put(key, d.data);
  const id = await q.insertDocument(db, d.organizationId, d.processId, { title: d.title, storageKey: key, sizeBytes: d.data.length });
  await q.processAudit(db, {
    organizationId: d.organizationId,
    actorUserId: d.actorUserId,
    action: 'participation.document_added',
    subject: `participation_process:${d.processId}`,
    details: { documentId: id, title: d.title },
  });
  await q.touchProcess(db, d.organizationId, d.processId);
  return id;
}

/** Through the platform's photo intake (checked by content, metadata stripped, two sizes). False: not a usable image. */
export async function storeImage(db: Db, storage: FileStorage, d: { organizationId: number; processId: number; data: Buffer; alt: string }): Promise<boolean> {
  const photo = await processPhoto(d.data, IMAGE_MAX_BYTES);
  if ('problem' in photo) return false;
  const base = `participation/${d.organizationId}/images/${d.processId}-${randomBytes(8).toString('hex')}`;
  await storage.put(`${base}-large.jpg`, photo.variants.large);
  await storage.put(`${base}-thumb.jpg`, photo.variants.thumb);
  await q.setProcessImage(db, d.organizationId, d.processId, base, d.alt);
  return true;
}
