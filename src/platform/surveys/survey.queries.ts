import { type RawBuilder, sql } from 'kysely';
import type { Db, Trx } from '../db/connect';
import { hashToken } from '../security/tokens';
import type { SurveyKind, SurveyRow } from './survey';

// The SQL of surveys over any kind's table (named by the kind, columns as in SurveyRow). Raw SQL because the table
// is a parameter; every value is bound, the table name goes through sql.table.

type Kind = Pick<SurveyKind<string, unknown, unknown>, 'table' | 'validDays' | 'stillDue'>;

/**
 * The token_hash of a scheduled row: unique, and no token can hash to it (hashes are base64url). The real token
 * is made when the mail is sent, so the database never holds a usable link for a mail not yet written.
 */
export const PENDING_TOKEN_HASH: RawBuilder<string> = sql<string>`'pending:' || gen_random_uuid()::text`;

/**
 * Locks the most overdue unsent row that is still worth asking about, of any city (the mail job serves them all),
 * with its city's name for the mail; SKIP LOCKED lets other processes take the next one meanwhile.
 */
export async function claimDueSurvey<Row extends SurveyRow = SurveyRow>(trx: Trx, kind: Kind): Promise<{ row: Row; city: string } | undefined> {
  const result = await sql<Row & { survey_city: string }>`
    SELECT q.*, o.name AS survey_city
    FROM ${sql.table(kind.table)} AS q JOIN organizations o ON o.id = q.organization_id
    WHERE q.sent_at IS NULL AND q.due_at <= now() AND (${kind.stillDue})
    ORDER BY q.due_at
    LIMIT 1
    FOR UPDATE OF q SKIP LOCKED`.execute(trx);
  const found = result.rows[0];
  if (!found) return undefined;
  const { survey_city: city, ...row } = found;
  return { row: row as unknown as Row, city };
}

/** Stores the hash of the mailed token and when it was sent. */
export async function markSurveySent(db: Db, kind: Kind, organizationId: number, id: number, token: string): Promise<Date> {
  const result = await sql<{ sent_at: Date }>`
    UPDATE ${sql.table(kind.table)} SET token_hash = ${hashToken(token)}, sent_at = now()
    WHERE organization_id = ${organizationId} AND id = ${id}
    RETURNING sent_at`.execute(db);
  return new Date(result.rows[0]!.sent_at);
}

/** The open survey a link stands for: sent, not answered, not expired, and of this city (links work on their city's host only). */
export async function findOpenSurvey<Row extends SurveyRow>(db: Db, kind: Kind, organizationId: number, token: string): Promise<Row | undefined> {
  const result = await sql<Row>`
    SELECT q.* FROM ${sql.table(kind.table)} AS q
    WHERE q.token_hash = ${hashToken(token)}
      AND q.answered_at IS NULL
      AND q.sent_at IS NOT NULL
      AND q.sent_at > now() - make_interval(days => ${kind.validDays})
      AND q.organization_id = ${organizationId}`.execute(db);
  return result.rows[0];
}

/** Records the answer if the row is still unanswered; false when another request was first. */
export async function recordSurveyAnswer(db: Db, kind: Kind, organizationId: number, id: number, answer: string, comment: string): Promise<boolean> {
  const result = await sql`
    UPDATE ${sql.table(kind.table)} SET answered_at = now(), answer = ${answer}, comment = ${comment}
    WHERE organization_id = ${organizationId} AND id = ${id} AND answered_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

// A person's rows of a kind, by address: for their data export and their account's deletion.

/** What the person was asked and answered (no tokens), oldest first. */
export async function surveysTo(db: Db, kind: Pick<Kind, 'table'>, organizationId: number, email: string) {
  const result = await sql<{ report_id: number; due_at: Date; sent_at: Date | null; answered_at: Date | null; answer: string | null; comment: string }>`
    SELECT report_id, due_at, sent_at, answered_at, answer, comment FROM ${sql.table(kind.table)}
    WHERE organization_id = ${organizationId} AND email = ${email} ORDER BY id`.execute(db);
  return result.rows;
}

/**
 * Unanswered rows to the address go; answered ones keep their answer for the city's figures under a placeholder
 * instead of the address (`keepAnswers`), or go too. Returns the rows touched.
 */
export async function forgetSurveyAddress(trx: Trx, kind: Pick<Kind, 'table'>, organizationId: number, email: string, keepAnswers: boolean): Promise<number> {
  const deleted = await sql`DELETE FROM ${sql.table(kind.table)}
    WHERE organization_id = ${organizationId} AND email = ${email} AND (answered_at IS NULL OR NOT ${keepAnswers})`.execute(trx);
  const anonymised = await sql`UPDATE ${sql.table(kind.table)} SET email = 'anonym:' || id::text
    WHERE organization_id = ${organizationId} AND email = ${email}`.execute(trx);
  return Number(deleted.numAffectedRows ?? 0) + Number(anonymised.numAffectedRows ?? 0);
}
