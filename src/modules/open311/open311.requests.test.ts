import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app';
import { createTestDatabase } from '../../../test/helpers/database';
import { createCategory, createOrganization, createPublicReport } from '../../../test/helpers/factories';
import { buildApp } from '../../app';
import type { DatabaseHandle } from '../../platform/db/connect';
import { insertEvent, insertPhoto } from '../reports/report.queries';

// GET requests as a poller sees it, and what it costs: one statement for the page with its photos and notes (plus
// the rate-limit count every request pays, and with extensions one for the categories' questions).

interface Request {
  service_request_id: string;
  status_notes: string | null;
  media_url: string | null;
  attributes?: Array<{ code: string; name: string }>;
  extended_attributes?: { photos: Array<{ media_url: string; width: number }> };
  notes?: Array<{ type: string; body: string | null }>;
}

let handle: DatabaseHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
let dataDir: string;
let statements = 0;
const ids: number[] = [];
const photoIds: number[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const org = await createOrganization(db, { hosts: ['localhost'] });
  dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-open311-'));
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements++;
      return args.result;
    },
  };
  app = await buildApp({ config: testConfig({ DATA_DIR: dataDir }), db: db.withPlugin(counter), cityCacheMs: 60_000 });
  await app.ready();
  const category = await createCategory(db, org.id, {
    code: 'schlagloch',
    name: 'Schlagloch',
    questions: [{ code: 'size', datatype: 'singlevaluelist', options: [{ key: 'big', de: 'groß', en: 'big' }] }],
  });
  for (let i = 0; i < 3; i++) {
    const id = await createPublicReport(db, org.id, category.id, { lat: 51.5 + i * 0.001, answers: { size: 'big' } });
    ids.push(id);
    // Distinct creation times, oldest first, so that "newest first" is well defined.
    await db
      .updateTable('reports')
      .set({ created_at: new Date(Date.UTC(2026, 10, 1 + i)) })
      .where('id', '=', id)
      .execute();
  }
  const [first] = ids;
  for (const sort of [2, 1, 3])
    await insertPhoto(db, { organizationId: org.id, reportId: first!, storageKey: `o311-${sort}`, width: 100 * sort, height: 50, sort });
  const photos = await db.selectFrom('report_photos').select(['id', 'sort']).where('report_id', '=', first!).orderBy('sort').execute();
  // The photo sorted first is still waiting for moderation: never public.
  await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', first!).where('sort', '!=', 1).execute();
  photoIds.push(...photos.filter((p) => p.sort !== 1).map((p) => p.id));
  const at = (day: number) => ({ created_at: new Date(Date.UTC(2026, 10, 10 + day)) });
  const note = async (kind: string, isPublic: boolean, body: string, day: number) => {
    const e = await insertEvent(db, { organizationId: org.id, reportId: first!, kind, public: isPublic, body });
    await db.updateTable('report_events').set(at(day)).where('id', '=', e.id).execute();
  };
  await note('public_note', true, 'Wir kommen am Montag.', 1);
  await note('public_note', true, 'Erledigt bis Freitag.', 2);
  await note('internal_note', false, 'Nur intern', 3);
  await note('status', true, '  \n', 4);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function get(query: string): Promise<{ rows: Request[]; statements: number }> {
  await app.inject({ url: '/health', headers: { host: 'localhost' } }); // the city is remembered from here on
  const before = statements;
  const res = await app.inject({ url: `/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&${query}`, headers: { host: 'localhost' } });
  expect(res.statusCode).toBe(200);
  return { rows: res.json() as Request[], statements: statements - before };
}

describe('GET requests', () => {
  it('answers a page in one statement (and the rate-limit count): the first public photo and the newest note with a text', async () => {
    const { rows, statements: n } = await get('page_size=100');
    expect(n).toBe(2);
    expect(rows.map((r) => Number(r.service_request_id))).toEqual([...ids].reverse());
    const first = rows.find((r) => Number(r.service_request_id) === ids[0])!;
    expect(first.media_url).toBe(`http://localhost/fotos/${photoIds[0]}/large.jpg`);
    expect(first.status_notes).toBe('Erledigt bis Freitag.');
    expect(rows.find((r) => Number(r.service_request_id) === ids[1])).toMatchObject({ media_url: null, status_notes: null });
  });

  it('adds every public photo and note in order with extensions, and the questions in one more statement', async () => {
    const { rows, statements: n } = await get(`service_request_id=${ids[0]}&extensions=true`);
    expect(n).toBe(3);
    const [r] = rows;
    expect(r!.extended_attributes!.photos.map((p) => p.media_url)).toEqual(photoIds.map((id) => `http://localhost/fotos/${id}/large.jpg`));
    expect(r!.notes!.map((e) => e.body)).toEqual(['Wir kommen am Montag.', 'Erledigt bis Freitag.', '  \n']);
    expect(r!.status_notes).toBe('Erledigt bis Freitag.');
    expect(r!.attributes).toEqual([expect.objectContaining({ code: 'size', name: 'groß' })]);
  });

  it('pages newest first and filters by ids and service code with the same statement shapes', async () => {
    expect((await get('page_size=1&page=2')).rows.map((r) => Number(r.service_request_id))).toEqual([ids[1]]);
    expect((await get('page_size=2&page=2')).rows.map((r) => Number(r.service_request_id))).toEqual([ids[0]]);
    expect((await get(`service_request_id=${ids[2]},${ids[0]}`)).rows.map((r) => Number(r.service_request_id))).toEqual([ids[2], ids[0]]);
    expect((await get(`service_request_id=${ids[1]}`)).rows.map((r) => Number(r.service_request_id))).toEqual([ids[1]]);
    expect((await get('service_code=schlagloch,anderes')).rows).toHaveLength(3);
    expect((await get('service_code=anderes')).rows).toEqual([]);
  });
});
