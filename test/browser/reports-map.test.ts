import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReport } from '../../src/modules/reports/report.queries';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, focused, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createCategory, createSyntheticBoundary } from '../helpers/factories';

// A fake Nominatim on 127.0.0.1: only our server talks to it; the browser must never see another host.
const geocoder: Server = createServer((req, res) => {
  const q = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('q') ?? '';
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(q.includes('Platz') ? [{ lat: '51.5123', lon: '7.4567', display_name: 'Synthetischer Platz 1, Teststadt' }] : []));
});
await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
const geocoderUrl = `http://127.0.0.1:${(geocoder.address() as AddressInfo).port}`;
afterAll(() => new Promise<void>((resolve) => geocoder.close(() => resolve())));

describe('Melden: the place on the map, and the public map and list', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true, env: { GEOCODER_URL: geocoderUrl } });
  let categoryName: string;
  let firstId = 0;

  beforeAll(async () => {
    const { db, org } = suite.server;
    await createSyntheticBoundary(db, org.id);
    const category = await createCategory(db, org.id, { name: 'Schlagloch' });
    const other = await createCategory(db, org.id, { name: 'Wilder Müll', kind: 'litter' });
    categoryName = category.name_de;
    const statuses = ['new', 'in_progress', 'fixed', 'closed', 'confirmed'] as const;
    for (let i = 0; i < 30; i++) {
      const row = await insertReport(db, {
        organizationId: org.id,
        categoryId: i % 3 === 0 ? other.id : category.id,
        departmentId: null,
        districtId: null,
        status: statuses[i % statuses.length]!,
        lat: 51.46 + (i % 6) * 0.015,
        lon: 7.42 + Math.floor(i / 6) * 0.035,
        address: `Synthetische Straße ${i + 1}`,
        locationPrecise: true,
        description: `Synthetische Testmeldung ${i + 1}`,
        answers: {},
        userId: null,
        reporterName: '',
        reporterEmail: 'geheim@example.de',
        showName: false,
        idempotencyKey: null,
      });
      firstId ||= row!.id;
    }
  });

  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
  const latLon = async (page: Page) => ({ lat: Number(await page.locator('#f-lat').inputValue()), lon: Number(await page.locator('#f-lon').inputValue()) });

  it('with JavaScript: click on the map, drag the pin, move it with the arrow keys, continue', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/'));
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Problem melden' }).click();
    await page.waitForURL(suite.server.url('/melden'));
    await page.getByLabel(categoryName).check();

    const map = page.locator('[data-module="location-picker"] .leaflet-container');
    await map.waitFor({ state: 'visible' });
    // The boundary is drawn (our own GeoJSON endpoint), and the server map is hidden in favour of the live one.
    await page.locator('.leaflet-overlay-pane path').first().waitFor();
    await expect(page.locator('[data-static-map]').isVisible()).resolves.toBe(false);

    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const pin = page.locator('.k-pin--chosen');
    await pin.waitFor();
    const clicked = await latLon(page);
    expect(clicked.lat).toBeGreaterThan(51.45);
    expect(clicked.lat).toBeLessThan(51.55);
    expect(clicked.lon).toBeGreaterThan(7.4);
    expect(clicked.lon).toBeLessThan(7.6);
    await expect(page.locator('#map-status').textContent()).resolves.toContain('Gewählter Ort');

    // Drag the pin 60 px to the right: the place moves east.
    const p = (await pin.boundingBox())!;
    await page.mouse.move(p.x + p.width / 2, p.y + p.height - 6);
    await page.mouse.down();
    await page.mouse.move(p.x + p.width / 2 + 30, p.y + p.height - 6, { steps: 5 });
    await page.mouse.move(p.x + p.width / 2 + 60, p.y + p.height - 6, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await latLon(page)).lon).toBeGreaterThan(clicked.lon);
    const dragged = await latLon(page);

    // Keyboard: the pin is focusable; arrow keys move it, and say so.
    await pin.focus();
    expect(await focused(page)).toBe('div.leaflet-marker-icon.k-pin.k-pin--chosen.leaflet-zoom-animated.leaflet-interactive.leaflet-marker-draggable');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const moved = await latLon(page);
    expect(moved.lat).toBeGreaterThan(dragged.lat);
    expect(moved.lon).toBeCloseTo(dragged.lon, 6);
    await page.keyboard.press('ArrowLeft');
    expect((await latLon(page)).lon).toBeLessThan(moved.lon);
    await expect(pin.getAttribute('aria-label')).resolves.toContain('Pfeiltasten');
    await axe(page);

    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
    const chosen = await latLon(page).catch(() => null);
    expect(chosen).toBeNull();
    await expect(page.locator('main').textContent()).resolves.toContain('Gewählter Ort: 51.');
    await axe(page);
  });

  it('by keyboard alone: Enter on the focused map drops the pin at its centre, the arrows then move the pin, not the map', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel(categoryName).check();
    const map = page.locator('[data-module="location-picker"] .leaflet-container');
    await map.waitFor({ state: 'visible' });
    await expect(map.getAttribute('aria-label')).resolves.toContain('Eingabetaste oder Leertaste');
    await map.focus();
    const paneBefore = await page.locator('.leaflet-map-pane').getAttribute('style');
    await page.keyboard.press('Enter');
    await page.locator('.k-pin--chosen').waitFor();
    const dropped = await latLon(page);
    expect(dropped.lat).toBeGreaterThan(51.3);
    expect(dropped.lat).toBeLessThan(51.7);
    await expect(page.locator('#map-status').textContent()).resolves.toContain('Gewählter Ort');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const moved = await latLon(page);
    expect(moved.lon).toBeGreaterThan(dropped.lon);
    expect(moved.lat).toBeCloseTo(dropped.lat, 6);
    await page.keyboard.press('ArrowDown');
    expect((await latLon(page)).lat).toBeLessThan(moved.lat);
    // The map itself stayed where it was: the keys moved the pin.
    await expect(page.locator('.leaflet-map-pane').getAttribute('style')).resolves.toBe(paneBefore);
    // Space again puts the pin back at the centre.
    await page.keyboard.press(' ');
    await expect.poll(async () => (await latLon(page)).lon).toBeCloseTo(dropped.lon, 6);
    await axe(page);
  });

  const variants: Array<[string, () => TestBrowser]> = [
    ['with JavaScript', () => suite.browser],
    ['without JavaScript', () => suite.noScriptBrowser],
  ];

  it.each(variants)('keyboard only, without the map: address search, then a described place (%s)', async (_name, browser) => {
    const page = await browser().newPage();
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel(categoryName).focus();
    await page.keyboard.press('Space');

    // Address search: type and press Enter in the search field.
    await page.getByLabel('Adresse suchen').focus();
    await page.keyboard.type('Synthetischer Platz');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/melden\/ortswahl\?/);
    const result = page.getByRole('button', { name: /Synthetischer Platz 1, Teststadt/ });
    await result.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/lat=51\.5123/);
    await expect(page.locator('#f-lat').inputValue()).resolves.toBe('51.5123');
    await expect(page.locator('#f-address').inputValue()).resolves.toBe('Synthetischer Platz 1, Teststadt');
    await expect(page.getByLabel(categoryName).isChecked()).resolves.toBe(true);
    await axe(page);
    await page.getByRole('button', { name: 'Weiter' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Gewählter Ort: 51.51230, 7.45670');

    // No result: the page says so; a described place (no point at all) is accepted.
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel(categoryName).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Adresse suchen').focus();
    await page.keyboard.type('Nirgendwo');
    await page.keyboard.press('Enter');
    await page.getByText('Keine Treffer für „Nirgendwo“').waitFor();
    await axe(page);
    await page.getByLabel('Ortsbeschreibung').focus();
    await page.keyboard.type('Hinter dem synthetischen Rathaus, am Fahrradständer');
    await page.getByRole('button', { name: 'Weiter' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Nur beschrieben');

    // Enter in a coordinate field continues (the search is the first button, but an empty search means "Weiter").
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel(categoryName).check();
    if (!(await page.locator('#f-lat').isVisible())) await page.getByText('Koordinaten (wenn Sie sie kennen)').click();
    await page.locator('#f-lat').fill('51.5');
    await page.locator('#f-lon').fill('7.5');
    await page.locator('#f-lon').press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
  });

  it('without JavaScript: the clickable server map zooms, picks a point, zooms out', async () => {
    const page = await suite.noScriptBrowser.newPage();
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel(categoryName).check();
    await page.getByLabel('Ortsbeschreibung').fill('Neben der Bank');
    const image = page.locator('input[type="image"][name="karte"]');
    await expect(image.isVisible()).resolves.toBe(true);
    await axe(page);

    // First click: zoom in around the place.
    await image.click({ position: { x: 320, y: 200 } });
    await page.waitForURL(/\/melden\/ortswahl\?.*ansicht=/);
    const zoom1 = Number(new URL(page.url()).searchParams.get('ansicht')!.split('/')[0]);
    await expect(page.locator('#f-lat').inputValue()).resolves.toBe('');
    // Keep clicking until the map is close enough; then a click picks the point.
    for (let i = 0; i < 4 && !(await page.locator('#f-lat').inputValue()); i++) {
      await image.click({ position: { x: 300, y: 180 } });
      await page.waitForLoadState();
    }
    const lat = Number(await page.locator('#f-lat').inputValue());
    const lon = Number(await page.locator('#f-lon').inputValue());
    expect(lat).toBeGreaterThan(51.45);
    expect(lat).toBeLessThan(51.55);
    expect(lon).toBeGreaterThan(7.4);
    expect(lon).toBeLessThan(7.6);
    await expect(page.locator('#map-status').textContent()).resolves.toContain('Gewählter Ort');
    // The form kept what was entered, and the picture shows the point.
    await expect(page.getByLabel(categoryName).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Ortsbeschreibung').inputValue()).resolves.toBe('Neben der Bank');
    await expect(image.getAttribute('src')).resolves.toContain('punkt=');
    await axe(page);

    // Zoom out keeps the chosen point.
    const before = Number(new URL(page.url()).searchParams.get('ansicht')!.split('/')[0]);
    expect(before).toBeGreaterThan(zoom1);
    await page.getByRole('button', { name: 'Verkleinern' }).click();
    await page.waitForURL((url) => Number(url.searchParams.get('ansicht')?.split('/')[0]) === before - 2);
    await expect(page.locator('#f-lat').inputValue()).resolves.toBe(String(lat));

    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain(`Gewählter Ort: ${lat.toFixed(5)}`);
  });

  it.each(variants)('the public list and map with filters (%s)', async (_name, browser) => {
    const b = browser();
    const page = await b.newPage();
    await page.goto(suite.server.url('/'));
    // The live map loads 256-px tiles of reports (z/x/y), which browsers may cache.
    const tile = b.javaScriptEnabled ? page.waitForResponse((r) => /\/api\/reports\/map\/\d+\/\d+\/\d+\?/.test(r.url())) : null;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meldungen' }).click();
    await page.waitForURL(suite.server.url('/meldungen'));
    await page.getByRole('heading', { level: 2, name: '30 Meldungen' }).waitFor();
    await expect(page.locator('.k-report-card').count()).resolves.toBe(25);
    await expect(page.locator('.k-report-cards').textContent()).resolves.not.toContain('geheim@example.de');
    if (b.javaScriptEnabled) {
      await page.locator('[data-module="reports-map"] .leaflet-container').waitFor({ state: 'visible' });
      expect((await tile)!.headers()['cache-control']).toMatch(/max-age=\d+/);
      await page.locator('.k-pin, .k-cluster').first().waitFor();
      await expect(page.locator('[data-module="reports-map"] img[data-static-map]').isVisible()).resolves.toBe(false);
    } else {
      await expect(page.locator('img[data-static-map]').isVisible()).resolves.toBe(true);
      const ok = await page.evaluate(() => (document.querySelector('img[data-static-map]') as HTMLImageElement | null)?.naturalWidth ?? 0).catch(() => null);
      // Without JavaScript evaluate() is not available in every Playwright version; the image request must have succeeded.
      expect(ok === null || ok > 0).toBe(true);
    }
    await axe(page);

    // Older reports through the keyset link, and back.
    await page.getByRole('navigation', { name: 'Weitere Meldungen' }).getByRole('link', { name: 'Ältere Meldungen' }).click();
    await page.waitForURL(/vor=\d+/);
    await expect(page.locator('.k-report-card').count()).resolves.toBe(5);
    await axe(page);
    await page.getByRole('navigation', { name: 'Weitere Meldungen' }).getByRole('link', { name: 'Neuere Meldungen' }).click();
    await page.waitForURL(/nach=\d+/);
    await expect(page.locator('.k-report-card').count()).resolves.toBe(25);

    // Filter: status "Erledigt" → 6 reports, each says so in words.
    await page.getByLabel('Status').selectOption('fixed');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/status=fixed/);
    await page.getByRole('heading', { level: 2, name: '6 Meldungen' }).waitFor();
    for (const meta of await page.locator('.k-report-card__meta').allTextContents()) expect(meta).toContain('Erledigt');
    if (b.javaScriptEnabled) {
      await expect.poll(() => page.locator('[data-module="reports-map"]').getAttribute('data-src')).toBe('/api/reports/map?status=fixed');
    }
    await axe(page);

    // A bad date: the field is marked, with the summary at the top.
    await page.getByLabel('Gemeldet ab').fill('31.02.2024');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await expectErrorSummary(page, ['von']);
    await axe(page);

    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(suite.server.url('/meldungen'));
    if (b.javaScriptEnabled) await expectNoHorizontalScroll(page);
  });

  it.each(variants)('a report page shows its place on a small map (%s)', async (_name, browser) => {
    const b = browser();
    const page = await b.newPage();
    await page.goto(suite.server.url(`/meldungen/${firstId}`));
    await page.getByRole('heading', { level: 2, name: 'Ort der Meldung' }).waitFor();
    if (b.javaScriptEnabled) {
      await page.locator('[data-module="report-map"] .leaflet-container').waitFor({ state: 'visible' });
      await page.locator('[data-module="report-map"] .k-pin--chosen').waitFor();
    } else {
      await expect(page.getByRole('img', { name: /Karte mit dem Ort der Meldung/ }).isVisible()).resolves.toBe(true);
    }
    await axe(page);
  });

  it('with JavaScript: "use my location" places the pin where the browser says we are', async () => {
    const { context } = suite.browser;
    await context.grantPermissions(['geolocation'], { origin: suite.server.baseUrl });
    await context.setGeolocation({ latitude: 51.4987, longitude: 7.5123 });
    try {
      const page = await suite.page();
      await page.goto(suite.server.url('/melden'));
      await page.locator('[data-module="location-picker"] .leaflet-container').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Meinen Standort verwenden' }).click();
      await page.locator('.k-pin--chosen').waitFor();
      await expect.poll(async () => (await latLon(page)).lat).toBeCloseTo(51.4987, 5);
      expect((await latLon(page)).lon).toBeCloseTo(7.5123, 5);
      await expect(page.locator('#map-status').textContent()).resolves.toContain('51.49870, 7.51230');
    } finally {
      await context.clearPermissions();
    }
  });
});
