import { describe, expect, it } from 'vitest';
import { clusterPoints, gridFor, snapToGrid } from './grid';

// The synthetic test city of test/helpers/factories.ts: a box around 51.5, 7.5.
const city = { minLon: 7.4, minLat: 51.45, maxLon: 7.6, maxLat: 51.55 };

describe('clustering', () => {
  it('uses cells about 64 px wide, square on screen', () => {
    const g = gridFor(10, city);
    expect(g.lonStep).toBeCloseTo((64 * 360) / (256 * 1024), 10);
    expect(g.latStep).toBeCloseTo(g.lonStep * Math.cos((51.5 * Math.PI) / 180), 10);
    expect(gridFor(11, city).lonStep).toBeCloseTo(g.lonStep / 2, 10);
  });

  it('keeps one grid for every view of a city, so clusters do not move while panning', () => {
    const north = { minLon: 7.3, minLat: 51.52, maxLon: 7.5, maxLat: 51.6 };
    const south = { minLon: 7.4, minLat: 51.42, maxLon: 7.6, maxLat: 51.49 };
    expect(gridFor(13, north)).toEqual(gridFor(13, south));
  });

  it('grows a box to whole cells and never shrinks it', () => {
    const box = { minLon: 7.4012, minLat: 51.4877, maxLon: 7.4733, maxLat: 51.5301 };
    const grid = gridFor(13, box);
    const snapped = snapToGrid(box, grid);
    expect(snapped.minLon).toBeLessThanOrEqual(box.minLon);
    expect(snapped.minLat).toBeLessThanOrEqual(box.minLat);
    expect(snapped.maxLon).toBeGreaterThanOrEqual(box.maxLon);
    expect(snapped.maxLat).toBeGreaterThanOrEqual(box.maxLat);
    expect(box.minLon - snapped.minLon).toBeLessThan(grid.lonStep);
    expect(snapped.maxLat - box.maxLat).toBeLessThan(grid.latStep);
    // A slightly panned view lands on the same cells.
    expect(snapToGrid({ ...box, minLon: box.minLon + 1e-5, maxLon: box.maxLon + 1e-5 }, grid)).toEqual(snapped);
  });

  it('groups points by cell, keeps counts, and names single reports', () => {
    const points = [
      { id: 1, lat: 51.5, lon: 7.5 },
      { id: 2, lat: 51.5001, lon: 7.5001 },
      { id: 3, lat: 51.5002, lon: 7.5002 },
      { id: 9, lat: 51.46, lon: 7.41 },
    ];
    const cells = clusterPoints(points, 10, city);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(4);
    const big = cells.find((c) => c.count === 3)!;
    expect(big.id).toBeNull();
    expect(big.lat).toBeCloseTo(51.5001, 6);
    expect(cells.find((c) => c.count === 1)).toMatchObject({ id: 9, lat: 51.46, lon: 7.41 });
    // Close enough, every point is its own cell.
    expect(clusterPoints(points, 19, city).map((c) => c.count)).toEqual([1, 1, 1, 1]);
  });
});
