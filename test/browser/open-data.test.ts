import { describe, expect, it } from 'vitest';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, signInWithCookie, useBrowserSuite } from '../helpers/browser';
import { createCategory, createStaff, createSyntheticBoundary } from '../helpers/factories';

describe('open data pages in Chromium, checked by axe', () => {
  const suite = useBrowserSuite();

  it('/offene-daten lists every feed and the licence, reached from the footer', async () => {
    await createSyntheticBoundary(suite.server.db, suite.server.org.id);
    await createCategory(suite.server.db, suite.server.org.id, { code: 'schlagloch', name: 'Schlagloch' });
    const page = await suite.page();
    await page.goto(suite.server.url('/'));
    await page.getByRole('contentinfo').getByRole('link', { name: 'Offene Daten' }).click();
    await page.waitForURL(suite.server.url('/offene-daten'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Offene Daten');
    await expect(page.getByRole('link', { name: 'Datenlizenz Deutschland – Zero – Version 2.0' }).getAttribute('href')).resolves.toBe(
      'https://www.govdata.de/dl-de/zero-2-0',
    );
    await expect(page.getByRole('link', { name: 'Schlagloch' }).getAttribute('href')).resolves.toBe('/feeds/kategorien/schlagloch.atom');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
  });

  it('/api/docs documents the API without any third-party script', async () => {
    const page = await suite.page();
    const response = await page.goto(suite.server.url('/api/docs'));
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('API-Dokumentation');
    await expect(page.locator('#getOpen311V2RequestsJson').textContent()).resolves.toContain('GET /open311/v2/requests.json');
    await page.getByRole('link', { name: 'POST /open311/v2/requests.json' }).click();
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
  });

  it('the API-key page: create (shown once), error state, revoke', async () => {
    const admin = await createStaff(suite.server.db, suite.server.config.secret, suite.server.org.id, 'admin');
    await signInWithCookie(suite.server, suite.browser, admin.id, 'staff');
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung'));
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'API-Schlüssel' }).click();
    await page.waitForURL(suite.server.url('/verwaltung/api-schluessel'));
    await expectNoAxeViolations(page);

    await page.getByLabel('Anfragen pro Minute').fill('viele');
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    await expectErrorSummary(page, ['name', 'rate']);
    await expectNoAxeViolations(page);

    await page.getByLabel('Name', { exact: true }).fill('Fachverfahren Tiefbauamt');
    await page.getByLabel('Anfragen pro Minute').fill('120');
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    const key = await page.locator('#new-api-key').inputValue();
    expect(key).toMatch(/^k311_/);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Widerrufen Fachverfahren Tiefbauamt' }).click();
    await page.waitForURL(/\/verwaltung\/api-schluessel\?widerrufen=/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('ist widerrufen');
    await expectNoAxeViolations(page);
  });
});
