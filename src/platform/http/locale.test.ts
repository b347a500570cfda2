import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createResident, createStaff } from '../../../test/helpers/factories';
import { LOCALE_COOKIE } from './locale';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const htmlTag = (body: string) => /<html[^>]*>/.exec(body)?.[0] ?? '';
const accountLocale = async (id: number) => (await sql<{ locale: string | null }>`SELECT locale FROM users WHERE id = ${id}`.execute(t.db)).rows[0]!.locale;

describe('the language of a request', () => {
  it('follows Accept-Language on a first visit, in all six languages, German without one', async () => {
    const cases: Array<[string, string]> = [
      ['tr-TR,tr;q=0.9', '<html lang="tr" dir="ltr">'],
      ['ar-SY,ar;q=0.9,en;q=0.5', '<html lang="ar" dir="rtl">'],
      ['uk-UA', '<html lang="uk" dir="ltr">'],
      ['pl', '<html lang="pl" dir="ltr">'],
      ['en-GB', '<html lang="en" dir="ltr">'],
      ['fr-FR', '<html lang="de" dir="ltr">'],
    ];
    for (const [header, tag] of cases) expect(htmlTag((await new Client(t).get('/impressum', { 'accept-language': header })).body)).toBe(tag);
    expect(htmlTag((await new Client(t).get('/impressum')).body)).toBe('<html lang="de" dir="ltr">');
  });

  it('the switch is a form without JavaScript: it sets the cookie, goes back, and every language is named in itself', async () => {
    const c = new Client(t);
    const page = (await c.get('/impressum')).body;
    expect(page).toContain('<form class="k-lang" method="post" action="/sprache">');
    for (const name of ['Deutsch', 'English', 'Türkçe', 'العربية', 'Українська', 'Polski']) expect(page).toContain(`>${name}</button>`);
    expect(page).toMatch(/<button[^>]*lang="ar"[^>]*dir="rtl"/);
    const switched = await c.post('/sprache', { locale: 'ar', return: '/impressum?lang=en' });
    expect(switched.statusCode).toBe(303);
    // Back without the ?lang= that would undo the choice.
    expect(switched.headers.location).toBe('/impressum');
    expect(c.cookies.get(LOCALE_COOKIE)).toBe('ar');
    expect(htmlTag((await c.get('/impressum', { 'accept-language': 'de' })).body)).toBe('<html lang="ar" dir="rtl">');
  });

  it('a link that names its language wins and is remembered for the pages after it', async () => {
    const c = new Client(t);
    expect(htmlTag((await c.get('/impressum?lang=uk')).body)).toBe('<html lang="uk" dir="ltr">');
    expect(c.cookies.get(LOCALE_COOKIE)).toBe('uk');
    expect(htmlTag((await c.get('/datenschutz')).body)).toBe('<html lang="uk" dir="ltr">');
    // An unknown language in a link changes nothing.
    expect(htmlTag((await c.get('/datenschutz?lang=xx')).body)).toBe('<html lang="uk" dir="ltr">');
  });

  it("keeps a signed-in resident's choice on the account, which then wins on every device", async () => {
    const resident = await createResident(t.db, t.org.id);
    const phone = new Client(t);
    await phone.signInAs(resident.id, 'resident');
    expect(await accountLocale(resident.id)).toBeNull();
    await phone.post('/sprache', { locale: 'pl', return: '/' });
    expect(await accountLocale(resident.id)).toBe('pl');

    // Another browser, another cookie, another Accept-Language: the account decides.
    const laptop = new Client(t);
    laptop.cookies.set(LOCALE_COOKIE, 'en');
    await laptop.signInAs(resident.id, 'resident');
    expect(htmlTag((await laptop.get('/impressum', { 'accept-language': 'tr' })).body)).toBe('<html lang="pl" dir="ltr">');

    // A visitor's switch does not touch anyone's account.
    await new Client(t).post('/sprache', { locale: 'tr', return: '/' });
    expect(await accountLocale(resident.id)).toBe('pl');
  });

  it('staff pages are in German or English, and their switch offers only those two', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t);
    await c.signInAs(staff.id, 'staff');
    c.cookies.set(LOCALE_COOKIE, 'tr');
    const turkish = (await c.get('/verwaltung')).body;
    expect(htmlTag(turkish)).toBe('<html lang="de" dir="ltr">');
    expect(turkish).toContain('>English</button>');
    expect(turkish).not.toContain('>Türkçe</button>');
    c.cookies.set(LOCALE_COOKIE, 'en');
    expect(htmlTag((await c.get('/verwaltung')).body)).toBe('<html lang="en" dir="ltr">');
    // The public pages keep the visitor's language.
    c.cookies.set(LOCALE_COOKIE, 'ar');
    expect(htmlTag((await c.get('/impressum')).body)).toBe('<html lang="ar" dir="rtl">');
  });
});
