import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization } from '../../../test/helpers/factories';
import { buildApp } from '../../app';
import { type Config, loadConfig } from '../../config';
import { servingConfig } from '../../main';
import type { DatabaseHandle } from '../../platform/db/connect';
import { enqueueMail } from '../../platform/mail/outbox';

// The dev mailbox shows every mail (sign-in and set-up links included) to anyone who opens it. The audit found it
// on whenever NODE_ENV was not production, so `kuemmerer serve` without NODE_ENV published every sign-in link.

describe('developer mailbox', () => {
  let handle: DatabaseHandle;
  let dataDir: string;
  const apps: FastifyInstance[] = [];

  async function appWith(config: Config) {
    const app = await buildApp({ config, db: handle.db });
    await app.ready();
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'kuemmerer-mailbox-'));
    const org = await createOrganization(handle.db, { hosts: ['localhost'] });
    await enqueueMail(handle.db, {
      organization_id: org.id,
      to_address: 'ada@example.de',
      subject: 'Ihr Anmeldelink',
      text_body: 'http://localhost/anmelden/link/geheim',
      html_body: null,
    });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is on only under the demo command, never under serve and never in production', () => {
    const demoMode = loadConfig({ DATA_DIR: dataDir });
    expect(demoMode.mode).toBe('demo');
    expect(demoMode.devMailbox).toBe(false);
    expect(servingConfig('serve', demoMode).devMailbox).toBe(false);
    expect(servingConfig('serve', testConfig()).devMailbox).toBe(false);
    expect(servingConfig('demo', demoMode).devMailbox).toBe(true);
    const production = loadConfig({ NODE_ENV: 'production', SECRET: 'q5pX2VdLr0wQm8HkYt3ZsNa7JcBf9GeU1oRi6yTw4Kv' });
    expect(servingConfig('demo', production).devMailbox).toBe(false);
  });

  it('does not exist, and is not linked, in an app served without it (serve, in any mode)', async () => {
    const app = await appWith(servingConfig('serve', loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost' })));
    const res = await app.inject({ url: '/dev/postfach', headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('/anmelden/link/');
    const home = await app.inject({ url: '/', headers: { host: 'localhost' } });
    expect(home.statusCode).toBe(200);
    expect(home.body).not.toContain('/dev/postfach');
  });

  it('shows the mails and is linked in the footer under the demo command', async () => {
    const app = await appWith(servingConfig('demo', loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost' })));
    const res = await app.inject({ url: '/dev/postfach', headers: { host: 'localhost' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/anmelden/link/geheim');
    expect((await app.inject({ url: '/', headers: { host: 'localhost' } })).body).toContain('href="/dev/postfach"');
  });
});
