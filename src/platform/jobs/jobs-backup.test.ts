import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import { backup, restore, tableChecksums } from '../db/backup';
import type { DatabaseHandle } from '../db/connect';
import { openJobQueue } from './open';
import { defineJob } from './queue';
import { recordingLogger, waitFor } from './queue.test-support';

// A backup carries the jobs that have not finished (from the jobs table on PGlite, from pg-boss's schema on
// PostgreSQL) and not the finished ones; after a restore the waiting ones run. Runs on both databases.

type Reminder = { organizationId: number; bookingId: number };
const reminder = defineJob<Reminder>('test.backup-reminder');

let source: DatabaseHandle;
let target: DatabaseHandle;
let dir: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = await mkdtemp(path.join(tmpdir(), 'kuemmerer-jobs-backup-'));
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('jobs in backups', () => {
  it('backs up waiting jobs but not finished ones, and runs them after a restore', async () => {
    const org = (await createOrganization(source.db)).id;
    const queue = openJobQueue(source, recordingLogger(), { pollingIntervalSeconds: 0.5 });
    await queue.start();
    const done: number[] = [];
    await queue.work(reminder, async (data) => {
      done.push(data.bookingId);
    });
    await queue.send(reminder, { organizationId: org, bookingId: 1 });
    await waitFor(() => done.length === 1, 5000, 'the first job');
    const waiting = await queue.send(reminder, { organizationId: org, bookingId: 2 }, { startAfter: 1, singletonKey: 'booking-2' });
    await queue.stop();

    const manifest = await backup(source.db, path.join(dir, 'files-a'), path.join(dir, 'b'));
    expect(manifest.tables.find((t) => t.name === 'jobs')?.rows).toBe(1);
    const line = JSON.parse(readFileSync(path.join(dir, 'b', 'tables', 'jobs.ndjson'), 'utf8'));
    expect(line).toMatchObject({
      id: waiting,
      organization_id: org,
      name: reminder.name,
      state: 'created',
      singleton_key: 'booking-2',
      data: { bookingId: 2 },
    });

    await restore(target.db, path.join(dir, 'files-b'), path.join(dir, 'b'));
    expect(await tableChecksums(target.db)).toEqual(await tableChecksums(source.db));

    const restored = openJobQueue(target, recordingLogger(), { pollingIntervalSeconds: 0.5 });
    const ran: Reminder[] = [];
    await restored.work(reminder, async (data) => {
      ran.push(data);
    });
    await restored.start();
    try {
      await waitFor(() => ran.length === 1, 8000, 'the restored job');
      expect(ran).toEqual([{ organizationId: org, bookingId: 2 }]);
    } finally {
      await restored.stop({ graceful: false });
    }
  });
});
