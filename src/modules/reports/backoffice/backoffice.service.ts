import type { Organization, ReportStatus } from '../../../db-schema';
import type { Db, Trx } from '../../../platform/db/connect';
import { blurRegions, PHOTO_SIZES, type PhotoSize } from '../../../platform/files/photos';
import type { FileStorage } from '../../../platform/files/storage';
import { AppError } from '../../../platform/http/errors';
import { publicContentChanged } from '../../../platform/http/response-cache';
import type { SessionUser } from '../../../platform/http/sessions';
import { randomToken } from '../../../platform/security/tokens';
import { tellDepartment } from '../department-notice';
import { canTransition, LIMITS } from '../report';
import { insertEvent } from '../report.queries';
import { photoKey } from '../report.service';
import type { BackOfficeMessageKey } from './backoffice.messages';
import { canWorkOnReport, isReopening } from './backoffice.policy';
import * as bq from './backoffice.queries';

// Use cases of the back office for reports: (db, org, actor, input) -> result. Each change to a report locks
// its row, checks the actor may touch it, writes the change and its event in one transaction.

type Org = Pick<Organization, 'id'>;
export type Actor = Pick<SessionUser, 'id' | 'role' | 'level' | 'departmentIds'>;

export interface Problem {
  key: BackOfficeMessageKey;
  params?: Record<string, string | number>;
}
export type Problems = Record<string, Problem>;
export type ActionResult = { ok: true } | { ok: false; errors: Problems };

const OK: ActionResult = { ok: true };
const fail = (field: string, key: BackOfficeMessageKey, params?: Record<string, string | number>): ActionResult => ({
  ok: false,
  errors: { [field]: params ? { key, params } : { key } },
});

export const REPORT_STATUSES: ReportStatus[] = ['unconfirmed', 'new', 'confirmed', 'in_progress', 'fixed', 'closed'];
export const WHO_MAX = 200;
export const BULK_MAX = 200;

export function isReportStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as string[]).includes(value);
}

export function parseId(raw: string): number | null {
  const s = raw.trim().replace(/^#/, '');
  return /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : null;
}

type Locked = NonNullable<Awaited<ReturnType<typeof bq.lockReport>>>;

/** Opens a transaction, locks the report and checks access: unknown ids are 404, others' reports 403. */
async function onReport<T>(db: Db, org: Org, actor: Actor, reportId: number, work: (trx: Trx, report: Locked) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const report = await bq.lockReport(trx, org.id, reportId);
    if (!report) throw new AppError('not_found');
    if (!canWorkOnReport(actor, report)) throw new AppError('forbidden');
    return work(trx, report);
  });
}

/**
 * onReport for changes to what the public sees of a report (its status, its photos): after the commit, the city's
 * shared copies (pages, map data, lists, Open311 answers) are dropped at once instead of living on for their cache time.
 */
async function onPublicReport(db: Db, org: Org, actor: Actor, reportId: number, work: (trx: Trx, report: Locked) => Promise<ActionResult>) {
  const result = await onReport(db, org, actor, reportId, work);
  if (result.ok) publicContentChanged(org.id);
  return result;
}

/** Reads a report for a page: the same 404/403 rules as for changes. */
export async function reportForStaff(db: Db, org: Org, actor: Actor, reportId: number) {
  const report = await bq.reportForStaff(db, org.id, reportId);
  if (!report) throw new AppError('not_found');
  if (!canWorkOnReport(actor, report)) throw new AppError('forbidden');
  return report;
}

function checkText(field: string, text: string, max: number, required = true): ActionResult | null {
  if (!text && required) return fail(field, 'err.required');
  if ([...text].length > max) return fail(field, 'err.tooLong', { max });
  return null;
}

async function applyStatus(trx: Trx, org: Org, actor: Actor, report: Locked, to: ReportStatus, note: string): Promise<void> {
  const reopening = isReopening(report.status, to);
  await bq.updateReport(trx, org.id, report.id, {
    status: to,
    ...(to === 'closed' ? { close_reason: 'done' as const } : { close_reason: null, close_note: null, duplicate_of: null }),
    ...(to === 'fixed' ? { fixed: 'set' as const } : reopening ? { fixed: 'clear' as const } : {}),
  });
  if (report.status === 'unconfirmed' && to === 'new') {
    await bq.markConfirmed(trx, org.id, report.id);
  }
  await insertEvent(trx, {
    organizationId: org.id,
    reportId: report.id,
    kind: reopening ? 'reopened' : 'status',
    public: true,
    actorUserId: actor.id,
    fromStatus: report.status,
    toStatus: to,
    body: note,
    data: to === 'closed' ? { closeReason: 'done' } : {},
  });
}

/** A status change along the rules of report.ts; fixed sets fixed_at, reopening clears the closing. */
export async function changeStatus(db: Db, org: Org, actor: Actor, reportId: number, input: { status: string; note?: string }): Promise<ActionResult> {
  const note = (input.note ?? '').trim();
  const bad = checkText('statusNote', note, LIMITS.noteMax, false);
  if (bad) return bad;
  return onPublicReport(db, org, actor, reportId, async (trx, report) => {
    if (!isReportStatus(input.status) || input.status === 'unconfirmed') return fail('status', 'err.status');
    if (!canTransition(report.status, input.status)) return fail('status', 'err.transition');
    await applyStatus(trx, org, actor, report, input.status, note);
    return OK;
  });
}

/** Many reports, one status: each is checked and changed on its own, each gets its own event. */
export async function bulkChangeStatus(
  db: Db,
  org: Org,
  actor: Actor,
  rawIds: string[],
  status: string,
): Promise<{ done: number[]; skipped: number[] } | { error: Problem }> {
  if (!isReportStatus(status) || status === 'unconfirmed') return { error: { key: 'err.status' } };
  const ids = [...new Set(rawIds.map(parseId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return { error: { key: 'err.bulkNone' } };
  if (ids.length > BULK_MAX) return { error: { key: 'err.bulkTooMany', params: { max: BULK_MAX } } };
  const done: number[] = [];
  const skipped: number[] = [];
  for (const id of ids) {
    try {
      const result = await onReport(db, org, actor, id, async (trx, report) => {
        if (!canTransition(report.status, status)) return false;
        await applyStatus(trx, org, actor, report, status, '');
        return true;
      });
      (result ? done : skipped).push(id);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'forbidden' && err.code !== 'not_found')) throw err;
      skipped.push(id);
    }
  }
  if (done.length > 0) publicContentChanged(org.id);
  return { done, skipped };
}

export async function changeCategory(db: Db, org: Org, actor: Actor, reportId: number, rawCategoryId: string): Promise<ActionResult> {
  return onReport(db, org, actor, reportId, async (trx, report) => {
    const id = parseId(rawCategoryId);
    const category = id ? await bq.findCategory(trx, org.id, id) : undefined;
    if (!category?.active) return fail('categoryId', 'err.category');
    if (category.id === report.category_id) return fail('categoryId', 'err.sameCategory');
    const before = await bq.findCategory(trx, org.id, report.category_id);
    await bq.updateReport(trx, org.id, report.id, { category_id: category.id });
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: report.id,
      kind: 'category',
      public: true,
      actorUserId: actor.id,
      data: { fromDe: before?.name_de ?? '', fromEn: before?.name_en ?? '', toDe: category.name_de, toEn: category.name_en, toId: category.id },
    });
    return OK;
  });
}

/**
 * Passing a report on: department staff may hand their report to any department of the city, which hears of it
 * as it would of a new report (mail, or its Open311 forward), in the same transaction.
 */
export async function reassignDepartment(db: Db, org: Org, actor: Actor, reportId: number, rawDepartmentId: string, publicUrl: URL): Promise<ActionResult> {
  return onReport(db, org, actor, reportId, async (trx, report) => {
    const id = parseId(rawDepartmentId);
    const department = id ? await bq.findDepartment(trx, org.id, id) : undefined;
    if (!department) return fail('departmentId', 'err.department');
    if (department.id === report.department_id) return fail('departmentId', 'err.sameDepartment');
    const before = report.department_id ? await bq.findDepartment(trx, org.id, report.department_id) : undefined;
    await bq.updateReport(trx, org.id, report.id, { department_id: department.id });
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: report.id,
      kind: 'department',
      public: true,
      actorUserId: actor.id,
      data: { to: department.name, toId: department.id, from: before?.name ?? null },
    });
    await tellDepartment(trx, publicUrl, org.id, report.id, department.id, before?.name ?? '–');
    return OK;
  });
}

/**
 * Closes a report as a duplicate of another one of the city. Its supporters and followers move to the
 * original in the same transaction; a person supporting both counts once there.
 */
export async function markDuplicate(db: Db, org: Org, actor: Actor, reportId: number, input: { original: string; note: string }): Promise<ActionResult> {
  const originalId = parseId(input.original);
  if (!originalId) return fail('duplicateOf', 'err.reportNumber');
  if (originalId === reportId) return fail('duplicateOf', 'err.duplicateSelf');
  const note = input.note.trim();
  const bad = checkText('duplicateNote', note, LIMITS.noteMax, false);
  if (bad) return bad;
  const result = await db.transaction().execute(async (trx): Promise<ActionResult> => {
    const { first: report, second: original } = await bq.lockPair(trx, org.id, reportId, originalId);
    if (!report) throw new AppError('not_found');
    if (!canWorkOnReport(actor, report)) throw new AppError('forbidden');
    if (!original) return fail('duplicateOf', 'err.originalUnknown', { id: originalId });
    if (original.status === 'unconfirmed' || original.close_reason === 'duplicate') return fail('duplicateOf', 'err.originalUnusable', { id: originalId });
    if (!canTransition(report.status, 'closed')) return fail('duplicateOf', 'err.transition');
    await bq.updateReport(trx, org.id, report.id, { status: 'closed', close_reason: 'duplicate', duplicate_of: originalId, close_note: note || null });
    await bq.moveSupporters(trx, org.id, report.id, originalId);
    await bq.moveFollowers(trx, org.id, report.id, originalId);
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: report.id,
      kind: 'duplicate',
      public: true,
      actorUserId: actor.id,
      fromStatus: report.status,
      toStatus: 'closed',
      body: note,
      data: { of: originalId, closeReason: 'duplicate' },
    });
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: originalId,
      kind: 'duplicate_merged',
      public: false,
      actorUserId: actor.id,
      data: { from: report.id },
    });
    return OK;
  });
  if (result.ok) publicContentChanged(org.id);
  return result;
}

/** Closing with a reason residents read: rejected, or "not our responsibility" naming who is. */
export async function closeWithReason(
  db: Db,
  org: Org,
  actor: Actor,
  reportId: number,
  input: { reason: 'rejected'; text: string } | { reason: 'not_responsible'; who: string; text: string },
): Promise<ActionResult> {
  const text = input.text.trim();
  const textField = input.reason === 'rejected' ? 'rejectReason' : 'notResponsibleNote';
  const bad = checkText(textField, text, LIMITS.noteMax, input.reason === 'rejected');
  if (bad) return bad;
  const who = input.reason === 'not_responsible' ? input.who.trim() : '';
  if (input.reason === 'not_responsible') {
    const badWho = checkText('who', who, WHO_MAX);
    if (badWho) return badWho;
  }
  return onPublicReport(db, org, actor, reportId, async (trx, report) => {
    if (!canTransition(report.status, 'closed')) return fail(input.reason === 'rejected' ? 'rejectReason' : 'who', 'err.transition');
    await bq.updateReport(trx, org.id, report.id, { status: 'closed', close_reason: input.reason, close_note: text || null, duplicate_of: null });
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: report.id,
      kind: input.reason,
      public: true,
      actorUserId: actor.id,
      fromStatus: report.status,
      toStatus: 'closed',
      body: text,
      data: input.reason === 'not_responsible' ? { who, closeReason: 'not_responsible' } : { closeReason: 'rejected' },
    });
    return OK;
  });
}

export async function addNote(db: Db, org: Org, actor: Actor, reportId: number, input: { public: boolean; body: string }): Promise<ActionResult> {
  const body = input.body.trim();
  const bad = checkText(input.public ? 'publicNote' : 'internalNote', body, LIMITS.noteMax);
  if (bad) return bad;
  return onReport(db, org, actor, reportId, async (trx, report) => {
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: report.id,
      kind: input.public ? 'public_note' : 'internal_note',
      public: input.public,
      actorUserId: actor.id,
      body,
    });
    await bq.updateReport(trx, org.id, report.id, {});
    return OK;
  });
}

// Photos -----------------------------------------------------------------------------------------------------

/** Approving makes a photo public; an original with a redacted copy never is, only the copy. */
export async function moderatePhoto(db: Db, org: Org, actor: Actor, reportId: number, photoId: number, action: 'approve' | 'hide'): Promise<ActionResult> {
  return onPublicReport(db, org, actor, reportId, async (trx, report) => {
    const photo = await bq.lockPhoto(trx, org.id, report.id, photoId);
    if (!photo) throw new AppError('not_found');
    const to = action === 'approve' ? 'approved' : 'hidden';
    if (action === 'approve' && photo.has_redacted_copy) return fail('photo', 'err.photoHasCopy');
    if (photo.status === to) return OK;
    await bq.setPhotoStatus(trx, org.id, photo.id, to);
    await insertEvent(trx, {
      organizationId: org.id,
      reportId: report.id,
      kind: action === 'approve' ? 'photo_approved' : 'photo_hidden',
      public: action === 'approve',
      actorUserId: actor.id,
      data: { photoId: photo.id },
    });
    await bq.updateReport(trx, org.id, report.id, {});
    return OK;
  });
}

export interface RegionInput {
  x: string;
  y: string;
  w: string;
  h: string;
}

/** Percentages of the picture (0–100, decimals with point or comma) to fractions; problems per field. */
export function parseRegion(input: RegionInput): { ok: true; region: { x: number; y: number; w: number; h: number } } | { ok: false; errors: Problems } {
  const errors: Problems = {};
  const num = (field: keyof RegionInput, min: number): number => {
    const s = input[field].trim().replace(',', '.');
    const n = Number(s);
    if (!/^\d{1,3}(\.\d{1,4})?$/.test(s) || !Number.isFinite(n) || n < min || n > 100) {
      errors[field] = { key: 'err.percent' };
      return 0;
    }
    return n;
  };
  const x = num('x', 0);
  const y = num('y', 0);
  const w = num('w', 0.1);
  const h = num('h', 0.1);
  if (!errors.x && !errors.w && x + w > 100) errors.w = { key: 'err.regionWidth' };
  if (!errors.y && !errors.h && y + h > 100) errors.h = { key: 'err.regionHeight' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, region: { x: x / 100, y: y / 100, w: w / 100, h: h / 100 } };
}

/**
 * Blurs a region into NEW files under a new storage key and a new photo row (redacted_from set, pending);
 * the original is hidden for good. The unredacted files are never rewritten and never get a public address.
 */
export async function redactPhoto(
  deps: { db: Db; storage: FileStorage },
  org: Org,
  actor: Actor,
  reportId: number,
  photoId: number,
  input: RegionInput,
): Promise<{ ok: true; newPhotoId: number } | { ok: false; errors: Problems }> {
  const { db, storage } = deps;
  const report = await reportForStaff(db, org, actor, reportId);
  const photo = await bq.photoForStaff(db, org.id, photoId);
  if (!photo || photo.report_id !== report.id) throw new AppError('not_found');
  const parsed = parseRegion(input);
  if (!parsed.ok) return parsed;

  const base = `reports/${randomToken(12)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')}`;
  const written: string[] = [];
  try {
    for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) {
      const source = await storage.get(photoKey(photo.storage_key, size));
      if (!source) throw new Error(`Photo file missing: ${photo.storage_key} ${size}`);
      const key = photoKey(base, size);
      await storage.put(key, await blurRegions(source, [parsed.region]));
      written.push(key);
    }
    const newPhotoId = await onReport(db, org, actor, reportId, async (trx, locked) => {
      const current = await bq.lockPhoto(trx, org.id, locked.id, photoId);
      if (!current) throw new AppError('not_found');
      const copy = await bq.insertRedactedPhoto(trx, {
        organizationId: org.id,
        reportId: locked.id,
        storageKey: base,
        width: current.width,
        height: current.height,
        sort: current.sort,
        redactedFrom: current.id,
      });
      if (current.status !== 'hidden') await bq.setPhotoStatus(trx, org.id, current.id, 'hidden');
      await insertEvent(trx, {
        organizationId: org.id,
        reportId: locked.id,
        kind: 'photo_redacted',
        public: false,
        actorUserId: actor.id,
        data: { photoId: current.id, newPhotoId: copy.id, region: parsed.region, originalWas: current.status },
      });
      await bq.updateReport(trx, org.id, locked.id, {});
      return copy.id;
    });
    publicContentChanged(org.id);
    return { ok: true, newPhotoId };
  } catch (err) {
    for (const key of written) await storage.remove(key).catch(() => {});
    throw err;
  }
}

/** The file behind the staff-only photo address, after the same access check as the report. */
export async function photoFileForStaff(deps: { db: Db; storage: FileStorage }, org: Org, actor: Actor, photoId: number, size: PhotoSize): Promise<Buffer> {
  const photo = await bq.photoForStaff(deps.db, org.id, photoId);
  if (!photo) throw new AppError('not_found');
  if (!canWorkOnReport(actor, photo)) throw new AppError('forbidden');
  const data = await deps.storage.get(photoKey(photo.storage_key, size));
  if (!data) throw new AppError('not_found');
  return data;
}
