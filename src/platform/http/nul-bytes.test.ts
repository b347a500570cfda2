import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { containsNul } from './nul-bytes';

describe('containsNul', () => {
  it('looks through strings, arrays, objects and keys but not file contents', () => {
    expect(containsNul('a\u0000b')).toBe(true);
    expect(containsNul({ a: ['x', { b: '\u0000' }] })).toBe(true);
    expect(containsNul({ 'a\u0000': 'x' })).toBe(true);
    expect(containsNul({ photo: Buffer.from([0, 0, 0]) })).toBe(false);
    expect(containsNul({ a: 'Straße 🙂', n: 5, none: null })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
  });
});

describe('NUL characters in requests (found by the fuzzer: PostgreSQL refused them with a 500)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a form field with NUL as a bad request, before anything is stored', async () => {
    const res = await new Client(t).post('/barrierefreiheit', { message: 'Kontrast\u0000zu gering' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<!DOCTYPE html>');
    expect(await t.db.selectFrom('accessibility_feedback').select('id').execute()).toEqual([]);
  });

  it('refuses NUL in query strings and path parameters too', async () => {
    const c = new Client(t);
    expect((await c.get('/meldungen?status=%00')).statusCode).toBe(400);
    expect((await c.get('/feeds/kategorien/a%00b.atom')).statusCode).toBe(400);
    const open311 = await c.get('/open311/v2/services/a%00b.json');
    expect(open311.statusCode).toBe(400);
    expect(open311.json()).toEqual([{ code: 400, description: expect.any(String) }]);
  });

  it('lets ordinary text through', async () => {
    const res = await new Client(t).post('/barrierefreiheit', { message: 'Kontrast zu gering – „Straße“ 🙂' });
    expect(res.statusCode).toBe(303);
  });
});

describe('NUL characters and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('checks the CSRF token first: a forged form is a 403 whatever it carries', async () => {
    const res = await new Client(t).post('/barrierefreiheit', { message: 'a\u0000b' }, { csrf: false });
    expect(res.statusCode).toBe(403);
  });
});
