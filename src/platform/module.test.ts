import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesModule } from '../../docs/example-module';
import { addNotice } from '../../docs/example-module/notices.queries';
import { Client, createTestApp, type TestApp } from '../../test/helpers/app';
import { createResident, createStaff } from '../../test/helpers/factories';
import { startModuleWork } from '../app';
import { MODULES, moduleRegistry } from '../module-list';
import { localStorage } from './files/storage';
import { openJobQueue } from './jobs/open';
import { defineJob } from './jobs/queue';
import { contribute, createRegistry, defineModule, extensionPoint, worker } from './module';

const noop = { up: async () => {} };

describe('the module registry', () => {
  it('refuses two modules of one name and two migrations of one number', () => {
    expect(() => createRegistry([defineModule({ name: 'a' }), defineModule({ name: 'a' })])).toThrow(/Two modules are named "a"/);
    expect(() =>
      createRegistry([defineModule({ name: 'a', migrations: { '0900_x': noop } }), defineModule({ name: 'b', migrations: { '0900_y': noop } })]),
    ).toThrow(/reuses number 0900/);
    expect(() => createRegistry([defineModule({ name: 'a', migrations: { 'add-table': noop } })])).toThrow(/NNNN_what/);
  });

  it('orders menus and migrations, shows back-office links by role, and hands out contributions per extension point', () => {
    const point = extensionPoint<string>('test point');
    const other = extensionPoint<string>('other point');
    const registry = createRegistry(
      [
        defineModule({
          name: 'late',
          menu: [{ href: '/b', label: () => 'B', order: 20 }],
          migrations: { '0902_late': noop },
          backOffice: [{ href: '/verwaltung/b', label: () => 'B', roles: ['admin'], section: 'admin', order: 1 }],
        }),
        defineModule({
          name: 'early',
          menu: [{ href: '/a', label: (l) => `A-${l}`, order: 10 }],
          migrations: { '0901_early': noop },
          backOffice: [{ href: '/verwaltung/a', label: () => 'A', roles: 'any', section: 'work', order: 5 }],
          contributes: [contribute(point, 'from early')],
        }),
      ],
      { '0001_platform': noop },
    );
    expect(registry.menu('en')).toEqual([
      { href: '/a', label: 'A-en' },
      { href: '/b', label: 'B' },
    ]);
    expect(Object.keys(registry.migrations())).toEqual(['0001_platform', '0901_early', '0902_late']);
    expect(registry.backOfficeLinks('admin', 'de').map((l) => l.href)).toEqual(['/verwaltung/a', '/verwaltung/b']);
    expect(registry.backOfficeLinks('moderator', 'de').map((l) => l.href)).toEqual(['/verwaltung/a']);
    expect(registry.backOfficeLinks(null, 'de')).toEqual([]);
    expect(registry.contributions(point)).toEqual(['from early']);
    expect(registry.contributions(other)).toEqual([]);
  });

  it('lists every module folder exactly once, under its folder name', () => {
    const folders = readdirSync(path.resolve(import.meta.dirname, '../modules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });
});

// The example module of docs/architecture.md, added the way a new module is: its folder and one entry in the list.
describe('a module added to the list (docs/example-module)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, undefined, moduleRegistry([...MODULES, noticesModule]));
    await addNotice(t.db, t.org.id, 'Wochenmarkt zieht um', new Date(Date.now() + 86_400_000));
  });
  afterAll(() => t.close());

  it('serves its pages, with its link in the main menu, after its own migration ran', async () => {
    const res = await new Client(t).get('/hinweise');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Wochenmarkt zieht um');
    expect(res.body).toMatch(/<a href="\/hinweise" aria-current="page">Hinweise<\/a>/);
    const home = await new Client(t).get('/');
    expect(home.body).toContain('<a href="/hinweise">Hinweise</a>');
    const sitemap = await new Client(t).get('/sitemap.xml');
    expect(sitemap.body).toContain('<loc>http://localhost/hinweise</loc>');
    expect(sitemap.body).toContain('<loc>http://localhost/melden</loc>');
  });

  it('puts its back-office link in the frame for the roles it names, and its guard holds', async () => {
    const admin = await createStaff(t.db, t.config.secret, t.org.id, 'admin');
    const client = new Client(t);
    await client.signInAs(admin.id, 'staff');
    const page = await client.get('/verwaltung/hinweise');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/verwaltung/hinweise" aria-current="page">Hinweise</a>');

    const moderator = await createStaff(t.db, t.config.secret, t.org.id, 'moderator');
    const modClient = new Client(t);
    await modClient.signInAs(moderator.id, 'staff');
    const overview = await modClient.get('/verwaltung');
    expect(overview.body).not.toContain('/verwaltung/hinweise');
    expect((await modClient.get('/verwaltung/hinweise')).statusCode).toBe(403);

    const resident = await createResident(t.db, t.org.id);
    const residentClient = new Client(t);
    await residentClient.signInAs(resident.id, 'resident');
    expect((await residentClient.get('/verwaltung/hinweise')).statusCode).toBe(403);
  });

  it('is not there when it is not in the list', async () => {
    const plain = await createTestApp();
    try {
      expect((await new Client(plain).get('/hinweise')).statusCode).toBe(404);
      expect((await new Client(plain).get('/')).body).not.toContain('/hinweise');
    } finally {
      await plain.close();
    }
  });
});

describe("a module's background work", () => {
  it('runs its one-off jobs through the queue and its periodic jobs in the scheduler', async () => {
    const t = await createTestApp();
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const queue = openJobQueue(t.handle, quiet, { pollingIntervalSeconds: 0.5 });
    const ran: number[] = [];
    let ticks = 0;
    const pingJob = defineJob<{ organizationId: number; n: number }>('example.ping');
    const registry = moduleRegistry([
      ...MODULES,
      defineModule({
        name: 'pinger',
        workers: () => [worker(pingJob, async (data) => void ran.push(data.n))],
        jobs: () => [{ name: 'pinger-tick', everySeconds: 3600, run: async () => void ticks++ }],
      }),
    ]);
    const work = await startModuleWork({
      handle: t.handle,
      config: t.config,
      storage: localStorage(t.config.dataDir),
      registry,
      jobQueue: queue,
      log: t.app.log,
    });
    try {
      await queue.send(pingJob, { organizationId: t.org.id, n: 7 });
      await expect.poll(() => ran, { timeout: 10_000 }).toEqual([7]);
      await expect.poll(() => ticks, { timeout: 5_000 }).toBe(1);
    } finally {
      await work.stop();
      await t.close();
    }
  });
});
