import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseLockedError, openPostgres } from './connect';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, 'pglite.lock');

describe('the embedded database lock', () => {
  it('is taken, refused to a second opener while held, and released', () => {
    const release = acquireLock(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
    acquireLock(dir)();
  });

  it('refuses while another live process holds it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFile(), String(holder.pid));
      expect(() => acquireLock(dir)).toThrow(DatabaseLockedError);
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that died without releasing it (kill -9, power loss)', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFile(), dead.stdout);
    const release = acquireLock(dir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a stale lock that names its own pid (a restarted container hands out the same pid)', () => {
    writeFileSync(lockFile(), String(process.pid));
    const release = acquireLock(dir);
    // But this process opening the directory twice is still refused.
    expect(() => acquireLock(dir)).toThrow(DatabaseLockedError);
    release();
    expect(existsSync(lockFile())).toBe(false);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the PostgreSQL pool', () => {
  it('survives a connection that dies while checked out, and serves again', async () => {
    const handle = await openPostgres(process.env.DATABASE_URL!, 2);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await handle.db.connection().execute(async (conn) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
        // A server restart or failover, as this client sees it: no query running, the backend goes away.
        await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        await new Promise((r) => setTimeout(r, 300));
        await expect(sql`select 1`.execute(conn)).rejects.toThrow();
      });
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await handle.close();
    }
  });
});
