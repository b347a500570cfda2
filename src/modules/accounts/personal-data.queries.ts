import type { Db, Trx } from '../../platform/db/connect';

// The accounts module's own part of the residents' data rights: the account, its sessions and its sign-in links.

export function accountForExport(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'created_at', 'last_login_at'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The account's sessions without their secrets (only hashes are stored, and those stay out too). */
export function sessionsForExport(db: Db, organizationId: number, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['level', 'created_at', 'last_seen_at', 'expires_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Holds the account while it is erased: a second deletion at the same moment waits and then finds nothing. */
export function lockAccount(trx: Trx, organizationId: number, userId: number) {
  return trx
    .selectFrom('users')
    .select(['id', 'email', 'role'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Removes the account with its sessions and every sign-in or confirmation link for it or its address. */
export async function eraseAccount(db: Db, organizationId: number, userId: number, email: string) {
  const links = await db
    .deleteFrom('login_tokens')
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('email', '=', email)]))
    .executeTakeFirst();
  const sessions = await db.deleteFrom('sessions').where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  await db.deleteFrom('users').where('organization_id', '=', organizationId).where('id', '=', userId).execute();
  return { links: Number(links.numDeletedRows), sessions: Number(sessions.numDeletedRows) };
}
