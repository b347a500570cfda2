import { describe, expect, it } from 'vitest';
import { createStaffAccount } from '../../src/modules/accounts/account.service';
import { totpAt } from '../../src/modules/accounts/totp';
import { expectErrorSummary, expectNoAxeViolations, useBrowserSuite } from '../helpers/browser';

describe('staff setup link in Chromium', () => {
  const suite = useBrowserSuite();

  async function setupLink(email: string): Promise<string> {
    const { db, config, org } = suite.server;
    const { setupUrl } = await createStaffAccount(
      { db, secret: config.secret, publicUrl: config.publicUrl },
      org,
      { email, displayName: 'Mia Moderatorin', role: 'moderator', departmentIds: [] },
      { sendMail: false, locale: 'de' },
    );
    // The link as mailed, pointed at this test server.
    const url = new URL(setupUrl);
    return suite.server.url(url.pathname + url.search);
  }

  it('sets a password and connects the authenticator app', async () => {
    const link = await setupLink('mia@teststadt.example');
    const page = await suite.page();
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Zugang einrichten' }).waitFor();
    await expect(page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);

    const secret = await page.locator('code[data-secret]').getAttribute('data-secret');
    if (!secret) throw new Error('The setup page shows no secret');
    // The visible key is the same secret in groups of four, for typing it into an app.
    await expect(page.locator('code[data-secret]').textContent()).resolves.toBe(secret.match(/.{1,4}/g)?.join(' '));

    // Empty form: both fields in error.
    await page.getByRole('button', { name: 'Zugang einrichten' }).click();
    await expectErrorSummary(page, ['password', 'code']);
    await expectNoAxeViolations(page);

    // A too-short password with a right code: only the password is wrong.
    await page.getByLabel('Neues Passwort').fill('kurz');
    await page.getByLabel('Code').fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Zugang einrichten' }).click();
    await expectErrorSummary(page, ['password']);
    await expect(page.locator('#f-code-error').count()).resolves.toBe(0);
    await expect(page.locator('#f-password-error').textContent()).resolves.toMatch(/\S/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Neues Passwort').fill('Sieben Brücken über die Emscher');
    await page.getByLabel('Code').fill(totpAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Zugang einrichten' }).click();
    await page.waitForURL(suite.server.url('/verwaltung'));
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    // A moderator sees the feedback, and none of the admin sections.
    const sections = await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link').allTextContents();
    expect(sections).toContain('Rückmeldungen zur Barrierefreiheit');
    for (const adminOnly of ['Abteilungen', 'Bezirke', 'Mitarbeitende', 'Rechtliche Seiten']) expect(sections).not.toContain(adminOnly);
    await expectNoAxeViolations(page);

    // The link works once.
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: 'Dieser Link gilt nicht mehr' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('a wrong code keeps the password field empty and says what is wrong', async () => {
    const link = await setupLink('noah@teststadt.example');
    const page = await suite.page();
    await page.goto(link);
    await page.getByLabel('Neues Passwort').fill('Sieben Brücken über die Emscher');
    await page.getByLabel('Code').fill('123456');
    await page.getByRole('button', { name: 'Zugang einrichten' }).click();
    await expectErrorSummary(page, ['code']);
    await expect(page.getByLabel('Neues Passwort').inputValue()).resolves.toBe('');
    await expectNoAxeViolations(page);
  });
});
