import { h } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createResident } from '../../../test/helpers/factories';
import { CSRF_COOKIE } from './csrf';
import { AppError } from './errors';
import { sharedPages } from './page-cache';
import { publicContentChanged } from './response-cache';

let t: TestApp;
let renders = 0;
let version = 'v1';
// A report-like page whose content and visibility the test changes: `state` null is hidden.
let state: { text: string; updated: string } | null = { text: 'Schlagloch vor Haus 3', updated: 't1' };
let reportRenders = 0;
beforeAll(async () => {
  const shared = sharedPages(30);
  t = await createTestApp({}, (app) => {
    app.get('/test/geteilt', (request, reply) =>
      shared.send(request, reply, async (ctx) => {
        renders++;
        const page = h(
          'html',
          null,
          h(
            'body',
            null,
            h('p', null, `${version} ${ctx.user ? `für ${ctx.user.email}` : 'für alle'}`),
            h('form', null, h('input', { name: '_csrf', value: ctx.csrfToken })),
          ),
        );
        return request.url.includes('fehler') ? { page, status: 400 } : page;
      }),
    );
    app.get('/test/bericht', (request, reply) =>
      shared.send(
        request,
        reply,
        async () => {
          reportRenders++;
          if (!state) throw new AppError('not_found');
          return h('html', null, h('body', null, h('p', null, state.text)));
        },
        { version: async () => state?.updated ?? null },
      ),
    );
    app.get('/test/ohne-version', (request, reply) =>
      shared.send(request, reply, async () => {
        reportRenders++;
        if (!state) throw new AppError('not_found');
        return h('html', null, h('body', null, h('p', null, state.text)));
      }),
    );
  });
});
afterAll(() => t.close());

function visitor(cookie: string) {
  const c = new Client(t);
  c.cookies.set(CSRF_COOKIE, cookie);
  return c;
}

describe('shared public pages', () => {
  it('renders once for many anonymous visitors, each with their own CSRF token', async () => {
    renders = 0;
    const a = visitor('cookie-of-a');
    const b = visitor('cookie-of-b');
    const [pa, pb] = await Promise.all([a.get('/test/geteilt'), b.get('/test/geteilt')]);
    expect(renders).toBe(1);
    expect(pa.body).toContain(`value="${a.csrf}"`);
    expect(pb.body).toContain(`value="${b.csrf}"`);
    expect(pa.body).not.toContain(b.csrf);
    expect(pa.body).not.toMatch(/kcsrf/);
  });

  it('keeps the shared page for its lifetime, and gives signed-in visitors a fresh one', async () => {
    version = 'v2';
    const anonymous = await visitor('cookie-of-c').get('/test/geteilt');
    expect(anonymous.body).toContain('v1 für alle');
    const user = await createResident(t.db, t.org.id, 'angemeldet@example.de');
    const signedIn = visitor('cookie-of-d');
    await signedIn.signInAs(user.id, 'resident');
    const own = await signedIn.get('/test/geteilt');
    expect(own.body).toContain('v2 für angemeldet@example.de');
    expect(own.body).toContain(`value="${signedIn.csrf}"`);
  });

  it('never shares a page answered with another status', async () => {
    renders = 0;
    const first = await visitor('cookie-of-e').get('/test/geteilt?fehler=1');
    const second = await visitor('cookie-of-f').get('/test/geteilt?fehler=1');
    expect(first.statusCode).toBe(400);
    expect(second.statusCode).toBe(400);
    expect(renders).toBe(2);
  });

  it('stops serving a shared page at once when its version says it is not public any more', async () => {
    state = { text: 'Schlagloch vor Haus 3', updated: 't1' };
    reportRenders = 0;
    expect((await visitor('cookie-of-g').get('/test/bericht')).body).toContain('Schlagloch vor Haus 3');
    expect((await visitor('cookie-of-h').get('/test/bericht')).statusCode).toBe(200);
    expect(reportRenders).toBe(1);
    // Edited (a new version): a new copy at once.
    state = { text: 'Schlagloch (Text geprüft)', updated: 't2' };
    expect((await visitor('cookie-of-i').get('/test/bericht')).body).toContain('Schlagloch (Text geprüft)');
    // Hidden, e.g. by another process or by hand in the database: the very next visitor gets the 404.
    state = null;
    const hidden = await visitor('cookie-of-j').get('/test/bericht');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Schlagloch');
  });

  it("drops a city's shared pages when its public content changes", async () => {
    state = { text: 'Müll am Spielplatz', updated: 't3' };
    expect((await visitor('cookie-of-k').get('/test/ohne-version')).body).toContain('Müll am Spielplatz');
    state = null;
    publicContentChanged(t.org.id);
    const hidden = await visitor('cookie-of-l').get('/test/ohne-version');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Müll am Spielplatz');
  });
});
