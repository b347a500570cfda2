import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * The embedded database in a worker thread, for Kysely. PGlite runs PostgreSQL compiled to WebAssembly on the
 * thread that calls it: in the main thread a slow query (a whole-city count, say) stalls every other request,
 * and at 100,000 reports the p99 of the report page was 3.4 s. Here the main thread only sends statements and
 * receives rows; the worker (pglite-thread.mjs) runs them one at a time, and while a transaction is open only its
 * statements run (the others wait in order), as PGlite's single session demands.
 */
interface Reply {
  id: number;
  rows?: unknown[];
  affectedRows?: number;
  error?: Record<string, unknown> & { message: string };
}

type Message =
  | { op: 'query'; sql: string; params: readonly unknown[]; tx: number | null }
  | { op: 'begin' | 'commit' | 'rollback'; tx: number }
  | { op: 'close' };

/** A failure of the worker itself: the code makes the error pages say "unavailable, try again" (errors.ts). */
function workerGone(reason: string): Error {
  return Object.assign(new Error(`Connection terminated: the embedded database stopped (${reason})`), { code: '57P01' });
}

export class PgliteWorker {
  #pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  #next = 1;
  #gone: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
      else waiting.resolve(reply);
    });
    const fail = (err: Error) => {
      this.#gone ??= err;
      for (const waiting of this.#pending.values()) waiting.reject(this.#gone);
      this.#pending.clear();
    };
    worker.on('error', (err) => fail(workerGone(err.message)));
    worker.on('exit', (code) => fail(workerGone(`exit ${code}`)));
  }

  /** Starts the worker on a data directory, or in memory (from a gzipped dump), and waits until the database is open. */
  static async start(from: { dataDir: string } | { snapshot?: Uint8Array }): Promise<PgliteWorker> {
    const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: from });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: true; failed?: { message: string } }) => {
        worker.off('error', onError);
        if (m.ready) resolve();
        else reject(Object.assign(new Error(m.failed?.message ?? 'the embedded database did not start'), m.failed));
      };
      const onError = (err: Error) => reject(err);
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
    return new PgliteWorker(worker);
  }

  send(message: Message): Promise<Reply> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#next++;
    return new Promise<Reply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    if (this.#gone) return;
    await this.send({ op: 'close' });
    this.#gone = workerGone('closed');
    await this.worker.terminate();
  }
}

let transactions = 0;

class WorkerConnection implements DatabaseConnection {
  /** The transaction this connection runs, while it runs one. */
  tx: number | null = null;

  constructor(private readonly worker: PgliteWorker) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const reply = await this.worker.send({ op: 'query', sql: compiled.sql, params: compiled.parameters, tx: this.tx });
    return {
      rows: (reply.rows ?? []) as R[],
      ...(reply.affectedRows != null ? { numAffectedRows: BigInt(reply.affectedRows) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered, as with Kysely's own PGlite dialect.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by the embedded database.');
  }
}

class WorkerDriver implements Driver {
  constructor(private readonly worker: PgliteWorker) {}

  async init(): Promise<void> {}

  // A connection per use: statements outside a transaction go straight to the worker's queue; a transaction's
  // connection carries its number, which is what the worker schedules by.
  async acquireConnection(): Promise<DatabaseConnection> {
    return new WorkerConnection(this.worker);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as WorkerConnection;
    const tx = ++transactions;
    await this.worker.send({ op: 'begin', tx });
    c.tx = tx;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as WorkerConnection, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as WorkerConnection, 'rollback');
  }

  private async end(c: WorkerConnection, op: 'commit' | 'rollback'): Promise<void> {
    const tx = c.tx;
    if (tx === null) return;
    c.tx = null;
    await this.worker.send({ op, tx });
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.worker.close();
  }
}

/**
 * PGlite's adapter (no migration lock: one process owns the directory) but without Kysely's connection mutex:
 * the worker keeps transactions apart itself, so statements of different requests can queue there back to back
 * instead of each waiting in the main thread for the previous answer.
 */
class WorkerAdapter extends PGliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

export class PgliteWorkerDialect implements Dialect {
  constructor(private readonly worker: PgliteWorker) {}
  createAdapter() {
    return new WorkerAdapter();
  }
  createDriver() {
    return new WorkerDriver(this.worker);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface takes any database.
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
