import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type PgBoss from 'pg-boss';

/**
 * pg-boss runs its SQL through the app's own pool (its `db` option) instead of opening a second one: one pool
 * size to tune, one set of connection settings (DATABASE_URL, jit=off, the error handlers of connect.ts), and a
 * job can be queued inside the caller's transaction.
 *
 * Its schema set-up and maintenance are scripts `BEGIN; …; COMMIT` sent as one simple query on one connection.
 * If a statement in such a script fails (a lock timeout), PostgreSQL leaves that connection inside the aborted
 * transaction; pg-boss's own pool would hand it back like that, and in the shared pool the next web request
 * would fail on it. So on an error we roll back on the same connection before it returns to the pool
 * (outside a transaction ROLLBACK only warns).
 */
// biome-ignore lint/suspicious/noExplicitAny: pg-boss's SQL is not typed against our schema.
export function pgBossDb(db: Kysely<any>): PgBoss.Db {
  return {
    executeSql: (text: string, values?: unknown[]) =>
      db.connection().execute(async (conn) => {
        try {
          const result = await conn.executeQuery(CompiledQuery.raw(text, values ?? []));
          return { rows: result.rows as Record<string, unknown>[] };
        } catch (err) {
          await conn.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => {});
          throw err;
        }
      }),
  };
}

/** For a send inside the caller's transaction: its errors are the caller's to handle (and roll back). */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export function pgBossTransaction(trx: Transaction<any>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as Record<string, unknown>[] };
    },
  };
}
