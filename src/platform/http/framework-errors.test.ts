import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('paths Fastify cannot decode (found by fuzzing: its own JSON echoed the path, without our headers)', () => {
  it('answers a page with broken %-encoding with our error page and security headers', async () => {
    const res = await new Client(t).get('/meldungen/%/folgen', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/^<!DOCTYPE html>/);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).not.toContain('FST_ERR');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers JSON routes with our JSON error', async () => {
    const res = await new Client(t).get('/api/reports.geojson/%zz');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'bad_request' } });
  });
});
