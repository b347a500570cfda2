import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder, readResults } from './geocoder';

// A fake Nominatim on 127.0.0.1: the path decides how it misbehaves.
let server: Server;
let base: string;
const seen: URL[] = [];

function handler(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  seen.push(url);
  const mode = url.pathname.split('/')[1];
  if (mode === 'slow') {
    setTimeout(() => res.end('[]'), 2000).unref();
    return;
  }
  if (mode === 'broken') {
    res.setHeader('content-type', 'application/json');
    res.end('{"not": json');
    return;
  }
  if (mode === 'object') {
    res.end('{"error":"Unable to geocode"}');
    return;
  }
  if (mode === 'fail') {
    res.statusCode = 503;
    res.end('down');
    return;
  }
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify([
      { lat: '51.5100', lon: '7.4600', display_name: 'Synthetische Straße 1, Teststadt' },
      { lat: '48.1000', lon: '11.5000', display_name: 'Weit weg, anderswo' },
      { lat: 'kaputt', lon: '7.4', display_name: 'Ungültige Koordinate' },
    ]),
  );
}

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const cityBox = { minLon: 7.4, minLat: 51.45, maxLon: 7.6, maxLat: 51.55 };

describe('geocoder', () => {
  it('asks /search with format, limit, language and the city box, and keeps results inside the box', async () => {
    const g = createGeocoder({ url: new URL(`${base}/ok`) });
    const answer = await g.search('  Synthetische Straße 1 ', { bbox: cityBox, language: 'de', limit: 3 });
    expect(answer).toEqual({ ok: true, results: [{ label: 'Synthetische Straße 1, Teststadt', lat: 51.51, lon: 7.46 }] });
    const asked = seen.at(-1)!;
    expect(asked.pathname).toBe('/ok/search');
    expect(asked.searchParams.get('q')).toBe('Synthetische Straße 1');
    expect(asked.searchParams.get('format')).toBe('jsonv2');
    expect(asked.searchParams.get('limit')).toBe('3');
    expect(asked.searchParams.get('accept-language')).toBe('de');
    expect(asked.searchParams.get('viewbox')).toBe('7.4,51.55,7.6,51.45');
    expect(asked.searchParams.get('bounded')).toBe('1');
  });

  it('caches answers, and answers an empty query without asking', async () => {
    const g = createGeocoder({ url: new URL(`${base}/ok/search`) });
    const before = seen.length;
    await g.search('Markt');
    await g.search('Markt');
    expect(seen.length).toBe(before + 1);
    expect(seen.at(-1)!.pathname).toBe('/ok/search');
    expect(await g.search('   ')).toEqual({ ok: true, results: [] });
    expect(seen.length).toBe(before + 1);
  });

  it('says "not configured" without a URL', async () => {
    const g = createGeocoder({ url: null });
    expect(g.configured).toBe(false);
    expect(await g.search('Markt')).toEqual({ ok: false, reason: 'not_configured' });
  });

  it('turns a timeout, an unreachable host, bad JSON and server errors into answers', async () => {
    expect(await createGeocoder({ url: new URL(`${base}/slow`), timeoutMs: 200 }).search('x')).toEqual({ ok: false, reason: 'timeout' });
    expect(await createGeocoder({ url: new URL(`${base}/broken`) }).search('x')).toEqual({ ok: false, reason: 'bad_response' });
    expect(await createGeocoder({ url: new URL(`${base}/object`) }).search('x')).toEqual({ ok: false, reason: 'bad_response' });
    expect(await createGeocoder({ url: new URL(`${base}/fail`) }).search('x')).toEqual({ ok: false, reason: 'unreachable' });
    // A closed port on this machine: nobody listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await createGeocoder({ url: new URL(`http://127.0.0.1:${port}`) }).search('x')).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('reads only well-formed result arrays', () => {
    expect(readResults({})).toBeNull();
    expect(readResults([1])).toBeNull();
    expect(readResults([{ display_name: 'ohne Koordinaten' }])).toBeNull();
    expect(readResults([{ lat: 51, lon: 7, name: 'Zahl' }])).toEqual([{ label: 'Zahl', lat: 51, lon: 7 }]);
    expect(readResults([{ lat: '95', lon: '7' }])).toEqual([]);
  });
});
