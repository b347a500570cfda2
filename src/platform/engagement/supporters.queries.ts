import type { Kysely } from 'kysely';
import type { SupporterTable } from './tables';

// "Me too", for any table described by a SupporterTable. The tables differ per feature, so the database is
// taken untyped here; the descriptions are checked against the schema where they are written (tables.ts).

// biome-ignore lint/suspicious/noExplicitAny: the table names come from the description, checked where it is made.
type AnyDb = Kysely<any>;

/** `added` by this call, `already` a supporter, or `own`: the author of the subject (refused, not counted). */
export type SupportResult = 'added' | 'already' | 'own';

/**
 * Counts a supporter once: the unique constraint decides under any concurrency, and the counter moves only on
 * insert, in the same transaction (the caller's, or one opened here). The subject's author is never counted
 * (when the description names the owner column).
 */
export async function addSupporter(
  db: AnyDb,
  spec: SupporterTable,
  organizationId: number,
  subjectId: number,
  supporterKey: string,
  userId: number | null,
): Promise<SupportResult> {
  const add = async (trx: AnyDb): Promise<SupportResult> => {
    const owner = spec.counted.owner;
    if (owner && userId !== null) {
      const subject = await trx
        .selectFrom(spec.counted.table)
        .select(owner)
        .where('organization_id', '=', organizationId)
        .where('id', '=', subjectId)
        .executeTakeFirst();
      if (subject && subject[owner] === userId) return 'own';
    }
    const inserted = await trx
      .insertInto(spec.table)
      .values({ organization_id: organizationId, [spec.subject]: subjectId, [spec.key]: supporterKey, [spec.user]: userId })
      .onConflict((oc) => oc.columns([spec.subject, spec.key]).doNothing())
      .returning([spec.subject])
      .executeTakeFirst();
    if (!inserted) return 'already';
    await trx
      .updateTable(spec.counted.table)
      .set((eb) => ({ [spec.counted.count]: eb(spec.counted.count, '+', 1) }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', subjectId)
      .execute();
    return 'added';
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
