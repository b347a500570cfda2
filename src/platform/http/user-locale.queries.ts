import { sql } from 'kysely';
import type { Db } from '../db/connect';
import type { Locale } from '../i18n';

// The language a person chose, kept on their account (users.locale, migration 0021) so that every device and every
// mail uses it. The platform writes it (the language switch and sign-in are the platform's); modules read it with
// the recipient's other data when they write a mail.

export async function saveUserLocale(db: Db, organizationId: number, userId: number, locale: Locale): Promise<void> {
  await sql`UPDATE users SET locale = ${locale} WHERE id = ${userId} AND organization_id = ${organizationId} AND locale IS DISTINCT FROM ${locale}`.execute(db);
}

/** Keeps the language of the page someone signed in from, unless they chose one before. */
export async function saveUserLocaleIfUnset(db: Db, organizationId: number, userId: number, locale: Locale): Promise<void> {
  await sql`UPDATE users SET locale = ${locale} WHERE id = ${userId} AND organization_id = ${organizationId} AND locale IS NULL`.execute(db);
}

/** The language of the account with this address in this city, if it has one: for mails addressed by email. */
export async function localeOfAddress(db: Db, organizationId: number, email: string): Promise<Locale | null> {
  const row = await sql<{
    locale: Locale | null;
  }>`SELECT locale FROM users WHERE organization_id = ${organizationId} AND email = ${email.toLowerCase()}`.execute(db);
  return row.rows[0]?.locale ?? null;
}
