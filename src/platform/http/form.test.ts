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
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '/a\r\nSet-Cookie: x']) {
      expect(safeReturnPath(bad)).toBe('/');
    }
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
