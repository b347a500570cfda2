import { describe, expect, it } from 'vitest';
import { isClientErrorAnswer, microCache, publicCache, publicContentChanged } from './response-cache';

function setup(freshMs = 1000, staleMs = 5000, maxEntries = 10) {
  let clock = 0;
  const errors: unknown[] = [];
  const cache = microCache<string>({ freshMs, staleMs, maxEntries, now: () => clock, onRefreshError: (e) => errors.push(e), evictOn: isClientErrorAnswer });
  return { cache, errors, tick: (ms: number) => (clock += ms) };
}

const deferred = () => {
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('microCache', () => {
  it('serves a fresh entry without computing again', async () => {
    const { cache, tick } = setup();
    let calls = 0;
    const compute = async () => `v${++calls}`;
    expect(await cache.get('k', compute)).toBe('v1');
    tick(999);
    expect(await cache.get('k', compute)).toBe('v1');
    expect(calls).toBe(1);
  });

  it('lets concurrent misses share one computation', async () => {
    const { cache } = setup();
    const d = deferred();
    let calls = 0;
    const compute = () => {
      calls++;
      return d.promise;
    };
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.get('k', compute)));
    d.resolve('once');
    expect(await answers).toEqual(Array(50).fill('once'));
    expect(calls).toBe(1);
  });

  it('serves a stale entry at once and refreshes it once in the background', async () => {
    const { cache, tick } = setup();
    await cache.get('k', async () => 'old');
    tick(1500);
    const d = deferred();
    let calls = 0;
    const compute = () => {
      calls++;
      return d.promise;
    };
    expect(await cache.get('k', compute)).toBe('old');
    expect(await cache.get('k', compute)).toBe('old');
    expect(calls).toBe(1);
    d.resolve('new');
    await d.promise;
    await Promise.resolve();
    expect(await cache.get('k', compute)).toBe('new');
  });

  it('recomputes in the foreground once the stale window has passed', async () => {
    const { cache, tick } = setup();
    await cache.get('k', async () => 'old');
    tick(6001);
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('keeps the stale value when a background refresh fails, and reports the error', async () => {
    const { cache, tick, errors } = setup();
    await cache.get('k', async () => 'old');
    tick(1500);
    expect(await cache.get('k', () => Promise.reject(new Error('db down')))).toBe('old');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    // The next visitor still gets the old answer at once and starts another refresh.
    expect(await cache.get('k', async () => 'new')).toBe('old');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', async () => 'newer')).toBe('new');
  });

  it('does not remember a failed first computation', async () => {
    const { cache } = setup();
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('drops the least recently used entries beyond its size', async () => {
    const { cache } = setup(1000, 0, 2);
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a2');
    await cache.get('c', async () => 'c');
    expect(cache.size).toBe(2);
    let recomputed = false;
    await cache.get('b', async () => {
      recomputed = true;
      return 'b2';
    });
    expect(recomputed).toBe(true);
  });

  it('computes every time when caching is switched off', async () => {
    const { cache } = setup(0, 0);
    let calls = 0;
    await cache.get('k', async () => `v${++calls}`);
    await cache.get('k', async () => `v${++calls}`);
    expect(calls).toBe(2);
  });

  it('drops a stale entry at once when its refresh answers not found, instead of serving it on', async () => {
    const { cache, tick } = setup();
    await cache.get('k', async () => 'the hidden report');
    tick(1500);
    const gone = Object.assign(new Error('not_found'), { status: 404 });
    // The visitor who triggers the refresh still gets the old copy (stale-while-revalidate) …
    expect(await cache.get('k', () => Promise.reject(gone))).toBe('the hidden report');
    await new Promise((r) => setTimeout(r, 0));
    // … but nobody after: the next visitor waits for a fresh answer, which is the 404.
    expect(cache.size).toBe(0);
    await expect(cache.get('k', () => Promise.reject(gone))).rejects.toBe(gone);
    await expect(cache.get('k', () => Promise.reject(Object.assign(new Error('gone'), { statusCode: 410 })))).rejects.toThrow('gone');
    expect(cache.size).toBe(0);
  });

  it("forgets a city's entries, and does not store a computation that was under way", async () => {
    const { cache } = setup();
    await cache.get('1|a', async () => 'one');
    await cache.get('12|a', async () => 'twelve');
    const d = deferred();
    const running = cache.get('1|b', () => d.promise);
    cache.forget('1|');
    d.resolve('read before the change');
    expect(await running).toBe('read before the change');
    expect(await cache.get('1|a', async () => 'one, new')).toBe('one, new');
    expect(await cache.get('1|b', async () => 'b, new')).toBe('b, new');
    expect(await cache.get('12|a', async () => 'twelve, new')).toBe('twelve');
  });
});

describe('publicContentChanged', () => {
  it("empties the changed city's entries in every public cache of the process", async () => {
    const pages = publicCache<string>(30, 'test pages', 10);
    const counts = publicCache<number>(30, 'test counts', 10);
    await pages.get('7|de|/meldungen/1', async () => 'Bericht');
    await counts.get('7|{}', async () => 1);
    await counts.get('8|{}', async () => 5);
    publicContentChanged(7);
    expect(await pages.get('7|de|/meldungen/1', async () => 'neu')).toBe('neu');
    expect(await counts.get('7|{}', async () => 0)).toBe(0);
    expect(await counts.get('8|{}', async () => 6)).toBe(5);
  });
});
