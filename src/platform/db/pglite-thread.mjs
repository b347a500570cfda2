// The embedded database in a worker thread (pglite-worker.ts starts it). Plain JavaScript: a worker thread gets
// none of the main thread's module hooks, so tsx cannot compile TypeScript here.
//
// Messages from the main thread: { id, op: 'query', sql, params, tx } | { id, op: 'begin' | 'commit' | 'rollback', tx }
// | { id, op: 'close' }. Each gets one answer: { id, rows, affectedRows } or { id, error }.
// Statements run one at a time in arrival order; while a transaction is open only its own statements run, and
// everything else waits in the queue until it commits or rolls back (one session, as PGlite is).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite} */
let pglite;
/** @type {Array<{ id: number, op: string, sql?: string, params?: unknown[], tx?: number }>} */
const queue = [];
/** The transaction that owns the session, or null. */
let owner = null;
let running = false;

const ERROR_FIELDS = ['code', 'detail', 'hint', 'position', 'where', 'schema', 'table', 'column', 'dataType', 'constraint', 'severity', 'routine'];

/** @param {unknown} err */
function describe(err) {
  const e = /** @type {Record<string, unknown>} */ (err instanceof Error ? err : { message: String(err) });
  /** @type {Record<string, unknown>} */
  const out = { message: String(e.message), name: err instanceof Error ? err.name : 'Error' };
  for (const f of ERROR_FIELDS) if (e[f] !== undefined) out[f] = e[f];
  return out;
}

/** The next message that may run now: the oldest one, or while a transaction is open, its oldest one. */
function nextRunnable() {
  const i = owner === null ? (queue.length > 0 ? 0 : -1) : queue.findIndex((m) => m.tx === owner);
  return i < 0 ? undefined : queue.splice(i, 1)[0];
}

async function run(m) {
  switch (m.op) {
    case 'query': {
      const result = await pglite.query(m.sql ?? '', m.params ?? [], { rowMode: 'object' });
      return { rows: result.rows, affectedRows: result.affectedRows };
    }
    case 'begin':
      await pglite.query('BEGIN');
      owner = m.tx ?? null;
      return {};
    case 'commit':
    case 'rollback':
      // The session is released whatever happens: a failed COMMIT has ended the transaction in PostgreSQL too.
      try {
        await pglite.query(m.op === 'commit' ? 'COMMIT' : 'ROLLBACK');
      } finally {
        owner = null;
      }
      return {};
    case 'close':
      await pglite.close();
      return {};
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

async function drain() {
  if (running) return;
  running = true;
  try {
    for (let m = nextRunnable(); m; m = nextRunnable()) {
      try {
        parentPort?.postMessage({ id: m.id, ...(await run(m)) });
      } catch (err) {
        parentPort?.postMessage({ id: m.id, error: describe(err) });
      }
      if (m.op === 'close') {
        parentPort?.close();
        return;
      }
    }
  } finally {
    running = false;
  }
}

try {
  const { dataDir, snapshot } = workerData;
  // A snapshot (a gzipped dump) starts a database in memory from it: the tests' migrated template.
  pglite = snapshot ? await PGlite.create({ loadDataDir: new Blob([snapshot], { type: 'application/x-gzip' }) }) : await PGlite.create(dataDir ?? 'memory://');
  parentPort?.on('message', (m) => {
    queue.push(m);
    void drain();
  });
  parentPort?.postMessage({ ready: true });
} catch (err) {
  parentPort?.postMessage({ failed: describe(err) });
}
