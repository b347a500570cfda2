import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { asForm, field, fieldList, normaliseEmail, safeReturnPath } from './form';

describe('form helpers', () => {
  it('reads fields and tolerates tampered arrays', () => {
    expect(field({ a: '  x ' }, 'a')).toBe('x');
    expect(field({ a: ['y', 'z'] }, 'a')).toBe('y');
    expect(field({}, 'a')).toBe('');
    expect(fieldList({ a: ['1', ' ', '2'] }, 'a')).toEqual(['1', '2']);
    expect(fieldList({ a: '3' }, 'a')).toEqual(['3']);
  });
  it('brings JSON bodies to the shape of a form (found by the fuzzer: objects in fields crashed handlers)', () => {
    const form = asForm({ a: 'x', n: 5, b: true, o: { x: 1 }, z: null, list: ['1', 2, { y: 1 }, null], empty: [{}] });
    expect(form).toEqual({ a: 'x', n: '5', b: 'true', list: ['1', '2'] });
    expect(field(form, 'o')).toBe('');
    expect(fieldList(form, 'empty')).toEqual([]);
    expect(asForm(JSON.parse('{"__proto__": ["x"], "a": "1"}'))).toEqual({ a: '1' });
    expect(asForm('text body')).toEqual({});
    expect(asForm(Buffer.from('x'))).toEqual({});
    // Tolerates a FormBody that was built by hand with the wrong types.
    expect(field({ a: 5 as unknown as string }, 'a')).toBe('');
  });
  it('normalises emails and rejects junk', () => {
    expect(normaliseEmail(' Ada@Example.DE ')).toBe('ada@example.de');
    expect(normaliseEmail('jürgen@müller.de')).toBe('jürgen@müller.de');
    for (const bad of ['', 'a@b', 'no at.de', 'a@b.c', '<x>@y.de', 'a b@c.de']) expect(normaliseEmail(bad)).toBeNull();
  });
  it('allows only local return paths', () => {
    expect(safeReturnPath('/konto?x=1')).toBe('/konto?x=1');
    expect(safeReturnPath('/meldungen/12#foto', '')).toBe('/meldungen/12#foto');
    expect(safeReturnPath('', '/konto')).toBe('/konto');
  });

  // Each of these, sent as a Location, takes a browser to another host (or is not a path of ours at all).
  // Browsers drop tab, CR and LF anywhere and C0 controls and spaces at the ends, and read "\\" as "/".
  it.each([
    '//evil.example',
    '/\t/evil.example',
    '/\t\\evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '\u0000//evil.example',
    '\u001f/\\evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    '/a/..//evil.example',
    '/%2e%2e//evil.example',
    '/..\\/evil.example',
    'https://evil.example',
    'https:evil.example',
    'http:/evil.example',
    '//evil.example/konto',
    '///evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    'evil.example',
    '?return=//evil.example',
    '',
    '   ',
  ])('refuses %j', (hostile) => {
    expect(safeReturnPath(hostile)).toBe('/');
    expect(safeReturnPath(hostile, '')).toBe('');
  });

  it.each([
    ['/a\r\nSet-Cookie: x', '/aSet-Cookie:%20x'],
    ['/kon\tto', '/konto'],
    ['  /konto  ', '/konto'],
    ['/konto\\daten', '/konto/daten'],
    ['/a/../konto', '/konto'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/stra\u00dfe?q=\u00e4', '/stra%C3%9Fe?q=%C3%A4'],
  ])('sends %j as the path a browser reads, %j', (raw, sent) => {
    expect(safeReturnPath(raw)).toBe(sent);
    // What we send survives a second look unchanged: it is already what browsers read.
    expect(safeReturnPath(sent)).toBe(sent);
    expect(new URL(sent, 'https://melden.example').origin).toBe('https://melden.example');
  });
});

describe('form routes sent JSON', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers non-text values like missing fields, not with a 500', async () => {
    const c = new Client(t);
    const res = await c.request({
      method: 'POST',
      url: '/barrierefreiheit',
      payload: { _csrf: c.csrf, message: { text: 'Kontrast' }, page: ['/', 1], email: null },
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<!DOCTYPE html>');
    const ok = await c.request({
      method: 'POST',
      url: '/barrierefreiheit',
      payload: { _csrf: c.csrf, message: 42 },
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.statusCode).toBe(303);
  });
});
