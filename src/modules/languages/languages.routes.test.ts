import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createResident, createStaff } from '../../../test/helpers/factories';
import { mediaOrigin } from './languages.routes';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = new Client(t);
  await admin.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'admin')).id, 'staff');
});
afterAll(() => t.close());

describe('Leichte Sprache', () => {
  it('says what the site is, what one can do and where to get help, one sentence per line', async () => {
    const res = await new Client(t).get('/leichte-sprache');
    expect(res.statusCode).toBe(200);
    const main = res.body.slice(res.body.indexOf('<main'));
    for (const heading of ['Was ist Kümmerer?', 'Was können Sie hier machen?', 'Wer hilft Ihnen?']) expect(main).toContain(`<h2>${heading}</h2>`);
    expect(main).toContain('<p class="k-easy__line">Kümmerer ist eine Internet-Seite.</p>');
    expect(main).toContain('href="/gebaerdensprache"');
    // Short sentences: none of the lines is longer than 15 words.
    const lines = [...main.matchAll(/<p class="k-easy__line">([^<]*)/g)].map((m) => m[1]!.trim()).filter(Boolean);
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(15);
  });

  it('stays German for visitors of another language, marked as such, with a note in their language', async () => {
    const res = await new Client(t).get('/leichte-sprache?lang=ar');
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('<div class="k-easy" lang="de" dir="ltr">');
    // The Latin name is isolated left to right inside the Arabic sentence (docs/i18n.md).
    expect(res.body).toContain('هذه الصفحة مكتوبة بلغة \u2066Leichte Sprache\u2069');
  });
});

describe('Gebärdensprache', () => {
  it('says clearly when the city has no videos yet, in every language', async () => {
    const notes: Record<string, string> = {
      de: 'Hier gibt es noch keine Videos in Gebärdensprache.',
      en: 'There are no sign-language videos here yet.',
      tr: 'Burada henüz işaret dili videosu yok.',
      ar: 'لا توجد هنا مقاطع فيديو بلغة الإشارة بعد.',
      uk: 'Тут ще немає відео жестовою мовою.',
      pl: 'Nie ma tu jeszcze filmów w języku migowym.',
    };
    for (const [lang, note] of Object.entries(notes)) {
      const res = await new Client(t).get(`/gebaerdensprache?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(note);
      expect(res.body).not.toContain('<video');
    }
  });

  it('admins add the city’s videos; the page plays them and allows just their server as a media source', async () => {
    const bad = await admin.post('/verwaltung/gebaerdensprache', {
      title: '',
      videoUrl: 'http://insecure.example/v.mp4',
      captionsUrl: 'javascript:alert(1)',
      sort: 'x',
    });
    expect(bad.statusCode).toBe(400);
    for (const name of ['title', 'videoUrl', 'captionsUrl', 'sort']) expect(bad.body).toContain(`href="#f-${name}"`);
    expect(bad.body).toContain('value="http://insecure.example/v.mp4"');

    const added = await admin.post('/verwaltung/gebaerdensprache', {
      title: 'Was ist Kümmerer?',
      videoUrl: 'https://videos.stadt.example/dgs/kuemmerer.mp4',
      captionsUrl: '/static/dgs/kuemmerer.vtt',
      sort: '1',
    });
    expect(added.statusCode).toBe(303);
    const page = await new Client(t).get('/gebaerdensprache?lang=tr');
    expect(page.body).toContain('<source src="https://videos.stadt.example/dgs/kuemmerer.mp4"/>');
    expect(page.body).toContain('<track kind="captions" src="/static/dgs/kuemmerer.vtt" srclang="de"');
    expect(page.body).toContain('<h3 id="video-');
    expect(page.body).toMatch(/<h3 id="video-\d+" lang="de">Was ist Kümmerer\?<\/h3>/);
    expect(page.headers['content-security-policy']).toContain("media-src 'self' https://videos.stadt.example");
    // Other pages keep the strict policy.
    expect((await new Client(t).get('/leichte-sprache')).headers['content-security-policy']).not.toContain('media-src');

    const list = await admin.get('/verwaltung/gebaerdensprache');
    const id = /name="id" value="(\d+)"/.exec(list.body)![1]!;
    expect((await admin.post('/verwaltung/gebaerdensprache/entfernen', { id })).statusCode).toBe(303);
    expect((await new Client(t).get('/gebaerdensprache')).body).not.toContain('<video');
    expect((await admin.post('/verwaltung/gebaerdensprache/entfernen', { id })).statusCode).toBe(404);
    expect((await admin.post('/verwaltung/gebaerdensprache/entfernen', { id: 'x' })).statusCode).toBe(404);
  });

  it('only admins manage the videos', async () => {
    const resident = new Client(t);
    await resident.signInAs((await createResident(t.db, t.org.id)).id, 'resident');
    expect((await resident.get('/verwaltung/gebaerdensprache')).statusCode).toBe(403);
    const moderator = new Client(t);
    await moderator.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'moderator')).id, 'staff');
    expect((await moderator.post('/verwaltung/gebaerdensprache', { title: 'x', videoUrl: '/x.mp4' })).statusCode).toBe(403);
  });

  it('accepts video addresses on this site or https on another server only', () => {
    expect(mediaOrigin('/videos/a.mp4')).toBeNull();
    expect(mediaOrigin('https://www.dortmund.de/a.mp4')).toBe('https://www.dortmund.de');
    for (const bad of [
      '//evil.example/a.mp4',
      'http://www.dortmund.de/a.mp4',
      'data:video/mp4;base64,AA',
      "https://a.example/x'; script-src *",
      'https://user:pw@a.example/a.mp4',
      'ftp://a.example/a.mp4',
    ])
      expect(mediaOrigin(bad), bad).toBeUndefined();
  });
});

describe('home page and footer', () => {
  it('link both pages on every page', async () => {
    const res = await new Client(t).get('/impressum');
    const footer = res.body.slice(res.body.indexOf('<footer'));
    expect(footer).toContain('<a href="/leichte-sprache">Leichte Sprache</a>');
    expect(footer).toContain('<a href="/gebaerdensprache">Gebärdensprache</a>');
  });
});
