import type { Kysely } from 'kysely';
import type { SupporterTable } from './tables';

// "Me too", for any table described by a SupporterTable. The tables differ per feature, so the database is
// taken untyped here; the descriptions are checked against the schema where they are written (tables.ts).

// biome-ignore lint/suspicious/noExplicitAny: the table names come from the description, checked where it is made.
type AnyDb = Kysely<any>;

/**
 * Counts a supporter once: the unique constraint decides under any concurrency, and the counter moves only on
 * insert, in the same transaction (the caller's, or one opened here). True when this call added the supporter.
 */
export async function addSupporter(
  db: AnyDb,
  spec: SupporterTable,
  organizationId: number,
  subjectId: number,
  supporterKey: string,
  userId: number | null,
): Promise<boolean> {
  const add = async (trx: AnyDb) => {
    const inserted = await trx
      .insertInto(spec.table)
      .values({ organization_id: organizationId, [spec.subject]: subjectId, [spec.key]: supporterKey, [spec.user]: userId })
      .onConflict((oc) => oc.columns([spec.subject, spec.key]).doNothing())
      .returning([spec.subject])
      .executeTakeFirst();
    if (!inserted) return false;
    await trx
      .updateTable(spec.counted.table)
      .set((eb) => ({ [spec.counted.count]: eb(spec.counted.count, '+', 1) }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', subjectId)
      .execute();
    return true;
  };
  return db.isTransaction ? add(db) : db.transaction().execute(add);
}

export async function isSupporter(db: AnyDb, spec: SupporterTable, organizationId: number, subjectId: number, supporterKey: string): Promise<boolean> {
  const row = await db
    .selectFrom(spec.table)
    .select(spec.subject)
    .where('organization_id', '=', organizationId)
    .where(spec.subject, '=', subjectId)
    .where(spec.key, '=', supporterKey)
    .executeTakeFirst();
  return row !== undefined;
}
