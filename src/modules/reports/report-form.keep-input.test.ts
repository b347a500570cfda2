import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createSyntheticBoundary } from '../../../test/helpers/factories';

// Issue 14, step one of the report form: no "nothing nearby" without a point, no address search named where there
// is none, and "Ort oder Kategorie ändern" keeps what was typed in step two (there and back again).

let t: TestApp;
let withSearch: TestApp;
let category: { id: number };
let other: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  // A geocoder that is configured (never asked here: the tests below do not search).
  withSearch = await createTestApp({ GEOCODER_URL: 'http://127.0.0.1:9/nominatim' });
  for (const app of [t, withSearch]) await createSyntheticBoundary(app.db, app.org.id);
  category = await createCategory(t.db, t.org.id, {
    name: 'Schlagloch',
    questions: [
      { code: 'tiefe', datatype: 'text' },
      {
        code: 'art',
        datatype: 'multivaluelist',
        options: [
          { key: 'rad', de: 'Radweg', en: 'Cycle path' },
          { key: 'fuss', de: 'Gehweg', en: 'Footpath' },
        ],
      },
    ],
  });
  other = await createCategory(t.db, t.org.id, { name: 'Wilder Müll' });
});
afterAll(async () => {
  await t.close();
  await withSearch.close();
});

/** Step two as the browser sends it to "Ort oder Kategorie ändern": a plain form with the file field's name. */
const stepTwo = () => ({
  categoryId: String(category.id),
  lat: '51.5',
  lon: '7.5',
  address: 'vor Nr. 12',
  idempotencyKey: 'abc123',
  description: 'Tiefes Loch, "gefährlich" <für> Räder & Kinder\nzweite Zeile',
  'answer.tiefe': '20 cm',
  'answer.art': ['rad', 'fuss'],
  name: 'Erika Mustermann',
  email: 'erika@example.de',
  showName: '1',
  photos: 'loch.jpg',
});

describe('the nearby check', () => {
  it('says it could not look when only a described place was given', async () => {
    const res = await new Client(t).post('/melden/ort', { categoryId: String(category.id), lat: '', lon: '', address: 'Hinter dem Rathaus' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ohne Punkt auf der Karte können wir nicht prüfen');
    expect(res.body).not.toContain('In der Nähe gibt es keine offene Meldung');
    expect(res.body).toContain(`href="/meldungen?kategorie=${category.id}&amp;status=open"`);
  });

  it('still says "none nearby" when a point was given and nothing is there', async () => {
    const res = await new Client(t).post('/melden/ort', { categoryId: String(category.id), lat: '51.5', lon: '7.5', address: '' });
    expect(res.body).toContain('In der Nähe gibt es keine offene Meldung');
    expect(res.body).not.toContain('Ohne Punkt auf der Karte');
  });
});

describe('the place error', () => {
  it('names no address search where the installation has none', async () => {
    const res = await new Client(t).post('/melden/ort', { categoryId: String(category.id), lat: '', lon: '', address: '' });
    expect(res.statusCode).toBe(400);
    const error = res.body.match(/<p class="k-field__error" id="f-location-error">([^<]*)<\/p>/)?.[1];
    expect(error).toBe('Bitte wählen Sie einen Ort: auf der Karte oder mit einer Beschreibung.');
    // Nor do the picker's hints ask for one; the notice says plainly that there is none.
    expect(res.body).not.toMatch(/über die Adresssuche|suchen Sie eine Adresse/);
    expect(res.body).toContain('Eine Adresssuche gibt es hier nicht');
    const en = await new Client(t).post('/melden/ort?lang=en', { categoryId: String(category.id) });
    expect(en.body).toContain('Please choose a place: on the map or with a description.');
  });

  it('names the address search where there is one', async () => {
    const c = new Client(withSearch);
    const res = await c.post('/melden/ort', { categoryId: '', lat: '', lon: '', address: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('über die Adresssuche');
    expect(res.body).toContain('suchen Sie eine Adresse');
  });
});

describe('"Ort oder Kategorie ändern" keeps step two', () => {
  it('step two offers it as a plain post of its own form, after the send button', async () => {
    const res = await new Client(t).post('/melden/ort', { categoryId: String(category.id), lat: '51.5', lon: '7.5', address: '' });
    const form = res.body.match(/<form method="post" action="\/melden" enctype="multipart\/form-data"[\s\S]*?<\/form>/)?.[0] ?? '';
    const button = form.match(/<button[^>]*formaction="\/melden\/zurueck"[^>]*>/)?.[0] ?? '';
    expect(button).toContain('formenctype="application/x-www-form-urlencoded"');
    // The send button comes first: Enter in a field sends the report.
    expect(form.indexOf('Meldung absenden')).toBeGreaterThan(-1);
    expect(form.indexOf('Meldung absenden')).toBeLessThan(form.indexOf('formaction="/melden/zurueck"'));
    expect(res.body).not.toContain('<a href="/melden">Ort oder Kategorie ändern</a>');
  });

  it('goes back to step one filled in, carries step two along and shows it again after "Weiter"', async () => {
    const c = new Client(t);
    const back = await c.post('/melden/zurueck', stepTwo());
    expect(back.statusCode).toBe(200);
    // It carries an email address and a name: no cache keeps it.
    expect(back.headers['cache-control']).toBe('no-store');
    expect(back.body).toContain('Schritt 1 von 2');
    expect(back.body).toContain(`id="cat-${category.id}" value="${category.id}" checked`);
    expect(back.body).toContain('value="51.5"');
    expect(back.body).toContain('vor Nr. 12</textarea>');
    expect(back.body).toContain('Ihre Beschreibung und Ihre übrigen Angaben aus Schritt 2 bleiben erhalten');
    expect(back.body).toContain('type="hidden" name="description" value="Tiefes Loch, &quot;gefährlich&quot; &lt;für> Räder &amp; Kinder');
    for (const hidden of [
      'name="email" value="erika@example.de"',
      'name="showName" value="1"',
      'name="answer.art" value="rad"',
      'name="answer.art" value="fuss"',
    ]) {
      expect(back.body).toContain(`type="hidden" ${hidden}`);
    }

    // The person chooses another place; "Weiter" posts step one with the hidden fields.
    const hidden = Object.fromEntries(
      [...back.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
        .filter(([, name]) => name !== '_csrf' && name !== 'answer.art')
        .map(([, name, value]) => [name!, decode(value!)]),
    );
    const forward = await c.post('/melden/ort', {
      ...hidden,
      'answer.art': ['rad', 'fuss'],
      categoryId: String(category.id),
      lat: '51.51',
      lon: '7.51',
      address: '',
    });
    expect(forward.statusCode).toBe(200);
    expect(forward.headers['cache-control']).toBe('no-store');
    expect(forward.body).toContain('Schritt 2 von 2');
    expect(forward.body).toContain('Gewählter Ort: 51.51000, 7.51000');
    expect(forward.body).toMatch(/name="description"[^>]*>Tiefes Loch, &quot;gefährlich&quot; &lt;für> Räder &amp; Kinder\nzweite Zeile<\/textarea>/);
    expect(forward.body).toMatch(/name="name" value="Erika Mustermann"|value="Erika Mustermann"[^>]*name="name"/);
    expect(forward.body).toContain('value="erika@example.de"');
    expect(forward.body).toMatch(/id="f-showName" name="showName" value="1" checked/);
    expect(forward.body).toContain('20 cm');
    expect(forward.body).toMatch(/value="rad" checked/);
    expect(forward.body).toMatch(/value="fuss" checked/);
    // The photos could not travel: the form asks for them again.
    expect(forward.body).toContain('bitte wählen Sie sie noch einmal aus');
  });

  it('keeps step two through the server map (no redirect, since the text must not go into an address)', async () => {
    const c = new Client(t);
    const { photos: _photos, ...fields } = stepTwo();
    const moved = await c.post('/melden/ortswahl', { ...fields, categoryId: String(other.id), ansicht: '14/51.500000/7.500000', karte_aktion: 'in' });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.location).toBeUndefined();
    expect(moved.headers['cache-control']).toBe('no-store');
    expect(moved.body).toContain(`id="cat-${other.id}" value="${other.id}" checked`);
    expect(moved.body).toContain('type="hidden" name="email" value="erika@example.de"');
    expect(moved.body).toContain('name="ansicht" value="16/');
    expect(moved.body).not.toContain('name="photosChosen"');
    // Without a draft the picker still answers with a redirect.
    const plain = await c.post('/melden/ortswahl', { categoryId: String(other.id), ansicht: '14/51.500000/7.500000', karte_aktion: 'in' });
    expect(plain.statusCode).toBe(303);
  });

  it('step two sent with a bad place goes to step one with its text kept', async () => {
    const c = new Client(t);
    const res = await c.post('/melden/zurueck', { ...stepTwo(), categoryId: '999999' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('type="hidden" name="email" value="erika@example.de"');
    const forward = await c.post('/melden/ort', { categoryId: '999999', lat: '51.5', lon: '7.5', description: 'Nur Text' });
    expect(forward.statusCode).toBe(400);
    expect(forward.body).toContain('type="hidden" name="description" value="Nur Text"');
  });

  it('refuses a post without the form token', async () => {
    const res = await new Client(t).post('/melden/zurueck', stepTwo(), { csrf: false });
    expect(res.statusCode).toBe(403);
  });
});

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
