import { sql } from 'kysely';
import type { StaffRole } from '../../db-schema';
import type { Db } from '../db/connect';
import { isLocale, type Locale } from '../i18n';
import { hashToken, randomToken } from '../security/tokens';

export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  /** Staff role; null for residents and for staff signed in by magic link (resident level only). */
  role: StaffRole | null;
  level: 'resident' | 'staff';
  departmentIds: number[];
  /** The language chosen on the account (migration 0021); null until the person chooses or signs in. */
  locale?: Locale | null;
}

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(db: Db, input: { organizationId: number; userId: number; level: 'resident' | 'staff' } & SessionTimeouts): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      organization_id: input.organizationId,
      user_id: input.userId,
      level: input.level,
      idle_minutes: input.idleMinutes,
      expires_at: new Date(Date.now() + input.absoluteHours * 3600_000),
    })
    .execute();
  return token;
}

/** Null when unknown, expired (absolute or idle), for another city, or the account is disabled. */
export async function loadSession(db: Db, organizationId: number, token: string): Promise<SessionUser | null> {
  const idHash = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.role', 's.level', 's.last_seen_at'])
    .select(sql<string | null>`u.locale`.as('locale'))
    .select(
      sql<number[]>`coalesce((SELECT array_agg(department_id ORDER BY department_id) FROM staff_departments sd WHERE sd.user_id = u.id), '{}')`.as(
        'department_ids',
      ),
    )
    .where('s.id_hash', '=', idHash)
    .where('s.organization_id', '=', organizationId)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where(sql<boolean>`s.last_seen_at + make_interval(mins => s.idle_minutes) > now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Writing on every request would make each page view a write; a minute of slack is harmless.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id_hash', '=', idHash).execute();
  }
  const staff = row.level === 'staff' && row.role !== null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: staff ? row.role : null,
    level: staff ? 'staff' : 'resident',
    departmentIds: staff ? row.department_ids.map(Number) : [],
    locale: isLocale(row.locale) ? row.locale : null,
  };
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
}

export async function destroyUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), sql<boolean>`(last_seen_at + make_interval(mins => idle_minutes)) <= now()`]))
    .execute();
}
