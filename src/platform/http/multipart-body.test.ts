import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { type MultipartPart, multipartBody, postMultipart, startMultipart, uploadFolders, waitFor } from '../../../test/helpers/multipart';
import { CSRF_COOKIE } from './csrf';
import { multipartForm, type UploadLimits } from './multipart-form';
import { removeStaleFolders } from './multipart-uploads';

// Multipart bodies are streamed: refused unread where a route takes no files, files to temporary files (removed
// after the answer, an error or a client that left) within the route's limits, the CSRF token checked on arrival.

const LIMITS: UploadLimits = { field: 'photos', maxFiles: 3, maxFileBytes: 1000, maxTotalBytes: 2000, maxBodyBytes: 100_000 };

let t: TestApp;
let tmp: string;
let base: string;
const previousTmp = process.env.TMPDIR;
const seenPaths: string[] = [];
let handlerStarted = false;
let clientLeft = false;
const readLater: string[] = [];

beforeAll(async () => {
  // os.tmpdir() reads TMPDIR on every call: this file's uploads land where the tests can look.
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kuemmerer-multipart-test-'));
  process.env.TMPDIR = tmp;
  t = await createTestApp({}, (app) => {
    app.post('/test/upload', { config: { uploads: LIMITS } }, async (request) => {
      const { fields, files, problem } = multipartForm(request);
      seenPaths.push(...files.map((f) => f.path));
      return {
        fields,
        problem,
        files: files.map((f) => ({
          filename: f.filename,
          size: f.size,
          sha256: f.sha256,
          content: readFileSync(f.path, 'latin1'),
          inTmp: f.path.startsWith(tmp),
        })),
      };
    });
    app.post('/test/upload-fails', { config: { uploads: LIMITS } }, async (request) => {
      seenPaths.push(...multipartForm(request).files.map((f) => f.path));
      throw new Error('the handler broke');
    });
    app.post('/test/slow', { config: { uploads: LIMITS } }, async () => ({ ok: true }));
    // A handler that is still at work when its client leaves (a report being saved while the phone lost signal).
    app.post('/test/busy', { config: { uploads: LIMITS } }, async (request) => {
      const { files } = multipartForm(request);
      handlerStarted = true;
      await waitFor(() => clientLeft);
      readLater.push(...files.map((f) => readFileSync(f.path, 'latin1')));
      return { ok: true };
    });
  });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  process.env.TMPDIR = previousTmp;
  rmSync(tmp, { recursive: true, force: true });
});

/** Headers of a browser of this city over real HTTP: the host names the city, the cookie carries the CSRF cookie. */
const browser = (c: Client) => ({ host: 'localhost', cookie: `${CSRF_COOKIE}=${c.cookies.get(CSRF_COOKIE)}` });
const file = (filename: string, data: Buffer | number): MultipartPart => ({ name: 'photos', filename, data });

function post(c: Client, url: string, parts: MultipartPart[], headers: Record<string, string> = {}) {
  const body = multipartBody(parts);
  return c.request({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...headers } });
}

describe('files on a route that takes them', () => {
  it('go to temporary files with size and hash; fields arrive as text; empty inputs and other fields’ files are dropped', async () => {
    const c = new Client(t);
    const a = Buffer.from('erstes Bild');
    const res = await post(c, '/test/upload', [
      { name: '_csrf', value: c.csrf },
      { name: 'a', value: 'eins' },
      { name: 'a', value: 'zwei' },
      file('a.jpg', a),
      { name: 'photos', filename: '', data: Buffer.alloc(0), type: 'application/octet-stream' },
      { name: 'other', filename: 'x.jpg', data: Buffer.from('nicht gewollt') },
      file('b.jpg', 700),
      { name: 'after', value: 'danach' },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fields).toMatchObject({ a: ['eins', 'zwei'], after: 'danach' });
    expect(body.fields.other).toBeUndefined();
    expect(body.problem).toBeNull();
    expect(body.files).toEqual([
      { filename: 'a.jpg', size: a.length, sha256: createHash('sha256').update(a).digest('hex'), content: a.toString('latin1'), inTmp: true },
      expect.objectContaining({ filename: 'b.jpg', size: 700, inTmp: true }),
    ]);
  });

  it('reach the handler over real HTTP too (a request stream is destroyed once its body is read)', async () => {
    const c = new Client(t);
    const res = await postMultipart(`${base}/test/upload`, [{ name: '_csrf', value: c.csrf }, file('a.jpg', 900)], { headers: browser(c) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).files).toEqual([expect.objectContaining({ filename: 'a.jpg', size: 900, inTmp: true })]);
  });

  it('removes the temporary files once answered, when the handler fails, and when the client goes away', async () => {
    const c = new Client(t);
    await post(c, '/test/upload', [{ name: '_csrf', value: c.csrf }, file('a.jpg', 10)]);
    expect((await post(c, '/test/upload-fails', [{ name: '_csrf', value: c.csrf }, file('a.jpg', 10)])).statusCode).toBe(500);
    expect(seenPaths.length).toBeGreaterThanOrEqual(2);
    expect(await waitFor(() => seenPaths.every((p) => !existsSync(p)))).toBe(true);

    // Over real HTTP: one file complete, the next one begun, then the client stalls and leaves.
    const client = startMultipart(`${base}/test/slow`, [{ name: '_csrf', value: c.csrf }, file('a.jpg', 900), file('b.jpg', 900)], {
      headers: browser(c),
      stopAfter: 1500,
    });
    client.answer.catch(() => {});
    expect(await waitFor(() => uploadFolders(tmp).length > 0), 'the first file was written').toBe(true);
    client.abort();
    expect(await waitFor(() => uploadFolders(tmp).length === 0), 'the folder is removed after the client left').toBe(true);
  });

  it('keeps the files for a handler still at work when its client leaves, and removes them after its answer', async () => {
    const c = new Client(t);
    const data = Buffer.from('ein ganzes Foto');
    const client = startMultipart(`${base}/test/busy`, [{ name: '_csrf', value: c.csrf }, file('a.jpg', data)], { headers: browser(c) });
    client.answer.catch(() => {});
    expect(await waitFor(() => handlerStarted), 'the handler began').toBe(true);
    client.abort();
    // Give the connection's close time to arrive before the handler reads.
    await new Promise((r) => setTimeout(r, 200));
    clientLeft = true;
    expect(await waitFor(() => readLater.length === 1), 'the handler read its file').toBe(true);
    expect(readLater).toEqual([data.toString('latin1')]);
    expect(await waitFor(() => uploadFolders(tmp).length === 0), 'the folder is removed after the answer').toBe(true);
  });

  it('counts files past the limit: no files kept, the count named, fields after the files still read', async () => {
    const c = new Client(t);
    const res = await post(c, '/test/upload', [
      { name: '_csrf', value: c.csrf },
      ...Array.from({ length: 4 }, (_, i) => file(`${i}.jpg`, 10)),
      { name: 'after', value: 'bleibt' },
    ]);
    expect(res.json()).toMatchObject({ problem: { kind: 'count', max: 3 }, files: [], fields: { after: 'bleibt' } });
  });

  it('names the file over the size limit, and the total over the total limit', async () => {
    const c = new Client(t);
    const big = await post(c, '/test/upload', [
      { name: '_csrf', value: c.csrf },
      file('klein.jpg', 10),
      file('riesig.jpg', 1001),
      { name: 'after', value: 'x' },
    ]);
    expect(big.json()).toMatchObject({ problem: { kind: 'fileSize', max: 1000, filename: 'riesig.jpg' }, files: [], fields: { after: 'x' } });
    const total = await post(c, '/test/upload', [{ name: '_csrf', value: c.csrf }, file('1.jpg', 800), file('2.jpg', 800), file('3.jpg', 800)]);
    expect(total.json()).toMatchObject({ problem: { kind: 'totalSize', max: 2000 }, files: [] });
    expect(uploadFolders(tmp)).toEqual([]);
  });

  it('stops at a wrong token, and refuses a file sent before any token, without writing a byte', async () => {
    const c = new Client(t);
    const huge = 50 * 1024 * 1024;
    // The client sends the token and the first 256 KB of a 50 MB file, then waits: the answer comes all the same,
    // so reading stopped at the token.
    const wrong = await postMultipart(`${base}/test/upload`, [{ name: '_csrf', value: 'gefälscht' }, file('a.jpg', huge)], {
      headers: browser(c),
      chunked: true,
      stopAfter: 256 * 1024,
    });
    expect(wrong.status).toBe(403);
    const first = await post(c, '/test/upload', [file('a.jpg', 10), { name: '_csrf', value: c.csrf }]);
    expect(first.statusCode).toBe(403);
    expect(uploadFolders(tmp)).toEqual([]);
    // A valid token in the header lets the files come first.
    const header = await post(c, '/test/upload', [file('a.jpg', 10)], { 'x-csrf-token': c.csrf });
    expect(header.statusCode).toBe(200);
  });

  it('refuses a body over the route’s bound at once (from Content-Length) and as it arrives (chunked)', async () => {
    const c = new Client(t);
    const huge = 50 * 1024 * 1024;
    const parts = [{ name: '_csrf', value: c.csrf }, file('a.jpg', huge)];
    // Announced: the answer comes before any of the body (the client waits after its first byte).
    const announced = await postMultipart(`${base}/test/upload`, parts, { headers: browser(c), stopAfter: 1 });
    expect(announced.status).toBe(413);
    // Chunked: read up to the bound (100 kB), then the answer although more is still coming.
    const chunked = await postMultipart(`${base}/test/upload`, parts, { headers: browser(c), chunked: true, stopAfter: 1024 * 1024 });
    expect(chunked.status).toBe(413);
  });

  it('bounds text fields: one too long or too many is a 413', async () => {
    const c = new Client(t);
    expect(
      (
        await post(c, '/test/upload', [
          { name: '_csrf', value: c.csrf },
          { name: 'a', value: 'x'.repeat(70_000) },
        ])
      ).statusCode,
    ).toBe(413);
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `f${i}`, value: 'x' }));
    expect((await post(c, '/test/upload', [{ name: '_csrf', value: c.csrf }, ...many])).statusCode).toBe(413);
  });

  it('answers a cut-off upload with 400 and the error page, not 500 (found by the fuzzer)', async () => {
    const c = new Client(t);
    const body = multipartBody([{ name: '_csrf', value: c.csrf }, { name: 'description', value: 'Loch' }, file('foto.jpg', 2000)]);
    const res = await c.request({ method: 'POST', url: '/melden', payload: body.payload.subarray(0, 900), headers: body.headers });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<!DOCTYPE html>');
    expect(res.body).not.toContain('multipart data');
  });

  it('answers bodies cut off mid-file with 400, never hanging or throwing outside the request (found by the fuzzer)', async () => {
    const c = new Client(t);
    const body = multipartBody([{ name: '_csrf', value: c.csrf }, file('x', 10), file('y.jpg', 900)]);
    const res = await c.request({ method: 'POST', url: '/test/upload', payload: body.payload.subarray(0, body.payload.length - 500), headers: body.headers });
    expect(res.statusCode).toBe(400);
    expect(await waitFor(() => uploadFolders(tmp).length === 0)).toBe(true);
    // Cut off inside a file that is read past (an empty input's, another field's): answered, nothing thrown
    // outside the request.
    for (const skipped of [
      { name: 'photos', filename: '', data: 900 },
      { name: 'other', filename: 'o.jpg', data: 900 },
    ]) {
      const past = multipartBody([{ name: '_csrf', value: c.csrf }, skipped]);
      const cut = await c.request({ method: 'POST', url: '/test/upload', payload: past.payload.subarray(0, past.payload.length - 300), headers: past.headers });
      expect(cut.statusCode).toBe(400);
    }
  });

  it('keeps the CSRF check on multipart forms', async () => {
    const c = new Client(t);
    const res = await post(c, '/melden', [
      { name: '_csrf', value: 'falsch' },
      { name: 'description', value: 'Loch' },
    ]);
    expect(res.statusCode).toBe(403);
  });
});

describe('multipart on a route that takes no files', () => {
  it('is refused with 415 before the body is read, and the connection closed', async () => {
    const c = new Client(t);
    const huge = 50 * 1024 * 1024;
    // 50 MB announced, 64 kB sent, then the client waits: the answer must come without the rest.
    const res = await postMultipart(`${base}/anmelden`, [{ name: '_csrf', value: c.csrf }, { name: 'email', value: 'a@example.de' }, file('x.jpg', huge)], {
      headers: { ...browser(c), 'accept-language': 'de' },
      stopAfter: 64 * 1024,
    });
    expect(res.status).toBe(415);
    expect(res.headers.connection).toBe('close');
    expect(res.body).toContain('Keine Dateien erwartet');
  });

  it('is refused on Open311 too, in its own error format', async () => {
    const body = multipartBody([
      { name: 'api_key', value: 'k311_x' },
      { name: 'service_code', value: 'x' },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: body.payload,
      headers: { ...body.headers, host: 'localhost' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual([{ code: 415, description: expect.any(String) }]);
  });
});

describe('upload folders left by a killed process', () => {
  it('are removed at start once hours old; young ones (another process’s uploads) stay', async () => {
    const root = mkdtempSync(path.join(tmp, 'sweep-'));
    const old = mkdtempSync(path.join(root, 'kuemmerer-upload-'));
    const young = mkdtempSync(path.join(root, 'kuemmerer-upload-'));
    const other = mkdtempSync(path.join(root, 'something-else-'));
    const past = new Date(Date.now() - 7 * 3600 * 1000);
    utimesSync(old, past, past);
    utimesSync(other, past, past);
    await removeStaleFolders(root, 6 * 3600 * 1000);
    expect([existsSync(old), existsSync(young), existsSync(other)]).toEqual([false, true, true]);
  });
});
