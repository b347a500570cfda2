import { describe, expect, it } from 'vitest';
import { project } from './geometry';
import { cellOf, cellsOf, clusterPoints, isTile, tileBox, tileCountOf, tilesCovering } from './grid';

// The synthetic test city of test/helpers/factories.ts: a box around 51.5, 7.5.
const city = { minLon: 7.4, minLat: 51.45, maxLon: 7.6, maxLat: 51.55 };

describe('the tile grid', () => {
  it('names the standard slippy-map tiles a box touches, and their box contains it', () => {
    const range = tilesCovering(city, 12);
    // 7.4° E, 51.55° N lies in tile 2132/1361 at zoom 12 (as every web map numbers it: OpenStreetMap's formula by hand).
    expect(range).toMatchObject({ zoom: 12, x0: 2132, y0: 1361 });
    expect(tileCountOf(range)).toBe((range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1));
    const box = tileBox(range);
    expect(box.minLon).toBeLessThanOrEqual(city.minLon);
    expect(box.minLat).toBeLessThanOrEqual(city.minLat);
    expect(box.maxLon).toBeGreaterThanOrEqual(city.maxLon);
    expect(box.maxLat).toBeGreaterThanOrEqual(city.maxLat);
    // A view panned by a few metres loads the same tiles.
    expect(tilesCovering({ ...city, minLon: city.minLon + 1e-5, maxLon: city.maxLon + 1e-5 }, 12)).toEqual(range);
  });

  it('refuses tiles that do not exist', () => {
    expect(isTile(0, 0, 0)).toBe(true);
    expect(isTile(2, 3, 3)).toBe(true);
    expect(isTile(2, 4, 0)).toBe(false);
    expect(isTile(23, 0, 0)).toBe(false);
    expect(isTile(3, -1, 0)).toBe(false);
  });

  it('has 4 × 4 cells of 64 px per tile, square on screen, the same for every view', () => {
    const range = { zoom: 10, x0: 533, y0: 341, x1: 533, y1: 341 };
    expect(cellsOf(range)).toEqual({ zoom: 10, x0: 2132, y0: 1364, x1: 2135, y1: 1367 });
    const p = project(51.5, 7.5, 10);
    expect(cellOf(51.5, 7.5, 10)).toEqual({ x: Math.floor(p.x / 64), y: Math.floor(p.y / 64) });
    // One zoom further, a cell splits into four.
    const c = cellOf(51.5, 7.5, 11);
    const parent = cellOf(51.5, 7.5, 10);
    expect([Math.floor(c.x / 2), Math.floor(c.y / 2)]).toEqual([parent.x, parent.y]);
  });

  it('groups points by cell, keeps counts, and names single reports', () => {
    const points = [
      { id: 1, lat: 51.5, lon: 7.5 },
      { id: 2, lat: 51.5001, lon: 7.5001 },
      { id: 3, lat: 51.5002, lon: 7.5002 },
      { id: 9, lat: 51.46, lon: 7.41 },
    ];
    const cells = clusterPoints(points, 10);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(4);
    const big = cells.find((c) => c.count === 3)!;
    expect(big.id).toBeNull();
    expect(big.lat).toBeCloseTo(51.5001, 6);
    expect(cells.find((c) => c.count === 1)).toMatchObject({ id: 9, lat: 51.46, lon: 7.41 });
    // Close enough, every point is its own cell.
    expect(clusterPoints(points, 19).map((c) => c.count)).toEqual([1, 1, 1, 1]);
  });
});
