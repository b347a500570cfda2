import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport } from '../../src/modules/reports/backoffice/backoffice.test-support';
import { localStorage } from '../../src/platform/files/storage';
import { expectNoAxeViolations, expectNoHorizontalScroll, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createCategory, createSyntheticBoundary } from '../helpers/factories';

// Issue 14 for residents: the list as cards people can read (phone and desktop), the map popup's short title, and
// "Ort oder Kategorie ändern" keeping what was typed in step two, with and without JavaScript.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kuemmerer-readable-'));

describe('reports people can read, and a form that keeps their input', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true, env: { DATA_DIR: dataDir } });
  let category: { id: number; name_de: string };
  let other: { id: number; name_de: string };
  let withPhoto = 0;
  let alone = 0;

  beforeAll(async () => {
    const { db, org } = suite.server;
    const storage = localStorage(path.join(dataDir, 'files'));
    await createSyntheticBoundary(db, org.id);
    category = await createCategory(db, org.id, { name: 'Schlagloch', questions: [{ code: 'tiefe', datatype: 'text' }] });
    other = await createCategory(db, org.id, { name: 'Wilder Müll' });
    for (let i = 0; i < 6; i++) await makeReport(db, storage, org.id, { categoryId: category.id, departmentId: null, createdDaysAgo: 10 + i });
    withPhoto = await makeReport(db, storage, org.id, { categoryId: category.id, departmentId: null, photos: 1, createdDaysAgo: 3 });
    await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', withPhoto).execute();
    await db
      .updateTable('reports')
      .set({ supporters_count: 2, address: 'Synthetische Allee 7 bei der langen Bank am Teich' })
      .where('id', '=', withPhoto)
      .execute();
    // One report far from the others: at the city's zoom it is a pin of its own, not part of a count.
    alone = await makeReport(db, storage, org.id, { categoryId: other.id, departmentId: null, description: 'Sperrmüll neben dem Container am Spielplatz' });
    await db.updateTable('reports').set({ address: '', lat: 51.46, lon: 7.42 }).where('id', '=', alone).execute();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const variants: Array<[string, () => TestBrowser]> = [
    ['with JavaScript', () => suite.browser],
    ['without JavaScript', () => suite.noScriptBrowser],
  ];
  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });

  /** What a card shows of a report: its visible text, and whether its thumbnail loaded. */
  async function card(page: Page, id: number) {
    const el = page.locator(`.k-report-card[data-report-id="${id}"]`);
    await el.scrollIntoViewIfNeeded();
    const text = ((await el.textContent()) ?? '').replace(/\s+/g, ' ');
    const img = el.locator('img');
    // Thumbnails load lazily: scrolled into view, the picture must arrive and be drawn.
    const loaded = () => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0);
    if ((await img.count()) > 0) await expect.poll(loaded).toBe(true);
    const photo = (await img.count()) > 0 && (await img.isVisible()) && (await loaded());
    return { el, text, photo };
  }

  it.each([
    ['a 390 px phone', 390, 844],
    ['a desktop', 1280, 900],
  ])('the list is cards on %s: title, thumbnail, status, age and supporters, nothing scrolls sideways', async (_name, width, height) => {
    const page = await suite.page();
    await page.setViewportSize({ width, height });
    await page.goto(suite.server.url('/meldungen'));
    await page.getByRole('heading', { level: 2, name: '8 Meldungen' }).waitFor();
    await expect(page.locator('main table').count()).resolves.toBe(0);
    await expect(page.locator('.k-report-card').count()).resolves.toBe(8);

    const shown = await card(page, withPhoto);
    await expect(shown.el.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Schlagloch: Synthetische Allee 7 bei der langen Bank am …');
    expect(shown.photo).toBe(true);
    for (const part of ['Neu', 'vor 3 Tagen', '2 Personen unterstützen das']) expect(shown.text).toContain(part);
    const described = await card(page, alone);
    expect(described.text).toContain('Wilder Müll: Sperrmüll neben dem Container am Spielplatz');
    expect(described.photo).toBe(false);

    const box = (await shown.el.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    const tops = await page.locator('.k-report-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
    // One column on the phone; several side by side on the desktop.
    if (width < 640) expect(new Set(tops).size).toBe(tops.length);
    else expect(new Set(tops).size).toBeLessThan(tops.length);
    await expectNoHorizontalScroll(page);
    await axe(page);

    // The title leads to the report.
    await shown.el.getByRole('link').click();
    await page.waitForURL(suite.server.url(`/meldungen/${withPhoto}`));
  });

  it('the map popup names the report by its short title, with status and a link (JavaScript)', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/meldungen'));
    await page.locator('[data-module="reports-map"] .leaflet-container').waitFor({ state: 'visible' });
    const pin = page.locator('[data-module="reports-map"] .k-pin');
    await pin.first().waitFor();
    await expect(pin.count()).resolves.toBe(1);
    await expect(pin.getAttribute('title')).resolves.toBe('Wilder Müll: Sperrmüll neben dem Container am Spielplatz – Neu');
    await pin.click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    await expect(popup.locator('.k-popup__title').textContent()).resolves.toBe('Wilder Müll: Sperrmüll neben dem Container am Spielplatz');
    await expect(popup.textContent()).resolves.toContain('Neu');
    await axe(page);
    await popup.getByRole('link', { name: 'Meldung ansehen' }).click();
    await page.waitForURL(suite.server.url(`/meldungen/${alone}`));
  });

  it.each(variants)('"Ort oder Kategorie ändern" keeps step two, and coming forward shows it again (%s)', async (_name, browser) => {
    const b = browser();
    const page = await b.newPage();
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel('Schlagloch').check();
    if (!(await page.locator('#f-lat').isVisible())) await page.getByText('Koordinaten (wenn Sie sie kennen)').click();
    await page.locator('#f-lat').fill('51.5');
    await page.locator('#f-lon').fill('7.5');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();

    await page.getByLabel('Was ist los?').fill('Tiefes Loch\nmit scharfer Kante');
    await page.getByLabel('Frage tiefe').fill('etwa 20 cm');
    await page.getByLabel('Fotos').setInputFiles({ name: 'loch.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    await page.getByLabel('Ihre E-Mail-Adresse').fill('erika@example.de');
    await page.getByLabel('Ihr Name').fill('Erika Mustermann');
    await page.getByLabel('Meinen Namen öffentlich bei der Meldung zeigen').check();
    await page.getByRole('button', { name: 'Ort oder Kategorie ändern' }).click();

    // Step one, filled in, saying that step two is kept.
    await page.getByRole('heading', { level: 2, name: 'Schritt 1 von 2: Was und wo?' }).waitFor();
    await expect(page.getByLabel('Schlagloch').isChecked()).resolves.toBe(true);
    await expect(page.locator('#f-lat').inputValue()).resolves.toBe('51.5');
    await expect(page.getByText('Ihre Beschreibung und Ihre übrigen Angaben aus Schritt 2 bleiben erhalten').isVisible()).resolves.toBe(true);
    await axe(page);

    // Another category; without JavaScript also a press on the server map's button (a post of the whole form).
    await page.getByLabel('Wilder Müll').check();
    if (!b.javaScriptEnabled) {
      await page.getByRole('button', { name: 'Vergrößern' }).click();
      await page.getByRole('heading', { level: 2, name: 'Schritt 1 von 2: Was und wo?' }).waitFor();
      await expect(page.getByLabel('Wilder Müll').isChecked()).resolves.toBe(true);
    }
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Wilder Müll');
    await expect(page.getByLabel('Was ist los?').inputValue()).resolves.toBe('Tiefes Loch\nmit scharfer Kante');
    await expect(page.getByLabel('Ihre E-Mail-Adresse').inputValue()).resolves.toBe('erika@example.de');
    await expect(page.getByLabel('Ihr Name').inputValue()).resolves.toBe('Erika Mustermann');
    await expect(page.getByLabel('Meinen Namen öffentlich bei der Meldung zeigen').isChecked()).resolves.toBe(true);
    await expect(page.getByText('bitte wählen Sie sie noch einmal aus').isVisible()).resolves.toBe(true);
    await axe(page);

    // Back once more and forward again: the other category's answer is kept too.
    await page.getByRole('button', { name: 'Ort oder Kategorie ändern' }).click();
    await page.getByLabel('Schlagloch').check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByLabel('Frage tiefe').inputValue()).resolves.toBe('etwa 20 cm');
    await expect(page.getByLabel('Was ist los?').inputValue()).resolves.toBe('Tiefes Loch\nmit scharfer Kante');

    await page.getByRole('button', { name: 'Meldung absenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danke für Ihre Meldung' }).waitFor();
    const sent = await suite.server.db
      .selectFrom('reports')
      .select(['description', 'category_id', 'reporter_name', 'show_name'])
      .where('reporter_email', '=', 'erika@example.de')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({
      description: 'Tiefes Loch\nmit scharfer Kante',
      category_id: category.id,
      reporter_name: 'Erika Mustermann',
      show_name: true,
    });
  });
});
