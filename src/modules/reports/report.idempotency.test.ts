import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createResident, createSyntheticBoundary } from '../../../test/helpers/factories';
import { PHOTO_SIZES } from '../../platform/files/photos';
import { localStorage } from '../../platform/files/storage';
import { insertReport } from './report.queries';
import { createReport } from './report.service';

// The same form sent twice makes one report and the same answer; the same form key with different content is
// refused with 422 and changes nothing.

let t: TestApp;
let categoryId: number;
beforeAll(async () => {
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  categoryId = (
    await createCategory(t.db, t.org.id, {
      name: 'Bank kaputt',
      questions: [
        {
          code: 'parts',
          datatype: 'multivaluelist',
          options: [
            { key: 'seat', de: 'Sitz', en: 'seat' },
            { key: 'back', de: 'Lehne', en: 'back' },
          ],
        },
      ],
    })
  ).id;
});
afterAll(() => t.close());

function multipart(fields: Record<string, string | string[]>, photos: Buffer[] = []) {
  const boundary = '----kuemmerer-idem';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const item of Array.isArray(v) ? v : [v]) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${item}\r\n`));
  for (const [i, data] of photos.entries()) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const base = { categoryId: '', lat: '51.5', lon: '7.5', address: 'Parkweg', description: 'Sitzfläche gebrochen', name: 'Bo', 'answer.parts': ['seat', 'back'] };

// One address per form key, so the per-account limit (10 an hour) never decides a test here.
function send(c: Client, fields: Record<string, string | string[]>, photos: Buffer[] = [], url = '/melden') {
  const email = `r-${String(fields.idempotencyKey)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')}@example.de`;
  const body = multipart({ _csrf: c.csrf, ...base, email, categoryId: String(categoryId), ...fields }, photos);
  return c.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
}

async function snapshot() {
  const count = async (table: 'reports' | 'report_photos' | 'report_events' | 'outbox' | 'login_tokens') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    reports: await count('reports'),
    photos: await count('report_photos'),
    events: await count('report_events'),
    mails: await count('outbox'),
    tokens: await count('login_tokens'),
    rows: await t.db.selectFrom('reports').selectAll().orderBy('id').execute(),
  };
}

function storedFiles(): number {
  const root = path.join(t.config.dataDir, 'files', 'reports');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

const photo = (colour: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

describe('the same form twice', () => {
  it('makes one report, and the repeat gets the same thanks page for it (200)', async () => {
    const c = new Client(t);
    const image = await photo('#123');
    const first = await send(c, { idempotencyKey: 'twice-1' }, [image]);
    expect(first.statusCode).toBe(200);
    const before = await snapshot();
    const again = await send(c, { idempotencyKey: 'twice-1' }, [image]);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(await snapshot()).toEqual(before);
  });

  it('treats what the browser may change as the same: spaces around text, the case of the address, the order of ticked boxes', async () => {
    const c = new Client(t);
    expect((await send(c, { idempotencyKey: 'twice-2' })).statusCode).toBe(200);
    const before = await snapshot();
    const again = await send(c, {
      idempotencyKey: 'twice-2',
      description: '  Sitzfläche gebrochen \n',
      email: ' R-TWICE-2@Example.DE ',
      'answer.parts': ['back', 'seat'],
    });
    expect(again.statusCode).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a signed-in resident’s repeat with the published report', async () => {
    const resident = await createResident(t.db, t.org.id);
    const c = new Client(t);
    await c.signInAs(resident.id, 'resident');
    const first = await send(c, { idempotencyKey: 'twice-3', email: '' });
    expect(first.body).toMatch(/Ihre Meldung #\d+ ist veröffentlicht/);
    const again = await send(c, { idempotencyKey: 'twice-3', email: '' });
    expect(again.body).toBe(first.body);
  });
});

describe('the same form key with different content', () => {
  const changes: Array<[string, Record<string, string | string[]>, string?]> = [
    ['another description', { description: 'Lehne fehlt' }],
    ['another address', { email: 'jemand-anders@example.de' }],
    ['another answer', { 'answer.parts': 'seat' }],
    ['another place', { lat: '51.51' }],
    ['another photo', {}, '#f00'],
  ];
  for (const [what, fields, colour] of changes) {
    it(`is refused with 422 and changes nothing (${what})`, async () => {
      const c = new Client(t);
      const key = `conflict-${what.replace(/\W/g, '-')}`;
      expect((await send(c, { idempotencyKey: key }, [await photo('#0f0')])).statusCode).toBe(200);
      const before = await snapshot();
      const files = storedFiles();
      const res = await send(c, { idempotencyKey: key, ...fields }, [await photo(colour ?? '#0f0')]);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Dieses Formular wurde schon gesendet');
      expect(res.body).toContain('href="/melden"');
      expect(res.body).not.toContain(`value="${key}"`);
      expect(res.body).toMatch(/name="idempotencyKey" value="[A-Za-z0-9_-]{20,}"/);
      expect(await snapshot()).toEqual(before);
      expect(storedFiles()).toBe(files);
    });
  }

  it('keeps the changed input, and sending it again with the new key makes a second report', async () => {
    const c = new Client(t);
    expect((await send(c, { idempotencyKey: 'conflict-then-new' })).statusCode).toBe(200);
    const res = await send(c, { idempotencyKey: 'conflict-then-new', description: 'Zweite <Bank> am Teich' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Zweite &lt;Bank> am Teich');
    const fresh = /name="idempotencyKey" value="([^"]+)"/.exec(res.body)![1]!;
    const before = (await snapshot()).reports;
    expect((await send(c, { idempotencyKey: fresh, description: 'Zweite <Bank> am Teich' })).statusCode).toBe(200);
    expect((await snapshot()).reports).toBe(before + 1);
  });

  it('speaks English too', async () => {
    const c = new Client(t);
    await send(c, { idempotencyKey: 'conflict-en' });
    const res = await send(c, { idempotencyKey: 'conflict-en', description: 'other' }, [], '/melden?lang=en');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This form has already been sent');
  });
});

describe('races and old rows', () => {
  it('two identical forms at the same moment make one report, and the loser’s photo files are removed', async () => {
    const c = new Client(t);
    const image = await photo('#345');
    const before = await snapshot();
    const results = await Promise.all(Array.from({ length: 4 }, () => send(c, { idempotencyKey: 'race-1' }, [image])));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    const after = await snapshot();
    expect(after.reports).toBe(before.reports + 1);
    expect(after.photos).toBe(before.photos + 1);
    expect(storedFiles()).toBe(after.photos * Object.keys(PHOTO_SIZES).length);
  });

  it('two different forms under one key at the same moment: one report, the other is told it conflicts', async () => {
    const c = new Client(t);
    const before = await snapshot();
    const results = await Promise.all([send(c, { idempotencyKey: 'race-2', description: 'A' }), send(c, { idempotencyKey: 'race-2', description: 'B' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect((await snapshot()).reports).toBe(before.reports + 1);
  });

  it('the service answers a lost race like the first submission (both miss the lookup, one insert wins)', async () => {
    const deps = { db: t.db, storage: localStorage(path.join(t.config.dataDir, 'files')), secret: t.config.secret, publicUrl: t.config.publicUrl };
    const where = { categoryId, lat: 51.5, lon: 7.5, address: '', precise: true, districtId: null };
    const input = { description: 'Parallel', answers: {}, name: '', email: 'parallel@example.de', showName: false, idempotencyKey: 'race-3', photos: [] };
    const results = await Promise.all([1, 2, 3].map(() => createReport(deps, t.org, where, input, null, 'de')));
    const ids = new Set(results.map((r) => (r.ok ? r.reportId : 0)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
  });

  it('a report from before fingerprints were stored keeps "same key, same answer"', async () => {
    const old = await insertReport(t.db, {
      organizationId: t.org.id,
      categoryId,
      departmentId: null,
      districtId: null,
      status: 'new',
      lat: 51.5,
      lon: 7.5,
      address: '',
      locationPrecise: true,
      description: 'Alt',
      answers: {},
      userId: null,
      reporterName: '',
      reporterEmail: 'alt@example.de',
      showName: false,
      idempotencyKey: 'legacy-1',
    });
    const res = await send(new Client(t), { idempotencyKey: 'legacy-1', description: 'Ganz anders' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`#${old!.id}`);
  });

  it('a form key that could name another namespace (Open311 keys contain ":") is not used as a key', async () => {
    const res = await send(new Client(t), { idempotencyKey: 'open311:1:abc' });
    expect(res.statusCode).toBe(200);
    const row = await t.db.selectFrom('reports').select(['idempotency_key', 'idempotency_fingerprint']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ idempotency_key: null, idempotency_fingerprint: null });
  });
});
