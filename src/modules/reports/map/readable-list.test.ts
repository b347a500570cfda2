import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createCategory, createSyntheticBoundary } from '../../../../test/helpers/factories';
import { localStorage } from '../../../platform/files/storage';
import { makeReport } from '../backoffice/backoffice.test-support';

// Issue 14, "lists people can read": /meldungen shows cards (short title, thumbnail of a published photo, status,
// age, supporters) and the map's pins carry the same short title for their popups.

let t: TestApp;
let category: { id: number };
const ids: Record<string, number> = {};
const LONG = `Synthetisch: Ampel an der Kreuzung blinkt nur noch gelb ${'und noch mehr Text '.repeat(30)}ENDE-DER-BESCHREIBUNG`;

beforeAll(async () => {
  t = await createTestApp();
  const { db, org } = t;
  const storage = localStorage(path.join(t.config.dataDir, 'files'));
  await createSyntheticBoundary(db, org.id);
  category = await createCategory(db, org.id, { name: 'Schlagloch' });
  const report = (o: Partial<Parameters<typeof makeReport>[3]>) => makeReport(db, storage, org.id, { categoryId: category.id, departmentId: null, ...o });
  ids.photo = await report({ photos: 1, createdDaysAgo: 3 });
  ids.pending = await report({ photos: 1 });
  ids.noPlace = await report({ description: LONG, createdDaysAgo: 400 });
  await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', ids.photo).execute();
  await db.updateTable('reports').set({ supporters_count: 2 }).where('id', '=', ids.photo).execute();
  // Away from the others, so that at a cluster zoom its cell holds it alone (a pin, not a count).
  await db.updateTable('reports').set({ address: '', lat: 51.46, lon: 7.42 }).where('id', '=', ids.noPlace).execute();
});
afterAll(() => t.close());

/** The card of one report: from its <li> to the next. */
function cardOf(html: string, id: number): string {
  const start = html.indexOf(`data-report-id="${id}"`);
  expect(start, `card of #${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('</li>', start);
  return html.slice(start, end);
}

describe('/meldungen as cards', () => {
  it('shows a short title, the published photo, status, age and supporters, and no table', async () => {
    const res = await new Client(t).get('/meldungen');
    expect(res.statusCode).toBe(200);
    const list = res.body.slice(res.body.indexOf('id="list-title"'));
    expect(list).not.toContain('<table');
    expect(list).toContain('<ul class="k-report-cards"');

    const withPhoto = cardOf(res.body, ids.photo!);
    expect(withPhoto).toContain(`<a href="/meldungen/${ids.photo}">Schlagloch: vor Nr. 12</a>`);
    const photoId = (await t.db.selectFrom('report_photos').select('id').where('report_id', '=', ids.photo!).executeTakeFirstOrThrow()).id;
    expect(withPhoto).toContain(`src="/fotos/${photoId}/thumb.jpg"`);
    expect(withPhoto).toContain('Neu');
    expect(withPhoto).toContain('vor 3 Tagen');
    expect(withPhoto).toContain('2 Personen unterstützen das');

    // A photo not yet approved gives no thumbnail.
    expect(cardOf(res.body, ids.pending!)).not.toContain('<img');

    // No place text: the first words of the description, never the whole of it.
    const noPlace = cardOf(res.body, ids.noPlace!);
    expect(noPlace).toContain('Schlagloch: Synthetisch: Ampel an der Kreuzung blinkt …');
    expect(noPlace).toContain('vor 13 Monaten');
    expect(res.body).not.toContain('ENDE-DER-BESCHREIBUNG');
  });

  it("speaks the visitor's language in titles and ages", async () => {
    const res = await new Client(t).get('/meldungen?lang=en');
    const card = cardOf(res.body, ids.photo!);
    expect(card).toContain('Schlagloch (en): vor Nr. 12');
    expect(card).toContain('3 days ago');
    expect(card).toContain('2 people support this');
  });
});

describe('the map pins', () => {
  it('carry the short title for the popup, and nothing of a description beyond its first words', async () => {
    const res = await new Client(t).get('/api/reports/map?bbox=7.4,51.45,7.6,51.55&zoom=18');
    expect(res.statusCode).toBe(200);
    const fc = res.json() as { features: Array<{ properties: { id: number; title: string; status: string } }> };
    const byId = new Map(fc.features.map((f) => [f.properties.id, f.properties]));
    expect(byId.get(ids.photo!)).toMatchObject({ title: 'Schlagloch: vor Nr. 12', status: 'Neu' });
    expect(byId.get(ids.noPlace!)?.title).toBe('Schlagloch: Synthetisch: Ampel an der Kreuzung blinkt …');
    expect(res.body).not.toContain('ENDE-DER-BESCHREIBUNG');
    expect(res.body).not.toContain('und noch mehr Text und noch mehr');
  });

  it('carry it at cluster zooms too, where a cell holds a single report', async () => {
    const res = await new Client(t).get('/api/reports/map?bbox=7.4,51.45,7.6,51.55&zoom=12');
    const fc = res.json() as { features: Array<{ properties: { cluster: boolean; title?: string; count?: number } }> };
    expect(fc.features.length).toBeGreaterThan(0);
    const pins = fc.features.filter((f) => !f.properties.cluster);
    expect(pins.map((f) => f.properties.title)).toEqual(['Schlagloch: Synthetisch: Ampel an der Kreuzung blinkt …']);
    expect(fc.features.find((f) => f.properties.cluster)).toMatchObject({ properties: { count: 2 } });
  });
});
