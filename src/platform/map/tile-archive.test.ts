import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PMTiles, TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packTiles, type TileSource } from './pmtiles-writer';
import { openTileArchive, TileArchiveError } from './tile-archive';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tiles-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fake = (z: number, x: number, y: number, bytes = Buffer.from(`tile ${z}/${x}/${y}`)): TileSource => ({ z, x, y, read: async () => bytes });

describe('PMTiles archive', () => {
  it('packs tiles and serves each one back, nothing for tiles it does not hold', async () => {
    const file = path.join(dir, 'small.pmtiles');
    const same = Buffer.from('sea');
    const tiles = [fake(0, 0, 0), fake(1, 0, 0), fake(1, 1, 1), fake(2, 1, 1, same), fake(2, 1, 2, same), fake(2, 2, 1, same)];
    const result = await packTiles(tiles, file, { tileType: TileType.Png, attribution: '© Stadt Dortmund' });
    expect(result).toEqual({ tiles: 6, contents: 4 });

    const archive = await openTileArchive(file);
    try {
      expect(archive.contentType).toBe('image/png');
      expect([archive.minZoom, archive.maxZoom]).toEqual([0, 2]);
      expect(archive.attribution).toBe('© Stadt Dortmund');
      expect((await archive.tile(1, 1, 1))?.toString()).toBe('tile 1/1/1');
      expect((await archive.tile(2, 2, 1))?.toString()).toBe('sea');
      expect(await archive.tile(1, 0, 1)).toBeNull();
      expect(await archive.tile(5, 0, 0)).toBeNull();
    } finally {
      await archive.close();
    }
  });

  it('writes leaf directories when the root would not fit in the first 16 KiB, readable by the reference reader', async () => {
    const file = path.join(dir, 'large.pmtiles');
    const tiles: TileSource[] = [];
    for (let x = 0; x < 128; x++) for (let y = 0; y < 128; y++) tiles.push(fake(7, x, y));
    await packTiles(tiles, file, { tileType: TileType.Jpeg });

    const archive = await openTileArchive(file);
    try {
      expect(archive.contentType).toBe('image/jpeg');
      for (const [x, y] of [
        [0, 0],
        [127, 127],
        [64, 3],
        [5, 99],
      ] as const) {
        expect((await archive.tile(7, x, y))?.toString()).toBe(`tile 7/${x}/${y}`);
      }
    } finally {
      await archive.close();
    }
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(file);
    expect(bytes.readBigUInt64LE(16)).toBeLessThanOrEqual(16_384n - 127n);
    expect(bytes.readBigUInt64LE(48)).toBeGreaterThan(0n);
    const reference = new PMTiles({
      getKey: () => file,
      getBytes: async (o: number, l: number) => ({ data: new Uint8Array(bytes.subarray(o, o + l)).buffer }),
    });
    const header = await reference.getHeader();
    expect(header.numAddressedTiles).toBe(128 * 128);
    expect(header.minLat).toBeLessThan(header.maxLat);
  });

  it('refuses vector archives and files that are not archives, saying why', async () => {
    const vector = path.join(dir, 'vector.pmtiles');
    await packTiles([fake(0, 0, 0)], vector, { tileType: TileType.Mvt });
    await expect(openTileArchive(vector)).rejects.toThrow(/only raster tiles/);
    const junk = path.join(dir, 'junk.pmtiles');
    await writeFile(junk, Buffer.alloc(200, 7));
    await expect(openTileArchive(junk)).rejects.toBeInstanceOf(TileArchiveError);
    await expect(openTileArchive(path.join(dir, 'missing.pmtiles'))).rejects.toThrow(/cannot be read/);
  });
});
