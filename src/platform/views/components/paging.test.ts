import { describe, expect, it } from 'vitest';
import { ariaSort, hasNextPage, listHref, pageHref, pageLinks, sortHref } from './paging';

describe('list links keep the other query parameters', () => {
  const url = { path: '/verwaltung/meldungen', query: { status: 'all', q: 'Ampel & Co', kategorie: '', seite: '3' } };

  it('changes one parameter in place, drops empty ones and encodes values', () => {
    expect(listHref(url, { status: 'closed' })).toBe('/verwaltung/meldungen?status=closed&q=Ampel+%26+Co&seite=3');
    expect(listHref(url, { neu: 'x' })).toBe('/verwaltung/meldungen?status=all&q=Ampel+%26+Co&seite=3&neu=x');
    expect(listHref(url, { q: '', status: null, seite: undefined })).toBe('/verwaltung/meldungen');
    expect(listHref({ path: '/a', query: new URLSearchParams('x=1&y=2') }, { x: 3 })).toBe('/a?x=3&y=2');
  });

  it('links page 1 as the plain list and other pages with the page parameter', () => {
    expect(pageHref(url, 1)).toBe('/verwaltung/meldungen?status=all&q=Ampel+%26+Co');
    expect(pageHref(url, 4)).toBe('/verwaltung/meldungen?status=all&q=Ampel+%26+Co&seite=4');
    expect(pageHref({ path: '/meldungen', query: { status: 'open' } }, 2)).toBe('/meldungen?status=open&seite=2');
    expect(pageHref({ path: '/x', query: {}, pageParam: 'page' }, 2)).toBe('/x?page=2');
  });

  it('knows whether a next page exists, counted or not', () => {
    expect(hasNextPage({ page: 2, pages: 3 })).toBe(true);
    expect(hasNextPage({ page: 3, pages: 3 })).toBe(false);
    expect(hasNextPage({ page: 3, hasNext: true })).toBe(true);
    expect(hasNextPage({ page: 3 })).toBe(false);
  });

  it('lists first, last and two pages either side, with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageLinks(10, 10)).toEqual([1, null, 8, 9, 10]);
  });
});

describe('sortable columns', () => {
  const column = { asc: 'name', desc: 'name-ab' };
  const state = (value: string) => ({ url: { path: '/liste', query: { q: 'x', sortierung: value, seite: '4' } }, value });

  it('marks the sorted column for aria-sort', () => {
    expect(ariaSort(column, 'name')).toBe('ascending');
    expect(ariaSort(column, 'name-ab')).toBe('descending');
    expect(ariaSort(column, '')).toBeUndefined();
    // A column whose descending order is the list's default is sorted when nothing is asked for.
    expect(ariaSort({ asc: 'neueste', desc: '' }, '')).toBe('descending');
  });

  it('sorts ascending first, then the other way, back to page 1 and keeping filters', () => {
    expect(sortHref(state(''), column)).toBe('/liste?q=x&sortierung=name');
    expect(sortHref(state('name'), column)).toBe('/liste?q=x&sortierung=name-ab');
    expect(sortHref(state('name-ab'), column)).toBe('/liste?q=x&sortierung=name');
    // The default order has no parameter.
    expect(sortHref(state('neueste'), { asc: 'neueste', desc: '' })).toBe('/liste?q=x');
    expect(sortHref({ ...state(''), param: 'sort' }, column)).toBe('/liste?q=x&sort=name');
  });
});
