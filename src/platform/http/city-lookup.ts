import type { Organization } from '../../db-schema';
import { microCache } from './response-cache';

/**
 * How long a process trusts what it read about a city (name, host names, contact). Every request starts with
 * this lookup, so asking the database each time was one round trip per page view; cities change rarely and
 * through the CLI, i.e. in another process, which a process can only notice by asking again after a while.
 */
export const CITY_TTL_MS = 5_000;

const live = new Set<WeakRef<{ clear(): void }>>();

/**
 * Drops what this process remembers about cities, after a change made in it. Other processes (several app
 * processes on one PostgreSQL, the CLI next to a server) see the change within CITY_TTL_MS.
 */
export function organizationsChanged(): void {
  for (const ref of live) {
    const cache = ref.deref();
    if (cache) cache.clear();
    else live.delete(ref);
  }
}

/** The city for a host name, from memory for ttlMs (0: always asked); unknown host names are remembered too, in a bounded cache. */
export function cityLookup(find: (host: string) => Promise<Organization | null>, ttlMs = CITY_TTL_MS): (host: string) => Promise<Organization | null> {
  // Single flight: when the entry runs out under load, one query refreshes it and the others wait for that one.
  const cache = microCache<Organization | null>({ freshMs: ttlMs, staleMs: 0, maxEntries: 100 });
  live.add(new WeakRef(cache));
  return (host) => cache.get(host, () => find(host));
}
