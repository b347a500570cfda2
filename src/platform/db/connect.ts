import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db-schema';
import { PgliteWorker, PgliteWorkerDialect } from './pglite-worker';
import { namedStatement } from './reusable-query';

export type Db = Kysely<Database>;
/**
 * An open transaction. Functions that lock rows (FOR UPDATE, SKIP LOCKED claims, conditional upserts that must
 * commit with other writes) take this instead of Db: the compiler then makes the caller open the transaction,
 * since a lock taken outside one ends with its own statement.
 */
export type Trx = Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Only for the embedded database: used for snapshots and backups. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {}

// count(*) and bigint columns: PGlite gives numbers, pg gives strings. Both become numbers here so the
// rest of the code sees one shape. Our ids are int4, so only aggregates go through this parser.
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

/** Lock files this process holds. */
const heldHere = new Set<string>();

/** One process per embedded database directory; returns the release. Exported for its test. */
export function acquireLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'pglite.lock');
  const tryCreate = (): boolean => {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      return false;
    }
  };
  if (!tryCreate()) {
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    // Our own pid in a lock this process never took means a dead predecessor had it: after a container
    // restart the server often gets the same small pid again, and refusing would keep it from ever starting.
    const leftByPredecessor = holder === process.pid && !heldHere.has(lockFile);
    if (Number.isInteger(holder) && holder > 0 && !leftByPredecessor && isAlive(holder)) {
      throw new DatabaseLockedError(
        `The embedded database in ${dataDir} is in use by process ${holder} (probably the running server). ` +
          'Stop that process first, or use a PostgreSQL server through DATABASE_URL to run several processes.',
      );
    }
    // The holder died without cleaning up (kill -9, power loss): the lock is stale.
    unlinkSync(lockFile);
    if (!tryCreate()) throw new DatabaseLockedError(`Could not lock ${lockFile}`);
  }
  heldHere.add(lockFile);
  return () => {
    heldHere.delete(lockFile);
    if (existsSync(lockFile) && readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(options: { dataDir?: string; snapshot?: Blob | File }): Promise<DatabaseHandle> {
  const release = options.dataDir ? acquireLock(options.dataDir) : () => {};
  try {
    const pglite = options.snapshot
      ? await PGlite.create({ loadDataDir: options.snapshot })
      : await PGlite.create(options.dataDir ? path.join(options.dataDir, 'pglite') : 'memory://');
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      pglite,
      async close() {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The embedded database in a worker thread (pglite-worker.ts), as the product runs it: a slow statement no
 * longer stalls the requests in between. Tests and tools keep the in-thread openPglite (snapshots, dumps).
 */
export async function openPgliteWorker(options: { dataDir?: string; snapshot?: Uint8Array }): Promise<DatabaseHandle> {
  const release = options.dataDir ? acquireLock(options.dataDir) : () => {};
  try {
    const worker = await PgliteWorker.start(options.dataDir ? { dataDir: path.join(options.dataDir, 'pglite') } : { snapshot: options.snapshot });
    const db = new Kysely<Database>({ dialect: new PgliteWorkerDialect(worker) });
    return {
      db,
      kind: 'pglite',
      pglite: null,
      async close() {
        await db.destroy();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The pg pool as Kysely sees it, except that statements registered by reusableQuery run as named prepared
 * statements: PostgreSQL parses and plans them once per connection instead of on every page view.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    get processID() {
      return (client as unknown as { processID?: number }).processID;
    },
    query: ((text: unknown, values?: readonly unknown[]) =>
      typeof text === 'string'
        ? client.query({ text, values: values as unknown[], name: namedStatement(text) })
        : client.query(text as never)) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    Client: pg.Client,
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      const known = wrapped.get(client);
      if (known) return known;
      const w = wrap(client);
      wrapped.set(client, w);
      return w;
    },
    end: () => pool.end(),
  };
}

export async function openPostgres(connectionString: string, max = 10): Promise<DatabaseHandle> {
  // No JIT: our queries are short web requests, and compiling a plan (hundreds of milliseconds) costs more than
  // it could ever save; measured on the list page with 100k reports, JIT took 500 of its 800 ms.
  const pool = new pg.Pool({ connectionString, max, options: '-c jit=off' });
  // An idle connection the server closes (restart, failover, a dropped test database) must not crash the
  // process: the pool replaces it on the next query.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.error(`PostgreSQL connection lost: ${err.message}`);
  });
  // A connection that dies while checked out (inside a transaction, between two queries) also emits 'error',
  // and the pool listens only to idle ones: unheard, that event ends the process. The caller's query fails
  // on its own, and the pool drops the dead client when it comes back.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return { db, kind: 'postgres', pglite: null, close: () => db.destroy() };
}

export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<DatabaseHandle> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPgliteWorker({ dataDir: config.dataDir });
}
