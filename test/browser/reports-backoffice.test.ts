import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport, seedBackOffice } from '../../src/modules/reports/backoffice/backoffice.test-support';
import { localStorage } from '../../src/platform/files/storage';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';

// The back office for reports in Chromium, with and without JavaScript: axe finds nothing on any page or
// error state, and no request leaves our server (the suite checks that after each test).

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kuemmerer-backoffice-'));

describe('reports back office in the browser', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true, env: { DATA_DIR: dataDir } });
  let s: Awaited<ReturnType<typeof seedBackOffice>>;
  let districtId: number;

  beforeAll(async () => {
    const { db, config, org } = suite.server;
    s = await seedBackOffice(db, config.secret, org.id);
    await db
      .insertInto('response_templates')
      .values({ organization_id: org.id, title: 'Termin geplant', body: 'Wir beheben den Schaden in den nächsten zwei Wochen.' })
      .execute();
    const district = await db
      .insertInto('districts')
      .values({
        organization_id: org.id,
        kind: 'stadtbezirk',
        name: 'Innenstadt-Nord',
        geometry: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }),
        min_lon: 7.4,
        min_lat: 51.4,
        max_lon: 7.6,
        max_lat: 51.6,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    districtId = district.id;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const storage = () => localStorage(path.join(dataDir, 'files'));
  const report = (description: string, photos = 0) =>
    makeReport(suite.server.db, storage(), suite.server.org.id, { categoryId: s.category.id, departmentId: s.depA.id, description, photos });
  const axe = (page: Page, browser: TestBrowser) => expectNoAxeViolations(page, browser.javaScriptEnabled ? {} : { renderIn: suite.browser });

  /** The staff journey, the same clicks in both browsers: the pages need no JavaScript. */
  async function workAReport(browser: TestBrowser, label: string) {
    const { server } = suite;
    const id = await report(`Schlagloch ${label} vor der Schule`, 1);
    const other = await report(`Zweites Loch ${label}`);
    await signInWithCookie(server, browser, s.staffA.id, 'staff');
    const page = await browser.newPage();

    // The inbox, from the menu, then filtered by a word of the description.
    await page.goto(server.url('/verwaltung'));
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Meldungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldungen' }).waitFor();
    await axe(page, browser);
    // One line of filters; the rest folded away until asked for. Newest first, each row with its first line.
    await expect(page.getByLabel('Kategorie', { exact: true }).isVisible()).resolves.toBe(false);
    await page.getByText('Weitere Filter und Sortierung').click();
    await expect(page.getByLabel('Kategorie', { exact: true }).isVisible()).resolves.toBe(true);
    const rows = page.getByRole('row');
    await expect(rows.nth(1).textContent()).resolves.toContain(`Zweites Loch ${label}`);
    await expect(rows.nth(2).textContent()).resolves.toContain(`Schlagloch ${label} vor der Schule`);
    await page.getByRole('navigation', { name: 'Anzahl nach Status' }).getByRole('link', { name: /^Neu/ }).click();
    await expect(page.getByRole('link', { name: /^Neu/ }).getAttribute('aria-current')).resolves.toBe('page');
    await axe(page, browser);
    await page.getByLabel('Suche in der Beschreibung').fill(label);
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('2 Meldungen gefunden').waitFor();
    await axe(page, browser);

    // Bulk: one wrong submit (nothing chosen), then both accepted.
    await page.getByRole('button', { name: 'Status der ausgewählten Meldungen ändern' }).click();
    await expectErrorSummary(page, ['bulkStatus']);
    await axe(page, browser);
    await page.getByLabel(`Meldung #${other} auswählen`).check();
    await page.getByLabel('Neuer Status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Status der ausgewählten Meldungen ändern' }).click();
    await page.getByText('1 Meldung geändert, 0 unverändert.').waitFor();
    await axe(page, browser);

    // The report: change its status.
    await page.getByRole('link', { name: `#${id}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Meldung #${id}: Schlagloch` }).waitFor();
    await axe(page, browser);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Neuer Status').selectOption('in_progress');
    await page.getByLabel('Nachricht an die Öffentlichkeit').first().fill('Wir sind dran.');
    await page.getByRole('button', { name: 'Status ändern' }).click();
    await page.getByText('Status geändert.').waitFor();
    await axe(page, browser);

    // A public note from a template (a GET reload fills the field).
    await page.getByLabel('Antwortvorlage').selectOption({ label: 'Termin geplant' });
    await page.getByRole('button', { name: 'Vorlage einsetzen' }).click();
    await expect(page.getByLabel('Nachricht', { exact: true }).inputValue()).resolves.toBe('Wir beheben den Schaden in den nächsten zwei Wochen.');
    await axe(page, browser);
    await page.getByRole('button', { name: 'Öffentlich senden' }).click();
    await page.getByText('Nachricht veröffentlicht.').waitFor();

    // An error state: rejecting needs a reason.
    await page.getByRole('button', { name: 'Meldung ablehnen' }).click();
    await expectErrorSummary(page, ['rejectReason']);
    await axe(page, browser);

    // The photo: a wrong region first, then blur, then publish the redacted copy.
    await page.getByRole('link', { name: /Prüfen und schwärzen/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Foto \d+ zu Meldung/ }).waitFor();
    await axe(page, browser);
    await page.getByLabel('Abstand von links (%)').fill('70');
    await page.getByLabel('Breite (%)').fill('50');
    await page.getByRole('button', { name: 'Bereich schwärzen' }).click();
    await expectErrorSummary(page, ['y', 'h', 'w']);
    await axe(page, browser);
    await page.getByLabel('Abstand von links (%)').fill('10');
    await page.getByLabel('Abstand von oben (%)').fill('20');
    await page.getByLabel('Breite (%)').fill('30');
    await page.getByLabel('Höhe (%)').fill('25');
    await page.getByRole('button', { name: 'Bereich schwärzen' }).click();
    await page.getByText('Geschwärzte Kopie angelegt.').waitFor();
    await expect(page.getByText(/geschwärzte Kopie von Foto \d+/).count()).resolves.toBe(1);
    await axe(page, browser);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: /^Veröffentlichen/ }).click();
    await page.getByText('Foto veröffentlicht.').waitFor();
    await axe(page, browser);

    // Residents see the status, the note and only the redacted photo.
    const publicPage = await browser.newPage();
    await publicPage.goto(server.url(`/meldungen/${id}`));
    const text = (await publicPage.getByRole('main').textContent()) ?? '';
    expect(text).toContain('Wir sind dran.');
    expect(text).toContain('Wir beheben den Schaden');
    const photos = await server.db.selectFrom('report_photos').select(['id', 'status', 'redacted_from']).where('report_id', '=', id).orderBy('id').execute();
    expect(photos.map((p) => [p.status, p.redacted_from !== null])).toEqual([
      ['hidden', false],
      ['approved', true],
    ]);
    await expect(publicPage.locator(`img[src="/fotos/${photos[1]!.id}/thumb.jpg"]`).count()).resolves.toBe(1);
    await expect(publicPage.locator(`img[src="/fotos/${photos[0]!.id}/thumb.jpg"]`).count()).resolves.toBe(0);
    await browser.context.clearCookies();
  }

  it('a staff member works the inbox and a report, with JavaScript', async () => {
    await workAReport(suite.browser, 'mitJS');
  });

  it('a staff member works the inbox and a report, without JavaScript', async () => {
    await workAReport(suite.noScriptBrowser, 'ohneJS');
  });

  async function editCategory(browser: TestBrowser, code: string) {
    const { server } = suite;
    await signInWithCookie(server, browser, s.admin.id, 'staff');
    const page = await browser.newPage();
    await page.goto(server.url('/verwaltung'));
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Kategorien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kategorien' }).waitFor();
    await axe(page, browser);

    await page.getByRole('link', { name: 'Neue Kategorie' }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['code', 'name_de', 'name_en']);
    await axe(page, browser);
    await page.getByLabel('Name (Deutsch)').fill(`Ampel ${code}`);
    await page.getByLabel('Name (Englisch)').fill(`Traffic light ${code}`);
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Zuständige Abteilung').selectOption({ label: 'Tiefbauamt' });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Angelegt.').waitFor();
    await axe(page, browser);

    // An extra question with options.
    await page.getByRole('link', { name: 'Neue Zusatzfrage' }).click();
    await axe(page, browser);
    await page.getByLabel('Frage (Deutsch)').fill('Welche Farbe leuchtet nicht?');
    await page.getByLabel('Frage (Englisch)').fill('Which colour is out?');
    await page.getByLabel('Code').fill('farbe');
    await page.getByLabel('Art der Antwort').selectOption('singlevaluelist');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['options']);
    await axe(page, browser);
    await page.getByLabel('Auswahlmöglichkeiten').fill('rot | Rot | red\ngruen | Grün | green');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('cell', { name: 'farbe', exact: true }).waitFor();

    // A routing rule for one district.
    await page.getByLabel('Bezirk', { exact: true }).selectOption(String(districtId));
    await page.getByLabel('Abteilung', { exact: true }).selectOption({ label: 'Grünflächenamt' });
    await page.getByRole('button', { name: 'Festlegen' }).click();
    await page.getByRole('rowheader', { name: 'Innenstadt-Nord' }).waitFor();
    await axe(page, browser);
    const category = await server.db.selectFrom('report_categories').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const rule = await server.db.selectFrom('routing_rules').select('department_id').where('category_id', '=', category.id).executeTakeFirstOrThrow();
    expect(rule.department_id).toBe(s.depB.id);
    await browser.context.clearCookies();
  }

  it('an admin edits a category with a question and a routing rule, with JavaScript', async () => {
    await editCategory(suite.browser, 'ampel-js');
  });

  it('an admin edits a category with a question and a routing rule, without JavaScript', async () => {
    await editCategory(suite.noScriptBrowser, 'ampel-ohne-js');
  });

  it('templates and Open311 pages, their error states, and the 403 for department staff', async () => {
    const { server } = suite;
    await signInWithCookie(server, suite.browser, s.admin.id, 'staff');
    const page = await suite.page();
    await page.goto(server.url('/verwaltung/antwortvorlagen'));
    await axe(page, suite.browser);
    await page.getByRole('link', { name: 'Neue Vorlage' }).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['title', 'body']);
    await axe(page, suite.browser);

    await page.goto(server.url('/verwaltung/open311'));
    await axe(page, suite.browser);
    await page.getByRole('link', { name: /Bearbeiten Tiefbauamt/ }).click();
    await page.getByLabel('Adresse der Schnittstelle').fill('http://unsicher.example/');
    await page.getByLabel('Neue Meldungen über Open311 weiterleiten').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['endpoint']);
    await axe(page, suite.browser);

    await suite.browser.context.clearCookies();
    await signInWithCookie(server, suite.browser, s.staffB.id, 'staff');
    const id = await report('Nicht für Abteilung B');
    const denied = await page.goto(server.url(`/verwaltung/meldungen/${id}`));
    expect(denied?.status()).toBe(403);
    await axe(page, suite.browser);
  });
});
