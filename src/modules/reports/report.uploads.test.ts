import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createSyntheticBoundary } from '../../../test/helpers/factories';
import { type MultipartPart, multipartBody, uploadFolders, waitFor } from '../../../test/helpers/multipart';

// The report form's photos over its limits (issue 12: 11 files answered "Zu große Datei", an error page): the
// same form again, its text kept, the photo field naming the limit that was passed; and nothing left in the
// temporary folder, whatever the outcome.

const MB = 1024 * 1024;
let t: TestApp;
let categoryId: number;
let tmp: string;
const previousTmp = process.env.TMPDIR;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kuemmerer-report-uploads-'));
  process.env.TMPDIR = tmp;
  t = await createTestApp();
  await createSyntheticBoundary(t.db, t.org.id);
  categoryId = (await createCategory(t.db, t.org.id, { name: 'Laterne' })).id;
});
afterAll(async () => {
  await t.close();
  process.env.TMPDIR = previousTmp;
  rmSync(tmp, { recursive: true, force: true });
});

let seq = 0;
function send(c: Client, photos: MultipartPart[], language = 'de') {
  const body = multipartBody([
    { name: '_csrf', value: c.csrf },
    { name: 'idempotencyKey', value: `upload-${++seq}` },
    { name: 'categoryId', value: String(categoryId) },
    { name: 'lat', value: '51.5' },
    { name: 'lon', value: '7.5' },
    { name: 'address', value: '' },
    { name: 'description', value: 'Laterne <flackert> seit Tagen' },
    ...photos,
    // After the photos, as the browser sends the form: still read and kept.
    { name: 'email', value: `melder-${seq}@example.de` },
    { name: 'name', value: 'Ada' },
  ]);
  return c.request({ method: 'POST', url: '/melden', payload: body.payload, headers: { ...body.headers, 'accept-language': language } });
}

const photo = (filename: string, data: Buffer | number): MultipartPart => ({ name: 'photos', filename, data });

function expectFormKept(body: string) {
  expect(body).toContain('Laterne &lt;flackert> seit Tagen');
  expect(body).toContain(`value="melder-${seq}@example.de"`);
  expect(body).toContain('value="Ada"');
  expect(body).toContain(`value="upload-${seq}"`);
  expect(body).toContain('aria-invalid="true"');
  expect(body).not.toContain('Zu große Datei');
}

async function reportCount() {
  return Number(
    (
      await t.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe('photos over the report form’s limits', () => {
  it('11 photos: the form again with “Höchstens 5 Fotos”, nothing created', async () => {
    const before = await reportCount();
    const res = await send(
      new Client(t),
      Array.from({ length: 11 }, (_, i) => photo(`${i}.jpg`, 1000)),
    );
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Höchstens 5 Fotos');
    expectFormKept(res.body);
    expect(await reportCount()).toBe(before);
  });

  it('a photo over 15 MB: named, with the limit', async () => {
    const res = await send(new Client(t), [photo('urlaub.jpg', 1000), photo('riesig.jpg', 16 * MB)]);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('„riesig.jpg“ ist größer als 15 MB');
    expectFormKept(res.body);
  });

  it('photos together over 50 MB: the total named', async () => {
    const res = await send(
      new Client(t),
      Array.from({ length: 4 }, (_, i) => photo(`${i}.jpg`, 14 * MB)),
    );
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Die Fotos sind zusammen größer als 50 MB');
    expectFormKept(res.body);
  });

  it('in English too', async () => {
    const res = await send(
      new Client(t),
      Array.from({ length: 6 }, (_, i) => photo(`${i}.jpg`, 10)),
      'en',
    );
    expect(res.body).toContain('At most 5 photos');
  });
});

describe('photos within the limits', () => {
  it('make the report; their temporary files are gone afterwards', async () => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer();
    const res = await send(new Client(t), [photo('a.jpg', jpeg), photo('b.jpg', jpeg)]);
    expect(res.statusCode).toBe(200);
    const report = await t.db.selectFrom('reports').select('id').where('idempotency_key', '=', `upload-${seq}`).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('report_photos').select('id').where('report_id', '=', report.id).execute()).toHaveLength(2);
    expect(await waitFor(() => uploadFolders(tmp).length === 0)).toBe(true);
  });
});
