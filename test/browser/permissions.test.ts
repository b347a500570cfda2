import { describe, expect, it } from 'vitest';
import { totpAt } from '../../src/modules/accounts/totp';
import { expectNoAxeViolations, signInWithCookie, useBrowserSuite } from '../helpers/browser';
import { createResident, createStaff } from '../helpers/factories';

// The journeys around permissions, and how the sign-in and 403 pages look. Which visitor gets what on which route
// is checked for every route by test/reliability/permission-matrix.test.ts, generated from the guards' rules.

describe('permissions as the browser sees them', () => {
  const suite = useBrowserSuite({ devMailbox: true });

  it('anonymous visitors go to the staff sign-in and come back afterwards', async () => {
    const { db, config, org } = suite.server;
    const admin = await createStaff(db, config.secret, org.id, 'admin');
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/abteilungen'));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/verwaltung/anmelden');
    expect(url.searchParams.get('return')).toBe('/verwaltung/abteilungen');
    await page.getByRole('heading', { level: 1, name: 'Anmeldung für Mitarbeitende' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByLabel('Code').fill(totpAt(admin.totpSecret, Date.now()));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/abteilungen'));
  });

  it('a resident signed in by magic link gets the 403 page', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('neugierig@example.de');
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();
    await page.goto(suite.server.url('/dev/postfach'));
    const mail = (await page.locator('[data-mail-to="neugierig@example.de"] pre').first().textContent()) ?? '';
    const link = mail.match(/http:\/\/\S+\/anmelden\/link\/\S+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
    await page.waitForURL(suite.server.url('/konto'));
    await expect(page.getByRole('link', { name: 'Verwaltung' }).count()).resolves.toBe(0);

    const response = await page.goto(suite.server.url('/verwaltung'));
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('a resident with a session cookie, and a moderator on admin pages, get 403', async () => {
    const { db, config, org } = suite.server;
    const resident = await createResident(db, org.id);
    await signInWithCookie(suite.server, suite.browser, resident.id, 'resident');
    const page = await suite.page();
    const response = await page.goto(suite.server.url('/verwaltung/mitarbeitende'));
    expect(response?.status()).toBe(403);
    await expectNoAxeViolations(page);

    await suite.browser.context.clearCookies();
    const moderator = await createStaff(db, config.secret, org.id, 'moderator');
    await signInWithCookie(suite.server, suite.browser, moderator.id, 'staff');
    expect((await page.goto(suite.server.url('/verwaltung/rueckmeldungen')))?.status()).toBe(200);
    const denied = await page.goto(suite.server.url('/verwaltung/bezirke'));
    expect(denied?.status()).toBe(403);
    // The 403 page keeps the staff navigation of the site header, and is in the English version too.
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectNoAxeViolations(page);
  });
});
