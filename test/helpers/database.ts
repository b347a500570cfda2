import { appendFileSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect';
import { randomToken } from '../../src/platform/security/tokens';

/** A fresh, migrated database for one test file: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  noteDatabaseTest();
  const template = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `kuemmerer_t_${randomToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openPostgres(target.href, 5);
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  return openPglite({ snapshot: new Blob([snapshot], { type: 'application/x-gzip' }) });
}

/**
 * `npm test` runs the suite on PGlite first and then only the files that opened a database again on PostgreSQL
 * (scripts/test-all.mjs): a file that never asks for one tests no SQL, and running it twice would only cost time.
 */
function noteDatabaseTest(): void {
  const log = process.env.KUEMMERER_DB_TEST_LOG;
  const file = expect.getState().testPath;
  if (log && file) appendFileSync(log, `${file}\n`);
}
