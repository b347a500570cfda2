import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';
import type { IsoDay } from './age';

// All SQL of the eligibility feature: verifications, letter-code batches and codes, bodies and their members.
// Dates are read as text ('YYYY-MM-DD'), since the PostgreSQL and PGlite drivers turn `date` into different things.

type Executor = Db | Trx;

export interface VerificationRow {
  district_id: number | null;
  district_name: string | null;
  born_from: IsoDay | null;
  born_to: IsoDay | null;
  valid_until: IsoDay;
  method: 'letter_code' | 'counter';
  verified_at: Date;
}

export function verificationOf(db: Executor, organizationId: number, userId: number): Promise<VerificationRow | undefined> {
  return db
    .selectFrom('participation_verifications as v')
    .leftJoin('districts as d', (j) => j.onRef('d.id', '=', 'v.district_id').on('d.organization_id', '=', organizationId))
    .select([
      'v.district_id',
      'd.name as district_name',
      sql<IsoDay | null>`v.born_from::text`.as('born_from'),
      sql<IsoDay | null>`v.born_to::text`.as('born_to'),
      sql<IsoDay>`v.valid_until::text`.as('valid_until'),
      'v.method',
      'v.verified_at',
    ])
    .where('v.organization_id', '=', organizationId)
    .where('v.user_id', '=', userId)
    .executeTakeFirst();
}

export interface VerificationValues {
  districtId: number | null;
  bornFrom: IsoDay | null;
  bornTo: IsoDay | null;
  validUntil: IsoDay;
  method: 'letter_code' | 'counter';
  verifiedBy: number | null;
}

/** The account's one current verification: a new one replaces the old one whole (attributes are never merged). */
export async function saveVerification(db: Executor, organizationId: number, userId: number, v: VerificationValues): Promise<void> {
  const values = {
    district_id: v.districtId,
    born_from: v.bornFrom,
    born_to: v.bornTo,
    valid_until: v.validUntil,
    method: v.method,
    verified_by: v.verifiedBy,
    verified_at: sql<Date>`now()`,
  };
  await db
    .insertInto('participation_verifications')
    .values({ organization_id: organizationId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doUpdateSet(values))
    .execute();
}

export async function isBodyMember(db: Executor, organizationId: number, bodyId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('participation_body_members')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function districtsOf(db: Executor, organizationId: number) {
  return db.selectFrom('districts').select(['id', 'name']).where('organization_id', '=', organizationId).orderBy('name').execute();
}

export function districtOf(db: Executor, organizationId: number, districtId: number) {
  return db.selectFrom('districts').select(['id', 'name']).where('organization_id', '=', organizationId).where('id', '=', districtId).executeTakeFirst();
}

/** Any account of the city by its address (residents and staff alike: staff may live in the city too). */
export function accountByEmail(db: Executor, organizationId: number, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

// ----- letter codes

export interface BatchValues {
  districtId: number | null;
  ageMin: number | null;
  ageMax: number | null;
  bornFrom: IsoDay | null;
  bornTo: IsoDay | null;
  validUntil: IsoDay;
  createdBy: number | null;
}

export async function insertBatch(trx: Trx, organizationId: number, b: BatchValues, hashes: string[], sealedCodes: string | null): Promise<number> {
  const { id } = await trx
    .insertInto('participation_code_batches')
    .values({
      organization_id: organizationId,
      district_id: b.districtId,
      age_min: b.ageMin,
      age_max: b.ageMax,
      born_from: b.bornFrom,
      born_to: b.bornTo,
      valid_until: b.validUntil,
      code_count: hashes.length,
      sealed_codes: sealedCodes,
      created_by: b.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // 1,000 rows a statement keeps each one well below the 65,535 parameters PostgreSQL allows.
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = hashes.slice(i, i + 1000).map((code_hash) => ({ organization_id: organizationId, batch_id: id, code_hash }));
    await trx.insertInto('participation_codes').values(rows).execute();
  }
  return id;
}

export interface RedeemedBatch {
  batch_id: number;
  district_id: number | null;
  born_from: IsoDay | null;
  born_to: IsoDay | null;
  valid_until: IsoDay;
}

/**
 * Spends a code in one statement: only an unused, unrevoked code of an unexpired batch of this city is marked, so
 * of any number of parallel tries exactly one gets a row back (the others wait for its row lock and then find
 * used_at set). Returns the batch's attributes, or undefined.
 */
export async function spendCode(trx: Trx, organizationId: number, codeHash: string, userId: number, today: IsoDay): Promise<RedeemedBatch | undefined> {
  const r = await sql<RedeemedBatch>`
    UPDATE participation_codes c SET used_at = now(), used_by = ${userId}
    FROM participation_code_batches b
    WHERE c.organization_id = ${organizationId} AND c.code_hash = ${codeHash} AND c.used_at IS NULL AND c.revoked_at IS NULL
      AND b.id = c.batch_id AND b.organization_id = c.organization_id AND b.valid_until >= ${today}::date
    RETURNING b.id AS batch_id, b.district_id, b.born_from::text AS born_from, b.born_to::text AS born_to, b.valid_until::text AS valid_until`.execute(trx);
  return r.rows[0];
}

/** Why a code could not be spent (for the message; all of them count against the rate limit alike). */
export async function codeState(db: Executor, organizationId: number, codeHash: string, today: IsoDay): Promise<'unknown' | 'used' | 'revoked' | 'expired'> {
  const row = await db
    .selectFrom('participation_codes as c')
    .innerJoin('participation_code_batches as b', (j) => j.onRef('b.id', '=', 'c.batch_id').onRef('b.organization_id', '=', 'c.organization_id'))
    .select(['c.used_at', 'c.revoked_at', sql<boolean>`b.valid_until < ${today}::date`.as('expired')])
    .where('c.organization_id', '=', organizationId)
    .where('c.code_hash', '=', codeHash)
    .executeTakeFirst();
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  if (row.revoked_at) return 'revoked';
  return row.expired ? 'expired' : 'unknown';
}

export function listBatches(db: Executor, organizationId: number) {
  return db
    .selectFrom('participation_code_batches as b')
    .leftJoin('districts as d', (j) => j.onRef('d.id', '=', 'b.district_id').on('d.organization_id', '=', organizationId))
    .select([
      'b.id',
      'd.name as district_name',
      'b.age_min',
      'b.age_max',
      sql<IsoDay>`b.valid_until::text`.as('valid_until'),
      'b.code_count',
      'b.created_at',
      sql<number>`(SELECT count(*)::int FROM participation_codes c WHERE c.organization_id = b.organization_id AND c.batch_id = b.id AND c.used_at IS NOT NULL)`.as(
        'used',
      ),
      sql<number>`(SELECT count(*)::int FROM participation_codes c WHERE c.organization_id = b.organization_id AND c.batch_id = b.id AND c.revoked_at IS NOT NULL AND c.used_at IS NULL)`.as(
        'revoked',
      ),
    ])
    .where('b.organization_id', '=', organizationId)
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(200)
    .execute();
}

export async function revokeUnusedCodes(db: Executor, organizationId: number, batchId: number): Promise<number> {
  const r = await db
    .updateTable('participation_codes')
    .set({ revoked_at: sql<Date>`now()` })
    .where('organization_id', '=', organizationId)
    .where('batch_id', '=', batchId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findBatch(db: Executor, organizationId: number, batchId: number) {
  return db
    .selectFrom('participation_code_batches')
    .select(['id', 'created_by'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', batchId)
    .executeTakeFirst();
}

/** The sealed plain codes of a batch its creator made in the last `minutes` minutes, if not yet dropped. */
export async function sealedCodesOf(db: Executor, organizationId: number, batchId: number, createdBy: number, minutes: number): Promise<string | null> {
  const row = await db
    .selectFrom('participation_code_batches')
    .select('sealed_codes')
    .where('organization_id', '=', organizationId)
    .where('id', '=', batchId)
    .where('created_by', '=', createdBy)
    .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .executeTakeFirst();
  return row?.sealed_codes ?? null;
}

/** Drops the plain codes of the city's batches older than `minutes`: from then on only the hashes exist. */
export async function dropOldSealedCodes(db: Executor, organizationId: number, minutes: number): Promise<number> {
  const r = await db
    .updateTable('participation_code_batches')
    .set({ sealed_codes: null })
    .where('organization_id', '=', organizationId)
    .where('sealed_codes', 'is not', null)
    .where('created_at', '<=', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * The purge job: drops the plain codes of every city's batches once their download window has passed, so a batch
 * nobody looked at again does not keep them (listed in cross-city-queries.ts).
 */
export async function dropSealedCodesOfAllCities(db: Executor, minutes: number): Promise<number> {
  const r = await db
    .updateTable('participation_code_batches')
    .set({ sealed_codes: null })
    .where('sealed_codes', 'is not', null)
    .where('created_at', '<=', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ----- bodies

export function listBodies(db: Executor, organizationId: number) {
  return db
    .selectFrom('participation_bodies as b')
    .select([
      'b.id',
      'b.kind',
      'b.name',
      sql<number>`(SELECT count(*)::int FROM participation_body_members m WHERE m.organization_id = b.organization_id AND m.body_id = b.id)`.as('members'),
    ])
    .where('b.organization_id', '=', organizationId)
    .orderBy('b.name')
    .execute();
}

export function findBody(db: Executor, organizationId: number, bodyId: number) {
  return db
    .selectFrom('participation_bodies')
    .select(['id', 'kind', 'name'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', bodyId)
    .executeTakeFirst();
}

export function bodyByName(db: Executor, organizationId: number, name: string) {
  return db.selectFrom('participation_bodies').select('id').where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export type BodyKind = 'youth_parliament' | 'seniors_council' | 'district_council' | 'other';

/** Creates a body unless the city has one of that name (the processes' seed may have made it first). */
export async function insertBody(db: Executor, organizationId: number, kind: BodyKind, name: string): Promise<number | undefined> {
  const row = await db
    .insertInto('participation_bodies')
    .values({ organization_id: organizationId, kind, name })
    .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function renameBody(db: Executor, organizationId: number, bodyId: number, kind: BodyKind, name: string): Promise<boolean> {
  const r = await db
    .updateTable('participation_bodies')
    .set({ kind, name })
    .where('organization_id', '=', organizationId)
    .where('id', '=', bodyId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function bodyMembers(db: Executor, organizationId: number, bodyId: number) {
  return db
    .selectFrom('participation_body_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'm.user_id').onRef('u.organization_id', '=', 'm.organization_id'))
    .select(['u.id', 'u.email', 'u.display_name', 'm.added_at'])
    .where('m.organization_id', '=', organizationId)
    .where('m.body_id', '=', bodyId)
    .orderBy('u.email')
    .execute();
}

export async function addBodyMember(db: Executor, organizationId: number, bodyId: number, userId: number, addedBy: number | null): Promise<boolean> {
  const row = await db
    .insertInto('participation_body_members')
    .values({ organization_id: organizationId, body_id: bodyId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.columns(['body_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeBodyMember(db: Executor, organizationId: number, bodyId: number, userId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('participation_body_members')
    .where('organization_id', '=', organizationId)
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ----- personal data

export function membershipsOf(db: Executor, organizationId: number, userId: number) {
  return db
    .selectFrom('participation_body_members as m')
    .innerJoin('participation_bodies as b', (j) => j.onRef('b.id', '=', 'm.body_id').onRef('b.organization_id', '=', 'm.organization_id'))
    .select(['b.name as body', 'm.added_at'])
    .where('m.organization_id', '=', organizationId)
    .where('m.user_id', '=', userId)
    .orderBy('b.name')
    .execute();
}

/** Removes the account's verification and memberships, and forgets who spent which code (the code stays spent). */
export async function forgetPerson(trx: Trx, organizationId: number, userId: number) {
  const v = await trx.deleteFrom('participation_verifications').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  const m = await trx.deleteFrom('participation_body_members').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  const c = await trx
    .updateTable('participation_codes')
    .set({ used_by: null })
    .where('organization_id', '=', organizationId)
    .where('used_by', '=', userId)
    .executeTakeFirst();
  return { verifications: Number(v.numDeletedRows), bodyMemberships: Number(m.numDeletedRows), letterCodes: Number(c.numUpdatedRows) };
}
