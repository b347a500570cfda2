import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORT_STATUSES } from '../../src/modules/reports/backoffice/backoffice.service';
import { dueFollowers } from '../../src/modules/reports/notifications/status-mail';
import { distanceMeters } from '../../src/modules/reports/report';
import { countPublicReports } from '../../src/modules/reports/report.queries';
import type { DatabaseHandle } from '../../src/platform/db/connect';
import { areaContains } from '../../src/platform/geo/geojson';
import { seedDemo } from '../../src/seed/demo';
import { createTestDatabase } from '../../test/helpers/database';
import { addBenchStaff, loadCity } from './city';
import { type FillResult, fillCity } from './fill';
import { parseOptions, UsageError } from './generate';
import { createAreaLookup } from './grid';
import { createProgress } from './progress';
import { newBatch, ReportFactory, residentTimes } from './synthesize';
import { arrayLiteral } from './writer';

// The city comes from the real demo seed, without the demo's own 300 reports, Angsträume and litter year: they
// take most of a minute to seed here and say nothing about the generator.
vi.mock('../../src/seed/demo-reports', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/seed/demo-reports')>()),
  seedDemoReports: async () => ({ reports: 0, events: 0, photos: 0 }),
}));
vi.mock('../../src/seed/angstraeume', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/seed/angstraeume')>()),
  seedAngstraeume: async () => ({ places: 0, ratings: 0, litter: 0 }),
}));

const NOW = Date.parse('2026-11-25T12:00:00Z');
const N = 2000;
let handle: DatabaseHandle;
let files: string;
let org: number;
let result: FillResult;

beforeAll(async () => {
  handle = await createTestDatabase();
  files = mkdtempSync(path.join(tmpdir(), 'kuemmerer-bench-'));
  await seedDemo(handle.db, new URL('http://localhost'), 'a'.repeat(40), { now: NOW });
  org = (await handle.db.selectFrom('organizations').select('id').where('slug', '=', 'dortmund').executeTakeFirstOrThrow()).id;
  result = await fillCity(handle.db, { organizationId: org, reports: N, seed: 42, now: NOW, filesDir: files, batchSize: 700 });
}, 120_000);

afterAll(async () => {
  await handle?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

const reports = () =>
  handle.db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.duplicate_of',
      'r.lat',
      'r.lon',
      'r.location_precise',
      'r.district_id',
      'r.supporters_count',
      'r.fixed_at',
      'r.updated_at',
      'r.created_at',
      'c.code',
      'c.kind',
      'r.reviewed_at',
      'r.hidden',
    ])
    .where('r.id', '>=', result.firstReportId)
    .orderBy('r.id')
    .execute();

describe('benchmark data generator', () => {
  it('adds N reports in every category and every status, and residents who own them', async () => {
    const rows = await reports();
    expect(rows).toHaveLength(N);
    expect(result.reports).toBe(N);
    const categories = await handle.db.selectFrom('report_categories').select('code').where('organization_id', '=', org).execute();
    for (const c of categories)
      expect(
        rows.some((r) => r.code === c.code),
        c.code,
      ).toBe(true);
    for (const s of REPORT_STATUSES)
      expect(
        rows.some((r) => r.status === s),
        s,
      ).toBe(true);
    for (const reason of ['done', 'rejected', 'duplicate', 'not_responsible'])
      expect(
        rows.some((r) => r.close_reason === reason),
        reason,
      ).toBe(true);
    // Old reports are mostly finished, recent ones mostly open.
    const finished = (list: typeof rows) => list.filter((r) => r.status === 'fixed' || r.status === 'closed').length / list.length;
    const age = (r: (typeof rows)[number]) => (NOW - new Date(r.created_at).getTime()) / 86_400_000;
    expect(finished(rows.filter((r) => age(r) > 365))).toBeGreaterThan(0.75);
    expect(finished(rows.filter((r) => age(r) < 14))).toBeLessThan(0.4);
    const residents = await handle.db
      .selectFrom('users')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('email', 'like', 'einwohner-%@bench.example')
      .executeTakeFirstOrThrow();
    expect(residents.n).toBe(N / 10);
    const owners = await handle.db
      .selectFrom('reports')
      .select(sql<number>`count(DISTINCT user_id)::int`.as('n'))
      .where('id', '>=', result.firstReportId)
      .executeTakeFirstOrThrow();
    expect(owners.n).toBeGreaterThan(50);
  });

  it('puts every point inside the city boundary and files it under the district that contains it', async () => {
    const city = await loadCity(handle.db, org);
    const rows = await reports();
    expect(rows.filter((r) => !areaContains(city.boundary, r.lon, r.lat)).map((r) => r.id)).toEqual([]);
    const misfiled = rows.filter((r) => {
      const district = city.districts.find((d) => d.id === r.district_id);
      return r.location_precise && !(district && areaContains(district.area, r.lon, r.lat));
    });
    expect(misfiled.map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => !r.location_precise).every((r) => r.district_id === null)).toBe(true);
    // Dense where people live: the three inner-city Stadtbezirke hold far more than their share of the area.
    const inner = city.districts.filter((d) => /^Innenstadt/.test(d.name)).map((d) => d.id);
    expect(rows.filter((r) => inner.includes(r.district_id ?? -1)).length / rows.length).toBeGreaterThan(0.2);
  });

  it('writes timelines that match each report: created first, times ascending, status chain ending in its status', async () => {
    const rows = await reports();
    const events = await handle.db
      .selectFrom('report_events')
      .select(['id', 'report_id', 'kind', 'from_status', 'to_status', 'created_at', 'actor_user_id', 'public'])
      .where('report_id', '>=', result.firstReportId)
      .orderBy('report_id')
      .orderBy('id')
      .execute();
    const byReport = new Map<number, typeof events>();
    for (const e of events) byReport.set(e.report_id, [...(byReport.get(e.report_id) ?? []), e]);
    // Problems are collected rather than asserted one by one: some ten thousand expect() calls cost seconds.
    const problems: string[] = [];
    for (const r of rows) {
      const list = byReport.get(r.id) ?? [];
      if (list[0]?.kind !== 'created') problems.push(`${r.id}: first event ${list[0]?.kind}`);
      let status = list[0]?.to_status;
      let at = 0;
      for (const e of list) {
        const t = new Date(e.created_at).getTime();
        if (t < at || t > NOW) problems.push(`${r.id}: event ${e.id} at ${new Date(t).toISOString()}`);
        at = t;
        if (e.kind !== 'created' && e.to_status) {
          if (e.from_status !== status) problems.push(`${r.id}: event ${e.id} from ${e.from_status}, status was ${status}`);
          status = e.to_status;
        }
      }
      if (status !== r.status) problems.push(`${r.id}: timeline ends in ${status}, report is ${r.status}`);
      if (new Date(r.updated_at).getTime() !== at) problems.push(`${r.id}: updated_at is not the last event`);
      if (r.status === 'fixed' && r.fixed_at === null) problems.push(`${r.id}: fixed without fixed_at`);
    }
    expect(problems).toEqual([]);
    // Staff act in the back office; residents and the system create and confirm.
    const staffKinds = events.filter((e) => ['status', 'rejected', 'not_responsible', 'duplicate', 'measure'].includes(e.kind));
    expect(staffKinds.every((e) => e.actor_user_id !== null)).toBe(true);
    expect(events.filter((e) => e.kind === 'created').every((e) => e.actor_user_id === null && e.public)).toBe(true);
  });

  it('keeps counters, followers and duplicates consistent with their rows', async () => {
    const counts = await sql<{ id: number; supporters_count: number; rows: number }>`
      SELECT r.id, r.supporters_count, (SELECT count(*)::int FROM report_supporters s WHERE s.report_id = r.id) AS rows
      FROM reports r WHERE r.id >= ${result.firstReportId}`.execute(handle.db);
    expect(counts.rows.filter((c) => c.rows !== c.supporters_count).map((c) => c.id)).toEqual([]);
    expect(counts.rows.filter((c) => c.supporters_count > 0).length / N).toBeGreaterThan(0.08);
    const stale = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM report_followers f
      WHERE f.report_id >= ${result.firstReportId} AND f.last_notified_event_id <> (SELECT max(id) FROM report_events e WHERE e.report_id = f.report_id)`.execute(
      handle.db,
    );
    expect(stale.rows[0]!.n).toBe(0);
    // So the status-mail job finds nothing to send about the past.
    expect(await dueFollowers(handle.db, 10)).toEqual([]);
    const rows = await reports();
    for (const d of rows.filter((r) => r.close_reason === 'duplicate')) {
      const original = rows.find((r) => r.id === d.duplicate_of);
      expect(original && original.code === d.code && original.id < d.id && original.status !== 'unconfirmed', `report ${d.id}`).toBe(true);
      expect(distanceMeters(d, original!), `report ${d.id}`).toBeLessThan(100);
    }
  });

  it('lets public listings see most reports, never unconfirmed, hidden or unreviewed Angsträume', async () => {
    const rows = await reports();
    const visible = rows.filter((r) => r.status !== 'unconfirmed' && !r.hidden && (r.kind !== 'angstraum' || r.reviewed_at !== null));
    const publicCount = await countPublicReports(handle.db, org, {});
    expect(publicCount).toBe(visible.length);
    expect(publicCount / N).toBeGreaterThan(0.85);
    expect(publicCount / N).toBeLessThan(0.99);
    const angst = rows.filter((r) => r.kind === 'angstraum' && r.status !== 'unconfirmed');
    expect(angst.some((r) => r.reviewed_at !== null)).toBe(true);
  });

  it('leaves the maintained map and list counts (migration 0014) equal to a recount of its reports', async () => {
    const db = handle.db;
    const zero = await sql<{ n: number }>`SELECT coalesce(sum(n), 0)::int AS n FROM report_map_cells WHERE organization_id = ${org} AND zoom = 0`.execute(db);
    expect(zero.rows[0]!.n).toBe(await countPublicReports(db, org, {}));
    const table = sql`SELECT organization_id, zoom, x, y, category_id, status_group, district_id, n, lat_e6, lon_e6, id_sum FROM report_map_groups WHERE organization_id = ${org}`;
    const kept = (await sql`${table} ORDER BY 2, 3, 4, 5, 6, 7`.execute(db)).rows;
    await sql`SELECT report_aggregates_rebuild(${org})`.execute(db);
    expect((await sql`${table} ORDER BY 2, 3, 4, 5, 6, 7`.execute(db)).rows).toEqual(kept);
  });

  it('moves the id sequences past the generated rows and gives every photo row its files', async () => {
    for (const table of ['reports', 'report_events', 'users', 'report_photos']) {
      const r = await sql<{
        ok: boolean;
      }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id')) > (SELECT coalesce(max(id), 0) FROM ${sql.table(table)}) AS ok`.execute(handle.db);
      expect(r.rows[0]!.ok, table).toBe(true);
    }
    const photos = await handle.db.selectFrom('report_photos').select(['storage_key', 'status']).where('report_id', '>=', result.firstReportId).execute();
    expect(photos.length).toBe(result.photos);
    for (const p of photos) {
      expect(existsSync(path.join(files, p.storage_key, 'large.jpg')), p.storage_key).toBe(true);
      expect(existsSync(path.join(files, p.storage_key, 'thumb.jpg')), p.storage_key).toBe(true);
    }
  });

  it('makes the same data from the same seed', async () => {
    const city = await loadCity(handle.db, org);
    await addBenchStaff(handle.db, city);
    const make = () => {
      const f = new ReportFactory(
        city,
        { firstId: 1, createdAt: residentTimes(5, 50, NOW, 3) },
        { seed: 5, now: NOW, count: 300, years: 3, firstReportId: 1, firstEventId: 1, firstPhotoId: 1, photos: null },
      );
      const b = newBatch();
      f.fill(b, 300);
      return JSON.stringify([b.reports.data, b.events.data, b.supporters.data, b.followers.data]);
    };
    expect(make()).toBe(make());
  });
});

describe('array literals', () => {
  it('carry quotes, backslashes, braces, commas, newlines and the text NULL through unnest unchanged', async () => {
    const texts = ['a"b', null, 'x,{y}\\z ü\n', 'NULL', '', ' leading', '{"answer":"no"}'];
    const r = await sql<{ t: Array<string | null>; i: Array<number | null>; b: Array<boolean | null> }>`
      SELECT ${arrayLiteral(texts, true)}::text[] AS t, ${arrayLiteral([1, null, -3], false)}::int4[] AS i, ${arrayLiteral([true, null, false], false)}::bool[] AS b`.execute(
      handle.db,
    );
    expect(r.rows[0]).toEqual({ t: texts, i: [1, null, -3], b: [true, null, false] });
  });
});

describe('progress', () => {
  it('prints plain lines with share, rate and ETA when stderr is not a terminal', () => {
    const out: string[] = [];
    let clock = 0;
    const stream = { isTTY: false, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    const p = createProgress('reports', 1000, stream, () => clock);
    clock = 10_000;
    p.update(250);
    clock = 11_000;
    p.update(300);
    p.finish();
    expect(out[0]).toBe('reports  25.0 %  250/1,000  25/s  ETA 30s\n');
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/^reports done: 1,000 in 11s/);
  });
});

describe('area lookup', () => {
  it('answers exactly like areaContains, inside cells and on edges', async () => {
    const city = await loadCity(handle.db, org);
    const lookup = createAreaLookup([{ area: city.boundary }]);
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const lon = 7.29 + (i % 200) * 0.00175;
      const lat = 51.41 + Math.floor(i / 200) * 0.00195;
      if ((lookup.find(lon, lat) === 0) !== areaContains(city.boundary, lon, lat)) wrong.push(`${lon},${lat}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('command line', () => {
  it('defaults to a million reports on PostgreSQL and 100,000 on PGlite in ./data-bench', () => {
    const pg = parseOptions([], { DATABASE_URL: 'postgres://u@h/db' }, '/w', () => NOW + 1234);
    expect(pg).toMatchObject({ reports: 1_000_000, databaseUrl: 'postgres://u@h/db', dataDir: '/w/data-bench/postgres-db', seed: 1, now: NOW, append: false });
    const lite = parseOptions(['--reports', '20_000', '--seed', '7'], {}, '/w');
    expect(lite).toMatchObject({ reports: 20_000, databaseUrl: null, dataDir: '/w/data-bench', seed: 7 });
    expect(parseOptions(['--help'], {})).toBe('help');
  });

  it('refuses bad arguments', () => {
    expect(() => parseOptions(['--reports', 'many'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--database-url', 'mysql://x'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--now', 'tomorrow'], {})).toThrow(UsageError);
    expect(() => parseOptions(['--unknown'], {})).toThrow(UsageError);
  });
});
