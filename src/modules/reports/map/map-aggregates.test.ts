import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database';
import { createCategory, createOrganization } from '../../../../test/helpers/factories';
import type { ReportStatus } from '../../../db-schema';
import type { DatabaseHandle, Db } from '../../../platform/db/connect';
import { cellOf } from '../../../platform/map/grid';
import { publicFilter } from '../report.queries';
import { publicCount } from './map.queries';

// The counts migration 0014 keeps on every write must always equal what publicFilter (the app's rule for "public")
// counts from the reports themselves: after inserts of one and many rows, status changes, hiding, moving, new
// categories and districts, Angstraum reviews, deletes and a category turning into an Angstraum category.

let handle: DatabaseHandle;
let db: Db;
const cities: Array<{ id: number; categories: number[]; districts: number[] }> = [];
const ZOOMS = [0, 6, 11, 14, 17];
const STATUSES: ReportStatus[] = ['unconfirmed', 'new', 'confirmed', 'in_progress', 'fixed', 'closed'];
const group = (s: string) => (s === 'fixed' || s === 'closed' ? s : 'open');

let seed = 20261203;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  for (let c = 0; c < 2; c++) {
    const org = await createOrganization(db);
    const categories = [
      (await createCategory(db, org.id)).id,
      (await createCategory(db, org.id)).id,
      (await createCategory(db, org.id, { kind: 'angstraum' })).id,
    ];
    const districts: number[] = [];
    for (const name of ['Nord', 'Süd']) {
      const d = await db
        .insertInto('districts')
        .values({ organization_id: org.id, kind: 'stadtbezirk', name, geometry: '{}', min_lon: 7.4, min_lat: 51.4, max_lon: 7.6, max_lat: 51.6 })
        .returning('id')
        .executeTakeFirstOrThrow();
      districts.push(d.id);
    }
    cities.push({ id: org.id, categories, districts });
  }
});

afterAll(async () => {
  await handle?.close();
});

function randomReport(city: (typeof cities)[number]) {
  // Points close together at times, so cells hold several reports at every zoom.
  const lat = 51.45 + Math.floor(rnd() * 40) * 0.0025 + rnd() * 0.0001;
  const lon = 7.4 + Math.floor(rnd() * 40) * 0.005 + rnd() * 0.0001;
  return {
    organization_id: city.id,
    category_id: pick(city.categories),
    district_id: rnd() < 0.2 ? null : pick(city.districts),
    status: pick(STATUSES),
    lat,
    lon,
    location: sql<string>`point(${lon}, ${lat})`,
    description: 'Testmeldung',
    hidden: rnd() < 0.1,
    reviewed_at: rnd() < 0.5 ? new Date() : null,
  };
}

/** What the counts should say, computed from the reports through publicFilter and the reference grid. */
async function expected(organizationId: number, zoom: number) {
  const rows = await db
    .selectFrom('reports as r')
    .select(['r.id', 'r.lat', 'r.lon', 'r.category_id', 'r.district_id', 'r.status'])
    .where(publicFilter(organizationId, {}))
    .execute();
  const cells = new Map<string, { n: number; lat_e6: number; lon_e6: number; id_sum: number }>();
  const groups = new Map<string, { n: number; lat_e6: number; lon_e6: number; id_sum: number }>();
  for (const r of rows) {
    const { x, y } = cellOf(r.lat, r.lon, zoom);
    for (const [map, key] of [
      [cells, `${x}/${y}`],
      [groups, `${x}/${y}/${r.category_id}/${group(r.status)}/${r.district_id ?? 0}`],
    ] as const) {
      const v = map.get(key) ?? { n: 0, lat_e6: 0, lon_e6: 0, id_sum: 0 };
      v.n++;
      v.lat_e6 += Math.round(r.lat * 1e6);
      v.lon_e6 += Math.round(r.lon * 1e6);
      v.id_sum += r.id;
      map.set(key, v);
    }
  }
  return { cells: Object.fromEntries(cells), groups: Object.fromEntries(groups) };
}

async function actual(organizationId: number, zoom: number) {
  const num = (v: unknown) => Number(v);
  const cells = await sql<{ x: number; y: number; n: number; lat_e6: string; lon_e6: string; id_sum: string }>`
    SELECT x, y, n, lat_e6, lon_e6, id_sum FROM report_map_cells WHERE organization_id = ${organizationId} AND zoom = ${zoom}`.execute(db);
  const groups = await sql<{
    x: number;
    y: number;
    category_id: number;
    status_group: string;
    district_id: number;
    n: number;
    lat_e6: string;
    lon_e6: string;
    id_sum: string;
  }>`
    SELECT * FROM report_map_groups WHERE organization_id = ${organizationId} AND zoom = ${zoom}`.execute(db);
  const value = (r: { n: number; lat_e6: string; lon_e6: string; id_sum: string }) => ({
    n: num(r.n),
    lat_e6: num(r.lat_e6),
    lon_e6: num(r.lon_e6),
    id_sum: num(r.id_sum),
  });
  return {
    cells: Object.fromEntries(cells.rows.map((r) => [`${r.x}/${r.y}`, value(r)])),
    groups: Object.fromEntries(groups.rows.map((r) => [`${r.x}/${r.y}/${r.category_id}/${r.status_group}/${r.district_id}`, value(r)])),
  };
}

async function expectCountsCurrent(step: string) {
  for (const city of cities) {
    for (const zoom of ZOOMS) expect(await actual(city.id, zoom), `${step}, city ${city.id}, zoom ${zoom}`).toEqual(await expected(city.id, zoom));
    // The list's totals (zoom-0 rows) for a few filters.
    for (const f of [{}, { status: 'open' as const }, { categoryId: city.categories[0] }, { districtId: city.districts[1], status: 'closed' as const }]) {
      const live = await db.selectFrom('reports as r').select(sql<number>`count(*)::int`.as('n')).where(publicFilter(city.id, f)).executeTakeFirstOrThrow();
      expect(await publicCount(db, city.id, f), `${step}: count ${JSON.stringify(f)}`).toBe(live.n);
    }
  }
}

async function ids(organizationId: number, n: number): Promise<number[]> {
  const rows = await db.selectFrom('reports').select('id').where('organization_id', '=', organizationId).execute();
  return Array.from({ length: Math.min(n, rows.length) }, () => pick(rows).id);
}

describe('maintained counts of public reports', () => {
  it('equal what publicFilter counts, after every kind of write', async () => {
    await expectCountsCurrent('empty');
    for (let step = 0; step < 40; step++) {
      const city = pick(cities);
      const op = step < 5 ? 'insert' : pick(['insert', 'insert', 'status', 'hide', 'move', 'category', 'district', 'review', 'delete', 'supporters']);
      if (op === 'insert') {
        // One statement with several rows, as the generator and a restore write.
        await db
          .insertInto('reports')
          .values(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => randomReport(city)))
          .execute();
      } else {
        const target = await ids(city.id, 1 + Math.floor(rnd() * 3));
        if (target.length === 0) continue;
        const update = db.updateTable('reports').where('organization_id', '=', city.id).where('id', 'in', target);
        if (op === 'status') await update.set({ status: pick(STATUSES) }).execute();
        if (op === 'hide') await update.set({ hidden: rnd() < 0.5 }).execute();
        if (op === 'move') {
          const r = randomReport(city);
          await update.set({ lat: r.lat, lon: r.lon, location: r.location }).execute();
        }
        if (op === 'category') await update.set({ category_id: pick(city.categories) }).execute();
        if (op === 'district') await update.set({ district_id: rnd() < 0.3 ? null : pick(city.districts) }).execute();
        if (op === 'review') await update.set({ reviewed_at: rnd() < 0.7 ? new Date() : null }).execute();
        if (op === 'delete') await db.deleteFrom('reports').where('organization_id', '=', city.id).where('id', 'in', target).execute();
        if (op === 'supporters') await update.set({ supporters_count: sql`supporters_count + 1` }).execute();
      }
      await expectCountsCurrent(`step ${step} (${op})`);
    }
  }, 180_000);

  it('follow a category that turns into an Angstraum category and back', async () => {
    const city = cities[0]!;
    const ordinary = city.categories[0]!;
    await db.updateTable('report_categories').set({ kind: 'angstraum' }).where('id', '=', ordinary).execute();
    await expectCountsCurrent('category became an Angstraum category');
    await db.updateTable('report_categories').set({ kind: 'defect' }).where('id', '=', ordinary).execute();
    await expectCountsCurrent('and back');
  });

  it('are emptied with the reports (TRUNCATE)', async () => {
    await sql`TRUNCATE reports CASCADE`.execute(db);
    const left = await sql<{ n: number }>`SELECT (SELECT count(*) FROM report_map_cells) + (SELECT count(*) FROM report_map_groups) AS n`.execute(db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
