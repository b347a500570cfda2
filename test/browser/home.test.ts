import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport } from '../../src/modules/reports/backoffice/backoffice.test-support';
import { localStorage } from '../../src/platform/files/storage';
import { expectNoAxeViolations, expectNoHorizontalScroll, useBrowserSuite } from '../helpers/browser';
import { createCategory } from '../helpers/factories';

// The front door: what residents come to do, the newest reports of their district with photos, the Angsträume.

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kuemmerer-home-'));

describe('the home page as a front door', () => {
  const suite = useBrowserSuite({ alsoWithoutJavaScript: true, env: { DATA_DIR: dataDir } });
  let angstraumCategory: number;
  let north: number;
  let withPhoto: number;

  beforeAll(async () => {
    const { db, org } = suite.server;
    const storage = localStorage(path.join(dataDir, 'files'));
    const district = (name: string) =>
      db
        .insertInto('districts')
        .values({
          organization_id: org.id,
          kind: 'stadtbezirk',
          name,
          geometry: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }),
          min_lon: 7.4,
          min_lat: 51.4,
          max_lon: 7.6,
          max_lat: 51.6,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    north = (await district('Innenstadt-Nord')).id;
    const east = (await district('Innenstadt-Ost')).id;
    const defect = await createCategory(db, org.id, { name: 'Schlagloch' });
    angstraumCategory = (await createCategory(db, org.id, { name: 'Angstraum', kind: 'angstraum' })).id;
    withPhoto = await makeReport(db, storage, org.id, { categoryId: defect.id, departmentId: null, description: 'Tiefes Loch vor der Schule', photos: 1 });
    const plain = await makeReport(db, storage, org.id, {
      categoryId: defect.id,
      departmentId: null,
      description: 'Synthetisch: Loch im Radweg am Park neben der Bank',
    });
    await db.updateTable('reports').set({ district_id: north, supporters_count: 1 }).where('id', '=', withPhoto).execute();
    await db.updateTable('reports').set({ district_id: east, address: '' }).where('id', '=', plain).execute();
    await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', withPhoto).execute();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([false, true])('leads with what residents come to do and the newest reports (without JavaScript: %s)', async (noScript) => {
    const browser = noScript ? suite.noScriptBrowser : suite.browser;
    const page = await browser.newPage();
    await page.goto(suite.server.url('/'));
    // One city name in the title, not two.
    await expect(page.title()).resolves.toBe('Kümmerer – Ihre Stadt hört zu – Teststadt');
    const actions = page.locator('.k-home-actions');
    await expect(actions.getByRole('link', { name: /^Problem melden/ }).getAttribute('href')).resolves.toBe('/melden');
    await expect(actions.getByRole('link', { name: /^Müll melden \(Dreckpetze\)/ }).getAttribute('href')).resolves.toBe('/dreckpetze');
    await expect(actions.getByRole('link', { name: /^Angstraum melden/ }).getAttribute('href')).resolves.toBe(`/melden?kategorie=${angstraumCategory}`);

    const newest = page.getByRole('region', { name: 'Neueste Meldungen' });
    await expect(newest.getByRole('link', { name: 'Schlagloch: vor Nr. 12' }).getAttribute('href')).resolves.toBe(`/meldungen/${withPhoto}`);
    // No place given: the first words of the description stand in.
    await newest.getByRole('link', { name: 'Schlagloch: Synthetisch: Loch im Radweg am Park …' }).waitFor();
    await expect(newest.locator('img.k-report-card__photo').count()).resolves.toBe(1);
    await expect(newest.textContent()).resolves.toContain('1 Person unterstützt das');
    await page.getByRole('region', { name: 'Angsträume-Karte' }).getByRole('link', { name: 'Zur Angsträume-Karte' }).waitFor();
    await expectNoAxeViolations(page, noScript ? { renderIn: suite.browser } : {});

    // The district of the visitor: a plain form, no script needed.
    await page.getByLabel('Stadtbezirk').selectOption({ label: 'Innenstadt-Nord' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(suite.server.url(`/?bezirk=${north}`));
    const inNorth = page.getByRole('region', { name: 'Neueste Meldungen in Innenstadt-Nord' });
    await expect(inNorth.locator('.k-report-card').count()).resolves.toBe(1);
    await expect(inNorth.getByRole('link', { name: 'Alle Meldungen auf Karte und Liste' }).getAttribute('href')).resolves.toBe(`/meldungen?bezirk=${north}`);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, noScript ? { renderIn: suite.browser } : {});
  });
});
