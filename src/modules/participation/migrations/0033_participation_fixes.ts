import { type Kysely, sql } from 'kysely';

// Fixes after review (issue 16), in a new migration since databases may already have 0027–0030:
// - A letter-code batch keeps the day its age band refers to ("14–17 am 01.03.2027", the vote's reference date),
//   so its list and CSV can say so; older batches referred to their day of issue (age_on stays NULL for them).
// - Staff references become foreign keys that are cleared when the staff account is erased: who verified an
//   account at a counter, who made a batch, who added a body member. A counter verification whose staff member
//   is gone stays valid, so 0029's check is relaxed to "only counter verifications name a staff member".

const STAFF_REFERENCES = [
  { table: 'participation_verifications', column: 'verified_by' },
  { table: 'participation_code_batches', column: 'created_by' },
  { table: 'participation_body_members', column: 'added_by' },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE participation_code_batches ADD COLUMN age_on date`.execute(db);

  const checks = await sql<{ conname: string }>`
    SELECT conname FROM pg_constraint
    WHERE conrelid = 'participation_verifications'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%verified_by%'`.execute(db);
  for (const { conname } of checks.rows) await sql`ALTER TABLE participation_verifications DROP CONSTRAINT ${sql.id(conname)}`.execute(db);
  await sql`ALTER TABLE participation_verifications ADD CONSTRAINT participation_verifications_verified_by_counter
    CHECK (method = 'counter' OR verified_by IS NULL)`.execute(db);

  for (const { table, column } of STAFF_REFERENCES) {
    // Rows that name an account erased before this migration lose the name, as later erasures will do.
    await sql`UPDATE ${sql.table(table)} t SET ${sql.id(column)} = NULL
      WHERE ${sql.ref(`t.${column}`)} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = ${sql.ref(`t.${column}`)} AND u.organization_id = t.organization_id)`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT ${sql.id(`${table}_${column}_fk`)}
      FOREIGN KEY (${sql.id(column)}, organization_id) REFERENCES users(id, organization_id) ON DELETE SET NULL (${sql.id(column)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table, column } of STAFF_REFERENCES) {
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(`${table}_${column}_fk`)}`.execute(db);
  }
  await sql`ALTER TABLE participation_verifications DROP CONSTRAINT participation_verifications_verified_by_counter`.execute(db);
  await sql`ALTER TABLE participation_verifications ADD CHECK ((method = 'counter') = (verified_by IS NOT NULL))`.execute(db);
  await sql`ALTER TABLE participation_code_batches DROP COLUMN age_on`.execute(db);
}
