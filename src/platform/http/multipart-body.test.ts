import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, (app) => {
    // Echoes what the handler receives, to pin down the body shape the report forms rely on.
    app.post('/test/echo', async (request) => {
      const body = request.body as Record<string, unknown>;
      return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, [v].flat().map((x) => (Buffer.isBuffer(x) ? `buffer:${x.length}` : x))]));
    });
  });
});
afterAll(() => t.close());

const BOUNDARY = '----kuemmerer-test';

function multipart(parts: Array<[string, string] | [string, Buffer, string]>): Buffer {
  const chunks: Buffer[] = [];
  for (const [name, value, filename] of parts) {
    const disposition = filename === undefined ? `name="${name}"` : `name="${name}"; filename="${filename}"\r\nContent-Type: image/jpeg`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function post(c: Client, url: string, payload: Buffer) {
  return c.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
}

describe('multipart bodies', () => {
  it('arrive as key/value pairs: strings, Buffers for files, arrays for repeated names', async () => {
    const c = new Client(t);
    const res = await post(
      c,
      '/test/echo',
      multipart([
        ['_csrf', c.csrf],
        ['a', 'eins'],
        ['a', 'zwei'],
        ['photos', Buffer.from([1, 2, 3]), 'x.jpg'],
        ['photos', Buffer.alloc(0), 'leer.jpg'],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ a: ['eins', 'zwei'], photos: ['buffer:3', 'buffer:0'] });
  });

  it('answers a cut-off upload with 400 and the error page, not 500 (found by the fuzzer)', async () => {
    const c = new Client(t);
    const body = multipart([
      ['_csrf', c.csrf],
      ['description', 'Loch'],
      ['photos', Buffer.alloc(2000, 0xff), 'foto.jpg'],
    ]);
    const res = await post(c, '/melden', body.subarray(0, 900));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<!DOCTYPE html>');
    expect(res.body).not.toContain('multipart data');
  });

  it('keeps the CSRF check on multipart forms', async () => {
    const c = new Client(t);
    const res = await post(
      c,
      '/melden',
      multipart([
        ['_csrf', 'falsch'],
        ['description', 'Loch'],
      ]),
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('multipart bodies on Open311', () => {
  it('answer a cut-off upload with an Open311 400, not 500 (found by the fuzzer)', async () => {
    const c = new Client(t);
    const body = multipart([
      ['api_key', 'k311_x'],
      ['service_code', 'x'],
      ['description', 'Loch'],
    ]);
    const res = await post(c, '/open311/v2/requests.json', body.subarray(0, body.length - 30));
    expect(res.statusCode).toBeLessThan(500);
    expect(res.statusCode).toBe(400);
  });
});
