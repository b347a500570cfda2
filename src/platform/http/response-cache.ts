/**
 * A small in-memory cache for expensive public answers (map clusters, list counts) that every visitor shares.
 * While an entry is fresh it is served as is; for a while after that it is still served, and one refresh runs
 * in the background, so a crowd never waits for the database. Concurrent misses of one key share a single
 * computation (no thundering herd when the local paper links the map). Each process has its own cache; the
 * staleness is bounded by fresh + stale time, which is why only public, anonymous data belongs here.
 */
export interface MicroCache<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
}

interface Entry<T> {
  value?: T;
  storedAt: number;
  pending?: Promise<T>;
}

export interface MicroCacheOptions {
  freshMs: number;
  /** How long after freshMs an entry may still be served while it is being refreshed. */
  staleMs: number;
  maxEntries: number;
  now?: () => number;
  onRefreshError?: (err: unknown) => void;
}

export function microCache<T>(options: MicroCacheOptions): MicroCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();

  const touch = (key: string, entry: Entry<T>) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
  };

  const load = (key: string, entry: Entry<T>, compute: () => Promise<T>): Promise<T> => {
    const pending = compute().then(
      (value) => {
        touch(key, { value, storedAt: now() });
        return value;
      },
      (err: unknown) => {
        if (entry.value === undefined) entries.delete(key);
        else delete entry.pending;
        throw err;
      },
    );
    entry.pending = pending;
    touch(key, entry);
    return pending;
  };

  return {
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
    async get(key, compute) {
      if (options.freshMs <= 0) return compute();
      const entry = entries.get(key);
      const age = entry && entry.value !== undefined ? now() - entry.storedAt : Number.POSITIVE_INFINITY;
      if (entry && age < options.freshMs) {
        touch(key, entry);
        return entry.value as T;
      }
      if (entry && age < options.freshMs + options.staleMs) {
        if (!entry.pending) load(key, entry, compute).catch((err) => options.onRefreshError?.(err));
        return entry.value as T;
      }
      if (entry?.pending) return entry.pending;
      return load(key, entry ?? { storedAt: 0 }, compute);
    },
  };
}

/**
 * The cache for what anonymous visitors share, living PUBLIC_CACHE_SECONDS: fresh for that long, then served
 * stale for up to four times as long while one refresh runs (see docs/operations.md). 0 switches it off.
 */
export function publicCache<T>(seconds: number, name: string, maxEntries: number): MicroCache<T> {
  return microCache<T>({
    freshMs: seconds * 1000,
    staleMs: seconds * 4000,
    maxEntries,
    onRefreshError: (err) => console.error(`${name} cache refresh failed`, err),
  });
}
