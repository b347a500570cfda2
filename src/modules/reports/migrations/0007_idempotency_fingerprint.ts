import { type Kysely, sql } from 'kysely';

// A repeated idempotency key must carry the same submission: the hash of what was first sent under a key lets a
// repeat with different content be refused (422) instead of silently answered with the first report.
const statements = [`ALTER TABLE reports ADD COLUMN idempotency_fingerprint text`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
