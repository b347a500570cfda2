/**
 * A small in-memory cache for expensive public answers (map clusters, list counts) that every visitor shares.
 * While an entry is fresh it is served as is; for a while after that it is still served, and one refresh runs
 * in the background, so a crowd never waits for the database. Concurrent misses of one key share a single
 * computation (no thundering herd when the local paper links the map). Each process has its own cache; the
 * staleness is bounded by fresh + stale time, which is why only public, anonymous data belongs here.
 */
export interface MicroCache<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
  /** Drops every entry whose key starts with the prefix; computations under way are not stored either. */
  forget(prefix: string): void;
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
  /**
   * Errors that are an answer rather than a failure (not found, gone, forbidden): the entry is dropped at once
   * instead of serving the old value on. A failure (the database is down) keeps the stale value.
   */
  evictOn?: (err: unknown) => boolean;
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
        // Forgotten while it was computed (the content changed meanwhile): answer, but do not keep it.
        if (entries.get(key) === entry) touch(key, { value, storedAt: now() });
        return value;
      },
      (err: unknown) => {
        if (entry.value === undefined || options.evictOn?.(err)) {
          if (entries.get(key) === entry) entries.delete(key);
        } else delete entry.pending;
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
    forget(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
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

/** A definite answer about the content (4xx: not found, gone, forbidden …), as opposed to a failure to compute it. */
export function isClientErrorAnswer(err: unknown): boolean {
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

// Every public cache of this process, so that a change of what is public reaches all of them at once. Weak
// references: a cache lives as long as the app that made it (tests build many apps in one process).
const publicCaches = new Set<WeakRef<MicroCache<unknown>>>();

/**
 * Something public of a city changed in a way visitors must see at once (a report hidden, a photo withdrawn, a
 * place published): every public cache of this process drops what it holds for that city. Call it after the
 * change is committed. Keys of public caches start with `<organization id>|` for this reason.
 */
export function publicContentChanged(organizationId: number): void {
  for (const ref of publicCaches) {
    const cache = ref.deref();
    if (cache) cache.forget(`${organizationId}|`);
    else publicCaches.delete(ref);
  }
}

/**
 * The cache for what anonymous visitors share, living PUBLIC_CACHE_SECONDS: fresh for that long, then served
 * stale for up to four times as long while one refresh runs (see docs/operations.md). 0 switches it off.
 */
export function publicCache<T>(seconds: number, name: string, maxEntries: number): MicroCache<T> {
  const cache = microCache<T>({
    freshMs: seconds * 1000,
    staleMs: seconds * 4000,
    maxEntries,
    evictOn: isClientErrorAnswer,
    onRefreshError: (err) => {
      if (!isClientErrorAnswer(err)) console.error(`${name} cache refresh failed`, err);
    },
  });
  publicCaches.add(new WeakRef(cache as MicroCache<unknown>));
  return cache;
}
