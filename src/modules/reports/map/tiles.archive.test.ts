import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp, testConfig } from '../../../../test/helpers/app';
import { ConfigError } from '../../../config';
import { packTiles } from '../../../platform/map/pmtiles-writer';

const dir = mkdtempSync(path.join(tmpdir(), 'stadtplan-'));
const file = path.join(dir, 'stadtplan.pmtiles');
const png = (label: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(label)]);
let t: TestApp;

beforeAll(async () => {
  await packTiles(
    [
      { z: 12, x: 2133, y: 1367, read: async () => png('Dortmund-Mitte') },
      { z: 12, x: 2134, y: 1367, read: async () => png('Dortmund-Ost') },
    ],
    file,
    { tileType: TileType.Png, attribution: '© Stadt Dortmund, Vermessungs- und Katasteramt' },
  );
  t = await createTestApp({ MAP_TILES_FILE: file });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('map tiles from a local PMTiles archive (MAP_TILES_FILE)', () => {
  it('serves the tiles the archive holds, with a validator browsers can revalidate against', async () => {
    const c = new Client(t);
    const tile = await c.get('/karte/kacheln/12/2133/1367.png');
    expect(tile.statusCode).toBe(200);
    expect(tile.headers['content-type']).toBe('image/png');
    expect(tile.rawPayload.subarray(4).toString()).toBe('Dortmund-Mitte');
    expect(tile.headers['cache-control']).toContain('max-age=86400');
    const etag = String(tile.headers.etag);
    const again = await t.app.inject({ url: '/karte/kacheln/12/2133/1367.png', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await c.get('/karte/kacheln/12/2134/1367.png')).rawPayload.subarray(4).toString()).toBe('Dortmund-Ost');
  });

  it('answers 404 for tiles outside the archive or outside the world', async () => {
    const c = new Client(t);
    for (const url of ['/karte/kacheln/12/0/0.png', '/karte/kacheln/13/2133/1367.png', '/karte/kacheln/2/4/0.png']) {
      expect((await c.get(url)).statusCode, url).toBe(404);
    }
  });

  it('puts the local tiles and the archive attribution on the map pages', async () => {
    expect(t.config.mapTileAttribution).toBe('© Stadt Dortmund, Vermessungs- und Katasteramt');
    const page = await new Client(t).get('/melden');
    expect(page.body).toContain('data-tiles="/karte/kacheln/{z}/{x}/{y}.png"');
  });

  it('refuses at start a file that is missing, not an archive, or both tile settings at once', () => {
    const junk = path.join(dir, 'junk.pmtiles');
    writeFileSync(junk, 'not an archive');
    expect(() => testConfig({ MAP_TILES_FILE: path.join(dir, 'missing.pmtiles') })).toThrow(ConfigError);
    expect(() => testConfig({ MAP_TILES_FILE: junk })).toThrow(/not a PMTiles v3 archive/);
    expect(() => testConfig({ MAP_TILES_FILE: file, MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(/either/);
  });
});
