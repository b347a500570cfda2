import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueCodes } from '../../src/modules/participation';
import { berlinDay, shiftYears } from '../../src/modules/participation/eligibility/age';
import { typedDay } from '../../src/modules/participation/eligibility/band-form';
import { insertBody } from '../../src/modules/participation/eligibility/bodies.queries';
import { verificationOf } from '../../src/modules/participation/eligibility/verification.queries';
import { expectErrorSummary, expectNoAxeViolations, signInWithCookie, useBrowserSuite } from '../helpers/browser';
import { createResident, createStaff } from '../helpers/factories';

// Issue 16, verification: a resident spends a letter code and sees the verified state; an admin generates codes
// for a vote's reference date (shown once, then listed), verifies an account at the counter (after a mistake) and
// keeps a body's members (after a mistake). axe on every page state, one page load each. Only with JavaScript:
// none of these pages loads a script, so their HTML is the same without it (the comments test covers no-script
// forms, whose pages do differ).

describe('verification in the browser', () => {
  const suite = useBrowserSuite();
  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
  const soon = typedDay(shiftYears(berlinDay(new Date()), 2));

  it('a resident enters a letter code and sees the verified state', async () => {
    const { db, org } = suite.server;
    const code = 'BRWS-2345-6789-ABCD';
    await issueCodes(db, org.id, { districtId: null, ageMin: 18, ageMax: null, validUntil: '2029-12-31' }, [code], null, new Date(), null);
    const user = await createResident(db, org.id);
    await signInWithCookie(suite.server, suite.browser, user.id, 'resident');
    const page = await suite.page();
    await page.goto(suite.server.url('/konto/verifizierung'));
    await page.getByRole('heading', { level: 1, name: 'Konto verifizieren' }).waitFor();
    await expect(page.getByText('Ihr Konto ist nicht verifiziert.').isVisible()).resolves.toBe(true);
    await axe(page);

    const field = page.getByLabel('Code aus dem Brief');
    await field.fill('BRWS-2345-6789-ABCF');
    await page.getByRole('button', { name: 'Code einlösen' }).click();
    await expectErrorSummary(page, ['code']);
    await expect(field.inputValue()).resolves.toBe('BRWS-2345-6789-ABCF');
    await axe(page);

    await field.fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Code einlösen' }).click();
    await page.waitForURL(/\/konto\/verifizierung\?ok=verified$/);
    await page.getByRole('status').getByText('Ihr Konto ist jetzt verifiziert.').waitFor();
    await expect(page.getByText('Verifiziert: Einwohner*in von Teststadt, Altersgruppe ab 18 Jahren, gültig bis 31.12.2029.').isVisible()).resolves.toBe(true);
    expect((await verificationOf(db, org.id, user.id))?.method).toBe('letter_code');
    await axe(page);
  });

  it('an admin generates codes for a reference date, verifies at the counter and keeps a body’s members', async () => {
    const { db, org, config } = suite.server;
    const admin = await createStaff(db, config.secret, org.id, 'admin');
    const resident = await createResident(db, org.id);
    await signInWithCookie(suite.server, suite.browser, admin.id, 'staff');
    const page = await suite.page();

    await page.goto(suite.server.url('/verwaltung/verifizierung/codes/neu'));
    await page.getByRole('heading', { level: 1, name: 'Neue Brief-Codes erzeugen' }).waitFor();
    await axe(page);
    await page.getByLabel('Anzahl der Codes').fill('3');
    await page.getByLabel('Alter von (Jahre)').fill('14');
    await page.getByLabel('Alter bis (Jahre)').fill('17');
    await page.getByLabel('Alter am Stichtag').fill('01.03.2027');
    await page.getByLabel('Gültig bis').fill(soon);
    await page.getByRole('button', { name: 'Codes erzeugen' }).click();
    await page.getByRole('heading', { level: 1, name: '3 Codes erzeugt' }).waitFor();
    await expect(page.getByRole('list', { name: 'Die neuen Codes' }).getByRole('listitem').count()).resolves.toBe(3);
    await expect(page.getByRole('link', { name: 'CSV-Datei für den Serienbrief herunterladen' }).isVisible()).resolves.toBe(true);
    await axe(page);

    await page.goto(suite.server.url('/verwaltung/verifizierung/codes'));
    await page.getByRole('cell', { name: '14 bis 17 Jahre am 01.03.2027' }).waitFor();
    await axe(page);

    // The counter: a mistake first (no account, a reference date that is no day), then the band on that day.
    await page.goto(suite.server.url('/verwaltung/verifizierung/schalter'));
    await page.getByRole('heading', { level: 1, name: 'Verifizierung am Schalter' }).waitFor();
    await expect(page.getByLabel(/Geburtsdatum/).count()).resolves.toBe(0);
    await page.getByLabel('E-Mail-Adresse des Kontos').fill('niemand@example.de');
    await page.getByLabel('Alter am Stichtag').fill('31.02.2027');
    await page.getByRole('button', { name: 'Verifizierung speichern' }).click();
    await expectErrorSummary(page, ['email', 'ageOn', 'validUntil']);
    await axe(page);
    await page.getByLabel('E-Mail-Adresse des Kontos').fill(resident.email);
    await page.getByLabel('Alter von (Jahre)').fill('14');
    await page.getByLabel('Alter bis (Jahre)').fill('17');
    await page.getByLabel('Alter am Stichtag').fill('01.03.2027');
    await page.getByLabel('Gültig bis').fill(soon);
    await page.getByRole('button', { name: 'Verifizierung speichern' }).click();
    await page.getByRole('status').getByText(`Das Konto ${resident.email} ist verifiziert.`).waitFor();
    expect(await verificationOf(db, org.id, resident.id)).toMatchObject({ method: 'counter', born_from: '2009-03-02', born_to: '2013-03-01' });

    // Bodies: the list, then a body's page with a member that is not there.
    const bodyId = (await insertBody(db, org.id, 'youth_parliament', 'Jugendparlament Teststadt'))!;
    await page.goto(suite.server.url('/verwaltung/gremien'));
    await page.getByRole('cell', { name: 'Jugendparlament Teststadt' }).waitFor();
    await axe(page);
    await page.goto(suite.server.url(`/verwaltung/gremien/${bodyId}`));
    await page.getByLabel('E-Mail-Adresse des Kontos').fill('niemand@example.de');
    await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
    await expectErrorSummary(page, ['email']);
    await axe(page);
  });
});
