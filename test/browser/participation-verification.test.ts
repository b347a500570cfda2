import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueCodes } from '../../src/modules/participation';
import { verificationOf } from '../../src/modules/participation/eligibility/verification.queries';
import { expectErrorSummary, expectNoAxeViolations, signInWithCookie, useBrowserSuite } from '../helpers/browser';
import { createResident, createStaff } from '../helpers/factories';

// Issue 16, verification: a resident spends a letter code and sees the verified state; an admin generates codes
// (shown once) and a clerk verifies an account at the counter. With and without JavaScript, axe on every page.

describe('verification in the browser', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true });
  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
  const browserFor = (withScript: boolean) => (withScript ? suite.browser : suite.noScriptBrowser);
  // Without JavaScript the pages are the same HTML (none of them loads a script), so that run checks with axe the
  // last state of each page only, to keep the browser time short; the run with JavaScript checks every state.
  const axeIf = (check: boolean, page: Page) => (check ? axe(page) : Promise.resolve());

  it.each([true, false])('a resident enters a letter code and sees the verified state (JavaScript: %s)', async (withScript) => {
    const { db, org } = suite.server;
    const code = withScript ? 'BRWS-2345-6789-ABCD' : 'BRWS-2345-6789-ABCE';
    await issueCodes(db, org.id, { districtId: null, ageMin: 18, ageMax: null, validUntil: '2099-12-31' }, [code], null, new Date(), null);
    const user = await createResident(db, org.id);
    const browser = browserFor(withScript);
    await signInWithCookie(suite.server, browser, user.id, 'resident');
    const page = await browser.newPage();
    await page.goto(suite.server.url('/konto/verifizierung'));
    await page.getByRole('heading', { level: 1, name: 'Konto verifizieren' }).waitFor();
    await expect(page.getByText('Ihr Konto ist nicht verifiziert.').isVisible()).resolves.toBe(true);
    await axeIf(withScript, page);

    const field = page.getByLabel('Code aus dem Brief');
    await field.fill('BRWS-2345-6789-ABCF');
    await page.getByRole('button', { name: 'Code einlösen' }).click();
    await expectErrorSummary(page, ['code']);
    await expect(field.inputValue()).resolves.toBe('BRWS-2345-6789-ABCF');
    await axeIf(withScript, page);

    await field.fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Code einlösen' }).click();
    await page.waitForURL(/\/konto\/verifizierung\?ok=verified$/);
    await page.getByRole('status').getByText('Ihr Konto ist jetzt verifiziert.').waitFor();
    await expect(page.getByText('Verifiziert: Einwohner*in von Teststadt, Altersgruppe ab 18 Jahren, gültig bis 31.12.2099.').isVisible()).resolves.toBe(true);
    expect((await verificationOf(db, org.id, user.id))?.method).toBe('letter_code');
    await axe(page);
  });

  it.each([true, false])('an admin generates codes and verifies an account at the counter (JavaScript: %s)', async (withScript) => {
    const { db, org, config } = suite.server;
    const admin = await createStaff(db, config.secret, org.id, 'admin');
    const resident = await createResident(db, org.id);
    const browser = browserFor(withScript);
    await signInWithCookie(suite.server, browser, admin.id, 'staff');
    const page = await browser.newPage();

    await page.goto(suite.server.url('/verwaltung/verifizierung/codes/neu'));
    await page.getByRole('heading', { level: 1, name: 'Neue Brief-Codes erzeugen' }).waitFor();
    await axeIf(withScript, page);
    await page.getByLabel('Anzahl der Codes').fill('3');
    await page.getByLabel('Alter von (Jahre)').fill('14');
    await page.getByLabel('Alter bis (Jahre)').fill('17');
    await page.getByLabel('Gültig bis').fill('31.12.2099');
    await page.getByRole('button', { name: 'Codes erzeugen' }).click();
    await page.getByRole('heading', { level: 1, name: '3 Codes erzeugt' }).waitFor();
    await expect(page.getByRole('list', { name: 'Die neuen Codes' }).getByRole('listitem').count()).resolves.toBe(3);
    await expect(page.getByRole('link', { name: 'CSV-Datei für den Serienbrief herunterladen' }).isVisible()).resolves.toBe(true);
    await axe(page);

    await page.goto(suite.server.url('/verwaltung/verifizierung/schalter'));
    await page.getByRole('heading', { level: 1, name: 'Verifizierung am Schalter' }).waitFor();
    await axeIf(withScript, page);
    await page.getByLabel('E-Mail-Adresse des Kontos').fill(resident.email);
    await page.getByLabel('Gültig bis').fill('31.12.2099');
    await page.getByLabel('Geburtsdatum (nur wenn nötig)').fill('04.05.2010');
    await page.getByRole('button', { name: 'Verifizierung speichern' }).click();
    await page.getByRole('status').getByText(`Das Konto ${resident.email} ist verifiziert.`).waitFor();
    expect(await verificationOf(db, org.id, resident.id)).toMatchObject({ method: 'counter', born_from: '2010-05-04', born_to: '2010-05-04' });
    await axe(page);
  });
});
