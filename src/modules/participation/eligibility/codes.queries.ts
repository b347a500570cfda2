import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';
import type { IsoDay } from './age';

// SQL of letter-code batches and their codes (hashes only; the plain codes sealed for 15 minutes). Dates are read as
// text ('YYYY-MM-DD'), since the PostgreSQL and PGlite drivers turn `date` into different things.

type Executor = Db | Trx;

export interface BatchValues {
  districtId: number | null;
  ageMin: number | null;
  ageMax: number | null;
  ageOn: IsoDay;
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
      age_on: b.ageOn,
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
      sql<IsoDay | null>`b.age_on::text`.as('age_on'),
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

/** One batch with what its CSV names: area, age band and its day, valid until. */
export function findBatch(db: Executor, organizationId: number, batchId: number) {
  return db
    .selectFrom('participation_code_batches as b')
    .leftJoin('districts as d', (j) => j.onRef('d.id', '=', 'b.district_id').on('d.organization_id', '=', organizationId))
    .select([
      'b.id',
      'b.created_by',
      'd.name as district_name',
      'b.age_min',
      'b.age_max',
      sql<IsoDay | null>`b.age_on::text`.as('age_on'),
      sql<IsoDay>`b.valid_until::text`.as('valid_until'),
    ])
    .where('b.organization_id', '=', organizationId)
    .where('b.id', '=', batchId)
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
