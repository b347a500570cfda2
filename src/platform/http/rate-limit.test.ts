import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import type { DatabaseHandle } from '../db/connect';
import { AppError } from './errors';
import { enforce, hit, type Limit } from './rate-limit';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

const limit: Limit = { name: 'test:unit', max: 3, windowSeconds: 600 };

describe('the fixed-window counter', () => {
  it('allows max hits, then refuses with the seconds left in the window', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit(h.db, limit, 'a'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(Number.isInteger(results[3]!.retryAfter)).toBe(true);
    expect(results[3]!.retryAfter).toBeGreaterThan(590);
    expect(results[3]!.retryAfter).toBeLessThanOrEqual(600);
    expect((await hit(h.db, limit, 'b')).allowed).toBe(true);
  });

  it('counts several units at once (photos in one form)', async () => {
    expect((await hit(h.db, limit, 'c', 2)).allowed).toBe(true);
    expect((await hit(h.db, limit, 'c', 2)).allowed).toBe(false);
    expect((await hit(h.db, limit, 'd', 4)).allowed).toBe(false);
  });

  it('starts a new window once the old one is over, without waiting in the test', async () => {
    for (let i = 0; i < 4; i++) await hit(h.db, limit, 'e');
    await h.db.updateTable('rate_limits').set({ window_start: sql<Date>`now() - interval '601 seconds'` }).where('key', '=', 'test:unit:e').execute();
    expect(await hit(h.db, limit, 'e')).toEqual({ allowed: true, retryAfter: 0 });
    const row = await h.db.selectFrom('rate_limits').select('count').where('key', '=', 'test:unit:e').executeTakeFirstOrThrow();
    expect(row.count).toBe(1);
  });

  it('enforce counts every check and throws rate_limited with the longest wait', async () => {
    const short: Limit = { name: 'test:short', max: 1, windowSeconds: 60 };
    await enforce(h.db, [
      [short, 'f'],
      [limit, 'f'],
    ]);
    const error = await enforce(h.db, [
      [short, 'f'],
      [limit, 'f'],
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('rate_limited');
    expect((error as AppError).details.retryAfterSeconds).toBeLessThanOrEqual(60);
    await enforce(h.db, [[limit, 'f']]).catch(() => {});
    const both = await enforce(h.db, [
      [short, 'f'],
      [limit, 'f'],
    ]).catch((e: unknown) => e);
    expect((both as AppError).details.retryAfterSeconds).toBeGreaterThan(60);
  });
});
