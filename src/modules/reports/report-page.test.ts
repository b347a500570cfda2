import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testConfig } from '../../../test/helpers/app';
import { createTestDatabase } from '../../../test/helpers/database';
import { createCategory, createOrganization, createPublicReport, createResident } from '../../../test/helpers/factories';
import { buildApp } from '../../app';
import type { DatabaseHandle } from '../../platform/db/connect';
import { addFollower, addSupporter, insertEvent, insertPhoto } from './report.queries';

// The public report page as issue 13 measured it: one round trip for an anonymous visitor (the city from memory),
// two for a signed-in one (the session, then the page), with everything the page shows still on it.

/** Counts the statements that reach the database (precompiled ones too: results pass every plugin). */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery: (args) => args.node,
    async transformResult(args) {
      this.count++;
      return args.result;
    },
  };
}

let handle: DatabaseHandle;
let t: TestApp;
const counter = statementCounter();
let reportId: number;
let residentId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const org = await createOrganization(db, { hosts: ['localhost'] });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-report-page-'));
  const config = testConfig({ DATA_DIR: dataDir });
  // The city lookup is cached as in production (tests otherwise ask every time, since they add cities as they go).
  const app = await buildApp({ config, db: db.withPlugin(counter), cityCacheMs: 60_000 });
  await app.ready();
  t = {
    app,
    db,
    handle,
    config,
    org,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const category = await createCategory(db, org.id, {
    name: 'Schlagloch',
    questions: [
      {
        code: 'size',
        datatype: 'singlevaluelist',
        options: [
          { key: 'small', de: 'klein', en: 'small' },
          { key: 'big', de: 'groß', en: 'big' },
        ],
      },
      { code: 'depth', datatype: 'number' },
      { code: 'unused', datatype: 'text' },
    ],
  });
  const reporter = await createResident(db, org.id);
  reportId = await createPublicReport(db, org.id, category.id, {
    address: 'Hansaplatz 1',
    description: 'Tiefes Loch vor dem Brunnen',
    answers: { size: 'big', depth: 12 },
    userId: reporter.id,
    reporterName: 'Erika',
    reporterEmail: reporter.email,
    showName: true,
  });
  for (const [i, key] of ['b', 'a', 'c'].entries()) {
    await insertPhoto(db, { organizationId: org.id, reportId, storageKey: `page-test-${key}`, width: 800, height: 600, sort: 3 - i });
  }
  // Only approved photos are public: the one sorted first stays pending.
  await db.updateTable('report_photos').set({ status: 'approved' }).where('report_id', '=', reportId).where('sort', '!=', 1).execute();
  await insertEvent(db, { organizationId: org.id, reportId, kind: 'public_note', public: true, body: 'Wir sehen es uns an.' });
  await insertEvent(db, { organizationId: org.id, reportId, kind: 'internal_note', public: false, body: 'Nur für die Verwaltung' });
  await insertEvent(db, {
    organizationId: org.id,
    reportId,
    kind: 'status',
    public: true,
    fromStatus: 'new',
    toStatus: 'in_progress',
    body: 'Auftrag erteilt',
  });
  const resident = await createResident(db, org.id, 'nachbarin@example.de');
  residentId = resident.id;
  await addSupporter(db, org.id, reportId, `u:${resident.id}`, resident.id);
  await addFollower(db, org.id, reportId, resident.email, 'not-a-real-hash');
});
afterAll(async () => {
  await t?.close();
  await handle?.close();
});

async function statementsFor(client: Client, url: string) {
  await client.get(url); // fills the city's entry
  const before = counter.count;
  const res = await client.get(url);
  return { res, statements: counter.count - before };
}

describe('the public report page', () => {
  it('costs one statement for an anonymous visitor and shows photos, timeline and answers', async () => {
    const { res, statements } = await statementsFor(new Client(t), `/meldungen/${reportId}`);
    expect(res.statusCode).toBe(200);
    expect(statements).toBe(1);
    const photos = [...res.body.matchAll(/src="\/fotos\/(\d+)\/thumb\.jpg"/g)].map((m) => Number(m[1]));
    const approved = await t.db
      .selectFrom('report_photos')
      .select('id')
      .where('report_id', '=', reportId)
      .where('status', '=', 'approved')
      .orderBy('sort')
      .orderBy('id')
      .execute();
    expect(photos).toEqual(approved.map((p) => p.id));
    expect(photos).toHaveLength(2);
    expect(res.body).toContain('Wir sehen es uns an.');
    expect(res.body).toContain('Auftrag erteilt');
    expect(res.body.indexOf('Wir sehen es uns an.')).toBeLessThan(res.body.indexOf('Auftrag erteilt'));
    expect(res.body).not.toContain('Nur für die Verwaltung');
    expect(res.body).toContain('groß');
    expect(res.body).toContain('12');
    expect(res.body).toContain('Erika');
    const english = await new Client(t).get(`/meldungen/${reportId}?lang=en`);
    expect(english.body).toContain('big');
    expect(english.body).not.toContain('groß');
  });

  it('costs two for a signed-in visitor (the session, then the page) and knows what they already do', async () => {
    const client = new Client(t);
    await client.signInAs(residentId, 'resident');
    const { res, statements } = await statementsFor(client, `/meldungen/${reportId}`);
    expect(res.statusCode).toBe(200);
    expect(statements).toBe(2);
    // Supporting already: no "me too" button; following: the form offers to stop.
    expect(res.body).not.toContain(`action="/meldungen/${reportId}/unterstuetzen"`);
    expect(res.body).toContain(`action="/meldungen/${reportId}/nicht-mehr-folgen"`);

    const other = new Client(t);
    await other.signInAs((await createResident(t.db, t.org.id)).id, 'resident');
    const fresh = await other.get(`/meldungen/${reportId}`);
    expect(fresh.body).toContain(`action="/meldungen/${reportId}/unterstuetzen"`);
    expect(fresh.body).toContain(`action="/meldungen/${reportId}/folgen"`);
  });

  it('answers 404 for another city’s report, a hidden one and one not confirmed, in one statement too', async () => {
    const other = await createOrganization(t.db, { hosts: ['anderswo.example'] });
    const category = await createCategory(t.db, other.id, { name: 'Fremd' });
    const foreign = await createPublicReport(t.db, other.id, category.id, { description: 'Anderswo' });
    const { res, statements } = await statementsFor(new Client(t), `/meldungen/${foreign}`);
    expect(res.statusCode).toBe(404);
    expect(statements).toBe(1);
    await t.db.updateTable('reports').set({ hidden: true }).where('id', '=', reportId).execute();
    expect((await new Client(t).get(`/meldungen/${reportId}`)).statusCode).toBe(404);
    await t.db.updateTable('reports').set({ hidden: false, status: 'unconfirmed' }).where('id', '=', reportId).execute();
    expect((await new Client(t).get(`/meldungen/${reportId}`)).statusCode).toBe(404);
    await t.db.updateTable('reports').set({ status: 'new' }).where('id', '=', reportId).execute();
  });
});
