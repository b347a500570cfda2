import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectErrorSummary, expectNoAxeViolations, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createResident, createStaff, createSyntheticBoundary } from '../helpers/factories';

// KümmertEuch ideas in Chromium, with and without JavaScript: a resident submits an idea (after a mistake, and
// choosing its place on the server-drawn map), another supports it, staff answer it officially; axe on every page.
// Synthetic data: a square test city and made-up residents.

describe('ideas', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true });
  let staffId: number;

  beforeAll(async () => {
    const { db, org, config } = suite.server;
    await createSyntheticBoundary(db, org.id);
    staffId = (await createStaff(db, config.secret, org.id, 'admin')).id;
  });

  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
  const variants: Array<[string, () => TestBrowser]> = [
    ['with JavaScript', () => suite.browser],
    ['without JavaScript', () => suite.noScriptBrowser],
  ];

  it.each(variants)('submit, support and an official answer (%s)', async (_name, which) => {
    const browser = which();
    const { db, org } = suite.server;
    const author = await createResident(db, org.id);
    await signInWithCookie(suite.server, browser, author.id, 'resident');
    const page = await browser.newPage();
    await page.goto(suite.server.url('/ideen/neu'));
    await axe(page);
    await page.getByLabel('Beschreibung').fill('Im Sommer fehlt im Park Trinkwasser für Kinder und Sportler.');
    await page.getByLabel('Thema').selectOption('gruen');
    await page.getByRole('button', { name: 'Idee einreichen' }).click();
    await expectErrorSummary(page, ['title']);
    expect(await page.getByLabel('Beschreibung').inputValue()).toContain('Trinkwasser');
    await axe(page);
    await page.getByLabel('Titel', { exact: true }).fill('Trinkbrunnen im Park');
    // The server map: a click zooms in (keyboard activation sends 0,0), text kept.
    await page.getByRole('button', { name: /Karte von Teststadt/ }).click({ position: { x: 320, y: 200 } });
    await page.getByRole('button', { name: /Karte von Teststadt/ }).waitFor();
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Trinkbrunnen im Park');
    await page.getByRole('button', { name: 'Idee einreichen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trinkbrunnen im Park' }).waitFor();
    await page.getByText('Danke! Ihre Idee ist eingereicht').waitFor();
    expect(await page.getByText('Das ist Ihre Idee.').count()).toBe(1);
    await axe(page);
    const ideaUrl = page.url().split('?')[0]!;

    await browser.context.clearCookies();
    const supporter = await createResident(db, org.id);
    await signInWithCookie(suite.server, browser, supporter.id, 'resident');
    await page.goto(ideaUrl);
    await page.getByRole('button', { name: 'Unterstützen' }).click();
    await page.getByText('Danke für Ihre Unterstützung.').waitFor();
    expect(await page.getByText(/1 von \d+ Unterstützungen/).count()).toBeGreaterThan(0);
    await axe(page);

    await browser.context.clearCookies();
    await signInWithCookie(suite.server, browser, staffId, 'staff');
    await page.goto(suite.server.url('/verwaltung/ideen?auswahl=all'));
    await axe(page);
    const id = ideaUrl.split('/').pop()!;
    await page.goto(suite.server.url(`/verwaltung/ideen/${id}`));
    await page.getByLabel(/^Antwort/).fill('Wir stellen im Frühjahr einen Trinkbrunnen auf.');
    await page.getByRole('button', { name: 'Antwort veröffentlichen' }).click();
    await page.getByText('Die Antwort ist veröffentlicht.').waitFor();
    await axe(page);
    await page.goto(suite.server.url('/verwaltung/ideen/einstellungen'));
    await axe(page);

    await browser.context.clearCookies();
    await page.goto(ideaUrl);
    await page.getByRole('heading', { name: 'Offizielle Antwort der Stadt' }).waitFor();
    await page.goto(suite.server.url('/ideen?darstellung=karte&sortierung=newest'));
    await page.getByRole('link', { name: 'Trinkbrunnen im Park' }).first().waitFor();
    await axe(page);
  });
});
