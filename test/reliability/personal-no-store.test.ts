import { afterAll, describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE } from '../../src/platform/http/csrf';
import { sessionCookieName } from '../../src/platform/http/platform-plugin';
import { createTestApp } from '../helpers/app';
import { paramPool, routeParams } from './fuzz/requests';
import { seedWorld, type Who } from './fuzz/seed';

// The audit found /konto, every back-office page (reporters' email and phone) and the TOTP set-up page sent without
// Cache-Control: a shared proxy or the browser's cache (the back button at a shared computer, after sign-out) could
// show them to the next person. Every GET route under /verwaltung and /konto as the app registers it, and every route
// with a credential in its path, is asked by each kind of visitor: each answer (page, redirect, 403, 404) must say
// no-store. Public pages keep their caching for anonymous visitors.

const registered = vi.hoisted(() => [] as string[]);

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const factory = ((options: Record<string, unknown> = {}) => {
    const app = real.default(options as never);
    app.addHook('onRoute', (route) => {
      if ([route.method].flat().includes('GET')) registered.push(route.url ?? '');
    });
    return app;
  }) as unknown as typeof real.default;
  return { ...real, default: factory, fastify: factory };
});

const t = await createTestApp();
const world = await seedWorld(t);
afterAll(() => t.close());

const PERSONAL = /^\/(verwaltung|konto)(\/|$)|:token\b/;
const VISITORS: Who[] = ['admin', 'department_staff', 'resident', 'anonymous'];

function paths(url: string): string[] {
  const names = routeParams(url);
  const pools = names.map((n) => paramPool(url, n, world) ?? ['1']);
  const count = Math.max(1, ...pools.map((p) => Math.min(p.length, 2)));
  return Array.from({ length: count }, (_, i) =>
    url.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => encodeURIComponent(pools[names.indexOf(n)]?.[i % pools[names.indexOf(n)]!.length] ?? '1')),
  );
}

async function get(url: string, who: Who, n: number) {
  const session = who === 'anonymous' ? undefined : world.sessions[who];
  return t.app.inject({
    method: 'GET',
    url,
    headers: { host: 'localhost' },
    cookies: { [CSRF_COOKIE]: 'no-store-test', ...(session ? { [sessionCookieName(false)]: session } : {}) },
    remoteAddress: `10.9.${(n >> 8) & 255}.${n & 255}`,
  });
}

describe('personal answers are not cached', () => {
  const routes = [...new Set(registered)].filter((url) => PERSONAL.test(url));

  it('finds the back office, the account and the credential links among the registered routes', () => {
    for (const url of [
      '/konto',
      '/verwaltung',
      '/verwaltung/meldungen',
      '/verwaltung/meldungen/:id',
      '/verwaltung/einrichten/:token',
      '/anmelden/link/:token',
    ]) {
      expect(routes).toContain(url);
    }
    expect(routes.filter((u) => u.startsWith('/verwaltung')).length).toBeGreaterThan(20);
  });

  it('says Cache-Control: no-store on every answer of every such route, to every visitor', { timeout: 300_000 }, async () => {
    const missing: string[] = [];
    let n = 0;
    for (const route of routes) {
      for (const url of paths(route)) {
        for (const who of VISITORS) {
          const res = await get(url, who, ++n);
          if (res.headers['cache-control'] !== 'no-store')
            missing.push(`${who} GET ${url} → ${res.statusCode}, Cache-Control: ${res.headers['cache-control'] ?? '(none)'}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(n).toBeGreaterThan(100);
  });

  it('says no-store on every page a signed-in visitor gets, while what a route declared public keeps its caching', async () => {
    const report = world.ids.report![0]!;
    for (const who of ['resident', 'admin'] as const) {
      for (const url of ['/', '/meldungen', `/meldungen/${report}`, '/impressum']) {
        const res = await get(url, who, 1);
        // (The first seeded report may not be public: a 404 page for a signed-in visitor is just as personal.)
        if (!url.startsWith('/meldungen/')) expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], `${who} ${url}`).toBe('no-store');
      }
    }
    // Map tiles, photos, feeds: the same for everyone, so their public caching stays.
    const feed = await get('/feeds/meldungen.atom', 'resident', 2);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['cache-control']).toMatch(/^public/);
  });

  it('leaves public pages for anonymous visitors as they were (cacheable unless a route says otherwise)', async () => {
    for (const url of ['/', '/meldungen', '/impressum']) {
      const res = await get(url, 'anonymous', 3);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).not.toBe('no-store');
    }
  });
});
