import { describe, expect, it } from 'vitest';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, useBrowserSuite } from '../helpers/browser';

describe('public pages in Chromium, checked by axe', () => {
  const suite = useBrowserSuite({ devMailbox: true });

  it('home page', async () => {
    const page = await suite.page();
    const response = await page.goto(suite.server.url('/'));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await expect(page.locator('h1').textContent()).resolves.toContain('Kümmerer');
    await expect(page.title()).resolves.toContain('Teststadt');
    await expectNoAxeViolations(page);
  });

  it('resident sign-in: empty form, error state, then "check your mail"', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/anmelden'));
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.waitForURL(suite.server.url('/anmelden'));
    await expectErrorSummary(page, ['email']);
    await expect(page.locator('#f-email').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page);

    await page.getByLabel('E-Mail-Adresse').fill('kein-at-zeichen');
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await expectErrorSummary(page, ['email']);
    await expect(page.locator('#f-email-error').textContent()).resolves.toContain('gültige E-Mail-Adresse');

    await page.getByLabel('E-Mail-Adresse').fill('oeffentlich@example.de');
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('oeffentlich@example.de');
    await expectNoAxeViolations(page);
  });

  it.each([
    ['/impressum', 'Impressum'],
    ['/datenschutz', 'Datenschutz'],
    ['/barrierefreiheit', 'Barrierefreiheit'],
  ])('legal page %s', async (path, heading) => {
    const page = await suite.page();
    const response = await page.goto(suite.server.url(path));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain(heading);
    await expectNoAxeViolations(page);
  });

  it('the accessibility statement has the parts of the BITV model statement, as headings a screen reader can jump to', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/barrierefreiheit'));
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining([
        'Stand der Vereinbarkeit mit den Anforderungen',
        'Nicht barrierefreie Inhalte',
        'Erstellung dieser Erklärung',
        'Schlichtungsverfahren und Durchsetzung',
      ]),
    );
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).toContain('teilweise mit den Anforderungen vereinbar');
    expect(text).toMatch(/erstellt am|wurde am \d{1,2}\. \w+ \d{4} erstellt/);
    expect(text).toContain('Ombudsstelle für barrierefreie Informationstechnik');
    await expect(page.getByRole('main').getByRole('list').first().getByRole('listitem').count()).resolves.toBeGreaterThan(2);
    await expectNoAxeViolations(page);
  });

  it('the footer links lead to the legal pages', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/'));
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: 'Impressum' }).click();
    await page.waitForURL(suite.server.url('/impressum'));
    await page.getByRole('contentinfo').getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
    await page.waitForURL(suite.server.url('/barrierefreiheit'));
  });

  it('accessibility feedback: error state, then thanks', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/barrierefreiheit'));
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await expectErrorSummary(page, ['message']);
    await expectNoAxeViolations(page);

    // An invalid reply address is a second error, shown next to its field while the message is kept.
    await page.getByLabel('Was hat nicht funktioniert?').fill('Der Kontrast der Schaltflächen ist zu schwach.');
    await page.getByLabel(/Ihre E-Mail-Adresse/).fill('nicht-gültig');
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await expectErrorSummary(page, ['email']);
    await expect(page.getByLabel('Was hat nicht funktioniert?').inputValue()).resolves.toContain('Kontrast');
    await expectNoAxeViolations(page);

    await page.getByLabel(/Ihre E-Mail-Adresse/).fill('');
    await page.getByLabel(/Auf welcher Seite/).fill('/anmelden');
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await page.waitForURL(/\/barrierefreiheit\?danke=1/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Danke');
    await expectNoAxeViolations(page);
  });

  it('404 page', async () => {
    const page = await suite.page();
    const response = await page.goto(suite.server.url('/gibt-es-nicht'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
    await expectNoAxeViolations(page);
  });

  it('developer mailbox, empty and with mail', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/dev/postfach'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Entwickler-Postfach');
    await expectNoAxeViolations(page);

    await page.goto(suite.server.url('/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('postfach@example.de');
    await page.getByRole('button', { name: 'Anmeldelink senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: /Entwickler-Postfach/ })
      .click();
    await page.waitForURL(suite.server.url('/dev/postfach'));
    await expect(page.locator('[data-mail-to="postfach@example.de"] pre').textContent()).resolves.toContain('/anmelden/link/');
    await expectNoAxeViolations(page);
  });

  it('pages reflow on a 320 px wide screen', async () => {
    const page = await suite.page();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', '/impressum', '/datenschutz', '/dev/postfach', '/gibt-es-nicht']) {
      await page.goto(suite.server.url(path));
      await expectNoHorizontalScroll(page);
    }
    await page.goto(suite.server.url('/barrierefreiheit'));
    await page.getByRole('button', { name: 'Nachricht senden' }).click();
    await expectErrorSummary(page, ['message']);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });

  it('English through the language switch', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en').catch(() => {});
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expectNoAxeViolations(page);

    // The choice sticks (cookie) on every page, including forms in their error state and the 404 page.
    await page.goto(suite.server.url('/anmelden'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('button', { name: 'Send sign-in link' }).click();
    await expectErrorSummary(page, ['email']);
    await expectNoAxeViolations(page);

    for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit', '/dev/postfach', '/nope']) {
      await page.goto(suite.server.url(path));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expectNoAxeViolations(page);
    }

    // And back to German from a page other than the home page: the switch returns to where one was.
    await page.goto(suite.server.url('/impressum'));
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.waitForURL(suite.server.url('/impressum'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
  });
});
