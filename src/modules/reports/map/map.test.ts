import { describe, expect, it } from 'vitest';
import { pageLinks, parseBbox, parseFilters, parseZoom } from './map';

// The synthetic test city of test/helpers/factories.ts: a box around 51.5, 7.5.
const city = { minLon: 7.4, minLat: 51.45, maxLon: 7.6, maxLat: 51.55 };

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

  it('computes page links', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
  });
});
