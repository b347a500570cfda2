import { sql } from 'kysely';
import type { StaffRole, TokenPurpose } from '../../db-schema';
import type { Db } from '../../platform/db/connect';

// Every SQL statement of the accounts module.

export function findUserByEmail(db: Db, organizationId: number, email: string) {
  return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Db, organizationId: number, id: number) {
  return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
}

/** Race-safe: two clicks on two magic links for a new address create one account. */
export async function findOrCreateResident(db: Db, organizationId: number, email: string) {
  await db
    .insertInto('users')
    .values({ organization_id: organizationId, email, role: null })
    .onConflict((oc) => oc.columns(['organization_id', 'email']).doNothing())
    .execute();
  return db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).where('email', '=', email).executeTakeFirstOrThrow();
}

export function insertStaff(db: Db, organizationId: number, s: { email: string; displayName: string; role: StaffRole }) {
  return db
    .insertInto('users')
    .values({ organization_id: organizationId, email: s.email, display_name: s.displayName, role: s.role })
    .onConflict((oc) => oc.columns(['organization_id', 'email']).doUpdateSet({ role: s.role, display_name: s.displayName }))
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** Only departments of the staff member's own city are linked; ids of other cities are left out. */
export async function setStaffDepartments(db: Db, organizationId: number, userId: number, departmentIds: number[]) {
  await db.deleteFrom('staff_departments').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
  if (departmentIds.length > 0) {
    await db
      .insertInto('staff_departments')
      .columns(['organization_id', 'user_id', 'department_id'])
      .expression((eb) =>
        eb
          .selectFrom('departments')
          .select([sql.lit(organizationId).as('organization_id'), sql.lit(userId).as('user_id'), 'id'])
          .where('organization_id', '=', organizationId)
          .where('id', 'in', departmentIds),
      )
      .execute();
  }
}

export function updateStaff(db: Db, organizationId: number, id: number, s: { role: StaffRole; displayName: string }) {
  return db
    .updateTable('users')
    .set({ role: s.role, display_name: s.displayName })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function setDisabled(db: Db, organizationId: number, id: number, disabled: boolean) {
  return db
    .updateTable('users')
    .set({ disabled_at: disabled ? sql`now()` : null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listStaff(db: Db, organizationId: number) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 'u.disabled_at', 'u.last_login_at', 'u.totp_enabled_at'])
    .select(
      sql<
        string[]
      >`coalesce((SELECT array_agg(d.name ORDER BY d.name) FROM staff_departments sd JOIN departments d ON d.id = sd.department_id WHERE sd.user_id = u.id), '{}')`.as(
        'departments',
      ),
    )
    .where('u.organization_id', '=', organizationId)
    .where('u.role', 'is not', null)
    .orderBy('u.email')
    .execute();
}

export function staffDepartmentIds(db: Db, organizationId: number, userId: number) {
  return db.selectFrom('staff_departments').select('department_id').where('organization_id', '=', organizationId).where('user_id', '=', userId).execute();
}

export function insertToken(
  db: Db,
  t: { tokenHash: string; organizationId: number; purpose: TokenPurpose; userId: number | null; email: string; data?: unknown; minutes: number },
) {
  return db
    .insertInto('login_tokens')
    .values({
      token_hash: t.tokenHash,
      organization_id: t.organizationId,
      purpose: t.purpose,
      user_id: t.userId,
      email: t.email,
      data: JSON.stringify(t.data ?? {}),
      expires_at: sql<Date>`now() + make_interval(mins => ${t.minutes})`,
    })
    .execute();
}

/** Valid, unused and unexpired, without consuming it (for showing a confirmation page). */
export function peekToken(db: Db, organizationId: number, tokenHash: string, purpose: TokenPurpose) {
  return db
    .selectFrom('login_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Single use: one UPDATE both checks and spends the token, so two parallel clicks cannot both succeed. */
export function consumeToken(db: Db, organizationId: number, tokenHash: string, purpose: TokenPurpose) {
  return db
    .updateTable('login_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

export function revokeTokens(db: Db, organizationId: number, userId: number, purpose: TokenPurpose) {
  return db
    .updateTable('login_tokens')
    .set({ used_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export function completeStaffSetup(db: Db, organizationId: number, userId: number, s: { passwordHash: string; sealedTotp: string; step: number }) {
  return db
    .updateTable('users')
    .set({ password_hash: s.passwordHash, totp_secret: s.sealedTotp, totp_enabled_at: sql`now()`, totp_last_step: s.step, last_login_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .execute();
}

/** Records the TOTP step only if it is newer than the last one: the database settles replay races. */
export async function useTotpStep(db: Db, organizationId: number, userId: number, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step, last_login_at: sql`now()` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function setPassword(db: Db, organizationId: number, userId: number, passwordHash: string) {
  return db.updateTable('users').set({ password_hash: passwordHash }).where('organization_id', '=', organizationId).where('id', '=', userId).execute();
}

export function touchLogin(db: Db, organizationId: number, userId: number) {
  return db.updateTable('users').set({ last_login_at: sql`now()` }).where('organization_id', '=', organizationId).where('id', '=', userId).execute();
}

export function setDisplayName(db: Db, organizationId: number, userId: number, displayName: string) {
  return db.updateTable('users').set({ display_name: displayName }).where('organization_id', '=', organizationId).where('id', '=', userId).execute();
}

/** Links used or expired longer ago than `days` (RETENTION_LINK_DAYS): each row holds an email address. */
export async function purgeOldTokens(db: Db, days: number): Promise<number> {
  const before = sql<Date>`now() - make_interval(days => ${days})`;
  const r = await db
    .deleteFrom('login_tokens')
    .where((eb) => eb.or([eb('expires_at', '<', before), eb('used_at', '<', before)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
