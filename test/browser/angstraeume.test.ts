import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scheduleSafetyQuestionnaires, sendDueSafetyQuestionnaires } from '../../src/modules/angstraeume/questionnaire';
import { insertEvent, insertReport } from '../../src/modules/reports/report.queries';
import { latestMailLink } from '../helpers/app';
import { expectErrorSummary, expectNoAxeViolations, expectNoHorizontalScroll, signInWithCookie, type TestBrowser, useBrowserSuite } from '../helpers/browser';
import { createCategory, createResident, createStaff, createSyntheticBoundary } from '../helpers/factories';

// Angsträume-Karte and Dreckpetze in Chromium, with and without JavaScript; axe on every page and state.
// Synthetic data: a square test city, categories, places and residents made up for the test.

describe('Angsträume-Karte and Dreckpetze', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true });
  let categoryId: number;
  let adminId: number;
  let seq = 0;

  beforeAll(async () => {
    const { db, org, config } = suite.server;
    await createSyntheticBoundary(db, org.id);
    categoryId = (
      await createCategory(db, org.id, {
        code: 'angstraum',
        name: 'Angstraum',
        kind: 'angstraum',
        questions: [
          {
            code: 'wann',
            datatype: 'multivaluelist',
            required: true,
            options: [
              { key: 'abend', de: 'abends', en: 'in the evening' },
              { key: 'nacht', de: 'nachts', en: 'at night' },
            ],
          },
          {
            code: 'warum',
            datatype: 'multivaluelist',
            required: true,
            options: [
              { key: 'licht', de: 'schlechte Beleuchtung', en: 'poor lighting' },
              { key: 'gruen', de: 'zugewachsenes Grün', en: 'overgrown green' },
            ],
          },
        ],
      })
    ).id;
    await createCategory(db, org.id, { code: 'muell', name: 'Müll', kind: 'litter' });
    adminId = (await createStaff(db, config.secret, org.id, 'admin')).id;
  });

  const axe = (page: Page) => expectNoAxeViolations(page, { renderIn: suite.browser });
  const variants: Array<[string, () => TestBrowser]> = [
    ['with JavaScript', () => suite.browser],
    ['without JavaScript', () => suite.noScriptBrowser],
  ];

  async function place(options: { reviewed?: boolean; email?: string } = {}): Promise<number> {
    const { db, org } = suite.server;
    seq++;
    const r = await insertReport(db, {
      organizationId: org.id,
      categoryId,
      departmentId: null,
      districtId: null,
      status: 'confirmed',
      lat: 51.46 + seq * 0.004,
      lon: 7.45 + seq * 0.006,
      address: `Synthetische Unterführung ${seq}`,
      locationPrecise: true,
      description: `Synthetisch: dunkel und einsam ${seq}`,
      answers: { wann: ['nacht'], warum: ['licht'] },
      userId: null,
      reporterName: '',
      reporterEmail: options.email ?? null,
      showName: false,
      idempotencyKey: null,
    });
    await insertEvent(db, { organizationId: org.id, reportId: r!.id, kind: 'created', public: true, toStatus: 'new' });
    if (options.reviewed) await db.updateTable('reports').set({ reviewed_at: new Date(), reviewed_by: adminId }).where('id', '=', r!.id).execute();
    return r!.id;
  }

  it.each(variants)('reports an Angstraum without the map, keyboard only (%s); it waits for review', async (_name, browser) => {
    const b = browser();
    const user = await createResident(suite.server.db, suite.server.org.id);
    await signInWithCookie(suite.server, b, user.id, 'resident');
    const page = await b.newPage();
    await page.goto(suite.server.url('/melden'));
    await page.getByLabel('Angstraum', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Ortsbeschreibung').focus();
    await page.keyboard.type('Synthetischer Fußgängertunnel am Rathaus');
    await page.getByRole('button', { name: 'Weiter' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Beschreibung und Kontakt' }).waitFor();
    await page.getByLabel('Was ist los?').focus();
    await page.keyboard.type('Synthetisch: Herr X steht hier jeden Abend, es ist stockdunkel.');
    await page.getByLabel('nachts').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('schlechte Beleuchtung').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Meldung absenden' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Danke für Ihre Meldung' }).waitFor();
    await axe(page);
    await page.getByRole('link', { name: 'Meldung ansehen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/angstraeume\/\d+$/);
    const main = page.getByRole('main');
    await expect(main.textContent()).resolves.toContain('Die Stadt prüft diesen Ort noch');
    // Until review: category and district only, not the reporter's words for the place (title and heading too).
    await expect(page.content()).resolves.not.toContain('Synthetischer Fußgängertunnel am Rathaus');
    await expect(page.title()).resolves.toMatch(/^Angstraum #\d+: Ort /);
    await expect(main.textContent()).resolves.toContain('Angstraum');
    await expect(main.textContent()).resolves.not.toContain('Herr X');
    await axe(page);
    const id = Number(page.url().split('/').pop());
    await page.goto(suite.server.url('/angstraeume'));
    await expect(page.getByRole('main').textContent()).resolves.not.toContain(`#${id} `);
  });

  it('a staff member reviews the place, moderates the text and posts a measure', async () => {
    const id = await place({ email: 'melder@example.de' });
    await signInWithCookie(suite.server, suite.browser, adminId, 'staff');
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/angstraeume'));
    await page.getByRole('heading', { level: 1, name: 'Angsträume' }).waitFor();
    await axe(page);
    await page
      .getByRole('link', { name: new RegExp(`#${id} Synthetische Unterführung`) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: `Angstraum #${id}` }).waitFor();
    await axe(page);
    await page.getByLabel('Beschreibung (wird so veröffentlicht)').fill('');
    await page.getByRole('button', { name: 'Geprüft: veröffentlichen' }).click();
    await expectErrorSummary(page, ['description']);
    await axe(page);
    await expect(page.getByLabel('Ort (wird so veröffentlicht)').inputValue()).resolves.toMatch(/^Synthetische Unterführung/);
    await page.getByLabel('Ort (wird so veröffentlicht)').fill('Unterführung am Nordmarkt');
    await page.getByLabel('Beschreibung (wird so veröffentlicht)').fill('Synthetisch: Der Tunnel ist abends dunkel und einsam.');
    await page.getByRole('button', { name: 'Geprüft: veröffentlichen' }).click();
    await page.getByText('Der Ort ist geprüft und jetzt öffentlich.').waitFor();
    await page.getByRole('button', { name: 'Maßnahme veröffentlichen' }).click();
    await expectErrorSummary(page, ['type', 'body']);
    await axe(page);
    await page.getByLabel('Art der Maßnahme').selectOption('lighting');
    await page.getByLabel('Was wurde getan?').fill('Synthetisch: zwei neue Leuchten im Tunnel.');
    await page.getByRole('button', { name: 'Maßnahme veröffentlichen' }).click();
    await page.getByText('Die Maßnahme ist veröffentlicht.').waitFor();
    await axe(page);
    await page.getByRole('link', { name: 'Öffentliche Seite des Ortes' }).click();
    const main = page.getByRole('main');
    await page.getByRole('heading', { level: 2, name: 'Maßnahmen und Verlauf' }).waitFor();
    await expect(main.textContent()).resolves.toContain('M1 · Beleuchtung verbessert');
    await expect(main.textContent()).resolves.toContain('zwei neue Leuchten');
    await expect(main.textContent()).resolves.toContain('Der Tunnel ist abends dunkel');
    await page.getByRole('heading', { level: 1, name: `Angstraum #${id}: Unterführung am Nordmarkt` }).waitFor();
    await axe(page);
  });

  it.each(variants)('rating a place (%s): sign-in first, errors, then once per 30 days', async (_name, browser) => {
    const b = browser();
    const id = await place({ reviewed: true });
    const page = await b.newPage();
    await page.goto(suite.server.url(`/angstraeume/${id}`));
    await page.getByRole('link', { name: 'Anmelden und bewerten' }).waitFor();
    await axe(page);
    const user = await createResident(suite.server.db, suite.server.org.id);
    await signInWithCookie(suite.server, b, user.id, 'resident');
    await page.reload();
    await page.getByRole('group', { name: 'Abends und nachts' }).getByLabel('2 – eher unsicher').check();
    await page.getByRole('button', { name: 'Bewertung senden' }).click();
    await expectErrorSummary(page, ['day']);
    await expect(page.getByRole('group', { name: 'Abends und nachts' }).getByLabel('2 – eher unsicher').isChecked()).resolves.toBe(true);
    await axe(page);
    await page.getByRole('group', { name: 'Tagsüber' }).getByLabel('4 – eher sicher').check();
    await page.getByRole('button', { name: 'Bewertung senden' }).click();
    await page.getByText('Danke! Ihre Bewertung ist gespeichert.').waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain('Sie haben diesen Ort am');
    await axe(page);
    const rows = await suite.server.db.selectFrom('safety_ratings').select(['day', 'night']).where('report_id', '=', id).execute();
    expect(rows).toEqual([{ day: 4, night: 2 }]);
  });

  it('the overdue mark appears when the clock passes the interval', async () => {
    const id = await place({ reviewed: true });
    const page = await suite.page();
    const row = () => page.getByRole('row', { name: new RegExp(`#${id} `) });
    await page.goto(suite.server.url('/angstraeume'));
    await expect(row().textContent()).resolves.not.toContain('Überfällig');
    await suite.server.db.updateTable('reports').set({ reviewed_at: sql`now() - interval '31 days'` }).where('id', '=', id).execute();
    await page.reload();
    await expect(row().textContent()).resolves.toContain('Überfällig');
    await expect(row().textContent()).resolves.toContain('vor 31 Tagen');
    await axe(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page);
    await axe(page);
  });

  it.each(variants)('the questionnaire link after a measure (%s)', async (_name, browser) => {
    const { db, org, config } = suite.server;
    const email = `anwohnerin-${seq + 1}@example.de`;
    const id = await place({ reviewed: true, email });
    await db
      .insertInto('report_events')
      .values({
        organization_id: org.id,
        report_id: id,
        kind: 'measure',
        public: true,
        body: 'Synthetisch: Hecke geschnitten',
        data: JSON.stringify({ type: 'greenery' }),
        created_at: sql<Date>`now() - interval '57 days'`,
      })
      .execute();
    await scheduleSafetyQuestionnaires(db);
    await sendDueSafetyQuestionnaires({ db, publicUrl: config.publicUrl });
    const link = await latestMailLink(db, email, /http:\/\/localhost:\d+\/angstraeume\/umfrage\/[A-Za-z0-9_-]+/);
    const page = await browser().newPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Fühlen Sie sich hier jetzt sicherer?' }).waitFor();
    await axe(page);
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await expectErrorSummary(page, ['answer']);
    await axe(page);
    await page.getByLabel('Ja, sicherer').check();
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danke für Ihre Antwort' }).waitFor();
    await axe(page);
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await axe(page);
  });

  it('the map page, the place page with its chart, and the statistics have no violations', async () => {
    const { db, org } = suite.server;
    const id = await place({ reviewed: true });
    await db
      .insertInto('report_events')
      .values({
        organization_id: org.id,
        report_id: id,
        kind: 'measure',
        public: true,
        body: 'Synthetisch',
        data: JSON.stringify({ type: 'presence' }),
        created_at: sql<Date>`now() - interval '40 days'`,
      })
      .execute();
    const users = await Promise.all(Array.from({ length: 6 }, () => createResident(db, org.id)));
    await db
      .insertInto('safety_ratings')
      .values(
        users.map((u, i) => ({
          organization_id: org.id,
          report_id: id,
          user_id: u.id,
          day: i < 3 ? 2 : 4,
          night: i < 3 ? 1 : 3,
          created_at: sql<Date>`now() - make_interval(days => ${i < 3 ? 70 : 10})`,
        })),
      )
      .execute();
    for (const b of [suite.browser, suite.noScriptBrowser]) {
      const page = await b.newPage();
      await page.goto(suite.server.url('/angstraeume'));
      await page.getByRole('heading', { level: 1, name: 'Angsträume-Karte' }).waitFor();
      if (b.javaScriptEnabled) await page.locator('.k-map .leaflet-marker-icon').first().waitFor();
      // Every line of the legend has its own symbol ("no measure yet" and "too few ratings" were the same).
      const symbols = await page.locator('ul.k-legend[aria-labelledby="angst-legend-title"] li svg').evaluateAll((svgs) => svgs.map((svg) => svg.innerHTML));
      expect(symbols.length).toBe(5);
      expect(new Set(symbols).size).toBe(symbols.length);
      await axe(page);
      await page.goto(suite.server.url(`/angstraeume/${id}`));
      await page.getByRole('img', { name: /Sicherheitsgefühl im Zeitverlauf/ }).waitFor();
      await expect(page.getByRole('table', { name: 'Bewertungen vor und nach jeder Maßnahme' }).textContent()).resolves.toContain('3 / 3');
      await expect(page.getByRole('main').textContent()).resolves.toContain('Sicherer seit der letzten Maßnahme');
      await axe(page);
      await page.goto(suite.server.url('/statistik/angstraeume-und-muell'));
      await page.getByRole('heading', { level: 1, name: 'Angsträume und Müll in Zahlen' }).waitFor();
      await axe(page);
      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoHorizontalScroll(page);
      await axe(page);
    }
    await signInWithCookie(suite.server, suite.browser, adminId, 'staff');
    const page = await suite.page();
    await page.goto(suite.server.url('/verwaltung/angstraeume/einstellungen'));
    await page.getByLabel('Nachrichten-Intervall in Tagen').fill('0');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expectErrorSummary(page, ['interval']);
    await axe(page);
  });

  it('Dreckpetze with JavaScript: "use my location", a photo-less report, thanks', async () => {
    const user = await createResident(suite.server.db, suite.server.org.id);
    await signInWithCookie(suite.server, suite.browser, user.id, 'resident');
    await suite.browser.context.grantPermissions(['geolocation'], { origin: suite.server.baseUrl });
    await suite.browser.context.setGeolocation({ latitude: 51.5, longitude: 7.5 });
    const page = await suite.page();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(suite.server.url('/dreckpetze'));
    await axe(page);
    await page.getByRole('button', { name: 'Meinen Standort verwenden' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Foto und Hinweis' }).waitFor();
    await expect(page.getByRole('main').textContent()).resolves.toContain('51.50000, 7.50000');
    await axe(page);
    await page.getByLabel('Hinweis').fill('Synthetisch: drei Säcke am Container');
    await page.getByRole('button', { name: 'Müll melden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danke, Ihre Meldung ist da!' }).waitFor();
    await expectNoHorizontalScroll(page);
    await axe(page);
    await suite.browser.context.clearPermissions();
  });

  it('Dreckpetze without JavaScript: a described place; errors keep the input', async () => {
    const page = await suite.noScriptBrowser.newPage();
    await page.goto(suite.server.url('/dreckpetze'));
    await expect(page.getByRole('button', { name: 'Meinen Standort verwenden' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expectErrorSummary(page, ['location']);
    await axe(page);
    await page.getByLabel('Wo genau?').fill('Synthetischer Parkplatz am Rathaus');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Foto und Hinweis' }).waitFor();
    await page.getByLabel('Ihre E-Mail-Adresse').fill('kaputt');
    await page.getByRole('button', { name: 'Müll melden' }).click();
    await expectErrorSummary(page, ['email']);
    await expect(page.getByLabel('Ihre E-Mail-Adresse').inputValue()).resolves.toBe('kaputt');
    await axe(page);
    await page.getByLabel('Ihre E-Mail-Adresse').fill('melder@example.de');
    await page.getByRole('button', { name: 'Müll melden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danke, Ihre Meldung ist da!' }).waitFor();
    await axe(page);
  });
});
