import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';
import type { IsoDay } from './age';

// SQL of verifications (one per account and city), the city's districts and accounts, and forgetting a person.
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
