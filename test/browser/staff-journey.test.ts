import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpAt } from '../../src/modules/accounts/totp';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, focused, signInWithCookie, useBrowserSuite } from '../helpers/browser';
import { createStaff } from '../helpers/factories';

type Staff = Awaited<ReturnType<typeof createStaff>>;

/** Tab from the top of the page to the skip link, follow it, then Tab once into the main content. */
async function skipToContent(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('a.k-skip-link');
  // The skip link is off-screen until focused; focused, it must be visible.
  const box = await page.locator('.k-skip-link').boundingBox();
  expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('#main');
}

/** Presses Tab until the focused element's text is `text` (at most `max` times). */
async function tabTo(page: Page, text: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`"${text}" was not reached with ${max} presses of Tab`);
}

describe('staff journey in the back office', () => {
  const suite = useBrowserSuite();
  let admin: Staff;
  let tmp: string;

  beforeAll(async () => {
    admin = await createStaff(suite.server.db, suite.server.config.secret, suite.server.org.id, 'admin', { email: 'admin@teststadt.example' });
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kuemmerer-geojson-'));
  });
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const signIn = () => signInWithCookie(suite.server, suite.browser, admin.id, 'staff');

  it('signs in with password and code, keyboard only', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/'));

    // Home page: skip link, then Tab through the content to the staff sign-in link.
    await skipToContent(page);
    await tabTo(page, 'Anmeldung für Mitarbeitende der Stadt');
    await page.keyboard.press('Enter');
    await page.waitForURL(suite.server.url('/verwaltung/anmelden'));
    await expectNoAxeViolations(page);

    // Password step: the first field after the skip link is the e-mail address, then the password.
    await skipToContent(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('#f-email');
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('#f-password');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Bestätigungscode' }).waitFor();
    await expectNoAxeViolations(page);

    // Code step.
    await skipToContent(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('#f-code');
    await page.keyboard.type(totpAt(admin.totpSecret, Date.now()));
    await page.keyboard.press('Enter');
    await page.waitForURL(suite.server.url('/verwaltung'));
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    const sections = await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link').allTextContents();
    expect(sections).toEqual(expect.arrayContaining(['Abteilungen', 'Bezirke', 'Mitarbeitende', 'Rechtliche Seiten']));
    await expectNoAxeViolations(page);
  });

  it('staff sign-in errors: empty form, wrong password, wrong code', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/anmelden'));
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expectErrorSummary(page, ['email', 'password']);
    await expectNoAxeViolations(page);

    // The summary's links move focus to the field they name.
    await page.locator('.k-error-summary a[href="#f-password"]').click();
    expect(await focused(page)).toBe('#f-password');

    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill('falsches Passwort, ganz lang');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await expectErrorSummary(page, ['email']);
    await expect(page.locator('#f-email-error').textContent()).resolves.toContain('stimmen nicht');
    await expectNoAxeViolations(page);

    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await expectErrorSummary(page, ['code']);
    await expectNoAxeViolations(page);
  });

  it('creates and edits a department', async () => {
    await signIn();
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung'));
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Abteilungen' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/abteilungen'));
    await expect(page.getByRole('main').textContent()).resolves.toContain('Noch keine Abteilungen');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Neue Abteilung' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/abteilungen/neu'));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['name', 'email']);
    await expectNoAxeViolations(page);

    await page.getByLabel('Name der Abteilung').fill('Grünflächenamt');
    await page.getByLabel('E-Mail-Adresse der Abteilung').fill('gruen@teststadt.example');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/abteilungen?ok=created'));
    await expect(page.getByRole('status').textContent()).resolves.toBe('Angelegt.');
    await expect(page.getByRole('table').getByRole('rowheader').allTextContents()).resolves.toEqual(['Grünflächenamt']);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Bearbeiten Grünflächenamt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abteilung bearbeiten' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name der Abteilung').fill('');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['name']);
    await expectNoAxeViolations(page);
    await page.getByLabel('Name der Abteilung').fill('Grünflächen- und Friedhofsamt');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/abteilungen?ok=saved'));
    await expect(page.getByRole('table').getByRole('rowheader').allTextContents()).resolves.toEqual(['Grünflächen- und Friedhofsamt']);
  });

  it('imports districts from a GeoJSON file', async () => {
    await signIn();
    const file = path.join(tmp, 'bezirke.geojson');
    const square = [
      [7.4, 51.5],
      [7.5, 51.5],
      [7.5, 51.6],
      [7.4, 51.6],
      [7.4, 51.5],
    ];
    await writeFile(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'Testbezirk Nord (synthetisch)', nummer: '01' }, geometry: { type: 'Polygon', coordinates: [square] } },
        ],
      }),
    );

    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/bezirke'));
    await expect(page.getByRole('main').textContent()).resolves.toContain('Noch keine Bezirke');
    await expectNoAxeViolations(page);

    // Without a file, and with a bad kind: both errors at once.
    await page.getByLabel('Art der Bezirke').fill('Stadt Bezirk');
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expectErrorSummary(page, ['file', 'kind']);
    await expectNoAxeViolations(page);

    await page.getByLabel('Art der Bezirke').fill('stadtbezirk');
    await page.getByLabel('GeoJSON-Datei').setInputFiles(file);
    await page.getByRole('button', { name: 'Importieren' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Testbezirk Nord (synthetisch)');
    const row = page.getByRole('row', { name: /Testbezirk Nord \(synthetisch\)/ });
    await expect(row.textContent()).resolves.toContain('stadtbezirk');
    await expect(row.textContent()).resolves.toContain('upload');
    await expectNoAxeViolations(page);
  });

  it('lists staff and creates a moderator', async () => {
    await signIn();
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/mitarbeitende'));
    await expect(page.getByRole('row', { name: /admin@teststadt\.example/ }).textContent()).resolves.toContain('Administration');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Neue Mitarbeiterin / neuer Mitarbeiter' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/mitarbeitende/neu'));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['email', 'role']);
    await expectNoAxeViolations(page);

    // A department role without a department: the checkbox group shows its error.
    await page.getByLabel('E-Mail-Adresse').fill('fach@teststadt.example');
    await page.getByLabel('Rolle').selectOption({ label: 'Fachabteilung' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['departmentIds']);
    await expectNoAxeViolations(page);

    await page.getByLabel('E-Mail-Adresse').fill('moderation@teststadt.example');
    await page.getByLabel(/Ihr Name/).fill('Max Moderator');
    await page.getByLabel('Rolle').selectOption({ label: 'Moderation' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/mitarbeitende?ok=created'));
    const row = page.getByRole('row', { name: /moderation@teststadt\.example/ });
    await expect(row.textContent()).resolves.toContain('Moderation');
    await expect(row.textContent()).resolves.toContain('Einrichtung ausstehend');
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: /Bearbeiten/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitarbeitende bearbeiten' }).waitFor();
    await expect(page.getByRole('button', { name: 'Einrichtungslink neu senden' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
  });

  it('edits a legal page', async () => {
    await signIn();
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/seiten'));
    await expectNoAxeViolations(page);
    await page
      .getByRole('main')
      .getByRole('link', { name: /Impressum \(de\)/ })
      .click();
    await page.waitForURL(suite.server.url('/verwaltung/seiten/impressum/de'));
    await expectNoAxeViolations(page);

    const title = await page.getByLabel('Überschrift').inputValue();
    await page.getByLabel('Überschrift').fill('');
    await page.getByLabel('Text', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['title', 'body']);
    await expectNoAxeViolations(page);

    await page.getByLabel('Überschrift').fill(title);
    await page.getByLabel('Text', { exact: true }).fill('Teststadt\n\nMarktplatz 1, 12345 Teststadt');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/seiten/impressum/de?ok=saved'));
    await expect(page.getByRole('status').textContent()).resolves.toBe('Gespeichert.');
    await expectNoAxeViolations(page);

    await page.goto(suite.server.url('/impressum'));
    await expect(page.getByRole('main').textContent()).resolves.toContain('Marktplatz 1, 12345 Teststadt');
  });

  it('reads accessibility feedback', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/barrierefreiheit'));
    await page.getByLabel('Was hat nicht funktioniert?').fill('Die Karte lässt sich nicht mit der Tastatur bedienen.');
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await page.waitForURL(/danke=1/);

    await signIn();
    await page.goto(suite.server.url('/verwaltung'));
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Rückmeldungen zur Barrierefreiheit' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/rueckmeldungen'));
    await expect(page.getByRole('main').textContent()).resolves.toContain('nicht mit der Tastatur bedienen');
    await expectNoAxeViolations(page);
  });

  it('back-office pages reflow on a 320 px wide screen (tables scroll in their own box)', async () => {
    // Runs last: by now the tables hold a department, a district, two staff members and feedback.
    await signIn();
    const page = await suite.page();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/verwaltung', '/verwaltung/abteilungen', '/verwaltung/bezirke', '/verwaltung/mitarbeitende', '/verwaltung/rueckmeldungen']) {
      await page.goto(suite.server.url(path));
      await expectNoHorizontalScroll(page);
    }
    // The narrow layout is a different layout: axe looks at the widest table there too.
    await page.goto(suite.server.url('/verwaltung/mitarbeitende'));
    await expectNoAxeViolations(page);
  });
});
