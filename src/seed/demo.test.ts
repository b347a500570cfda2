import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type SqlBool, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database';
import { scheduleQuestionnaires } from '../modules/reports/notifications/questionnaire';
import { sendStatusMails } from '../modules/reports/notifications/status-mail';
import type { DatabaseHandle, Db } from '../platform/db/connect';
import { localStorage } from '../platform/files/storage';
import { type Area, areaContains, readArea } from '../platform/geo/geojson';
import { DEMO_CATEGORIES } from './categories';
import { seedDemo } from './demo';
import { DEMO_REPORT_COUNT } from './demo-reports';
import { DEMO_DISTRICT_SOURCE, STADTBEZIRKE } from './districts';

const NOW = Date.parse('2026-03-15T10:00:00Z');
let a: DatabaseHandle;
let b: DatabaseHandle;
let dir: string;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-seed-'));
  await seedDemo(a.db, new URL('http://localhost'), 'a'.repeat(40), { storage: localStorage(dir), now: NOW });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The Melden demo's own reports (other parts of the demo add reports of their own). */
const melden = sql<SqlBool>`r.idempotency_key LIKE 'demo-%'`;

async function area(db: Db, kind: string): Promise<Array<{ id: number; name: string; source: string; area: Area }>> {
  const rows = await db.selectFrom('districts').select(['id', 'name', 'source', 'geometry']).where('kind', '=', kind).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, source: r.source, area: readArea(typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry) }));
}

/** What the demo consists of, without random tokens and generated ids' order effects. */
async function digest(db: Db): Promise<string> {
  const reports = await db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'c.code',
      'r.lat',
      'r.lon',
      'r.status',
      'r.close_reason',
      'r.description',
      'r.address',
      'r.created_at',
      'r.supporters_count',
      'r.duplicate_of',
    ])
    .where(melden)
    .orderBy('r.id')
    .execute();
  const events = await db
    .selectFrom('report_events as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select(['e.report_id', 'e.kind', 'e.public', 'e.body', 'e.created_at'])
    .where(melden)
    .orderBy('e.id')
    .execute();
  return createHash('sha256')
    .update(JSON.stringify([reports, events]))
    .digest('hex');
}

describe('demo seed', () => {
  it('creates about 300 reports in every category and every state, with duplicates pointing back', async () => {
    const reports = await a.db
      .selectFrom('reports as r')
      .innerJoin('report_categories as c', 'c.id', 'r.category_id')
      .select([
        'r.id',
        'r.status',
        'r.close_reason',
        'r.duplicate_of',
        'r.category_id',
        'c.code',
        'r.created_at',
        'r.lat',
        'r.lon',
        'r.district_id',
        'r.supporters_count',
      ])
      .where(melden)
      .execute();
    expect(reports).toHaveLength(DEMO_REPORT_COUNT);
    for (const c of DEMO_CATEGORIES)
      expect(
        reports.some((r) => r.code === c.code),
        c.code,
      ).toBe(true);
    for (const s of ['unconfirmed', 'new', 'confirmed', 'in_progress', 'fixed', 'closed'])
      expect(
        reports.some((r) => r.status === s),
        s,
      ).toBe(true);
    for (const reason of ['done', 'rejected', 'duplicate', 'not_responsible'])
      expect(
        reports.some((r) => r.status === 'closed' && r.close_reason === reason),
        reason,
      ).toBe(true);
    const dups = reports.filter((r) => r.close_reason === 'duplicate');
    expect(dups.length).toBeGreaterThanOrEqual(3);
    for (const d of dups) {
      const original = reports.find((r) => r.id === d.duplicate_of)!;
      expect(original.category_id).toBe(d.category_id);
      expect(new Date(original.created_at).getTime()).toBeLessThan(new Date(d.created_at).getTime());
    }
    const ages = reports.map((r) => (NOW - new Date(r.created_at).getTime()) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(366);
    const supporters = await a.db
      .selectFrom('report_supporters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('supporter_key', 'like', 'demo:%')
      .executeTakeFirstOrThrow();
    expect(Number(supporters.n)).toBe(reports.reduce((s, r) => s + r.supporters_count, 0));
  });

  it('puts every report inside the real boundary and in the approximate Stadtbezirk that contains it', async () => {
    const [boundary] = await area(a.db, 'stadtgrenze');
    const districts = await area(a.db, 'stadtbezirk');
    expect(districts.map((d) => d.name).sort()).toEqual(STADTBEZIRKE.map((d) => `${d.name} (Näherung)`).sort());
    for (const d of districts) expect(d.source).toBe(DEMO_DISTRICT_SOURCE);
    for (const d of STADTBEZIRKE) expect(areaContains(boundary!.area, d.centre[0], d.centre[1]), d.name).toBe(true);
    const reports = await a.db.selectFrom('reports as r').select(['r.id', 'r.lat', 'r.lon', 'r.district_id']).where(melden).execute();
    for (const r of reports) {
      expect(areaContains(boundary!.area, r.lon, r.lat), `report ${r.id}`).toBe(true);
      const holding = districts.filter((d) => areaContains(d.area, r.lon, r.lat)).map((d) => d.id);
      expect(holding, `report ${r.id}`).toEqual([r.district_id]);
    }
    // The cells cover the city without overlapping: points on a grid are in exactly one of them.
    let inside = 0;
    for (let lon = 7.31; lon < 7.64; lon += 0.011) {
      for (let lat = 51.42; lat < 51.6; lat += 0.007) {
        if (!areaContains(boundary!.area, lon, lat)) continue;
        inside++;
        expect(districts.filter((d) => areaContains(d.area, lon, lat)).length, `${lon},${lat}`).toBe(1);
      }
    }
    expect(inside).toBeGreaterThan(300);
  });

  it('gives reports timelines, photos, followers and questionnaires without sending anything on the first run', async () => {
    const events = await a.db
      .selectFrom('report_events as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .select(['e.kind', 'e.public', 'e.body', 'e.created_at', 'r.created_at as report_created'])
      .where(melden)
      .execute();
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of [
      'created',
      'confirmed',
      'status',
      'public_note',
      'internal_note',
      'rejected',
      'not_responsible',
      'duplicate',
      'photo_approved',
      'questionnaire',
      'reopened',
    ])
      expect(kinds.has(k), k).toBe(true);
    for (const e of events) {
      expect(new Date(e.created_at).getTime()).toBeGreaterThanOrEqual(new Date(e.report_created).getTime());
      expect(new Date(e.created_at).getTime()).toBeLessThanOrEqual(NOW);
      if (e.public) expect(e.body).not.toContain('@');
    }
    const photos = await a.db.selectFrom('report_photos').select(['storage_key', 'status', 'width']).execute();
    expect(photos.length).toBeGreaterThanOrEqual(7);
    const storage = localStorage(dir);
    for (const p of photos) {
      expect(p.status).toBe('approved');
      const jpeg = await storage.get(`${p.storage_key}/thumb.jpg`);
      expect(jpeg?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    }
    const answers = await a.db.selectFrom('report_questionnaires').select(['answer']).where('answer', 'is not', null).execute();
    for (const x of ['yes', 'no', 'unknown'])
      expect(
        answers.some((q) => q.answer === x),
        x,
      ).toBe(true);
    // Followers have seen the history: the status-mail job sends nothing about it.
    expect(await sendStatusMails({ db: a.db, secret: 'a'.repeat(40), publicUrl: new URL('http://localhost') })).toBe(0);
    const before = await a.db.selectFrom('report_questionnaires').select(['id', 'due_at']).orderBy('id').execute();
    await scheduleQuestionnaires(a.db);
    expect(await a.db.selectFrom('report_questionnaires').select(['id', 'due_at']).orderBy('id').execute()).toEqual(before);
  });

  it('is deterministic and idempotent', async () => {
    await seedDemo(b.db, new URL('http://localhost'), 'b'.repeat(40), { now: NOW });
    expect(await digest(b.db)).toBe(await digest(a.db));
    const again = await seedDemo(a.db, new URL('http://localhost'), 'a'.repeat(40), { now: NOW });
    expect(again.created).toBe(false);
    expect((await a.db.selectFrom('reports as r').select('r.id').where(melden).execute()).length).toBe(DEMO_REPORT_COUNT);
  });
});
