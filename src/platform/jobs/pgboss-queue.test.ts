import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import { type DatabaseHandle, openPostgres } from '../db/connect';
import { openJobQueue } from './open';
import { pgBossDb } from './pgboss-db';
import { defineJob, type JobQueue } from './queue';
import { recordingLogger, storedJob, waitFor } from './queue.test-support';

// Several app processes share one PostgreSQL: two queues, each with its own pool on the same database, stand in
// for two processes here. Only PostgreSQL (the embedded database allows one process).

const url = process.env.DATABASE_URL;

type Work = { organizationId: number; n: number };

describe.skipIf(!url)('pg-boss queue shared by two processes', () => {
  let h: DatabaseHandle;
  let other: DatabaseHandle;
  let a: JobQueue;
  let b: JobQueue;
  let org: number;

  beforeAll(async () => {
    h = await createTestDatabase();
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(h.db);
    const target = new URL(url!);
    target.pathname = `/${rows[0]!.name}`;
    other = await openPostgres(target.href, 3);
    org = (await createOrganization(h.db)).id;
    a = openJobQueue(h, recordingLogger(), { pollingIntervalSeconds: 0.5 });
    b = openJobQueue(other, recordingLogger(), { pollingIntervalSeconds: 0.5 });
    // Both create pg-boss's schema and the singleton index at the same time, as two processes starting together would.
    await Promise.all([a.start(), b.start()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop({ graceful: false }), b?.stop({ graceful: false })]);
    await other?.close();
    await h?.close();
  });

  it('runs each of N jobs exactly once', async () => {
    const job = defineJob<Work>('test.shared');
    const runs: Array<{ n: number; by: 'a' | 'b' }> = [];
    const handler = (by: 'a' | 'b') => async (data: Work) => {
      runs.push({ n: data.n, by });
      await new Promise((r) => setTimeout(r, 40));
    };
    await a.work(job, handler('a'), { concurrency: 2 });
    await b.work(job, handler('b'), { concurrency: 2 });
    const n = 40;
    const ids = await Promise.all(Array.from({ length: n }, (_, i) => (i % 2 ? a : b).send(job, { organizationId: org, n: i })));
    await waitFor(() => runs.length >= n, 20_000, `${n} runs`);
    await waitFor(async () => (await Promise.all(ids.map((id) => storedJob(h, id!)))).every((j) => j?.state === 'completed'), 5000, 'all completed');
    // A little longer: a job run twice would show up now.
    await new Promise((r) => setTimeout(r, 600));
    expect(runs.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
    // Both processes took part.
    expect(runs.filter((r) => r.by === 'a').length).toBeGreaterThan(0);
    expect(runs.filter((r) => r.by === 'b').length).toBeGreaterThan(0);
  });

  it('keeps one waiting job per singleton key when both processes send it at once', async () => {
    const job = defineJob<Work>('test.shared-singleton');
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).send(job, { organizationId: org, n: i }, { singletonKey: 'digest-1', startAfter: 3600 })),
    );
    expect(sent.filter((id) => id !== null)).toHaveLength(1);
  });

  it('puts a connection of the shared pool back clean after a failed pg-boss script', async () => {
    // One connection only: the next query gets the very connection the failed script ran on.
    const single = await openPostgres(new URL(url!).href, 1);
    try {
      await expect(pgBossDb(single.db).executeSql('BEGIN; SELECT 1/0; COMMIT', [])).rejects.toThrow(/division by zero/);
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(single.db);
      expect(rows[0]?.one).toBe(1);
    } finally {
      await single.close();
    }
  });
});
