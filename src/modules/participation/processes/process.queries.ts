import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../../db-schema';
import type { Db, Trx } from '../../../platform/db/connect';
import type { EligibilityRules } from '../eligibility/rule';
import type { ProcessState } from './process';

// All SQL of the processes feature. Days (`today`) are Berlin calendar days as YYYY-MM-DD, computed by the caller.

type Eb = ExpressionBuilder<Database, 'participation_processes'>;

const phaseOf = (eb: Eb) =>
  eb
    .selectFrom('participation_phases as ph')
    .whereRef('ph.process_id', '=', 'participation_processes.id')
    .whereRef('ph.organization_id', '=', 'participation_processes.organization_id');

/** The SQL twin of processState (process.ts): upcoming until something started, finished when every phase is over. */
function stateFilter(eb: Eb, state: ProcessState, today: string) {
  const started = phaseOf(eb)
    .select('ph.id')
    .where((w) => w.or([w('ph.ended_early_at', 'is not', null), w('ph.starts_on', '<=', today)]));
  const notOver = phaseOf(eb).select('ph.id').where('ph.ended_early_at', 'is', null).where('ph.ends_on', '>=', today);
  if (state === 'upcoming') return eb.not(eb.exists(started));
  if (state === 'finished') return eb.and([eb.exists(phaseOf(eb).select('ph.id')), eb.not(eb.exists(notOver))]);
  return eb.and([eb.exists(started), eb.exists(notOver)]);
}

export interface PublicListFilter {
  state: ProcessState;
  today: string;
  districtId?: number | undefined;
  topic?: string | undefined;
  limit: number;
  offset: number;
}

function publicList(db: Db, organizationId: number, f: Omit<PublicListFilter, 'limit' | 'offset'>) {
  let q = db
    .selectFrom('participation_processes')
    .where('participation_processes.organization_id', '=', organizationId)
    .where('participation_processes.published', '=', true)
    .where((eb) => stateFilter(eb, f.state, f.today));
  if (f.topic) q = q.where('participation_processes.topic', '=', f.topic);
  const districtId = f.districtId;
  if (districtId !== undefined) {
    // Whole-city processes concern every district.
    q = q.where((eb) => {
      const rows = eb
        .selectFrom('participation_process_districts as pd')
        .select('pd.district_id')
        .whereRef('pd.process_id', '=', 'participation_processes.id')
        .whereRef('pd.organization_id', '=', 'participation_processes.organization_id');
      return eb.or([eb.not(eb.exists(rows)), eb.exists(rows.where('pd.district_id', '=', districtId))]);
    });
  }
  return q;
}

/** A page of published processes in one state, newest change first, with the number of all that match. */
export async function listPublicProcesses(db: Db, organizationId: number, f: PublicListFilter) {
  const base = publicList(db, organizationId, f);
  const [rows, total] = await Promise.all([
    base
      .select(['id', 'title', 'summary', 'topic', 'image_key', 'image_alt', 'updated_at'])
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export type ProcessRow = Awaited<ReturnType<typeof findProcess>> & {};

/** One process of the city, published or not (the back office; public callers check `published`). */
export function findProcess(db: Db, organizationId: number, id: number) {
  return db
    .selectFrom('participation_processes as p')
    .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'p.department_id').onRef('d.organization_id', '=', 'p.organization_id'))
    .leftJoin('participation_bodies as b', (j) => j.onRef('b.id', '=', 'p.body_id').onRef('b.organization_id', '=', 'p.organization_id'))
    .select([
      'p.id',
      'p.title',
      'p.summary',
      'p.body_html',
      'p.topic',
      'p.department_id',
      'p.body_id',
      'p.rules',
      'p.published',
      'p.image_key',
      'p.image_alt',
      'p.created_at',
      'p.updated_at',
      sql<string | null>`coalesce(d.name, b.name)`.as('responsible_name'),
    ])
    .where('p.organization_id', '=', organizationId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export interface PhaseRow {
  id: number;
  process_id: number;
  title: string;
  description: string;
  starts_on: string;
  ends_on: string;
  kinds: string[];
  ended_early_at: Date | null;
  ended_early_reason: string | null;
}

/** The phases of some processes of the city, in order of their first day. */
export function phasesOf(db: Db, organizationId: number, processIds: readonly number[]): Promise<PhaseRow[]> {
  if (processIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('participation_phases')
    .select([
      'id',
      'process_id',
      'title',
      'description',
      sql<string>`starts_on::text`.as('starts_on'),
      sql<string>`ends_on::text`.as('ends_on'),
      'kinds',
      'ended_early_at',
      'ended_early_reason',
    ])
    .where('organization_id', '=', organizationId)
    .where('process_id', 'in', processIds)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}

/** District ids and names of some processes (none for a whole-city process). */
export function districtsOf(db: Db, organizationId: number, processIds: readonly number[]) {
  if (processIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('participation_process_districts as pd')
    .innerJoin('districts as d', 'd.id', 'pd.district_id')
    .select(['pd.process_id', 'd.id', 'd.name'])
    .where('pd.organization_id', '=', organizationId)
    .where('d.organization_id', '=', organizationId)
    .where('pd.process_id', 'in', processIds)
    .orderBy('d.name')
    .execute();
}

export function documentsOf(db: Db, organizationId: number, processId: number) {
  return db
    .selectFrom('participation_process_documents')
    .select(['id', 'title', 'size_bytes', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('process_id', '=', processId)
    .orderBy('id')
    .execute();
}

export function findDocument(db: Db, organizationId: number, processId: number, documentId: number) {
  return db
    .selectFrom('participation_process_documents')
    .select(['id', 'title', 'storage_key', 'size_bytes'])
    .where('organization_id', '=', organizationId)
    .where('process_id', '=', processId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

export function cityDepartments(db: Db, organizationId: number) {
  return db.selectFrom('departments').select(['id', 'name']).where('organization_id', '=', organizationId).orderBy('name').execute();
}

export function cityBodies(db: Db, organizationId: number) {
  return db.selectFrom('participation_bodies').select(['id', 'name']).where('organization_id', '=', organizationId).orderBy('name').execute();
}

/** Published processes not finished yet (current and upcoming), for other modules' "belongs to process" choice. */
export function openProcessOptions(db: Db, organizationId: number, today: string) {
  return db
    .selectFrom('participation_processes')
    .select(['id', 'title'])
    .where('organization_id', '=', organizationId)
    .where('published', '=', true)
    .where((eb) => eb.not(stateFilter(eb, 'finished', today)))
    .orderBy('title')
    .execute();
}

/** The back office's list: all processes, or those of some departments (department staff). */
export async function listStaffProcesses(db: Db, organizationId: number, f: { departmentIds: number[] | null; limit: number; offset: number }) {
  let q = db.selectFrom('participation_processes').where('participation_processes.organization_id', '=', organizationId);
  const ids = f.departmentIds;
  if (ids !== null) q = ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('participation_processes.department_id', 'in', ids);
  const [rows, total] = await Promise.all([
    q
      .leftJoin('departments as d', (j) =>
        j.onRef('d.id', '=', 'participation_processes.department_id').onRef('d.organization_id', '=', 'participation_processes.organization_id'),
      )
      .leftJoin('participation_bodies as b', (j) =>
        j.onRef('b.id', '=', 'participation_processes.body_id').onRef('b.organization_id', '=', 'participation_processes.organization_id'),
      )
      .select([
        'participation_processes.id',
        'participation_processes.title',
        'participation_processes.published',
        sql<string | null>`coalesce(d.name, b.name)`.as('responsible_name'),
      ])
      .orderBy('participation_processes.updated_at', 'desc')
      .orderBy('participation_processes.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export interface ProcessValues {
  title: string;
  summary: string;
  bodyHtml: string;
  topic: string;
  departmentId: number | null;
  bodyId: number | null;
  rules: EligibilityRules;
  published: boolean;
}

const columns = (v: ProcessValues) => ({
  title: v.title,
  summary: v.summary,
  body_html: v.bodyHtml,
  topic: v.topic,
  department_id: v.departmentId,
  body_id: v.bodyId,
  rules: JSON.stringify(v.rules),
  published: v.published,
});

export async function insertProcess(trx: Trx, organizationId: number, v: ProcessValues, createdBy: number | null): Promise<number> {
  const row = await trx
    .insertInto('participation_processes')
    .values({ organization_id: organizationId, ...columns(v), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProcess(trx: Trx, organizationId: number, id: number, v: ProcessValues): Promise<void> {
  await trx
    .updateTable('participation_processes')
    .set({ ...columns(v), updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** The area: the given districts (of this city only), none for the whole city. */
export async function setProcessDistricts(trx: Trx, organizationId: number, processId: number, districtIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('participation_process_districts').where('organization_id', '=', organizationId).where('process_id', '=', processId).execute();
  if (districtIds.length === 0) return;
  await trx
    .insertInto('participation_process_districts')
    .columns(['organization_id', 'process_id', 'district_id'])
    .expression((eb) =>
      eb
        .selectFrom('districts')
        .select([sql.lit(organizationId).as('organization_id'), sql.lit(processId).as('process_id'), 'id'])
        .where('organization_id', '=', organizationId)
        .where('id', 'in', [...districtIds]),
    )
    .execute();
}

export async function touchProcess(db: Db, organizationId: number, id: number): Promise<void> {
  await db.updateTable('participation_processes').set({ updated_at: sql`now()` }).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function setProcessImage(db: Db, organizationId: number, id: number, imageKey: string, alt: string): Promise<void> {
  await db
    .updateTable('participation_processes')
    .set({ image_key: imageKey, image_alt: alt, updated_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export interface PhaseValues {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  kinds: string[];
}

export async function insertPhase(db: Db, organizationId: number, processId: number, v: PhaseValues): Promise<number> {
  const row = await db
    .insertInto('participation_phases')
    .values({
      organization_id: organizationId,
      process_id: processId,
      title: v.title,
      description: v.description,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      kinds: v.kinds,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePhase(db: Db, organizationId: number, processId: number, phaseId: number, v: PhaseValues): Promise<void> {
  await db
    .updateTable('participation_phases')
    .set({ title: v.title, description: v.description, starts_on: v.startsOn, ends_on: v.endsOn, kinds: v.kinds })
    .where('organization_id', '=', organizationId)
    .where('process_id', '=', processId)
    .where('id', '=', phaseId)
    .execute();
}

export async function deletePhase(db: Db, organizationId: number, processId: number, phaseId: number): Promise<void> {
  await db
    .deleteFrom('participation_phases')
    .where('organization_id', '=', organizationId)
    .where('process_id', '=', processId)
    .where('id', '=', phaseId)
    .execute();
}

/** Locks the phase so two "end now" clicks record one ending. */
export function lockPhase(trx: Trx, organizationId: number, processId: number, phaseId: number) {
  return trx
    .selectFrom('participation_phases')
    .select(['id', 'title', sql<string>`starts_on::text`.as('starts_on'), sql<string>`ends_on::text`.as('ends_on'), 'ended_early_at'])
    .where('organization_id', '=', organizationId)
    .where('process_id', '=', processId)
    .where('id', '=', phaseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markPhaseEnded(trx: Trx, organizationId: number, phaseId: number, by: number, reason: string): Promise<void> {
  await trx
    .updateTable('participation_phases')
    .set({ ended_early_at: sql`now()`, ended_early_by: by, ended_early_reason: reason })
    .where('organization_id', '=', organizationId)
    .where('id', '=', phaseId)
    .execute();
}

export async function insertDocument(
  db: Db,
  organizationId: number,
  processId: number,
  d: { title: string; storageKey: string; sizeBytes: number },
): Promise<number> {
  const row = await db
    .insertInto('participation_process_documents')
    .values({ organization_id: organizationId, process_id: processId, title: d.title, storage_key: d.storageKey, size_bytes: d.sizeBytes })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function deleteDocument(db: Db, organizationId: number, processId: number, documentId: number) {
  return db
    .deleteFrom('participation_process_documents')
    .where('organization_id', '=', organizationId)
    .where('process_id', '=', processId)
    .where('id', '=', documentId)
    .returning('storage_key')
    .executeTakeFirst();
}

export async function processAudit(
  db: Db,
  a: { organizationId: number; actorUserId: number; action: string; subject: string; details?: unknown },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ organization_id: a.organizationId, actor_user_id: a.actorUserId, action: a.action, subject: a.subject, details: JSON.stringify(a.details ?? {}) })
    .execute();
}

/** Published process ids and their last change, for the sitemap. */
export function publishedProcesses(db: Db, organizationId: number) {
  return db
    .selectFrom('participation_processes')
    .select(['id', 'updated_at'])
    .where('organization_id', '=', organizationId)
    .where('published', '=', true)
    .orderBy('id')
    .execute();
}

/** News for the city feed: the newest changed published processes and the phases that started most recently. */
export async function processNews(db: Db, organizationId: number, today: string, limit: number) {
  const [processes, phases] = await Promise.all([
    db
      .selectFrom('participation_processes')
      .select(['id', 'title', 'summary', 'topic', 'created_at', 'updated_at'])
      .where('organization_id', '=', organizationId)
      .where('published', '=', true)
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('participation_phases as ph')
      .innerJoin('participation_processes as p', (j) => j.onRef('p.id', '=', 'ph.process_id').onRef('p.organization_id', '=', 'ph.organization_id'))
      .select(['ph.id', 'ph.process_id', 'ph.title', 'ph.description', sql<string>`ph.starts_on::text`.as('starts_on'), 'p.title as process_title', 'p.topic'])
      .where('ph.organization_id', '=', organizationId)
      .where('p.published', '=', true)
      .where('ph.starts_on', '<=', today)
      .orderBy('ph.starts_on', 'desc')
      .limit(limit)
      .execute(),
  ]);
  return { processes, phases };
}
