import type { Expression, Kysely } from 'kysely';
import type { FollowerTable } from './tables';

// Following, for any table described by a FollowerTable. The unsubscribe link stands for the stored token hash
// (unsubscribe.ts); these are the lookups behind it.

// biome-ignore lint/suspicious/noExplicitAny: the table names come from the description, checked where it is made.
type AnyDb = Kysely<any>;

/**
 * Adds a follower once per address and subject (a second call changes nothing, the first token stays valid).
 * `extra` sets the feature's own columns, e.g. where its mails start.
 */
export async function addFollower(
  db: AnyDb,
  spec: FollowerTable,
  f: { organizationId: number; subjectId: number; email: string; tokenHash: string; extra?: Record<string, Expression<unknown> | string | number | null> },
): Promise<void> {
  await db
    .insertInto(spec.table)
    .values({ organization_id: f.organizationId, [spec.subject]: f.subjectId, [spec.email]: f.email, [spec.tokenHash]: f.tokenHash, ...f.extra })
    .onConflict((oc) => oc.columns([spec.subject, spec.email]).doNothing())
    .execute();
}

export async function isFollower(db: AnyDb, spec: FollowerTable, organizationId: number, subjectId: number, email: string): Promise<boolean> {
  const row = await db
    .selectFrom(spec.table)
    .select(spec.subject)
    .where('organization_id', '=', organizationId)
    .where(spec.subject, '=', subjectId)
    .where(spec.email, '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeFollower(db: AnyDb, spec: FollowerTable, organizationId: number, subjectId: number, email: string): Promise<void> {
  await db.deleteFrom(spec.table).where('organization_id', '=', organizationId).where(spec.subject, '=', subjectId).where(spec.email, '=', email).execute();
}

/** The follower a verified unsubscribe token stands for: its subject's id, or undefined. */
export async function followerByTokenHash(db: AnyDb, spec: FollowerTable, organizationId: number, tokenHash: string): Promise<number | undefined> {
  const row = await db
    .selectFrom(spec.table)
    .select(spec.subject)
    .where('organization_id', '=', organizationId)
    .where(spec.tokenHash, '=', tokenHash)
    .executeTakeFirst();
  return row ? (row[spec.subject] as number) : undefined;
}

/** Removes the follower a verified unsubscribe token stands for; its subject's id, or undefined when it was gone. */
export async function deleteFollowerByTokenHash(db: AnyDb, spec: FollowerTable, organizationId: number, tokenHash: string): Promise<number | undefined> {
  const row = await db
    .deleteFrom(spec.table)
    .where('organization_id', '=', organizationId)
    .where(spec.tokenHash, '=', tokenHash)
    .returning(spec.subject)
    .executeTakeFirst();
  return row ? (row[spec.subject] as number) : undefined;
}
