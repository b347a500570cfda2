import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import type { DatabaseHandle } from '../db/connect';
import { insertJob } from './jobs.queries';
import { openJobQueue } from './open';
import { defineJob, type JobInfo, type JobQueue, retryDelaySeconds } from './queue';
import { recordingLogger, storedJob, waitFor } from './queue.test-support';

// The same behaviour from both queues: this file runs on PGlite (the jobs table) and, with DATABASE_URL, on
// PostgreSQL (pg-boss). Every test uses its own job kind, so their workers do not meet.

type Ping = { organizationId: number; n: number };

let h: DatabaseHandle;
let queue: JobQueue;
let org: number;
const log = recordingLogger();
const fast = { pollingIntervalSeconds: 0.5 };

beforeAll(async () => {
  h = await createTestDatabase();
  org = (await createOrganization(h.db)).id;
  queue = openJobQueue(h, log, fast);
  await queue.start();
});
afterAll(async () => {
  await queue?.stop({ graceful: false });
  await h?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('job queue', () => {
  it('runs a job at once, and a delayed job after its time and not before', async () => {
    const job = defineJob<Ping>('test.delayed');
    const ran: Array<{ n: number; at: number }> = [];
    await queue.work(job, async (data) => {
      ran.push({ n: data.n, at: Date.now() });
    });
    const due = new Date(Date.now() + 1500);
    const delayed = await queue.send(job, { organizationId: org, n: 2 }, { startAfter: due });
    const now = await queue.send(job, { organizationId: org, n: 1 });
    expect(delayed).toMatch(/^[0-9a-f-]{36}$/);
    expect(now).toMatch(/^[0-9a-f-]{36}$/);

    await waitFor(() => ran.length === 1, 5000, 'the immediate job');
    expect(ran[0]?.n).toBe(1);
    await sleep(Math.max(0, due.getTime() - Date.now() - 200));
    expect(ran.map((r) => r.n)).toEqual([1]);
    expect((await storedJob(h, delayed!))?.state).toBe('created');

    await waitFor(() => ran.length === 2, 5000, 'the delayed job');
    expect(ran[1]!.n).toBe(2);
    expect(ran[1]!.at).toBeGreaterThanOrEqual(due.getTime());
    await waitFor(async () => (await storedJob(h, delayed!))?.state === 'completed', 5000, 'completion');
  });

  it('keeps one waiting job per singleton key', async () => {
    const job = defineJob<Ping>('test.singleton');
    const later = { startAfter: 3600 };
    const first = await queue.send(job, { organizationId: org, n: 1 }, { ...later, singletonKey: 'booking-1' });
    expect(first).not.toBeNull();
    expect(await queue.send(job, { organizationId: org, n: 2 }, { ...later, singletonKey: 'booking-1' })).toBeNull();
    // Another key, or no key, is another job.
    expect(await queue.send(job, { organizationId: org, n: 3 }, { ...later, singletonKey: 'booking-2' })).not.toBeNull();
    expect(await queue.send(job, { organizationId: org, n: 4 }, later)).not.toBeNull();
    expect(await queue.send(job, { organizationId: org, n: 5 }, later)).not.toBeNull();
    // Once the waiting job is gone (cancelled here; or run), the key is free again.
    expect(await queue.cancel(job, first!)).toBe(true);
    expect(await queue.send(job, { organizationId: org, n: 6 }, { ...later, singletonKey: 'booking-1' })).not.toBeNull();
  });

  it('retries a failing handler with back-off, then keeps the job as failed and logs it', async () => {
    const job = defineJob<Ping>('test.failing', { retryLimit: 1, retryDelay: 1 });
    const attempts: Array<JobInfo & { at: number }> = [];
    await queue.work(job, async (_data, info) => {
      attempts.push({ ...info, at: Date.now() });
      throw new Error('SMTP down');
    });
    const id = await queue.send(job, { organizationId: org, n: 1 });
    await waitFor(() => attempts.length === 2, 8000, 'the retry');
    await waitFor(async () => (await storedJob(h, id!))?.state === 'failed', 5000, 'the final failure');
    expect(attempts.map((a) => [a.attempt, a.lastAttempt])).toEqual([
      [1, false],
      [2, true],
    ]);
    // Back-off: at least retryDelay (1 s) between the attempts.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    await sleep(1500);
    expect(attempts).toHaveLength(2);
    expect(log.lines.filter((l) => l.msg.includes('test.failing'))).toEqual([
      { level: 'warn', msg: 'Job test.failing failed (attempt 1); it will be retried' },
      { level: 'error', msg: 'Job test.failing failed for good after 2 attempt(s); it stays in the queue as failed' },
    ]);
  });

  it('completes a job whose retry succeeds', async () => {
    const job = defineJob<Ping>('test.flaky', { retryLimit: 2, retryDelay: 0, retryBackoff: false });
    let calls = 0;
    await queue.work(job, async () => {
      calls++;
      if (calls === 1) throw new Error('first try fails');
    });
    const id = await queue.send(job, { organizationId: org, n: 1 });
    await waitFor(async () => (await storedJob(h, id!))?.state === 'completed', 8000, 'completion after a retry');
    expect(calls).toBe(2);
    expect((await storedJob(h, id!))?.retryCount).toBe(1);
  });

  it('cancels a waiting job, which then never runs', async () => {
    const job = defineJob<Ping>('test.cancel');
    const ran: number[] = [];
    await queue.work(job, async (data) => {
      ran.push(data.n);
    });
    const cancelled = await queue.send(job, { organizationId: org, n: 1 }, { startAfter: 1 });
    const kept = await queue.send(job, { organizationId: org, n: 2 }, { startAfter: 1 });
    expect(await queue.cancel(job, cancelled!)).toBe(true);
    expect(await queue.cancel(job, cancelled!)).toBe(false);
    expect(await queue.cancel(job, 'not-a-job-id')).toBe(false);
    await waitFor(() => ran.length === 1, 5000, 'the job that was kept');
    await sleep(700);
    expect(ran).toEqual([2]);
    expect((await storedJob(h, cancelled!))?.state).toBe('cancelled');
    expect((await storedJob(h, kept!))?.state).toBe('completed');
  });

  it("queues a job in the caller's transaction: it exists only if the transaction commits", async () => {
    const job = defineJob<Ping>('test.transaction');
    const ran: number[] = [];
    await queue.work(job, async (data) => {
      ran.push(data.n);
    });
    await expect(
      h.db.transaction().execute(async (trx) => {
        await queue.send(job, { organizationId: org, n: 1 }, { transaction: trx });
        throw new Error('the booking failed');
      }),
    ).rejects.toThrow('the booking failed');
    await h.db.transaction().execute(async (trx) => {
      await queue.send(job, { organizationId: org, n: 2 }, { transaction: trx });
    });
    await waitFor(() => ran.length === 1, 5000, 'the committed job');
    await sleep(700);
    expect(ran).toEqual([2]);
  });

  it('refuses a job without its city, and invalid names and options', async () => {
    const job = defineJob<Ping>('test.refused');
    await expect(queue.send(job, { organizationId: 0, n: 1 })).rejects.toThrow(/organizationId/);
    await expect(queue.send(job, { organizationId: org, n: 1 }, { retryLimit: -1 })).rejects.toThrow(/retryLimit/);
    expect(() => defineJob<Ping>('Not A Name')).toThrow(/Job name/);
    await queue.work(job, async () => {});
    await expect(queue.work(job, async () => {})).rejects.toThrow(/already has a handler/);
  });

  it('keeps a delayed job across a restart of the queue', async () => {
    const job = defineJob<Ping>('test.restart');
    const first = openJobQueue(h, recordingLogger(), fast);
    await first.start();
    const id = await first.send(job, { organizationId: org, n: 7 }, { startAfter: 1 });
    await first.stop();
    const ran: number[] = [];
    await queue.work(job, async (data) => {
      ran.push(data.n);
    });
    await waitFor(() => ran.length === 1, 5000, 'the job after the restart');
    expect(ran).toEqual([7]);
    await waitFor(async () => (await storedJob(h, id!))?.state === 'completed', 5000, 'completion');
  });
  it('fails a handler still running when the queue stops, so the job runs again later', async () => {
    const job = defineJob<Ping>('test.stopped');
    const q = openJobQueue(h, recordingLogger(), fast);
    await q.start();
    let release = () => {};
    let started = false;
    await q.work(job, async () => {
      started = true;
      await new Promise<void>((r) => {
        release = r;
      });
    });
    const id = await q.send(job, { organizationId: org, n: 1 });
    await waitFor(() => started, 5000, 'the handler to start');
    await q.stop({ graceful: true, timeoutMs: 1000 });
    release();
    expect(await storedJob(h, id!)).toEqual({ state: 'retry', retryCount: 0 });
  });

  // pg-boss finds such jobs by their expiry (maintenance); the embedded database has one process, so a job still
  // marked active when a queue starts was cut off.
  it.skipIf(!!process.env.DATABASE_URL)('retries a job cut off by a crash when the embedded queue starts again', async () => {
    const job = defineJob<Ping>('test.crashed');
    const id = await insertJob(h.db, {
      organizationId: org,
      name: job.name,
      data: { organizationId: org, n: 1 },
      startAfter: new Date(),
      singletonKey: null,
      ...job.defaults,
    });
    await sql`UPDATE jobs SET state = 'active', started_at = now() WHERE id = ${id}::uuid`.execute(h.db);
    const restarted = openJobQueue(h, recordingLogger(), fast);
    await restarted.start();
    await restarted.stop();
    expect(await storedJob(h, id!)).toEqual({ state: 'retry', retryCount: 0 });
  });
});

describe('retry delays', () => {
  it("double with each retry (pg-boss's formula), and stay fixed without back-off", () => {
    expect(retryDelaySeconds(0, 60, true, 0)).toBe(60);
    expect(retryDelaySeconds(0, 60, true, 1)).toBe(120);
    expect(retryDelaySeconds(1, 60, true, 0)).toBe(120);
    expect(retryDelaySeconds(2, 60, true, 0)).toBe(240);
    expect(retryDelaySeconds(3, 0, true, 0)).toBe(8);
    expect(retryDelaySeconds(5, 30, false, 0.5)).toBe(30);
  });
});
