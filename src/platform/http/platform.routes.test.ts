import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { buildApp } from '../../app';

let t: TestApp;
beforeAll(async () => {
  // A route that fails on purpose, to see what a person is shown when something breaks.
  t = await createTestApp({}, (app) =>
    app.get('/test/boom', async () => {
      throw new Error('secret internals at /srv/app.ts:42');
    }),
  );
});
afterAll(() => t.close());

describe('platform HTTP behaviour', () => {
  it('serves the home page with security headers and no third-party origin', async () => {
    const res = await new Client(t).get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.body).toContain('<html lang="de"');
    expect(res.body).toContain('href="#main"');
    expect(res.body).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('sends HSTS and __Host- cookies when served over https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://kuemmerer.example' });
    try {
      const res = await secure.app.inject({ url: '/', headers: { host: 'localhost' } });
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });

  it('answers unknown routes with 404 and wrong methods with 405 and Allow', async () => {
    const c = new Client(t);
    const missing = await c.get('/gibt-es-nicht');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Seite nicht gefunden');
    const wrong = await c.request({ method: 'DELETE', url: '/anmelden' });
    expect(wrong.statusCode).toBe(405);
    expect(String(wrong.headers.allow)).toContain('GET');
    expect(String(wrong.headers.allow)).toContain('POST');
  });

  it('refuses state-changing requests without a valid CSRF token', async () => {
    const c = new Client(t);
    const res = await c.post('/anmelden', { email: 'a@b.de' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formular abgelaufen');
    const forged = await c.post('/anmelden', { email: 'a@b.de', _csrf: 'forged' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    const ok = await c.post('/anmelden', { email: 'a@b.de' });
    expect(ok.statusCode).toBe(200);
  });

  it('shows a reference id instead of internals when something breaks', async () => {
    const res = await new Client(t).get('/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internals');
    expect(res.body).not.toContain('.ts:');
    expect(res.body).toMatch(/Referenz für Rückfragen: [A-Za-z0-9]{8}/);
    const json = await new Client(t).get('/test/boom', { accept: 'application/json' });
    expect(json.json()).toEqual({ error: { code: 'internal', reference: expect.any(String) } });
  });

  it('switches language with a form and remembers it, and reads Accept-Language', async () => {
    const c = new Client(t);
    expect((await c.get('/', { 'accept-language': 'en-GB,en;q=0.9' })).body).toContain('<html lang="en"');
    const switched = await c.post('/sprache', { locale: 'en', return: '/impressum' });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/impressum');
    expect((await c.get('/impressum')).body).toContain('Legal notice');
    const evil = await c.post('/sprache', { locale: 'de', return: '//evil.example' });
    expect(evil.headers.location).toBe('/');
    // After a form post the page address may answer POST only: go home instead of into a 405.
    const afterPost = await c.post('/sprache', { locale: 'en', return: '/abmelden' });
    expect(afterPost.headers.location).toBe('/');
    const english = await c.post('/anmelden', { email: '' });
    expect(english.body).toContain('<span class="k-visually-hidden">Error: </span>');
  });

  it('answers hosts that no city claims with 404 when there is no default city', async () => {
    const res = await t.app.inject({ url: '/', headers: { host: 'unbekannt.example' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Unbekannte Adresse');
  });

  it('has no GET route that changes state: the sign-out is POST only', async () => {
    const res = await new Client(t).get('/abmelden');
    expect(res.statusCode).toBe(405);
  });
});

describe('database outage', () => {
  it("answers 503 with Retry-After and a page in the visitor's language, without internals", async () => {
    let down = false;
    const outage: KyselyPlugin = {
      transformQuery: (args) => {
        if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const app = await buildApp({ config: t.config, db: t.db.withPlugin(outage) });
    try {
      down = true;
      const page = await app.inject({ url: '/meldungen', headers: { host: 'localhost', 'accept-language': 'en' } });
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('30');
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<html lang="en"');
      expect(page.body).toContain('Unavailable just now');
      expect(page.body).not.toMatch(/ECONNREFUSED|5432|node_modules/);
      const api = await app.inject({ url: '/api/reports/map?bbox=7,51,8,52&zoom=12', headers: { host: 'localhost' } });
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ error: { code: 'unavailable' } });
      down = false;
      expect((await app.inject({ url: '/', headers: { host: 'localhost' } })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('static files', () => {
  it('sends the map bundle compressed to browsers that accept it, and plain to those that do not', async () => {
    const c = new Client(t);
    const plain = await c.request({ method: 'GET', url: '/static/js/map.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.statusCode).toBe(200);
    const br = await c.request({ method: 'GET', url: '/static/js/map.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gz = await c.request({ method: 'GET', url: '/static/js/map.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });
});
