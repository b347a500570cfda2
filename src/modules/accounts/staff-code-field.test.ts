import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createStaff } from '../../../test/helpers/factories';
import { totpAt } from './totp';

// An empty authenticator-code field answered "Der Code stimmt nicht": it is a missing code, and costs no attempt.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the authenticator-code field at staff sign-in', () => {
  it('says a missing code is missing, keeps the step, and the right code still signs in', async () => {
    const staff = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const c = new Client(t, '198.51.100.77');
    expect((await c.post('/verwaltung/anmelden', { email: staff.email, password: staff.password })).statusCode).toBe(200);
    const empty = await c.post('/verwaltung/anmelden/code', { code: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Bitte füllen Sie dieses Feld aus');
    expect(empty.body).not.toContain('Der Code stimmt nicht');
    expect(empty.body).toContain('href="#f-code"');
    const wrong = await c.post('/verwaltung/anmelden/code', { code: '000000' === totpAt(staff.totpSecret, Date.now()) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Der Code stimmt nicht');
    const done = await c.post('/verwaltung/anmelden/code', { code: totpAt(staff.totpSecret, Date.now()) });
    expect(done.statusCode).toBe(303);
  });
});
