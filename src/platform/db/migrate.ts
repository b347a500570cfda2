import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';

/** Applies the given migrations (the module registry's, in the app: `migrateAll` in src/modules.ts). */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration>): Promise<string[]> {
  // Numbers are handed out in blocks to work done in parallel, so a database may already hold a higher number when a
  // lower one lands (a developer's or the benchmark's database): it is applied then, instead of refusing to start.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
