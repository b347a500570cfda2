import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSuite, expectErrorSummary, expectNoAxeViolations, type TestBrowser, useBrowserSuite } from '../helpers/browser';

/** Reads the newest sign-in link for `email` from the developer mailbox, as a person would copy it. */
async function linkFromMailbox(page: Page, suite: BrowserSuite, email: string): Promise<string> {
  await page
    .getByRole('contentinfo')
    .getByRole('link', { name: /Entwickler-Postfach/ })
    .click();
  await page.waitForURL(suite.server.url('/dev/postfach'));
  const text = (await page.locator(`[data-mail-to="${email}"] pre`).first().textContent()) ?? '';
  const link = text.match(/https?:\/\/\S+\/anmelden\/link\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`No sign-in link in the mail to ${email}:\n${text}`);
  expect(new URL(link).origin).toBe(suite.server.baseUrl);
  return link;
}

describe('resident journey: magic link, account, sign-out', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true, devMailbox: true });

  const variants: Array<[string, () => TestBrowser]> = [
    ['with JavaScript', () => suite.browser],
    ['without JavaScript', () => suite.noScriptBrowser],
  ];

  it.each(variants)('%s', async (variant, browser) => {
    const b = browser();
    expect(b.javaScriptEnabled).toBe(variant === 'with JavaScript');
    const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
    const email = `erika-${b.javaScriptEnabled ? 'js' : 'nojs'}@example.de`;
    const page = await b.newPage();

    // Start where a resident starts: the home page.
    await page.goto(suite.server.url('/'));
    await page.getByRole('main').getByRole('link', { name: 'Anmelden, um Beiträge zu verfolgen' }).click();
    await page.waitForURL(suite.server.url('/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();

    const link = await linkFromMailbox(page, suite, email);
    await axe(page);

    // Opening the link only asks; the button signs in (mail scanners open links too).
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Anmeldung bestätigen' }).waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain(email);
    await axe(page);
    await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
    await page.waitForURL(suite.server.url('/konto'));
    await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain(email);
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mein Konto' }).count()).resolves.toBe(1);
    await axe(page);

    // The link works once.
    const again = await b.newPage();
    const gone = await again.goto(link);
    expect(gone?.status()).toBe(410);
    await again.getByRole('heading', { level: 1, name: 'Dieser Link gilt nicht mehr' }).waitFor();
    await axe(again);
    await again.close();

    if (b.javaScriptEnabled) {
      // The error state: the input caps at 100 characters, so take the cap away as a tampered form would.
      await page.locator('#f-displayName').evaluate((el) => el.removeAttribute('maxlength'));
      await page.getByLabel(/Ihr Name/).fill('x'.repeat(101));
      await page.getByRole('button', { name: 'Speichern', exact: true }).click();
      await expectErrorSummary(page, ['displayName']);
      await axe(page);
    }

    await page.getByLabel(/Ihr Name/).fill('Erika Mustermann');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.waitForURL(suite.server.url('/konto?ok=saved'));
    await expect(page.getByRole('status').textContent()).resolves.toBe('Gespeichert.');
    await expect(page.getByLabel(/Ihr Name/).inputValue()).resolves.toBe('Erika Mustermann');
    await expect(page.getByRole('contentinfo').textContent()).resolves.toContain('Angemeldet als Erika Mustermann');
    await axe(page);

    // Sign out from the footer; the account page then asks to sign in again.
    await page.getByRole('contentinfo').getByRole('button', { name: 'Abmelden' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Sie sind abgemeldet.');
    await expect(page.getByRole('contentinfo').getByRole('button', { name: 'Abmelden' }).count()).resolves.toBe(0);
    await axe(page);
    await page.goto(suite.server.url('/konto'));
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    expect(new URL(page.url()).searchParams.get('return')).toBe('/konto');
  });

  it('the sign-in link brings the resident back to where they started', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/konto'));
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await page.getByLabel('E-Mail-Adresse').fill('rueckweg@example.de');
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();
    await page.goto(await linkFromMailbox(page, suite, 'rueckweg@example.de'));
    await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
    await page.waitForURL(suite.server.url('/konto'));
  });
});
