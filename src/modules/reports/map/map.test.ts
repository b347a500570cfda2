import { describe, expect, it } from 'vitest';
import {
  berlinMidnight,
  clusterPoints,
  fitView,
  formatView,
  gridFor,
  latLonToPixel,
  mapAction,
  mapClick,
  PICK_ZOOM,
  pageLinks,
  parseBbox,
  parseFilters,
  parseView,
  parseZoom,
  pixelToLatLon,
  project,
  STATIC_MAP,
  snapToGrid,
  unproject,
  viewBounds,
} from './map';

// The synthetic test city of test/helpers/factories.ts: a box around 51.5, 7.5.
const city = { minLon: 7.4, minLat: 51.45, maxLon: 7.6, maxLat: 51.55 };

describe('Web Mercator', () => {
  it('projects and unprojects to the same place', () => {
    for (const [lat, lon] of [
      [51.5, 7.5],
      [0, 0],
      [-33.9, 151.2],
      [85, -179.9],
    ] as const) {
      for (const z of [0, 10, 18]) {
        const p = project(lat, lon, z);
        const back = unproject(p.x, p.y, z);
        expect(back.lat).toBeCloseTo(lat, 8);
        expect(back.lon).toBeCloseTo(lon, 8);
      }
    }
    expect(project(0, 0, 0)).toEqual({ x: 128, y: 128 });
  });
});

describe('the clickable server map', () => {
  const view = { zoom: 12, lat: 51.5, lon: 7.5 };

  it('converts pixels to coordinates and back', () => {
    expect(pixelToLatLon(view, STATIC_MAP.width / 2, STATIC_MAP.height / 2)).toEqual({ lat: 51.5, lon: 7.5 });
    const ne = pixelToLatLon(view, STATIC_MAP.width, 0);
    expect(ne.lat).toBeGreaterThan(51.5);
    expect(ne.lon).toBeGreaterThan(7.5);
    for (const [x, y] of [
      [0, 0],
      [17, 300],
      [640, 400],
      [320.5, 10],
    ] as const) {
      const ll = pixelToLatLon(view, x, y);
      const px = latLonToPixel(view, ll.lat, ll.lon);
      expect(px.x).toBeCloseTo(x, 0);
      expect(px.y).toBeCloseTo(y, 0);
    }
    // One pixel at zoom 12 near 51.5° N is about 24 m.
    const a = pixelToLatLon(view, 320, 200);
    const b = pixelToLatLon(view, 321, 200);
    expect((b.lon - a.lon) * 111_320 * Math.cos((51.5 * Math.PI) / 180)).toBeCloseTo(23.7, 0);
  });

  it('fits the city into the image and below the picking zoom', () => {
    const v = fitView(city);
    expect(v.lat).toBeCloseTo(51.5, 6);
    expect(v.lon).toBeCloseTo(7.5, 6);
    expect(v.zoom).toBeLessThan(PICK_ZOOM);
    const b = viewBounds(v);
    expect(b.minLon).toBeLessThan(city.minLon);
    expect(b.maxLon).toBeGreaterThan(city.maxLon);
    expect(b.minLat).toBeLessThan(city.minLat);
    expect(b.maxLat).toBeGreaterThan(city.maxLat);
    // One zoom level more would not fit.
    const closer = viewBounds({ ...v, zoom: v.zoom + 1 });
    expect(closer.maxLon - closer.minLon < city.maxLon - city.minLon || closer.maxLat - closer.minLat < city.maxLat - city.minLat).toBe(true);
  });

  it('zooms in on a click until close enough, then picks the clicked point', () => {
    const first = mapClick(view, 480, 100);
    expect(first.kind).toBe('zoom');
    expect(first.view.zoom).toBe(14);
    expect(first.view).toMatchObject(pixelToLatLon(view, 480, 100));
    const second = mapClick(first.view, 320, 200);
    expect(second).toMatchObject({ kind: 'zoom', view: { zoom: 16 } });
    const pick = mapClick(second.view, 100, 50);
    expect(pick.kind).toBe('pick');
    if (pick.kind === 'pick') {
      expect(pick.view).toEqual(second.view);
      expect({ lat: pick.lat, lon: pick.lon }).toEqual(pixelToLatLon(second.view, 100, 50));
    }
    // A keyboard activation sends (0, 0): zoom in at the centre, never pick the corner.
    expect(mapClick({ ...view, zoom: 16 }, 0, 0)).toEqual({ kind: 'zoom', view: { ...view, zoom: 18 } });
  });

  it('moves, zooms out and returns to the whole city', () => {
    const whole = fitView(city);
    expect(mapAction(view, 'out', whole).zoom).toBe(10);
    expect(mapAction({ ...view, zoom: 8 }, 'out', whole).zoom).toBe(8);
    expect(mapAction(view, 'in', whole).zoom).toBe(14);
    expect(mapAction(view, 'north', whole).lat).toBeGreaterThan(view.lat);
    expect(mapAction(view, 'south', whole).lat).toBeLessThan(view.lat);
    expect(mapAction(view, 'east', whole).lon).toBeGreaterThan(view.lon);
    expect(mapAction(view, 'west', whole).lon).toBeLessThan(view.lon);
    expect(mapAction(view, 'city', whole)).toEqual(whole);
  });

  it('writes and reads views, refusing anything odd', () => {
    expect(parseView(formatView(view))).toEqual(view);
    for (const bad of ['', '12/51.5', '99/51.5/7.5', '12/91/7.5', '12/51.5/7.5/1', '12/51.5/<script>', '0/51/7']) expect(parseView(bad)).toBeNull();
  });
});

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

describe('filters', () => {
  it('reads good values', () => {
    const f = parseFilters({ kategorie: '3', status: 'open', bezirk: '7', von: '2025-03-01', bis: '2025-03-31', seite: '2' });
    expect(f.errors).toEqual({});
    expect(f.page).toBe(2);
    expect(f.filter).toMatchObject({ categoryId: 3, status: 'open', districtId: 7 });
    // Berlin midnight: winter time on 1 March, summer time from 30 March, so the end is 22:00 UTC.
    expect(f.filter.from?.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(f.filter.to?.toISOString()).toBe('2025-03-31T22:00:00.000Z');
    expect(parseFilters({}).filter).toEqual({});
  });

  it('names each bad value instead of ignoring it', () => {
    const f = parseFilters({ kategorie: 'x', status: 'kaputt', bezirk: '-1', von: '2025-02-30', bis: 'gestern', seite: '0' });
    expect(f.errors).toEqual({ kategorie: 'number', status: 'status', bezirk: 'number', von: 'date', bis: 'date', seite: 'page' });
    expect(parseFilters({ von: '2025-03-02', bis: '2025-03-01' }).errors).toEqual({ bis: 'range' });
    expect(parseFilters({ status: ['open', 'fixed'] }).filter.status).toBe('open');
  });

  it('reads bbox and zoom strictly', () => {
    expect(parseBbox('7.4,51.45,7.6,51.55')).toEqual(city);
    for (const bad of ['', '7.4,51.45,7.6', '7.6,51.45,7.4,51.55', 'a,b,c,d', '7.4,51.45,7.6,95', '1e3,1,2,3']) expect(parseBbox(bad)).toBeNull();
    expect(parseZoom('12')).toBe(12);
    for (const bad of ['', '-1', '23', '1.5', 'x']) expect(parseZoom(bad)).toBeNull();
  });

  it('computes Berlin midnights and page links', () => {
    expect(berlinMidnight('2025-07-01')?.toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(berlinMidnight('2025-13-01')).toBeNull();
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
  });
});
