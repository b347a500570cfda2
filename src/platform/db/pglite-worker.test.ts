import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isDatabaseUnavailable } from '../http/errors';
import { type DatabaseHandle, openPgliteWorker } from './connect';
import { PgliteWorker } from './pglite-worker';

// The embedded database as the product runs it (`kuemmerer demo`, `serve` without DATABASE_URL): in a worker
// thread. PostgreSQL itself is not involved, so this file runs on the PGlite pass only.
describe.skipIf(Boolean(process.env.DATABASE_URL))('PGlite in a worker thread', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPgliteWorker({ snapshot: readFileSync(inject('pgliteSnapshot')) });
    await sql`CREATE TABLE worker_probe (id int PRIMARY KEY, v text NOT NULL, at timestamptz NOT NULL DEFAULT now(), j jsonb)`.execute(handle.db);
  });
  afterAll(() => handle?.close());

  it('answers with the types the in-thread database gives: numbers, dates, JSON, affected rows', async () => {
    const inserted = await handle.db
      .insertInto('worker_probe' as never)
      .values({ id: 1, v: 'a', j: JSON.stringify({ x: [1, 2] }) } as never)
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    const { rows } = await sql<{ id: number; at: Date; j: unknown; n: number }>`SELECT id, at, j, count(*) OVER ()::int AS n FROM worker_probe`.execute(
      handle.db,
    );
    expect(rows[0]).toMatchObject({ id: 1, j: { x: [1, 2] }, n: 1 });
    expect(rows[0]!.at).toBeInstanceOf(Date);
    await sql`DELETE FROM worker_probe`.execute(handle.db);
  });

  it('keeps other statements out of an open transaction: they wait and see only what it committed', async () => {
    let outside: Promise<{ rows: Array<{ n: number }> }> | undefined;
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO worker_probe (id, v) VALUES (10, 'inside')`.execute(trx);
        // Another request reads while the transaction is open; inside it, it would count the uncommitted row.
        outside = sql<{ n: number }>`SELECT count(*)::int AS n FROM worker_probe`.execute(handle.db);
        await new Promise((resolve) => setTimeout(resolve, 30));
        await sql`INSERT INTO worker_probe (id, v) VALUES (11, 'inside')`.execute(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await outside!).rows[0]!.n).toBe(0);
  });

  it('runs a transaction’s statements in order and gives database errors their code and constraint', async () => {
    const failed = await handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`INSERT INTO worker_probe (id, v) VALUES (20, 'first')`.execute(trx);
        await sql`INSERT INTO worker_probe (id, v) VALUES (20, 'again')`.execute(trx);
      })
      .catch((err: unknown) => err as { code?: string; constraint?: string });
    expect(failed).toMatchObject({ code: '23505', constraint: 'worker_probe_pkey' });
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM worker_probe`.execute(handle.db)).rows[0]!.n).toBe(0);
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 20; i++) await sql`INSERT INTO worker_probe (id, v) VALUES (${100 + i}, ${String(i)})`.execute(trx);
    });
    const order = await sql<{ v: string }>`SELECT v FROM worker_probe ORDER BY at, id`.execute(handle.db);
    expect(order.rows.map((r) => r.v)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  it('lets the event loop run while a slow statement works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    await sql`SELECT count(*) FROM generate_series(1, 1000000) g WHERE g % 7 = 3`.execute(handle.db);
    const took = Date.now() - started;
    clearInterval(timer);
    // On the main thread the timer could not fire before the statement ended; here it fires throughout.
    expect(took).toBeGreaterThan(20);
    expect(ticks).toBeGreaterThan(1);
  });

  it('answers "unavailable" once the worker has stopped, instead of hanging', async () => {
    const worker = await PgliteWorker.start({ snapshot: readFileSync(inject('pgliteSnapshot')) });
    await worker.close();
    const err = await worker.send({ op: 'query', sql: 'SELECT 1', params: [], tx: null }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });
});
