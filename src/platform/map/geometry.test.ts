import { describe, expect, it } from 'vitest';
import {
  fitView,
  formatView,
  latLonToPixel,
  mapAction,
  mapClick,
  PICK_ZOOM,
  parseView,
  pixelToLatLon,
  project,
  STATIC_MAP,
  unproject,
  viewBounds,
} from './geometry';

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
