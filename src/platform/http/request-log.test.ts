import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestApp, testConfig } from '../../../test/helpers/app';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization, createResident, createStaff } from '../../../test/helpers/factories';
import { buildApp } from '../../app';
import { createApiKey } from '../../modules/open311/api-key.service';
import type { DatabaseHandle } from '../db/connect';
import { randomToken } from '../security/tokens';
import { REDACTED, redactUrl } from './request-log';

describe('redactUrl', () => {
  const token = randomToken(32);
  it.each([
    [`/anmelden/link/${token}`, `/anmelden/link/${REDACTED}`],
    [`/verwaltung/einrichten/${token}?lang=en`, `/verwaltung/einrichten/${REDACTED}?lang=en`],
    [`/verwaltung/passwort/${token}`, `/verwaltung/passwort/${REDACTED}`],
    [`/meldungen/bestaetigen/${token}`, `/meldungen/bestaetigen/${REDACTED}`],
    [`/meldungen/abbestellen/${token}.${randomToken(16)}`, `/meldungen/abbestellen/${REDACTED}`],
    ['/open311/v2/requests.json?api_key=k311_geheim&page=2', `/open311/v2/requests.json?api_key=${REDACTED}&page=2`],
    [
      '/open311/v2/requests.json?API_KEY=x&apiKey=y&access_token=z',
      `/open311/v2/requests.json?API_KEY=${REDACTED}&apiKey=${REDACTED}&access_token=${REDACTED}`,
    ],
    ['/x?api%5Fkey=geheim', `/x?api%5Fkey=${REDACTED}`],
    // What is not a credential stays readable: words, ids, slugs, codes, dates.
    ['/verwaltung/meldungen/123?status=offen&seite=2', '/verwaltung/meldungen/123?status=offen&seite=2'],
    ['/open311/v2/servicerequestupdates.json?service_code=strassenschaden', '/open311/v2/servicerequestupdates.json?service_code=strassenschaden'],
    ['/feeds/kategorien/datenschutzerklaerung-lang.atom', '/feeds/kategorien/datenschutzerklaerung-lang.atom'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it('redacts the values of the route parameters that hold credentials, whatever they look like', () => {
    expect(redactUrl('/meldungen/fragebogen/kurz', ['kurz'])).toBe(`/meldungen/fragebogen/${REDACTED}`);
  });
});

describe('the request log', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let dataDir: string;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-log-'));
    await createOrganization(handle.db, { hosts: ['localhost'] });
    const config = testConfig({ DATA_DIR: dataDir });
    app = await buildApp({ config, db: handle.db, logStream: { write: (line) => lines.push(JSON.parse(line)) } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const t = () => ({ app, db: handle.db, config: app.initialConfig as never, org: null as never, handle, close: async () => {} }) as unknown as TestApp;
  const logged = () => JSON.stringify(lines);

  it('never writes a sign-in, set-up, reset or confirmation token, or an API key, into a line', async () => {
    const org = await handle.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    const key = await createApiKey(handle.db, org.id, { name: 'Partner' }, null);
    const secrets = [randomToken(32), randomToken(32), randomToken(32), randomToken(32), randomToken(20)];
    const c = new Client({ ...t(), org, config: testConfig() });
    await c.get(`/anmelden/link/${secrets[0]}`);
    await c.post(`/anmelden/link/${secrets[0]}`);
    await c.get(`/verwaltung/einrichten/${secrets[1]}`);
    await c.get(`/verwaltung/passwort/${secrets[2]}`);
    await c.get(`/meldungen/bestaetigen/${secrets[3]}`);
    await c.get(`/meldungen/fragebogen/${secrets[4]}?lang=en`);
    await c.get(`/open311/v2/requests.json?api_key=${encodeURIComponent(key.key)}`);
    await c.get(`/api/reports.geojson?api_key=${encodeURIComponent(key.key)}&limit=1`);
    const text = logged();
    expect(text).toContain('/anmelden/link/[redacted]');
    expect(text).toContain('api_key=[redacted]');
    for (const secret of [...secrets, key.key, encodeURIComponent(key.key)]) expect(text).not.toContain(secret);
  });

  it('says who was refused and why, for each 403', async () => {
    const org = await handle.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    const config = testConfig();
    const resident = await createResident(handle.db, org.id);
    const moderator = await createStaff(handle.db, config.secret, org.id, 'moderator');
    lines.length = 0;

    const asResident = new Client({ ...t(), org, config });
    await asResident.signInAs(resident.id, 'resident');
    expect((await asResident.get('/verwaltung')).statusCode).toBe(403);

    const asModerator = new Client({ ...t(), org, config }, '203.0.113.20');
    await asModerator.signInAs(moderator.id, 'staff');
    expect((await asModerator.get('/verwaltung/mitarbeitende')).statusCode).toBe(403);

    const anonymous = new Client({ ...t(), org, config }, '203.0.113.30');
    expect((await anonymous.post('/barrierefreiheit', { message: 'x' }, { csrf: false })).statusCode).toBe(403);
    expect((await anonymous.request({ method: 'POST', url: '/open311/v2/requests.json', payload: {} })).statusCode).toBe(403);

    const refusals = lines.filter((l) => l.msg === 'request refused');
    expect(refusals.map((l) => [l.actor, l.status, l.route])).toEqual([
      [resident.id, 403, '/verwaltung'],
      [moderator.id, 403, '/verwaltung/mitarbeitende'],
      ['anonymous', 403, '/barrierefreiheit'],
      ['anonymous', 403, '/open311/v2/requests.json'],
    ]);
    expect(refusals[0]!.reason).toMatch(/no staff session/);
    expect(refusals[1]!.reason).toMatch(/for admin, but the role is moderator/);
    expect(refusals[2]!.reason).toBe('csrf_invalid');
    expect(refusals[3]!.reason).toMatch(/api_key/);
    expect([refusals[0]!.session, refusals[1]!.role]).toEqual(['resident', 'moderator']);
    for (const line of refusals) expect(line.level).toBe(40);
  });

  it('says why a staff sign-in was refused (401), never the password', async () => {
    const org = await handle.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    const config = testConfig();
    const staff = await createStaff(handle.db, config.secret, org.id, 'moderator');
    lines.length = 0;
    const c = new Client({ ...t(), org, config }, '203.0.113.40');
    await c.get('/verwaltung/anmelden');
    const wrong = await c.post('/verwaltung/anmelden', { email: staff.email, password: 'falsches-Passwort-123' });
    expect(wrong.statusCode).toBe(401);
    expect((await c.post('/verwaltung/anmelden/code', { code: '123456' })).statusCode).toBe(401);
    const refusals = lines.filter((l) => l.msg === 'request refused');
    expect(refusals.map((l) => [l.actor, l.status, l.route])).toEqual([
      ['anonymous', 401, '/verwaltung/anmelden'],
      ['anonymous', 401, '/verwaltung/anmelden/code'],
    ]);
    expect(refusals[0]!.reason).toMatch(/wrong password/);
    expect(refusals[1]!.reason).toMatch(/no pending sign-in/);
    expect(logged()).not.toContain('falsches-Passwort-123');
  });
});
