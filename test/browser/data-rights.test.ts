import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seedResident } from '../../src/modules/accounts/data-rights.test-support';
import { latestMailLink } from '../helpers/app';
import { expectErrorSummary, expectNoAxeViolations, useBrowserSuite } from '../helpers/browser';

// The resident's side of the data rights, in Chromium: sign in, download the ZIP of their data, delete the account,
// and end up signed out. Every page on the way is checked with axe.

const dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-data-rights-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('resident data rights: download and deletion', () => {
  const suite = useBrowserSuite({ env: { DATA_DIR: dataDir } });

  async function signIn(page: Page, email: string) {
    await page.goto(suite.server.url('/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();
    const link = await latestMailLink(suite.server.db, email, /https?:\/\/\S+\/anmelden\/link\/[A-Za-z0-9_-]+/);
    await page.goto(link);
    await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
    await page.waitForURL(suite.server.url('/konto'));
  }

  it('signs in, downloads the ZIP, deletes the account and is signed out', async () => {
    const email = 'erika.daten@example.de';
    const world = await seedResident(suite.server, email);
    const page = await suite.page();
    await signIn(page, email);

    // The account page leads to both.
    await page.getByRole('heading', { level: 2, name: 'Ihre Daten' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('link', { name: 'Meine Daten herunterladen' }).click();
    await page.waitForURL(suite.server.url('/konto/daten'));
    await page.getByRole('heading', { level: 1, name: 'Meine Daten herunterladen' }).waitFor();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ZIP-Datei herunterladen' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^meine-daten-city-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip$/);
    const saved = path.join(dataDir, 'export.zip');
    await download.saveAs(saved);
    const files = unzipSync(new Uint8Array(readFileSync(saved)));
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text('README.txt')).toContain('Meine Daten – Teststadt');
    expect(JSON.parse(text('konto.json'))).toMatchObject({ email, display_name: 'Erika Beispielfrau' });
    const reports = JSON.parse(text('meldungen.json')) as Array<{ id: number; description: string }>;
    expect(reports.map((r) => r.id)).toEqual([world.ownReport, world.unconfirmedReport]);
    expect(files[`fotos/meldung-${world.ownReport}-1.jpg`]?.subarray(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    // The page stays where it was; the link it made is not on it (it lives only in the redirect).
    expect(page.url()).toBe(suite.server.url('/konto/daten'));

    await page.getByRole('link', { name: 'Zurück zu „Mein Konto“' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Konto löschen' }).click();
    await page.waitForURL(suite.server.url('/konto/loeschen'));
    await page.getByRole('heading', { level: 1, name: 'Konto löschen' }).waitFor();
    await expectNoAxeViolations(page);

    // A typo is caught, the field marked and the input kept.
    await page.getByLabel('Zur Bestätigung: Ihre E-Mail-Adresse').fill('erika.date@example.de');
    await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await expectErrorSummary(page, ['confirm']);
    await expect(page.getByLabel('Zur Bestätigung: Ihre E-Mail-Adresse').inputValue()).resolves.toBe('erika.date@example.de');
    await expectNoAxeViolations(page);

    await page.getByLabel('Zur Bestätigung: Ihre E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
    await page.waitForURL(suite.server.url('/konto/geloescht'));
    await page.getByRole('heading', { level: 1, name: 'Ihr Konto ist gelöscht' }).waitFor();
    await expectNoAxeViolations(page);

    // Signed out: no sign-out button, and the account page asks to sign in.
    await expect(page.getByRole('button', { name: 'Abmelden' }).count()).resolves.toBe(0);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('k_session');
    await page.goto(suite.server.url('/konto'));
    await page.waitForURL(/\/anmelden\?return=/);
    expect(await suite.server.db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
  });
});
