import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';

// The feature's one cross-city query (a job for every city), listed by this path in cross-city-queries.ts. The
// city's own queries are in verification.queries.ts, codes.queries.ts and bodies.queries.ts.

type Executor = Db | Trx;

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
