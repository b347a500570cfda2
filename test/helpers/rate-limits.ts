import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/app';
import type { Db } from '../../src/platform/db/connect';
import type { Limit } from '../../src/platform/http/rate-limit';
import { type TestApp, testConfig } from './app';

/**
 * Puts a counter at `count` in the current window, so a test reaches a limit of hundreds with one or two real
 * requests instead of sending them all (and never waits for a window to pass).
 */
export async function spend(db: Db, limit: Limit, subject: string, count = limit.max): Promise<void> {
  const key = `${limit.name}:${subject}`;
  await db
    .insertInto('rate_limits')
    .values({ key, window_start: new Date(), count })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: new Date(), count }))
    .execute();
}

export async function counter(db: Db, limit: Limit, subject: string): Promise<number | undefined> {
  const row = await db.selectFrom('rate_limits').select('count').where('key', '=', `${limit.name}:${subject}`).executeTakeFirst();
  return row?.count;
}

/** 429 with a Retry-After a client can use: whole seconds, more than zero, at most the window. */
export function expectLimited(res: { statusCode: number; headers: Record<string, unknown> }, windowSeconds: number): number {
  expect(res.statusCode).toBe(429);
  const header = String(res.headers['retry-after']);
  expect(header).toMatch(/^[1-9]\d*$/);
  expect(Number(header)).toBeLessThanOrEqual(windowSeconds);
  return Number(header);
}

/** A second app on the same database, as it runs behind a reverse proxy (TRUST_PROXY set). */
export async function appBehindProxy(t: TestApp, trustProxy: string): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ DATA_DIR: t.config.dataDir, TRUST_PROXY: trustProxy }), db: t.db });
  await app.ready();
  return app;
}
